//! An audit made under one classifier version, re-read after the rules changed: verdicts
//! follow their decision by key (session, turn, rule, evidence), whatever its new id; those
//! whose decision is gone are counted and listed, never dropped in silence.

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use leash::audit::queue::{Order, build, resume};
use leash::audit::{AuditLog, Store, Verdict, judgement};
use leash::corpus::{Corpus, Source};
use leash::model::{Actor, Kind};
use serde_json::Value;

fn decision(id: &str, kind: &str, actor: &str, rule: &str, evidence: &str) -> String {
    format!(r#"{{"id":"{id}","kind":"{kind}","actor":"{actor}","rule":"{rule}","evidence":"{evidence}"}}"#)
}

fn corpus(decisions: &[String]) -> String {
    format!(
        r#"{{"id":"s-1","turns":[{{"prompt":"add a cache in src/cache.rs, then make","decisions":[{}]}}]}}"#,
        decisions.join(",")
    ) + "\n"
}

/// Version 1 of the classifier: a goal, a write, a command.
fn v1() -> String {
    corpus(&[
        decision("d1", "planning", "human", "H-GOAL", "add a cache"),
        decision("d2", "execution", "agent", "A-WRITE", "src/cache.rs"),
        decision("d3", "execution", "agent", "A-RUN", "make"),
    ])
}

/// Version 2: renumbered, the command's rule renamed, a new decision first.
fn v2() -> String {
    corpus(&[
        decision("d1", "planning", "agent", "A-PLAN", "then make"),
        decision("d2", "execution", "agent", "A-WRITE", "src/cache.rs"),
        decision("d3", "planning", "human", "H-GOAL", "add a cache"),
        decision("d4", "execution", "agent", "A-CMD", "make"),
    ])
}

fn load(path: &Path) -> Corpus {
    Corpus::load(vec![Source::open(path).unwrap()], |_| {}).unwrap()
}

/// Judges every decision of version 1 as the browser does (tied by key): confirm the goal,
/// relabel the write as the human's, reject the command.
fn audit_v1(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("c.jsonl");
    fs::write(&path, v1()).unwrap();
    let c = load(&path);
    let s = c.session(0).unwrap();
    let mut store = Store::open(&dir.join("c.jsonl.audit.jsonl"), Some("ana")).unwrap();
    let t = &s.turns[0];
    let verdicts = [
        Verdict::confirm("s-1", "d1", Actor::Human, Kind::Planning),
        Verdict::relabel("s-1", "d2", Actor::Human, Kind::Execution),
        Verdict::reject("s-1", "d3"),
    ];
    for (d, v) in t.decisions.iter().zip(verdicts) {
        store.append(judgement(&s, 0, d, v)).unwrap();
    }
    path
}

fn stats(corpus: &Path, format: &str) -> (String, String) {
    let out = cargo_bin_cmd!("leash")
        .args(["audit", "stats", "--format", format])
        .arg(corpus)
        .assert()
        .success();
    let o = out.get_output();
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn verdicts_follow_their_decision_to_its_new_id_and_the_gone_one_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = audit_v1(dir.path());
    let (before, _) = stats(&path, "json");
    let before: Value = serde_json::from_str(&before).unwrap();
    assert_eq!((&before["audited"], &before["orphans"]), (&Value::from(3), &0.into()));

    // The new classifier rewrites the corpus; the sidecar stays.
    fs::write(&path, v2()).unwrap();
    let (json, err) = stats(&path, "json");
    let j: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (
            &j["audited"],
            &j["confirmed"],
            &j["relabelled"],
            &j["rejected"],
            &j["orphans"]
        ),
        (&Value::from(2), &1.into(), &1.into(), &0.into(), &1.into()),
        "{json}"
    );
    // The relabel is scored against the write (now d2), the confirm against the goal (now
    // d3): by id, d1's confirm would have landed on the new agent plan.
    let rules: Vec<(&str, u64)> = j["by_rule"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["group"].as_str().unwrap(), g["relabelled"].as_u64().unwrap()))
        .collect();
    assert_eq!(rules, [("A-WRITE", 1), ("H-GOAL", 0)], "{json}");
    let gone = j["unmatched"].as_array().unwrap();
    assert_eq!(gone.len(), 1, "{json}");
    assert_eq!(
        (
            &gone[0]["decision"],
            &gone[0]["rule"],
            &gone[0]["evidence"],
            &gone[0]["verdict"]
        ),
        (&Value::from("d3"), &"A-RUN".into(), &"make".into(), &"reject".into())
    );
    assert!(err.contains("1 verdict(s) no longer match a decision"), "{err}");

    let (table, _) = stats(&path, "table");
    assert!(table.contains("1 verdict(s) no longer match a decision"), "{table}");
    assert!(
        table.lines().any(|l| l.contains("s-1 turn 1 d3 [A-RUN] reject by ana")),
        "{table}"
    );
}

#[test]
fn the_browser_queue_resumes_at_the_first_decision_without_a_verdict_after_a_renumbering() {
    let dir = tempfile::tempdir().unwrap();
    let path = audit_v1(dir.path());
    fs::write(&path, v2()).unwrap();
    let c = load(&path);
    let log = AuditLog::read(&dir.path().join("c.jsonl.audit.jsonl")).unwrap();
    let q = build(&c, &[0], Order::InOrder);
    let done: Vec<bool> = q.items.iter().map(|it| it.verdict(&c, &log).is_some()).collect();
    assert_eq!(
        done,
        [false, true, true, false],
        "the plan and the renamed command are new"
    );
    assert_eq!(resume(&q.items, &c, &log), Some(0));
}
