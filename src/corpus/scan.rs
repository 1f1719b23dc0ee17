//! A validating JSON scanner that builds nothing: it walks a line once, checks it against the
//! JSON grammar, and hands the caller keys, strings and numbers as slices of the line.
//!
//! It exists for the loader's hot path (`fast.rs`), where a general parser spends most of its
//! time building a tree that is read once and dropped. It is deliberately conservative: it
//! answers `None` for anything it is not sure a strict parser would take the same way (a key
//! with an escape, a lone surrogate, a number with many digits, deep nesting), and the caller
//! then lets serde_json decide the line.

use std::borrow::Cow;

/// Containers deeper than this are left to the reference parser (serde_json stops at 128).
const MAX_DEPTH: u32 = 100;

pub(super) struct Scan<'a> {
    text: &'a str,
    i: usize,
    depth: u32,
}

/// A string's contents as written, escapes and all.
#[derive(Clone, Copy)]
pub(super) struct RawStr<'a> {
    raw: &'a str,
    escaped: bool,
}

impl<'a> RawStr<'a> {
    /// The string's value, decoded only when it holds an escape.
    pub(super) fn value(self) -> Cow<'a, str> {
        if self.escaped {
            Cow::Owned(unescape(self.raw))
        } else {
            Cow::Borrowed(self.raw)
        }
    }
}

impl<'a> Scan<'a> {
    /// A scanner over `line`, or `None` when it is not UTF-8.
    pub(super) fn new(line: &'a [u8]) -> Option<Scan<'a>> {
        Some(Scan {
            text: simdutf8::basic::from_utf8(line).ok()?,
            i: 0,
            depth: 0,
        })
    }

    #[inline(always)]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte that is not whitespace, left unconsumed.
    #[inline(always)]
    pub(super) fn peek(&mut self) -> Option<u8> {
        let b = self.bytes();
        // Whitespace is all below b'!', so most calls end here.
        if let Some(&c) = b.get(self.i)
            && c > b' '
        {
            return Some(c);
        }
        while let Some(&c) = b.get(self.i) {
            if !matches!(c, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(c);
            }
            self.i += 1;
        }
        None
    }

    #[inline(always)]
    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.i += usize::from(hit);
        hit
    }

    /// Only whitespace is left.
    #[inline(always)]
    pub(super) fn end(&mut self) -> Option<()> {
        self.peek().is_none().then_some(())
    }

    /// An object, handing each key to `field`, which must consume its value.
    #[inline(always)]
    pub(super) fn object(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.enter(b'{')?;
        if !self.eat(b'}') {
            loop {
                let (start, end, escaped) = self.string_span()?;
                if escaped || !self.eat(b':') {
                    return None;
                }
                field(self, &self.text[start..end])?;
                if self.next_or_close(b'}')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Some(())
    }

    /// After a member: a comma (false) or the closing bracket (true), consumed.
    #[inline(always)]
    fn next_or_close(&mut self, close: u8) -> Option<bool> {
        let c = self.peek()?;
        self.i += 1;
        if c == b',' {
            Some(false)
        } else {
            (c == close).then_some(true)
        }
    }

    /// An array, calling `item` to consume each element.
    #[inline(always)]
    pub(super) fn array(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.enter(b'[')?;
        if !self.eat(b']') {
            loop {
                item(self)?;
                if self.next_or_close(b']')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Some(())
    }

    #[inline(always)]
    fn enter(&mut self, open: u8) -> Option<()> {
        self.depth += 1;
        (self.depth <= MAX_DEPTH && self.eat(open)).then_some(())
    }

    /// `null` is consumed and answers true; anything else is left in place.
    #[inline(always)]
    pub(super) fn null(&mut self) -> bool {
        self.peek() == Some(b'n') && self.literal(b"null")
    }

    #[inline(always)]
    fn literal(&mut self, word: &[u8]) -> bool {
        let hit = self.peek().is_some() && self.bytes()[self.i..].starts_with(word);
        self.i += if hit { word.len() } else { 0 };
        hit
    }

    #[inline(always)]
    pub(super) fn bool(&mut self) -> Option<bool> {
        if self.literal(b"true") {
            Some(true)
        } else {
            self.literal(b"false").then_some(false)
        }
    }

    #[inline(always)]
    pub(super) fn string(&mut self) -> Option<Cow<'a, str>> {
        self.raw_string().map(RawStr::value)
    }

    /// A string, validated (escapes, no raw control characters) but not decoded.
    #[inline(always)]
    pub(super) fn raw_string(&mut self) -> Option<RawStr<'a>> {
        let (start, end, escaped) = self.string_span()?;
        Some(RawStr {
            raw: &self.text[start..end],
            escaped,
        })
    }

    /// A string that is only checked, not read.
    #[inline(always)]
    pub(super) fn skip_string(&mut self) -> Option<()> {
        self.string_span().map(drop)
    }

    /// Where a string's contents start and end, and whether they hold an escape.
    #[inline(always)]
    fn string_span(&mut self) -> Option<(usize, usize, bool)> {
        if !self.eat(b'"') {
            return None;
        }
        let b = self.bytes();
        let start = self.i;
        let mut i = start;
        let mut escaped = false;
        loop {
            let (at, quote) = special(b.get(i..)?)?;
            i += at;
            if quote {
                break;
            }
            if b[i] != b'\\' {
                return None; // a raw control character
            }
            escaped = true;
            i += escape_len(&b[i..])?;
        }
        self.i = i + 1;
        Some((start, i, escaped))
    }

    /// A non-negative integer without fraction or exponent that fits a `u64`.
    #[inline(always)]
    pub(super) fn u64(&mut self) -> Option<u64> {
        let (n, integer) = self.number()?;
        if !integer || n.starts_with('-') || n.len() > 19 {
            return None;
        }
        n.parse().ok()
    }

    /// Any number, as long as it has few enough digits that every parser rounds it alike.
    pub(super) fn f64(&mut self) -> Option<f64> {
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
    pub(super) fn skip(&mut self) -> Option<()> {
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

/// The offset of the first `"`, `\\` or control character, and whether it is a `"`.
#[inline(always)]
fn special(b: &[u8]) -> Option<(usize, bool)> {
    let mut at = 0;
    #[cfg(target_arch = "x86_64")]
    while at + 16 <= b.len() {
        // SAFETY: SSE2 is part of x86_64; the load reads b[at..at + 16], which is in bounds.
        let (quotes, others) = unsafe {
            use std::arch::x86_64::*;
            let v = _mm_loadu_si128(b.as_ptr().add(at).cast());
            let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
            let slash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
            // Unsigned v <= 0x1f exactly when max(v, 0x1f) == 0x1f.
            let ctrl = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1f)), _mm_set1_epi8(0x1f));
            (
                _mm_movemask_epi8(quote) as u32,
                _mm_movemask_epi8(_mm_or_si128(slash, ctrl)) as u32,
            )
        };
        // Bit 16 stands for "none here", so a missing kind never comes first.
        let (q, o) = ((quotes | 1 << 16).trailing_zeros(), (others | 1 << 16).trailing_zeros());
        if q < 16 || o < 16 {
            return Some((at + q.min(o) as usize, q < o));
        }
        at += 16;
    }
    b[at..]
        .iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
        .map(|p| (at + p, b[at + p] == b'"'))
}

/// The length of the escape at the start of `b` (which starts with `\`), or `None` when it is
/// not one JSON allows or is a surrogate that does not pair up.
fn escape_len(b: &[u8]) -> Option<usize> {
    match b.get(1)? {
        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Some(2),
        b'u' => match hex4(b.get(2..6)?)? {
            0xD800..=0xDBFF => {
                let low = (b.get(6..8)? == b"\\u").then(|| hex4(b.get(8..12)?)).flatten()?;
                (0xDC00..=0xDFFF).contains(&low).then_some(12)
            }
            0xDC00..=0xDFFF => None,
            _ => Some(6),
        },
        _ => None,
    }
}

fn hex4(h: &[u8]) -> Option<u32> {
    h.iter()
        .try_fold(0, |acc, &c| Some(acc << 4 | (c as char).to_digit(16)?))
}

/// Decodes a string that [`Scan::raw_string`] has validated.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(p) = rest.find('\\') {
        out.push_str(&rest[..p]);
        let b = &rest.as_bytes()[p..];
        let len = escape_len(b).expect("validated");
        match b[1] {
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => {
                let hi = hex4(&b[2..6]).expect("validated");
                let c = if len == 12 {
                    0x10000 + ((hi - 0xD800) << 10) + (hex4(&b[8..12]).expect("validated") - 0xDC00)
                } else {
                    hi
                };
                out.push(char::from_u32(c).expect("validated"));
            }
            c => out.push(c as char),
        }
        rest = &rest[p + len..];
    }
    out.push_str(rest);
    out
}
