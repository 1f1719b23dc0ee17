//! Parses one corpus line straight into per-session aggregates.
//!
//! Every value is validated against the v1 types, but actions and decisions are only
//! counted: nothing per action or per decision outlives the line.

use std::borrow::Cow;
use std::fmt;
use std::hash::{BuildHasher, RandomState};

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use crate::model::{Actor, Expertise, Kind, Outcome, first_line};

use super::DecisionTally;

/// How much of the first prompt is kept for search and display in the list.
pub const FIRST_PROMPT_KEEP: usize = 480;

/// A session line reduced to what the list, filters and metrics need.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedSession {
    pub id: String,
    pub title: String,
    pub project: String,
    pub first_prompt: String,
    pub started_at: Option<String>,
    pub model: Option<String>,
    pub expertise: Option<u8>,
    pub mode: Option<String>,
    pub outcome: Option<Outcome>,
    pub turns: u32,
    pub actions: u64,
    pub failed_actions: u32,
    pub words: u64,
    pub max_turn_actions: u32,
    pub tally: DecisionTally,
}

#[derive(Deserialize)]
struct RawSession<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow, default)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    project: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    started_at: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    model: Option<Cow<'a, str>>,
    #[serde(default)]
    expertise: Expertise,
    #[serde(borrow, default)]
    mode: Option<Cow<'a, str>>,
    #[serde(default)]
    outcome: Option<Outcome>,
    turns: TurnsAgg,
}

#[derive(Deserialize)]
struct RawTurn<'a> {
    #[serde(borrow)]
    prompt: Cow<'a, str>,
    #[serde(default)]
    actions: Option<ActionsAgg>,
    #[serde(borrow, default)]
    response: Option<Cow<'a, str>>,
    #[serde(default)]
    response_words: Option<u64>,
    #[serde(default)]
    decisions: Option<DecisionsAgg>,
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
}

#[derive(Default)]
struct ActionsAgg {
    n: u32,
    failed: u32,
}

#[derive(Default)]
struct DecisionsAgg {
    tally: DecisionTally,
    id_hashes: Vec<u64>,
}

#[derive(Default)]
struct TurnsAgg {
    turns: u32,
    actions: u64,
    failed: u32,
    words: u64,
    max_turn_actions: u32,
    tally: DecisionTally,
    first_prompt: Option<String>,
    duplicate_decision: bool,
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

thread_local! {
    static HASHER: RandomState = RandomState::new();
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
        acc.id_hashes.push(HASHER.with(|h| h.hash_one(d.id.as_ref())));
    }
});

seq_aggregate!(TurnsAgg, "an array of turns", |acc, seq| {
    let mut ids: Vec<u64> = Vec::new();
    while let Some(t) = seq.next_element::<RawTurn>()? {
        let actions = t.actions.unwrap_or_default();
        acc.turns += 1;
        acc.actions += u64::from(actions.n);
        acc.failed += actions.failed;
        acc.max_turn_actions = acc.max_turn_actions.max(actions.n);
        acc.words += t
            .response_words
            .unwrap_or_else(|| t.response.as_deref().map_or(0, crate::model::count_words));
        if let Some(d) = t.decisions {
            acc.tally.merge(&d.tally);
            ids.extend(d.id_hashes);
        }
        if acc.first_prompt.is_none() {
            acc.first_prompt = Some(crate::text::truncate(&t.prompt, FIRST_PROMPT_KEEP).to_owned());
        }
    }
    ids.sort_unstable();
    acc.duplicate_decision = ids.windows(2).any(|w| w[0] == w[1]);
});

/// Parses one non-blank line. The error is a one-line reason without the line number.
pub fn parse_line(line: &[u8]) -> Result<ParsedSession, String> {
    if let Some(col) = memchr::memchr(0, line) {
        return Err(format!("NUL byte at column {}", col + 1));
    }
    // sonic-rs (SIMD) on the hot path; serde_json decides, and words the reason, when it
    // refuses a line, so both parsers never disagree on what loads.
    let raw: RawSession = match sonic_rs::from_slice(line) {
        Ok(r) => r,
        Err(_) => serde_json::from_slice(line).map_err(|e| json_reason(&e))?,
    };
    if let Some(ts) = &raw.started_at
        && !crate::text::is_rfc3339(ts)
    {
        return Err(format!("started_at {ts:?} is not an RFC 3339 time"));
    }
    if raw.turns.duplicate_decision {
        return Err(duplicate_decision_reason(line));
    }
    let first_prompt = raw.turns.first_prompt.unwrap_or_default();
    let title = match raw.title {
        Some(t) => t.into_owned(),
        None => first_line(&first_prompt).to_owned(),
    };
    Ok(ParsedSession {
        id: raw.id.into_owned(),
        title,
        project: raw.project.map(Cow::into_owned).unwrap_or_default(),
        first_prompt,
        started_at: raw.started_at.map(Cow::into_owned),
        model: raw.model.map(Cow::into_owned),
        expertise: raw.expertise.0,
        mode: raw.mode.map(Cow::into_owned),
        outcome: raw.outcome,
        turns: raw.turns.turns,
        actions: raw.turns.actions,
        failed_actions: raw.turns.failed,
        words: raw.turns.words,
        max_turn_actions: raw.turns.max_turn_actions,
        tally: raw.turns.tally,
    })
}

/// The rare error path: parse the line in full to name the repeated decision id.
fn duplicate_decision_reason(line: &[u8]) -> String {
    let mut seen = std::collections::HashSet::new();
    if let Ok(s) = serde_json::from_slice::<crate::model::Session>(line) {
        for d in s.turns.iter().flat_map(|t| &t.decisions) {
            if !seen.insert(d.id.clone()) {
                return format!("decision id {:?} repeats within session {:?}", d.id, s.id);
            }
        }
    }
    "a decision id repeats within the session".to_owned()
}

/// serde_json's message without its "at line 1 column N" tail, with the column kept.
pub fn json_reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let head = msg.split(" at line ").next().unwrap_or(&msg);
    let head = if e.is_syntax() || e.is_eof() {
        format!("not valid JSON: {head}")
    } else {
        head.to_owned()
    };
    if e.column() > 0 {
        format!("{head} (column {})", e.column())
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines at the edges of JSON: the fast parser must never load one that serde_json refuses.
    #[test]
    fn the_fast_parser_accepts_nothing_serde_json_refuses() {
        let cases: Vec<Vec<u8>> = vec![
            br#"{"id":"a","turns":[]} trailing"#.to_vec(),
            br#"{"id":"a","turns":[],}"#.to_vec(),
            b"{\"id\":\"a\x01\",\"turns\":[]}".to_vec(),
            b"{\"id\":\"\xff\xfe\",\"turns\":[]}".to_vec(),
            br#"{"id":"a","id":"b","turns":[]}"#.to_vec(),
            br#"{"id":"a","turns":[{"prompt":"p","response_words":-1}]}"#.to_vec(),
            br#"{"id":"a","turns":[{"prompt":"p","response_words":1.5}]}"#.to_vec(),
            br#"{"id":"a","turns":[{"prompt":"p","decisions":[{"id":"d","kind":"planning","actor":"human","confidence":NaN}]}]}"#.to_vec(),
            br#"{"id":"\ud800","turns":[]}"#.to_vec(),
            br#"{"id":1,"turns":[]}"#.to_vec(),
            br#"{"id":"a","turns":{}}"#.to_vec(),
            br#"{"id":"a","turns":[],"x":[1,2,}"#.to_vec(),
            br#"{"id":"a","turns":[]"#.to_vec(),
            br#"[{"id":"a","turns":[]}]"#.to_vec(),
        ];
        for c in &cases {
            let fast = sonic_rs::from_slice::<RawSession>(c).is_ok();
            let strict = serde_json::from_slice::<RawSession>(c).is_ok();
            assert!(
                !fast || strict,
                "sonic-rs loads what serde_json refuses: {}",
                String::from_utf8_lossy(c)
            );
            assert_eq!(parse_line(c).is_ok(), strict, "{}", String::from_utf8_lossy(c));
        }
    }
}
