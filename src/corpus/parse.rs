//! Parses one corpus line straight into per-session aggregates.
//!
//! Every value is validated against the v1 types, but actions and decisions are only
//! counted: nothing per action or per decision outlives the line.

use std::borrow::Cow;
use std::sync::Arc;

use crate::model::{Outcome, first_line};

use super::DecisionTally;

mod raw;

pub(super) use raw::{ActionsAgg, DecisionsAgg, RawSession, TurnsAgg, id_hash};

/// How much of the first prompt is kept for search and display in the list.
pub const FIRST_PROMPT_KEEP: usize = 480;

/// A session line reduced to what the list, filters and metrics need.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedSession {
    // In the row's own types, allocated here on the parsing threads rather than converted on
    // the one that gathers the rows.
    pub id: Arc<str>,
    pub title: Box<str>,
    pub project: String,
    pub first_prompt: Box<str>,
    pub started_at: Option<Box<str>>,
    pub model: Option<String>,
    /// Where the session came from (`claude`, `codex`, …): an optional extension key of the
    /// v1 line (see docs/corpus-format.md).
    pub origin: Option<String>,
    pub expertise: Option<u8>,
    pub mode: Option<String>,
    pub outcome: Option<Outcome>,
    pub turns: u32,
    pub actions: u64,
    pub failed_actions: u32,
    pub words: u64,
    pub max_turn_actions: u32,
    pub tally: DecisionTally,
    /// Which facets the importer estimated: [`ESTIMATED_EXPERTISE`], [`ESTIMATED_OUTCOME`].
    pub estimated: u8,
    pub subagent_actions: u64,
    /// The importer found the transcript's text redacted: its decisions are left out of the
    /// tally (and so of every share), the session counted apart.
    pub redacted: bool,
}

pub const ESTIMATED_EXPERTISE: u8 = 1;
pub const ESTIMATED_OUTCOME: u8 = 2;

/// The part of the first prompt a row keeps.
pub(super) fn first_prompt(prompt: &str) -> String {
    crate::text::truncate(prompt, FIRST_PROMPT_KEEP).to_owned()
}

/// Parses one non-blank line. The error is a one-line reason without the line number.
pub fn parse_line(line: &[u8]) -> Result<ParsedSession, String> {
    parse_line_with(line, &mut ())
}

/// [`parse_line`], telling `v` the turns, actions and decisions of a line it takes. When the
/// fast path gives up, `v` is told nothing by it ([`Reread::reread`] then has the line).
pub(crate) fn parse_line_with<'a, V: super::fast::Visit<'a> + Reread>(
    line: &'a [u8],
    v: &mut V,
) -> Result<ParsedSession, String> {
    // The fast path (one validating scan, no tree); whatever it refuses, the reference path
    // (serde derive over serde_json) decides and words, so the two never disagree on what
    // loads. The scan refuses any NUL byte (a test holds it to that), so only a refused line
    // needs looking for one.
    let raw: RawSession = match super::fast::parse_with(line, v) {
        Some(r) => r,
        None => {
            if let Some(col) = memchr::memchr(0, line) {
                return Err(format!("NUL byte at column {}", col + 1));
            }
            let raw = serde_json::from_slice(line).map_err(|e| json_reason(&e))?;
            v.reread(line)?;
            raw
        }
    };
    finish(raw, line)
}

/// What a [`super::fast::Visit`] does with a line the fast path gave up on, once the
/// reference path has taken it: forget what the fast path told it, and read the line its
/// own way (an error refuses the line).
pub(crate) trait Reread {
    fn reread(&mut self, line: &[u8]) -> Result<(), String>;
}

impl Reread for () {
    fn reread(&mut self, _line: &[u8]) -> Result<(), String> {
        Ok(())
    }
}

/// The checks past the types, and the row.
fn finish(raw: RawSession, line: &[u8]) -> Result<ParsedSession, String> {
    if let Some(ts) = &raw.started_at
        && !crate::text::is_rfc3339(ts)
    {
        return Err(format!("started_at {ts:?} is not an RFC 3339 time"));
    }
    if raw.turns.duplicate_decision
        && let Some(reason) = duplicate_decision_reason(line)
    {
        return Err(reason);
    }
    let first_prompt = raw.turns.first_prompt.unwrap_or_default();
    let title = match raw.title {
        Some(t) => Box::from(&*t),
        None => Box::from(first_line(&first_prompt)),
    };
    Ok(ParsedSession {
        id: Arc::from(&*raw.id),
        title,
        project: raw.project.map(Cow::into_owned).unwrap_or_default(),
        first_prompt: first_prompt.into_boxed_str(),
        started_at: raw.started_at.as_deref().map(Box::from),
        model: raw.model.map(Cow::into_owned),
        origin: raw.origin.map(Cow::into_owned),
        expertise: raw.expertise.0,
        mode: raw.mode.map(Cow::into_owned),
        outcome: raw.outcome,
        turns: raw.turns.turns,
        actions: raw.turns.actions,
        failed_actions: raw.turns.failed,
        words: raw.turns.words,
        max_turn_actions: raw.turns.max_turn_actions,
        tally: if raw.redacted == Some(true) {
            DecisionTally::default()
        } else {
            raw.turns.tally
        },
        estimated: raw.estimated.iter().fold(0, |acc, f| match f.as_ref() {
            "expertise" => acc | ESTIMATED_EXPERTISE,
            "outcome" => acc | ESTIMATED_OUTCOME,
            _ => acc,
        }),
        subagent_actions: raw.subagent_actions.unwrap_or(0),
        redacted: raw.redacted == Some(true),
    })
}

/// The rare path after two decision ids hashed alike: parse the line in full and compare the
/// ids themselves, naming the repeated one; `None` when no id actually repeats.
fn duplicate_decision_reason(line: &[u8]) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    let Ok(s) = serde_json::from_slice::<crate::model::Session>(line) else {
        return Some("a decision id repeats within the session".to_owned());
    };
    for d in s.turns.iter().flat_map(|t| &t.decisions) {
        if !seen.insert(d.id.clone()) {
            return Some(format!("decision id {:?} repeats within session {:?}", d.id, s.id));
        }
    }
    None
}

/// serde_json's message without its "at line 1 column N" tail, with the column kept.
pub fn json_reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let head = msg.split(" at line ").next().unwrap_or(&msg);
    let head = if e.is_syntax() || e.is_eof() {
        format!("not valid JSON: {head}")
    } else {
        head.to_owned()
    };
    if e.column() > 0 {
        format!("{head} (column {})", e.column())
    } else {
        head
    }
}

#[cfg(test)]
pub(crate) mod fuzz;
#[cfg(test)]
mod tests;
