//! The audit sidecar is never reached through a link, never a FIFO, never the corpus: a
//! planted symlink cannot make leash append to another file, a hardlink to the corpus cannot
//! get verdicts into it, a FIFO cannot block the browser.

use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin_cmd;
use leash::audit::{Store, StoreError, Verdict};
use leash::model::{Actor, Kind};
use predicates::str::contains;

const LINE: &str =
    r#"{"id":"s-1","turns":[{"prompt":"p","decisions":[{"id":"d1","kind":"planning","actor":"human"}]}]}"#;

fn corpus(dir: &Path) -> std::path::PathBuf {
    let c = dir.join("c.jsonl");
    std::fs::write(&c, format!("{LINE}\n")).unwrap();
    c
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn the_browser_store_refuses_a_symlinked_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let rc = dir.path().join("bashrc");
    std::fs::write(&rc, "export A=1\n").unwrap();
    let sidecar = dir.path().join("c.jsonl.audit.jsonl");
    std::os::unix::fs::symlink(&rc, &sidecar).unwrap();
    let err = Store::open_beside(&sidecar, Some("ana"), &[&c]).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    // A dangling link is not created through either.
    std::fs::remove_file(&sidecar).unwrap();
    std::os::unix::fs::symlink(dir.path().join("new-file"), &sidecar).unwrap();
    assert!(Store::open(&sidecar, Some("ana")).is_err());
    assert!(!dir.path().join("new-file").exists());
    assert_eq!(std::fs::read_to_string(&rc).unwrap(), "export A=1\n");
}

#[test]
fn the_browser_store_refuses_a_hardlink_to_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let sidecar = dir.path().join("c.jsonl.audit.jsonl");
    std::fs::hard_link(&c, &sidecar).unwrap();
    let err = Store::open_beside(&sidecar, Some("ana"), &[&c]).unwrap_err();
    assert!(matches!(err, StoreError::IsCorpus(_)), "{err}");
    // Also when the corpus was named by its folder.
    let err = Store::open_beside(&sidecar, Some("ana"), &[dir.path()]).unwrap_err();
    assert!(matches!(err, StoreError::IsCorpus(_)), "{err}");
    assert_eq!(std::fs::read_to_string(&c).unwrap(), format!("{LINE}\n"));
}

#[test]
fn a_fifo_sidecar_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let sidecar = dir.path().join("c.jsonl.audit.jsonl");
    mkfifo(&sidecar);
    let t = Instant::now();
    let err = Store::open_beside(&sidecar, Some("ana"), &[&c]).unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
    // `audit stats` reads it: refused too, without blocking (assert_cmd would hang).
    cargo_bin_cmd!("leash")
        .args(["audit", "stats"])
        .arg(&c)
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(contains("not a regular file"));
    assert!(t.elapsed() < Duration::from_secs(20));
}

#[test]
fn audit_stats_and_export_refuse_the_corpus_as_audit_file() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    std::fs::hard_link(&c, dir.path().join("hard.jsonl")).unwrap();
    for audit in [c.clone(), dir.path().join("hard.jsonl")] {
        for sub in [&["stats"][..], &["export", "--format", "csv"][..]] {
            cargo_bin_cmd!("leash")
                .arg("audit")
                .args(sub)
                .arg(&c)
                .arg("--audit")
                .arg(&audit)
                .assert()
                .code(2)
                .stderr(contains("is a corpus file"));
        }
    }
}

#[test]
fn export_refuses_to_write_over_the_corpus_or_the_sidecar_or_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let sidecar = dir.path().join("c.jsonl.audit.jsonl");
    let mut store = Store::open(&sidecar, Some("ana")).unwrap();
    store
        .append(Verdict::confirm("s-1", "d1", Actor::Human, Kind::Planning))
        .unwrap();
    drop(store);
    let before = (std::fs::read(&c).unwrap(), std::fs::read(&sidecar).unwrap());
    std::fs::hard_link(&sidecar, dir.path().join("hard")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("elsewhere"), dir.path().join("link")).unwrap();
    for (out, why) in [
        (c.clone(), "is one of the inputs"),
        (sidecar.clone(), "is one of the inputs"),
        (dir.path().join("hard"), "is one of the inputs"),
        (dir.path().join("link"), "symbolic link"),
    ] {
        cargo_bin_cmd!("leash")
            .args(["audit", "export", "--format", "csv", "-o"])
            .arg(&out)
            .arg(&c)
            .assert()
            .code(2)
            .stderr(contains(why));
    }
    assert_eq!((std::fs::read(&c).unwrap(), std::fs::read(&sidecar).unwrap()), before);
    assert!(!dir.path().join("elsewhere").exists());
}
