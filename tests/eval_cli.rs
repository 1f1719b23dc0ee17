//! `leash eval` through the binary: a small gold file whose figures are computed by hand in
//! the test, unreadable transcripts and bad lines, and the development set's floor.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::{Value, json};

fn line(v: Value) -> String {
    v.to_string() + "\n"
}

/// Two turns: the leash decisions they get are listed beside each.
fn transcript() -> String {
    let user = |t: &str| line(json!({"type": "user", "sessionId": "s", "message": {"role": "user", "content": t}}));
    let call = |id: &str, name: &str, input: Value| {
        line(
            json!({"type": "assistant", "message": {"id": id, "content": [{"type": "tool_use", "id": id, "name": name, "input": input}]}}),
        )
    };
    [
        // H-GOAL, H-APPROACH (planning, human); A-EDIT, A-BASH `cargo test` (execution, agent).
        user("Add retry logic to the HTTP client. Use exponential backoff."),
        call(
            "e",
            "Edit",
            json!({"file_path": "src/http.rs", "old_string": "a", "new_string": "b"}),
        ),
        call("l", "Bash", json!({"command": "ls"})),
        call("t", "Bash", json!({"command": "cargo test"})),
        // H-COMMANDS "Commit the change" (execution, human); the commit itself is the user's.
        user("Commit the change"),
        call("c", "Bash", json!({"command": "git commit -am retry"})),
    ]
    .concat()
}

fn gold() -> String {
    let d = |kind: &str, actor: &str, ev: &str| json!({"kind": kind, "actor": actor, "category": "x", "evidence": ev});
    [
        line(
            json!({"source": "t.jsonl", "turn": 1, "prompt_head": "Add retry logic", "decisions": [
                d("planning", "human", "Add retry logic to the HTTP client"),   // hit
                d("execution", "agent", "/repo/src/http.rs"),                   // hit (same file)
                d("execution", "human", "cargo test"),                          // paired, actor differs
                d("planning", "agent", "exponential backoff"),                  // paired, actor differs
            ]}),
        ),
        line(
            json!({"source": "t.jsonl", "turn": 2, "prompt_head": "Commit the change", "decisions": [
                d("execution", "human", "Commit the change"),                   // hit
            ]}),
        ),
        line(json!({"source": "missing.jsonl", "turn": 1, "decisions": [d("planning", "human", "anything")]})),
        "{not json\n".to_owned(),
    ]
    .concat()
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"));
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

#[test]
fn figures_on_a_small_gold_file_match_a_hand_count() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.jsonl"), transcript()).unwrap();
    let g = dir.path().join("gold.jsonl");
    std::fs::write(&g, gold()).unwrap();
    let out = cargo_bin_cmd!("leash")
        .args([
            "eval",
            g.to_str().unwrap(),
            dir.path().join("t.jsonl").to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("gold.jsonl:4: "),
        "the bad line is named"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // 5 gold, 5 leash, 5 pairs, 3 hits.
    assert_eq!(v["turns"], 2, "the PATH keeps t.jsonl's turns only");
    assert_eq!(
        (
            v["overall"]["gold"].clone(),
            v["overall"]["leash"].clone(),
            v["overall"]["hits"].clone()
        ),
        (json!(5), json!(5), json!(3))
    );
    assert_eq!(v["paired"], 5);
    close(&v["overall"]["precision"], 0.6);
    close(&v["overall"]["recall"], 0.6);
    close(&v["overall"]["f1"], 0.6);
    close(&v["overall"]["count_error"], 0.0);
    // Planning human: gold 1 (turn 1), leash 2 (goal, approach) → error |2-1| and 0 over 2 turns.
    let ph = &v["classes"]["planning_human"];
    close(&ph["precision"], 0.5);
    close(&ph["recall"], 1.0);
    close(&ph["count_error"], 0.5);
    close(&ph["count_bias"], 0.5);
    assert!(
        v["classes"]["planning_agent"]["precision"].is_null(),
        "leash found none"
    );
    close(&v["classes"]["execution_human"]["recall"], 0.5);
    close(&v["classes"]["execution_agent"]["precision"], 0.5);
    // Actor on pairs: agree 3 of 5, both sides 3/5 human → p_e 0.52 → (0.6-0.52)/0.48.
    close(&v["kappa_actor"], (0.6 - 0.52) / 0.48);
    close(&v["kappa_kind"], 1.0);
    close(&v["planning_human_share"]["gold"], 0.5);
    close(&v["planning_human_share"]["leash"], 1.0);
    close(&v["execution_human_share"]["gold"], 2.0 / 3.0);
    close(&v["execution_human_share"]["leash"], 1.0 / 3.0);
    let rule = |r: &str| {
        v["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["rule"] == r)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        (rule("A-BASH")["emitted"].clone(), rule("A-BASH")["hits"].clone()),
        (json!(1), json!(0))
    );
    assert_eq!(rule("H-COMMANDS")["hits"], 1);
}

#[test]
fn an_unreadable_transcript_counts_as_all_missed_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.jsonl"), transcript()).unwrap();
    let g = dir.path().join("gold.jsonl");
    std::fs::write(&g, gold()).unwrap();
    let out = cargo_bin_cmd!("leash")
        .args(["eval", g.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("unreadable transcripts"), "{text}");
    assert!(text.contains("missing.jsonl"), "{text}");
    assert!(text.contains("worst turns"), "{text}");
    let json = cargo_bin_cmd!("leash")
        .args(["eval", g.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        v["overall"]["gold"], 6,
        "the missing transcript's decision counts as missed"
    );
    assert_eq!(v["overall"]["hits"], 3);
    let none = cargo_bin_cmd!("leash")
        .args(["eval", dir.path().join("nope.jsonl").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(2), "an unreadable gold file is bad input");
}

/// The targets of the classifier issue, on the development set: a floor that fails when a
/// change makes the classifier worse.
#[test]
fn the_development_set_floor() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold/dev.jsonl");
    let out = cargo_bin_cmd!("leash")
        .args(["eval", gold.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["unreadable"].as_array().unwrap().is_empty(), "{}", v["unreadable"]);
    let f = |k: &str| v["overall"][k].as_f64().unwrap();
    assert!(f("f1") >= 0.75, "decision F1 {}", f("f1"));
    assert!(f("count_error") <= 1.2, "per-turn count error {}", f("count_error"));
    for share in ["planning_human_share", "execution_human_share"] {
        let (g, l) = (v[share]["gold"].as_f64().unwrap(), v[share]["leash"].as_f64().unwrap());
        assert!((g - l).abs() <= 0.05, "{share}: gold {g}, leash {l}");
    }
}
