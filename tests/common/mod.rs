//! Helpers for the classifier's tests: Claude Code lines in the real format, imported and
//! classified as `leash import` does.
#![allow(dead_code)]

use std::io::Cursor;
use std::path::Path;

use leash::import::{ImportOptions, Imported, build, claude, import_path};
use leash::model::{Actor, Decision, Kind};
use serde_json::{Value, json};

/// A transcript of `../shared/fixtures` or `../shared/gold/transcripts`, imported.
pub fn shared(rel: &str) -> Imported {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    import_path(&p, &ImportOptions::default()).unwrap().imported.remove(0)
}

pub fn all(i: &Imported) -> Vec<&Decision> {
    i.session.turns.iter().flat_map(|t| &t.decisions).collect()
}

pub fn by_rule<'a>(ds: &[&'a Decision], rule: &str) -> Vec<&'a Decision> {
    ds.iter().copied().filter(|d| d.rule.as_deref() == Some(rule)).collect()
}

/// The evidence of each decision of a rule.
pub fn evidence(ds: &[&Decision], rule: &str) -> Vec<String> {
    by_rule(ds, rule)
        .iter()
        .map(|d| d.evidence.clone().unwrap_or_default())
        .collect()
}

/// How many decisions of one class.
pub fn count(ds: &[&Decision], kind: Kind, actor: Actor) -> usize {
    ds.iter().filter(|d| d.kind == kind && d.actor == actor).count()
}

pub fn user(t: &str) -> Value {
    json!({"type": "user", "sessionId": "s", "message": {"role": "user", "content": t}})
}
pub fn call(id: &str, name: &str, input: Value) -> Value {
    json!({"type": "assistant", "message": {"id": id, "content": [{"type": "tool_use", "id": id, "name": name, "input": input}]}})
}
pub fn result(id: &str, content: &str, is_error: bool) -> Value {
    json!({"type": "user", "message": {"role": "user", "content": [{"type": "tool_result", "tool_use_id": id, "content": content, "is_error": is_error}]}})
}
pub fn say(t: &str) -> Value {
    json!({"type": "assistant", "message": {"id": "m", "content": [{"type": "text", "text": t}]}})
}
pub fn bash(id: &str, cmd: &str) -> Value {
    call(id, "Bash", json!({"command": cmd}))
}

/// Imports lines as a Claude Code session file, classified.
pub fn session(lines: &[Value]) -> Imported {
    let body: String = lines.iter().map(|l| l.to_string() + "\n").collect();
    let raw = claude::parse(Cursor::new(body), "mem.jsonl", "mem");
    session_of(raw)
}

/// Classifies a raw session (for hand-made raw models: vetoes, interrupts, mid-turn messages).
pub fn session_of(raw: leash::import::RawSession) -> Imported {
    let session = build(&raw, &ImportOptions::default());
    let line = leash::import::to_line(&raw, &session);
    Imported { raw, session, line }
}

pub fn check(d: &Decision, kind: Kind, actor: Actor, category: &str) {
    assert_eq!(
        (d.kind, d.actor, d.category.as_deref()),
        (kind, actor, Some(category)),
        "{d:?}"
    );
    assert!(d.confidence.is_some_and(|c| (0.0..=1.0).contains(&c)));
}

/// The text a Claude Code user line carries: its string content or its text blocks joined
/// (the tests' own reading of the format, apart from the importer's).
pub fn user_text(l: &Value) -> Option<String> {
    match l.pointer("/message/content")? {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => {
            let t: Vec<&str> = a
                .iter()
                .filter(|b| b["type"] == "text")
                .filter_map(|b| b["text"].as_str())
                .collect();
            (!t.is_empty()).then(|| t.join("\n"))
        }
        _ => None,
    }
}
