//! Small corpora written as v1 JSON lines, loaded through the real loader.

use serde_json::{Value, json};

use crate::corpus::{Source, load_sources};
use crate::tui::app::{App, TuiOptions};
use crate::tui::{Action, update};

fn dec(id: &str, kind: &str, actor: &str, cat: &str, ratified: bool) -> Value {
    json!({"id": id, "kind": kind, "actor": actor, "category": cat,
           "summary": format!("{actor} chose the {cat}"), "evidence": "yes, go ahead",
           "confidence": 0.9, "ratified": ratified})
}

fn actions(n: usize, failed: usize) -> Value {
    let v: Vec<Value> = (0..n)
        .map(|i| json!({"tool": "Bash", "target": format!("cargo test {i}"), "ok": i >= failed}))
        .collect();
    Value::Array(v)
}

/// Five sessions (s1 and s2 with project, start time and model; the others without):
/// - s1 "Fix login bug": novice, fix, success; 2 turns (3 actions, 1 failed; 1 action):
///   PLAN HUMAN goal, EXEC AGENT code.
/// - s2 "Add parser tests": expert, test, verified; 1 turn of 12 actions: PLAN AGENT approach
///   (ratified), EXEC HUMAN files.
/// - s3 "Refactor cache layer": unknown expertise, create, failure; 2 turns, 250 actions
///   (APP 125): PLAN AGENT approach (ratified) only.
/// - s4 a title full of escape sequences: intermediate, fix; EXEC HUMAN commands.
/// - s5 "Empty session": beginner, no turns.
pub fn lines() -> Vec<String> {
    let s = [
        json!({"id": "s1", "title": "Fix login bug", "project": "acme/web", "started_at": "2026-03-03T10:00:00Z",
               "model": "claude-opus-4-1", "expertise": 1, "mode": "fix", "outcome": "success",
        "turns": [
            {"prompt": "The login fails with a 500.\nPlease fix it.", "actions": actions(3, 1),
             "response_words": 120,
             "decisions": [dec("d1", "planning", "human", "goal", false),
                           dec("d2", "execution", "agent", "code", false)]},
            {"prompt": "thanks, now run the tests", "actions": actions(1, 0), "response_words": 30}
        ]}),
        json!({"id": "s2", "title": "Add parser tests", "project": "parser", "started_at": "2026-03-05T09:00:00+02:00",
               "model": "gpt-5", "expertise": "expert", "mode": "test",
               "outcome": "verified_success",
               "turns": [{"prompt": "add tests for the parser", "actions": actions(12, 0),
                          "decisions": [dec("d1", "planning", "agent", "approach", true),
                                        dec("d2", "execution", "human", "files", false)]}]}),
        json!({"id": "s3", "title": "Refactor cache layer", "mode": "create", "outcome": "failure",
               "turns": [{"prompt": "refactor the cache", "actions": actions(200, 0),
                          "decisions": [dec("d1", "planning", "agent", "approach", true)]},
                         {"prompt": "go on", "actions": actions(50, 0)}]}),
        json!({"id": "s4", "title": "evil \u{1b}]0;pwned\u{7} title \u{1b}[31mred\r", "expertise": 3, "mode": "fix",
               "turns": [{"prompt": "clear\u{1b}[2J screen \u{9b}31m and\tbell\u{7}\r\nline two",
                          "actions": [{"tool": "Bash\u{1b}[1m", "target": "rm -rf /\r", "ok": false}],
                          "decisions": [dec("d1", "execution", "human", "commands", false)]}]}),
        json!({"id": "s5", "title": "Empty session", "expertise": 2, "turns": []}),
    ];
    s.iter().map(|v| v.to_string()).collect()
}

pub fn source() -> Source {
    Source::memory("<fixture>", (lines().join("\n") + "\n").into_bytes())
}

/// An app over the fixture, fully loaded, at `w`×`h`; search runs inline (no channel).
pub fn app_sized(w: u16, h: u16) -> App {
    let mut app = App::new(vec![source()], TuiOptions::default(), None);
    update(&mut app, Action::Resize(w, h));
    let mut batches = Vec::new();
    load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
    update(&mut app, Action::Loaded(batches));
    update(&mut app, Action::LoadFinished(Ok(())));
    app
}

pub fn app() -> App {
    app_sized(80, 24)
}

/// Visible session ids, in order.
pub fn ids(app: &App) -> Vec<&str> {
    app.visible.iter().map(|&i| &*app.corpus.rows[i as usize].id).collect()
}

pub fn selected_id(app: &App) -> Option<&str> {
    app.selected.map(|i| &*app.corpus.rows[i as usize].id)
}

/// Applies a sequence of actions.
pub fn drive(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(app, a);
    }
}
