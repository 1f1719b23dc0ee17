//! Reports from packed [`Columns`]: what the browser computes on every filter change.
//!
//! The same figures as [`Report::compute`] over the same rows (the tests pin the two
//! together): the pooled sums are the same integers, and each median is the same value,
//! found by counting codes and walking them in ascending order instead of selecting.

use rayon::prelude::*;

use super::columns::{Columns, Figure, NONE, RowFigures};
use super::{Pool, Regime, Report, assemble};

/// Members per unit of parallel work.
const CHUNK: usize = 16 * 1024;

/// Pooled sums and per-code counts over a set of rows; two halves merge.
struct Counts {
    /// By expertise slot; every row is in exactly one, so their sum is the whole set's.
    levels: [Pool; 6],
    regimes: [Pool; 2],
    over_100: u64,
    /// Per [`Figure`], how many rows hold each code.
    codes: [Vec<u32>; 4],
}

impl Counts {
    fn new(cols: &Columns) -> Counts {
        Counts {
            levels: Default::default(),
            regimes: Default::default(),
            over_100: 0,
            codes: Figure::ALL.map(|f| vec![0; cols.values(f).len()]),
        }
    }

    #[inline]
    fn add(&mut self, f: &RowFigures) {
        let add = |p: &mut Pool| p.add_parts(f.turns, f.actions, f.words, f.outcome, &f.decisions);
        add(&mut self.levels[usize::from(f.level)]);
        for (pool, regime) in self.regimes.iter_mut().zip(Regime::ALL) {
            if f.in_regime(regime) {
                add(pool);
            }
        }
        for (counts, &code) in self.codes.iter_mut().zip(&f.codes) {
            if code != NONE {
                counts[code as usize] += 1;
            }
        }
        self.over_100 += u64::from(f.over_100());
    }

    fn merge(&mut self, o: &Counts) {
        for (a, b) in self.levels.iter_mut().zip(&o.levels) {
            a.merge(b);
        }
        for (a, b) in self.regimes.iter_mut().zip(&o.regimes) {
            a.merge(b);
        }
        self.over_100 += o.over_100;
        for (a, b) in self.codes.iter_mut().zip(&o.codes) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
    }

    fn finish(&self, cols: &Columns, skipped_lines: u64) -> Report {
        let mut all = Pool::default();
        for l in &self.levels {
            all.merge(l);
        }
        let medians = Figure::ALL.map(|f| cols.values(f).median(&self.codes[f.index()]));
        let with_app = self.codes[Figure::ActionsPerPrompt.index()]
            .iter()
            .map(|&c| u64::from(c))
            .sum();
        assemble(
            &all,
            &self.levels,
            &self.regimes,
            medians,
            (self.over_100, with_app),
            skipped_lines,
        )
    }
}

/// `sets` counts over `members`, folded on all cores; `add` puts one row into them.
fn count(cols: &Columns, members: &[u32], sets: usize, add: impl Fn(&mut [Counts], &RowFigures) + Sync) -> Vec<Counts> {
    let rows = cols.rows();
    let new = || (0..sets).map(|_| Counts::new(cols)).collect::<Vec<_>>();
    members
        .par_chunks(CHUNK)
        .fold(new, |mut acc, chunk| {
            for &i in chunk {
                add(&mut acc, &rows[i as usize]);
            }
            acc
        })
        .reduce_with(|mut a, b| {
            for (x, y) in a.iter_mut().zip(&b) {
                x.merge(y);
            }
            a
        })
        .unwrap_or_else(new)
}

impl Report {
    /// [`Report::compute`] over `cols.rows()[i]` for each `i` of `members` (in any order,
    /// repeats counted again), folded on all cores, under the columns' [`Columns::how`].
    pub fn of_columns(cols: &Columns, members: &[u32], skipped_lines: u64) -> Report {
        let sets = count(cols, members, 1, |acc, f| acc[0].add(f));
        sets[0].finish(cols, skipped_lines)
    }

    /// The report of `members` and of two cohorts within them (`cohort` says which a row
    /// belongs to), gathered in one parallel pass: the browser's side-by-side histograms.
    pub fn cohorts_of_columns(
        cols: &Columns,
        members: &[u32],
        skipped_lines: u64,
        cohort: impl Fn(&RowFigures) -> [bool; 2] + Sync,
    ) -> (Report, [Report; 2]) {
        let sets = count(cols, members, 3, |acc, f| {
            acc[0].add(f);
            let [a, b] = cohort(f);
            if a {
                acc[1].add(f);
            }
            if b {
                acc[2].add(f);
            }
        });
        (
            sets[0].finish(cols, skipped_lines),
            [sets[1].finish(cols, 0), sets[2].finish(cols, 0)],
        )
    }
}
