//! Codex CLI rollouts: `{timestamp, type, payload}` lines.
//!
//! Every prompt is written twice (an `event_msg` `user_message` and a `response_item` user
//! message), and so is the agent's prose (`agent_message` and an assistant message). The
//! rollout is first reduced to a list of events, then the event copies are used when the
//! file has any, and the response-item copies otherwise: each prompt counts once.

use std::collections::HashSet;
use std::io::BufRead;

use serde::Deserialize;
use serde_json::Value;

use super::lines::JsonLines;
use super::prompt::{is_codex_injected, strip_codex_ide};
use crate::transcript::{Call, Format, RawSession, RawTurn, push_text, result_text, trim_value};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Line {
    timestamp: Option<String>,
    #[serde(rename = "type")]
    ty: Option<String>,
    payload: Value,
}

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
    Text(Copy, String),
    Call(Call),
    Output(String, String),
}

fn str_of<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

/// Parses one rollout file.
pub fn parse<R: BufRead>(reader: R, name: &str, file_stem: &str) -> RawSession {
    let mut lines = JsonLines::new(reader, name);
    let mut s = RawSession {
        format: Format::Codex,
        file: name.to_owned(),
        ..RawSession::default()
    };
    let mut evs = Vec::new();
    let mut seen_calls = HashSet::new();
    let mut metas = 0;
    while let Some((ln, line)) = lines.next_value::<Line>() {
        let p = &line.payload;
        let pty = str_of(p, "type").unwrap_or("");
        // A fork or sub-agent rollout replays its parent's history after a second meta
        // line; lines stamped before this rollout began are that replay, not its own work.
        let replayed = metas >= 2
            && line.ty.as_deref() != Some("session_meta")
            && matches!((ts_key(&line.timestamp), ts_key(&s.started_at)), (Some(t), Some(start)) if t < start);
        if replayed {
            s.replayed_lines += 1;
            continue;
        }
        match (line.ty.as_deref().unwrap_or(""), pty) {
            ("session_meta", _) => {
                metas += 1;
                // A fork's second meta line names its parent: keep the first.
                if metas == 1 {
                    s.id = str_of(p, "id").unwrap_or_default().to_owned();
                    s.project = str_of(p, "cwd").map(str::to_owned);
                    s.started_at = str_of(p, "timestamp").map(str::to_owned).or(line.timestamp.clone());
                }
            }
            ("turn_context", _) => {
                if s.model.is_none() {
                    s.model = str_of(p, "model").map(str::to_owned);
                }
                if s.project.is_none() {
                    s.project = str_of(p, "cwd").map(str::to_owned);
                }
            }
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
            ("response_item", "message") => {
                let text: Vec<&str> = p
                    .get("content")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(|c| str_of(c, "text")).collect())
                    .unwrap_or_default();
                let text = text.join("\n");
                match str_of(p, "role") {
                    Some("user") => evs.push(Ev::Prompt(Copy::Item, text, line.timestamp.clone())),
                    Some("assistant") => evs.push(Ev::Text(Copy::Item, text)),
                    _ => {}
                }
            }
            ("response_item", "function_call" | "custom_tool_call" | "local_shell_call" | "web_search_call") => {
                let id = str_of(p, "call_id").or(str_of(p, "id")).map(str::to_owned);
                let id = id.unwrap_or_else(|| format!("line-{ln}"));
                if !seen_calls.insert(id.clone()) {
                    continue;
                }
                evs.push(Ev::Call(call_of(pty, p, id)));
            }
            ("response_item", "function_call_output" | "custom_tool_call_output") => {
                if let Some(id) = str_of(p, "call_id") {
                    let out = p.get("output").map(output_text).unwrap_or_default();
                    evs.push(Ev::Output(id.to_owned(), out));
                }
            }
            _ => {}
        }
    }
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
    for ev in evs {
        match ev {
            Ev::Prompt(c, text, at) if c == prompt_copy && !is_codex_injected(&text) => {
                let (request, ide_context) = strip_codex_ide(&text);
                if request.trim().is_empty() {
                    continue;
                }
                s.turns.push(RawTurn {
                    prompt: request.to_owned(),
                    started_at: at,
                    ide_context,
                    ..RawTurn::default()
                });
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
            Ev::Output(id, out) => {
                if let Some(c) = s
                    .turns
                    .iter_mut()
                    .rev()
                    .flat_map(|t| t.calls.iter_mut())
                    .find(|c| c.id == id)
                {
                    c.is_error = exit_failed(&out);
                    c.rejected = is_rejection(&out);
                    c.result = Some(out);
                }
            }
            _ => {}
        }
    }
    if s.id.is_empty() {
        s.id = file_stem.to_owned();
    }
    s.warnings = lines.warnings;
    s
}

/// An RFC 3339 UTC timestamp as `(seconds part, nanoseconds)`, comparable whatever its
/// number of fraction digits.
fn ts_key(ts: &Option<String>) -> Option<(&str, u32)> {
    let ts = ts.as_deref()?;
    let secs = ts.get(..19)?;
    let frac = ts[19..].strip_prefix('.').unwrap_or("");
    let digits: String = frac.chars().take_while(char::is_ascii_digit).take(9).collect();
    let nanos = format!("{digits:0<9}").parse().ok()?;
    Some((secs, nanos))
}

fn call_of(pty: &str, p: &Value, id: String) -> Call {
    let tool = match pty {
        "local_shell_call" => "local_shell".to_owned(),
        "web_search_call" => "web_search".to_owned(),
        _ => str_of(p, "name").unwrap_or("?").to_owned(),
    };
    let mut input = match pty {
        "function_call" => {
            let args = str_of(p, "arguments").unwrap_or("");
            serde_json::from_str(args).unwrap_or_else(|_| Value::String(args.to_owned()))
        }
        "custom_tool_call" => p.get("input").cloned().unwrap_or(Value::Null),
        "local_shell_call" => p.get("action").cloned().unwrap_or(Value::Null),
        _ => p.get("action").cloned().unwrap_or(Value::Null),
    };
    trim_value(&mut input);
    Call {
        id,
        tool,
        input,
        ..Call::default()
    }
}

fn output_text(v: &Value) -> String {
    match v {
        Value::String(s) => {
            // Older rollouts wrap output as a JSON string `{"output": ..., "metadata": ...}`.
            match serde_json::from_str::<Value>(s) {
                Ok(Value::Object(o)) if o.contains_key("output") => result_text(&o["output"]),
                _ => result_text(v),
            }
        }
        _ => result_text(v.get("content").unwrap_or(v)),
    }
}

/// Is this tool output Codex saying the user refused the call at the approval prompt
/// (`patch rejected by user`, `exec command rejected by user`)?
pub fn is_rejection(out: &str) -> bool {
    let t = out.trim();
    t.len() < 200 && t.ends_with("rejected by user")
}

/// `Some(true)` when a shell output reports a non-zero exit code.
fn exit_failed(out: &str) -> Option<bool> {
    let i = out.find("exit code: ").or_else(|| out.find("Exit code: "))?;
    let code: String = out[i + 11..].chars().take_while(|c| c.is_ascii_digit()).collect();
    Some(code.parse::<i64>().ok()? != 0)
}
