//! A batch of rows held column by column: what every writer (CSV, JSON Lines, Parquet)
//! consumes, and one Parquet row group.

use super::schema::{Col, Type};

/// One column's values; `valid[i]` is false where row `i` is null (its slot then holds a
/// default value, and an empty string).
#[derive(Debug, Clone)]
pub enum Data {
    /// All strings back to back in `bytes`; row `i` is `bytes[ends[i-1]..ends[i]]`.
    Str {
        bytes: String,
        ends: Vec<usize>,
    },
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<bool>),
}

#[derive(Debug, Clone)]
pub struct Column {
    pub data: Data,
    pub valid: Vec<bool>,
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

impl Column {
    fn new(ty: Type) -> Column {
        let data = match ty {
            Type::Str => Data::Str {
                bytes: String::new(),
                ends: Vec::new(),
            },
            Type::Int => Data::Int(Vec::new()),
            Type::Float => Data::Float(Vec::new()),
            Type::Bool => Data::Bool(Vec::new()),
        };
        Column {
            data,
            valid: Vec::new(),
        }
    }

    pub fn str_at(&self, i: usize) -> &str {
        match &self.data {
            Data::Str { bytes, ends } => &bytes[if i == 0 { 0 } else { ends[i - 1] }..ends[i]],
            _ => "",
        }
    }

    pub fn cell(&self, i: usize) -> Cell<'_> {
        if !self.valid[i] {
            return Cell::Null;
        }
        match &self.data {
            Data::Str { .. } => Cell::Str(self.str_at(i)),
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
    pub fn new(schema: &[Col]) -> Batch {
        Batch {
            cols: schema.iter().map(|c| Column::new(c.ty)).collect(),
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
        self.next += 1;
        if self.next == self.cols.len() {
            self.next = 0;
            self.rows += 1;
        }
        self.cols[i].valid.push(valid);
        &mut self.cols[i].data
    }

    pub fn str(&mut self, v: Option<&str>) -> &mut Self {
        match self.slot(v.is_some()) {
            Data::Str { bytes, ends } => {
                bytes.push_str(v.unwrap_or(""));
                ends.push(bytes.len());
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
