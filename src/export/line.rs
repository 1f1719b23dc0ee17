//! A session's line as the turns, decisions and actions tables read it again: each reads only
//! the keys it needs (`T`), the rest (the agent's long response text above all) is checked and
//! skipped, never built; strings are borrowed from the line where they hold no escape.
//!
//! The loader's validating scanner ([`Scan`]) reads the line in one pass, building only the
//! rows' values; at anything it is not sure serde_json would take the same way it gives up,
//! and serde_json (the reference, which also words the errors) reads the line instead.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::corpus::fast::Seen;
use crate::corpus::scan::Scan;
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

mod scan;

#[cfg(test)]
mod tests;
