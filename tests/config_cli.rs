//! The config file: a bad one stops the browser before the terminal is touched, with the
//! file and line; a good one sets the sort, the histograms and keys (driven in a pty).

mod support;

use assert_cmd::Command;
use support::pty::Term;

fn write_config(dir: &std::path::Path, text: &str) {
    let d = dir.join("config/leash");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("config.toml"), text).unwrap();
}

#[test]
fn a_bad_config_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write_config(dir.path(), "theme = \"dark\"\nsort = \"size\"\n");
    let out = Command::cargo_bin("leash")
        .unwrap()
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env_remove("LEASH_CONFIG")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("leash/config.toml:2: sort \"size\" is not one of"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn a_config_sets_sort_histograms_and_keys() {
    let dir = tempfile::tempdir().unwrap();
    write_config(
        dir.path(),
        "sort = \"date\"\ndescending = true\nhistograms = false\n[keys]\nJ = \"down\"\n",
    );
    let mut t = Term::spawn(&[], 120, 30, dir.path());
    t.wait_for("sort date↓");
    t.wait("the demo loaded", |s| {
        s.lines().next().unwrap_or("").trim() == "leash 3000 sessions"
    });
    assert!(!t.text().contains("histograms"), "hidden by the config");
    // Newer sessions of later load batches sort in above the first ones: a cursor left on
    // the top row stays there.
    t.wait_until(
        "the first session selected",
        |t| t.reversed_rows(1, 30),
        |r| r.contains(&4),
    );
    t.send(b"J");
    t.wait_until(
        "J to move down, as bound",
        |t| t.reversed_rows(1, 30),
        |r| r.contains(&5),
    );
    t.send(b"H");
    t.wait_for("histograms");
    t.send(b"q");
    assert!(t.wait_exit());
}
