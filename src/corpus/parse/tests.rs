//! The fast path held to the serde_json reference path, and the loader's line checks.

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
        // What the full model refuses, so the loader must too (issue 11): `null` arrays, a
        // non-string `rule`, a `subagent` the browser cannot read.
        t(r#""actions":null"#),
        t(r#""decisions":null"#),
        br#"{"id":"a","estimated":null,"turns":[]}"#.to_vec(),
        d(r#""rule":5"#),
        t(r#""subagent":null"#),
        t(r#""subagent":[{"actions":-1}]"#),
        t(r#""subagent":[{"actions":null}]"#),
        t(r#""subagent":[{"calls":[{"target":"x"}]}]"#),
        t(r#""subagent":[{"agent_type":3}]"#),
        t(r#""subagent":[5]"#),
        // Lines that load: both paths must agree on them too.
        d(r#""rule":"H1","ratified":false"#),
        t(r#""subagent":[{"call_id":null,"actions":2,"calls":[{"tool":"Read"}],"x":1}]"#),
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
        assert_loads_in_full(c);
    }
}

/// One definition of a valid line: whatever the loader takes, the full model (what opens,
/// audits and scores a session) reads too.
fn assert_loads_in_full(line: &[u8]) {
    if parse_line(line).is_ok() {
        let full = serde_json::from_slice::<crate::model::Session>(line);
        assert!(
            full.is_ok(),
            "loads but cannot be opened: {full:?}: {}",
            String::from_utf8_lossy(line)
        );
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
            assert_loads_in_full(&c);
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
