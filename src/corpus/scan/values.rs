//! The scanner's scalar values (`null`, booleans, numbers) and the skipping of any value,
//! validated and dropped.

use super::Scan;

impl<'a> Scan<'a> {
    /// `null` is consumed and answers true; anything else is left in place.
    #[inline(always)]
    pub(crate) fn null(&mut self) -> bool {
        self.peek() == Some(b'n') && self.literal(b"null")
    }

    #[inline(always)]
    fn literal(&mut self, word: &[u8]) -> bool {
        let hit = self.peek().is_some() && self.bytes()[self.i..].starts_with(word);
        self.i += if hit { word.len() } else { 0 };
        hit
    }

    #[inline(always)]
    pub(crate) fn bool(&mut self) -> Option<bool> {
        if self.literal(b"true") {
            Some(true)
        } else {
            self.literal(b"false").then_some(false)
        }
    }

    /// A non-negative integer without fraction or exponent that fits a `u64`.
    #[inline(always)]
    pub(crate) fn u64(&mut self) -> Option<u64> {
        let (n, integer) = self.number()?;
        if !integer || n.starts_with('-') || n.len() > 19 {
            return None;
        }
        n.parse().ok()
    }

    /// Any number, as long as it has few enough digits that every parser rounds it alike.
    pub(crate) fn f64(&mut self) -> Option<f64> {
        let (n, _) = self.number()?;
        let digits = n
            .bytes()
            .take_while(|c| !matches!(c, b'e' | b'E'))
            .filter(u8::is_ascii_digit);
        if digits.count() > 15 {
            return None;
        }
        n.parse().ok()
    }

    /// A number by JSON's grammar; whether it is written as an integer.
    #[inline(always)]
    fn number(&mut self) -> Option<(&'a str, bool)> {
        self.peek()?;
        let b = self.bytes();
        let start = self.i;
        let mut i = start + usize::from(b[start] == b'-');
        let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        match b.get(i)? {
            b'0' => i += 1,
            b'1'..=b'9' => i += digits(i),
            _ => return None,
        }
        let mut integer = true;
        if b.get(i) == Some(&b'.') {
            let n = digits(i + 1);
            (n > 0).then_some(())?;
            i += 1 + n;
            integer = false;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1 + usize::from(matches!(b.get(i + 1), Some(b'+' | b'-')));
            let n = digits(i);
            (n > 0).then_some(())?;
            i += n;
            integer = false;
        }
        self.i = i;
        Some((&self.text[start..i], integer))
    }

    /// Any value, validated and dropped.
    #[inline(always)]
    pub(crate) fn skip(&mut self) -> Option<()> {
        // On a copy, so that this scanner never has its address taken by a call that cannot
        // be inlined (the recursion), and can live in registers.
        let mut copy = Scan { ..*self };
        copy.skip_any()?;
        self.i = copy.i;
        Some(())
    }

    #[inline(never)]
    fn skip_any(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            b'{' => self.object(|s, _| s.skip_any()),
            b'[' => self.array(Self::skip_any),
            b't' | b'f' => self.bool().map(drop),
            b'n' => self.null().then_some(()),
            _ => self.number().map(drop),
        }
    }
}
