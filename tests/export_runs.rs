//! The Parquet text and integer columns are written by hand, not by the parquet crate's column
//! writer: the ones that hold one value over runs of rows (a session's id and facets on each of
//! its rows) as RLE runs, the ones that change by row (an action's tool and target) mostly
//! bit-packed. Read back, value for value and null for null, they must be the CSV export's
//! cells and the corpus's facets.

mod support;

use std::path::Path;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::statistics::Statistics;
use serde_json::{Value, json};
use support::export::{csv_text, export, generated, lines, read_rows};

const TOOLS: [&str; 3] = ["Edit", "Bash", "Read"];

/// Sessions of 4 to 6 turns of 1 to 4 actions each, whose facets are null here and there (text
/// and integer columns), and whose neighbours share a project (runs that join).
fn corpus(dir: &Path, sessions: usize) -> std::path::PathBuf {
    let mut text = String::new();
    for i in 0..sessions {
        let turn = |n: usize| {
            let actions: Vec<Value> = (0..n)
                .map(|a| json!({"tool": TOOLS[(i + a) % 3], "target": (a % 3 != 2).then(|| format!("f{i}-{a}.rs"))}))
                .collect();
            json!({"prompt": "go", "actions": actions})
        };
        let mut s = json!({
            "id": format!("s-{i}"), "project": format!("projé-{}", i / 3),
            "turns": (0..4 + i % 3).map(|t| turn(1 + (i + t) % 4)).collect::<Vec<_>>(),
        });
        let facets = [
            ("model", (i % 4 != 0).then(|| json!(format!("model-{}", i % 7)))),
            ("mode", (i % 5 != 0).then(|| json!(["fix", "create", "explore"][i % 3]))),
            ("expertise", (i % 3 != 0).then(|| json!(i % 5 + 1))),
            (
                "started_at",
                (i % 2 == 0).then(|| json!(format!("2026-03-{:02}T10:00:00Z", i % 28 + 1))),
            ),
        ];
        for (k, v) in facets.into_iter().filter_map(|(k, v)| Some((k, v?))) {
            s[k] = v;
        }
        text += &format!("{s}\n");
    }
    let p = dir.join("runs.jsonl");
    std::fs::write(&p, text).unwrap();
    p
}

/// The table exported to Parquet and to CSV: every Parquet cell is the CSV's (a null its empty
/// cell), and each row's facets are its session's in the corpus, null where it has none.
fn check(dir: &Path, corpus: &Path, table: &str) {
    let (pq, csv) = (dir.join(format!("{table}.parquet")), dir.join(format!("{table}.csv")));
    export(corpus, table, &pq, &[]);
    export(corpus, table, &csv, &[]);
    let (rows, cells) = (read_rows(&pq), read_rows(&csv));
    assert_eq!(rows.len(), cells.len(), "{table}: rows");
    assert!(rows.len() > 1000, "{table}: {} rows", rows.len());
    for (row, cell) in rows.iter().zip(&cells) {
        assert_eq!(
            row.keys().collect::<Vec<_>>(),
            cell.keys().collect::<Vec<_>>(),
            "{table}: columns"
        );
        for (k, v) in row {
            assert_eq!(cell[k], json!(csv_text(v)), "{table} column {k}: {row:?}");
        }
    }
    let sessions = lines(corpus);
    let by_id = |id: &Value| sessions.iter().find(|s| &s["id"] == id).unwrap();
    let mut nulls = 0;
    for row in &rows {
        let s = by_id(&row["session_id"]);
        for k in ["project", "model", "mode", "expertise", "started_at"] {
            assert_eq!(
                row[k],
                s.get(k).cloned().unwrap_or(Value::Null),
                "{table} column {k}: {row:?}"
            );
            nulls += usize::from(row[k].is_null());
        }
    }
    assert!(nulls > 0, "{table}: the facets have nulls");
    assert_hand_written(&pq, &rows);
}

/// Each row group's session ids, project and expertise carry the count of their distinct values
/// (which only the hand-written chunks give) and the right one.
fn assert_hand_written(pq: &Path, rows: &[serde_json::Map<String, Value>]) {
    let reader = SerializedFileReader::new(std::fs::File::open(pq).unwrap()).unwrap();
    let meta = reader.metadata();
    let columns = meta.file_metadata().schema_descr().columns().to_vec();
    let mut first = 0;
    for g in meta.row_groups() {
        let group = &rows[first..first + g.num_rows() as usize];
        first += g.num_rows() as usize;
        for name in ["session_id", "project", "expertise"] {
            let i = columns.iter().position(|c| c.name() == name).unwrap();
            let mut distinct: Vec<&Value> = group.iter().map(|r| &r[name]).filter(|v| !v.is_null()).collect();
            distinct.sort_by_key(|v| v.to_string());
            distinct.dedup();
            let stats = g.column(i).statistics().unwrap();
            let nulls = group.iter().filter(|r| r[name].is_null()).count() as u64;
            assert_eq!(stats.distinct_count_opt(), Some(distinct.len() as u64), "{name}");
            assert_eq!(stats.null_count_opt(), Some(nulls), "{name}");
            if let Statistics::Int64(s) = stats {
                let ints = distinct.iter().map(|v| v.as_i64().unwrap());
                assert_eq!(
                    (s.min_opt(), s.max_opt()),
                    (ints.clone().min().as_ref(), ints.max().as_ref())
                );
            }
        }
    }
    assert_eq!(first, rows.len());
}

#[test]
fn columns_in_runs_read_back_as_the_csv_export_nulls_included() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), 2500);
    for table in ["actions", "turns"] {
        check(dir.path(), &corpus, table);
    }
}

#[test]
fn a_generated_corpus_of_several_row_groups_reads_back_as_its_csv_export() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generated(dir.path(), 2100, 5);
    let (pq, csv) = (dir.path().join("a.parquet"), dir.path().join("a.csv"));
    export(&corpus, "actions", &pq, &[]);
    export(&corpus, "actions", &csv, &[]);
    let (rows, cells) = (read_rows(&pq), read_rows(&csv));
    assert_eq!(rows.len(), cells.len());
    for (row, cell) in rows.iter().zip(&cells) {
        for (k, v) in row {
            assert_eq!(cell[k], json!(csv_text(v)), "column {k}: {row:?}");
        }
    }
    assert_hand_written(&pq, &rows);
}

/// A row group whose targets hold over 1 MiB of distinct text goes to the parquet crate's
/// writer (a dictionary that large falls back to plain pages), from the many pieces the
/// loader read its rows into: read back, it is the CSV export, nulls included.
#[test]
fn a_column_past_the_dictionary_limit_reads_back_as_the_csv_export() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(600);
    let mut text = String::new();
    for i in 0..1000 {
        let actions: Vec<Value> = (0..3)
            .map(|a| json!({"tool": TOOLS[a], "target": (a != 1).then(|| format!("{i}-{a}-{long}")), "ok": a != 2}))
            .collect();
        text += &format!(
            "{}\n",
            json!({"id": format!("s-{i}"), "project": "p", "turns": [{"prompt": "go", "actions": actions}]})
        );
    }
    let corpus = dir.path().join("long.jsonl");
    std::fs::write(&corpus, text).unwrap();
    let (pq, csv) = (dir.path().join("long.parquet"), dir.path().join("long.csv"));
    export(&corpus, "actions", &pq, &[]);
    export(&corpus, "actions", &csv, &[]);
    let (rows, cells) = (read_rows(&pq), read_rows(&csv));
    assert_eq!(rows.len(), 3000);
    assert_eq!(rows.len(), cells.len());
    for (row, cell) in rows.iter().zip(&cells) {
        for (k, v) in row {
            assert_eq!(cell[k], json!(csv_text(v)), "column {k}: {row:?}");
        }
    }
    assert_eq!(rows.iter().filter(|r| r["target"].is_null()).count(), 1000);
    // The target chunk is the crate's (2,000 targets of 600 bytes and more: past 1 MiB), with
    // no count of distinct values, which only the hand-written chunks give.
    let reader = SerializedFileReader::new(std::fs::File::open(&pq).unwrap()).unwrap();
    let meta = reader.metadata();
    let columns = meta.file_metadata().schema_descr().columns().to_vec();
    let target = columns.iter().position(|c| c.name() == "target").unwrap();
    assert!(
        meta.row_group(0)
            .column(target)
            .statistics()
            .unwrap()
            .distinct_count_opt()
            .is_none()
    );
}
