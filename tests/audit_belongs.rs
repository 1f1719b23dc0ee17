//! A verdict belongs to the decision it was given on: a sidecar made on one generated corpus
//! is not scored against another that reuses its ids, and a corpus rewritten under the
//! browser never shows (or takes a verdict for) one session under another's id.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use leash::audit::{Store, Verdict, fingerprint};
use leash::corpus::{Corpus, Source};
use serde_json::Value;

fn generate(dir: &Path, name: &str, seed: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    cargo_bin_cmd!("leash")
        .args(["generate", "--sessions", "20", "--seed", seed, "-o"])
        .arg(&p)
        .assert()
        .success();
    p
}

fn load(path: &Path) -> Corpus {
    Corpus::load(vec![Source::open(path).unwrap()], |_| {}).unwrap()
}

/// Confirms every decision of the first three sessions, as the browser does: with the
/// fingerprint of the decision on screen.
fn audit(corpus: &Corpus, sidecar: &Path) -> usize {
    let mut store = Store::open(sidecar, Some("ana")).unwrap();
    let mut n = 0;
    for i in 0..3 {
        let s = corpus.session(i).unwrap();
        for (ti, t) in s.turns.iter().enumerate() {
            for d in &t.decisions {
                let fp = fingerprint::fingerprint(&s, ti, d);
                let v = Verdict::confirm(&s.id, &d.id, d.actor, d.kind).with_fingerprint(Some(fp));
                store.append(v).unwrap();
                n += 1;
            }
        }
    }
    n
}

fn stats(corpus: &Path, sidecar: &Path) -> (Value, String) {
    let out = cargo_bin_cmd!("leash")
        .args(["audit", "stats", "--format", "json"])
        .arg(corpus)
        .arg("--audit")
        .arg(sidecar)
        .assert()
        .success();
    let o = out.get_output();
    (
        serde_json::from_slice(&o.stdout).unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn a_sidecar_is_not_scored_against_another_corpus_with_the_same_ids() {
    let dir = tempfile::tempdir().unwrap();
    let a = generate(dir.path(), "a.jsonl", "1");
    let b = generate(dir.path(), "b.jsonl", "2");
    let sidecar = dir.path().join("a.audit.jsonl");
    let n = audit(&load(&a), &sidecar);
    assert!(n > 0);
    let (own, _) = stats(&a, &sidecar);
    assert_eq!(own["audited"], n);
    let (other, err) = stats(&b, &sidecar);
    assert_eq!(other["audited"], 0, "{other}");
    assert_eq!(other["orphans"], n);
    assert!(err.contains("another version of their decision"), "{err}");
}

#[test]
fn verdicts_without_fingerprint_still_match_by_ids() {
    let dir = tempfile::tempdir().unwrap();
    let a = generate(dir.path(), "a.jsonl", "1");
    let s = load(&a).session(0).unwrap();
    let d = &s.turns[0].decisions[0];
    let line = format!(
        r#"{{"session":"{}","decision":"{}","verdict":"reject","auditor":"old","at":"2026-01-01T00:00:00Z"}}"#,
        s.id, d.id
    );
    let sidecar = dir.path().join("old.audit.jsonl");
    std::fs::write(&sidecar, line + "\n").unwrap();
    assert_eq!(stats(&a, &sidecar).0["rejected"], 1);
}

#[test]
fn a_corpus_rewritten_under_a_loaded_one_is_not_read_as_the_old_session() {
    let dir = tempfile::tempdir().unwrap();
    let a = generate(dir.path(), "a.jsonl", "1");
    let corpus = load(&a);
    let first = corpus.session(0).unwrap();
    // The same file rewritten with the ids in another order, line lengths unchanged.
    let text = std::fs::read_to_string(&a).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let swapped = lines[0].replacen(&first.id, "s-000099", 1);
    let mut rewritten = vec![swapped.as_str()];
    rewritten.extend(&lines[1..]);
    std::fs::write(&a, rewritten.join("\n") + "\n").unwrap();
    let err = corpus.session(0).unwrap_err();
    assert!(err.contains("changed since it was loaded"), "{err}");
}
