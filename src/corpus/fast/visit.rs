//! What the fast path tells a caller of the parts of a line it scans (the export's rows).

use std::borrow::Cow;

use crate::corpus::scan::RawStr;
use crate::model::{Actor, Kind};

/// What a caller takes from a line while it is scanned, besides its session (the export's
/// rows): each turn, action and decision as the scan meets them, in the line's order. The
/// calls of a line the scan gives up on (`None`) are to be forgotten; `()` takes nothing.
pub(crate) trait Visit<'a> {
    /// A turn, once all of it is read.
    fn turn(&mut self, _t: &TurnSeen<'a>) {}
    /// An action of the turn being read.
    fn action(&mut self, _a: &ActionSeen<'a>) {}
    /// A decision of the turn being read.
    fn decision(&mut self, _d: &DecisionSeen<'a>) {}
}

impl Visit<'_> for () {}

pub(crate) struct TurnSeen<'a> {
    pub prompt: RawStr<'a>,
    pub actions: u32,
    pub failed: u32,
    pub words: u64,
    pub decisions: u32,
}

pub(crate) struct ActionSeen<'a> {
    pub tool: RawStr<'a>,
    pub target: Option<RawStr<'a>>,
    pub ok: Option<bool>,
}

pub(crate) struct DecisionSeen<'a> {
    pub id: Cow<'a, str>,
    pub kind: Kind,
    pub actor: Actor,
    pub category: Option<RawStr<'a>>,
    pub summary: Option<RawStr<'a>>,
    pub evidence: Option<RawStr<'a>>,
    pub confidence: Option<f64>,
    pub ratified: Option<bool>,
    pub rule: Option<RawStr<'a>>,
}
