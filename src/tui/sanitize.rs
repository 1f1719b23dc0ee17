//! Transcript text is untrusted: every corpus string passes through [`clean`] (or
//! [`escape_char`], its one-char form) before it becomes a `Span`, so that no control
//! character or escape sequence ever reaches the terminal.

use std::borrow::Cow;

pub use crate::text::{clean, escape_char, is_unsafe};

/// The lines of a multi-line text (split on `\n`), each cleaned: a `\r` before the newline
/// stays visible as `\r`.
pub fn clean_lines(s: &str) -> impl Iterator<Item = Cow<'_, str>> {
    s.split('\n').map(clean)
}

/// Cleaned pieces of `s`, each flagged whether its char index is in `marked` (sorted), for
/// highlighting search matches without ever emitting a raw control char.
pub fn marked_pieces(s: &str, marked: &[usize]) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut m = marked.iter().peekable();
    for (i, c) in s.chars().enumerate() {
        while m.peek().is_some_and(|&&x| x < i) {
            m.next();
        }
        let hit = m.peek() == Some(&&i);
        match out.last_mut() {
            Some((buf, h)) if *h == hit => escape_char(c, buf),
            _ => {
                let mut buf = String::new();
                escape_char(c, &mut buf);
                out.push((buf, hit));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_control_sequence() {
        assert_eq!(clean("plain é ✓"), "plain é ✓");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
        assert_eq!(clean("a\x1b[31mred"), "a\\x1b[31mred");
        assert_eq!(clean("\x1b]0;title\x07"), "\\x1b]0;title\\x07");
        assert_eq!(clean("x\ry\tz\n"), "x\\ry\\tz\\n");
        assert_eq!(clean("\u{9b}2J\u{7f}"), "\\u{9b}2J\\x7f");
        assert_eq!(clean("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(clean("\0"), "\\x00");
        for out in [clean("\x1b\x07\r\u{85}\u{9d}"), clean("\u{1}\u{1f}")] {
            assert!(!out.chars().any(|c| c.is_control()), "{out:?}");
        }
    }

    #[test]
    fn lines_split_on_newline_only() {
        let v: Vec<_> = clean_lines("one\r\ntwo\x1b").collect();
        assert_eq!(v, ["one\\r", "two\\x1b"]);
    }

    #[test]
    fn marked_pieces_follow_char_indices_through_escapes() {
        let p = marked_pieces("a\x1bbc", &[0, 2]);
        assert_eq!(
            p,
            [
                ("a".to_string(), true),
                ("\\x1b".to_string(), false),
                ("b".to_string(), true),
                ("c".to_string(), false)
            ]
        );
    }
}
