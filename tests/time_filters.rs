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
