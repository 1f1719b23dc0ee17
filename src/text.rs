//! Small text helpers shared by the core and the UI.

use std::borrow::Cow;
use std::fmt::Write;

// Transcript and corpus text is untrusted: whatever of it reaches a terminal (the browser,
// or a message on stderr) passes through `clean` first.

/// Whether a char must be shown escaped: C0 controls (tab, newline and `\r` included), DEL,
/// C1 controls, and the bidirectional overrides that could reorder what a reader sees.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Appends `c` to `out`, escaped when unsafe: `\n`, `\r`, `\t`, `\x1b`, `\u{9b}`.
pub fn escape_char(c: char, out: &mut String) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x80 && is_unsafe(c) => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if is_unsafe(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// JSON text with every C1 control and bidi override (which JSON allows raw inside strings)
/// written as a `\uXXXX` escape instead: the same JSON value, but safe to print. Outside
/// strings JSON holds only ASCII, so escaping anywhere in the text is escaping in strings.
pub fn json_safe(json: &[u8]) -> Cow<'_, str> {
    let s = String::from_utf8_lossy(json);
    // Every char to escape is encoded from a 0xC2 (C1) or 0xE2 (bidi) lead byte.
    if memchr::memchr2(0xc2, 0xe2, s.as_bytes()).is_none() || !s.chars().any(escaped_in_json) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if escaped_in_json(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn escaped_in_json(c: char) -> bool {
    c as u32 >= 0x80 && is_unsafe(c)
}

/// A spreadsheet cell that is only ever text: control chars and bidi overrides escaped (as
/// [`clean`] does), and a cell a spreadsheet would run as a formula (one starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return) prefixed with `'`. Quoting is the CSV
/// writer's job.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    match (formula, clean(s)) {
        (false, c) => c,
        (true, c) => Cow::Owned(format!("'{c}")),
    }
}

/// `s` with every unsafe char escaped; borrowed when there was nothing to escape.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        escape_char(c, &mut out);
    }
    Cow::Owned(out)
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
pub fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Seconds since the Unix epoch as RFC 3339 UTC, to the second: `2026-11-24T10:00:00Z`.
pub fn rfc3339_utc(secs: u64) -> String {
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
    humantime::format_rfc3339_seconds(t).to_string()
}

/// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, the shape RFC 3339 allows (`t`/space for `T`).
pub fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if b.len() < 20
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
        || !matches!(b[10], b'T' | b't' | b' ')
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
        || b[16] != b':'
        || !digits(17..19)
    {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(99);
    if !(1..=12).contains(&num(5..7))
        || !(1..=31).contains(&num(8..10))
        || num(11..13) > 23
        || num(14..16) > 59
        || num(17..19) > 60
    {
        return false;
    }
    let mut i = 19;
    if b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match &b[i..] {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_respects_char_boundaries() {
        assert_eq!(truncate("héllo", 2), "h");
        assert_eq!(truncate("héllo", 3), "hé");
        assert_eq!(truncate("abc", 10), "abc");
    }

    #[test]
    fn epoch_seconds_format_as_rfc3339() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_utc(1_795_514_400), "2026-11-24T10:00:00Z");
        assert!(is_rfc3339(&rfc3339_utc(1_736_121_600 + 3661)));
    }

    #[test]
    fn rfc3339_shapes() {
        for ok in [
            "2026-11-24T10:00:00Z",
            "2026-11-24T10:00:00.123+02:00",
            "2026-01-01 00:00:00-05:30",
        ] {
            assert!(is_rfc3339(ok), "{ok}");
        }
        for bad in [
            "2026-11-24",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-11-24T10:00:00",
            "2026-11-24T10:00:00.Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }
}
