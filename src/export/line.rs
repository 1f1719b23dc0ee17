//! A session's line as the turns, decisions and actions tables read it again: each reads only
//! the keys it needs (`T`), the rest (the agent's long response text above all) is skipped
//! unread; strings are borrowed from the line where they hold no escape.
//!
//! The loader's validating scanner ([`Scan`]) reads the line in one pass, building only the
//! rows' values; at anything it is not sure serde_json would take the same way it gives up,
//! and serde_json (the reference, which also words the errors) reads the line instead.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::corpus::fast::{Seen, opt};
use crate::corpus::scan::{RawStr, Scan};
use crate::model::{Actor, Kind};

#[derive(Debug, PartialEq, Deserialize)]
pub struct Line<'a, T> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    pub turns: Vec<T>,
}

/// A turn as the turns table reads it.
#[derive(Debug, PartialEq, Deserialize)]
pub struct TurnLine<'a> {
    #[serde(borrow)]
    pub prompt: Cow<'a, str>,
    #[serde(default)]
    pub actions: Vec<ActionOk>,
    #[serde(default, borrow)]
    pub response: Option<Cow<'a, str>>,
    #[serde(default)]
    pub response_words: Option<u64>,
    #[serde(default)]
    pub decisions: Vec<IgnoredAny>,
}

#[derive(Debug, PartialEq, Deserialize)]
pub struct TurnDecisions<'a> {
    #[serde(default, borrow)]
    pub decisions: Vec<DecisionLine<'a>>,
}

#[derive(Debug, PartialEq, Deserialize)]
pub struct TurnActions<'a> {
    #[serde(default, borrow)]
    pub actions: Vec<ActionLine<'a>>,
}

#[derive(Debug, PartialEq, Deserialize)]
pub struct ActionLine<'a> {
    #[serde(borrow)]
    pub tool: Cow<'a, str>,
    #[serde(default, borrow)]
    pub target: Option<Cow<'a, str>>,
    #[serde(default)]
    pub ok: Option<bool>,
}

/// An action as the turns table counts it: only whether it failed is read.
#[derive(Debug, PartialEq, Deserialize)]
pub struct ActionOk {
    #[serde(rename = "tool")]
    _tool: IgnoredAny,
    #[serde(default)]
    pub ok: Option<bool>,
}

#[derive(Debug, PartialEq, Deserialize)]
pub struct DecisionLine<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    pub kind: Kind,
    pub actor: Actor,
    #[serde(default, borrow)]
    pub category: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub summary: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub evidence: Option<Cow<'a, str>>,
    #[serde(default)]
    pub confidence: Option<f64>,
    #[serde(default)]
    pub ratified: Option<bool>,
    #[serde(default, borrow)]
    pub rule: Option<Cow<'a, str>>,
}

/// What the scanner reads as serde would: `None` where it is not sure.
pub trait Scanned<'a>: Sized {
    fn scan(p: &mut Scan<'a>) -> Option<Self>;
}

impl<'a, T: Scanned<'a>> Line<'a, T> {
    /// The line by the scanner, or `None` to let serde_json read it.
    pub fn scan(line: &'a [u8]) -> Option<Self> {
        let mut p = Scan::new(line)?;
        let mut seen = Seen::default();
        let (mut id, mut turns) = (None, None);
        p.object(|p, k| {
            match k {
                "id" => id = Some(seen.once(0).and_then(|_| p.string())?),
                "turns" => turns = Some(seen.once(1).and_then(|_| list(p))?),
                _ => p.skip()?,
            }
            Some(())
        })?;
        p.end()?;
        Some(Line { id: id?, turns: turns? })
    }
}

/// An array of `T` (`null` is refused, as serde refuses it for a `Vec`).
fn list<'a, T: Scanned<'a>>(p: &mut Scan<'a>) -> Option<Vec<T>> {
    let mut out = Vec::new();
    p.array(|p| {
        out.push(T::scan(p)?);
        Some(())
    })?;
    Some(out)
}

impl<'a> Scanned<'a> for TurnLine<'a> {
    fn scan(p: &mut Scan<'a>) -> Option<Self> {
        let mut seen = Seen::default();
        let (mut prompt, mut actions, mut decisions) = (None, Vec::new(), 0);
        let (mut response, mut response_words): (Option<RawStr>, _) = (None, None);
        p.object(|p, k| {
            match k {
                "prompt" => prompt = Some(seen.once(0).and_then(|_| p.string())?),
                "actions" => actions = seen.once(1).and_then(|_| list(p))?,
                "response" => response = seen.once(2).and_then(|_| opt(p, Scan::raw_string))?,
                "response_words" => response_words = seen.once(3).and_then(|_| opt(p, Scan::u64))?,
                "decisions" => {
                    seen.once(4)?;
                    p.array(|p| {
                        decisions += 1;
                        p.skip()
                    })?;
                }
                _ => p.skip()?,
            }
            Some(())
        })?;
        Some(TurnLine {
            prompt: prompt?,
            actions,
            // Decoded only when its words are to be counted.
            response: response.filter(|_| response_words.is_none()).map(RawStr::value),
            response_words,
            decisions: vec![IgnoredAny; decisions],
        })
    }
}

impl<'a> Scanned<'a> for TurnDecisions<'a> {
    fn scan(p: &mut Scan<'a>) -> Option<Self> {
        let mut seen = Seen::default();
        let mut decisions = Vec::new();
        p.object(|p, k| {
            match k {
                "decisions" => decisions = seen.once(0).and_then(|_| list(p))?,
                _ => p.skip()?,
            }
            Some(())
        })?;
        Some(TurnDecisions { decisions })
    }
}

impl<'a> Scanned<'a> for TurnActions<'a> {
    fn scan(p: &mut Scan<'a>) -> Option<Self> {
        let mut seen = Seen::default();
        let mut actions = Vec::new();
        p.object(|p, k| {
            match k {
                "actions" => actions = seen.once(0).and_then(|_| list(p))?,
                _ => p.skip()?,
            }
            Some(())
        })?;
        Some(TurnActions { actions })
    }
}

impl<'a> Scanned<'a> for ActionLine<'a> {
    fn scan(p: &mut Scan<'a>) -> Option<Self> {
        let mut seen = Seen::default();
        let (mut tool, mut target, mut ok) = (None, None, None);
        p.object(|p, k| {
            match k {
                "tool" => tool = Some(seen.once(0).and_then(|_| p.string())?),
                "target" => target = seen.once(1).and_then(|_| opt(p, Scan::string))?,
                "ok" => ok = seen.once(2).and_then(|_| opt(p, Scan::bool))?,
                _ => p.skip()?,
            }
            Some(())
        })?;
        Some(ActionLine {
            tool: tool?,
            target,
            ok,
        })
    }
}

impl Scanned<'_> for ActionOk {
    fn scan(p: &mut Scan) -> Option<Self> {
        let mut seen = Seen::default();
        let (mut tool, mut ok) = (false, None);
        p.object(|p, k| {
            match k {
                "tool" => {
                    seen.once(0).and_then(|_| p.skip_string())?;
                    tool = true;
                }
                "ok" => ok = seen.once(1).and_then(|_| opt(p, Scan::bool))?,
                _ => p.skip()?,
            }
            Some(())
        })?;
        tool.then_some(ActionOk { _tool: IgnoredAny, ok })
    }
}

impl<'a> Scanned<'a> for DecisionLine<'a> {
    fn scan(p: &mut Scan<'a>) -> Option<Self> {
        let mut seen = Seen::default();
        let (mut id, mut kind, mut actor, mut ratified, mut confidence) = (None, None, None, None, None);
        let (mut category, mut summary, mut evidence, mut rule) = (None, None, None, None);
        p.object(|p, k| {
            match k {
                "id" => id = Some(seen.once(0).and_then(|_| p.string())?),
                "kind" => kind = Some(seen.once(1).and_then(|_| named(p, Kind::ALL, Kind::name))?),
                "actor" => actor = Some(seen.once(2).and_then(|_| named(p, Actor::ALL, Actor::name))?),
                "category" => category = seen.once(3).and_then(|_| opt(p, Scan::string))?,
                "summary" => summary = seen.once(4).and_then(|_| opt(p, Scan::string))?,
                "evidence" => evidence = seen.once(5).and_then(|_| opt(p, Scan::string))?,
                "confidence" => {
                    confidence = seen
                        .once(6)
                        .and_then(|_| opt(p, |p| p.f64().filter(|c| c.is_finite())))?
                }
                "ratified" => ratified = seen.once(7).and_then(|_| opt(p, Scan::bool))?,
                "rule" => rule = seen.once(8).and_then(|_| opt(p, Scan::string))?,
                _ => p.skip()?,
            }
            Some(())
        })?;
        Some(DecisionLine {
            id: id?,
            kind: kind?,
            actor: actor?,
            category,
            summary,
            evidence,
            confidence,
            ratified,
            rule,
        })
    }
}

/// One of `all`, by the name serde knows it by.
fn named<T: Copy, const N: usize>(p: &mut Scan, all: [T; N], name: fn(T) -> &'static str) -> Option<T> {
    let s = p.raw_string()?.value();
    all.into_iter().find(|&v| name(v) == s)
}

#[cfg(test)]
mod tests;
