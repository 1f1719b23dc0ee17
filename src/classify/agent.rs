//! Rules on what the agent decided through its tool calls: plans (ExitPlanMode, new to-do
//! items, delegations that make design choices) and execution (each file changed, each
//! purpose of the commands that change state or verify, tools that write). Reads are not
//! decisions; the calls the user refused, and what the user dictated, are not the agent's.

use super::words::agent::*;

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::Finding;
use super::agent_edit::{edit_targets, edits};
use super::dictated::Dictated;
use super::shell::{Effect, effect};
use super::text::quote;
use crate::model::{Actor, Kind};
use crate::transcript::tools::{ToolKind, command, kind};
use crate::transcript::{Call, RawTurn};

/// Todo items already seen in the session, to report only new ones.
#[derive(Default)]
pub struct State {
    todos: HashSet<String>,
    /// Every file written so far in the session, once ("run it" may point at an earlier
    /// turn's).
    written: Vec<String>,
}

/// Whether a text is a redaction marker (`[REDACTED_TEXT len=… sha=…]`).
pub fn redacted(s: &str) -> bool {
    s.trim_start().starts_with("[REDACTED")
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

fn read_only_delegation(c: &Call) -> bool {
    let s = |k: &str| c.input.get(k).and_then(Value::as_str).unwrap_or("").to_lowercase();
    let ty = s("subagent_type");
    let brief = if s("description").is_empty() {
        s("prompt")
    } else {
        s("description")
    };
    let first = brief
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|ch: char| !ch.is_alphanumeric());
    READ_ONLY_AGENTS.contains(&ty.as_str()) || RESEARCH.contains(&first)
}

/// Every agent decision of one turn's tool calls.
pub fn rules(turn: &RawTurn, d: &Dictated, state: &mut State, out: &mut Vec<Finding>) {
    let mut new_todos = Vec::new();
    let mut written: Vec<String> = Vec::new();
    // Purpose key → (the decision's place in `out`, the weight of the command quoted).
    let mut keys: HashMap<String, (usize, u8)> = HashMap::new();
    let mut planned = false;
    let (mut commits, mut unreadable) = (0, 0);
    let stopped = super::human_run::interrupted_change(turn).map(|c| c as *const Call);
    for c in turn
        .calls
        .iter()
        .filter(|c| !c.rejected && Some(*c as *const Call) != stopped)
    {
        let tk = kind(&c.tool);
        match tk {
            ToolKind::Plan => {
                let plan = c.input.get("plan").and_then(Value::as_str).unwrap_or("");
                let mut f = Finding::new(
                    Actor::Agent,
                    Kind::Planning,
                    "approach",
                    "A-PLAN-EXIT",
                    "agent proposed a plan (plan mode)".into(),
                    plan,
                    0.9,
                );
                f.ratified = c.is_error != Some(true)
                    && c.result
                        .as_deref()
                        .is_some_and(|r| r.to_lowercase().contains("approved"));
                out.push(f);
                planned = true;
            }
            ToolKind::Todo => {
                let items = todo_items(&c.input)
                    .into_iter()
                    .filter(|i| state.todos.insert(i.clone()));
                // A to-do list written after a plan-mode plan restates that plan.
                new_todos.extend(items.filter(|_| !planned && !d.tool));
            }
            ToolKind::SubAgent if !d.delegation && !read_only_delegation(c) => {
                let what = ["description", "prompt"]
                    .iter()
                    .find_map(|k| c.input.get(*k).and_then(Value::as_str))
                    .unwrap_or("a sub-task");
                out.push(Finding::new(
                    Actor::Agent,
                    Kind::Planning,
                    "approach",
                    "A-PLAN-DELEGATE",
                    format!("agent delegated: {}", quote(what, 60)),
                    what,
                    0.6,
                ));
            }
            ToolKind::Edit | ToolKind::Write | ToolKind::Shell => {
                let cmd = if tk == ToolKind::Shell { command(c) } else { None };
                if tk == ToolKind::Shell && cmd.as_deref().is_none_or(redacted) {
                    unreadable += 1;
                    continue;
                }
                match edit_targets(c, cmd.as_deref()) {
                    Some(targets) => edits(c, targets, d, &mut written, out),
                    None if tk != ToolKind::Shell => {
                        edits(c, vec![("an unknown file".into(), false)], d, &mut written, out)
                    }
                    None => {
                        let cmd = cmd.unwrap_or_default();
                        let Effect::Change { mut key, rank } = effect(&cmd) else {
                            continue;
                        };
                        // An inline script before anything changed explores; after, it verifies.
                        if key.ends_with(" inline") && written.is_empty() && keys.is_empty() {
                            continue;
                        }
                        let nothing = c.result.as_deref().is_some_and(|r| {
                            r.contains("nothing to commit") || r.contains("no changes added to commit")
                        });
                        if key == "git commit" {
                            if nothing {
                                continue;
                            }
                            key = format!("git commit #{commits}");
                            commits += 1;
                        }
                        if d.covers_command(&key, &cmd, [&state.written, &written]) {
                            continue;
                        }
                        let f = Finding::new(
                            Actor::Agent,
                            Kind::Execution,
                            "commands",
                            "A-BASH",
                            format!("agent ran `{}`", quote(&cmd, 60)),
                            &cmd,
                            0.9,
                        );
                        // One decision per purpose, quoting its most significant command, and
                        // among retries of one rank the first that worked.
                        let weight = rank * 2 + u8::from(c.is_error != Some(true));
                        match keys.get_mut(&key) {
                            Some((at, w)) if weight > *w => (out[*at], *w) = (f, weight),
                            Some(_) => {}
                            None => {
                                keys.insert(key, (out.len(), weight));
                                out.push(f);
                            }
                        }
                    }
                }
            }
            ToolKind::Other if writes_through_tool(&c.tool) && !keys.contains_key(&c.tool) => {
                keys.insert(c.tool.clone(), (out.len(), 0));
                out.push(Finding::new(
                    Actor::Agent,
                    Kind::Execution,
                    "commands",
                    "A-TOOL",
                    format!("agent used {}", c.tool),
                    &c.tool,
                    0.7,
                ));
            }
            _ => {}
        }
    }
    if unreadable > 0 {
        let summary = format!("agent ran {unreadable} command(s) leash cannot read (redacted or malformed)");
        out.push(Finding::new(
            Actor::Agent,
            Kind::Execution,
            "commands",
            "A-BASH",
            summary,
            "[unreadable command]",
            0.3,
        ));
    }
    if !new_todos.is_empty() && !super::restate::restates(&turn.prompt, &new_todos) {
        let pos = out
            .iter()
            .position(|f| f.kind == Kind::Execution && f.actor == Actor::Agent)
            .unwrap_or(out.len());
        let f = Finding::new(
            Actor::Agent,
            Kind::Planning,
            "approach",
            "A-PLAN-TODO",
            format!("agent listed {} new step(s)", new_todos.len()),
            &new_todos.join("; "),
            0.8,
        );
        out.insert(pos, f);
    }
    // Each file once: a long session writes the same files again and again.
    for f in written {
        if !state.written.contains(&f) {
            state.written.push(f);
        }
    }
}

/// MCP and other tools that write: a tracker, memory or task tool that creates or changes.
fn writes_through_tool(tool: &str) -> bool {
    let name = tool.rsplit("__").next().unwrap_or(tool).to_lowercase();
    let verbs = [
        "create", "update", "delete", "add", "write", "set", "post", "send", "comment", "merge", "close", "move",
        "assign", "edit", "remove", "push", "insert", "save", "upload", "publish", "archive",
    ];
    (tool.starts_with("mcp__") || tool.contains('.'))
        && verbs
            .iter()
            .any(|v| name.starts_with(v) || name.contains(&format!("_{v}")))
}
