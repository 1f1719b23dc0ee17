//! What the commands say is what they did: no success over nothing written, no silence
//! over nothing read, no verdict lost for a missing auditor.

use std::process::Command;

use assert_cmd::assert::OutputAssertExt;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;
use serde_json::Value;

fn bin() -> &'static str {
    assert_cmd::cargo::cargo_bin!("leash").to_str().unwrap()
}

fn corpus(dir: &std::path::Path, sessions: &str) -> std::path::PathBuf {
    let c = dir.join("c.jsonl");
    cargo_bin_cmd!("leash")
        .args(["generate", "--sessions", sessions, "-o"])
        .arg(&c)
        .assert()
        .success();
    c
}

/// Runs a shell line with `$L` the binary, in `dir`.
fn sh(dir: &std::path::Path, line: &str) -> std::process::Output {
    Command::new("bash")
        .args(["-c", line])
        .env("L", bin())
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn import_of_a_corpus_skips_and_names_its_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path(), "3");
    let mut text = std::fs::read_to_string(&c).unwrap();
    text.push_str("{\"id\":\"bad\",\"turns\":[{\"prompt\":\"p\",\"actions\":null}]}\nnot json\n");
    std::fs::write(&c, text).unwrap();
    let out = cargo_bin_cmd!("leash")
        .args(["import", "c.jsonl", "-o", "out.jsonl"])
        .current_dir(dir.path())
        .assert()
        .success()
        .stderr(contains("c.jsonl:4: "))
        .stderr(contains("c.jsonl:5: "))
        .stderr(contains("wrote 3 session line(s) to out.jsonl (2 bad line(s) skipped)"));
    drop(out);
    let written = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 3);
}

#[test]
fn import_to_a_closed_stdout_fails_and_into_head_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), "200");
    let closed = sh(dir.path(), "$L import c.jsonl >&-");
    closed.assert().code(1).stderr(contains("standard output is closed"));
    let generate = sh(dir.path(), "$L generate --sessions 2 >&-");
    generate.assert().code(1);
    // `import | head`: 0, as for report and generate.
    let head = sh(
        dir.path(),
        "$L import -q c.jsonl | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}",
    );
    assert_eq!(String::from_utf8_lossy(&head.stdout).trim(), "0", "{head:?}");
}

#[test]
fn report_of_a_closed_stdin_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = sh(dir.path(), "$L report - <&-");
    out.assert().code(2).stderr(contains("standard input is closed"));
}

#[test]
fn filters_no_session_can_pass_are_refused_or_named() {
    let dir = tempfile::tempdir().unwrap();
    let line = r#"{"id":"s","mode":"create","turns":[{"prompt":"p","actions":[{"tool":"Read"}]}]}"#;
    std::fs::write(dir.path().join("c.jsonl"), format!("{line}\n")).unwrap();
    let report = |args: &[&str]| {
        cargo_bin_cmd!("leash")
            .arg("report")
            .arg("c.jsonl")
            .args(args)
            .current_dir(dir.path())
            .assert()
    };
    report(&["--mode", "crate"])
        .code(2)
        .stderr(contains("no such mode"))
        .stderr(contains("create"));
    report(&["--min-app", "5", "--max-app", "2"])
        .code(2)
        .stderr(contains("no session can match"));
    report(&["--min-app", "NaN"]).code(2);
    // A v1 mode the corpus lacks is a warning, the figures still printed.
    report(&["--mode", "write", "--format", "json"])
        .success()
        .stderr(contains("--mode write: no session"));
}

#[test]
fn a_verdict_without_auditor_loads_with_the_auditor_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path(), "3");
    let s = std::fs::read_to_string(&c).unwrap();
    let first: Value = serde_json::from_str(s.lines().next().unwrap()).unwrap();
    let (sid, did) = (
        first["id"].as_str().unwrap(),
        first["turns"][0]["decisions"][0]["id"].as_str().unwrap(),
    );
    let line = format!(r#"{{"session":"{sid}","decision":"{did}","verdict":"reject","at":"2026-01-01T00:00:00Z"}}"#);
    std::fs::write(dir.path().join("c.jsonl.audit.jsonl"), line + "\n").unwrap();
    let out = cargo_bin_cmd!("leash")
        .args(["audit", "stats", "c.jsonl", "--format", "json"])
        .current_dir(dir.path())
        .assert()
        .success();
    let stats: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(stats["rejected"], 1, "{stats}");
}
