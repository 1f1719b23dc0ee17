//! The byte-level work of scanning a JSON string: finding its end fast (16 bytes at a time
//! where SSE2 is there), measuring escapes, and decoding them when a string has one.

/// The offset of the first `"`, `\\` or control character, and whether it is a `"`.
#[inline(always)]
pub(super) fn special(b: &[u8]) -> Option<(usize, bool)> {
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
pub(super) fn escape_len(b: &[u8]) -> Option<usize> {
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
pub(super) fn unescape(raw: &str) -> String {
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
