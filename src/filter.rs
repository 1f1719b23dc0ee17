//! The facets a corpus can be narrowed by, shared by `report`'s flags and the browser.

use crate::corpus::{Corpus, RatifiedAs, SessionRow};
use crate::model::Outcome;
use crate::stats::Regime;
use crate::stats::columns::{RowFigures, outcome_of_key, regimes_of_key};

/// Facet filters. The default lets every session through.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// Expertise levels let through: index 0-4 = levels 1-5, 5 = unknown. Empty = all.
    pub expertise: Vec<usize>,
    /// `mode` strings let through. Empty = all.
    pub modes: Vec<String>,
    /// Outcomes let through (`None` = unknown). Empty = all.
    pub outcomes: Vec<Option<Outcome>>,
    /// Sessions in every one of these regimes.
    pub regimes: Vec<Regime>,
    /// Actions per prompt at least / at most (sessions without turns fail any bound).
    pub app_min: Option<f64>,
    pub app_max: Option<f64>,
}

/// The slot of an expertise level in [`Filter::expertise`]: 0-4 for 1-5, 5 for unknown.
pub fn expertise_slot(level: Option<u8>) -> usize {
    level.map_or(5, |l| usize::from(l.clamp(1, 5)) - 1)
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether one row passes; `modes` must come from [`Filter::mode_ids`].
    pub fn passes(&self, row: &SessionRow, modes: &[u16], how: RatifiedAs) -> bool {
        (self.expertise.is_empty() || self.expertise.contains(&expertise_slot(row.expertise)))
            && (self.modes.is_empty() || row.mode.is_some_and(|m| modes.contains(&m)))
            && (self.outcomes.is_empty() || self.outcomes.contains(&row.outcome))
            && self.regimes.iter().all(|r| r.holds(row, how))
            && self.app_in_range(|| row.app())
    }

    /// The filter for packed rows (built under the same `how`); `modes` must come from
    /// [`Filter::mode_ids`].
    pub fn admission(&self, modes: &[u16]) -> Admission<'_> {
        // Expertise, outcome and regimes are all in a row's key: decide each key once.
        let keys = std::array::from_fn(|k| {
            let key = k as u8;
            (self.expertise.is_empty() || self.expertise.contains(&usize::from(key >> 4)))
                && (self.outcomes.is_empty() || self.outcomes.contains(&outcome_of_key(key)))
                && self.regimes.iter().all(|&r| regimes_of_key(key)[r as usize])
        });
        let modes = (!self.modes.is_empty()).then(|| {
            let mut on = vec![false; modes.iter().map(|&m| usize::from(m) + 1).max().unwrap_or(0)];
            for &m in modes {
                on[usize::from(m)] = true;
            }
            on
        });
        Admission {
            keys,
            modes,
            filter: self,
        }
    }

    fn app_in_range(&self, app: impl FnOnce() -> Option<f64>) -> bool {
        if self.app_min.is_none() && self.app_max.is_none() {
            return true;
        }
        app().is_some_and(|a| self.app_min.is_none_or(|m| a >= m) && self.app_max.is_none_or(|m| a <= m))
    }

    /// The corpus's ids of the filter's modes (modes it never saw match nothing).
    pub fn mode_ids(&self, corpus: &Corpus) -> Vec<u16> {
        self.modes.iter().filter_map(|m| corpus.mode_id(m)).collect()
    }

    /// Indices of the rows that pass.
    pub fn apply(&self, corpus: &Corpus, how: RatifiedAs) -> Vec<u32> {
        let modes = self.mode_ids(corpus);
        (0..corpus.rows.len() as u32)
            .filter(|&i| self.passes(&corpus.rows[i as usize], &modes, how))
            .collect()
    }
}

/// [`Filter::passes`] on packed rows: a lookup of the row's key and mode, then the range.
pub struct Admission<'a> {
    keys: [bool; 256],
    /// Whether each mode id passes; `None` when the filter takes every mode.
    modes: Option<Vec<bool>>,
    filter: &'a Filter,
}

impl Admission<'_> {
    #[inline]
    pub fn admits(&self, f: &RowFigures) -> bool {
        self.keys[usize::from(f.key)]
            && self
                .modes
                .as_ref()
                .is_none_or(|on| f.mode.is_some_and(|m| on.get(usize::from(m)) == Some(&true)))
            && self.filter.app_in_range(|| f.app())
    }
}
