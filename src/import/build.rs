//! From a [`RawSession`] to a v1 [`Session`] and its corpus line with leash's extension keys
//! (ignored by v1 readers):
//!
//! - session: `source_format`, `source_file`, `redacted` (true when the transcript's text is
//!   redaction markers: its decisions cannot be read), `estimated` (`["expertise", "outcome"]`, the
//!   fields that are leash's estimates), `subagent_actions` (all sub-agents' tool calls),
//!   `subagents_unattached` (sub-agents tied to no turn), `actions_before_first_prompt`,
//!   `replayed_lines_skipped` (a Codex fork's replay of its parent), `origin` (`cli`, `ide`,
//!   `sdk`, `fork`; absent when the file does not say), `usage` (`{input, output,
//!   cache_read, cache_creation}` tokens), `expertise_confidence` (`none` when the estimate is
//!   unknown, `low`, `medium`, `high`, or `given` when the expertise map set the level),
//!   `expertise_evidence` (`[{signal, turn, quote}]`, the signals that fired) and
//!   `expertise_messages` / `expertise_words` (how much of the user's own words was read);
//! - turn: `subagent_actions` and `subagent` (`[{call_id, agent_type, description, origin,
//!   actions, calls: [{tool, target}]}]`), `slash_command`, `mid_turn` (messages the user
//!   typed while the agent worked), `interrupted` and `plan_mode` (when true), `uuid` (the
//!   Claude Code line that opened it, by which a fork's replay is recognised).

use serde_json::{Value, json};

use super::ImportOptions;
use crate::classify;
use crate::model::{Expertise, Session, SubagentRun, Turn, first_line};
use crate::transcript::tools::action;
use crate::transcript::{RawSession, truncate};

/// The v1 session of a transcript, classified, with expertise and outcome estimated (or
/// taken from the expertise map).
pub fn build(raw: &RawSession, opts: &ImportOptions) -> Session {
    session_of(raw, opts, classify::classify(raw))
}

/// The session and its corpus line, the transcript classified once (the line carries the
/// expertise estimate's evidence, which [`to_line`] would estimate again).
pub fn build_line(raw: &RawSession, opts: &ImportOptions) -> (Session, String) {
    let c = classify::classify(raw);
    let est = c.expertise.clone();
    let session = session_of(raw, opts, c);
    let line = line_with(raw, &session, &est);
    (session, line)
}

fn session_of(raw: &RawSession, opts: &ImportOptions, c: classify::Classified) -> Session {
    let mut turns: Vec<Turn> = raw
        .turns
        .iter()
        .zip(c.decisions)
        .map(|(t, decisions)| Turn {
            prompt: t.prompt.clone(),
            actions: t.calls.iter().map(action).collect(),
            response: (!t.text.is_empty()).then(|| t.text.clone()),
            response_words: Some(t.words),
            decisions,
            subagent: t.subagents.iter().map(run).collect(),
        })
        .collect();
    turns.shrink_to_fit();
    let title = raw.title.clone().or_else(|| {
        raw.turns
            .first()
            .map(|t| truncate(first_line(&t.prompt), 200).to_owned())
    });
    let expertise = opts
        .expertise_map
        .lookup(&raw.id, raw.project.as_deref())
        .or(c.expertise.level);
    Session {
        id: raw.id.clone(),
        title,
        project: raw.project.clone(),
        // A damaged timestamp is left out: the line must load (the loader checks RFC 3339).
        started_at: raw.started_at.clone().filter(|t| crate::text::is_rfc3339(t)),
        model: raw.model.clone(),
        expertise: Expertise(expertise),
        mode: None,
        outcome: c.outcome,
        turns,
        estimated: vec!["expertise".into(), "outcome".into()],
        subagent_actions: Some(subagent_actions(raw)),
    }
}

fn run(a: &crate::transcript::SubAgent) -> SubagentRun {
    SubagentRun {
        call_id: a.call_id.clone(),
        agent_type: a.agent_type.clone(),
        description: a.description.clone(),
        origin: Some(a.origin.clone()),
        actions: a.actions,
        calls: a.calls.clone(),
    }
}

/// Tool calls of all the session's sub-agents, attached to a turn or not.
fn subagent_actions(raw: &RawSession) -> u64 {
    raw.turns
        .iter()
        .flat_map(|t| &t.subagents)
        .chain(&raw.unattached_subagents)
        .map(|a| a.actions)
        .sum()
}

/// The corpus line of a session: the v1 keys plus the extension keys above.
pub fn to_line(raw: &RawSession, session: &Session) -> String {
    line_with(raw, session, &classify::expertise::estimate(raw))
}

fn line_with(raw: &RawSession, session: &Session, est: &classify::expertise::Estimate) -> String {
    // The session without its turns, then each turn on its own: no JSON tree of the whole
    // session is built (for a session of thousands of turns it was the import's largest
    // allocation). Keys come out sorted either way, so the bytes are those of one tree.
    let head = Session {
        id: session.id.clone(),
        title: session.title.clone(),
        project: session.project.clone(),
        started_at: session.started_at.clone(),
        model: session.model.clone(),
        expertise: session.expertise,
        mode: session.mode.clone(),
        outcome: session.outcome,
        turns: Vec::new(),
        estimated: session.estimated.clone(),
        subagent_actions: session.subagent_actions,
    };
    let mut v = serde_json::to_value(&head).expect("a session serializes");
    let o = v.as_object_mut().expect("a session is an object");
    o.insert("source_format".into(), json!(raw.format));
    o.insert("source_file".into(), json!(raw.file));
    if classify::is_redacted(raw) {
        o.insert("redacted".into(), json!(true));
    }
    if !raw.unattached_subagents.is_empty() {
        o.insert("subagents_unattached".into(), json!(raw.unattached_subagents));
    }
    if raw.replayed_lines > 0 {
        o.insert("replayed_lines_skipped".into(), json!(raw.replayed_lines));
    }
    if let Some(origin) = &raw.origin {
        o.insert("origin".into(), json!(origin));
    }
    // The map's level, when it differs from the estimate, was given by hand.
    let given = session.expertise.0.is_some() && session.expertise.0 != est.level;
    let confidence = if given { "given" } else { est.confidence.name() };
    o.insert("expertise_confidence".into(), json!(confidence));
    o.insert("expertise_evidence".into(), json!(est.evidence));
    o.insert("expertise_messages".into(), json!(est.messages));
    o.insert("expertise_words".into(), json!(est.words));
    if let Some(u) = &raw.usage {
        o.insert("usage".into(), json!(u));
    }
    if raw.actions_before_first_prompt > 0 {
        o.insert(
            "actions_before_first_prompt".into(),
            json!(raw.actions_before_first_prompt),
        );
    }
    let head = v.to_string();
    let mut turns = String::from("[");
    for (k, turn) in session.turns.iter().enumerate() {
        if k > 0 {
            turns.push(',');
        }
        let mut tv = serde_json::to_value(turn).expect("a turn serializes");
        if let (Some(to), Some(t)) = (tv.as_object_mut(), raw.turns.get(k)) {
            turn_keys(to, t);
        }
        turns.push_str(&tv.to_string());
    }
    turns.push(']');
    // `"turns":[]` cannot occur inside a string of the head (its quotes would be escaped),
    // and no other object of the head has a `turns` key.
    head.replacen("\"turns\":[]", &format!("\"turns\":{turns}"), 1)
}

/// A turn's extension keys.
fn turn_keys(to: &mut serde_json::Map<String, Value>, t: &crate::transcript::RawTurn) {
    if !t.subagents.is_empty() {
        let n: u64 = t.subagents.iter().map(|a| a.actions).sum();
        to.insert("subagent_actions".into(), json!(n));
    }
    if let Some(s) = &t.slash {
        to.insert("slash_command".into(), json!(s));
    }
    if let Some(u) = &t.uuid {
        to.insert("uuid".into(), json!(u));
    }
    if !t.mid_turn.is_empty() {
        to.insert("mid_turn".into(), json!(t.mid_turn));
    }
    for (key, on) in [("interrupted", t.interrupted), ("plan_mode", t.plan_mode)] {
        if on {
            to.insert(key.into(), json!(true));
        }
    }
}
