//! Histogram binning: pure functions over per-session figures, and the counted histograms
//! the panel draws (computed in `update`, never while drawing).

use crate::corpus::{RatifiedAs, SessionRow};
use crate::model::Kind;

/// Lower edges of the actions-per-prompt bins (log-like); the last bin, `> 100`, is the
/// overflow that keeps the study's long tail visible.
pub const APP_LOWER: [f64; 10] = [0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0, 30.0, 50.0];
/// Number of APP bins: the ten above plus the `> 100` overflow.
pub const APP_BINS: usize = APP_LOWER.len() + 1;
/// Bins of a share: ten of 10 points each (100% falls in the last one).
pub const SHARE_BINS: usize = 10;
/// Axis label of each APP bin.
pub const APP_LABELS: [&str; APP_BINS] = [
    "<1", "1", "2", "3-4", "5-7", "8-12", "13-19", "20-29", "30-49", "50-100", ">100",
];

/// The bin of a session's actions per prompt: `[0,1) [1,2) [2,3) [3,5) [5,8) [8,13) [13,20)
/// [20,30) [30,50) [50,100]`, then `> 100`.
pub fn app_bin(app: f64) -> usize {
    if app > 100.0 {
        return APP_BINS - 1;
    }
    APP_LOWER.iter().rposition(|&lo| app >= lo).unwrap_or(0)
}

/// The bin of a share in [0, 1]: `[0,10%) … [90%,100%]`.
pub fn share_bin(share: f64) -> usize {
    // The epsilon keeps exact tenths computed in floating point (7/10) in their own bin.
    ((share * 10.0 + 1e-9).floor().max(0.0) as usize).min(SHARE_BINS - 1)
}

/// The figures a histogram needs of one session, kept per row so that a filter change only
/// counts (never re-derives). `NaN` = the session has none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowStat {
    pub app: f64,
    pub plan: f64,
    pub exec: f64,
}

impl RowStat {
    pub fn of(row: &SessionRow, how: RatifiedAs) -> RowStat {
        let share = |k| row.tally.human_share(k, how).unwrap_or(f64::NAN);
        RowStat {
            app: row.app().unwrap_or(f64::NAN),
            plan: share(Kind::Planning),
            exec: share(Kind::Execution),
        }
    }
}

/// Which figure a histogram counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    ActionsPerPrompt,
    PlanningShare,
    ExecutionShare,
}

impl Metric {
    pub const ALL: [Metric; 3] = [
        Metric::ActionsPerPrompt,
        Metric::PlanningShare,
        Metric::ExecutionShare,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Metric::ActionsPerPrompt => "actions/prompt",
            Metric::PlanningShare => "human planning",
            Metric::ExecutionShare => "human execution",
        }
    }

    pub fn bins(self) -> usize {
        match self {
            Metric::ActionsPerPrompt => APP_BINS,
            _ => SHARE_BINS,
        }
    }

    /// The value of this metric for one session (`NaN` = none).
    pub fn value(self, s: &RowStat) -> f64 {
        match self {
            Metric::ActionsPerPrompt => s.app,
            Metric::PlanningShare => s.plan,
            Metric::ExecutionShare => s.exec,
        }
    }

    /// The bin of a value, `None` for a session without it (counted apart).
    pub fn bin(self, v: f64) -> Option<usize> {
        if v.is_nan() {
            return None;
        }
        Some(match self {
            Metric::ActionsPerPrompt => app_bin(v),
            _ => share_bin(v),
        })
    }

    /// What the sessions counted apart lack.
    pub fn apart_label(self) -> &'static str {
        match self {
            Metric::ActionsPerPrompt => "no turns",
            Metric::PlanningShare => "no planning",
            Metric::ExecutionShare => "no execution",
        }
    }
}

/// One counted histogram.
#[derive(Debug, Clone, PartialEq)]
pub struct Hist {
    pub metric: Metric,
    pub bins: Vec<u64>,
    /// Sessions without this figure.
    pub apart: u64,
    /// The bin of the study's figure (reference mark).
    pub study: Option<usize>,
    /// The bin of the selected session.
    pub selected: Option<usize>,
}

impl Hist {
    /// Counts the sessions `ids` of `stats` (one pass, no allocation beyond the bins).
    pub fn count(metric: Metric, stats: &[RowStat], ids: impl Iterator<Item = u32>) -> Hist {
        let mut bins = vec![0u64; metric.bins()];
        let mut apart = 0;
        for i in ids {
            match metric.bin(metric.value(&stats[i as usize])) {
                Some(b) => bins[b] += 1,
                None => apart += 1,
            }
        }
        Hist {
            metric,
            bins,
            apart,
            study: None,
            selected: None,
        }
    }

    pub fn total(&self) -> u64 {
        self.bins.iter().sum::<u64>() + self.apart
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_bins_are_log_like_with_an_overflow() {
        assert_eq!(app_bin(0.0), 0);
        assert_eq!(app_bin(0.5), 0);
        assert_eq!(app_bin(1.0), 1);
        assert_eq!(app_bin(4.99), 3);
        assert_eq!(app_bin(5.0), 4);
        assert_eq!(app_bin(10.0), 5, "the study's 10 falls in 8-12");
        assert_eq!(app_bin(12.9), 5);
        assert_eq!(app_bin(100.0), 9, "exactly 100 is not over 100");
        assert_eq!(app_bin(100.01), 10);
        assert_eq!(app_bin(1e9), 10);
    }

    #[test]
    fn share_bins_are_tenths_with_100_in_the_last() {
        assert_eq!(share_bin(0.0), 0);
        assert_eq!(share_bin(0.0999), 0);
        assert_eq!(share_bin(0.1), 1);
        assert_eq!(share_bin(0.7), 7);
        assert_eq!(share_bin(7.0 / 10.0), 7);
        assert_eq!(share_bin(0.2), 2);
        assert_eq!(share_bin(0.6999), 6);
        assert_eq!(share_bin(1.0), 9);
    }

    #[test]
    fn count_puts_missing_figures_apart() {
        let s = |app, plan| RowStat {
            app,
            plan,
            exec: f64::NAN,
        };
        let stats = [s(0.5, 1.0), s(150.0, f64::NAN), s(10.0, 0.7), s(f64::NAN, 0.0)];
        let h = Hist::count(Metric::ActionsPerPrompt, &stats, 0..4);
        assert_eq!(h.bins, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
        assert_eq!(h.apart, 1);
        let h = Hist::count(Metric::PlanningShare, &stats, [0, 1, 2].into_iter());
        assert_eq!(h.bins, [0, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
        assert_eq!((h.apart, h.total()), (1, 3));
        let h = Hist::count(Metric::ExecutionShare, &stats, 0..4);
        assert_eq!((h.bins.iter().sum::<u64>(), h.apart), (0, 4));
    }
}
