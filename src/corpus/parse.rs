//! Parses one corpus line straight into per-session aggregates.
//!
//! Every value is validated against the v1 types, but actions and decisions are only
//! counted: nothing per action or per decision outlives the line.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use crate::model::{Actor, Expertise, Kind, Outcome, first_line};

use super::DecisionTally;

/// How much of the first prompt is kept for search and display in the list.
pub const FIRST_PROMPT_KEEP: usize = 480;

/// A session line reduced to what the list, filters and metrics need.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedSession {
    // In the row's own types, allocated here on the parsing threads rather than converted on
    // the one that gathers the rows.
    pub id: Arc<str>,
    pub title: Box<str>,
    pub project: String,
    pub first_prompt: Box<str>,
    pub started_at: Option<Box<str>>,
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
    /// Which facets the importer estimated: [`ESTIMATED_EXPERTISE`], [`ESTIMATED_OUTCOME`].
    pub estimated: u8,
    pub subagent_actions: u64,
}

pub const ESTIMATED_EXPERTISE: u8 = 1;
pub const ESTIMATED_OUTCOME: u8 = 2;

#[derive(Deserialize, Default)]
pub(super) struct RawSession<'a> {
    #[serde(borrow)]
    pub(super) id: Cow<'a, str>,
    #[serde(borrow, default)]
    pub(super) title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) project: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) started_at: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) model: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) expertise: Expertise,
    #[serde(borrow, default)]
    pub(super) mode: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) outcome: Option<Outcome>,
    pub(super) turns: TurnsAgg,
    #[serde(borrow, default)]
    pub(super) estimated: Option<Vec<Cow<'a, str>>>,
    #[serde(default)]
    pub(super) subagent_actions: Option<u64>,
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
pub(super) struct ActionsAgg {
    pub(super) n: u32,
    pub(super) failed: u32,
}

#[derive(Default)]
pub(super) struct DecisionsAgg {
    pub(super) tally: DecisionTally,
    pub(super) id_hashes: Vec<u64>,
}

#[derive(Default)]
pub(super) struct TurnsAgg {
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

/// A cheap hash of a decision id, to spot a repeat within a session. Equal hashes are only a
/// suspicion: [`duplicate_decision_reason`] compares the ids themselves.
pub(super) fn id_hash(id: &str) -> u64 {
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
        acc.add_turn(&t.prompt, t.actions.unwrap_or_default(), words, t.decisions, &mut ids);
    }
    acc.finish(ids);
});

impl TurnsAgg {
    /// Adds one turn; `ids` gathers the session's decision id hashes.
    pub(super) fn add_turn(
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
    pub(super) fn wants_prompt(&self) -> bool {
        self.first_prompt.is_none()
    }

    /// Notes whether a decision id repeated within the session.
    pub(super) fn finish(&mut self, mut ids: Vec<u64>) {
        ids.sort_unstable();
        self.duplicate_decision = ids.windows(2).any(|w| w[0] == w[1]);
    }
}

/// The part of the first prompt a row keeps.
pub(super) fn first_prompt(prompt: &str) -> String {
    crate::text::truncate(prompt, FIRST_PROMPT_KEEP).to_owned()
}

/// Parses one non-blank line. The error is a one-line reason without the line number.
pub fn parse_line(line: &[u8]) -> Result<ParsedSession, String> {
    // The fast path (one validating scan, no tree); whatever it refuses, the reference path
    // (serde derive over serde_json) decides and words, so the two never disagree on what
    // loads. The scan refuses any NUL byte (a test holds it to that), so only a refused line
    // needs looking for one.
    let raw: RawSession = match super::fast::parse(line) {
        Some(r) => r,
        None => {
            if let Some(col) = memchr::memchr(0, line) {
                return Err(format!("NUL byte at column {}", col + 1));
            }
            serde_json::from_slice(line).map_err(|e| json_reason(&e))?
        }
    };
    finish(raw, line)
}

/// The checks past the types, and the row.
fn finish(raw: RawSession, line: &[u8]) -> Result<ParsedSession, String> {
    if let Some(ts) = &raw.started_at
        && !crate::text::is_rfc3339(ts)
    {
        return Err(format!("started_at {ts:?} is not an RFC 3339 time"));
    }
    if raw.turns.duplicate_decision
        && let Some(reason) = duplicate_decision_reason(line)
    {
        return Err(reason);
    }
    let first_prompt = raw.turns.first_prompt.unwrap_or_default();
    let title = match raw.title {
        Some(t) => Box::from(&*t),
        None => Box::from(first_line(&first_prompt)),
    };
    Ok(ParsedSession {
        id: Arc::from(&*raw.id),
        title,
        project: raw.project.map(Cow::into_owned).unwrap_or_default(),
        first_prompt: first_prompt.into_boxed_str(),
        started_at: raw.started_at.as_deref().map(Box::from),
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
        estimated: raw.estimated.iter().flatten().fold(0, |acc, f| match f.as_ref() {
            "expertise" => acc | ESTIMATED_EXPERTISE,
            "outcome" => acc | ESTIMATED_OUTCOME,
            _ => acc,
        }),
        subagent_actions: raw.subagent_actions.unwrap_or(0),
    })
}

/// The rare path after two decision ids hashed alike: parse the line in full and compare the
/// ids themselves, naming the repeated one; `None` when no id actually repeats.
fn duplicate_decision_reason(line: &[u8]) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    let Ok(s) = serde_json::from_slice::<crate::model::Session>(line) else {
        return Some("a decision id repeats within the session".to_owned());
    };
    for d in s.turns.iter().flat_map(|t| &t.decisions) {
        if !seen.insert(d.id.clone()) {
            return Some(format!("decision id {:?} repeats within session {:?}", d.id, s.id));
        }
    }
    None
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

    /// Lines at the edges of JSON and of the v1 types: the fast path must never load one that
    /// the reference path refuses (it may refuse more: those go to the reference path).
    #[test]
    fn the_fast_path_accepts_nothing_the_reference_refuses() {
        let t = |rest: &str| format!(r#"{{"id":"a","turns":[{{"prompt":"p",{rest}}}]}}"#).into_bytes();
        let d = |rest: &str| {
            t(&format!(
                r#""decisions":[{{"id":"d","kind":"planning","actor":"human",{rest}}}]"#
            ))
        };
        let cases: Vec<Vec<u8>> = vec![
            br#"{"id":"a","turns":[]} trailing"#.to_vec(),
            br#"{"id":"a","turns":[],}"#.to_vec(),
            b"{\"id\":\"a\x01\",\"turns\":[]}".to_vec(),
            b"{\"id\":\"\xff\xfe\",\"turns\":[]}".to_vec(),
            br#"{"id":"a","id":"b","turns":[]}"#.to_vec(),
            br#"{"id":"a","turns":[],"turns":[]}"#.to_vec(),
            br#"{"id":"\ud800","turns":[]}"#.to_vec(),
            br#"{"id":1,"turns":[]}"#.to_vec(),
            br#"{"id":"a","turns":{}}"#.to_vec(),
            br#"{"id":"a","turns":null}"#.to_vec(),
            br#"{"id":"a"}"#.to_vec(),
            br#"{"turns":[]}"#.to_vec(),
            br#"{"id":"a","turns":[],"x":[1,2,}"#.to_vec(),
            br#"{"id":"a","turns":[]"#.to_vec(),
            br#"[{"id":"a","turns":[]}]"#.to_vec(),
            br#"{"id":"a","expertise":9,"turns":[]}"#.to_vec(),
            br#"{"id":"a","expertise":"3","turns":[]}"#.to_vec(),
            br#"{"id":"a","expertise":3.0,"turns":[]}"#.to_vec(),
            br#"{"id":"a","expertise":-1,"turns":[]}"#.to_vec(),
            br#"{"id":"a","expertise":"Expert","turns":[]}"#.to_vec(),
            b"{\"id\":\"a\",\"expertise\":\"3\x01\",\"turns\":[]}".to_vec(),
            br#"{"id":"a","expertise":"3,"turns":[]}"#.to_vec(),
            br#"{"id":"a","outcome":"won","turns":[]}"#.to_vec(),
            br#"{"id":"a","title":5,"turns":[]}"#.to_vec(),
            br#"{"id":"a","estimated":"expertise","turns":[]}"#.to_vec(),
            br#"{"id":"a","subagent_actions":-1,"turns":[]}"#.to_vec(),
            br#"{"id":"a","turns":[{"actions":[]}]}"#.to_vec(),
            br#"{"id":"a","turns":[{"prompt":"p","prompt":"q"}]}"#.to_vec(),
            br#"{"id":"a","turns":[5]}"#.to_vec(),
            t(r#""response_words":-1"#),
            t(r#""response_words":1.5"#),
            t(r#""response":7"#),
            t(r#""actions":[{"target":"x"}]"#),
            t(r#""actions":[{"tool":1}]"#),
            t(r#""actions":[{"tool":"R","tool":"W"}]"#),
            t(r#""actions":[{"tool":"R","ok":"yes"}]"#),
            t(r#""actions":[{"tool":"R","target":5}]"#),
            t(r#""actions":{}"#),
            d(r#""confidence":1.5"#),
            d(r#""confidence":-0.1"#),
            d(r#""confidence":"high""#),
            d(r#""ratified":1"#),
            d(r#""summary":[]"#),
            d(r#""kind":"plan""#),
            t(r#""decisions":[{"id":"d","kind":"plan","actor":"human"}]"#),
            t(r#""decisions":[{"id":"d","kind":"planning","actor":"robot"}]"#),
            t(r#""decisions":[{"kind":"planning","actor":"human"}]"#),
            t(r#""decisions":[{"id":7,"kind":"planning","actor":"human"}]"#),
            t(
                r#""decisions":[{"id":"d","kind":"planning","actor":"human"},{"id":"d","kind":"planning","actor":"agent"}]"#,
            ),
            br#"{"id":"a","turns":[{"prompt":"p","decisions":[{"id":"d","kind":"planning","actor":"human"}]},{"prompt":"q","decisions":[{"id":"d","kind":"execution","actor":"agent"}]}]}"#.to_vec(),
            // Lines that load: both paths must agree on them too.
            br#"{"id":"a","expertise":"expert","outcome":null,"title":null,"turns":[]}"#.to_vec(),
            d(r#""confidence":1,"ratified":true,"summary":null,"extra":{"x":[1]}"#),
            t(
                r#""actions":[{"tool":"R","ok":false,"new":1},{"tool":"W","target":null}],"response":"a b","response_words":null"#,
            ),
        ];
        for c in &cases {
            let fast = super::super::fast::parse(c).map(|r| finish(r, c));
            let strict = serde_json::from_slice::<RawSession>(c)
                .map_err(|e| json_reason(&e))
                .and_then(|r| finish(r, c));
            if let Some(f) = fast {
                assert_eq!(f, strict, "the fast path disagrees on {}", String::from_utf8_lossy(c));
            }
            assert_eq!(parse_line(c), strict, "{}", String::from_utf8_lossy(c));
        }
    }

    /// The fast path against the reference on thousands of damaged corpus lines: a byte
    /// dropped, changed to something JSON cares about, or a stretch doubled. Whatever the fast
    /// path loads, the reference loads the same.
    #[test]
    fn the_fast_path_agrees_with_the_reference_on_damaged_lines() {
        let demo = crate::corpus::Source::demo();
        let crate::corpus::SourceData::Memory(bytes) = &demo.data else {
            unreachable!()
        };
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let alphabet = b"\"\\{}[],:0-9eE.+tfnu \t\x01\x00\xff\xc3/";
        let (mut taken, mut refused) = (0, 0);
        for line in bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()).take(150) {
            for _ in 0..40 {
                let mut c = line.to_vec();
                let at = next(c.len());
                match next(4) {
                    0 => drop(c.remove(at)),
                    1 => c[at] = alphabet[next(alphabet.len())],
                    2 => c.insert(at, alphabet[next(alphabet.len())]),
                    _ => {
                        let end = (at + 1 + next(40)).min(c.len());
                        let copy = c[at..end].to_vec();
                        c.splice(at..at, copy);
                    }
                }
                let strict = serde_json::from_slice::<RawSession>(&c)
                    .map_err(|e| json_reason(&e))
                    .and_then(|r| finish(r, &c));
                match super::super::fast::parse(&c) {
                    Some(r) => {
                        taken += 1;
                        assert_eq!(finish(r, &c), strict, "{}", String::from_utf8_lossy(&c));
                    }
                    None => refused += 1,
                }
            }
        }
        // Both kinds occur, or the test proves little.
        assert!(taken > 1000 && refused > 1000, "taken {taken}, refused {refused}");
    }

    /// Escapes in the strings the fast path keeps are decoded as serde_json decodes them.
    #[test]
    fn the_fast_path_decodes_escapes() {
        let line = br#"{"id":"s\"1\\","title":"T\u00e9\n\ud83d\ude00\/","project":"p\tq","turns":[{"prompt":"a\r\nb \u0041","response":"one\ntwo\u0020three","decisions":[{"id":"d\u0031","kind":"planning","actor":"human"},{"id":"d1\u0000","kind":"execution","actor":"agent"}]}]}"#;
        let fast = super::super::fast::parse(line).map(|r| finish(r, line)).expect("taken");
        let strict = serde_json::from_slice::<RawSession>(line)
            .map_err(|e| json_reason(&e))
            .and_then(|r| finish(r, line));
        assert_eq!(fast, strict);
        let fast = fast.unwrap();
        assert_eq!(&*fast.id, "s\"1\\");
        assert_eq!(&*fast.title, "T\u{e9}\n\u{1f600}/");
        assert_eq!(fast.words, 3);
        // Whitespace between tokens, as a pretty printer leaves it.
        let spaced = b" { \"id\" : \"a\" ,\t\"turns\" : [ { \"prompt\" : \"p\" , \"actions\" : [ ] , \"response_words\" : 3 } ] } \r";
        let fast = super::super::fast::parse(spaced)
            .map(|r| finish(r, spaced))
            .expect("taken");
        assert_eq!(fast.map(|p| p.words), Ok(3));
        let lone: [&[u8]; 3] = [
            br#"{"id":"\ud800","turns":[]}"#,
            br#"{"id":"\udc00x","turns":[]}"#,
            br#"{"id":"\ud800\u0041","turns":[]}"#,
        ];
        for line in lone {
            assert!(super::super::fast::parse(line).is_none());
        }
    }

    /// Lines imported from the real Claude Code and Codex fixtures (long texts, escapes,
    /// non-ASCII, leash's extension keys) are taken by the fast path too, and agree.
    #[test]
    fn the_fast_path_takes_imported_transcripts() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
        let got = crate::import::import_path(&fixtures, &Default::default()).unwrap();
        assert!(got.imported.len() >= 5, "the fixtures import");
        for i in &got.imported {
            let line = i.line.as_bytes();
            let fast = super::super::fast::parse(line)
                .map(|r| finish(r, line))
                .unwrap_or_else(|| panic!("the fast path takes {}", i.session.id));
            let strict = serde_json::from_slice::<RawSession>(line)
                .map_err(|e| json_reason(&e))
                .and_then(|r| finish(r, line));
            assert_eq!(fast, strict);
        }
    }

    /// `parse_line` only looks for NUL bytes in lines the fast path refuses.
    #[test]
    fn the_fast_path_refuses_every_nul_byte() {
        let lines: [&[u8]; 6] = [
            b"{\"id\":\"a\0\",\"turns\":[]}",
            b"{\"id\":\"a\",\0\"turns\":[]}",
            b"\0{\"id\":\"a\",\"turns\":[]}",
            b"{\"id\":\"a\",\"turns\":[]}\0",
            b"{\"id\":\"a\",\"turns\":[{\"prompt\":\"p\0q\"}]}",
            b"{\"id\":\"a\",\"x\":\"\0\",\"turns\":[]}",
        ];
        for line in lines {
            assert!(super::super::fast::parse(line).is_none());
            assert!(parse_line(line).unwrap_err().starts_with("NUL byte at column "));
        }
    }

    /// Decision ids are compared by a cheap hash; a shared hash is only a suspicion, settled
    /// by comparing the ids themselves.
    #[test]
    fn a_repeated_decision_id_is_confirmed_by_the_ids() {
        let two = |a: &str, b: &str| {
            format!(
                r#"{{"id":"s","turns":[{{"prompt":"p","decisions":[{{"id":"{a}","kind":"planning","actor":"human"}}]}},{{"prompt":"q","decisions":[{{"id":"{b}","kind":"execution","actor":"agent"}}]}}]}}"#
            )
            .into_bytes()
        };
        assert_eq!(duplicate_decision_reason(&two("d1", "d2")), None);
        let reason = r#"decision id "d1" repeats within session "s""#;
        assert_eq!(duplicate_decision_reason(&two("d1", "d1")).as_deref(), Some(reason));
        assert_eq!(parse_line(&two("d1", "d1")).unwrap_err(), reason);
        assert_eq!(parse_line(&two("d1", "d2")).unwrap().tally.total(), 2);
        assert_ne!(id_hash("d1"), id_hash("d2"));
        assert_ne!(id_hash("decision-00000001"), id_hash("decision-00000002"));
        assert_ne!(id_hash("a"), id_hash("a\0"));
    }

    /// On real corpus lines the fast path takes every line and agrees with the reference.
    #[test]
    fn the_fast_path_takes_the_demo_corpus_whole() {
        let demo = crate::corpus::Source::demo();
        let crate::corpus::SourceData::Memory(bytes) = &demo.data else {
            unreachable!()
        };
        for line in bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()).take(500) {
            let fast = super::super::fast::parse(line)
                .map(|r| finish(r, line))
                .expect("the fast path takes it");
            let strict = serde_json::from_slice::<RawSession>(line)
                .map_err(|e| json_reason(&e))
                .and_then(|r| finish(r, line));
            assert_eq!(fast, strict);
        }
    }
}
