//! The study's table as docs/scale-out.md writes it in SQL, run by DuckDB (the `duckdb`
//! Python package, which `.ci/run` installs) over exported Parquet, agrees figure for figure
//! with `leash report --format json` on the same corpus and filters.

mod support;

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::export::{TRICKY, export, generated, report_json};

/// The report's figures as DuckDB computes them from the sessions and decisions exported
/// with `filters`.
fn duckdb_report(dir: &Path, corpus: &Path, filters: &[&str]) -> Value {
    let (s, d) = (dir.join("sessions.parquet"), dir.join("decisions.parquet"));
    export(corpus, "sessions", &s, filters);
    export(corpus, "decisions", &d, filters);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .arg(root.join("tests/scripts/scale_out_duckdb.py"))
        .arg(root.join("docs/scale-out.md"))
        .args([&s, &d])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "the DuckDB statements failed (is the duckdb package installed? `pip install duckdb`):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every figure of the report (all but the counts of skipped lines and redacted sessions,
/// and the origins, which are about the input, not the table) equals DuckDB's; floats to
/// the last few bits (the median of an even count is an interpolation in DuckDB).
fn agree(ours: &Value, theirs: &Value, path: &str, checked: &mut usize) {
    match ours {
        Value::Object(m) => {
            for (k, v) in m {
                if path.is_empty() && ["skipped_lines", "redacted_sessions", "origin"].contains(&k.as_str()) {
                    continue;
                }
                let t = theirs.get(k).unwrap_or_else(|| panic!("DuckDB gives no {path}.{k}"));
                agree(v, t, &format!("{path}.{k}"), checked);
            }
        }
        Value::Number(n) if n.is_f64() => {
            let (a, b) = (n.as_f64().unwrap(), theirs.as_f64().unwrap_or(f64::NAN));
            assert!(
                (a - b).abs() <= 1e-12 * a.abs().max(1.0),
                "{path}: leash {a}, DuckDB {b}"
            );
            *checked += 1;
        }
        _ => {
            let same = ours == theirs || ours.as_f64().is_some_and(|a| theirs.as_f64() == Some(a));
            assert!(same, "{path}: leash {ours}, DuckDB {theirs}");
            *checked += 1;
        }
    }
}

fn check(filters: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generated(dir.path(), 1500, 5);
    // Sessions the generator does not make: redacted, without turns, ratified decisions.
    let mut text = std::fs::read_to_string(&corpus).unwrap();
    text.push_str(TRICKY);
    std::fs::write(&corpus, text).unwrap();
    let ours = report_json(&corpus, filters);
    assert!(
        ours["sessions"].as_u64().unwrap() > 50,
        "the filters leave sessions to compare"
    );
    let theirs = duckdb_report(dir.path(), &corpus, filters);
    let mut checked = 0;
    agree(&ours, &theirs, "", &mut checked);
    // 18 overall figures, 6 levels of 6, 2 regimes of 2.
    assert_eq!(checked, 18 + 36 + 4, "every figure compared");
}

#[test]
fn duckdb_over_the_exported_parquet_gives_the_report_of_the_whole_corpus() {
    check(&[]);
}

#[test]
fn duckdb_over_a_filtered_export_gives_the_report_with_the_same_filters() {
    check(&[
        "--ratified-as",
        "human",
        "--expertise",
        "novice",
        "--expertise",
        "4",
        "--expertise",
        "unknown",
    ]);
}
