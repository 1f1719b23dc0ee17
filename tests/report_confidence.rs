//! `leash report --low-confidence-expertise`: estimates of low confidence kept, dropped or
//! counted under unknown, read off the corpus line's `expertise_confidence`.

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::{Value, json};

fn transcript(id: &str, prompts: &[&str]) -> String {
    prompts
        .iter()
        .map(|p| json!({"type": "user", "sessionId": id, "message": {"role": "user", "content": p}}).to_string() + "\n")
        .collect()
}

fn report(dir: &std::path::Path, how: &str) -> Value {
    let out = cargo_bin_cmd!("leash")
        .args([
            "report",
            dir.to_str().unwrap(),
            "--format",
            "json",
            "--low-confidence-expertise",
            how,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn low_confidence_estimates_kept_dropped_or_counted_apart() {
    let dir = tempfile::tempdir().unwrap();
    // Six messages, precise, verifying, correcting: expert, high confidence.
    let sure = transcript(
        "sure",
        &[
            "Refactor src/import/read.rs so that parse_line returns a Result",
            "No, keep the old signature and add a new function instead",
            "run the tests and make sure clippy is clean",
            "rename ParsedLine to Record everywhere in src/corpus/",
            "the error path in load_corpus is wrong, it drops the line number",
            "now document the new function in docs/corpus.md",
        ],
    );
    // Two short vague prompts: beginner, low confidence.
    let shaky = transcript("shaky", &["make me a website", "make it nicer please"]);
    std::fs::write(dir.path().join("sure.jsonl"), sure).unwrap();
    std::fs::write(dir.path().join("shaky.jsonl"), shaky).unwrap();
    let sessions = |v: &Value, level: &str| v["by_expertise"][level]["sessions"].as_u64().unwrap();
    let keep = report(dir.path(), "keep");
    assert_eq!(
        (sessions(&keep, "expert"), sessions(&keep, "beginner")),
        (1, 1),
        "{}",
        keep["by_expertise"]
    );
    let drop = report(dir.path(), "drop");
    assert_eq!((sessions(&drop, "expert"), sessions(&drop, "beginner")), (1, 0));
    assert_eq!(sessions(&drop, "unknown"), 0);
    let apart = report(dir.path(), "unknown");
    assert_eq!((sessions(&apart, "beginner"), sessions(&apart, "unknown")), (0, 1));
    assert_eq!(sessions(&apart, "expert"), 1);
}

/// The corpus line says what the estimate rests on, and `given` when the map set the level.
#[test]
fn the_line_carries_evidence_and_confidence() {
    let dir = tempfile::tempdir().unwrap();
    let t = transcript(
        "s1",
        &[
            "Please edit test.txt, then commit.",
            "Thanks. But not the new session button, the one in the sidebar.",
            "\nTraceback (most recent call last):\n  File \"a.py\", line 3\nValueError: no, wrong",
        ],
    );
    std::fs::write(dir.path().join("t.jsonl"), t).unwrap();
    let import = |extra: &[&str]| -> Value {
        let out = cargo_bin_cmd!("leash")
            .args(["import", "t.jsonl", "--no-cache", "-q"])
            .args(extra)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let v = import(&[]);
    assert_eq!(
        v["expertise_messages"], 2,
        "the pasted trace holds no words of the user: {v}"
    );
    assert_eq!(v["expertise_confidence"], "low");
    let ev = v["expertise_evidence"].as_array().unwrap();
    let has = |signal: &str, quote: &str| ev.iter().any(|e| e["signal"] == signal && e["quote"] == quote);
    assert!(has("names_file", "test.txt"), "{ev:?}");
    assert!(
        has("correct", "But not the new session button, the one in the sidebar."),
        "{ev:?}"
    );
    assert!(
        !ev.iter().any(|e| e["signal"] == "verify"),
        "test.txt is a file: {ev:?}"
    );
    std::fs::write(dir.path().join("levels.txt"), "s1 = 5\n").unwrap();
    let given = import(&["--expertise-map", "levels.txt"]);
    assert_eq!(
        (given["expertise"].as_u64(), given["expertise_confidence"].as_str()),
        (Some(5), Some("given"))
    );
}
