//! How the scanner reads each part of a line that a table needs: as serde_json reads the
//! structs of `line.rs`, or `None` where it is not sure it would.

use serde::de::IgnoredAny;

use super::{ActionLine, ActionOk, DecisionLine, Scanned, TurnActions, TurnDecisions, TurnLine, list};
use crate::corpus::fast::{Seen, opt};
use crate::corpus::scan::{RawStr, Scan};
use crate::model::{Actor, Kind};

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
