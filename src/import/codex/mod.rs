//! Codex CLI rollouts: `{timestamp, type, payload}` lines, and the older (2025) form of bare
//! items after a header line (see [`item`]).
//!
//! Every prompt is written twice (an `event_msg` `user_message` and a `response_item` user
//! message), and so is the agent's prose (`agent_message` and an assistant message). The
//! rollout is first reduced to a list of events, then the event copies are used when the
//! file has any, and the response-item copies otherwise: each prompt counts once.

mod item;
mod payload;
mod segment;

use std::collections::HashSet;
use std::io::BufRead;

use serde_json::Value;

pub use item::is_rejection;
use item::{Line, call_of, output_of, str_of, ts_key};

use super::lines::JsonLines;
use super::prompt::tag;
use crate::transcript::{Call, Format, HoldAll, KEEP_TURNS, RawSession, TurnSink, Usage};
use segment::Segmenter;

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
    read(reader, name, file_stem, &mut HoldAll)
}

/// [`parse`], handing turns on to `sink` as it goes when the sink streams (the returned
/// reading then holds the last turns only).
pub fn read<R: BufRead>(reader: R, name: &str, file_stem: &str, sink: &mut dyn TurnSink) -> RawSession {
    let mut lines = JsonLines::new(reader, name);
    let mut seg: Option<Segmenter> = None;
    let mut handed = 0;
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
        // Which copies count is decided on the events of the first part: once they say it
        // for sure, or at four holds' worth of lines.
        let due = |h: u64| lines.bytes - handed > h && (seg.is_some() || Segmenter::sure(&evs) || lines.bytes > 4 * h);
        if sink.hold().is_some_and(due) {
            handed = lines.bytes;
            let seg = seg.get_or_insert_with(|| Segmenter::new(&evs));
            seg.events(&mut s, std::mem::take(&mut evs));
            hand_on(&mut s, &mut m.seen_calls, sink, file_stem);
        }
    }
    seg.unwrap_or_else(|| Segmenter::new(&evs)).events(&mut s, evs);
    if s.id.is_empty() {
        s.id = file_stem.to_owned();
    }
    s.warnings = lines.warnings;
    s
}

/// Hands every turn but the last [`KEEP_TURNS`] on to `sink`.
fn hand_on(s: &mut RawSession, seen_calls: &mut HashSet<String>, sink: &mut dyn TurnSink, file_stem: &str) {
    let Some(n) = s.turns.len().checked_sub(KEEP_TURNS).filter(|&n| n > 0) else {
        return;
    };
    for c in s.turns[..n].iter().flat_map(|t| &t.calls) {
        seen_calls.remove(&c.id);
    }
    let part = RawSession {
        id: if s.id.is_empty() {
            file_stem.to_owned()
        } else {
            s.id.clone()
        },
        format: Format::Codex,
        file: s.file.clone(),
        project: s.project.clone(),
        turns: s.turns.drain(..n).collect(),
        turns_before: s.turns_before,
        ..RawSession::default()
    };
    s.turns_before += n;
    sink.take(part);
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
