//! `leash audit stats|export` through the binary.

use std::fs;
use std::path::PathBuf;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;

const CORPUS: &str = concat!(
    r#"{"id":"s-1","expertise":"expert","turns":[{"prompt":"p","decisions":["#,
    r#"{"id":"d1","kind":"planning","actor":"human","confidence":0.95},"#,
    r#"{"id":"d2","kind":"execution","actor":"agent","confidence":0.4}]}]}"#,
    "\n",
    r#"{"id":"s-2","turns":[{"prompt":"q","decisions":[{"id":"d1","kind":"execution","actor":"agent"}]}]}"#,
    "\n",
    "not json\n"
);

/// ana confirms s-1/d1, relabels s-1/d2 (then bob relabels it back to agent/planning), bob
/// rejects s-2/d1; one orphan; a torn last line.
const AUDIT: &str = concat!(
    r#"{"session":"s-1","decision":"d1","verdict":"confirm","actor":"human","kind":"planning","note":null,"auditor":"ana","at":"2026-11-24T10:00:00Z"}"#,
    "\n",
    r#"{"session":"s-1","decision":"d2","verdict":"relabel","actor":"human","kind":"execution","note":"said \"use rg\", twice","auditor":"ana","at":"2026-11-24T10:01:00Z"}"#,
    "\n",
    r#"{"session":"s-1","decision":"d2","verdict":"relabel","actor":"agent","kind":"planning","note":null,"auditor":"bob","at":"2026-11-24T10:02:00Z"}"#,
    "\n",
    r#"{"session":"s-2","decision":"d1","verdict":"reject","actor":null,"kind":null,"note":null,"auditor":"bob","at":"2026-11-24T10:03:00Z"}"#,
    "\n",
    r#"{"session":"s-9","decision":"d1","verdict":"reject","actor":null,"kind":null,"note":null,"auditor":"bob","at":"2026-11-24T10:04:00Z"}"#,
    "\n",
    r#"{"session":"s-1","decision":"d1","verd"#
);

fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    fs::write(&corpus, CORPUS).unwrap();
    fs::write(dir.path().join("c.jsonl.audit.jsonl"), AUDIT).unwrap();
    (dir, corpus)
}

/// The example object of spec section 4, with every leaf replaced by its type; `like`
/// keeps only the keys of `like` (leash may add keys, never rename or drop one).
fn shape(v: &Value, like: &Value) -> Value {
    match (v, like) {
        (Value::Object(m), Value::Object(l)) => Value::Object(
            l.keys()
                .map(|k| {
                    (
                        k.clone(),
                        m.get(k).map_or(Value::String("missing".into()), |v| shape(v, &l[k])),
                    )
                })
                .collect(),
        ),
        (Value::Null | Value::Number(_), _) => Value::String("number-or-null".into()),
        (other, _) => other.clone(),
    }
}

#[test]
fn stats_json_matches_the_contract_key_for_key() {
    let (_dir, corpus) = fixture();
    let out = cargo_bin_cmd!("leash")
        .args(["audit", "stats", corpus.to_str().unwrap(), "--format", "json"])
        .assert()
        .success()
        .stderr(predicate::str::contains("c.jsonl:3: "))
        .stderr(predicate::str::contains("c.jsonl.audit.jsonl:6: "))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let got: Value = serde_json::from_str(&text).unwrap();
    let spec: Value = serde_json::from_str(
        r#"{
  "audited": 0, "confirmed": 0, "relabelled": 0, "rejected": 0, "orphans": 0,
  "actor": {"accuracy": 0.0, "kappa": 0.0,
            "confusion": {"human": {"human": 0, "agent": 0}, "agent": {"human": 0, "agent": 0}}},
  "kind":  {"accuracy": 0.0, "kappa": 0.0,
            "confusion": {"planning": {"planning": 0, "execution": 0}, "execution": {"planning": 0, "execution": 0}}}
}"#,
    )
    .unwrap();
    assert_eq!(shape(&got, &spec), shape(&spec, &spec), "{text}");
    // Top-level keys in the spec's order.
    let pos: Vec<usize> = [
        "audited",
        "confirmed",
        "relabelled",
        "rejected",
        "orphans",
        "actor",
        "kind",
    ]
    .iter()
    .map(|k| text.find(&format!("\"{k}\"")).unwrap())
    .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{text}");
    // The values: latest verdicts are s-1/d1 confirm, s-1/d2 bob's relabel, s-2/d1 reject.
    assert_eq!(
        (
            &got["audited"],
            &got["confirmed"],
            &got["relabelled"],
            &got["rejected"],
            &got["orphans"]
        ),
        (&3.into(), &1.into(), &1.into(), &1.into(), &1.into())
    );
    // Actor: human->human, agent->agent: kappa 1. Kind: planning->planning and
    // execution->planning: p_o = 1/2, p_e = (1*2 + 1*0)/4 = 1/2, so kappa 0.
    assert_eq!(got["actor"]["accuracy"], 1.0);
    assert_eq!(got["actor"]["kappa"], 1.0);
    assert_eq!(got["kind"]["confusion"]["execution"]["planning"], 1);
    assert_eq!(got["kind"]["accuracy"], 0.5);
    assert_eq!(got["kind"]["kappa"], 0.0);
}

#[test]
fn stats_with_nothing_audited_prints_nulls() {
    let (dir, corpus) = fixture();
    let empty = dir.path().join("empty.jsonl");
    fs::write(&empty, "").unwrap();
    let out = cargo_bin_cmd!("leash")
        .args([
            "audit",
            "stats",
            corpus.to_str().unwrap(),
            "--audit",
            empty.to_str().unwrap(),
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let got: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(got["audited"], 0);
    for axis in ["actor", "kind"] {
        assert!(got[axis]["accuracy"].is_null() && got[axis]["kappa"].is_null());
    }
}

#[test]
fn the_demo_or_stdin_without_an_audit_file_is_a_usage_error() {
    cargo_bin_cmd!("leash")
        .args(["audit", "stats"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--audit FILE").and(predicate::str::contains("demo")))
        .stderr(predicate::str::contains("panicked").not());
    cargo_bin_cmd!("leash")
        .args(["audit", "export", "-", "--format", "csv"])
        .write_stdin(CORPUS)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input").and(predicate::str::contains("--audit")));
    cargo_bin_cmd!("leash")
        .args(["audit", "stats", "a.jsonl", "b.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--audit"));
}

#[test]
fn unreadable_inputs_exit_2_with_one_line_naming_the_file() {
    let (dir, corpus) = fixture();
    let missing = dir.path().join("nope.audit.jsonl");
    let assert = cargo_bin_cmd!("leash")
        .args([
            "audit",
            "stats",
            corpus.to_str().unwrap(),
            "--audit",
            missing.to_str().unwrap(),
        ])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let last = err.lines().last().unwrap();
    assert_eq!(last, format!("leash audit: {}: no such file", missing.display()));
    cargo_bin_cmd!("leash")
        .args(["audit", "stats", "/no/such/corpus.jsonl"])
        .assert()
        .code(2)
        .stderr("leash: /no/such/corpus.jsonl: no such file\n");
}

#[test]
fn stats_table_shows_breakdowns_and_auditor_agreement() {
    let (_dir, corpus) = fixture();
    cargo_bin_cmd!("leash")
        .args(["audit", "stats", corpus.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "audited 3: 1 confirmed, 1 relabelled, 1 rejected; 1 orphan",
        ))
        .stdout(predicate::str::contains("by expertise").and(predicate::str::contains("expert")))
        .stdout(predicate::str::contains("by confidence").and(predicate::str::contains("<0.5")))
        .stdout(predicate::str::contains("ana / bob"));
}

#[test]
fn export_joins_labels_and_verdicts_and_writes_nothing_else() {
    let (dir, corpus) = fixture();
    let side = dir.path().join("c.jsonl.audit.jsonl");
    let out = dir.path().join("out.csv");
    cargo_bin_cmd!("leash")
        .args([
            "audit",
            "export",
            corpus.to_str().unwrap(),
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .success();
    let csv = fs::read_to_string(&out).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "session,decision,expertise,classifier_actor,classifier_kind,confidence,verdict,audit_actor,audit_kind,note,auditor,at"
    );
    assert_eq!(
        rows[1],
        "s-1,d1,expert,human,planning,0.95,confirm,human,planning,,ana,2026-11-24T10:00:00Z"
    );
    assert_eq!(
        rows[2],
        "s-1,d2,expert,agent,execution,0.4,relabel,agent,planning,,bob,2026-11-24T10:02:00Z"
    );
    assert_eq!(
        rows[3],
        "s-2,d1,unknown,agent,execution,,reject,,,,bob,2026-11-24T10:03:00Z"
    );
    assert_eq!(rows.len(), 4, "the orphan is not exported");

    let jsonl = cargo_bin_cmd!("leash")
        .args(["audit", "export", corpus.to_str().unwrap(), "--format", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let first: Value = serde_json::from_str(String::from_utf8(jsonl).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["confidence"], 0.95);
    assert_eq!(first["verdict"], "confirm");

    // Overwriting an input is refused; neither input changed.
    cargo_bin_cmd!("leash")
        .args([
            "audit",
            "export",
            corpus.to_str().unwrap(),
            "--format",
            "csv",
            "-o",
            side.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing"));
    assert_eq!(fs::read_to_string(&corpus).unwrap(), CORPUS);
    assert_eq!(fs::read_to_string(&side).unwrap(), AUDIT);
}

#[test]
fn a_note_with_quotes_and_commas_is_quoted_in_csv() {
    let (dir, corpus) = fixture();
    let audit = dir.path().join("ana.jsonl");
    fs::write(&audit, AUDIT.lines().take(2).collect::<Vec<_>>().join("\n")).unwrap();
    cargo_bin_cmd!("leash")
        .args([
            "audit",
            "export",
            corpus.to_str().unwrap(),
            "--audit",
            audit.to_str().unwrap(),
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(r#","said ""use rg"", twice",ana,"#));
}

#[test]
fn help_shows_examples() {
    for sub in ["stats", "export"] {
        cargo_bin_cmd!("leash")
            .args(["audit", sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("--audit")));
    }
}
