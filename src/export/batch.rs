//! A batch of rows held column by column: what every writer (CSV, JSON Lines, Parquet)
//! consumes, and one Parquet row group.

use super::schema::{Col, Type};

mod append;

/// One column's values; `valid[i]` is false where row `i` is null (its slot then holds a
/// default value, and an empty string).
#[derive(Debug, Clone)]
pub enum Data {
    /// The strings in `bytes`; row `i` is `bytes[spans[i].0..spans[i].1]` (a row that repeats
    /// the row before it shares its span).
    Str {
        bytes: String,
        spans: Vec<(usize, usize)>,
    },
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<bool>),
}

/// A column's cells. A column of runs (a session's id and facets, the same over its rows: a
/// batch's heads, as [`super::gathered::Gathered`] hands them to the Parquet encoder) holds one
/// cell per run, `ends[k]` being the row after run `k`.
#[derive(Debug, Clone)]
pub struct Column {
    pub data: Data,
    pub valid: Vec<bool>,
    pub ends: Option<Vec<usize>>,
}

/// A cell, as the text and JSON writers read it back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Null,
    Str(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
}

/// Bytes reserved per row of a text column (most of the facets' values are shorter).
const STR_BYTES: usize = 16;

impl Column {
    fn new(ty: Type, rows: usize) -> Column {
        let data = match ty {
            Type::Str => Data::Str {
                bytes: String::with_capacity(rows * STR_BYTES),
                spans: Vec::with_capacity(rows),
            },
            Type::Int => Data::Int(Vec::with_capacity(rows)),
            Type::Float => Data::Float(Vec::with_capacity(rows)),
            Type::Bool => Data::Bool(Vec::with_capacity(rows)),
        };
        Column {
            data,
            valid: Vec::with_capacity(rows),
            ends: None,
        }
    }

    /// How many rows the column holds.
    pub fn rows(&self) -> usize {
        match &self.ends {
            Some(ends) => ends.last().copied().unwrap_or(0),
            None => self.valid.len(),
        }
    }

    /// The cell that holds row `i`.
    fn at(&self, i: usize) -> usize {
        match &self.ends {
            Some(ends) => ends.partition_point(|&e| e <= i),
            None => i,
        }
    }

    pub fn str_at(&self, i: usize) -> &str {
        let i = self.at(i);
        match &self.data {
            Data::Str { bytes, spans } => &bytes[spans[i].0..spans[i].1],
            _ => "",
        }
    }

    pub fn cell(&self, i: usize) -> Cell<'_> {
        let i = self.at(i);
        if !self.valid[i] {
            return Cell::Null;
        }
        match &self.data {
            Data::Str { bytes, spans } => Cell::Str(&bytes[spans[i].0..spans[i].1]),
            Data::Int(v) => Cell::Int(v[i]),
            Data::Float(v) => Cell::Float(v[i]),
            Data::Bool(v) => Cell::Bool(v[i]),
        }
    }
}

/// Rows of one table, column by column. Rows are added a cell at a time, left to right:
/// [`Batch::str`], [`Batch::int`], ... each fill the next column.
#[derive(Debug, Clone)]
pub struct Batch {
    pub cols: Vec<Column>,
    next: usize,
    rows: usize,
}

impl Batch {
    /// An empty batch, with room for about `rows` rows.
    pub fn new(schema: &[Col], rows: usize) -> Batch {
        Batch {
            cols: schema.iter().map(|c| Column::new(c.ty, rows)).collect(),
            next: 0,
            rows: 0,
        }
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The column the next cell goes to; a full row ends the row.
    fn slot(&mut self, valid: bool) -> &mut Data {
        let i = self.next;
        self.advance();
        self.cols[i].valid.push(valid);
        &mut self.cols[i].data
    }

    /// Moves past the column the next cell goes to.
    fn advance(&mut self) {
        self.next += 1;
        if self.next == self.cols.len() {
            self.next = 0;
            self.rows += 1;
        }
    }

    pub fn str(&mut self, v: Option<&str>) -> &mut Self {
        match self.slot(v.is_some()) {
            Data::Str { bytes, spans } => {
                let start = bytes.len();
                bytes.push_str(v.unwrap_or(""));
                spans.push((start, bytes.len()));
            }
            _ => panic!("a string in a column of another type"),
        }
        self
    }

    pub fn int(&mut self, v: Option<i64>) -> &mut Self {
        match self.slot(v.is_some()) {
            Data::Int(d) => d.push(v.unwrap_or(0)),
            _ => panic!("an integer in a column of another type"),
        }
        self
    }

    pub fn float(&mut self, v: Option<f64>) -> &mut Self {
        match self.slot(v.is_some()) {
            Data::Float(d) => d.push(v.unwrap_or(0.0)),
            _ => panic!("a float in a column of another type"),
        }
        self
    }

    pub fn bool(&mut self, v: Option<bool>) -> &mut Self {
        match self.slot(v.is_some()) {
            Data::Bool(d) => d.push(v.unwrap_or(false)),
            _ => panic!("a boolean in a column of another type"),
        }
        self
    }

    /// A count as an int64 cell (counts never reach 2^63).
    pub fn count(&mut self, v: u64) -> &mut Self {
        self.int(Some(v as i64))
    }
}

#[cfg(test)]
mod tests;
