//! Claude Code session files: turns from real prompts, main-chain tool calls, inline
//! sidechains, and the sub-agent files beside or below the session.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;

use serde::Deserialize;
use serde_json::Value;

use super::lines::JsonLines;
use super::prompt::{is_claude_injected, is_local_command, slash_command, tag};
use crate::transcript::{Call, Format, RawSession, RawTurn, SubAgent, push_text, result_text, trim_value};

/// The fields of a line that the importer reads; everything else is skipped unparsed.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Line {
    #[serde(rename = "type")]
    pub ty: Option<String>,
    pub uuid: Option<String>,
    pub parent_uuid: Option<String>,
    pub is_sidechain: Option<bool>,
    pub is_meta: Option<bool>,
    pub is_compact_summary: Option<bool>,
    pub cwd: Option<String>,
    pub session_id: Option<String>,
    pub timestamp: Option<String>,
    pub message: Option<Value>,
    pub summary: Option<String>,
    pub title: Option<String>,
    pub ai_title: Option<String>,
    pub custom_title: Option<String>,
}

impl Line {
    fn content(&self) -> Option<&Value> {
        self.message.as_ref()?.get("content")
    }

    /// The user text of a line: its string content, or its `text` blocks joined.
    pub fn user_text(&self) -> Option<String> {
        match self.content()? {
            Value::String(s) => Some(s.clone()),
            Value::Array(blocks) => {
                let texts: Vec<&str> = blocks
                    .iter()
                    .filter(|b| b.get("type").and_then(Value::as_str) == Some("text"))
                    .filter_map(|b| b.get("text").and_then(Value::as_str))
                    .collect();
                (!texts.is_empty()).then(|| texts.join("\n"))
            }
            _ => None,
        }
    }

    fn blocks(&self) -> &[Value] {
        match self.content() {
            Some(Value::Array(a)) => a,
            _ => &[],
        }
    }
}

/// A slash command waiting to see whether its expansion follows.
struct PendingSlash {
    name: String,
    text: String,
    timestamp: Option<String>,
}

/// An inline sidechain, keyed by its root line.
struct Sidechain {
    agent: SubAgent,
    turn: Option<usize>,
    seen: HashSet<String>,
}

/// Parses one session file (not its sub-agent files; see [`super::subagents`]).
pub fn parse<R: BufRead>(reader: R, name: &str, file_stem: &str) -> RawSession {
    let mut lines = JsonLines::new(reader, name);
    let mut s = RawSession {
        format: Format::ClaudeCode,
        file: name.to_owned(),
        ..RawSession::default()
    };
    let (mut custom_title, mut ai_title, mut summary) = (None, None, None);
    let mut seen_calls: HashSet<String> = HashSet::new();
    let mut call_at: HashMap<String, (usize, usize)> = HashMap::new();
    let mut pending: Option<PendingSlash> = None;
    // Sidechain line uuid -> index of its root in `chains`.
    let mut chain_of: HashMap<String, usize> = HashMap::new();
    let mut chains: Vec<Sidechain> = Vec::new();

    while let Some((_, line)) = lines.next_value::<Line>() {
        let ty = line.ty.as_deref().unwrap_or("");
        match ty {
            "summary" => summary = summary.or(line.summary.clone()),
            // The latest title line wins.
            "ai-title" => ai_title = line.ai_title.clone().or(line.title.clone()).or(ai_title),
            "custom-title" => custom_title = line.custom_title.clone().or(line.title.clone()).or(custom_title),
            _ => {}
        }
        if ty != "user" && ty != "assistant" {
            continue;
        }
        if s.project.is_none() {
            s.project = line.cwd.clone();
        }
        if s.started_at.is_none() {
            s.started_at = line.timestamp.clone();
        }
        if line.is_sidechain == Some(true) {
            sidechain_line(&line, &mut chain_of, &mut chains, s.turns.len().checked_sub(1));
            continue;
        }
        if ty == "assistant" {
            // The agent answering a pending slash command means it was a prompt command.
            if let Some(p) = pending.take() {
                open_turn(&mut s, p.text, Some(p.name), p.timestamp);
            }
            if s.model.is_none() {
                s.model = line
                    .message
                    .as_ref()
                    .and_then(|m| m.get("model"))
                    .and_then(Value::as_str)
                    .filter(|m| !m.starts_with('<'))
                    .map(str::to_owned);
            }
            for b in line.blocks() {
                match b.get("type").and_then(Value::as_str) {
                    Some("text") => {
                        if let (Some(t), Some(turn)) = (b.get("text").and_then(Value::as_str), s.turns.last_mut()) {
                            push_text(turn, t);
                        }
                    }
                    Some("tool_use") => {
                        let id = b.get("id").and_then(Value::as_str).unwrap_or("").to_owned();
                        if !id.is_empty() && !seen_calls.insert(id.clone()) {
                            continue;
                        }
                        let ti = s.turns.len().wrapping_sub(1);
                        let Some(turn) = s.turns.last_mut() else {
                            s.actions_before_first_prompt += 1;
                            continue;
                        };
                        let mut input = b.get("input").cloned().unwrap_or(Value::Null);
                        trim_value(&mut input);
                        let tool = b.get("name").and_then(Value::as_str).unwrap_or("?").to_owned();
                        call_at.insert(id.clone(), (ti, turn.calls.len()));
                        turn.calls.push(Call {
                            id,
                            tool,
                            input,
                            ..Call::default()
                        });
                    }
                    _ => {}
                }
            }
            continue;
        }
        // A user line on the main chain.
        for b in line.blocks() {
            if b.get("type").and_then(Value::as_str) != Some("tool_result") {
                continue;
            }
            let id = b.get("tool_use_id").and_then(Value::as_str).unwrap_or("");
            if let Some(&(t, c)) = call_at.get(id) {
                let call = &mut s.turns[t].calls[c];
                call.result = Some(result_text(b.get("content").unwrap_or(&Value::Null)));
                call.is_error = b.get("is_error").and_then(Value::as_bool);
            }
        }
        let Some(text) = line.user_text() else {
            continue;
        };
        if line.is_compact_summary == Some(true) {
            continue;
        }
        if line.is_meta == Some(true) {
            // The expansion of a prompt command: the command was the user's prompt.
            if let Some(p) = pending.take() {
                open_turn(&mut s, p.text, Some(p.name), p.timestamp);
            }
            continue;
        }
        if let Some((name, full)) = slash_command(&text) {
            pending = (!is_local_command(&name)).then_some(PendingSlash {
                name,
                text: full,
                timestamp: line.timestamp.clone(),
            });
            continue;
        }
        if is_claude_injected(&text) {
            if let Some(cmd) = tag(&text, "bash-input")
                && let Some(turn) = s.turns.last_mut()
            {
                turn.user_commands.push(cmd.to_owned());
            }
            // Local command output: the pending command was local after all.
            if text.trim_start().starts_with("<local-command") {
                pending = None;
            }
            continue;
        }
        pending = None;
        open_turn(&mut s, text, None, line.timestamp.clone());
    }
    if let Some(p) = pending.take() {
        open_turn(&mut s, p.text, Some(p.name), p.timestamp);
    }
    s.title = custom_title.or(ai_title).or(summary);
    // The file name is the session id (lines copied from a resumed session keep the old one).
    s.id = file_stem.to_owned();
    attach_inline(&mut s, chains);
    s.warnings = lines.warnings;
    s
}

fn open_turn(s: &mut RawSession, prompt: String, slash: Option<String>, at: Option<String>) {
    s.turns.push(RawTurn {
        prompt,
        slash,
        started_at: at,
        ..RawTurn::default()
    });
}

fn sidechain_line(
    line: &Line,
    chain_of: &mut HashMap<String, usize>,
    chains: &mut Vec<Sidechain>,
    turn: Option<usize>,
) {
    let parent = line.parent_uuid.as_ref().and_then(|p| chain_of.get(p).copied());
    let idx = match parent {
        Some(i) => i,
        None => {
            chains.push(Sidechain {
                agent: SubAgent {
                    origin: "inline".into(),
                    prompt: line.user_text().unwrap_or_default(),
                    first_timestamp: line.timestamp.clone(),
                    ..SubAgent::default()
                },
                turn,
                seen: HashSet::new(),
            });
            chains.len() - 1
        }
    };
    if let Some(u) = &line.uuid {
        chain_of.insert(u.clone(), idx);
    }
    let chain = &mut chains[idx];
    if line.ty.as_deref() == Some("assistant") {
        count_tool_uses(line, &mut chain.seen, &mut chain.agent);
    }
}

/// Counts (and keeps as actions) a sub-agent line's `tool_use` blocks not seen before.
pub(crate) fn count_tool_uses(line: &Line, seen: &mut HashSet<String>, agent: &mut SubAgent) {
    for b in line.blocks() {
        if b.get("type").and_then(Value::as_str) == Some("tool_use") {
            let id = b.get("id").and_then(Value::as_str).unwrap_or("");
            if id.is_empty() || seen.insert(id.to_owned()) {
                agent.actions += 1;
                let call = crate::transcript::Call {
                    id: id.to_owned(),
                    tool: b.get("name").and_then(Value::as_str).unwrap_or("?").to_owned(),
                    input: b.get("input").cloned().unwrap_or(Value::Null),
                    ..crate::transcript::Call::default()
                };
                agent.calls.push(crate::transcript::tools::action(&call));
            }
        }
    }
}

/// Ties each inline sidechain to the Task/Agent call whose prompt it received, else to the
/// turn it appeared in.
fn attach_inline(s: &mut RawSession, chains: Vec<Sidechain>) {
    for chain in chains {
        let turn = chain.turn;
        super::subagents::attach(s, chain.agent, None, turn);
    }
}
