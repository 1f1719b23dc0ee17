//! Small text tools for the rules: sentences, whole-word phrase search, paths, code spans.

mod code;

pub use code::{code_spans, identifiers, is_code, is_command, paths};

/// Sentences (and lines) of a text, trimmed, non-empty.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        let b = line.as_bytes();
        for (i, c) in line.char_indices() {
            let next = i + c.len_utf8();
            // A CJK full stop ends a sentence with no space after it.
            let end_mark = matches!(c, '。' | '！' | '？')
                || matches!(c, '.' | '!' | '?') && b.get(next).is_none_or(|c| *c == b' ');
            if end_mark {
                push(&mut out, &line[start..next]);
                start = next;
            }
        }
        push(&mut out, &line[start..]);
    }
    out
}

fn push<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s);
    }
}

/// Whether `phrase` (lowercase) occurs in `text` as whole words, ignoring case.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    phrase_in(&lowered(text), phrase)
}

/// Whether any of `phrases` occurs in `text` ([`has_phrase`] of each, `text` lowered once).
pub fn any_phrase(text: &str, phrases: &[&str]) -> bool {
    let lower = lowered(text);
    phrases.iter().any(|p| phrase_in(&lower, p))
}

/// The first phrase of `phrases` found in `text`.
pub fn first_phrase<'p>(text: &str, phrases: &[&'p str]) -> Option<&'p str> {
    let lower = text.to_lowercase();
    let lower = lowered(&lower);
    phrases.iter().copied().find(|p| phrase_in(&lower, p))
}

/// `text` lowercased: most texts the rules test are lowercased already (or have no
/// capital), and are not copied. ASCII text (most of it) is checked byte by byte.
fn lowered(text: &str) -> std::borrow::Cow<'_, str> {
    let upper =
        text.bytes().any(|b| b.is_ascii_uppercase()) || (!text.is_ascii() && text.chars().any(char::is_uppercase));
    if upper { text.to_lowercase().into() } else { text.into() }
}

/// Whether `phrase` occurs in `lower` as whole words.
fn phrase_in(lower: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(i) = find(&lower.as_bytes()[from..], phrase.as_bytes()) {
        let at = from + i;
        let before = lower[..at].chars().next_back();
        let after = lower[at + phrase.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_');
        if edge(before) && (phrase.ends_with(' ') || edge(after)) {
            return true;
        }
        from = at + phrase.len().max(1);
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Where `needle` first occurs in `hay`. No searcher is built: the rules test short phrases
/// against short clauses, where building one (the standard library's two-way searcher, or
/// memchr's) was most of the time. A match of UTF-8 in UTF-8 starts at a char boundary.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some(&b0) = needle.first() else {
        return Some(0);
    };
    let mut i = 0;
    while let Some(k) = memchr::memchr(b0, &hay[i..]) {
        let at = i + k;
        // Compared inline: a call to `memcmp` per candidate cost more than the comparison.
        if hay.len() - at >= needle.len() && hay[at..].iter().zip(needle).all(|(a, b)| a == b) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Cuts a quote to `max` chars, adding `…` when cut.
pub fn quote(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut q: String = s.chars().take(max).collect();
    q.push('…');
    q
}
