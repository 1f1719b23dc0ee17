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
    /// Sessions started at or after / before this time (seconds since the epoch); a session
    /// without a start time fails either bound.
    pub since: Option<i64>,
    pub until: Option<i64>,
    /// Projects / models let through. Empty = all; a session without a model fails a
    /// model filter.
    pub projects: Vec<String>,
    pub models: Vec<String>,
    /// Origins let through (the line's optional `origin`: `cli`, `ide`, `sdk`, `fork`), and
    /// `unknown` for a session without one. Empty = all.
    pub origins: Vec<String>,
}

/// Seconds since the epoch of an RFC 3339 time (`Z` or an offset; a fraction is ignored),
/// or of a bare date `YYYY-MM-DD` (its midnight, UTC).
pub fn epoch(ts: &str) -> Option<i64> {
    let utc = |s: &str| -> Option<i64> {
        let t = humantime::parse_rfc3339_weak(s).ok()?;
        i64::try_from(t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs()).ok()
    };
    if ts.len() == 10 {
        return utc(&format!("{ts}T00:00:00Z"));
    }
    utc(ts).or_else(|| {
        // humantime reads only UTC: shift an offset by hand.
        let i = ts.rfind(['+', '-']).filter(|&i| i > 10)?;
        let (h, m) = ts[i + 1..].split_once(':')?;
        let secs = h.parse::<i64>().ok()? * 3600 + m.parse::<i64>().ok()? * 60;
        let t = utc(&format!("{}Z", &ts[..i]))?;
        Some(if &ts[i..=i] == "+" { t - secs } else { t + secs })
    })
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
            && self.passes_when_where(
                || row.started_at.as_deref().and_then(epoch),
                &row.project,
                row.model.as_deref(),
            )
            && (self.origins.is_empty()
                || self
                    .origins
                    .iter()
                    .any(|x| x == row.origin.as_deref().unwrap_or("unknown")))
    }

    /// The date range, project and model alone (which [`Admission`] leaves to its caller).
    pub fn passes_when_where(&self, started: impl FnOnce() -> Option<i64>, project: &str, model: Option<&str>) -> bool {
        (self.projects.is_empty() || self.projects.iter().any(|p| p == project))
            && (self.models.is_empty() || model.is_some_and(|m| self.models.iter().any(|x| x == m)))
            && (self.since.is_none() && self.until.is_none()
                || started().is_some_and(|t| self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t < u)))
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
/// The date range, project and model are not in the packed rows: the caller checks them
/// with [`Filter::passes_when_where`].
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

#[cfg(test)]
mod time_tests {
    use super::epoch;

    #[test]
    fn times_with_offsets_are_the_same_instant() {
        let z = epoch("2026-03-01T10:00:00Z").unwrap();
        assert_eq!(epoch("2026-03-01T12:00:00+02:00"), Some(z));
        assert_eq!(epoch("2026-03-01T05:30:00-04:30"), Some(z));
        assert_eq!(epoch("2026-03-01T10:00:00.250Z"), Some(z));
        assert_eq!(epoch("2026-03-01"), Some(z - 10 * 3600));
        assert_eq!(epoch("yesterday"), None);
    }
}
