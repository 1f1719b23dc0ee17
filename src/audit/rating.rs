//! Expertise rated by hand in audit mode (`docs/audit.md`) against the importer's estimate
//! (or the level the corpus records).

use serde::Serialize;

use super::Joined;
use crate::corpus::Corpus;

/// How the auditors' ratings agree with the corpus's levels, over each session's latest rating.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Ratings {
    /// Sessions rated (a level or "cannot tell").
    pub rated: u64,
    /// Rated "cannot tell".
    pub cannot_tell: u64,
    /// Rated with a level whose session has no level in the corpus (unknown).
    pub estimate_unknown: u64,
    /// Rated with a level, the corpus has one too: these are compared.
    pub compared: u64,
    pub exact: u64,
    pub within_one: u64,
    pub exact_share: Option<f64>,
    pub within_one_share: Option<f64>,
    /// Mean of the corpus level minus the rating (positive: the estimate is higher).
    pub mean_error: Option<f64>,
}

pub fn ratings(corpus: &Corpus, j: &Joined) -> Ratings {
    let mut r = Ratings::default();
    let mut error = 0i64;
    for &(row, v) in &j.ratings {
        r.rated += 1;
        match (v.level, corpus.rows[row].expertise) {
            (None, _) => r.cannot_tell += 1,
            (Some(_), None) => r.estimate_unknown += 1,
            (Some(hand), Some(est)) => {
                r.compared += 1;
                r.exact += u64::from(hand == est);
                r.within_one += u64::from(hand.abs_diff(est) <= 1);
                error += i64::from(est) - i64::from(hand);
            }
        }
    }
    let share = |n: u64| (r.compared > 0).then(|| n as f64 / r.compared as f64);
    r.exact_share = share(r.exact);
    r.within_one_share = share(r.within_one);
    r.mean_error = (r.compared > 0).then(|| error as f64 / r.compared as f64);
    r
}
