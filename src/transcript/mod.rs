//! The raw transcript model: what a reader (Claude Code, Codex) extracts from a file before
//! classification. Richer than the v1 model (tool inputs and results are kept, in trimmed
//! form) so that the classifier can look at plans, todo lists, answers and commands.
//!
//! Readers (`import`) write it; the classifier (`classify`) reads it; neither knows the other.

mod sink;
pub mod tools;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Which tool wrote a transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    #[default]
    ClaudeCode,
    Codex,
}

/// One transcript file, segmented into turns.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RawSession {
    pub id: String,
    pub format: Format,
    /// The transcript file it came from.
    pub file: String,
    /// From `ai-title` / `custom-title` / `summary` lines; `None` means "first prompt".
    pub title: Option<String>,
    pub project: Option<String>,
    pub started_at: Option<String>,
    pub model: Option<String>,
    pub turns: Vec<RawTurn>,
    /// Tool calls made before the first real prompt (not part of any turn).
    pub actions_before_first_prompt: u64,
    /// Sub-agents that could be tied to no turn.
    pub unattached_subagents: Vec<SubAgent>,
    /// Codex lines of a parent's history replayed by a fork, left out.
    #[serde(default)]
    pub replayed_lines: u64,
    /// Bad lines seen while reading (`file:line: reason`).
    pub warnings: Vec<String>,
    /// Who ran the session: `cli` (the interactive terminal), `ide` (an IDE extension or
    /// desktop app), `sdk` (the SDK, `claude -p`, `codex exec`), `fork` (a background or
    /// forked session replaying another); `None` when the file does not say (older
    /// versions). From Claude Code `entrypoint` / `promptSource` / `sessionKind`, Codex
    /// `session_meta` `source` / `originator` / `forked_from_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Tokens the session used, when the file records them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// Turns handed on before `turns[0]` (a transcript too big to hold: see [`TurnSink`]).
    #[serde(skip)]
    pub turns_before: usize,
}

/// Token usage of a session. Claude Code: summed over API responses, each (`message.id`,
/// `requestId`) once at its largest (streaming rewrites it as it grows). Codex: the last
/// `token_count` total (`input` there excludes the cached part).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// Input tokens not read from the cache.
    pub input: u64,
    pub output: u64,
    /// Input tokens read from the prompt cache.
    pub cache_read: u64,
    /// Input tokens written to the prompt cache (Claude Code only).
    pub cache_creation: u64,
}

/// One real human prompt and what the agent did until the next one.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RawTurn {
    pub prompt: String,
    /// `Some(name)` when the prompt is a slash command (`/orchestrator`).
    pub slash: Option<String>,
    pub started_at: Option<String>,
    /// Main-chain tool calls, deduplicated by id, in order.
    pub calls: Vec<Call>,
    /// The agent's prose, truncated to [`RESPONSE_KEEP`] bytes.
    pub text: String,
    /// Words of all of the agent's prose (not truncated).
    pub words: u64,
    /// Sub-agents started by this turn's Task/Agent calls.
    pub subagents: Vec<SubAgent>,
    /// Shell commands the user ran themselves (`!cmd`, `<bash-input>`) during the turn.
    pub user_commands: Vec<String>,
    /// Messages the user typed while the agent worked, delivered into this turn (Claude Code
    /// `queue-operation` enqueues and `queued_command` attachments), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mid_turn: Vec<String>,
    /// The user interrupted the agent during this turn (Claude Code `[Request interrupted by
    /// user]`, Codex `turn_aborted`), other than by rejecting a tool call (see [`Call::rejected`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub interrupted: bool,
    /// What the IDE put around the prompt, kept apart from it: Claude Code
    /// `<ide_opened_file>` / `<ide_selection>` blocks before the prompt, Codex's `## Active
    /// file:` / `## Open tabs:` sections before `## My request for Codex:`. Context the user
    /// did not type; `None` when the prompt came without any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ide_context: Option<String>,
    /// Plan mode was on during the turn (Claude Code `permission-mode` `plan`, Codex
    /// `turn_context.collaboration_mode` `plan`): the agent may only plan, not change files.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub plan_mode: bool,
    /// The `uuid` of the line that opened the turn (Claude Code): a fork replays its
    /// parent's lines with the same uuids, so a turn seen in two files is counted once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
}

/// The agent's prose kept per turn.
pub const RESPONSE_KEEP: usize = 4096;
/// Longest string kept inside a tool input or result.
pub const FIELD_KEEP: usize = 2048;

/// One tool call.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Call {
    pub id: String,
    pub tool: String,
    /// The input, with long strings trimmed to [`FIELD_KEEP`] bytes.
    pub input: Value,
    /// The result text (trimmed), once it came back.
    pub result: Option<String>,
    pub is_error: Option<bool>,
    /// The user refused this call when asked for permission ("The user doesn't want to
    /// proceed with this tool use", Codex "patch rejected by user"): a veto, so the call did
    /// not happen and is not the agent's decision.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rejected: bool,
}

/// A sub-agent's own transcript, counted apart from the main chain.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SubAgent {
    /// The Task/Agent call that started it, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where it was found: `inline`, `subagents`, or `legacy` (an `agent-*.jsonl` beside).
    pub origin: String,
    /// Its tool calls, deduplicated by id.
    pub actions: u64,
    /// Those calls (tool and target), shown nested under the call that started it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<crate::model::Action>,
    /// How deep it was started: 0 by the main chain, 1 by a sub-agent, … (Claude Code
    /// `meta.json` `toolUseId` naming a call of another sub-agent).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub depth: u32,
    /// It only looked (read, searched, fetched) and changed nothing: an `Explore` or `Plan`
    /// agent (`agentType`), or one whose every call was a look. Its calls are the agent
    /// gathering information, never execution decisions.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    /// Where a workflow run put it (`subagents/workflows/<id>/`): the workflow's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    /// The ids of its tool calls, to find the sub-agents it started in turn.
    #[serde(skip)]
    pub call_ids: Vec<String>,
    #[serde(skip)]
    pub prompt: String,
    #[serde(skip)]
    pub first_timestamp: Option<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

pub use crate::text::truncate;
pub use sink::{HOLD, HoldAll, KEEP_TURNS, TurnSink};
pub use tools::{ToolKind, kind};

/// Trims every long string inside a JSON value, in place.
pub fn trim_value(v: &mut Value) {
    match v {
        Value::String(s) if s.len() > FIELD_KEEP => {
            let keep = truncate(s, FIELD_KEEP).len();
            s.truncate(keep);
        }
        Value::Array(a) => a.iter_mut().for_each(trim_value),
        Value::Object(o) => o.values_mut().for_each(trim_value),
        _ => {}
    }
}

/// Appends prose to a turn's response, keeping at most [`RESPONSE_KEEP`] bytes.
pub fn push_text(turn: &mut RawTurn, text: &str) {
    turn.words += crate::model::count_words(text);
    if turn.text.len() >= RESPONSE_KEEP {
        return;
    }
    if !turn.text.is_empty() {
        turn.text.push_str("\n\n");
    }
    let room = RESPONSE_KEEP.saturating_sub(turn.text.len());
    turn.text.push_str(truncate(text, room));
}

/// The text of a tool result's `content`: a string, or the `text` of its blocks.
pub fn result_text(content: &Value) -> String {
    match content {
        Value::String(s) => truncate(s, FIELD_KEEP).to_owned(),
        Value::Array(a) => {
            let mut out = String::new();
            for b in a {
                if let Some(t) = b.get("text").and_then(Value::as_str) {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(t);
                    if out.len() > FIELD_KEEP {
                        break;
                    }
                }
            }
            truncate(&out, FIELD_KEEP).to_owned()
        }
        _ => String::new(),
    }
}
