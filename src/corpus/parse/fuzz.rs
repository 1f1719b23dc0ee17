//! Property-based fuzzing of the v1 line parser (`docs/testing.md`): on generated lines
//! (well-typed, mistyped, and byte-damaged), the fast path loads only what the serde
//! reference path loads, with the same row, and whatever loads the full model reads too.
//! `PROPTEST_CASES` sets the number of lines (256 by default, for CI).

use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;

pub(crate) fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

/// Any JSON value, small.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..9).prop_map(Value::from),
        prop_oneof![Just(0.5), Just(1.5), Just(-0.0), Just(1e300)].prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
            prop::collection::btree_map(text(), inner, 0..3).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Strings at the edges: escapes, controls, non-ASCII, v1 words, RFC 3339 times.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9 -]{0,6}",
        Just("planning".into()),
        Just("execution".into()),
        Just("human".into()),
        Just("agent".into()),
        Just("expert".into()),
        Just("success".into()),
        Just("2026-01-02T03:04:05Z".into()),
        Just("\u{0}\u{1b}\"\\\u{202e}é😀".into()),
        "\\PC{0,4}",
    ]
}

/// A value of the right type most of the time, anything otherwise.
fn or_any(right: impl Strategy<Value = Value> + 'static) -> impl Strategy<Value = Value> {
    prop_oneof![4 => right, 1 => any_value()]
}

fn object(fields: Vec<(&'static str, BoxedStrategy<Value>)>) -> impl Strategy<Value = Value> {
    let parts: Vec<_> = fields
        .into_iter()
        .map(|(k, v)| (any::<u8>(), v).prop_map(move |(keep, v)| (keep % 4 != 0).then(|| (k.to_owned(), v))))
        .collect();
    parts.prop_map(|kv| Value::Object(kv.into_iter().flatten().collect()))
}

fn s() -> BoxedStrategy<Value> {
    or_any(text().prop_map(Value::from)).boxed()
}

fn decision() -> BoxedStrategy<Value> {
    object(vec![
        (
            "id",
            or_any(prop_oneof![
                Just(json!("d1")),
                Just(json!("d2")),
                text().prop_map(Value::from)
            ])
            .boxed(),
        ),
        ("kind", s()),
        ("actor", s()),
        ("summary", s()),
        ("rule", s()),
        ("confidence", or_any((0.0..1.0f64).prop_map(Value::from)).boxed()),
        ("ratified", or_any(any::<bool>().prop_map(Value::from)).boxed()),
    ])
    .boxed()
}

fn turn() -> BoxedStrategy<Value> {
    let action = object(vec![("tool", s()), ("target", s()), ("ok", any_value().boxed())]);
    let sub = object(vec![("agent_type", s()), ("actions", any_value().boxed())]);
    object(vec![
        ("prompt", s()),
        (
            "actions",
            or_any(prop::collection::vec(action, 0..3).prop_map(Value::from)).boxed(),
        ),
        ("response", s()),
        ("response_words", any_value().boxed()),
        (
            "decisions",
            or_any(prop::collection::vec(decision(), 0..3).prop_map(Value::from)).boxed(),
        ),
        (
            "subagent",
            or_any(prop::collection::vec(sub, 0..2).prop_map(Value::from)).boxed(),
        ),
    ])
    .boxed()
}

fn session() -> impl Strategy<Value = Value> {
    object(vec![
        ("id", s()),
        ("title", s()),
        ("started_at", s()),
        ("expertise", any_value().boxed()),
        ("outcome", s()),
        ("estimated", any_value().boxed()),
        (
            "turns",
            or_any(prop::collection::vec(turn(), 0..3).prop_map(Value::from)).boxed(),
        ),
    ])
}

/// A line: a generated session, serialized, then maybe damaged a byte or a stretch.
pub(crate) fn line() -> impl Strategy<Value = Vec<u8>> {
    (session(), any::<u8>(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(v, how, at, b)| {
        let mut l = v.to_string().into_bytes();
        let i = at.index(l.len());
        let alphabet = b"\"\\{}[],:0-9eE.+tfnu \x01\x00\xff\xc3";
        match how % 6 {
            0 => drop(l.remove(i)),
            1 => l[i] = alphabet[b as usize % alphabet.len()],
            2 => l.insert(i, alphabet[b as usize % alphabet.len()]),
            _ => {}
        }
        l
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_fast_and_reference_paths_agree(l in line()) {
        let strict = serde_json::from_slice::<RawSession>(&l)
            .map_err(|e| json_reason(&e))
            .and_then(|r| finish(r, &l));
        if let Some(r) = super::super::fast::parse(&l) {
            prop_assert_eq!(finish(r, &l), strict.clone());
        }
        // The same verdict (a NUL byte is worded apart); the same row when it loads.
        let loaded = parse_line(&l);
        prop_assert_eq!(loaded.as_ref().ok(), strict.as_ref().ok());
        if loaded.is_ok() {
            let full = serde_json::from_slice::<crate::model::Session>(&l);
            prop_assert!(full.is_ok(), "{:?}", full);
        }
    }
}
