//! The audit sidecar: append-only, latest wins, undo by appending, torn lines, the lock.

use std::fs;
use std::io::Write;
use std::path::Path;

use leash::audit::{AuditLog, Store, StoreError, Undone, Verdict, VerdictKind, default_path};
use leash::model::{Actor, Kind};

fn lines(path: &Path) -> Vec<serde_json::Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn appended_verdicts_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl.audit.jsonl");
    {
        let mut store = Store::open(&path, Some("ana")).unwrap();
        let v = store
            .append(Verdict::confirm("s-1", "d1", Actor::Agent, Kind::Execution))
            .unwrap();
        assert_eq!(v.auditor, "ana");
        assert!(v.at.ends_with('Z') && v.at.len() == 20, "RFC 3339 UTC: {}", v.at);
        // On disk before append returns: another handle sees the whole line.
        assert!(fs::read_to_string(&path).unwrap().ends_with("\"}\n"));
        store
            .append(Verdict::relabel("s-1", "d3", Actor::Human, Kind::Planning).with_note("user named the approach"))
            .unwrap();
    }
    let log = AuditLog::read(&path).unwrap();
    assert!(log.problems().is_empty());
    let latest = log.latest();
    assert_eq!(latest.len(), 2);
    assert_eq!(latest[1].verdict, VerdictKind::Relabel);
    assert_eq!(latest[1].note.as_deref(), Some("user named the approach"));
    // Every key of the spec's example line is there, in order.
    let text = fs::read_to_string(&path).unwrap();
    let second = text.lines().nth(1).unwrap();
    let keys = [
        "session", "decision", "verdict", "actor", "kind", "note", "auditor", "at",
    ];
    let mut last = 0;
    for k in keys {
        let at = second
            .find(&format!("\"{k}\":"))
            .unwrap_or_else(|| panic!("{k} missing"));
        assert!(at >= last, "{k} out of order in {second}");
        last = at;
    }
    // The lock went with the store.
    Store::open(&path, Some("ana")).unwrap();
}

#[test]
fn the_latest_line_for_a_decision_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    let mut store = Store::open(&path, Some("ana")).unwrap();
    store.append(Verdict::reject("s-1", "d1")).unwrap();
    store
        .append(Verdict::confirm("s-2", "d1", Actor::Human, Kind::Planning))
        .unwrap();
    store
        .append(Verdict::relabel("s-1", "d1", Actor::Human, Kind::Execution))
        .unwrap();
    drop(store);
    let log = AuditLog::read(&path).unwrap();
    let cur = log.current("s-1", "d1").unwrap();
    assert_eq!(
        (cur.verdict, cur.actor, cur.kind),
        (VerdictKind::Relabel, Some(Actor::Human), Some(Kind::Execution))
    );
    let order: Vec<_> = log.latest().iter().map(|v| (v.session.as_str(), v.verdict)).collect();
    assert_eq!(order, [("s-1", VerdictKind::Relabel), ("s-2", VerdictKind::Confirm)]);
    assert!(!log.is_audited("s-3", "d1"));
}

#[test]
fn undo_appends_the_previous_verdict_then_a_retraction() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    let mut store = Store::open(&path, Some("ana")).unwrap();
    let first = store
        .append(Verdict::confirm("s-1", "d1", Actor::Agent, Kind::Execution).with_note("clear"))
        .unwrap();
    store.append(Verdict::reject("s-1", "d1")).unwrap();
    store.append(Verdict::reject("s-1", "d2")).unwrap();

    let Undone::Restored(back) = store.undo("s-1", "d1").unwrap() else {
        panic!("expected a restore")
    };
    assert_eq!(
        (back.verdict, back.actor, back.kind),
        (first.verdict, first.actor, first.kind)
    );
    assert_eq!(back.note.as_deref(), Some("clear"));
    assert_eq!(store.current("s-1", "d1"), Some(&*back));

    assert!(matches!(store.undo("s-1", "d1").unwrap(), Undone::Retracted { .. }));
    assert_eq!(store.current("s-1", "d1"), None);
    let len = fs::metadata(&path).unwrap().len();
    assert_eq!(store.undo("s-1", "d1").unwrap(), Undone::Nothing);
    assert_eq!(
        fs::metadata(&path).unwrap().len(),
        len,
        "nothing to undo writes nothing"
    );

    // undo_last takes back this store's latest verdict still in effect: s-1/d2.
    assert!(matches!(store.undo_last().unwrap(), Undone::Retracted { ref decision, .. } if decision == "d2"));
    assert_eq!(store.undo_last().unwrap(), Undone::Nothing);
    drop(store);

    // Append-only: three verdicts, then three undo lines; reopening gives the same state.
    let all = lines(&path);
    assert_eq!(all.len(), 6);
    assert_eq!(all[3]["verdict"], "confirm");
    assert_eq!(all[3]["undo"], true);
    assert_eq!(all[4]["verdict"], "retract");
    let log = AuditLog::read(&path).unwrap();
    assert!(log.latest().is_empty());
}

#[test]
fn undo_after_reopening_still_steps_back_one_verdict_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    let mut store = Store::open(&path, Some("ana")).unwrap();
    for actor in [Actor::Human, Actor::Agent] {
        store.append(Verdict::relabel("s", "d", actor, Kind::Planning)).unwrap();
    }
    store.append(Verdict::reject("s", "d")).unwrap();
    drop(store);
    let mut store = Store::open(&path, Some("bob")).unwrap();
    let step = |s: &mut Store| match s.undo("s", "d").unwrap() {
        Undone::Restored(v) => v.actor,
        other => panic!("{other:?}"),
    };
    assert_eq!(step(&mut store), Some(Actor::Agent));
    assert_eq!(step(&mut store), Some(Actor::Human));
    assert!(matches!(store.undo("s", "d").unwrap(), Undone::Retracted { .. }));
}

#[test]
fn a_torn_last_line_is_reported_kept_and_followed_on_a_fresh_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    let good = r#"{"session":"s-1","decision":"d1","verdict":"reject","actor":null,"kind":null,"note":null,"auditor":"ana","at":"2026-11-24T10:00:00Z"}"#;
    let torn = r#"{"session":"s-1","decision":"d2","verdict":"conf"#;
    fs::write(&path, format!("{good}\n\nnot json\n{torn}")).unwrap();

    let log = AuditLog::read(&path).unwrap();
    assert_eq!(log.latest().len(), 1);
    let problems: Vec<String> = log.problems().iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!("{}:3: ", path.display())),
        "{}",
        problems[0]
    );
    assert!(
        problems[1].starts_with(&format!("{}:4: ", path.display())),
        "{}",
        problems[1]
    );
    assert!(problems[1].contains("cut short"), "{}", problems[1]);

    let mut store = Store::open(&path, Some("ana")).unwrap();
    assert_eq!(store.problems().len(), 2);
    store.append(Verdict::reject("s-1", "d3")).unwrap();
    drop(store);
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with(&format!("{good}\n\nnot json\n{torn}\n{{")),
        "torn line kept, new one on its own line"
    );
    let log = AuditLog::read(&path).unwrap();
    assert_eq!(log.latest().len(), 2);
    assert_eq!(log.problems().len(), 2);
}

#[test]
fn a_second_writer_is_refused_with_the_file_named_but_may_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.audit.jsonl");
    let mut first = Store::open(&path, Some("ana")).unwrap();
    first.append(Verdict::reject("s", "d")).unwrap();
    let err = Store::open(&path, Some("bob")).unwrap_err();
    assert!(matches!(err, StoreError::Locked(_)));
    let msg = err.to_string();
    assert!(
        msg.contains(&path.display().to_string()) && msg.contains("locked"),
        "{msg}"
    );
    assert_eq!(AuditLog::read(&path).unwrap().latest().len(), 1);
    drop(first);
    Store::open(&path, Some("bob")).unwrap();
}

#[test]
fn errors_name_the_file_and_bad_verdicts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.jsonl");
    let err = AuditLog::read(&missing).unwrap_err().to_string();
    assert_eq!(err, format!("{}: no such file", missing.display()));
    let err = Store::open(&dir.path().join("no/such/dir.jsonl"), None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no/such/dir.jsonl"), "{err}");

    let path = dir.path().join("a.jsonl");
    let mut store = Store::open(&path, None).unwrap();
    assert!(!store.auditor().is_empty());
    let mut half = Verdict::relabel("s", "d", Actor::Human, Kind::Planning);
    half.kind = None;
    assert!(matches!(store.append(half), Err(StoreError::Invalid(_))));
    assert!(store.append(Verdict::reject("", "d")).is_err());
    assert_eq!(fs::metadata(&path).unwrap().len(), 0);
}

#[test]
fn the_corpus_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    let line = r#"{"id":"s-1","turns":[{"prompt":"p","decisions":[{"id":"d1","kind":"planning","actor":"human"}]}]}"#;
    fs::File::create(&corpus)
        .unwrap()
        .write_all(format!("{line}\n").as_bytes())
        .unwrap();
    let before = (
        fs::read(&corpus).unwrap(),
        fs::metadata(&corpus).unwrap().modified().unwrap(),
    );

    let side = default_path(&corpus);
    assert_eq!(side, dir.path().join("c.jsonl.audit.jsonl"));
    let mut store = Store::open(&side, Some("ana")).unwrap();
    store
        .append(Verdict::confirm("s-1", "d1", Actor::Human, Kind::Planning))
        .unwrap();
    store.undo("s-1", "d1").unwrap();
    drop(store);

    let after = (
        fs::read(&corpus).unwrap(),
        fs::metadata(&corpus).unwrap().modified().unwrap(),
    );
    assert_eq!(before, after);
    assert_eq!(lines(&side).len(), 2);
}

#[test]
fn open_beside_refuses_a_corpus_file_as_the_audit_file() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    fs::write(&corpus, "{\"id\":\"s\",\"turns\":[]}\n").unwrap();
    let err = Store::open_beside(&corpus, Some("ana"), &[&corpus]).unwrap_err();
    assert!(matches!(err, StoreError::IsCorpus(_)));
    assert!(err.to_string().starts_with(&corpus.display().to_string()));
    assert_eq!(fs::read_to_string(&corpus).unwrap(), "{\"id\":\"s\",\"turns\":[]}\n");
    let side = default_path(&corpus);
    Store::open_beside(&side, Some("ana"), &[&corpus]).unwrap();
    assert!(side.exists());
}

/// After any mix of verdicts and undos, by this store or after reopening, the verdict in
/// force is both what a stack model says and what a reader that knows only "latest line
/// wins, `retract` means none" sees in the raw file.
#[test]
fn undo_and_latest_wins_agree_with_a_model_over_random_histories() {
    use rand::{RngExt, SeedableRng};
    use std::collections::HashMap;

    type Seen = Option<(String, Option<String>)>;
    fn naive(path: &Path, d: &str) -> Seen {
        let last = lines(path).into_iter().rfind(|v| v["decision"] == d)?;
        let verdict = last["verdict"].as_str().unwrap().to_owned();
        (verdict != "retract").then(|| (verdict, last["actor"].as_str().map(str::to_owned)))
    }
    let seen = |v: Option<&Verdict>| -> Seen {
        v.map(|v| (v.verdict.name().to_owned(), v.actor.map(|a| a.name().to_owned())))
    };

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(42);
    let mut model: HashMap<&str, Vec<Verdict>> = HashMap::new();
    let mut store = Store::open(&path, Some("ana")).unwrap();
    for step in 0..300 {
        if step % 97 == 96 {
            drop(store);
            store = Store::open(&path, Some("bob")).unwrap();
        }
        let d = ["d1", "d2", "d3"][rng.random_range(0..3)];
        let stack = model.entry(d).or_default();
        if rng.random_bool(0.4) {
            store.undo("s", d).unwrap();
            stack.pop();
        } else {
            let v = match rng.random_range(0..3) {
                0 => Verdict::confirm("s", d, Actor::Agent, Kind::Planning),
                1 => Verdict::relabel("s", d, Actor::Human, Kind::Execution),
                _ => Verdict::reject("s", d),
            };
            stack.push(store.append(v).unwrap());
        }
        let want = seen(stack.last());
        assert_eq!(seen(store.current("s", d)), want, "step {step}");
        assert_eq!(naive(&path, d), want, "step {step}");
    }
    drop(store);
    let log = AuditLog::read(&path).unwrap();
    for (d, stack) in &model {
        assert_eq!(seen(log.current("s", d)), seen(stack.last()));
    }
}
