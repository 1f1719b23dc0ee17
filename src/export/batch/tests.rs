//! A batch of a table holds a session's id and facets as runs; read back, cut short and
//! expanded, it is the batch of a cell per row.

use super::{Batch, Cell};
use crate::export::schema::{FACETS, Table};

/// Two sessions of the actions table (3 rows, then 2), their facets filled once each.
fn two_sessions(b: &mut Batch) {
    for (s, rows) in [("s-1", 3), ("s-2", 2)] {
        for r in 0..rows {
            if r == 0 {
                b.str(Some(s));
            } else {
                b.repeat(1);
            }
            b.int(Some(1))
                .int(Some(r + 1))
                .str(Some("Read"))
                .str(None)
                .bool(Some(true));
            if r == 0 {
                b.str(Some(&format!("p-{s}"))).str(None).str(Some("m")).str(None);
                b.int(if s == "s-1" { Some(3) } else { None })
                    .str(Some("x"))
                    .str(None)
                    .str(None);
            } else {
                b.repeat(FACETS.len());
            }
        }
    }
}

fn cells(b: &Batch) -> Vec<Vec<Cell<'_>>> {
    (0..b.rows())
        .map(|r| b.cols.iter().map(|c| c.cell(r)).collect())
        .collect()
}

#[test]
fn runs_hold_a_cell_per_session_and_read_back_per_row() {
    let (mut runs, mut rows) = (
        Batch::of(Table::Actions, 0, 0),
        Batch::new(&Table::Actions.columns(), 0),
    );
    two_sessions(&mut runs);
    two_sessions(&mut rows);
    assert_eq!(runs.rows(), 5);
    assert_eq!(runs.cols[0].valid.len(), 2, "the id: one cell per session");
    assert_eq!(runs.cols[0].ends, Some(vec![3, 5]));
    assert_eq!(runs.cols[2].valid.len(), 5, "the action's number: one per row");
    assert_eq!(cells(&runs), cells(&rows));
    assert_eq!(runs.cols[0].cell(3), Cell::Str("s-2"));
    assert_eq!(runs.cols[10].cell(4), Cell::Null);

    let expanded: Vec<_> = runs.cols.iter().map(|c| c.clone().into_rows()).collect();
    for (e, r) in expanded.iter().zip(&rows.cols) {
        assert!(e.ends.is_none());
        assert_eq!(
            (0..5).map(|i| e.cell(i)).collect::<Vec<_>>(),
            (0..5).map(|i| r.cell(i)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn cut_short_a_run_keeps_its_rows_before_the_cut() {
    for keep in 0..=5 {
        let (mut runs, mut rows) = (
            Batch::of(Table::Actions, 0, 0),
            Batch::new(&Table::Actions.columns(), 0),
        );
        two_sessions(&mut runs);
        two_sessions(&mut rows);
        runs.truncate(keep);
        assert_eq!(runs.rows(), keep);
        assert!(runs.cols.iter().all(|c| c.rows() == keep), "keep {keep}");
        let want: Vec<_> = cells(&rows).into_iter().take(keep).collect();
        assert_eq!(cells(&runs), want, "keep {keep}");
        // Rows added after the cut start their own runs.
        two_sessions(&mut runs);
        assert_eq!(runs.rows(), keep + 5);
        assert_eq!(runs.cols[0].cell(keep), Cell::Str("s-1"));
    }
}

#[test]
fn the_sessions_table_has_a_cell_per_row() {
    let b = Batch::of(Table::Sessions, 4, 4);
    assert!(b.cols.iter().all(|c| c.ends.is_none()));
}
