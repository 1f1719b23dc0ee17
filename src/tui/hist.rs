//! Histogram binning: pure functions over per-session figures, and the counted histograms
//! the panel draws (computed in `update`, never while drawing).

use rayon::prelude::*;

use crate::stats::columns::{Columns, Figure, RowFigures};

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

/// The bin index of a session counted apart.
pub const APART: u8 = u8::MAX;

/// The bin of every distinct value of each [`Metric`]'s figure (in [`Metric::ALL`] order),
/// rebuilt with the columns: counting a histogram is then a lookup and an increment per
/// session, never a re-derivation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BinTables([Vec<u8>; 3]);

impl BinTables {
    pub fn of(cols: &Columns) -> BinTables {
        BinTables(Metric::ALL.map(|m| {
            let values = cols.values(m.figure());
            let bin = |c: u32| m.bin(values.get(c)).map_or(APART, |b| b as u8);
            std::iter::once(APART)
                .chain((1..values.codes() as u32).map(bin))
                .collect()
        }))
    }

    /// A session's bin of each metric, [`APART`] where it lacks the figure.
    #[inline]
    pub fn of_row(&self, f: &RowFigures) -> [u8; 3] {
        let mut bins = [APART; 3];
        for ((bin, table), m) in bins.iter_mut().zip(&self.0).zip(Metric::ALL) {
            // Code NONE is entry 0, APART.
            *bin = table[f.codes[m.figure().index()] as usize];
        }
        bins
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

    /// The core's figure this metric bins.
    pub fn figure(self) -> Figure {
        match self {
            Metric::ActionsPerPrompt => Figure::ActionsPerPrompt,
            Metric::PlanningShare => Figure::PlanningShare,
            Metric::ExecutionShare => Figure::ExecutionShare,
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

/// The three histograms of each of `groups` cohorts over the rows `ids` of `figures`, in one
/// pass folded on all cores; `of` tells the cohorts a row belongs to (at most two).
pub fn count_all(
    figures: &[RowFigures],
    tables: &BinTables,
    ids: &[u32],
    groups: usize,
    of: impl Fn(&RowFigures) -> [bool; 2] + Sync,
) -> Vec<[Hist; 3]> {
    // Flat counters, one row of APP_BINS + 1 per (cohort, metric); the last slot is "apart".
    const W: usize = APP_BINS + 1;
    let c = ids
        .par_chunks(16 * 1024)
        .fold(
            || vec![[0u64; W]; groups * 3],
            |mut c, chunk| {
                for &i in chunk {
                    let f = &figures[i as usize];
                    let member = of(f);
                    let b = tables.of_row(f);
                    for g in 0..groups {
                        if member[g] {
                            for (k, &bin) in b.iter().enumerate() {
                                c[g * 3 + k][usize::from(bin).min(W - 1)] += 1;
                            }
                        }
                    }
                }
                c
            },
        )
        .reduce_with(|mut a, b| {
            for (x, y) in a.iter_mut().zip(&b) {
                for (x, y) in x.iter_mut().zip(y) {
                    *x += y;
                }
            }
            a
        })
        .unwrap_or_else(|| vec![[0u64; W]; groups * 3]);
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
mod tests;
