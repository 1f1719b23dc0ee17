//! Missed decisions, complete turns and expertise ratings through the binary: the new line
//! forms are read back (beside an older sidecar's lines), and `audit stats` reports recall,
//! precision, count error and human shares as worked out by hand below.

use std::fs;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

/// s-1 comes from a Claude Code transcript (extension keys), s-2 is a plain v1 session.
const CORPUS: &str = concat!(
    r#"{"id":"s-1","expertise":3,"source_format":"claude-code","source_file":"t1.jsonl","turns":["#,
    r#"{"prompt":"add a cache","decisions":["#,
    r#"{"id":"d1","kind":"planning","actor":"human","category":"goal","evidence":"add a cache","rule":"H-GOAL"},"#,
    r#"{"id":"d2","kind":"execution","actor":"agent","category":"files","evidence":"src/cache.rs","rule":"A-WRITE"},"#,
    r#"{"id":"d3","kind":"planning","actor":"agent","category":"approach","evidence":"use an LRU","rule":"A-PLAN"}]},"#,
    r#"{"prompt":"run the tests","decisions":["#,
    r#"{"id":"d4","kind":"execution","actor":"agent","category":"commands","evidence":"cargo test","rule":"A-RUN"}]}]}"#,
    "\n",
    r#"{"id":"s-2","expertise":5,"turns":[{"prompt":"fix it","decisions":["#,
    r#"{"id":"d1","kind":"planning","actor":"human","category":"goal","evidence":"fix it","rule":"H-GOAL"}]}]}"#,
    "\n",
);

/// Judgements in the older form (ids only, as sidecars before this version), then the new
/// forms: two decisions added to s-1's turn 1, both turns complete, two expertise ratings
/// (s-2 first rated 5, then 3), and an add undone by a retract.
const AUDIT: &[&str] = &[
    r#"{"session":"s-1","decision":"d1","verdict":"confirm","actor":"human","kind":"planning","note":null,"auditor":"ana","at":"2026-11-24T10:00:00Z"}"#,
    r#"{"session":"s-1","decision":"d2","verdict":"relabel","actor":"human","kind":"execution","note":"the user named the file","auditor":"ana","at":"2026-11-24T10:00:01Z"}"#,
    r#"{"session":"s-1","decision":"d3","verdict":"reject","actor":null,"kind":null,"note":null,"auditor":"ana","at":"2026-11-24T10:00:02Z"}"#,
    r#"{"session":"s-1","decision":"m1","verdict":"add","actor":"human","kind":"execution","note":null,"auditor":"ana","at":"2026-11-24T10:00:03Z","turn":1,"category":"files","evidence":"src/db.rs"}"#,
    r#"{"session":"s-1","decision":"m2","verdict":"add","actor":"human","kind":"planning","note":null,"auditor":"ana","at":"2026-11-24T10:00:04Z","turn":1,"category":"done","evidence":"tests pass"}"#,
    r#"{"session":"s-1","decision":"m3","verdict":"add","actor":"agent","kind":"planning","note":null,"auditor":"ana","at":"2026-11-24T10:00:05Z","turn":1,"evidence":"oops"}"#,
    r#"{"session":"s-1","decision":"m3","verdict":"retract","actor":null,"kind":null,"note":null,"auditor":"ana","at":"2026-11-24T10:00:06Z","undo":true,"turn":1}"#,
    r#"{"session":"s-1","decision":"turn:1","verdict":"complete","actor":null,"kind":null,"note":null,"auditor":"ana","at":"2026-11-24T10:00:07Z","turn":1}"#,
    r#"{"session":"s-1","decision":"d4","verdict":"confirm","actor":"agent","kind":"execution","note":null,"auditor":"ana","at":"2026-11-24T10:00:08Z"}"#,
    r#"{"session":"s-2","decision":"d1","verdict":"confirm","actor":"human","kind":"planning","note":null,"auditor":"bob","at":"2026-11-24T10:00:09Z"}"#,
    r#"{"session":"s-2","decision":"turn:1","verdict":"complete","actor":null,"kind":null,"note":null,"auditor":"bob","at":"2026-11-24T10:00:10Z","turn":1}"#,
    r#"{"session":"s-1","decision":"expertise","verdict":"expertise","actor":null,"kind":null,"note":null,"auditor":"ana","at":"2026-11-24T10:00:11Z","level":3}"#,
    r#"{"session":"s-2","decision":"expertise","verdict":"expertise","actor":null,"kind":null,"note":null,"auditor":"bob","at":"2026-11-24T10:00:12Z","level":5}"#,
    r#"{"session":"s-2","decision":"expertise","verdict":"expertise","actor":null,"kind":null,"note":null,"auditor":"bob","at":"2026-11-24T10:00:13Z","level":3}"#,
    r#"{"session":"s-1","decision":"turn:9","verdict":"complete","actor":null,"kind":null,"note":null,"auditor":"bob","at":"2026-11-24T10:00:14Z","turn":9}"#,
];

fn stats(extra: &[&str]) -> (Value, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    fs::write(&corpus, CORPUS).unwrap();
    fs::write(dir.path().join("c.jsonl.audit.jsonl"), AUDIT.join("\n") + "\n").unwrap();
    let out = cargo_bin_cmd!("leash")
        .args(["audit", "stats"])
        .arg(&corpus)
        .args(extra)
        .assert()
        .success();
    let o = out.get_output();
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    (json, text, String::from_utf8_lossy(&o.stderr).into_owned())
}

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 1e-9)
}

#[test]
fn the_new_lines_are_read_back_and_the_spec_counts_stand() {
    let (j, text, err) = stats(&["--format", "json"]);
    assert!(err.is_empty(), "{err}");
    // The spec's figures: judgements only (s-1 d1-d4, s-2 d1); the line on turn 9, which
    // s-1 lacks, is an orphan.
    let counts: Vec<u64> = ["audited", "confirmed", "relabelled", "rejected", "orphans"]
        .iter()
        .map(|k| j[*k].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [5, 3, 1, 1, 1], "{text}");
    assert_eq!(j["added"], 2, "m3 was retracted");
    assert_eq!(j["complete"]["turns"], 2);
    assert_eq!(j["complete"]["added"], 2);
    assert_eq!(j["complete"]["unjudged"], 0);
}

/// Complete turns: s-1 turn 1 (classifier: d1 PH, d2 EA, d3 PA; hand: d1 PH, d2 EH, m1 EH,
/// m2 PH) and s-2 turn 1 (PH both). Hand: PH 3, EH 2 (5); rules: PH 2, PA 1, EA 1 (4);
/// hits: d1 and s-2's d1.
#[test]
fn recall_precision_count_error_and_shares_as_worked_out_by_hand() {
    let (j, text, _) = stats(&["--format", "json"]);
    let c = &j["complete"];
    let all = &c["overall"];
    assert_eq!(
        (&all["gold"], &all["leash"], &all["hits"]),
        (&Value::from(5), &4.into(), &2.into()),
        "{text}"
    );
    assert!(close(&all["precision"], 0.5) && close(&all["recall"], 0.4), "{text}");
    // Per turn: |3 - 4| and |1 - 1|.
    assert!(
        close(&all["count_error"], 0.5) && close(&all["count_bias"], -0.5),
        "{text}"
    );
    let ph = &c["classes"]["planning_human"];
    assert!(
        close(&ph["precision"], 1.0) && close(&ph["recall"], 2.0 / 3.0),
        "{text}"
    );
    let eh = &c["classes"]["execution_human"];
    assert_eq!(
        (&eh["gold"], &eh["leash"], &eh["recall"]),
        (&Value::from(2), &0.into(), &0.0.into())
    );
    assert!(eh["precision"].is_null(), "no rule said human execution: no precision");
    // Human shares, pooled: planning 3/3 by hand, 2/3 by the rules; execution 2/2 and 0/1.
    assert!(close(&c["planning_human_share"]["gold"], 1.0), "{text}");
    assert!(close(&c["planning_human_share"]["leash"], 2.0 / 3.0), "{text}");
    assert!(close(&c["execution_human_share"]["gold"], 1.0), "{text}");
    assert!(close(&c["execution_human_share"]["leash"], 0.0), "{text}");
}

#[test]
fn agreement_per_rule_source_format_and_expertise_rating() {
    let (j, text, _) = stats(&["--format", "json"]);
    let groups = |k: &str| -> Vec<(String, u64, u64)> {
        j[k].as_array()
            .unwrap()
            .iter()
            .map(|g| {
                let n = |f: &str| g[f].as_u64().unwrap();
                (g["group"].as_str().unwrap().to_owned(), n("audited"), n("rejected"))
            })
            .collect()
    };
    let g = |s: &str, a, r| (s.to_owned(), a, r);
    assert_eq!(
        groups("by_rule"),
        [
            g("A-PLAN", 1, 1),
            g("A-RUN", 1, 0),
            g("A-WRITE", 1, 0),
            g("H-GOAL", 2, 0)
        ],
        "{text}"
    );
    assert_eq!(groups("by_source_format"), [g("claude-code", 4, 1), g("v1", 1, 0)]);
    assert_eq!(groups("by_expertise"), [g("intermediate", 4, 1), g("expert", 1, 0)]);
    // s-1: 3 by hand, 3 in the corpus; s-2: 3 by hand (the later rating), 5 in the corpus.
    let r = &j["expertise_ratings"];
    let n = |k: &str| r[k].as_u64().unwrap();
    assert_eq!(
        (n("rated"), n("compared"), n("exact"), n("within_one")),
        (2, 2, 1, 1),
        "{text}"
    );
    assert!(close(&r["mean_error"], 1.0), "{text}");
}

#[test]
fn the_table_says_the_same() {
    let (_, text, _) = stats(&[]);
    assert!(text.contains("complete turns 2"), "{text}");
    let all = text
        .lines()
        .find(|l| l.trim_start().starts_with("all decisions"))
        .unwrap();
    let cells: Vec<&str> = all.split_whitespace().collect();
    assert_eq!(cells[2..8], ["5", "4", "2", "50.0%", "40.0%", "0.44"], "{text}");
    assert!(
        text.contains("human share of planning:  1.00 by hand, 0.67 by the rules"),
        "{text}"
    );
    assert!(text.contains("expertise rated by hand: 2 session(s)"), "{text}");
    assert!(text.contains("within one 1 (50.0%)"), "{text}");
}

#[test]
fn export_lists_the_added_decisions_after_the_judged_ones() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    fs::write(&corpus, CORPUS).unwrap();
    fs::write(dir.path().join("c.jsonl.audit.jsonl"), AUDIT.join("\n") + "\n").unwrap();
    let out = cargo_bin_cmd!("leash")
        .args(["audit", "export", "--format", "csv"])
        .arg(&corpus)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 7, "five judged, two added (m3 was retracted): {text}");
    assert!(
        rows[5].starts_with("s-1,m1,intermediate,,,,add,human,execution,,ana,"),
        "{text}"
    );
    assert!(
        rows[6].starts_with("s-1,m2,intermediate,,,,add,human,planning,,ana,"),
        "{text}"
    );
}

/// A completion made on another version of the turn (another corpus reusing the ids, or a
/// transcript whose prompts changed) does not count: it is an orphan.
#[test]
fn a_completion_on_another_version_of_the_turn_is_an_orphan() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    fs::write(&corpus, CORPUS).unwrap();
    let other = r#"{"session":"s-2","decision":"turn:1","verdict":"complete","actor":null,"kind":null,"note":null,"auditor":"bob","at":"2026-11-24T11:00:00Z","turn":1,"fingerprint":"fnv1a64:0000000000000000"}"#;
    let mut lines = AUDIT.to_vec();
    lines.push(other);
    fs::write(dir.path().join("c.jsonl.audit.jsonl"), lines.join("\n") + "\n").unwrap();
    let out = cargo_bin_cmd!("leash")
        .args(["audit", "stats", "--format", "json"])
        .arg(&corpus)
        .assert()
        .success();
    let j: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        (&j["complete"]["turns"], &j["orphans"]),
        (&Value::from(1), &2.into()),
        "{j:#}"
    );
}
