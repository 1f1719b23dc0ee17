//! Words mode: every word of the query occurs as written in one of a session's fields.

use super::Query;
use crate::corpus::SessionRow;

impl Query {
    /// The fields words mode reads: id, title, project, model, first prompt.
    fn word_fields(row: &SessionRow) -> [&str; 5] {
        [
            &row.id,
            &row.title,
            &row.project,
            row.model.as_deref().unwrap_or(""),
            &row.first_prompt,
        ]
    }

    pub(super) fn words_match(&self, row: &SessionRow) -> bool {
        let fields = Self::word_fields(row);
        self.terms
            .iter()
            .all(|t| fields.iter().any(|f| self.contains(f.as_bytes(), t)))
    }

    pub(super) fn words_score(&self, row: &SessionRow) -> i64 {
        if self.terms.iter().all(|t| self.contains(row.title.as_bytes(), t)) {
            3
        } else if self.words_match(row) {
            2
        } else {
            1
        }
    }

    /// Whether `hay` holds `term` (ASCII case folded unless the query is case-sensitive).
    pub(super) fn contains(&self, hay: &[u8], term: &[u8]) -> bool {
        find(hay, term, self.case_sensitive).is_some()
    }

    /// Whether every word occurs in `hay`.
    pub fn all_words_in(&self, hay: &[u8]) -> bool {
        self.terms.iter().all(|t| self.contains(hay, t))
    }

    /// The words, as searched.
    pub fn terms(&self) -> &[Vec<u8>] {
        &self.terms
    }

    pub fn is_case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    pub(super) fn words_indices(&self, text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut hit = vec![false; bytes.len()];
        for t in &self.terms {
            let mut from = 0;
            while let Some(i) = find(&bytes[from..], t, self.case_sensitive) {
                let at = from + i;
                hit[at..at + t.len()].iter_mut().for_each(|h| *h = true);
                from = at + t.len().max(1);
            }
        }
        text.char_indices()
            .enumerate()
            .filter(|&(_, (b, _))| hit[b])
            .map(|(i, _)| i)
            .collect()
    }
}

/// The first offset of `needle` in `hay`; without case, ASCII letters match either case and
/// other bytes exactly (a query with a capital is case-sensitive, smart case).
pub fn find(hay: &[u8], needle: &[u8], case_sensitive: bool) -> Option<usize> {
    let Some(&first) = needle.first() else { return Some(0) };
    if case_sensitive || !first.is_ascii_alphabetic() && needle.iter().all(|b| !b.is_ascii_alphabetic()) {
        return memchr::memmem::find(hay, needle);
    }
    let mut from = 0;
    while from + needle.len() <= hay.len() {
        let i = if first.is_ascii_alphabetic() {
            memchr::memchr2(first.to_ascii_lowercase(), first.to_ascii_uppercase(), &hay[from..])?
        } else {
            memchr::memchr(first, &hay[from..])?
        };
        let at = from + i;
        if at + needle.len() <= hay.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_folds_ascii_case_only_without_a_capital() {
        assert_eq!(find(b"Fix the Login", b"login", false), Some(8));
        assert_eq!(find(b"Fix the Login", b"login", true), None);
        assert_eq!(find(b"a/b-c", b"b-c", false), Some(2));
        assert_eq!(find(b"ab", b"abc", false), None);
        assert_eq!(find("café".as_bytes(), "é".as_bytes(), false), Some(3));
    }

    /// Typing on, each keystroke testing only the last word on the rows the last one kept,
    /// finds the rows the whole rule finds.
    #[test]
    fn typing_on_finds_what_the_whole_query_finds() {
        use crate::corpus::{Corpus, Source};
        use std::sync::atomic::AtomicBool;
        let c = Corpus::load(vec![Source::demo()], |_| {}).unwrap();
        let never = AtomicBool::new(false);
        for typed in ["fix login bug", "auth token", "s-0001 parser", "Retry helper"] {
            let mut prev = None;
            for end in 1..=typed.len() {
                let q = Query::with_mode(&typed[..end], super::super::Mode::Words);
                if q.is_empty() {
                    continue;
                }
                let p = q.progress(&c.rows, prev.as_ref(), &never).unwrap();
                let plain: Vec<Option<i64>> = c.rows.iter().map(|r| q.matches(r).then_some(0)).collect();
                assert_eq!(p.member(), plain, "after {:?}", q.text());
                prev = Some(p);
            }
        }
    }

    #[test]
    fn every_word_must_occur_and_highlights_mark_each() {
        let q = Query::with_mode("log fix", super::super::Mode::Words);
        assert!(q.all_words_in(b"Fix the login"));
        assert!(!q.all_words_in(b"Fix the parser"));
        assert_eq!(q.words_indices("Fix login"), vec![0, 1, 2, 4, 5, 6]);
    }
}
