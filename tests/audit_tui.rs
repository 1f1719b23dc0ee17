//! The browser's audit flags on the command line (the audit screens are tested through
//! `update` in `src/tui/tests/audit.rs`).

use assert_cmd::Command;
use predicates::str::contains;

#[test]
fn the_browser_takes_audit_and_auditor() {
    Command::cargo_bin("leash")
        .unwrap()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("--audit <FILE>"))
        .stdout(contains("--auditor <NAME>"));
}
