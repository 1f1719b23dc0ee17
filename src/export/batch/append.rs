//! Rows appended column by column, a run at a time (the export taking the rows the loader
//! took from each line), and rows taken back.

use super::{Batch, Column, Data};

impl Column {
    /// Rows `range` of `src` (a column of the same type), appended.
    pub fn extend_from(&mut self, src: &Column, range: std::ops::Range<usize>) {
        debug_assert!(
            self.ends.is_none() && src.ends.is_none(),
            "rows copied between columns of runs"
        );
        self.valid.extend_from_slice(&src.valid[range.clone()]);
        match (&mut self.data, &src.data) {
            (Data::Str { bytes, spans }, Data::Str { bytes: b, spans: s }) => {
                let s = &s[range];
                let (Some(first), Some(last)) = (s.first(), s.last()) else {
                    return;
                };
                // The source's spans of a run of rows are one run of its bytes.
                let shift = bytes.len() as isize - first.0 as isize;
                bytes.push_str(&b[first.0..last.1]);
                spans.extend(
                    s.iter()
                        .map(|&(a, z)| ((a as isize + shift) as usize, (z as isize + shift) as usize)),
                );
            }
            (Data::Int(d), Data::Int(s)) => d.extend_from_slice(&s[range]),
            (Data::Float(d), Data::Float(s)) => d.extend_from_slice(&s[range]),
            (Data::Bool(d), Data::Bool(s)) => d.extend_from_slice(&s[range]),
            _ => panic!("rows copied to a column of another type"),
        }
    }

    /// Row `r` of `src` (a column of the same type, neither of runs) appended `n` times, the
    /// copies after the first repeating it.
    pub fn extend_repeat(&mut self, src: &Column, r: usize, n: usize) {
        if n == 0 {
            return;
        }
        self.extend_from(src, r..r + 1);
        let more = n - 1;
        let last = self.valid.len() - 1;
        self.valid.extend(std::iter::repeat_n(self.valid[last], more));
        match &mut self.data {
            Data::Str { spans, .. } => spans.extend(std::iter::repeat_n(spans[last], more)),
            Data::Int(v) => v.extend(std::iter::repeat_n(v[last], more)),
            Data::Float(v) => v.extend(std::iter::repeat_n(v[last], more)),
            Data::Bool(v) => v.extend(std::iter::repeat_n(v[last], more)),
        }
    }

    /// The column with a cell per row (a column of runs, expanded).
    pub fn into_rows(mut self) -> Column {
        let Some(ends) = self.ends.take() else {
            return self;
        };
        let mut out = self.room(*ends.last().unwrap_or(&0), 0);
        let mut start = 0;
        for (k, &end) in ends.iter().enumerate() {
            out.extend_repeat(&self, k, end - start);
            start = end;
        }
        out
    }

    /// An empty column of the same type (a cell per row), with room for `cells` cells and
    /// `bytes` bytes of text.
    pub fn room(&self, cells: usize, bytes: usize) -> Column {
        let data = match &self.data {
            Data::Str { .. } => Data::Str {
                bytes: String::with_capacity(bytes),
                spans: Vec::with_capacity(cells),
            },
            Data::Int(_) => Data::Int(Vec::with_capacity(cells)),
            Data::Float(_) => Data::Float(Vec::with_capacity(cells)),
            Data::Bool(_) => Data::Bool(Vec::with_capacity(cells)),
        };
        Column {
            data,
            valid: Vec::with_capacity(cells),
            ends: None,
        }
    }

    /// Rows `rows` made null (their slots keep what they held, unread; not in a column of runs).
    pub fn set_null(&mut self, rows: std::ops::Range<usize>) {
        debug_assert!(self.ends.is_none(), "cells of runs made null");
        self.valid[rows].fill(false);
    }
}

impl Batch {
    /// An empty batch of the same columns.
    pub fn emptied_like(&self) -> Batch {
        Batch {
            cols: self.cols.iter().map(|c| c.room(0, 0)).collect(),
            next: 0,
            rows: 0,
        }
    }

    /// Counts `n` rows whose cells were appended column by column (every column has them).
    pub fn add_rows(&mut self, n: usize) {
        debug_assert_eq!(self.next, 0, "a row is being built");
        self.rows += n;
        debug_assert!(self.cols.iter().all(|c| c.rows() == self.rows));
    }

    /// Keeps the first `rows` rows (whole rows only; a row after them may not repeat a text
    /// cell of the last kept; no column of runs).
    pub fn truncate(&mut self, rows: usize) {
        debug_assert_eq!(self.next, 0, "a row is being built");
        for c in &mut self.cols {
            debug_assert!(c.ends.is_none(), "a column of runs cut short");
            c.valid.truncate(rows);
            match &mut c.data {
                Data::Str { bytes, spans } => {
                    if let Some(&(start, _)) = spans.get(rows) {
                        bytes.truncate(start);
                    }
                    spans.truncate(rows);
                }
                Data::Int(v) => v.truncate(rows),
                Data::Float(v) => v.truncate(rows),
                Data::Bool(v) => v.truncate(rows),
            }
        }
        self.rows = self.rows.min(rows);
    }
}
