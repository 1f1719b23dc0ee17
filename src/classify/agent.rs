//! Rules on what the agent decided: plans (ExitPlanMode, todo lists, stated plans,
//! delegation to sub-agents) and execution (file edits and writes, shell commands).

use std::collections::HashSet;

use serde_json::Value;

use super::Finding;
use super::text::{first_phrase, quote, sentences};
use crate::model::{Actor, Kind};
use crate::transcript::RawTurn;
use crate::transcript::tools::{ToolKind, code, command, files, kind, patch_files};

/// Phrases by which the agent states what it is going to do.
pub const PLAN_TEXT: &[&str] = &[
    "i'll ",
    "i will ",
    "my plan",
    "here's the plan",
    "here is the plan",
    "the plan is",
    "i'm going to",
    "i am going to",
    "plan:",
];

fn agent(kind: Kind, category: &str, rule: &'static str, summary: String, evidence: &str, confidence: f64) -> Finding {
    Finding::new(Actor::Agent, kind, category, rule, summary, evidence, confidence)
}

/// Todo items already seen in the session, to report only new ones.
#[derive(Default)]
pub struct State {
    todos: HashSet<String>,
}

/// The items of a todo-list call: `todos[].content`, `plan[].step`, or `subject`.
fn todo_items(input: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (list, field) in [("todos", "content"), ("plan", "step")] {
        if let Some(a) = input.get(list).and_then(Value::as_array) {
            out.extend(
                a.iter()
                    .filter_map(|t| t.get(field).and_then(Value::as_str))
                    .map(str::to_owned),
            );
        }
    }
    if let Some(s) = input.get("subject").and_then(Value::as_str) {
        out.push(s.to_owned());
    }
    out
}

/// Every agent decision of one turn.
pub fn rules(turn: &RawTurn, state: &mut State) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(s) = sentences(&turn.text)
        .into_iter()
        .find(|s| first_phrase(s, PLAN_TEXT).is_some())
    {
        out.push(agent(
            Kind::Planning,
            "approach",
            "A-PLAN-TEXT",
            "agent stated its plan".into(),
            s,
            0.5,
        ));
    }
    let mut new_todos = Vec::new();
    let mut seen_files: HashSet<(&'static str, String)> = HashSet::new();
    let mut seen_cmds: HashSet<String> = HashSet::new();
    for c in &turn.calls {
        match kind(&c.tool) {
            ToolKind::Plan => {
                let plan = c.input.get("plan").and_then(Value::as_str).unwrap_or("");
                let mut f = agent(
                    Kind::Planning,
                    "approach",
                    "A-PLAN-EXIT",
                    "agent proposed a plan (plan mode)".into(),
                    plan,
                    0.9,
                );
                let approved = c.is_error != Some(true)
                    && c.result
                        .as_deref()
                        .is_some_and(|r| r.to_lowercase().contains("approved"));
                f.ratified = approved;
                out.push(f);
            }
            ToolKind::Todo => {
                for item in todo_items(&c.input) {
                    if state.todos.insert(item.clone()) {
                        new_todos.push(item);
                    }
                }
            }
            ToolKind::SubAgent => {
                let what = ["description", "prompt"]
                    .iter()
                    .find_map(|k| c.input.get(*k).and_then(Value::as_str))
                    .unwrap_or("a sub-task");
                out.push(agent(
                    Kind::Planning,
                    "approach",
                    "A-PLAN-DELEGATE",
                    format!("agent delegated: {}", quote(what, 60)),
                    what,
                    0.7,
                ));
            }
            ToolKind::Edit | ToolKind::Write => {
                let patch_adds: Vec<(String, bool)> = match &c.input {
                    Value::String(p) => patch_files(p),
                    v => v
                        .get("input")
                        .and_then(Value::as_str)
                        .map(patch_files)
                        .unwrap_or_default(),
                };
                let targets: Vec<(String, bool)> = if patch_adds.is_empty() {
                    files(c)
                        .into_iter()
                        .map(|f| (f, kind(&c.tool) == ToolKind::Write))
                        .collect()
                } else {
                    patch_adds
                };
                for (file, whole) in targets {
                    let rule = if whole { "A-WRITE" } else { "A-EDIT" };
                    if !seen_files.insert((rule, file.clone())) {
                        continue;
                    }
                    let snippet = code(c).map(|s| quote(s.lines().find(|l| !l.trim().is_empty()).unwrap_or(""), 100));
                    let evidence = match snippet {
                        Some(s) if !s.is_empty() => format!("{file}: {s}"),
                        _ => file.clone(),
                    };
                    let (category, verb) = if whole { ("files", "wrote") } else { ("code", "edited") };
                    out.push(agent(
                        Kind::Execution,
                        category,
                        rule,
                        format!("agent {verb} {file}"),
                        &evidence,
                        0.9,
                    ));
                }
            }
            ToolKind::Shell => {
                let Some(cmd) = command(c) else { continue };
                // A command the user spelled out in the prompt is theirs (H-COMMANDS).
                if cmd.len() > 3 && turn.prompt.contains(cmd.trim()) || !seen_cmds.insert(cmd.clone()) {
                    continue;
                }
                out.push(agent(
                    Kind::Execution,
                    "commands",
                    "A-BASH",
                    format!("agent ran `{}`", quote(&cmd, 60)),
                    &cmd,
                    0.9,
                ));
            }
            _ => {}
        }
    }
    if !new_todos.is_empty() {
        let list = new_todos.join("; ");
        let pos = out.iter().position(|f| f.kind == Kind::Execution).unwrap_or(out.len());
        let f = agent(
            Kind::Planning,
            "approach",
            "A-PLAN-TODO",
            format!("agent listed {} new step(s)", new_todos.len()),
            &list,
            0.8,
        );
        out.insert(pos, f);
    }
    out
}
