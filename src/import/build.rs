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
use super::builder::LineBuilder;
use super::spool::Spool;
use crate::classify;
use crate::model::{Session, SubagentRun, Turn};
use crate::transcript::tools::action;
use crate::transcript::{RawSession, RawTurn};

/// The v1 session of a transcript, classified, with expertise and outcome estimated (or
/// taken from the expertise map).
pub fn build(raw: &RawSession, opts: &ImportOptions) -> Session {
    build_line(raw, opts).0
}

/// The session and its corpus line, the transcript classified once (the line carries the
/// expertise estimate's evidence, which [`to_line`] would estimate again).
pub fn build_line(raw: &RawSession, opts: &ImportOptions) -> (Session, String) {
    // In memory whatever its length: the caller holds the reading anyway.
    let mut b = LineBuilder::new(true, Spool::new(usize::MAX));
    let built = raw
        .turns
        .iter()
        .try_for_each(|t| b.push(t))
        .and_then(|()| b.finish(raw, opts))
        .and_then(|b| Ok((b.session, b.line.into_text()?)));
    built.expect("a line kept in memory is built without I/O")
}

/// A v1 turn of a reading, given its decisions.
pub(super) fn v1_turn(t: &RawTurn, decisions: Vec<crate::model::Decision>) -> Turn {
    Turn {
        prompt: t.prompt.clone(),
        actions: t.calls.iter().map(action).collect(),
        response: (!t.text.is_empty()).then(|| t.text.clone()),
        response_words: Some(t.words),
        decisions,
        subagent: t.subagents.iter().map(run).collect(),
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

/// The corpus line of a session: the v1 keys plus the extension keys above.
pub fn to_line(raw: &RawSession, session: &Session) -> String {
    let head = head_line(
        raw,
        session,
        &classify::expertise::estimate(raw),
        classify::is_redacted(raw),
    );
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
    head.replacen("\"turns\":[]", &format!("\"turns\":{turns}"), 1)
}

/// The session's line without its turns (`"turns":[]`): the v1 keys of `session` and the
/// extension keys of `raw`, the expertise estimate `est`. No JSON tree of the whole session
/// is built (for a session of thousands of turns it was the import's largest allocation):
/// the turns are written apart, in the head's place. Keys come out sorted either way, so
/// the bytes are those of one tree.
pub(super) fn head_line(raw: &RawSession, session: &Session, est: &classify::Estimate, redacted: bool) -> String {
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
    if redacted {
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
    // Spliced in below as text: one JSON tree per signal would be the head's largest part
    // for a transcript of many thousand prompts.
    o.insert("expertise_evidence".into(), json!([]));
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
    let evidence = serde_json::to_string(&est.evidence).expect("signals serialize");
    // `"expertise_evidence":[]` cannot occur inside a string (its quotes would be escaped),
    // and no other object of the head has that key.
    v.to_string().replacen(
        "\"expertise_evidence\":[]",
        &format!("\"expertise_evidence\":{evidence}"),
        1,
    )
}

/// A turn's extension keys.
pub(super) fn turn_keys(to: &mut serde_json::Map<String, Value>, t: &RawTurn) {
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
