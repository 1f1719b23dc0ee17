//! `leash export` through the binary, and its outputs read back (CSV with the `csv` crate,
//! JSON Lines with serde_json, Parquet with the `parquet` crate's reader) as JSON objects.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{Map, Value};

/// Sessions that exercise every column: text a spreadsheet would run, control chars and
/// newlines, a redacted session, one without turns, ratified decisions, unknown facets.
pub const TRICKY: &str = concat!(
    r#"{"id":"t1","title":"=HYPERLINK(\"http://x\")","project":"-proj","started_at":"2026-03-02T10:00:00Z","model":"m1","expertise":"novice","mode":"fix","outcome":"verified_success","turns":[{"prompt":"@SUM(A1)\nsecond line\u001b[31m red","actions":[{"tool":"Edit","target":"+src/a.rs","ok":true},{"tool":"Bash","target":"cargo test","ok":false},{"tool":"Read"}],"response":"one two three","decisions":[{"id":"d1","kind":"planning","actor":"human","category":"goal","summary":"tab\there","evidence":"\"quoted\", with comma","confidence":0.9,"rule":"H-GOAL"},{"id":"d2","kind":"execution","actor":"agent","ratified":true}]},{"prompt":"yes","response_words":7,"decisions":[{"id":"d3","kind":"planning","actor":"agent","ratified":true}]}]}"#,
    "\n",
    r#"{"id":"t2","project":"p2","expertise":5,"outcome":"failure","redacted":true,"turns":[{"prompt":"[REDACTED_TEXT len=5 sha=ab]","actions":[{"tool":"Bash"}],"decisions":[{"id":"d1","kind":"execution","actor":"human"}]}]}"#,
    "\n",
    r#"{"id":"t3","turns":[]}"#,
    "\n",
    r#"{"id":"t4","title":"bidi \u202e evil","mode":"create","turns":[{"prompt":"make it","actions":[{"tool":"Write","target":"a"}],"decisions":[{"id":"x","kind":"execution","actor":"human","ratified":true}]}]}"#,
    "\n"
);

pub fn leash() -> Command {
    Command::cargo_bin("leash").unwrap()
}

/// Writes `text` to `dir/name` and returns its path.
pub fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// A generated corpus of `n` sessions in `dir`.
pub fn generated(dir: &Path, n: usize, seed: u64) -> PathBuf {
    let p = dir.join(format!("gen-{n}-{seed}.jsonl"));
    let out = leash()
        .args([
            "generate",
            "--sessions",
            &n.to_string(),
            "--seed",
            &seed.to_string(),
            "-o",
        ])
        .arg(&p)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    p
}

/// `leash export CORPUS --table TABLE -o OUT` plus `args`, which must succeed.
pub fn export(corpus: &Path, table: &str, out: &Path, args: &[&str]) {
    let o = leash()
        .arg("export")
        .arg(corpus)
        .args(["--table", table, "-o"])
        .arg(out)
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// An export's rows as JSON objects, whatever its format (by extension). CSV cells are
/// strings ("" for a null).
pub fn read_rows(p: &Path) -> Vec<Map<String, Value>> {
    match p.extension().and_then(|e| e.to_str()) {
        Some("csv") => {
            let mut r = csv::Reader::from_path(p).unwrap();
            let head = r.headers().unwrap().clone();
            r.records()
                .map(|rec| {
                    let rec = rec.unwrap();
                    head.iter()
                        .zip(rec.iter())
                        .map(|(k, v)| (k.to_owned(), Value::String(v.to_owned())))
                        .collect()
                })
                .collect()
        }
        Some("parquet") => parquet_rows(p),
        _ => std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Map<String, Value>>(l).unwrap())
            .collect(),
    }
}

fn parquet_rows(p: &Path) -> Vec<Map<String, Value>> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    let reader = SerializedFileReader::new(std::fs::File::open(p).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            row.unwrap()
                .get_column_iter()
                .map(|(k, f)| {
                    let v = match f {
                        Field::Null => Value::Null,
                        Field::Bool(b) => Value::Bool(*b),
                        Field::Long(n) => Value::from(*n),
                        Field::Double(x) => Value::from(*x),
                        Field::Str(s) => Value::String(s.clone()),
                        other => panic!("column {k}: unexpected Parquet value {other:?}"),
                    };
                    (k.clone(), v)
                })
                .collect()
        })
        .collect()
}

/// A JSON value as the CSV export writes it (before the CSV's own quoting).
pub fn csv_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => leash::text::csv_cell(s).into_owned(),
        Value::Number(n) if n.is_f64() => format!("{}", n.as_f64().unwrap()),
        other => other.to_string(),
    }
}

/// The corpus's lines as JSON, in order.
pub fn lines(corpus: &Path) -> Vec<Value> {
    std::fs::read_to_string(corpus)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `leash report CORPUS --format json FILTERS...`, which must succeed.
pub fn report_json(corpus: &Path, filters: &[&str]) -> Value {
    let out = leash()
        .arg("report")
        .arg(corpus)
        .args(["--format", "json"])
        .args(filters)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}
