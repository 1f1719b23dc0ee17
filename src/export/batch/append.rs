//! Rows appended column by column, a run at a time (the export taking the rows the loader
//! took from each line), and rows taken back.

use super::{Batch, Column, Data};

impl Column {
    /// Rows `range` of `src` (a column of the same type), appended.
    pub fn extend_from(&mut self, src: &Column, range: std::ops::Range<usize>) {
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

    /// Row `r` of `src` (a column of the same type) appended `n` times, the copies after the
    /// first repeating it.
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

    /// A string cell appended (`None`: null).
    pub fn push_str(&mut self, v: Option<&str>) {
        self.valid.push(v.is_some());
        match &mut self.data {
            Data::Str { bytes, spans } => {
                let start = bytes.len();
                bytes.push_str(v.unwrap_or(""));
                spans.push((start, bytes.len()));
            }
            _ => panic!("a string in a column of another type"),
        }
    }
}

impl Batch {
    /// Counts `n` rows whose cells were appended column by column (every column has them).
    pub fn add_rows(&mut self, n: usize) {
        debug_assert_eq!(self.next, 0, "a row is being built");
        self.rows += n;
        debug_assert!(self.cols.iter().all(|c| c.valid.len() == self.rows));
    }

    /// Keeps the first `rows` rows (whole rows only, none of them repeats).
    pub fn truncate(&mut self, rows: usize) {
        debug_assert_eq!(self.next, 0, "a row is being built");
        for c in &mut self.cols {
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
