//! Reports from packed [`Columns`]: what the browser computes on every filter change.
//!
//! The same figures as [`Report::compute`] over the same rows (the tests pin the two
//! together): the pooled sums are the same integers, and each median is the same value,
//! found by counting codes and walking them in ascending order instead of selecting.

use rayon::prelude::*;

use super::columns::{Columns, Figure, KEYS, RowFigures, outcome_of_key, regimes_of_key};
use super::{Pool, Report, assemble};
use crate::model::Outcome;

/// Members per unit of parallel work, at least.
const CHUNK: usize = 16 * 1024;
/// Units of parallel work per core, at most.
const PIECES: usize = 2;

/// Pooled sums and per-code counts over a set of rows; two halves merge.
struct Counts {
    /// Per [`RowFigures::key`] (a `u8`, so never out of bounds): sessions, turns, actions,
    /// words, the decisions `[kind][actor]`, redacted sessions. Every pool of the report is a
    /// sum of these.
    pools: Box<[[u64; 9]; 256]>,
    /// Per [`Figure`], how many rows hold each code.
    codes: [Vec<u32>; 4],
}

impl Counts {
    fn new(cols: &Columns) -> Counts {
        Counts {
            pools: Box::new([[0; 9]; 256]),
            codes: Figure::ALL.map(|f| vec![0; cols.values(f).codes()]),
        }
    }

    #[inline]
    fn add(&mut self, f: &RowFigures) {
        let [[ph, pa], [eh, ea]] = f.decisions.map(|d| d.map(u64::from));
        let row = [
            1,
            u64::from(f.turns),
            f.actions,
            f.words,
            ph,
            pa,
            eh,
            ea,
            u64::from(f.redacted),
        ];
        for (sum, x) in self.pools[usize::from(f.key)].iter_mut().zip(row) {
            *sum += x;
        }
        for (counts, &code) in self.codes.iter_mut().zip(&f.codes) {
            counts[code as usize] += 1;
        }
    }

    fn merge(&mut self, o: &Counts) {
        for (a, b) in self.pools.iter_mut().zip(o.pools.iter()) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        for (a, b) in self.codes.iter_mut().zip(&o.codes) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
    }

    fn finish(&self, cols: &Columns, skipped_lines: u64) -> Report {
        let (mut all, mut levels, mut regimes) = (Pool::default(), [Pool::default(); 6], [Pool::default(); 2]);
        for (key, p) in self.pools.iter().enumerate().take(KEYS) {
            let key = key as u8;
            let outcome = outcome_of_key(key);
            let pool = Pool {
                sessions: p[0],
                turns: p[1],
                actions: p[2],
                words: p[3],
                decisions: [[p[4], p[5]], [p[6], p[7]]],
                outcome_known: if outcome.is_some() { p[0] } else { 0 },
                verified: if outcome == Some(Outcome::VerifiedSuccess) {
                    p[0]
                } else {
                    0
                },
                redacted: p[8],
            };
            all.merge(&pool);
            levels[usize::from(key >> 4)].merge(&pool);
            for (r, inside) in regimes.iter_mut().zip(regimes_of_key(key)) {
                if inside {
                    r.merge(&pool);
                }
            }
        }
        let medians = Figure::ALL.map(|f| cols.values(f).median(&self.codes[f.index()]));
        // Sessions with an APP, and those over 100, from the APP's counts.
        let (app, counts) = (
            cols.values(Figure::ActionsPerPrompt),
            &self.codes[Figure::ActionsPerPrompt.index()],
        );
        let (mut with_app, mut over_100) = (0, 0);
        for (code, &n) in counts.iter().enumerate().skip(1) {
            with_app += u64::from(n);
            if app.get(code as u32) > 100.0 {
                over_100 += u64::from(n);
            }
        }
        assemble(&all, &levels, &regimes, medians, (over_100, with_app), skipped_lines)
    }
}

/// `sets` counts over `members`, folded on all cores; `add` puts one row into them.
fn count(cols: &Columns, members: &[u32], sets: usize, add: impl Fn(&mut [Counts], &RowFigures) + Sync) -> Vec<Counts> {
    let rows = cols.rows();
    let new = || (0..sets).map(|_| Counts::new(cols)).collect::<Vec<_>>();
    // A few pieces per core, each with counts of its own: the counts are as long as a figure
    // has distinct values, which can be many.
    let piece = members.len().div_ceil(PIECES * rayon::current_num_threads()).max(CHUNK);
    members
        .par_chunks(piece)
        .map(|chunk| {
            let mut acc = new();
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
