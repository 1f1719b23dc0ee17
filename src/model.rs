//! The v1 corpus model (`docs/corpus-format.md`): owned, serde-ready types.
//!
//! These are used to write corpora (generator, importer) and to hold the one session a
//! person has opened. Bulk loading never builds them: it aggregates each line straight into
//! a [`crate::corpus::SessionRow`].

use serde::{Deserialize, Serialize};

mod labels;

pub use labels::*;

/// One session: a line of a v1 corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Session {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "is_unknown")]
    pub expertise: Expertise,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    pub turns: Vec<Turn>,
    /// Not part of v1 (readers ignore it): the fields leash's importer estimated
    /// (`expertise`, `outcome`) rather than read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub estimated: Vec<String>,
    /// Not part of v1: tool calls made by sub-agents, counted apart from `actions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subagent_actions: Option<u64>,
}

impl Session {
    /// The title, else the first line of the first prompt (as v1 says), else the id.
    pub fn display_title(&self) -> &str {
        self.title
            .as_deref()
            .or_else(|| self.turns.first().map(|t| first_line(&t.prompt)))
            .filter(|t| !t.is_empty())
            .unwrap_or(&self.id)
    }

    pub fn is_estimated(&self, field: &str) -> bool {
        self.estimated.iter().any(|f| f == field)
    }
}

fn is_unknown(e: &Expertise) -> bool {
    e.0.is_none()
}

/// One user prompt and everything the agent did until the next one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Turn {
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_words: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Not part of v1: the sub-agents this turn started, with their own tool calls.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subagent: Vec<SubagentRun>,
}

/// A sub-agent (Claude Code's Task/Agent tool) and the tool calls it made; never counted
/// among the main chain's actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SubagentRun {
    /// The main chain's call that started it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the importer found it: `inline`, `subagents` or `legacy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    #[serde(default)]
    pub actions: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<Action>,
}

impl Turn {
    /// Words the agent wrote: `response_words`, else the tokens of `response`, else 0.
    pub fn words(&self) -> u64 {
        self.response_words
            .unwrap_or_else(|| self.response.as_deref().map_or(0, count_words))
    }
}

/// Whitespace-separated tokens, the fallback for `response_words`.
pub fn count_words(s: &str) -> u64 {
    s.split_whitespace().count() as u64
}

/// One tool call of the agent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Action {
    pub tool: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ok: Option<bool>,
}

/// One labelled decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub id: String,
    pub kind: Kind,
    pub actor: Actor,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratified: Option<bool>,
    /// Not part of v1: the classifier rule that produced it (kept by readers as an unknown key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl Decision {
    pub fn is_ratified(&self) -> bool {
        self.ratified == Some(true)
    }
}

/// The first line of a prompt, the default title.
pub fn first_line(s: &str) -> &str {
    s.trim_start().lines().next().unwrap_or("").trim_end()
}

#[cfg(test)]
mod tests;
