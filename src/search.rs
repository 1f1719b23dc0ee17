//! Search over a session's id, title, project, model and first prompt, shared by `report
//! --query` (fuzzy) and the browser's `/` (words by default, fuzzy on request).
//!
//! Words mode: every word of the query must occur, as written (substring, smart case), in
//! one of those fields; the browser then looks through every prompt, file and command of the
//! sessions that did not match so ([`deep`]). Fuzzy mode is the rule below, with a score
//! floor applied when the matches are ranked.
//!
//! A session matches when every character of the query appears, in order, in one of those
//! fields (smart case: case-insensitive unless the query holds a capital), the rule of
//! fuzzy-matcher's skim algorithm. Deciding membership that way is a memchr scan, fast enough
//! for 400K sessions per keystroke; fuzzy-matcher then scores and highlights only the sessions
//! on screen.

use std::sync::atomic::{AtomicBool, Ordering};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::corpus::SessionRow;

pub mod deep;
mod progress;
mod words;

pub use progress::Progress;

/// How a query matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Every word occurs as a substring (smart case).
    #[default]
    Words,
    /// The query's characters in order (skim's rule), above a score floor once ranked.
    Fuzzy,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Words => "words",
            Mode::Fuzzy => "fuzzy",
        }
    }
}

/// The least fuzzy score per query character a ranked match keeps (skim gives about 16 per
/// character matched in a run, less for scattered ones): long prompts no longer match every
/// short query by scattered letters.
pub const FUZZY_FLOOR_PER_CHAR: i64 = 16;

/// A query, ready to test and score rows.
pub struct Query {
    text: String,
    /// The query's bytes as searched: lowercased unless case-sensitive.
    needle: Vec<u8>,
    case_sensitive: bool,
    matcher: SkimMatcherV2,
    mode: Mode,
    /// The words (words mode), as searched: lowercased unless case-sensitive.
    terms: Vec<Vec<u8>>,
}

impl Query {
    /// A fuzzy query (`report --query`).
    pub fn new(text: &str) -> Query {
        Query::with_mode(text, Mode::Fuzzy)
    }

    pub fn with_mode(text: &str, mode: Mode) -> Query {
        let text = text.trim().to_owned();
        let case_sensitive = text.chars().any(char::is_uppercase);
        let needle = if case_sensitive {
            text.clone()
        } else {
            text.to_lowercase()
        }
        .into_bytes();
        let terms = needle
            .split(|b| b.is_ascii_whitespace())
            .filter(|t| !t.is_empty())
            .map(<[u8]>::to_vec)
            .collect();
        Query {
            text,
            needle,
            case_sensitive,
            matcher: SkimMatcherV2::default().smart_case(),
            mode,
            terms,
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn fields(row: &SessionRow) -> [&str; 3] {
        [&row.title, &*row.project, &row.first_prompt]
    }

    /// Whether the row matches. An empty query matches everything.
    pub fn matches(&self, row: &SessionRow) -> bool {
        if self.mode == Mode::Words {
            return self.words_match(row);
        }
        self.is_empty() || Self::fields(row).iter().any(|f| self.matches_text(f))
    }

    /// Whether one text matches.
    pub fn matches_text(&self, hay: &str) -> bool {
        if !self.needle.is_ascii() {
            return self.matcher.fuzzy_match(hay, &self.text).is_some();
        }
        self.resume(hay.as_bytes(), 0, &self.needle) != progress::NO_MATCH
    }

    /// fuzzy-matcher's best score over the fields, for ranking; `None` when none matches.
    /// In words mode: 3 when every word is in the title, 2 when in the fields, 1 when only
    /// deeper in the session.
    pub fn score(&self, row: &SessionRow) -> Option<i64> {
        if self.is_empty() {
            return Some(0);
        }
        if self.mode == Mode::Words {
            return Some(self.words_score(row));
        }
        Self::fields(row)
            .into_iter()
            .filter_map(|field| self.matcher.fuzzy_match(field, &self.text))
            .max()
    }

    /// Char indices of `text` that the query matches, for highlighting.
    pub fn indices(&self, text: &str) -> Vec<usize> {
        if self.is_empty() {
            return Vec::new();
        }
        if self.mode == Mode::Words {
            return self.words_indices(text);
        }
        self.matcher
            .fuzzy_indices(text, &self.text)
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    }

    /// The indices (into `rows`) of the candidates that match, tested on all cores in order;
    /// `None` if `cancel` was set meanwhile (a newer keystroke made this pass stale).
    /// `candidates` is every row, or the matches of a query this one narrows.
    pub fn filter(&self, rows: &[SessionRow], candidates: &[u32], cancel: &AtomicBool) -> Option<Vec<u32>> {
        let out: Vec<u32> = candidates
            .par_chunks(2048)
            .map(|chunk| {
                if cancel.load(Ordering::Relaxed) {
                    return Vec::new();
                }
                chunk
                    .iter()
                    .copied()
                    .filter(|&i| self.matches(&rows[i as usize]))
                    .collect::<Vec<_>>()
            })
            .flatten_iter()
            .collect();
        (!cancel.load(Ordering::Relaxed)).then_some(out)
    }

    /// The least score a ranked match keeps (fuzzy mode; none in words mode).
    pub fn floor(&self) -> i64 {
        match self.mode {
            Mode::Words => i64::MIN,
            Mode::Fuzzy => FUZZY_FLOOR_PER_CHAR * self.text.chars().filter(|c| !c.is_whitespace()).count() as i64,
        }
    }

    /// Replaces each `Some` of a membership vector by fuzzy-matcher's score (dropping those
    /// below the floor), on all cores; `None` if cancelled.
    pub fn score_matches(
        &self,
        rows: &[SessionRow],
        mut member: Vec<Option<i64>>,
        cancel: &AtomicBool,
    ) -> Option<Vec<Option<i64>>> {
        member.par_chunks_mut(2048).enumerate().for_each(|(c, chunk)| {
            for (j, s) in chunk.iter_mut().enumerate() {
                // Per row: scoring a long prompt can take tens of microseconds, so a chunk can
                // take long enough that a newer keystroke's pass would wait for it.
                if cancel.load(Ordering::Relaxed) {
                    return;
                }
                if s.is_some() {
                    // A member always scores (membership is the matcher's own rule); a fuzzy
                    // one below the floor is dropped.
                    let score = self.score(&rows[c * 2048 + j]).unwrap_or(0);
                    *s = (score >= self.floor()).then_some(score);
                }
            }
        });
        (!cancel.load(Ordering::Relaxed)).then_some(member)
    }
}

#[cfg(test)]
mod tests;
