//! A batch of the turns, decisions or actions table as the loader's pieces hold its rows: each
//! selected session's rows stay in the piece its line was read into ([`Taken`], shared), and
//! only its id and facets (one row per session) are written anew. The Parquet encoder reads the columns where they are; CSV and JSON Lines
//! get the rows copied into one [`Batch`] ([`Gathered::into_batch`]), on the encoder threads.

use std::ops::Range;
use std::sync::Arc;

use super::batch::{Batch, Column};
use super::schema::{FACETS, Table};
use super::take::{Taken, line_columns};

/// Where a column of the table comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum From {
    /// The session's id (0) or a facet (1..): a column of the heads.
    Head(usize),
    /// A column of the pieces' rows.
    Line(usize),
}

/// The table's columns, in order, and where each comes from.
fn layout(table: Table) -> Vec<From> {
    let line = (0..line_columns(table).len()).map(From::Line);
    std::iter::once(From::Head(0))
        .chain(line)
        .chain((1..=FACETS.len()).map(From::Head))
        .collect()
}

/// A column's rows, as the columns that hold them: each a column and a range of its cells.
pub type Parts<'a> = Vec<(&'a Column, Range<usize>)>;

/// The rows of a run of sessions.
pub struct Gathered {
    table: Table,
    /// Each session's id and facets, one row per session (with rows).
    pub(super) head: Batch,
    /// The row after each of those sessions' rows.
    ends: Vec<usize>,
    /// The pieces' rows, in order.
    parts: Vec<(Arc<Taken>, Range<usize>)>,
}

impl Gathered {
    pub fn new(table: Table, head: Batch) -> Gathered {
        Gathered {
            table,
            head,
            ends: Vec::new(),
            parts: Vec::new(),
        }
    }

    pub fn rows(&self) -> usize {
        self.ends.last().copied().unwrap_or(0)
    }

    /// Adds a session's `rows` of `taken` (its head already added).
    pub fn add(&mut self, taken: &Arc<Taken>, rows: Range<usize>) {
        self.ends.push(self.rows() + rows.len());
        match self.parts.last_mut() {
            // The next rows of the same piece: one part.
            Some((t, r)) if Arc::ptr_eq(t, taken) && r.end == rows.start => r.end = rows.end,
            _ => self.parts.push((taken.clone(), rows)),
        }
    }

    /// Each column of the table, as the columns that hold its rows: the heads' as columns of
    /// runs (a cell per session over its rows).
    pub fn columns(&mut self) -> Vec<Parts<'_>> {
        for c in &mut self.head.cols {
            c.ends = Some(self.ends.clone());
        }
        layout(self.table)
            .into_iter()
            .map(|from| match from {
                From::Head(h) => vec![(&self.head.cols[h], 0..self.ends.len())],
                From::Line(c) => self.parts.iter().map(|(t, r)| (&t.rows.cols[c], r.clone())).collect(),
            })
            .collect()
    }

    /// The rows copied into one batch.
    pub fn into_batch(self) -> Batch {
        // A cell per row: the text and JSON writers read row by row.
        let rows = self.rows();
        let mut b = Batch::new(&self.table.columns(), rows);
        for (out, from) in b.cols.iter_mut().zip(layout(self.table)) {
            match from {
                From::Head(h) => {
                    let mut start = 0;
                    for (k, &end) in self.ends.iter().enumerate() {
                        out.extend_repeat(&self.head.cols[h], k, end - start);
                        start = end;
                    }
                }
                From::Line(c) => {
                    for (t, r) in &self.parts {
                        out.extend_from(&t.rows.cols[c], r.clone());
                    }
                }
            }
        }
        b.add_rows(rows);
        b
    }
}
