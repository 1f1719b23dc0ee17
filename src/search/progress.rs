//! Search as the user types: where a query's match ended in each row is kept, so that the next
//! keystroke (which extends the query) looks only for its new characters, from there on.
//!
//! This is sound because membership is a subsequence test, and the leftmost (greedy) match of
//! a query ends as early as any match can: if the longer query matches at all, it matches by
//! continuing the shorter one's leftmost match.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::Query;
use crate::corpus::SessionRow;

/// A field the query does not match.
pub(super) const NO_MATCH: u32 = u32::MAX;

/// Words mode: the last word is not in this field (the row may still match by another);
/// a row left out has [`NO_MATCH`] in every field.
const NOT_HERE: u32 = u32::MAX - 1;

/// Rows per unit of parallel work (and per check for cancellation).
const CHUNK: usize = 4096;

/// Per row, per field searched (title, project, first prompt): the byte offset just past the
/// leftmost match of a query, or [`NO_MATCH`].
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    text: String,
    case_sensitive: bool,
    /// Whether `ends` hold leftmost-match offsets (an ASCII query); a query with other
    /// characters is decided by fuzzy-matcher, which gives no offset to go on from.
    resumable: bool,
    /// Made in words mode: `ends` only say which rows matched (a longer query can only
    /// narrow them).
    words: bool,
    ends: Vec<[u32; 3]>,
}

impl Progress {
    /// How many rows it covers.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The query it was made for.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether `next` can go on from here: it extends this query, over the same rows and
    /// perhaps rows loaded since (which are searched from the start).
    pub fn leads_to(&self, next: &Query, rows: usize) -> bool {
        self.resumable
            && self.words == (next.mode == super::Mode::Words)
            && self.len() <= rows
            && next.case_sensitive == self.case_sensitive
            && next.text.starts_with(&self.text)
    }

    /// Which rows match, as `Some(0)` (matched, not ranked yet) or `None`.
    pub fn member(&self) -> Vec<Option<i64>> {
        self.ends
            .iter()
            .map(|e| e.iter().any(|&x| x != NO_MATCH).then_some(0))
            .collect()
    }
}

impl Query {
    /// Where this query's match ends in every row, going on from `prev` when it
    /// [leads to](Progress::leads_to) this query; `None` if `cancel` was set meanwhile.
    pub fn progress(&self, rows: &[SessionRow], prev: Option<&Progress>, cancel: &AtomicBool) -> Option<Progress> {
        if self.mode == super::Mode::Words {
            return self.words_progress(rows, prev, cancel);
        }
        let resumable = self.needle.is_ascii();
        let prev = prev.filter(|p| resumable && p.leads_to(self, rows.len()));
        // The needle's bytes past the previous query's (lowercasing ASCII keeps lengths).
        // Rows the previous pass covered go on from its ends; rows loaded since start over.
        let (from, known, mut ends) = match prev {
            Some(p) => {
                let mut ends = Vec::with_capacity(rows.len());
                ends.extend_from_slice(&p.ends);
                ends.resize(rows.len(), [0; 3]);
                (p.text.len(), p.len(), ends)
            }
            None => (0, 0, vec![[0; 3]; rows.len()]),
        };
        let rest = &self.needle[from.min(self.needle.len())..];
        ends.par_chunks_mut(CHUNK).enumerate().for_each(|(c, chunk)| {
            if cancel.load(Ordering::Relaxed) {
                return;
            }
            for (j, end) in chunk.iter_mut().enumerate() {
                let i = c * CHUNK + j;
                let rest = if i < known { rest } else { &self.needle[..] };
                for (field, at) in Self::fields(&rows[i]).into_iter().zip(end.iter_mut()) {
                    if *at != NO_MATCH {
                        *at = if resumable {
                            self.resume(field.as_bytes(), *at as usize, rest)
                        } else {
                            if self.matches_text(field) { 0 } else { NO_MATCH }
                        };
                    }
                }
            }
        });
        (!cancel.load(Ordering::Relaxed)).then(|| Progress {
            text: self.text.clone(),
            case_sensitive: self.case_sensitive,
            resumable,
            words: false,
            ends,
        })
    }

    /// Words mode: rows a previous query this one extends left out stay out. For the others
    /// only the last word is looked for (the row has the ones before it); when it extends
    /// the last query's last word, each field is searched from where that word first
    /// occurred there (an occurrence of the longer word starts at one of the shorter's).
    fn words_progress(&self, rows: &[SessionRow], prev: Option<&Progress>, cancel: &AtomicBool) -> Option<Progress> {
        let prev = prev.filter(|p| p.leads_to(self, rows.len()));
        let mut ends = vec![[0u32; 3]; rows.len()];
        let known = prev.map_or(0, |p| {
            ends[..p.len()].copy_from_slice(&p.ends);
            p.len()
        });
        let words = |t: &str| t.split_whitespace().count();
        let extends = prev.is_some_and(|p| words(&p.text) == self.terms.len());
        let last = self.terms.last()?;
        ends.par_chunks_mut(CHUNK).enumerate().for_each(|(c, chunk)| {
            if cancel.load(Ordering::Relaxed) {
                return;
            }
            for (j, end) in chunk.iter_mut().enumerate() {
                let i = c * CHUNK + j;
                let row = &rows[i];
                if i < known && *end == [NO_MATCH; 3] {
                    continue;
                }
                if i >= known && !self.matches(row) {
                    *end = [NO_MATCH; 3];
                    continue;
                }
                let from = if i < known && extends { *end } else { [0; 3] };
                let mut any = [&*row.id, row.model.as_deref().unwrap_or("")]
                    .iter()
                    .any(|f| self.contains(f.as_bytes(), last));
                for ((field, at), from) in Self::fields(row).into_iter().zip(end.iter_mut()).zip(from) {
                    *at = match field.as_bytes().get(from as usize..) {
                        Some(hay) if from != NOT_HERE => {
                            super::words::find(hay, last, self.case_sensitive).map_or(NOT_HERE, |k| from + k as u32)
                        }
                        _ => NOT_HERE,
                    };
                    any |= *at != NOT_HERE;
                }
                if !any {
                    *end = [NO_MATCH; 3];
                }
            }
        });
        (!cancel.load(Ordering::Relaxed)).then(|| Progress {
            text: self.text.clone(),
            case_sensitive: self.case_sensitive,
            resumable: true,
            words: true,
            ends,
        })
    }

    /// Looks for `rest` in order in `hay` from `at`: the offset past its last byte, or
    /// [`NO_MATCH`].
    pub(super) fn resume(&self, hay: &[u8], mut at: usize, rest: &[u8]) -> u32 {
        for &c in rest {
            let found = if !self.case_sensitive && c.is_ascii_lowercase() {
                memchr::memchr2(c, c.to_ascii_uppercase(), &hay[at..])
            } else {
                memchr::memchr(c, &hay[at..])
            };
            match found {
                Some(i) => at += i + 1,
                None => return NO_MATCH,
            }
        }
        at as u32
    }
}
