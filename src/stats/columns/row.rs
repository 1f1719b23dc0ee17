//! One session's packed figures ([`RowFigures`]): their layout, the key that pools them, and
//! how they are derived from a corpus row under one counting of ratified decisions.

use super::{NONE, SHARES, Values};
use crate::corpus::{RatifiedAs, SessionRow};
use crate::filter::expertise_slot;
use crate::model::{Kind, Outcome};
use crate::stats::Regime;

/// How many distinct [`RowFigures::key`]s there can be (6 expertise slots, 4 regime
/// combinations, 4 outcomes).
pub const KEYS: usize = 6 * 4 * 4;

/// One session's figures (64 bytes, one cache line).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[repr(C, align(64))]
pub struct RowFigures {
    pub actions: u64,
    pub words: u64,
    pub turns: u32,
    /// `[kind][actor]`, ratified decisions counted as the columns were built.
    pub decisions: [[u32; 2]; 2],
    /// Per [`Figure`](super::Figure), the code of the session's value (see
    /// [`Columns::values`](super::Columns::values)) or [`NONE`].
    pub codes: [u32; 4],
    pub mode: Option<u16>,
    /// The expertise slot, the regimes and the outcome in one byte (`slot << 4 | regimes << 2 |
    /// outcome`): a report pools each row's sums under its key alone.
    pub key: u8,
    /// A redacted transcript's session ([`SessionRow::redacted`]).
    pub redacted: bool,
}

const _: () = assert!(std::mem::size_of::<RowFigures>() == 64);

impl RowFigures {
    /// Actions per prompt, as [`SessionRow::app`].
    pub fn app(&self) -> Option<f64> {
        (self.turns > 0).then(|| self.actions as f64 / f64::from(self.turns))
    }

    /// The expertise slot: 0-4 for levels 1-5, 5 for unknown ([`expertise_slot`]).
    pub fn level(&self) -> usize {
        usize::from(self.key >> 4)
    }

    pub fn in_regime(&self, r: Regime) -> bool {
        regimes_of_key(self.key)[r as usize]
    }

    pub fn outcome(&self) -> Option<Outcome> {
        outcome_of_key(self.key)
    }
}

/// Which of [`Regime::ALL`] a key's rows are in.
pub fn regimes_of_key(key: u8) -> [bool; 2] {
    [key & 4 != 0, key & 8 != 0]
}

/// The outcome of a key's rows.
pub fn outcome_of_key(key: u8) -> Option<Outcome> {
    match key & 3 {
        0 => None,
        o => Some(Outcome::ALL[usize::from(o) - 1]),
    }
}

/// A row's figures, its codes those of `values` (one per [`Figure`](super::Figure), added to as needed).
pub(super) fn figures_of(r: &SessionRow, how: RatifiedAs, values: &mut [Values]) -> RowFigures {
    let mut codes = [NONE; 4];
    for ((code, v), values) in codes
        .iter_mut()
        .zip([Some(f64::from(r.turns)), r.app()])
        .zip(&mut *values)
    {
        if let Some(v) = v {
            *code = values.code(v);
        }
    }
    let outcome = r
        .outcome
        .map_or(0, |o| 1 + Outcome::ALL.iter().position(|&x| x == o).unwrap_or(0) as u8);
    let mut f = RowFigures {
        actions: r.actions,
        words: r.words,
        turns: r.turns,
        decisions: Default::default(),
        codes,
        mode: r.mode,
        key: (expertise_slot(r.expertise) as u8) << 4 | outcome,
        redacted: r.redacted,
    };
    shares_of(r, how, &mut f, &mut values[SHARES]);
    f
}

/// Sets a row's decisions, shares (codes into `values`, one per share) and regimes.
pub(super) fn shares_of(r: &SessionRow, how: RatifiedAs, f: &mut RowFigures, values: &mut [Values]) {
    // As `Accum::add` derives them.
    let d = Kind::ALL.map(|k| r.tally.by_actor(k, how));
    let share = |[h, a]: [u32; 2]| (h + a > 0).then(|| f64::from(h) / f64::from(h + a));
    let (plan, exec) = (share(d[0]), share(d[1]));
    f.decisions = d;
    f.key &= !(4 | 8);
    for (bit, regime) in [4, 8].into_iter().zip(Regime::ALL) {
        if regime.holds_for(plan, exec) {
            f.key |= bit;
        }
    }
    for ((code, v), values) in f.codes[SHARES].iter_mut().zip([plan, exec]).zip(values) {
        *code = v.map_or(NONE, |v| values.code(v));
    }
}
