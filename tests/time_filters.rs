//! `--since` / `--until` / `--project` / `--model`: the sessions `report` counts are those a
//! hand count of the corpus's own lines finds.

use assert_cmd::Command;
use serde_json::Value;

fn corpus(dir: &std::path::Path) -> (std::path::PathBuf, Vec<Value>) {
    let path = dir.join("c.jsonl");
    Command::cargo_bin("leash")
        .unwrap()
        .args(["generate", "--sessions", "300", "--seed", "5", "-o"])
        .arg(&path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (path, lines)
}

fn sessions(path: &std::path::Path, args: &[&str]) -> u64 {
    let out = Command::cargo_bin("leash")
        .unwrap()
        .args(["report", "--format", "json"])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["sessions"].as_u64().unwrap()
}

fn field<'a>(s: &'a Value, k: &str) -> &'a str {
    s[k].as_str().unwrap_or("")
}

#[test]
fn a_date_range_keeps_the_sessions_started_in_it_whole_days_included() {
    let dir = tempfile::tempdir().unwrap();
    let (path, lines) = corpus(dir.path());
    // The generator writes UTC times: the date is the first ten characters.
    let day = |s: &Value| field(s, "started_at").get(..10).unwrap_or("").to_string();
    let want = lines
        .iter()
        .filter(|s| *"2025-06-01" <= *day(s) && *day(s) <= *"2025-09-30")
        .count() as u64;
    assert!(want > 10 && want < 290, "the range cuts the corpus: {want}");
    assert_eq!(
        sessions(&path, &["--since", "2025-06-01", "--until", "2025-09-30"]),
        want
    );
    let after = lines.iter().filter(|s| *day(s) >= *"2026-01-01").count() as u64;
    assert_eq!(sessions(&path, &["--since", "2026-01-01T00:00:00+00:00"]), after);
}

#[test]
fn project_and_model_keep_their_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let (path, lines) = corpus(dir.path());
    let p = field(&lines[0], "project").to_string();
    let m = field(&lines[0], "model").to_string();
    let np = lines.iter().filter(|s| field(s, "project") == p).count() as u64;
    let nm = lines.iter().filter(|s| field(s, "model") == m).count() as u64;
    assert_eq!(sessions(&path, &["--project", &p]), np);
    assert_eq!(sessions(&path, &["--model", &m]), nm);
    let both = lines
        .iter()
        .filter(|s| field(s, "project") == p && field(s, "model") == m)
        .count() as u64;
    assert_eq!(sessions(&path, &["--project", &p, "--model", &m]), both);
}

#[test]
fn a_bad_date_is_a_usage_error_naming_the_forms() {
    let out = Command::cargo_bin("leash")
        .unwrap()
        .args(["report", "--since", "last tuesday"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("is not a date (2026-03-01)"), "{err}");
}

/// `audit stats --since/--until` count the verdicts on sessions started in the range.
#[test]
fn audit_stats_keep_the_verdicts_of_sessions_in_the_range() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    let line = |id: &str, at: &str| {
        format!(
            r#"{{"id":"{id}","started_at":"{at}","turns":[{{"prompt":"p","decisions":[{{"id":"d1","kind":"planning","actor":"human"}}]}}]}}"#
        )
    };
    std::fs::write(
        &corpus,
        [line("s-1", "2026-03-01T10:00:00Z"), line("s-2", "2026-03-09T10:00:00Z")].join("\n") + "\n",
    )
    .unwrap();
    let verdict = |id: &str| {
        format!(
            r#"{{"session":"{id}","decision":"d1","verdict":"confirm","actor":"human","kind":"planning","note":null,"auditor":"ana","at":"2026-11-24T10:00:00Z"}}"#
        )
    };
    std::fs::write(
        dir.path().join("c.jsonl.audit.jsonl"),
        verdict("s-1") + "\n" + &verdict("s-2") + "\n",
    )
    .unwrap();
    let audited = |args: &[&str]| -> u64 {
        let out = Command::cargo_bin("leash")
            .unwrap()
            .args(["audit", "stats", "--format", "json"])
            .args(args)
            .arg(&corpus)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["audited"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(audited(&[]), 2);
    assert_eq!(audited(&["--since", "2026-03-05"]), 1);
    assert_eq!(audited(&["--until", "2026-03-01"]), 1, "the whole day of the bound");
    assert_eq!(audited(&["--since", "2027-01-01"]), 0);
}

#[test]
fn import_keeps_only_the_sessions_started_in_the_range() {
    let dir = tempfile::tempdir().unwrap();
    let (path, lines) = corpus(dir.path());
    // By hand: the lines whose start is in 2026 (RFC 3339 strings compare as times here).
    let want = lines
        .iter()
        .filter(|s| field(s, "started_at") >= "2026-01-01" && field(s, "started_at") < "2027-01-01")
        .count();
    assert!(want > 0 && want < lines.len(), "the range must cut the corpus: {want}");
    let out = dir.path().join("2026.jsonl");
    let run = Command::cargo_bin("leash")
        .unwrap()
        .args(["import", "--since", "2026-01-01", "--until", "2026-12-31", "-o"])
        .arg(&out)
        .arg(&path)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let kept = std::fs::read_to_string(&out).unwrap().lines().count();
    assert_eq!(kept, want);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains(&format!(
            "{} session(s) outside --since/--until left out",
            lines.len() - want
        )),
        "{said}"
    );
}
