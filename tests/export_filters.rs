//! `leash export` honours every filter `leash report` takes, never writes to its input, and
//! writes CSV that a spreadsheet opens safely.

mod support;

use std::path::Path;

use serde_json::Value;
use support::export::{TRICKY, export, file, generated, leash, read_rows, report_json};

/// What every exported row must satisfy under a filter.
type Holds<'a> = dyn Fn(&serde_json::Map<String, Value>) -> bool + 'a;

fn report_sessions(corpus: &Path, filters: &[&str]) -> u64 {
    report_json(corpus, filters)["sessions"].as_u64().unwrap()
}

#[test]
fn each_filter_keeps_the_sessions_report_counts_and_only_those() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generated(dir.path(), 600, 21);
    let all = read_rows(&{
        let p = dir.path().join("all.jsonl");
        export(&corpus, "sessions", &p, &[]);
        p
    });
    let first = &all[0];
    let (project, model) = (first["project"].as_str().unwrap(), first["model"].as_str().unwrap());
    let cases: Vec<(Vec<&str>, Box<Holds>)> = vec![
        (
            vec!["--expertise", "novice", "--expertise", "5"],
            Box::new(|r| ["novice", "expert"].contains(&r["expertise_name"].as_str().unwrap())),
        ),
        (vec!["--mode", "fix"], Box::new(|r| r["mode"] == "fix")),
        (
            vec!["--outcome", "verified_success"],
            Box::new(|r| r["outcome"] == "verified_success"),
        ),
        (vec!["--project", project], Box::new(move |r| r["project"] == project)),
        (vec!["--model", model], Box::new(move |r| r["model"] == model)),
        (
            vec!["--since", "2026-01-01", "--until", "2026-06-30"],
            Box::new(|r| {
                let t = r["started_at"].as_str().unwrap();
                ("2026-01-01".."2026-07-01").contains(&t)
            }),
        ),
        (
            vec!["--regime", "agent_controls_planning"],
            Box::new(|r| r["agent_controls_planning"] == true),
        ),
        (
            vec!["--min-app", "20"],
            Box::new(|r| r["actions_per_prompt"].as_f64().unwrap() >= 20.0),
        ),
        (vec!["--query", "bug"], Box::new(|_| true)),
    ];
    for (i, (flags, holds)) in cases.iter().enumerate() {
        let out = dir.path().join(format!("f{i}.parquet"));
        export(&corpus, "sessions", &out, flags);
        let rows = read_rows(&out);
        assert_eq!(
            rows.len() as u64,
            report_sessions(&corpus, flags),
            "{flags:?}: as many as report counts"
        );
        assert!(
            !rows.is_empty() && rows.len() < all.len(),
            "{flags:?} keeps some sessions, not all"
        );
        assert!(rows.iter().all(holds), "{flags:?}: a session that fails the filter");
        // The child tables hold the same sessions.
        let d = dir.path().join(format!("d{i}.csv"));
        export(&corpus, "decisions", &d, flags);
        let ids: std::collections::BTreeSet<String> = rows
            .iter()
            .map(|r| r["session_id"].as_str().unwrap().to_owned())
            .collect();
        assert!(
            read_rows(&d)
                .iter()
                .all(|r| ids.contains(r["session_id"].as_str().unwrap())),
            "{flags:?}"
        );
    }
}

#[test]
fn the_origin_filter_applies_to_exports_as_to_reports() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = file(
        dir.path(),
        "c.jsonl",
        concat!(
            r#"{"id":"a","origin":"cli","turns":[{"prompt":"x"}]}"#,
            "\n",
            r#"{"id":"b","origin":"sdk","turns":[{"prompt":"y"}]}"#,
            "\n"
        ),
    );
    let out = dir.path().join("o.jsonl");
    export(&corpus, "turns", &out, &["--origin", "cli"]);
    let rows = read_rows(&out);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (&rows[0]["session_id"], &rows[0]["origin"]),
        (&Value::from("a"), &Value::from("cli"))
    );
}

#[test]
fn csv_cells_never_run_as_formulas_nor_carry_control_chars() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = file(dir.path(), "tricky.jsonl", TRICKY);
    for table in ["sessions", "turns", "decisions", "actions"] {
        let out = dir.path().join(format!("{table}.csv"));
        export(&corpus, table, &out, &[]);
        let raw = std::fs::read_to_string(&out).unwrap();
        assert!(
            !raw.contains('\u{1b}') && !raw.contains('\u{202e}') && !raw.contains('\t'),
            "{table}: {raw}"
        );
        assert_eq!(
            raw.matches('\n').count(),
            raw.lines().count(),
            "{table}: one line per record"
        );
        let mut r = csv::Reader::from_path(&out).unwrap();
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@']),
                    "{table}: cell {cell:?} would run"
                );
            }
        }
    }
    let turns = std::fs::read_to_string(dir.path().join("turns.csv")).unwrap();
    assert!(turns.contains(r"'@SUM(A1)\nsecond line\x1b[31m red"), "{turns}");
    let sessions = std::fs::read_to_string(dir.path().join("sessions.csv")).unwrap();
    assert!(
        sessions.contains(r#""'=HYPERLINK(""http://x"")""#) && sessions.contains(",'-proj,"),
        "{sessions}"
    );
}

#[test]
fn the_output_is_never_an_input_nor_a_link_and_its_format_must_be_known() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = file(dir.path(), "c.jsonl", TRICKY);
    let run = |out: &Path, extra: &[&str]| {
        leash()
            .arg("export")
            .arg(&corpus)
            .args(["--table", "sessions", "-o"])
            .arg(out)
            .args(extra)
            .output()
            .unwrap()
    };
    let o = run(&corpus, &["--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is one of the inputs"));
    assert_eq!(
        std::fs::read_to_string(&corpus).unwrap(),
        TRICKY,
        "the input is untouched"
    );
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(dir.path().join("elsewhere.csv"), &link).unwrap();
    let o = run(&link, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        !dir.path().join("elsewhere.csv").exists(),
        "nothing written through the link"
    );
    let o = run(&dir.path().join("out.xlsx"), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--format"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = run(&dir.path().join("out.data"), &["--format", "jsonl"]);
    assert!(o.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.data"))
            .unwrap()
            .lines()
            .count(),
        4
    );
}

#[test]
fn standard_output_takes_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = file(dir.path(), "c.jsonl", TRICKY);
    let o = leash()
        .arg("export")
        .arg(&corpus)
        .args(["--table", "actions", "--format", "parquet", "-o", "-"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let p = file(dir.path(), "a.parquet", "");
    std::fs::write(&p, &o.stdout).unwrap();
    assert_eq!(read_rows(&p).len(), 5);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let corpus = generated(dir.path(), 300, 2);
    for format in ["csv", "jsonl", "parquet"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_leash"))
            .arg("export")
            .arg(&corpus)
            .args(["--table", "actions", "--format", format, "-o", "-"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut head = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap();
        // The pipe is closed here, as `| head -c 64` closes it.
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
