//! A validating JSON scanner that builds nothing: it walks a line once, checks it against the
//! JSON grammar, and hands the caller keys, strings and numbers as slices of the line.
//!
//! It exists for the loader's hot path (`fast.rs`) and the export's second reading of a
//! session's line (`export/line.rs`), where a general parser spends most of its
//! time building a tree that is read once and dropped. It is deliberately conservative: it
//! answers `None` for anything it is not sure a strict parser would take the same way (a key
//! with an escape, a lone surrogate, a number with many digits, deep nesting), and the caller
//! then lets serde_json decide the line.

use std::borrow::Cow;

mod strings;
mod values;

use strings::{escape_len, special, unescape};

/// Containers deeper than this are left to the reference parser (serde_json stops at 128).
const MAX_DEPTH: u32 = 100;

pub(crate) struct Scan<'a> {
    text: &'a str,
    i: usize,
    depth: u32,
}

/// A string's contents as written, escapes and all.
#[derive(Clone, Copy)]
pub(crate) struct RawStr<'a> {
    raw: &'a str,
    escaped: bool,
}

impl<'a> RawStr<'a> {
    /// The string's value, decoded only when it holds an escape.
    pub(crate) fn value(self) -> Cow<'a, str> {
        if self.escaped {
            Cow::Owned(unescape(self.raw))
        } else {
            Cow::Borrowed(self.raw)
        }
    }
}

impl<'a> Scan<'a> {
    /// A scanner over `line`, or `None` when it is not UTF-8.
    pub(crate) fn new(line: &'a [u8]) -> Option<Scan<'a>> {
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
    pub(crate) fn peek(&mut self) -> Option<u8> {
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
    pub(crate) fn end(&mut self) -> Option<()> {
        self.peek().is_none().then_some(())
    }

    /// An object, handing each key to `field`, which must consume its value.
    #[inline(always)]
    pub(crate) fn object(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
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
    pub(crate) fn array(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
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

    #[inline(always)]
    pub(crate) fn string(&mut self) -> Option<Cow<'a, str>> {
        self.raw_string().map(RawStr::value)
    }

    /// A string, validated (escapes, no raw control characters) but not decoded.
    #[inline(always)]
    pub(crate) fn raw_string(&mut self) -> Option<RawStr<'a>> {
        let (start, end, escaped) = self.string_span()?;
        Some(RawStr {
            raw: &self.text[start..end],
            escaped,
        })
    }

    /// A string that is only checked, not read.
    #[inline(always)]
    pub(crate) fn skip_string(&mut self) -> Option<()> {
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
}
