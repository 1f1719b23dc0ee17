//! The serde shapes of a corpus line and the aggregates its turns, actions and decisions are
//! folded into while it is parsed (nothing per action or decision outlives the line).

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use crate::model::{Actor, Expertise, Kind, Outcome};

use super::super::DecisionTally;
use super::first_prompt;

#[derive(Deserialize, Default)]
pub(crate) struct RawSession<'a> {
    #[serde(borrow)]
    pub(crate) id: Cow<'a, str>,
    #[serde(borrow, default)]
    pub(crate) title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(crate) project: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(crate) started_at: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(crate) model: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(crate) origin: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(crate) expertise: Expertise,
    #[serde(borrow, default)]
    pub(crate) mode: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(crate) outcome: Option<Outcome>,
    pub(crate) turns: TurnsAgg,
    #[serde(borrow, default)]
    pub(crate) estimated: Vec<Cow<'a, str>>,
    #[serde(default)]
    pub(crate) subagent_actions: Option<u64>,
    #[serde(default)]
    pub(crate) redacted: Option<bool>,
}

#[derive(Deserialize)]
struct RawTurn<'a> {
    #[serde(borrow)]
    prompt: Cow<'a, str>,
    // Arrays, as in the full model: `null` is refused, absent means empty.
    #[serde(default)]
    actions: ActionsAgg,
    #[serde(borrow, default)]
    response: Option<Cow<'a, str>>,
    #[serde(default)]
    response_words: Option<u64>,
    #[serde(default)]
    decisions: DecisionsAgg,
    /// Not part of v1, but a line whose `subagent` the browser could not read is refused.
    #[serde(default, rename = "subagent")]
    _subagent: Vec<crate::model::SubagentRun>,
}

#[derive(Deserialize)]
struct RawAction<'a> {
    #[serde(borrow, rename = "tool")]
    _tool: Cow<'a, str>,
    #[serde(borrow, default, rename = "target")]
    _target: Option<Cow<'a, str>>,
    #[serde(default)]
    ok: Option<bool>,
}

#[derive(Deserialize)]
struct RawDecision<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    kind: Kind,
    actor: Actor,
    #[serde(borrow, default, rename = "category")]
    _category: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "summary")]
    _summary: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "evidence")]
    _evidence: Option<Cow<'a, str>>,
    #[serde(default)]
    confidence: Option<f64>,
    #[serde(default)]
    ratified: Option<bool>,
    #[serde(borrow, default, rename = "rule")]
    _rule: Option<Cow<'a, str>>,
}

#[derive(Default)]
pub(crate) struct ActionsAgg {
    pub(crate) n: u32,
    pub(crate) failed: u32,
}

#[derive(Default)]
pub(crate) struct DecisionsAgg {
    pub(crate) tally: DecisionTally,
    pub(crate) id_hashes: Vec<u64>,
}

#[derive(Default)]
pub(crate) struct TurnsAgg {
    pub(crate) turns: u32,
    pub(crate) actions: u64,
    pub(crate) failed: u32,
    pub(crate) words: u64,
    pub(crate) max_turn_actions: u32,
    pub(crate) tally: DecisionTally,
    pub(crate) first_prompt: Option<String>,
    pub(crate) duplicate_decision: bool,
}

/// Implements `Deserialize` for an aggregate that is built by visiting a JSON array.
macro_rules! seq_aggregate {
    ($ty:ident, $what:literal, |$acc:ident, $seq:ident| $body:block) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_seq<A: SeqAccess<'de>>(self, mut $seq: A) -> Result<$ty, A::Error> {
                        let mut $acc = $ty::default();
                        $body
                        Ok($acc)
                    }
                }
                d.deserialize_seq(V)
            }
        }
    };
}

seq_aggregate!(ActionsAgg, "an array of actions", |acc, seq| {
    while let Some(a) = seq.next_element::<RawAction>()? {
        acc.n += 1;
        acc.failed += u32::from(a.ok == Some(false));
    }
});

/// A cheap hash of a decision id, to spot a repeat within a session. Equal hashes are only a
/// suspicion: [`duplicate_decision_reason`] compares the ids themselves.
pub(crate) fn id_hash(id: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let b = id.as_bytes();
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(c.try_into().unwrap())).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

seq_aggregate!(DecisionsAgg, "an array of decisions", |acc, seq| {
    while let Some(d) = seq.next_element::<RawDecision>()? {
        if let Some(c) = d.confidence
            && !(0.0..=1.0).contains(&c)
        {
            return Err(de::Error::custom(format_args!(
                "decision {:?}: confidence {c} is outside [0, 1]",
                d.id
            )));
        }
        acc.tally.add(d.kind, d.actor, d.ratified == Some(true));
        acc.id_hashes.push(id_hash(&d.id));
    }
});

seq_aggregate!(TurnsAgg, "an array of turns", |acc, seq| {
    let mut ids: Vec<u64> = Vec::new();
    while let Some(t) = seq.next_element::<RawTurn>()? {
        let words = t
            .response_words
            .unwrap_or_else(|| t.response.as_deref().map_or(0, crate::model::count_words));
        acc.add_turn(&t.prompt, t.actions, words, Some(t.decisions), &mut ids);
    }
    acc.finish(ids);
});

impl TurnsAgg {
    /// Adds one turn; `ids` gathers the session's decision id hashes.
    pub(crate) fn add_turn(
        &mut self,
        prompt: &str,
        actions: ActionsAgg,
        words: u64,
        decisions: Option<DecisionsAgg>,
        ids: &mut Vec<u64>,
    ) {
        self.turns += 1;
        self.actions += u64::from(actions.n);
        self.failed += actions.failed;
        self.max_turn_actions = self.max_turn_actions.max(actions.n);
        self.words += words;
        if let Some(d) = decisions {
            self.tally.merge(&d.tally);
            ids.extend(d.id_hashes);
        }
        if self.first_prompt.is_none() {
            self.first_prompt = Some(first_prompt(prompt));
        }
    }

    /// Whether the next turn's prompt is read (only the first one is kept).
    pub(crate) fn wants_prompt(&self) -> bool {
        self.first_prompt.is_none()
    }

    /// Notes whether a decision id repeated within the session.
    pub(crate) fn finish(&mut self, mut ids: Vec<u64>) {
        ids.sort_unstable();
        self.duplicate_decision = ids.windows(2).any(|w| w[0] == w[1]);
    }
}
