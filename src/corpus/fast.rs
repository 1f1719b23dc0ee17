//! The hot path of loading: one pass of [`Scan`] over the line checks every v1 type and
//! aggregates the session, building no tree on the way.
//!
//! It only ever accepts what the reference path in `parse.rs` (serde derive over serde_json)
//! accepts: at the first thing it does not like, it answers `None` and the reference path
//! decides the line and words its reason. Tests feed both paths the same lines.

use std::borrow::Cow;

use super::parse::{ActionsAgg, DecisionsAgg, RawSession, TurnsAgg, id_hash};
use super::scan::{RawStr, Scan};
use crate::model::{Actor, Expertise, Kind, Outcome, parse_expertise};

mod visit;
pub(crate) use visit::{ActionSeen, DecisionSeen, TurnSeen, Visit};

/// The session of a line, or `None` to let the reference path decide.
#[cfg(test)]
pub(super) fn parse(line: &[u8]) -> Option<RawSession<'_>> {
    parse_with(line, &mut ())
}

/// [`parse`], telling `v` what it meets.
pub(super) fn parse_with<'a, V: Visit<'a>>(line: &'a [u8], v: &mut V) -> Option<RawSession<'a>> {
    let mut p = Scan::new(line)?;
    let mut seen = Seen::default();
    let mut s = RawSession::default();
    let (mut id, mut turns) = (None, None);
    p.object(|p, k| {
        match k {
            "id" => id = Some(seen.once(0).and_then(|_| p.string())?),
            "title" => s.title = seen.once(1).and_then(|_| opt(p, Scan::string))?,
            "project" => s.project = seen.once(2).and_then(|_| opt(p, Scan::string))?,
            "started_at" => s.started_at = seen.once(3).and_then(|_| opt(p, Scan::string))?,
            "model" => s.model = seen.once(4).and_then(|_| opt(p, Scan::string))?,
            "expertise" => s.expertise = seen.once(5).and_then(|_| expertise(p))?,
            "mode" => s.mode = seen.once(6).and_then(|_| opt(p, Scan::string))?,
            "outcome" => s.outcome = seen.once(7).and_then(|_| opt(p, |p| Outcome::parse(&p.string()?)))?,
            "turns" => turns = Some(seen.once(8).and_then(|_| turns_agg(p, v))?),
            "estimated" => s.estimated = seen.once(9).and_then(|_| strings(p))?,
            "subagent_actions" => s.subagent_actions = seen.once(10).and_then(|_| opt(p, Scan::u64))?,
            "redacted" => s.redacted = seen.once(11).and_then(|_| opt(p, Scan::bool))?,
            "origin" => s.origin = seen.once(12).and_then(|_| opt(p, Scan::string))?,
            _ => p.skip()?,
        }
        Some(())
    })?;
    p.end()?;
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

/// `null` means `None`; anything else must be what `f` reads.
fn opt<'a, T>(p: &mut Scan<'a>, f: impl FnOnce(&mut Scan<'a>) -> Option<T>) -> Option<Option<T>> {
    if p.null() { Some(None) } else { f(p).map(Some) }
}

fn strings<'a>(p: &mut Scan<'a>) -> Option<Vec<Cow<'a, str>>> {
    let mut out = Vec::new();
    p.array(|p| {
        out.push(p.string()?);
        Some(())
    })?;
    Some(out)
}

fn expertise(p: &mut Scan) -> Option<Expertise> {
    if p.null() {
        return Some(Expertise(None));
    }
    // Decided by the first byte: a failed read leaves the scanner part-way in.
    if p.peek()? == b'"' {
        let s = p.string()?;
        // A number in a string is not a level name (the reference refuses "3").
        return (s.parse::<u8>().is_err()).then(|| parse_expertise(&s).map(|l| Expertise(Some(l))))?;
    }
    let n = p.u64()?;
    (1..=5).contains(&n).then_some(Expertise(Some(n as u8)))
}

fn turns_agg<'a, V: Visit<'a>>(p: &mut Scan<'a>, v: &mut V) -> Option<TurnsAgg> {
    let mut acc = TurnsAgg::default();
    let mut ids = Vec::with_capacity(64);
    p.array(|p| {
        let (prompt, actions, words, decisions) = turn(p, &mut ids, v)?;
        v.turn(&TurnSeen {
            prompt,
            actions: actions.n,
            failed: actions.failed,
            words,
            decisions: decisions.as_ref().map_or(0, |d| d.tally.total()),
        });
        // Only the first prompt is kept: the others are checked but never decoded.
        let prompt = if acc.wants_prompt() {
            prompt.value()
        } else {
            Cow::Borrowed("")
        };
        acc.add_turn(&prompt, actions, words, decisions, &mut ids);
        Some(())
    })?;
    acc.finish(ids);
    Some(acc)
}

type Turn<'a> = (RawStr<'a>, ActionsAgg, u64, Option<DecisionsAgg>);

/// One turn; its decision id hashes go straight to the session's `ids`.
fn turn<'a, V: Visit<'a>>(p: &mut Scan<'a>, ids: &mut Vec<u64>, v: &mut V) -> Option<Turn<'a>> {
    let mut seen = Seen::default();
    let (mut prompt, mut actions, mut response, mut words, mut decisions) = (None, None, None, None, None);
    p.object(|p, k| {
        match k {
            "prompt" => prompt = Some(seen.once(0).and_then(|_| p.raw_string())?),
            // Arrays: `null` is refused, as the full model refuses it.
            "actions" => actions = Some(seen.once(1).and_then(|_| actions_agg(p, v))?),
            "response" => response = seen.once(2).and_then(|_| opt(p, Scan::raw_string))?,
            "response_words" => words = seen.once(3).and_then(|_| opt(p, Scan::u64))?,
            "decisions" => decisions = Some(seen.once(4).and_then(|_| decisions_agg(p, ids, v))?),
            "subagent" => seen.once(5).and_then(|_| subagents(p))?,
            _ => p.skip()?,
        }
        Some(())
    })?;
    let words = words.unwrap_or_else(|| response.map_or(0, |r: RawStr| crate::model::count_words(&r.value())));
    Some((prompt?, actions.unwrap_or_default(), words, decisions))
}

fn actions_agg<'a, V: Visit<'a>>(p: &mut Scan<'a>, v: &mut V) -> Option<ActionsAgg> {
    let mut acc = ActionsAgg::default();
    p.array(|p| {
        let mut seen = Seen::default();
        let (mut tool, mut target, mut ok) = (None, None, None);
        p.object(|p, k| {
            match k {
                // Read as a span of the line (as cheap as skipping it), decoded only if used.
                "tool" => tool = Some(seen.once(0).and_then(|_| p.raw_string())?),
                "target" => target = seen.once(1).and_then(|_| opt(p, Scan::raw_string))?,
                "ok" => ok = seen.once(2).and_then(|_| opt(p, Scan::bool))?,
                _ => p.skip()?,
            }
            Some(())
        })?;
        // `tool` is required.
        v.action(&ActionSeen {
            tool: tool?,
            target,
            ok,
        });
        acc.n += 1;
        acc.failed += u32::from(ok == Some(false));
        Some(())
    })?;
    Some(acc)
}

fn decisions_agg<'a, V: Visit<'a>>(p: &mut Scan<'a>, ids: &mut Vec<u64>, v: &mut V) -> Option<DecisionsAgg> {
    let mut acc = DecisionsAgg::default();
    p.array(|p| {
        let mut seen = Seen::default();
        let (mut id, mut kind, mut actor, mut ratified) = (None, None, None, None);
        let (mut category, mut summary, mut evidence, mut confidence, mut rule) = (None, None, None, None, None);
        p.object(|p, k| {
            match k {
                "id" => id = Some(seen.once(0).and_then(|_| p.string())?),
                "kind" => {
                    kind = Some(seen.once(1).and_then(|_| match p.raw_string()?.value().as_ref() {
                        "planning" => Some(Kind::Planning),
                        "execution" => Some(Kind::Execution),
                        _ => None,
                    })?)
                }
                "actor" => {
                    actor = Some(seen.once(2).and_then(|_| match p.raw_string()?.value().as_ref() {
                        "human" => Some(Actor::Human),
                        "agent" => Some(Actor::Agent),
                        _ => None,
                    })?)
                }
                "category" => category = seen.once(3).and_then(|_| opt(p, Scan::raw_string))?,
                "summary" => summary = seen.once(4).and_then(|_| opt(p, Scan::raw_string))?,
                "evidence" => evidence = seen.once(5).and_then(|_| opt(p, Scan::raw_string))?,
                "confidence" => {
                    confidence = seen.once(6).and_then(|_| opt(p, Scan::f64))?;
                    confidence.is_none_or(|c| (0.0..=1.0).contains(&c)).then_some(())?;
                }
                "ratified" => ratified = seen.once(7).and_then(|_| opt(p, Scan::bool))?,
                "rule" => rule = seen.once(8).and_then(|_| opt(p, Scan::raw_string))?,
                _ => p.skip()?,
            }
            Some(())
        })?;
        let (kind, actor, id) = (kind?, actor?, id?);
        acc.tally.add(kind, actor, ratified == Some(true));
        ids.push(id_hash(&id));
        v.decision(&DecisionSeen {
            id,
            kind,
            actor,
            category,
            summary,
            evidence,
            confidence,
            ratified,
            rule,
        });
        Some(())
    })?;
    Some(acc)
}

/// A turn's `subagent` (leash's extension): checked as the full model reads it.
fn subagents(p: &mut Scan) -> Option<()> {
    p.array(|p| {
        let mut seen = Seen::default();
        p.object(|p, k| {
            match k {
                "call_id" => seen.once(0).and_then(|_| opt(p, Scan::skip_string)).map(drop)?,
                "agent_type" => seen.once(1).and_then(|_| opt(p, Scan::skip_string)).map(drop)?,
                "description" => seen.once(2).and_then(|_| opt(p, Scan::skip_string)).map(drop)?,
                "origin" => seen.once(3).and_then(|_| opt(p, Scan::skip_string)).map(drop)?,
                "actions" => seen.once(4).and_then(|_| p.u64()).map(drop)?,
                "calls" => seen.once(5).and_then(|_| actions_agg(p, &mut ())).map(drop)?,
                _ => p.skip()?,
            }
            Some(())
        })
    })
}
