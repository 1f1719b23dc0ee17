//! Every session's figures under one counting of ratified decisions, packed one cache line
//! per row: what the passes that run on each filter change read (the browser's filter,
//! histograms and header) instead of the corpus's wide rows.
//!
//! Each figure with a median is held as a code into that figure's distinct values, whose
//! ascending order is kept, so that a median over any set of rows is a count per code and
//! one walk in that order ([`Report::of_columns`](super::Report::of_columns)) rather than a
//! selection over floats. The values are those [`Report::compute`](super::Report::compute)
//! derives row by row; the tests pin every report computed from columns to it.

use std::ops::Range;

use rayon::prelude::*;

use crate::corpus::{RatifiedAs, SessionRow};

mod row;
mod values;

pub use row::{KEYS, RowFigures, outcome_of_key, regimes_of_key};
use row::{figures_of, shares_of};
pub use values::Values;

/// A per-session figure whose median the report gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Turns,
    ActionsPerPrompt,
    PlanningShare,
    ExecutionShare,
}

impl Figure {
    pub const ALL: [Figure; 4] = [
        Figure::Turns,
        Figure::ActionsPerPrompt,
        Figure::PlanningShare,
        Figure::ExecutionShare,
    ];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The code of a figure a session lacks (actions per prompt without turns, a share without
/// decisions of its kind); the codes of values start at 1, so that counting needs no branch.
pub const NONE: u32 = 0;

/// Rows per unit of parallel work.
const CHUNK: usize = 16 * 1024;

/// The packed figures of a corpus's rows, in row order, under one [`RatifiedAs`]; grown as
/// rows load ([`Columns::extend`]).
#[derive(Debug, Clone)]
pub struct Columns {
    how: RatifiedAs,
    rows: Vec<RowFigures>,
    values: [Values; 4],
}

impl Columns {
    pub fn new(how: RatifiedAs) -> Columns {
        Columns {
            how,
            rows: Vec::new(),
            values: Default::default(),
        }
    }

    pub fn of(rows: &[SessionRow], how: RatifiedAs) -> Columns {
        let mut c = Columns::new(how);
        c.extend(rows);
        c
    }

    /// Rebuilds the columns of `rows` under `how` in place (keeping the memory). Only what
    /// the counting of ratified decisions changes is recomputed: the decisions, the two
    /// shares and the regimes (the ratified toggle runs this on a keystroke).
    pub fn rebuild(&mut self, rows: &[SessionRow], how: RatifiedAs) {
        self.how = how;
        for v in &mut self.values[SHARES] {
            *v = Values::default();
        }
        self.code_rows(0, rows, SHARES, |r, f, values| shares_of(r, how, f, values));
    }

    /// Adds the figures of `rows`, which follow the rows already in.
    pub fn extend(&mut self, rows: &[SessionRow]) {
        let (how, start) = (self.how, self.rows.len());
        self.rows.resize(start + rows.len(), RowFigures::default());
        self.code_rows(start, rows, 0..4, |r, f, values| *f = figures_of(r, how, values));
    }

    /// Fills the figures of `rows` (from row `start` on) with `fill`, which gives the figures
    /// in `figs` codes into the values it is handed.
    ///
    /// On all cores: each chunk of rows is coded into values of its own, then, chunk by
    /// chunk in row order, those become the columns' (so codes still number values in order
    /// of first appearance, as one pass would), and each chunk is recoded.
    fn code_rows(
        &mut self,
        start: usize,
        rows: &[SessionRow],
        figs: Range<usize>,
        fill: impl Fn(&SessionRow, &mut RowFigures, &mut [Values]) + Sync,
    ) {
        let locals: Vec<Vec<Values>> = self.rows[start..]
            .par_chunks_mut(CHUNK)
            .zip(rows.par_chunks(CHUNK))
            .map(|(out, rows)| {
                let mut local: Vec<Values> = figs.clone().map(|_| Values::default()).collect();
                for (f, r) in out.iter_mut().zip(rows) {
                    fill(r, f, &mut local);
                }
                local
            })
            .collect();
        // Per chunk and figure, each local code's code in the columns (NONE stays NONE).
        let maps: Vec<Vec<Vec<u32>>> = locals
            .iter()
            .map(|local| {
                (local.iter().zip(&mut self.values[figs.clone()]))
                    .map(|(local, values)| {
                        let mut map = vec![NONE];
                        map.extend(local.by_code().iter().map(|&v| values.code(v)));
                        map
                    })
                    .collect()
            })
            .collect();
        self.rows[start..]
            .par_chunks_mut(CHUNK)
            .zip(&maps)
            .for_each(|(out, maps)| {
                for f in out {
                    for (code, map) in f.codes[figs.clone()].iter_mut().zip(maps) {
                        *code = map[*code as usize];
                    }
                }
            });
        for v in &mut self.values[figs] {
            v.sort();
        }
    }

    pub fn how(&self) -> RatifiedAs {
        self.how
    }

    pub fn rows(&self) -> &[RowFigures] {
        &self.rows
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The distinct values of one figure.
    pub fn values(&self, f: Figure) -> &Values {
        &self.values[f.index()]
    }

    /// One row's value of a figure, `None` when the session lacks it.
    pub fn value(&self, f: Figure, row: usize) -> Option<f64> {
        let code = self.rows[row].codes[f.index()];
        (code != NONE).then(|| self.values[f.index()].get(code))
    }
}

/// The figures that depend on how ratified decisions count: [`Figure::PlanningShare`] and
/// [`Figure::ExecutionShare`].
const SHARES: Range<usize> = 2..4;

#[cfg(test)]
mod tests;
