//! The rows the loader's scanner takes from a line are the rows serde_json reads from it (the
//! reference, and what a line the scanner gives up on is read by): wherever the loader loads
//! a line, each table's rows from the scan and from serde_json are the same, cell for cell.

use proptest::prelude::*;

use super::*;
use crate::corpus::{fuzz_cases, fuzz_line};
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
        let x = TableRows::new(table);
        let mut piece = x.piece();
        if x.parse(&mut piece, l).is_err() {
            assert_eq!(piece.rows.rows(), 0, "{table:?}: a refused line leaves no rows");
            continue;
        }
        loaded = true;
        let mut serde = Batch::new(&line_columns(table), 0);
        let mut v = LineRows {
            table,
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
