//! The hot path of loading: sonic-rs parses a line into its own tree (SIMD, about twice as
//! fast as going through serde's derive), then this module checks every v1 type by hand and
//! aggregates the session.
//!
//! It only ever accepts what the reference path in `parse.rs` (serde derive over serde_json)
//! accepts: at the first thing it does not like, it answers `None` and the reference path
//! decides the line and words its reason. A test feeds both paths the same lines.

use std::borrow::Cow;

use sonic_rs::{Array, JsonContainerTrait, JsonValueTrait, Object, Value};

use super::parse::{ActionsAgg, DecisionsAgg, RawSession, TurnsAgg, id_hash};
use crate::model::{Actor, Expertise, Kind, Outcome, parse_expertise};

/// The session of a line, or `None` to let the reference path decide.
pub fn parse(tree: &Value) -> Option<RawSession<'_>> {
    let o = tree.as_object()?;
    let mut seen = Seen::default();
    let mut s = RawSession::default();
    let mut id = None;
    let mut turns = None;
    for (k, v) in o.iter() {
        match k {
            "id" => id = Some(seen.once(0).and(string(v))?),
            "title" => s.title = seen.once(1).and(opt_string(v))?,
            "project" => s.project = seen.once(2).and(opt_string(v))?,
            "started_at" => s.started_at = seen.once(3).and(opt_string(v))?,
            "model" => s.model = seen.once(4).and(opt_string(v))?,
            "expertise" => s.expertise = seen.once(5).and(expertise(v))?,
            "mode" => s.mode = seen.once(6).and(opt_string(v))?,
            "outcome" => s.outcome = seen.once(7).and(outcome(v))?,
            "turns" => turns = Some(seen.once(8).and(v.as_array()).and_then(turns_agg)?),
            "estimated" => s.estimated = seen.once(9).and(estimated(v))?,
            "subagent_actions" => s.subagent_actions = seen.once(10).and(opt(v, |v| v.as_u64()))?,
            _ => {}
        }
    }
    s.id = id?;
    s.turns = turns?;
    Some(s)
}

/// Known keys met so far: serde refuses a repeated field, so the fast path does too.
#[derive(Default)]
struct Seen(u32);

impl Seen {
    fn once(&mut self, bit: u32) -> Option<()> {
        let fresh = self.0 & (1 << bit) == 0;
        self.0 |= 1 << bit;
        fresh.then_some(())
    }
}

fn string(v: &Value) -> Option<Cow<'_, str>> {
    v.as_str().map(Cow::Borrowed)
}

/// Absent and `null` both mean `None`; anything else must have the right type.
fn opt<'a, T>(v: &'a Value, f: impl FnOnce(&'a Value) -> Option<T>) -> Option<Option<T>> {
    if v.is_null() { Some(None) } else { f(v).map(Some) }
}

fn opt_string(v: &Value) -> Option<Option<Cow<'_, str>>> {
    opt(v, string)
}

fn expertise(v: &Value) -> Option<Expertise> {
    if v.is_null() {
        return Some(Expertise(None));
    }
    if let Some(n) = v.as_u64() {
        return (1..=5).contains(&n).then_some(Expertise(Some(n as u8)));
    }
    let s = v.as_str()?;
    // A number in a string is not a level name (the reference refuses "3").
    (s.parse::<u8>().is_err()).then(|| parse_expertise(s).map(|l| Expertise(Some(l))))?
}

fn outcome(v: &Value) -> Option<Option<Outcome>> {
    opt(v, |v| Outcome::parse(v.as_str()?))
}

fn estimated(v: &Value) -> Option<Option<Vec<Cow<'_, str>>>> {
    opt(v, |v| v.as_array()?.iter().map(string).collect())
}

fn turns_agg(turns: &Array) -> Option<TurnsAgg> {
    let mut acc = TurnsAgg::default();
    let mut ids = Vec::new();
    for t in turns.iter() {
        let t = t.as_object()?;
        let (prompt, actions, words, decisions) = turn(t, &mut ids)?;
        acc.add_turn(prompt, actions, words, decisions, &mut ids);
    }
    acc.finish(ids);
    Some(acc)
}

type Turn<'a> = (&'a str, ActionsAgg, u64, Option<DecisionsAgg>);

/// One turn; its decision id hashes go straight to the session's `ids`.
fn turn<'a>(t: &'a Object, ids: &mut Vec<u64>) -> Option<Turn<'a>> {
    let mut seen = Seen::default();
    let (mut prompt, mut actions, mut response, mut words, mut decisions) = (None, None, None, None, None);
    for (k, v) in t.iter() {
        match k {
            "prompt" => prompt = Some(seen.once(0).and(v.as_str())?),
            "actions" => actions = seen.once(1).and(opt(v, |v| actions_agg(v.as_array()?)))?,
            "response" => response = seen.once(2).and(opt(v, |v| v.as_str()))?,
            "response_words" => words = seen.once(3).and(opt(v, |v| v.as_u64()))?,
            "decisions" => decisions = seen.once(4).and(opt(v, |v| decisions_agg(v.as_array()?, ids)))?,
            _ => {}
        }
    }
    let words = words.unwrap_or_else(|| response.map_or(0, crate::model::count_words));
    Some((prompt?, actions.unwrap_or_default(), words, decisions))
}

fn actions_agg(a: &Array) -> Option<ActionsAgg> {
    let mut acc = ActionsAgg::default();
    for x in a.iter() {
        let mut seen = Seen::default();
        let (mut tool, mut ok) = (false, None);
        for (k, v) in x.as_object()?.iter() {
            match k {
                "tool" => tool = seen.once(0).and(v.as_str()).is_some(),
                "target" => seen.once(1).and(opt(v, |v| v.as_str())).map(drop)?,
                "ok" => ok = seen.once(2).and(opt(v, |v| v.as_bool()))?,
                _ => {}
            }
            if k == "tool" && !tool {
                return None;
            }
        }
        if !tool {
            return None;
        }
        acc.n += 1;
        acc.failed += u32::from(ok == Some(false));
    }
    Some(acc)
}

fn decisions_agg(a: &Array, ids: &mut Vec<u64>) -> Option<DecisionsAgg> {
    let mut acc = DecisionsAgg::default();
    for x in a.iter() {
        let mut seen = Seen::default();
        let (mut id, mut kind, mut actor, mut ratified) = (None, None, None, None);
        for (k, v) in x.as_object()?.iter() {
            match k {
                "id" => id = Some(seen.once(0).and(v.as_str())?),
                "kind" => {
                    kind = Some(seen.once(1).and(match v.as_str()? {
                        "planning" => Some(Kind::Planning),
                        "execution" => Some(Kind::Execution),
                        _ => None,
                    })?)
                }
                "actor" => {
                    actor = Some(seen.once(2).and(match v.as_str()? {
                        "human" => Some(Actor::Human),
                        "agent" => Some(Actor::Agent),
                        _ => None,
                    })?)
                }
                "category" | "summary" | "evidence" => {
                    let bit = 3 + ["category", "summary", "evidence"].iter().position(|f| *f == k)? as u32;
                    seen.once(bit).and(opt(v, |v| v.as_str()))?;
                }
                "confidence" => {
                    let c = seen.once(6).and(opt(v, |v| v.as_f64()))?;
                    if c.is_some_and(|c| !(0.0..=1.0).contains(&c)) {
                        return None;
                    }
                }
                "ratified" => ratified = seen.once(7).and(opt(v, |v| v.as_bool()))?,
                _ => {}
            }
        }
        let id = id?;
        acc.tally.add(kind?, actor?, ratified == Some(true));
        ids.push(id_hash(id));
    }
    Some(acc)
}
