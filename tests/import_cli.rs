//! `leash import` from the outside: output, gzip, default folders, exit codes.

use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

fn leash() -> Command {
    let mut c = Command::cargo_bin("leash").unwrap();
    c.env_remove("CLAUDE_CONFIG_DIR").env_remove("CODEX_HOME");
    // The cache goes to a scratch folder, never to the real ~/.cache.
    c.env(
        "XDG_CACHE_HOME",
        std::env::temp_dir().join("leash-import-cli-test-cache"),
    );
    c
}

#[test]
fn imports_folders_into_a_gzipped_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("all.jsonl.gz");
    leash()
        .arg("import")
        .arg(fixtures().join("claude-code"))
        .arg(fixtures().join("codex"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote 10 session line(s)"))
        .stderr(predicate::str::contains("edge_cases.jsonl:13:"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&out).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text.lines().count(), 10);
    // The output is itself an input: a v1 corpus passes through unchanged.
    let again = dir.path().join("again.jsonl");
    leash()
        .args(["import", "-q", "-o"])
        .arg(&again)
        .arg(&out)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&again).unwrap(), text);
}

#[test]
fn codex_home_is_found_with_the_flag() {
    let home = tempfile::tempdir().unwrap();
    let day = home.path().join("sessions/2026/02/23");
    std::fs::create_dir_all(&day).unwrap();
    let name = "rollout-2026-02-23T13-19-38-019c8a70-dda7-7f33-98ea-f30553347322.jsonl";
    std::fs::copy(fixtures().join("codex").join(name), day.join(name)).unwrap();
    let out = leash()
        .args(["import", "--codex"])
        .env("CODEX_HOME", home.path())
        .env("HOME", home.path())
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .assert()
        .success();
    assert!(
        home.path()
            .join("cache/leash")
            .join(leash::import::READER_VERSION)
            .is_dir(),
        "cached under dirs::cache_dir()/leash"
    );
    assert_eq!(
        std::fs::read_dir(&day).unwrap().count(),
        1,
        "nothing written into the sessions folder"
    );
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("\"id\":\"019c8a70-dda7-7f33-98ea-f30553347322\""));
}

#[test]
fn bad_usage_and_unreadable_inputs_exit_2_with_one_line() {
    let out = leash().args(["import", "/no/such/dir"]).assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(err, "leash: /no/such/dir: no such file\n");
    leash()
        .arg("import")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to import"));
    let home = tempfile::tempdir().unwrap();
    leash()
        .args(["import", "--claude"])
        .env("HOME", home.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no Claude Code projects folder"));
    let map = home.path().join("map.txt");
    std::fs::write(&map, "Demo = guru\n").unwrap();
    leash()
        .arg("import")
        .arg(fixtures().join("codex"))
        .arg("--expertise-map")
        .arg(&map)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1"));
    leash().args(["import", "--bogus"]).assert().code(2);
}

#[test]
fn an_unwritable_output_exits_1() {
    leash()
        .arg("import")
        .arg(fixtures().join("codex"))
        .args(["-o", "/no/such/dir/out.jsonl"])
        .assert()
        .code(1);
}

#[test]
fn help_shows_examples() {
    leash()
        .args(["import", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("--expertise-map")));
}
