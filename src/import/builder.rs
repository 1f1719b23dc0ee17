//! A session's corpus line built turn by turn: each turn is classified and written out as it
//! comes, so that a transcript too big to hold is never held (nor its line: see
//! [`super::spool`]). [`super::build_line`] is this builder fed every turn of a reading.

use std::io;

use serde_json::{Map, Value};

use super::ImportOptions;
use super::build::{head_line, turn_keys, v1_turn};
use super::forks::TurnKeys;
use super::spool::{Line, Spool};
use crate::classify;
use crate::model::{Session, Turn, first_line};
use crate::transcript::{RawSession, RawTurn, truncate};

/// The last turn pushed: its decisions wait for the next prompt (bare assent ratifies them).
struct Held {
    turn: Turn,
    keys: Map<String, Value>,
    interrupted: bool,
}

/// Builds a session's line from its turns, in order; [`LineBuilder::finish`] adds the
/// session's head.
pub struct LineBuilder {
    stream: classify::Stream,
    redaction: classify::Redaction,
    held: Option<Held>,
    turns: Spool,
    written: usize,
    first_prompt: Option<String>,
    subagent_actions: u64,
    counts: Counts,
    keys: Vec<Option<u128>>,
    /// The v1 turns, when the caller keeps the session.
    kept: Option<Vec<Turn>>,
}

/// What a session holds, as `leash doctor` reports it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub turns: u64,
    /// Main-chain tool calls.
    pub actions: u64,
    /// Sub-agents, tied to a turn or not.
    pub subagents: u64,
}

/// What [`LineBuilder::finish`] gives.
pub struct Built {
    /// The session: its turns only when the builder kept them.
    pub session: Session,
    pub line: Line,
    /// The turns' keys, for [`super::forks`].
    pub keys: TurnKeys,
    pub counts: Counts,
}

impl LineBuilder {
    /// A builder; `keep` keeps the v1 turns for [`Built::session`].
    pub fn new(keep: bool, spool: Spool) -> LineBuilder {
        LineBuilder {
            stream: classify::Stream::default(),
            redaction: classify::Redaction::default(),
            held: None,
            turns: spool,
            written: 0,
            first_prompt: None,
            subagent_actions: 0,
            counts: Counts::default(),
            keys: Vec::new(),
            kept: keep.then(Vec::new),
        }
    }

    /// The session's next turn.
    pub fn push(&mut self, t: &RawTurn) -> io::Result<()> {
        if let Some(h) = self.held.take() {
            self.write(h, Some(&t.prompt))?;
        }
        let decisions = self.stream.turn(t);
        self.redaction.turn(t);
        self.keys
            .push(t.uuid.as_deref().map(|u| super::forks::key(u, &t.prompt)));
        self.subagent_actions += t.subagents.iter().map(|a| a.actions).sum::<u64>();
        self.counts.turns += 1;
        self.counts.actions += t.calls.len() as u64;
        self.counts.subagents += t.subagents.len() as u64;
        if self.first_prompt.is_none() {
            self.first_prompt = Some(truncate(first_line(&t.prompt), 200).to_owned());
        }
        let mut keys = Map::new();
        turn_keys(&mut keys, t);
        self.held = Some(Held {
            turn: v1_turn(t, decisions),
            keys,
            interrupted: t.interrupted,
        });
        Ok(())
    }

    fn write(&mut self, mut h: Held, next_prompt: Option<&str>) -> io::Result<()> {
        classify::ratify(&mut h.turn.decisions, h.interrupted, next_prompt);
        let mut tv = serde_json::to_value(&h.turn).expect("a turn serializes");
        if let Some(o) = tv.as_object_mut() {
            o.append(&mut h.keys);
        }
        if self.written > 0 {
            self.turns.push(b",")?;
        }
        self.turns.push(tv.to_string().as_bytes())?;
        self.written += 1;
        if let Some(k) = &mut self.kept {
            k.push(h.turn);
        }
        Ok(())
    }

    /// The line, given the reading's session-wide fields (`raw.turns` is not looked at: the
    /// turns are those pushed).
    pub fn finish(mut self, raw: &RawSession, opts: &ImportOptions) -> io::Result<Built> {
        if let Some(h) = self.held.take() {
            self.write(h, None)?;
        }
        let (est, outcome) = self.stream.finish();
        let unattached: u64 = raw.unattached_subagents.iter().map(|a| a.actions).sum();
        let expertise = opts.expertise_map.lookup(&raw.id, raw.project.as_deref()).or(est.level);
        let mut session = Session {
            id: raw.id.clone(),
            title: raw.title.clone().or(self.first_prompt),
            project: raw.project.clone(),
            // A damaged timestamp is left out: the line must load (the loader checks RFC 3339).
            started_at: raw.started_at.clone().filter(|t| crate::text::is_rfc3339(t)),
            model: raw.model.clone(),
            expertise: crate::model::Expertise(expertise),
            mode: None,
            outcome,
            turns: Vec::new(),
            estimated: vec!["expertise".into(), "outcome".into()],
            subagent_actions: Some(self.subagent_actions + unattached),
        };
        let head = head_line(raw, &session, &est, self.redaction.redacted());
        drop(est);
        // `"turns":[]` cannot occur inside a string of the head (its quotes would be escaped),
        // and no other object of the head has a `turns` key: the turns go between its brackets.
        const TURNS: &str = "\"turns\":[";
        let at = head.find("\"turns\":[]").expect("the head has its turns") + TURNS.len();
        let line = self.turns.into_line(&head[..at], &head[at..])?;
        let mut kept = self.kept.unwrap_or_default();
        kept.shrink_to_fit();
        session.turns = kept;
        Ok(Built {
            session,
            line,
            keys: TurnKeys {
                fork: raw.origin.as_deref() == Some("fork"),
                keys: self.keys,
            },
            counts: Counts {
                subagents: self.counts.subagents + raw.unattached_subagents.len() as u64,
                ..self.counts
            },
        })
    }
}
