//! Audit mode as a person drives it in a terminal: the real binary in a pseudo-terminal, a
//! real Claude Code transcript imported, a decision the classifier missed added from the
//! keyboard, the turn marked complete, the session's expertise rated, all on disk.

mod support;

use std::path::Path;

use serde_json::Value;
use support::pty::Term;

/// `leash ARGS` run in `dir` (not in the terminal), which must succeed.
fn leash(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leash"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `leash audit stats CORPUS --format json` in `dir`.
fn stats(dir: &Path, corpus: &str) -> Value {
    serde_json::from_slice(&leash(dir, &["audit", "stats", corpus, "--format", "json"]).stdout).unwrap()
}

fn import(dir: &Path) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/claude-code/sample-project/1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl");
    leash(
        dir,
        &["import", "--no-cache", "-q", "-o", "c.jsonl", src.to_str().unwrap()],
    );
}

fn lines(dir: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join("c.jsonl.audit.jsonl")).unwrap_or_default();
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn add_a_missed_decision_complete_the_turn_and_rate_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    import(d);
    let mut t = Term::spawn(&["c.jsonl"], 120, 40, d);
    t.wait_for("leash 1 session");
    t.send(b"a");
    t.wait_for("Enter start");
    t.press("Enter");
    t.wait_for("0 / 3 audited");
    t.send(b"y");
    t.wait_for("1 / 3 audited");
    t.send(b"y");
    t.wait_for("2 / 3 audited");

    // A newcomer opens the overlay and leaves it with Esc: nothing is written.
    t.send(b"+");
    t.wait_for("add a missed decision");
    t.press("Esc");
    t.wait("Esc closes the overlay", |s| !s.contains("add a missed decision"));
    assert_eq!(lines(d).len(), 2);

    // Enter before saying what and who: the overlay says so and stays.
    t.send(b"+");
    t.wait_for("add a missed decision");
    t.press("Enter");
    t.wait_for("say what was decided");
    t.send(b"eg");
    t.press("Right");
    t.press("Right");
    t.wait_for("Enter adds it");
    for _ in 0..30 {
        if t.text().contains("▶ action   ls -la") {
            break;
        }
        t.press("Down");
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    t.wait_for("▶ action   ls -la");
    t.press("Enter");
    t.wait_for("✓ added m1 to turn 1: execution agent commands");
    t.wait_for("+ m1 EXEC AGENT commands “ls -la”");

    // Complete refuses while d3 is unjudged, then takes.
    t.send(b"c");
    t.wait_for("judge d3 first");
    t.send(b"y");
    t.wait_for("3 / 3 audited");
    t.press("Left");
    t.wait_for("decision 3 of 3");
    t.send(b"c");
    t.wait_for("turn 1 of 1af7fc5e-8455-4414-9ccd-011d40f70b2a complete");
    t.wait_for("COMPLETE");

    t.send(b"E");
    t.wait_for("rate the session's expertise");
    t.send(b"2");
    t.wait_for("rated: beginner");

    t.send(b"?");
    t.wait_for("add a decision the classifier missed");
    t.press("Esc");
    t.wait("Esc closes the help", |s| {
        !s.contains("add a decision the classifier missed")
    });
    t.send(b"A");
    t.wait_for("complete turns: 1 (1 missed decisions added, 0 left unjudged)");
    t.press("Esc");
    t.send(b"q");
    assert!(t.wait_exit());

    let l = lines(d);
    let add = l.iter().find(|v| v["verdict"] == "add").expect("an add line");
    assert_eq!(
        (
            &add["decision"],
            &add["kind"],
            &add["actor"],
            &add["category"],
            &add["evidence"],
            &add["turn"]
        ),
        (
            &Value::from("m1"),
            &"execution".into(),
            &"agent".into(),
            &"commands".into(),
            &"ls -la".into(),
            &1.into()
        )
    );
    assert!(l.iter().any(|v| v["verdict"] == "complete" && v["turn"] == 1));
    assert!(l.iter().any(|v| v["verdict"] == "expertise" && v["level"] == 2));

    // And the command line reads them back.
    let j = stats(d, "c.jsonl");
    assert_eq!(j["complete"]["turns"], 1);
    assert_eq!(j["complete"]["overall"]["recall"], 0.75);
    assert_eq!(j["expertise_ratings"]["rated"], 1);
}

fn generate(dir: &Path, name: &str, seed: &str) {
    leash(dir, &["generate", "--sessions", "5", "--seed", seed, "-o", name]);
}

/// Issue 11: a sidecar made on another corpus that reuses the ids (generated corpora all
/// do) is no progress in the browser's queue, as it is none in `audit stats`: by the old
/// lines' fingerprint and by the new lines' key alike.
#[test]
fn the_queue_counts_as_done_only_what_audit_stats_scores() {
    use leash::audit::{Store, Verdict, fingerprint, judgement};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    generate(d, "a.jsonl", "1");
    generate(d, "b.jsonl", "2");
    let a =
        leash::corpus::Corpus::load(vec![leash::corpus::Source::open(&d.join("a.jsonl")).unwrap()], |_| {}).unwrap();
    let mut store = Store::open(&d.join("b.jsonl.audit.jsonl"), Some("ana")).unwrap();
    for row in 0..2 {
        let s = a.session(row).unwrap();
        for (ti, t) in s.turns.iter().enumerate() {
            for dec in &t.decisions {
                let v = Verdict::confirm(&s.id, &dec.id, dec.actor, dec.kind);
                // Session 1 as an older leash wrote it (fingerprint only), session 2 as now.
                let v = match row {
                    0 => v.with_fingerprint(Some(fingerprint::fingerprint(&s, ti, dec))),
                    _ => judgement(&s, ti, dec, v),
                };
                store.append(v).unwrap();
            }
        }
    }
    drop(store);
    assert_eq!(stats(d, "b.jsonl")["audited"], 0);
    let mut t = Term::spawn(&["b.jsonl"], 120, 40, d);
    t.wait_for("leash 5 sessions");
    t.send(b"a");
    t.wait_for("Enter start");
    t.press("Enter");
    let screen = t.wait("the queue started", |s| s.contains(" audited, 0 rejected"));
    assert!(screen.contains(" 0 / "), "{screen}");
    assert!(
        screen.contains("decision 1 of"),
        "it starts at the first decision: {screen}"
    );
    t.send(b"q");
    assert!(t.wait_exit());
}

/// Issue 16, item 5: a session's expertise rated with one key, read back by `audit stats`
/// against the corpus's level; a later "cannot tell" replaces it.
#[test]
fn an_expertise_rating_round_trips_to_audit_stats() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    generate(d, "c.jsonl", "7");
    let mut t = Term::spawn(&["c.jsonl"], 120, 40, d);
    t.wait_for("leash 5 sessions");
    t.send(b"a");
    t.wait_for("Enter start");
    t.press("Enter");
    // The card says the session's level: rate it the same.
    let screen = t.wait("the card shows the level", |s| s.contains("not rated by hand (E)"));
    let names = ["novice", "beginner", "intermediate", "advanced", "expert"];
    let line = screen.lines().find(|l| l.contains("not rated by hand (E)")).unwrap();
    let level = names
        .iter()
        .position(|n| line.contains(&format!("expertise {n} ")))
        .unwrap_or_else(|| panic!("a known level on the card: {line}"));
    t.send(b"E");
    t.wait_for("rate the session's expertise");
    t.send(format!("{}", level + 1).as_bytes());
    t.wait_for(&format!("rated: {}", names[level]));
    let r = &stats(d, "c.jsonl")["expertise_ratings"];
    let n = |k: &str| r[k].as_u64().unwrap();
    assert_eq!(
        (n("rated"), n("compared"), n("exact"), n("within_one")),
        (1, 1, 1, 1),
        "{r}"
    );
    t.send(b"E");
    t.wait_for("rate the session's expertise");
    t.send(b"0");
    t.wait_for("rated: cannot tell");
    let r = &stats(d, "c.jsonl")["expertise_ratings"];
    let n = |k: &str| r[k].as_u64().unwrap();
    assert_eq!((n("rated"), n("cannot_tell"), n("compared")), (1, 1, 0), "{r}");
    t.send(b"q");
    assert!(t.wait_exit());
}
