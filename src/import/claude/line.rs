//! The fields of a Claude Code line that the importer reads, and inline sidechains.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use serde_json::Value;

use super::message::{Block, Content, Message};
use crate::transcript::{SubAgent, Usage};

/// The fields of a line that the importer reads; everything else is skipped unparsed.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Line {
    #[serde(rename = "type")]
    pub ty: Option<String>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub uuid: Option<String>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub parent_uuid: Option<String>,
    pub is_sidechain: Option<bool>,
    pub is_meta: Option<bool>,
    pub is_compact_summary: Option<bool>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub cwd: Option<String>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub session_id: Option<String>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub timestamp: Option<String>,
    #[serde(deserialize_with = "super::message::lenient_message")]
    pub message: Option<Message>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub summary: Option<String>,
    /// A `summary` line's last message: the session the summary is of.
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub leaf_uuid: Option<String>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub title: Option<String>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub ai_title: Option<String>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub custom_title: Option<String>,
    /// `queue-operation` lines: `enqueue`, `dequeue`, `remove`, `popAll`.
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub operation: Option<String>,
    /// `queue-operation` lines: the queued text.
    pub content: Option<Value>,
    /// `attachment` lines: `{type, ...}`.
    pub attachment: Option<Value>,
    /// `cli`, `sdk-cli`, an IDE's name, …: who ran the session.
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub entrypoint: Option<String>,
    /// On user lines: `typed`, `queued`, `system`, `sdk`.
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub prompt_source: Option<String>,
    /// `bg` on a background fork.
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub session_kind: Option<String>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub request_id: Option<String>,
    /// `permission-mode` lines (and user lines of some versions): `default`, `plan`, …
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub permission_mode: Option<String>,
}

impl Line {
    /// The `(message.id, requestId)` of an assistant line and its usage, for the session's
    /// token count.
    pub fn usage(&self) -> Option<((String, String), Usage)> {
        let m = self.message.as_ref()?;
        let u = m.usage.as_ref()?;
        let n = |k: &str| u.get(k).and_then(Value::as_u64).unwrap_or(0);
        let usage = Usage {
            input: n("input_tokens"),
            output: n("output_tokens"),
            cache_read: n("cache_read_input_tokens"),
            cache_creation: n("cache_creation_input_tokens"),
        };
        let id = m.id.clone().unwrap_or_default();
        Some(((id, self.request_id.clone().unwrap_or_default()), usage))
    }

    /// The user text of a line: its string content, or its `text` blocks joined.
    pub fn user_text(&self) -> Option<String> {
        match &self.message.as_ref()?.content {
            Content::Text(s) => Some(s.clone()),
            Content::Blocks(blocks) => {
                let texts: Vec<&str> = blocks
                    .iter()
                    .filter(|b| b.is("text"))
                    .filter_map(|b| b.text.as_deref())
                    .collect();
                (!texts.is_empty()).then(|| texts.join("\n"))
            }
            Content::None => None,
        }
    }

    pub fn blocks(&self) -> &[Block] {
        match self.message.as_ref().map(|m| &m.content) {
            Some(Content::Blocks(b)) => b,
            _ => &[],
        }
    }
}

/// An inline sidechain, keyed by its root line.
pub(super) struct Sidechain {
    pub agent: SubAgent,
    pub turn: Option<usize>,
    seen: HashSet<String>,
}

/// Inline sidechains of one session file.
#[derive(Default)]
pub(super) struct Sidechains {
    /// Sidechain line uuid -> index of its root in `chains`.
    chain_of: HashMap<String, usize>,
    /// `None` once handed on with its turn.
    pub chains: Vec<Option<Sidechain>>,
}

impl Sidechains {
    /// The chains started during a turn before `turn`, taken out.
    pub fn take_before(&mut self, turn: usize) -> Vec<Sidechain> {
        let before = |c: &Option<Sidechain>| c.as_ref().is_some_and(|c| c.turn.is_some_and(|t| t < turn));
        let taken: Vec<Sidechain> = self
            .chains
            .iter_mut()
            .filter(|c| before(c))
            .filter_map(Option::take)
            .collect();
        if !taken.is_empty() {
            let chains = &self.chains;
            self.chain_of.retain(|_, i| chains[*i].is_some());
        }
        taken
    }

    /// Adds a sidechain line: to the chain of its parent, else as the root of a new one.
    pub fn line(&mut self, line: &Line, turn: Option<usize>) {
        let parent = line.parent_uuid.as_ref().and_then(|p| self.chain_of.get(p).copied());
        let idx = match parent {
            Some(i) => i,
            None => {
                self.chains.push(Some(Sidechain {
                    agent: SubAgent {
                        origin: "inline".into(),
                        prompt: line.user_text().unwrap_or_default(),
                        first_timestamp: line.timestamp.clone(),
                        ..SubAgent::default()
                    },
                    turn,
                    seen: HashSet::new(),
                }));
                self.chains.len() - 1
            }
        };
        if let Some(u) = &line.uuid {
            self.chain_of.insert(u.clone(), idx);
        }
        let Some(chain) = &mut self.chains[idx] else {
            return;
        };
        if line.ty.as_deref() == Some("assistant") {
            count_tool_uses(line, &mut chain.seen, &mut chain.agent);
        }
    }
}

/// Counts (and keeps as actions) a sub-agent line's `tool_use` blocks not seen before.
pub(crate) fn count_tool_uses(line: &Line, seen: &mut HashSet<String>, agent: &mut SubAgent) {
    for b in line.blocks() {
        if b.is("tool_use") {
            let id = b.id.as_deref().unwrap_or("");
            if id.is_empty() || seen.insert(id.to_owned()) {
                agent.actions += 1;
                agent.call_ids.push(id.to_owned());
                let call = crate::transcript::Call {
                    id: id.to_owned(),
                    tool: b.name.clone().unwrap_or_else(|| "?".into()),
                    input: b.input.clone().unwrap_or(Value::Null),
                    ..crate::transcript::Call::default()
                };
                agent.calls.push(crate::transcript::tools::action(&call));
            }
        }
    }
}
