//! A text or integer column's dictionary and its rows' indices into it, built by hand instead
//! of by the parquet crate's column writer, which hashes every row's value into its dictionary,
//! compares it twice for the statistics and wants each text cell as its own reference-counted
//! `ByteArray`.
//!
//! Here rows are taken in runs of rows that repeat the one before (a repeated text cell shares
//! its span: a session's id and facets are looked up once per session), and a run whose value
//! is the run before's is not looked up at all (an action's tool is often its neighbour's); the indices are
//! kept as runs of equal indices, which [`super::chunk`] writes as RLE runs (long ones) and
//! bit-packed groups (short ones), the statistics' min and max taken from the dictionary.

use std::ops::Range;

use super::value::Value;
use crate::export::batch::{Column, Data};
use crate::export::gathered::Parts;

type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// Past this many bytes of distinct values (the parquet crate's default dictionary page
/// limit) a column goes to the crate's writer, which falls back to plain encoding.
pub const DICTIONARY_LIMIT: usize = 1 << 20;

/// Runs of rows: how many, and their value (a dictionary index, or a definition level).
pub type Runs = Vec<(usize, u32)>;

/// A column as a dictionary page and the runs of a data page.
pub struct Dict<V> {
    /// The distinct values, in the order first met.
    pub values: Vec<V>,
    /// The present rows' indices into `values`.
    pub indices: Runs,
    /// Every row's definition level (1: present, 0: null).
    pub levels: Runs,
    pub rows: usize,
    pub nulls: u64,
    /// The bytes of the present text cells (the metadata's unencoded size).
    pub text: usize,
}

/// A text column's dictionary, over the bytes of the columns that hold it.
pub fn text<'a>(parts: &Parts<'a>) -> Option<Dict<&'a str>> {
    let mut b = Builder::default();
    for (col, range) in parts {
        let Data::Str { bytes, spans } = &col.data else {
            return None;
        };
        b.add(
            col,
            range.clone(),
            |i| spans[i] == spans[i - 1],
            |i| &bytes[spans[i].0..spans[i].1],
        )?;
    }
    Some(b.d)
}

/// An integer column's dictionary.
pub fn int(parts: &Parts) -> Option<Dict<i64>> {
    let mut b = Builder::default();
    for (col, range) in parts {
        let Data::Int(v) = &col.data else {
            return None;
        };
        b.add(col, range.clone(), |i| v[i] == v[i - 1], |i| v[i])?;
    }
    Some(b.d)
}

/// A dictionary being built, part by part.
struct Builder<V> {
    d: Dict<V>,
    index: HashMap<V, u32>,
    bytes: usize,
    /// The last present value and its index.
    last: Option<(V, u32)>,
    /// The indices of small integers (an action's number, a turn's), by value: no hashing.
    small: Vec<u32>,
}

impl<V> Default for Builder<V> {
    fn default() -> Self {
        Builder {
            d: Dict {
                values: Vec::new(),
                indices: Vec::new(),
                levels: Vec::new(),
                rows: 0,
                nulls: 0,
                text: 0,
            },
            index: HashMap::with_capacity_and_hasher(256, Default::default()),
            bytes: 0,
            last: None,
            small: Vec::new(),
        }
    }
}

impl<V: Value> Builder<V> {
    /// Adds the cells `cells` of `col`: `value(i)` is cell `i`'s value, and `repeats(i)` says
    /// cell `i` holds cell `i - 1`'s (for a text cell, the same span: cheaper than comparing).
    /// `None` past [`DICTIONARY_LIMIT`].
    fn add(
        &mut self,
        col: &Column,
        cells: Range<usize>,
        repeats: impl Fn(usize) -> bool,
        value: impl Fn(usize) -> V,
    ) -> Option<()> {
        let (valid, d) = (&col.valid, &mut self.d);
        // The rows before cell `i` (a cell per row, or per run).
        let row = |i: usize| match &col.ends {
            Some(ends) => i.checked_sub(1).map_or(0, |i| ends[i]),
            None => i,
        };
        let mut start = cells.start;
        while start < cells.end {
            // A run of cells that repeat the one before them, all present or all null.
            let ok = valid[start];
            let mut end = start + 1;
            while end < cells.end && valid[end] == ok && repeats(end) {
                end += 1;
            }
            let len = row(end) - row(start);
            d.rows += len;
            push(&mut d.levels, len, u32::from(ok));
            if !ok {
                d.nulls += len as u64;
                start = end;
                continue;
            }
            let v = value(start);
            d.text += v.text_len().unwrap_or(0) * len;
            let mut new = || {
                d.values.push(v);
                self.bytes += 4 + v.text_len().unwrap_or(4);
                d.values.len() as u32 - 1
            };
            let at = match (self.last, v.small()) {
                // The value of the run before: no lookup.
                (Some((l, at)), _) if l == v => at,
                (_, Some(k)) => {
                    if self.small.len() <= k {
                        self.small.resize(k + 1, u32::MAX);
                    }
                    if self.small[k] == u32::MAX {
                        self.small[k] = new();
                    }
                    self.small[k]
                }
                _ => *self.index.entry(v).or_insert_with(new),
            };
            if self.bytes > DICTIONARY_LIMIT {
                return None;
            }
            self.last = Some((v, at));
            push(&mut d.indices, len, at);
            start = end;
        }
        Some(())
    }
}

/// Adds `len` rows of `value` to the runs, joining the last run when it has the same value.
fn push(runs: &mut Runs, len: usize, value: u32) {
    match runs.last_mut() {
        Some((n, v)) if *v == value => *n += len,
        _ => runs.push((len, value)),
    }
}
