//! Claude Code 2.1.x writes new line types with each release, and fields leash reads may
//! take other shapes in them: all are read or skipped, never a warning storm.

use leash::import::{ImportOptions, import_path};
use serde_json::{Value, json};

fn claude_line(n: usize) -> Value {
    json!({"type": "user", "uuid": format!("u{n}"), "sessionId": "s1", "cwd": "/p", "isSidechain": false,
           "timestamp": "2026-03-01T10:00:00Z", "message": {"role": "user", "content": format!("prompt {n}")}})
}

fn one(p: &std::path::Path) -> leash::import::Imported {
    let mut got = import_path(p, &ImportOptions::default()).expect("imports").imported;
    assert_eq!(got.len(), 1);
    got.remove(0)
}

#[test]
fn claude_code_2_1_line_types_are_read_or_skipped_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let s = |v: Value| v.to_string() + "\n";
    let mut body = String::new();
    body += &s(claude_line(0));
    // Every line type the formats file lists for 2.1.x, some with fields of shapes leash does
    // not expect (a `title` that is a number, a `summary` that is an object, a `message` that
    // is a string, `content` blocks that are not objects).
    for ty in [
        "progress",
        "permission-mode",
        "mode",
        "bridge-session",
        "pr-link",
        "last-prompt",
        "custom-title",
        "ai-title",
        "agent-name",
        "agent-color",
        "agent-setting",
        "atis-latch",
        "brand-new-2.2-type",
    ] {
        body += &s(
            json!({"type": ty, "sessionId": "s1", "title": 7, "summary": {"x": 1}, "data": {"type": "agent_progress"}}),
        );
    }
    for sub in [
        "compact_boundary",
        "stop_hook_summary",
        "local_command",
        "turn_duration",
        "api_error",
        "away_summary",
        "informational",
        "bridge_status",
    ] {
        body += &s(json!({"type": "system", "subtype": sub, "sessionId": "s1", "content": ["odd"], "operation": 3}));
    }
    for att in [
        "hook_success",
        "file",
        "skill_listing",
        "task_reminder",
        "queued_command",
    ] {
        body += &s(json!({"type": "attachment", "sessionId": "s1", "attachment": {"type": att, "prompt": 42}}));
    }
    body += &s(json!({"type": "user", "sessionId": "s1", "uuid": "odd", "message": "a string"}));
    body += &s(
        json!({"type": "assistant", "sessionId": "s1", "message": {"content": ["x", 3, null, {"type": "text", "text": "fine"}]}}),
    );
    body += &s(claude_line(1));
    let f = dir.path().join("s1.jsonl");
    std::fs::write(&f, body).unwrap();
    let i = one(&f);
    assert!(i.raw.warnings.is_empty(), "{:?}", i.raw.warnings);
    let prompts: Vec<&str> = i.raw.turns.iter().map(|t| t.prompt.as_str()).collect();
    assert_eq!(prompts, ["prompt 0", "prompt 1"]);
    assert_eq!(i.raw.turns[0].text, "fine", "the one text block among odd ones is read");
}
