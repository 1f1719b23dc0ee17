//! The rows the loader's scanner takes from a line are the rows serde_json reads from it (the
//! reference, and what a line the scanner gives up on is read by): wherever the loader loads
//! a line, each table's rows from the scan and from serde_json are the same, cell for cell.

use proptest::prelude::*;

use super::*;
use crate::corpus::{Reread, fuzz_cases, fuzz_line};
use crate::export::batch::Cell;
use crate::generate::{GenOptions, generate};

const TABLES: [Table; 3] = [Table::Turns, Table::Decisions, Table::Actions];

fn cells(b: &Batch) -> Vec<Vec<Cell<'_>>> {
    (0..b.rows())
        .map(|r| b.cols.iter().map(|c| c.cell(r)).collect())
        .collect()
}

/// For each table, the loader's rows of `l` (if it loads it) against serde_json's; answers
/// whether the line loaded.
fn agree(l: &[u8]) -> bool {
    let mut loaded = false;
    for table in TABLES {
        let x = TableRows::new(table, RatifiedAs::Human);
        let mut piece = x.piece();
        if x.parse(&mut piece, l).is_err() {
            assert_eq!(piece.rows.rows(), 0, "{table:?}: a refused line leaves no rows");
            continue;
        }
        loaded = true;
        let mut serde = Batch::new(&line_columns(table), 0);
        let mut v = LineRows {
            table,
            how: RatifiedAs::Human,
            b: &mut serde,
            mark: 0,
            turn: 1,
            action: 1,
        };
        let read = v.reread(l);
        assert!(read.is_ok(), "{table:?}: serde_json refuses a loaded line: {read:?}");
        assert_eq!(
            cells(&piece.rows),
            cells(&serde),
            "{table:?} of {}",
            String::from_utf8_lossy(l)
        );
        assert_eq!(piece.ends, [piece.rows.rows()]);
    }
    loaded
}

#[test]
fn the_generated_corpus_is_taken_as_serde_reads_it() {
    let mut out = Vec::new();
    generate(&GenOptions { sessions: 300, seed: 3 }, &mut out).unwrap();
    for l in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        assert!(agree(l), "not loaded: {}", String::from_utf8_lossy(l));
    }
}

#[test]
fn escapes_nulls_and_unknown_keys_are_taken_alike() {
    let lines = [
        r#"{"id":"s\u00e9","x":{"y":[1,"a"]},"turns":[{"prompt":"a \"b\"\n","response":"one\ttwo three","actions":[{"tool":"Edit","target":"src/\u00e9.rs","ok":false,"extra":null},{"tool":"Bash","target":null,"ok":null}],"decisions":[{"id":"d1","kind":"planning","actor":"human","category":null,"summary":"s\\u","evidence":"e","confidence":1,"ratified":true,"rule":"r"},{"id":"d2","kind":"execution","actor":"agent","confidence":0.25e0}]}]}"#,
        r#"{"turns":[{"prompt":"","response":"a b","response_words":7,"decisions":[]},{"prompt":"p"}],"id":"z"}"#,
    ];
    for l in lines {
        assert!(agree(l.as_bytes()), "{l}");
    }
}

#[test]
fn lines_the_loader_refuses_give_no_rows() {
    let refused = [
        r#"{"id":"a","turns":[{"prompt":"p","actions":[{"tool":"R","tool":"W"}]}]}"#,
        r#"{"id":"a","turns":[{"prompt":"p","actions":null}]}"#,
        r#"{"id":"a","turns":[{"prompt":"p","decisions":[{"id":"d","kind":"plan","actor":"human"}]}]}"#,
        r#"{"id":"a","id":"b","turns":[]}"#,
        r#"{"id":"a","turns":[]} x"#,
    ];
    for l in refused {
        assert!(!agree(l.as_bytes()), "loaded: {l}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_the_loader_and_serde_take_lines_alike(l in fuzz_line()) {
        agree(&l);
    }
}

/// The actions table's piece of a generated corpus of `sessions` sessions.
fn piece_of(sessions: u64) -> Taken {
    let mut out = Vec::new();
    generate(&GenOptions { sessions, seed: 5 }, &mut out).unwrap();
    let x = TableRows::new(Table::Actions, RatifiedAs::Human);
    let mut piece = x.piece();
    for l in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        x.parse(&mut piece, l).unwrap();
    }
    piece
}

/// A piece keeps itself for most of its rows, and copies a few picked rows into a piece of
/// their own (the same cells), so that a narrow filter holds no whole pieces.
#[test]
fn a_piece_keeps_a_few_rows_as_a_copy_and_most_as_itself() {
    let piece = piece_of(12);
    let rows = piece.rows.rows();
    let whole: Vec<String> = cells(&piece.rows).iter().map(|r| format!("{r:?}")).collect();
    // A few rows: the first and the third session's.
    let few = vec![0..piece.ends[0], piece.ends[1]..piece.ends[2]];
    let (kept, ranges) = piece.keep(few.clone());
    assert!(kept.rows.rows() < rows, "copied, not kept whole");
    assert_eq!(kept.rows.rows(), few.iter().map(|r| r.len()).sum::<usize>());
    let got: Vec<String> = cells(&kept.rows).iter().map(|r| format!("{r:?}")).collect();
    for (r, k) in few.iter().zip(&ranges) {
        assert_eq!(got[k.clone()], whole[r.clone()]);
    }
    // Most rows (all but the first session's): the piece itself, the ranges as they were.
    let again = piece_of(12);
    let most = vec![again.ends[0]..again.ends[5], again.ends[5]..rows];
    let (kept, ranges) = again.keep(most.clone());
    assert_eq!((kept.rows.rows(), ranges), (rows, most));
}
