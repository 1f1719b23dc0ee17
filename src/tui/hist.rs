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
    /// The bin of each [`Metric`] (in [`Metric::ALL`] order), [`APART`] when the session has
    /// none: counting a histogram is then one increment per session.
    pub bins: [u8; 3],
}

/// The bin index of a session counted apart.
pub const APART: u8 = u8::MAX;

impl RowStat {
    pub fn new(app: f64, plan: f64, exec: f64) -> RowStat {
        let mut s = RowStat {
            app,
            plan,
            exec,
            bins: [APART; 3],
        };
        s.bins = Metric::ALL.map(|m| m.bin(m.value(&s)).map_or(APART, |b| b as u8));
        s
    }

    pub fn of(row: &SessionRow, how: RatifiedAs) -> RowStat {
        let share = |k| row.tally.human_share(k, how).unwrap_or(f64::NAN);
        RowStat::new(
            row.app().unwrap_or(f64::NAN),
            share(Kind::Planning),
            share(Kind::Execution),
        )
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
    pub const ALL: [Metric; 3] = [Metric::ActionsPerPrompt, Metric::PlanningShare, Metric::ExecutionShare];

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
        let k = Metric::ALL.iter().position(|&m| m == metric).unwrap_or(0);
        for i in ids {
            match stats[i as usize].bins[k] {
                APART => apart += 1,
                b => bins[usize::from(b)] += 1,
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

    pub fn empty(metric: Metric) -> Hist {
        Hist {
            metric,
            bins: vec![0; metric.bins()],
            apart: 0,
            study: None,
            selected: None,
        }
    }

    pub fn total(&self) -> u64 {
        self.bins.iter().sum::<u64>() + self.apart
    }
}

/// The three histograms of each of `groups` cohorts in one pass over `ids`; `of` tells the
/// cohorts a row belongs to (at most two).
pub fn count_all(stats: &[RowStat], ids: &[u32], groups: usize, of: impl Fn(u32) -> [bool; 2]) -> Vec<[Hist; 3]> {
    // Flat counters, one row of APP_BINS + 1 per (cohort, metric); the last slot is "apart".
    const W: usize = APP_BINS + 1;
    let mut c = vec![[0u64; W]; groups * 3];
    for &i in ids {
        let member = of(i);
        let b = stats[i as usize].bins;
        for g in 0..groups {
            if member[g] {
                for (k, &bin) in b.iter().enumerate() {
                    c[g * 3 + k][usize::from(bin).min(W - 1)] += 1;
                }
            }
        }
    }
    (0..groups)
        .map(|g| {
            Metric::ALL.map(|m| {
                let k = Metric::ALL.iter().position(|&x| x == m).unwrap_or(0);
                let row = &c[g * 3 + k];
                let mut h = Hist::empty(m);
                h.bins.copy_from_slice(&row[..m.bins()]);
                h.apart = row[W - 1];
                h
            })
        })
        .collect()
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
        let s = |app, plan| RowStat::new(app, plan, f64::NAN);
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

    #[test]
    fn count_all_splits_cohorts_in_one_pass_and_agrees_with_count() {
        let s = |app| RowStat::new(app, 0.5, f64::NAN);
        let stats = [s(1.0), s(200.0), s(10.0)];
        // Row 0 in cohort 0, row 1 in both, row 2 in none.
        let of = |i: u32| [i <= 1, i == 1];
        let v = count_all(&stats, &[0, 1, 2], 2, of);
        assert_eq!(v[0][0].bins, Hist::count(Metric::ActionsPerPrompt, &stats, 0..2).bins);
        assert_eq!(v[1][0].bins[APP_BINS - 1], 1);
        assert_eq!(v[1][0].total(), 1);
        assert_eq!((v[0][2].apart, v[1][1].bins[5]), (2, 1));
    }
}
