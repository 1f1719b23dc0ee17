//! The scanner's reading of a line held to serde_json's: wherever the scanner answers, it
//! answers what serde_json reads; and it does answer on the lines leash writes.

use proptest::prelude::*;

use super::*;
use crate::corpus::{fuzz_cases, fuzz_line};
use crate::generate::{GenOptions, generate};

/// serde_json's reading, with a response whose words are given dropped (the scanner does
/// not decode a text it will not count).
fn reference<'a, T: Deserialize<'a>>(l: &'a [u8]) -> Option<Line<'a, T>> {
    serde_json::from_slice(l).ok()
}

fn turns_reference(l: &[u8]) -> Option<Line<'_, TurnLine<'_>>> {
    let mut line = reference::<TurnLine>(l)?;
    for t in &mut line.turns {
        if t.response_words.is_some() {
            t.response = None;
        }
    }
    Some(line)
}

/// Every table's reading of `l` by the scanner, where it answers, is serde_json's; returns
/// how many of the three it read.
fn agree(l: &[u8]) -> usize {
    let mut read = 0;
    if let Some(s) = Line::<TurnLine>::scan(l) {
        assert_eq!(Some(s), turns_reference(l), "turns of {}", String::from_utf8_lossy(l));
        read += 1;
    }
    if let Some(s) = Line::<TurnDecisions>::scan(l) {
        assert_eq!(Some(s), reference(l), "decisions of {}", String::from_utf8_lossy(l));
        read += 1;
    }
    if let Some(s) = Line::<TurnActions>::scan(l) {
        assert_eq!(Some(s), reference(l), "actions of {}", String::from_utf8_lossy(l));
        read += 1;
    }
    read
}

#[test]
fn the_scanner_reads_the_generated_corpus_as_serde_does() {
    let mut out = Vec::new();
    generate(&GenOptions { sessions: 300, seed: 3 }, &mut out).unwrap();
    for l in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        assert_eq!(agree(l), 3, "the scanner gave up on {}", String::from_utf8_lossy(l));
    }
}

#[test]
fn escapes_nulls_and_unknown_keys_read_alike() {
    let lines = [
        r#"{"id":"s\u00e9","x":{"y":[1,"a"]},"turns":[{"prompt":"a \"b\"\n","response":"one\ttwo three","actions":[{"tool":"Edit","target":"src/\u00e9.rs","ok":false,"extra":null},{"tool":"Bash","target":null,"ok":null}],"decisions":[{"id":"d1","kind":"planning","actor":"human","category":null,"summary":"s\\u","evidence":"e","confidence":1,"ratified":true,"rule":"r"},{"id":"d2","kind":"execution","actor":"agent","confidence":0.25e0}]}]}"#,
        r#"{"turns":[{"prompt":"","response":"a b","response_words":7,"decisions":[]},{"prompt":"p"}],"id":"z"}"#,
    ];
    for l in lines {
        assert_eq!(agree(l.as_bytes()), 3, "{l}");
    }
}

#[test]
fn the_scanner_gives_up_where_serde_refuses() {
    let refused = [
        r#"{"id":"a","turns":[{"prompt":"p","actions":[{"tool":"R","tool":"W"}]}]}"#,
        r#"{"id":"a","turns":[{"prompt":"p","actions":null}]}"#,
        r#"{"id":"a","turns":[{"prompt":"p","decisions":[{"id":"d","kind":"plan","actor":"human"}]}]}"#,
        r#"{"id":"a","turns":[{"prompt":"p","decisions":[{"id":"d","kind":"planning","actor":"human","confidence":1e999}]}]}"#,
        r#"{"id":"a","turns":[{"prompt":"p","response_words":1.5}]}"#,
        r#"{"id":"a","id":"b","turns":[]}"#,
        r#"{"id":"a","turns":[]} x"#,
    ];
    for l in refused {
        assert!(
            Line::<TurnLine>::scan(l.as_bytes()).is_none() || Line::<TurnDecisions>::scan(l.as_bytes()).is_none(),
            "{l}"
        );
        agree(l.as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_the_scanner_and_serde_read_lines_alike(l in fuzz_line()) {
        agree(&l);
    }
}
