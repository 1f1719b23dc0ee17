//! A session's line as serde_json reads it for the turns, decisions and actions tables, where
//! the loader's scanner gives up on a line (`take.rs`'s reread): each reads only the keys it
//! needs (`T`), the rest (the agent's long response text above all) is checked and skipped,
//! never built; strings are borrowed from the line where they hold no escape.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::IgnoredAny;

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
