//! Fuzzy search over a session's title, project and first prompt (fuzzy-matcher's skim
//! algorithm, smart case), shared by `report --query` and the browser's `/`.

use std::sync::atomic::{AtomicBool, Ordering};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::corpus::SessionRow;

/// A query, ready to score rows.
pub struct Query {
    text: String,
    matcher: SkimMatcherV2,
}

impl Query {
    pub fn new(text: &str) -> Query {
        Query {
            text: text.trim().to_owned(),
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The best score over title, project and first prompt, or `None` when none matches.
    /// An empty query matches everything with score 0.
    pub fn score(&self, row: &SessionRow) -> Option<i64> {
        if self.is_empty() {
            return Some(0);
        }
        [&*row.title, &*row.project, &*row.first_prompt]
            .into_iter()
            .filter_map(|field| self.matcher.fuzzy_match(field, &self.text))
            .max()
    }

    /// Char indices of `text` that the query matches, for highlighting.
    pub fn indices(&self, text: &str) -> Vec<usize> {
        if self.is_empty() {
            return Vec::new();
        }
        self.matcher
            .fuzzy_indices(text, &self.text)
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    }

    /// Scores every row on all cores, in row order; `None` if `cancel` was set meanwhile
    /// (a newer keystroke made this pass stale).
    pub fn match_all(&self, rows: &[SessionRow], cancel: &AtomicBool) -> Option<Vec<Option<i64>>> {
        let out: Vec<Option<i64>> = rows
            .par_chunks(4096)
            .map(|chunk| {
                if cancel.load(Ordering::Relaxed) {
                    return Vec::new();
                }
                chunk.iter().map(|r| self.score(r)).collect::<Vec<_>>()
            })
            .flatten_iter()
            .collect();
        (!cancel.load(Ordering::Relaxed)).then_some(out)
    }
}
