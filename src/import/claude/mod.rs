//! Claude Code session files: turns from real prompts, main-chain tool calls, the user's
//! vetoes (rejected calls, interrupts) and mid-turn messages, inline sidechains, and the
//! sub-agent files beside or below the session.

mod line;
mod message;
mod parts;
mod persisted;
mod queue;
mod summary;
mod user;
mod who;

use std::collections::{HashMap, HashSet};
use std::io::BufRead;

use serde_json::Value;

use line::Sidechains;
pub(crate) use line::{Line, count_tool_uses};
pub use persisted::resolve_persisted;
use queue::{Queue, queued_prompt};
use summary::Summaries;
pub(crate) use who::Tokens;
use who::Who;

use super::lines::JsonLines;
use crate::transcript::{Call, Format, HoldAll, KEEP_TURNS, RawSession, RawTurn, TurnSink, push_text, trim_value};
use parts::session_id;

/// What a tool result says when the user refused the call at the permission prompt.
const REJECTED: &[&str] = &[
    "The user doesn't want to proceed with this tool use",
    "The user doesn't want to take this action right now",
];

/// Is this tool result the user's refusal?
pub fn is_rejection(result: &str) -> bool {
    REJECTED.iter().any(|r| result.contains(r))
}

/// A slash command waiting to see whether its expansion follows.
struct PendingSlash {
    uuid: Option<String>,
    name: String,
    text: String,
    timestamp: Option<String>,
}

/// What the reader carries from line to line.
#[derive(Default)]
struct State {
    s: RawSession,
    seen_calls: HashSet<String>,
    call_at: HashMap<String, (usize, usize)>,
    pending: Option<PendingSlash>,
    side: Sidechains,
    queue: Queue,
    /// A call was just rejected: the `[Request interrupted by user for tool use]` that
    /// follows is part of that rejection, not an interrupt of its own.
    rejected_last: bool,
    /// IDE context of a line that held nothing else, for the next prompt.
    ide_context: Option<String>,
    /// Plan mode is on (the latest `permissionMode`).
    plan: bool,
    who: Who,
    usage: Tokens,
    /// Some line's `sessionId` is the file name.
    stem_named: bool,
    last_session_id: Option<String>,
}

/// Parses one session file (not its sub-agent files; see [`super::subagents`]).
pub fn parse<R: BufRead>(reader: R, name: &str, file_stem: &str) -> RawSession {
    read(reader, name, file_stem, &mut HoldAll)
}

/// [`parse`], handing turns on to `sink` as it goes when the sink streams (the returned
/// reading then holds the last turns only).
pub fn read<R: BufRead>(reader: R, name: &str, file_stem: &str, sink: &mut dyn TurnSink) -> RawSession {
    let mut lines = JsonLines::new(reader, name);
    let mut handed = 0;
    let mut st = State::default();
    st.s.format = Format::ClaudeCode;
    st.s.file = name.to_owned();
    let (mut custom_title, mut ai_title, mut summaries) = (None, None, Summaries::default());
    while let Some((ln, line)) = lines.next_value::<Line>() {
        if sink.hold().is_some_and(|h| lines.bytes - handed > h) && st.s.turns.len() > KEEP_TURNS {
            handed = lines.bytes;
            st.hand_on(sink, file_stem);
        }
        let ty = line.ty.as_deref().unwrap_or("");
        let turn = st.turns().checked_sub(1);
        summaries.seen(line.uuid.as_deref());
        st.who.line(&line);
        if let Some(id) = &line.session_id
            && line.is_sidechain != Some(true)
        {
            st.stem_named |= id == file_stem;
            if st.last_session_id.as_ref() != Some(id) {
                st.last_session_id = Some(id.clone());
            }
        }
        if let Some(m) = &line.permission_mode {
            st.plan = m == "plan";
        }
        if ty == "assistant" {
            st.usage.line(&line);
        }
        match ty {
            "summary" => summaries.add(&line),
            // The latest title line wins.
            "ai-title" => ai_title = line.ai_title.clone().or(line.title.clone()).or(ai_title),
            "custom-title" => custom_title = line.custom_title.clone().or(line.title.clone()).or(custom_title),
            "queue-operation" => {
                let op = line.operation.as_deref().unwrap_or("");
                if let Some(text) = st.queue.operation(op, line.content.as_ref(), ln, turn) {
                    st.open_turn(text, None, line.timestamp.clone(), line.uuid.clone());
                }
            }
            "attachment" => {
                if let Some(text) = line.attachment.as_ref().and_then(queued_prompt)
                    && let Some(text) = st.queue.attachment(text, ln, turn)
                {
                    st.open_turn(text, None, line.timestamp.clone(), line.uuid.clone());
                }
            }
            _ => {}
        }
        if ty != "user" && ty != "assistant" {
            continue;
        }
        if st.s.project.is_none() {
            st.s.project = line.cwd.clone();
        }
        if st.s.started_at.is_none() {
            st.s.started_at = line.timestamp.clone();
        }
        if line.is_sidechain == Some(true) {
            st.side.line(&line, turn);
        } else if ty == "assistant" {
            st.assistant(&line);
        } else {
            st.user(&line);
        }
    }
    let mut st = st;
    if let Some(p) = st.pending.take() {
        st.open_turn(p.text, Some(p.name), p.timestamp, p.uuid);
    }
    let mut s = st.s;
    for (t, text) in st.queue.finish() {
        s.turns[t - s.turns_before].mid_turn.push(text);
    }
    s.title = custom_title.or(ai_title).or(summaries.title());
    s.origin = st.who.origin();
    s.usage = st.usage.total();
    // The session id is the `sessionId` its lines carry: the file name when some line names
    // it (lines copied from a resumed session keep the old id, the file name does not),
    // else the last one seen, else the file name.
    s.id = session_id(st.last_session_id, st.stem_named, file_stem);
    for chain in st.side.chains.into_iter().flatten() {
        let turn = chain.turn.map(|t| t - s.turns_before);
        super::subagents::attach(&mut s, chain.agent, None, turn);
    }
    s.warnings = lines.warnings;
    s
}

impl State {
    /// Turns so far, those handed on included: the index the next turn will have.
    fn turns(&self) -> usize {
        self.s.turns_before + self.s.turns.len()
    }

    fn open_turn(&mut self, prompt: String, slash: Option<String>, at: Option<String>, uuid: Option<String>) {
        self.rejected_last = false;
        self.s.turns.push(RawTurn {
            prompt,
            slash,
            started_at: at,
            ide_context: self.ide_context.take(),
            plan_mode: self.plan,
            uuid,
            ..RawTurn::default()
        });
    }

    fn assistant(&mut self, line: &Line) {
        self.rejected_last = false;
        // The agent answering a pending slash command means it was a prompt command.
        if let Some(p) = self.pending.take() {
            self.open_turn(p.text, Some(p.name), p.timestamp, p.uuid);
        }
        let s = &mut self.s;
        if s.model.is_none() {
            s.model = (line.message.as_ref())
                .and_then(|m| m.model.clone())
                .filter(|m| !m.starts_with('<'));
        }
        for b in line.blocks() {
            match b.ty.as_deref() {
                Some("text") => {
                    if let (Some(t), Some(turn)) = (b.text.as_deref(), s.turns.last_mut()) {
                        push_text(turn, t);
                    }
                }
                Some("tool_use") => {
                    let id = b.id.clone().unwrap_or_default();
                    if !id.is_empty() && !self.seen_calls.insert(id.clone()) {
                        continue;
                    }
                    let ti = (s.turns_before + s.turns.len()).wrapping_sub(1);
                    let Some(turn) = s.turns.last_mut() else {
                        s.actions_before_first_prompt += 1;
                        continue;
                    };
                    let mut input = b.input.clone().unwrap_or(Value::Null);
                    trim_value(&mut input);
                    let tool = b.name.clone().unwrap_or_else(|| "?".into());
                    self.call_at.insert(id.clone(), (ti, turn.calls.len()));
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
    }
}
