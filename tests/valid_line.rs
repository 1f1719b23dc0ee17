//! One definition of a valid v1 line: a line `report` counts is a line the browser can open,
//! `audit` can score; the others are skipped and named, by every command alike.

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;
use serde_json::Value;

const GOOD: &str =
    r#"{"id":"ok","turns":[{"prompt":"p","decisions":[{"id":"d1","kind":"planning","actor":"human"}]}]}"#;

/// Lines the loader used to count although the full parser refused them.
const BAD: [&str; 4] = [
    r#"{"id":"a","turns":[{"prompt":"p","actions":null}]}"#,
    r#"{"id":"b","turns":[{"prompt":"p","decisions":null}]}"#,
    r#"{"id":"c","turns":[{"prompt":"p","decisions":[{"id":"d1","kind":"planning","actor":"human","rule":5}]}]}"#,
    r#"{"id":"d","turns":[{"prompt":"p","subagent":[{"actions":"many"}]}]}"#,
];

#[test]
fn lines_the_full_parser_refuses_are_skipped_by_the_loader() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c.jsonl");
    std::fs::write(&c, format!("{GOOD}\n{}\n", BAD.join("\n"))).unwrap();
    let out = cargo_bin_cmd!("leash")
        .args(["report", "--format", "json"])
        .arg(&c)
        .assert()
        .success()
        .stderr(contains("c.jsonl:2: "))
        .stderr(contains("c.jsonl:5: "));
    let report: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(report["sessions"], 1, "{report}");
    assert_eq!(report["skipped_lines"], 4, "{report}");
    // Each of those sessions, audited, no longer makes `audit stats` fail.
    let audit = dir.path().join("c.jsonl.audit.jsonl");
    let verdicts: Vec<String> = ["ok", "a", "b", "c", "d"]
        .iter()
        .map(|s| {
            format!(
                r#"{{"session":"{s}","decision":"d1","verdict":"reject","auditor":"x","at":"2026-01-01T00:00:00Z"}}"#
            )
        })
        .collect();
    std::fs::write(&audit, verdicts.join("\n") + "\n").unwrap();
    let out = cargo_bin_cmd!("leash")
        .args(["audit", "stats", "--format", "json"])
        .arg(&c)
        .assert()
        .success();
    let stats: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        (&stats["rejected"], &stats["orphans"]),
        (&1.into(), &4.into()),
        "{stats}"
    );
}
