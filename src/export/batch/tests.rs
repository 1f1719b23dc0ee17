//! A column of runs (a batch's heads as the Parquet encoder gets them: a cell per session,
//! `ends` the row after each) reads back row by row, and expanded it is the column of a cell
//! per row.

use super::{Batch, Cell, Column};
use crate::export::schema::FACETS;

/// Two sessions' ids and facets, a row each (the second session's facets mostly null).
fn heads() -> Batch {
    let cols = [&crate::export::Table::Actions.columns()[..1], FACETS].concat();
    let mut b = Batch::new(&cols, 2);
    b.str(Some("s-1")).str(Some("p")).str(None).str(Some("m")).str(None);
    b.int(Some(3)).str(Some("x")).str(None).str(None);
    b.str(Some("s-2")).str(Some("q")).str(None).str(None).str(None);
    b.int(None).str(Some("y")).str(None).str(Some("ok"));
    b
}

fn per_row(c: &Column, rows: usize) -> Vec<Cell<'_>> {
    (0..rows).map(|r| c.cell(r)).collect()
}

#[test]
fn a_column_of_runs_reads_back_row_by_row_and_expands_to_a_cell_per_row() {
    let plain = heads();
    let mut runs = heads();
    for c in &mut runs.cols {
        c.ends = Some(vec![3, 5]);
    }
    for (r, p) in runs.cols.iter().zip(&plain.cols) {
        assert_eq!(r.rows(), 5);
        // The rows of each run read its cell.
        let want: Vec<Cell> = [0, 0, 0, 1, 1].iter().map(|&k| p.cell(k)).collect();
        assert_eq!(per_row(r, 5), want);
        let expanded = r.clone().into_rows();
        assert!(expanded.ends.is_none());
        assert_eq!(expanded.valid.len(), 5);
        assert_eq!(per_row(&expanded, 5), want);
    }
    assert_eq!(runs.cols[0].str_at(4), "s-2");
    assert_eq!(runs.cols[5].cell(2), Cell::Int(3));
    assert_eq!(runs.cols[5].cell(3), Cell::Null);
}

#[test]
fn cells_made_null_read_as_null() {
    let mut b = heads();
    b.cols[1].set_null(1..2);
    assert_eq!(b.cols[1].cell(0), Cell::Str("p"));
    assert_eq!(b.cols[1].cell(1), Cell::Null);
}
