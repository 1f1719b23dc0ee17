//! Codex CLI rollouts: `{timestamp, type, payload}` lines, and the older (2025) form of bare
//! items after a header line (see [`item`]).
//!
//! Every prompt is written twice (an `event_msg` `user_message` and a `response_item` user
//! message), and so is the agent's prose (`agent_message` and an assistant message). The
//! rollout is first reduced to a list of events, then the event copies are used when the
//! file has any, and the response-item copies otherwise: each prompt counts once.

mod item;
mod payload;

use std::collections::HashSet;
use std::io::BufRead;

use serde_json::Value;

pub use item::is_rejection;
use item::{Line, call_of, output_of, str_of, ts_key};

use super::lines::JsonLines;
use super::prompt::{is_codex_injected, strip_codex_ide, tag};
use crate::transcript::{Call, Format, RawSession, RawTurn, Usage, push_text};

/// Where a prompt or a piece of prose was read from.
#[derive(Clone, Copy, PartialEq)]
enum Copy {
    Event,
    Item,
}

enum Ev {
    Prompt(Copy, String, Option<String>),
    /// The user stopped the running turn (`turn_aborted`).
    Aborted,
    /// `task_started`: a turn begins (its `turn_context` and prompt follow, in either order).
    TaskStarted,
    /// A `turn_context` in plan mode.
    Plan,
    Text(Copy, String),
    Call(Call),
    Output(String, String, Option<bool>),
}

/// What the first pass collects besides events.
#[derive(Default)]
struct Meta {
    metas: usize,
    seen_calls: HashSet<String>,
}

/// Parses one rollout file, of either form.
pub fn parse<R: BufRead>(reader: R, name: &str, file_stem: &str) -> RawSession {
    let mut lines = JsonLines::new(reader, name);
    let mut s = RawSession {
        format: Format::Codex,
        file: name.to_owned(),
        ..RawSession::default()
    };
    let mut evs = Vec::new();
    let mut m = Meta::default();
    while let Some((ln, mut line)) = lines.next_value::<Line>() {
        if let Some(item) = line.old_item() {
            line.ty = Some("response_item".into());
            line.payload = item;
        } else if line.payload.is_null() && line.instructions.is_some() {
            // The old form's header line.
            s.id = line.id.take().unwrap_or_default();
            s.started_at = line.timestamp.take();
            continue;
        }
        // A fork or sub-agent rollout replays its parent's history after a second meta
        // line; lines stamped before this rollout began are that replay, not its own work.
        let replayed = m.metas >= 2
            && line.ty.as_deref() != Some("session_meta")
            && matches!((ts_key(&line.timestamp), ts_key(&s.started_at)), (Some(t), Some(start)) if t < start);
        if replayed {
            s.replayed_lines += 1;
            continue;
        }
        read_line(&mut s, &mut m, &mut evs, ln, &line);
    }
    segment(&mut s, evs);
    if s.id.is_empty() {
        s.id = file_stem.to_owned();
    }
    s.warnings = lines.warnings;
    s
}

/// Reads one line (in the current form) into the session or the event list.
fn read_line(s: &mut RawSession, m: &mut Meta, evs: &mut Vec<Ev>, ln: u64, line: &Line) {
    let p = &line.payload;
    let pty = str_of(p, "type").unwrap_or("");
    match (line.ty.as_deref().unwrap_or(""), pty) {
        ("session_meta", _) => {
            m.metas += 1;
            // A fork's second meta line names its parent: keep the first.
            if m.metas == 1 {
                s.id = str_of(p, "id").unwrap_or_default().to_owned();
                s.project = str_of(p, "cwd").map(str::to_owned);
                s.started_at = str_of(p, "timestamp").map(str::to_owned).or(line.timestamp.clone());
                s.origin = super::origin::codex(p).map(str::to_owned);
            }
        }
        ("turn_context", _) => {
            if s.model.is_none() {
                s.model = str_of(p, "model").map(str::to_owned);
            }
            if s.project.is_none() {
                s.project = str_of(p, "cwd").map(str::to_owned);
            }
            let mode = p.get("collaboration_mode");
            let mode = mode.and_then(|c| c.get("mode")).or(mode).and_then(Value::as_str);
            if mode == Some("plan") {
                evs.push(Ev::Plan);
            }
        }
        ("event_msg", "task_started") => evs.push(Ev::TaskStarted),
        ("event_msg", "user_message") => {
            let text = str_of(p, "message").unwrap_or("").to_owned();
            evs.push(Ev::Prompt(Copy::Event, text, line.timestamp.clone()));
        }
        // `replaced` (a new prompt took over) and `review_ended` are not the user
        // stopping the agent; `interrupted` (Esc, Ctrl-C) is.
        ("event_msg", "turn_aborted") if str_of(p, "reason").is_none_or(|r| r == "interrupted") => {
            evs.push(Ev::Aborted);
        }
        ("event_msg", "agent_message") => {
            evs.push(Ev::Text(Copy::Event, str_of(p, "message").unwrap_or("").to_owned()));
        }
        ("event_msg", "token_count") => {
            if let Some(u) = p.pointer("/info/total_token_usage") {
                let n = |k: &str| u.get(k).and_then(Value::as_u64).unwrap_or(0);
                let cached = n("cached_input_tokens");
                // Totals only grow; the last one is the session's.
                s.usage = Some(Usage {
                    input: n("input_tokens").saturating_sub(cached),
                    output: n("output_tokens"),
                    cache_read: cached,
                    cache_creation: 0,
                });
            }
        }
        ("response_item", "message") => {
            let text: Vec<&str> = p
                .get("content")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(|c| str_of(c, "text")).collect())
                .unwrap_or_default();
            let text = text.join("\n");
            match str_of(p, "role") {
                Some("user") => {
                    // Old rollouts name the folder only in the environment context.
                    if s.project.is_none() && text.trim_start().starts_with("<environment_context>") {
                        s.project = tag(&text, "cwd").map(str::to_owned);
                    }
                    evs.push(Ev::Prompt(Copy::Item, text, line.timestamp.clone()))
                }
                Some("assistant") => evs.push(Ev::Text(Copy::Item, text)),
                _ => {}
            }
        }
        ("response_item", "function_call" | "custom_tool_call" | "local_shell_call" | "web_search_call") => {
            let id = str_of(p, "call_id").or(str_of(p, "id")).map(str::to_owned);
            let id = id.unwrap_or_else(|| format!("line-{ln}"));
            if m.seen_calls.insert(id.clone()) {
                evs.push(Ev::Call(call_of(pty, p, id)));
            }
        }
        ("response_item", "function_call_output" | "custom_tool_call_output") => {
            if let Some(id) = str_of(p, "call_id") {
                let (out, failed) = p.get("output").map(output_of).unwrap_or_default();
                evs.push(Ev::Output(id.to_owned(), out, failed));
            }
        }
        _ => {}
    }
}

/// Turns the events into turns, each prompt and each piece of prose once.
fn segment(s: &mut RawSession, evs: Vec<Ev>) {
    let prompt_copy = if evs.iter().any(|e| matches!(e, Ev::Prompt(Copy::Event, ..))) {
        Copy::Event
    } else {
        Copy::Item
    };
    let text_copy = if evs.iter().any(|e| matches!(e, Ev::Text(Copy::Item, _))) {
        Copy::Item
    } else {
        Copy::Event
    };
    // Plan mode seen since the last `task_started`, and whether the running turn's prompt
    // came after it (a `turn_context` is written before or after its prompt).
    let (mut plan, mut turn_in_task) = (false, false);
    // Without `task_started` events (older rollouts) a `turn_context` is its turn's only mark.
    let tasks = evs.iter().any(|e| matches!(e, Ev::TaskStarted));
    for ev in evs {
        match ev {
            Ev::Prompt(c, text, at) if c == prompt_copy && !is_codex_injected(&text) => {
                let (request, ide_context) = strip_codex_ide(&text);
                if request.trim().is_empty() {
                    continue;
                }
                turn_in_task = true;
                s.turns.push(RawTurn {
                    prompt: request.to_owned(),
                    started_at: at,
                    ide_context,
                    plan_mode: plan,
                    ..RawTurn::default()
                });
                plan &= tasks;
            }
            Ev::TaskStarted => (plan, turn_in_task) = (false, false),
            Ev::Plan => {
                plan = true;
                if let Some(t) = s.turns.last_mut().filter(|_| turn_in_task) {
                    t.plan_mode = true;
                }
            }
            Ev::Aborted => {
                if let Some(t) = s.turns.last_mut() {
                    t.interrupted = true;
                }
            }
            Ev::Text(c, text) if c == text_copy => {
                if let Some(t) = s.turns.last_mut() {
                    push_text(t, &text);
                }
            }
            Ev::Call(call) => match s.turns.last_mut() {
                Some(t) => t.calls.push(call),
                None => s.actions_before_first_prompt += 1,
            },
            Ev::Output(id, out, failed) => {
                let calls = s.turns.iter_mut().rev().flat_map(|t| t.calls.iter_mut());
                if let Some(c) = calls.into_iter().find(|c| c.id == id) {
                    c.is_error = failed;
                    c.rejected = is_rejection(&out);
                    c.result = Some(out);
                }
            }
            _ => {}
        }
    }
}
