//! `leash doctor` through the binary: on the fixtures, its counts are the importer's, and
//! what it does not know (a new line type, a new block, an orphaned sub-agent folder, a bad
//! line) is named.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use leash::import::{ImportOptions, import_path};
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn doctor(args: &[&str]) -> (Value, String) {
    let out = Command::cargo_bin("leash")
        .unwrap()
        .arg("doctor")
        .args(args)
        .arg("--format")
        .arg("json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = Command::cargo_bin("leash")
        .unwrap()
        .arg("doctor")
        .args(args)
        .output()
        .unwrap();
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        String::from_utf8(text.stdout).unwrap(),
    )
}

fn entry<'a>(v: &'a Value, suffix: &str) -> &'a Value {
    v.as_array()
        .unwrap()
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with(suffix))
        .unwrap()
}

#[test]
fn doctor_counts_what_the_importer_reads_on_the_fixtures() {
    let root = fixtures();
    let (v, text) = doctor(&[root.to_str().unwrap()]);
    let imported = import_path(&root, &ImportOptions::default()).unwrap().imported;
    assert_eq!(
        v.as_array().unwrap().len(),
        imported.len(),
        "one entry per session file"
    );
    for i in &imported {
        let r = entry(&v, &i.raw.file);
        let actions: usize = i.raw.turns.iter().map(|t| t.calls.len()).sum();
        assert_eq!(
            (r["sessions"].as_u64(), r["turns"].as_u64()),
            (Some(1), Some(i.raw.turns.len() as u64))
        );
        assert_eq!(r["actions"].as_u64(), Some(actions as u64), "{}", i.raw.file);
        let lines = std::fs::read_to_string(&i.raw.file)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count();
        assert_eq!(r["lines"].as_u64(), Some(lines as u64));
    }
    let formats: Vec<(&str, &str)> = [
        ("vetoes-and-queue.jsonl", "claude-code"),
        ("ide-vetoes.jsonl", "codex"),
        ("old-2025.jsonl", "codex-2025"),
        ("b7e04c1a-6d2f-4a8e-9c3b-2f1e0d9c8b7a.jsonl", "claude-code"),
    ]
    .to_vec();
    for (f, want) in formats {
        assert_eq!(entry(&v, f)["format"], want, "{f}");
    }
    let q = entry(&v, "vetoes-and-queue.jsonl");
    assert_eq!(q["line_types"]["queue-operation"], 10);
    assert_eq!(q["line_types"]["attachment/queued_command"], 1);
    assert_eq!(q["versions"], json!(["2.1.20"]));
    let p = entry(&v, "b7e04c1a-6d2f-4a8e-9c3b-2f1e0d9c8b7a.jsonl");
    assert_eq!(p["subagents_attached"], 4);
    let skipped = p["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].as_str().unwrap().contains("agent-aexp1.jsonl:3:"));
    assert!(
        v.as_array().unwrap().iter().all(|r| r["unknown"] == json!([])),
        "the fixtures hold only known forms"
    );
    assert!(
        text.contains("codex-2025: 17 lines, 1 session(s), 2 turns, 3 actions"),
        "{text}"
    );
}

#[test]
fn doctor_names_what_it_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let base =
        json!({"sessionId": "s9", "uuid": "u", "cwd": "/x", "isSidechain": false, "timestamp": "2026-05-01T00:00:00Z"});
    let mut user = base.clone();
    user["type"] = json!("user");
    user["message"] =
        json!({"role": "user", "content": [{"type": "text", "text": "hello"}, {"type": "hologram", "x": 1}]});
    let mut odd = base.clone();
    odd["type"] = json!("brand-new-type");
    let body = format!("{user}\n{odd}\nnot json at all\n{user}\n");
    std::fs::write(dir.path().join("s9.jsonl"), body).unwrap();
    std::fs::create_dir_all(dir.path().join("gone/subagents")).unwrap();
    std::fs::write(dir.path().join("gone/subagents/agent-a1.jsonl"), format!("{user}\n")).unwrap();
    let zst = zstd::encode_all(
        std::fs::read(fixtures().join("codex/ide-vetoes.jsonl"))
            .unwrap()
            .as_slice(),
        3,
    )
    .unwrap();
    std::fs::write(dir.path().join("r.jsonl.zst"), zst).unwrap();
    let (v, text) = doctor(&[dir.path().to_str().unwrap()]);
    let r = entry(&v, "s9.jsonl");
    assert_eq!(r["unknown"], json!(["block hologram", "line type brand-new-type"]));
    assert_eq!(r["skipped"].as_array().unwrap().len(), 1);
    assert!(r["skipped"][0].as_str().unwrap().contains("s9.jsonl:3:"));
    let lost = entry(&v, "gone/subagents");
    assert_eq!(
        (
            lost["format"].as_str(),
            lost["subagents_orphaned"].as_array().unwrap().len()
        ),
        (Some("sub-agent"), 1)
    );
    let z = entry(&v, "r.jsonl.zst");
    assert_eq!(
        (z["compressed"].as_str(), z["format"].as_str(), z["turns"].as_u64()),
        (Some("zstd"), Some("codex"), Some(2))
    );
    assert!(
        text.contains("unknown (read as nothing): block hologram, line type brand-new-type"),
        "{text}"
    );
    assert!(text.contains("orphaned: belongs to no session read"), "{text}");
}
