//! Property-based fuzzing of the two gold readers `leash eval` uses (`docs/testing.md`):
//! labelled turns (`gold/dev.jsonl`) and expertise ratings (`gold/expertise-dev.jsonl`).
//! Lines are real gold lines, damaged (a byte dropped, changed or inserted) or not, and
//! generated JSON with the keys the readers look at, values of any type. `PROPTEST_CASES`
//! sets the number of files per target (64 by default, for CI).

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use leash::eval::{expertise, gold};
use proptest::prelude::*;
use serde_json::{Value, json};
use support::fuzz::{cases, damage, left_whole};

/// The non-blank lines of one file of `../shared/gold`.
fn gold_lines(file: &str) -> Vec<Vec<u8>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold").join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lines: Vec<Vec<u8>> = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(<[u8]>::to_vec)
        .collect();
    assert!(lines.len() >= 10, "{file} has {} lines", lines.len());
    lines
}

/// Generated lines with the keys both readers look at, values of any type.
fn generated() -> impl Strategy<Value = Vec<u8>> {
    let decision = json!({"kind": "execution", "actor": "human", "evidence": "f.rs"});
    let v = prop_oneof![
        Just(Value::Null),
        Just(json!("a.jsonl")),
        Just(json!("planning")),
        Just(json!("agent")),
        Just(json!([])),
        Just(json!([decision])),
        Just(json!([{"kind": "x"}])),
        Just(json!(true)),
        (-2i64..7).prop_map(Value::from),
        Just(json!(1.5)),
        Just(json!(u64::MAX)),
        "\\PC{0,6}".prop_map(Value::from),
    ];
    const KEYS: [&str; 9] = [
        "source",
        "session",
        "turn",
        "decisions",
        "expertise",
        "enough_signal",
        "why",
        "note",
        "prompt_head",
    ];
    prop::collection::vec((prop::sample::select(&KEYS[..]), v), 0..7).prop_map(|kv| {
        let map: serde_json::Map<String, Value> = kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        Value::Object(map).to_string().into_bytes()
    })
}

/// A gold file: real lines (damaged or not) and generated ones. The flag says, per line,
/// whether it is a real line left whole (which the reader must accept).
fn file(real: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<(Vec<u8>, bool)>> {
    let line = prop_oneof![
        3 => (prop::sample::select(real), any::<u8>(), any::<prop::sample::Index>(), any::<u8>())
            .prop_map(|(l, how, at, b)| (damage(l, how, at, b), left_whole(how))),
        1 => generated().prop_map(|l| (l, false)),
        1 => Just((b"   ".to_vec(), false)),
    ];
    prop::collection::vec(line, 0..12)
}

/// Reads a fuzzed file the way the readers do; returns the text, the line numbers (1-based)
/// of the non-blank lines, and those of the real lines left whole.
fn layout(lines: &[(Vec<u8>, bool)]) -> (String, BTreeSet<usize>, BTreeSet<usize>) {
    let bytes = lines
        .iter()
        .map(|(l, _)| l.clone())
        .collect::<Vec<_>>()
        .join(&b"\n"[..]);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let non_blank = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i + 1)
        .collect();
    // The damage alphabet holds no newline, so line i of the text is lines[i - 1].
    let whole = lines
        .iter()
        .enumerate()
        .filter(|(_, (_, w))| *w)
        .map(|(i, _)| i + 1)
        .collect();
    (text, non_blank, whole)
}

/// The line number a reader put in `g.jsonl:N` (a turn's `at`, or a warning's head).
fn line_of(s: &str) -> usize {
    let rest = s.strip_prefix("g.jsonl:").expect("names the file");
    rest.split(':').next().unwrap().parse().expect("names the line")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// Each non-blank line is a turn or a warning naming its line, never both, never lost;
    /// a real line left whole is a turn; a turn is what its line says.
    #[test]
    fn fuzz_gold_reader(lines in file(gold_lines("dev.jsonl"))) {
        let (text, non_blank, whole) = layout(&lines);
        let g = gold::parse(&text, "g.jsonl", Path::new("/gold"));
        let took: BTreeSet<usize> = g.turns.iter().map(|t| line_of(&t.at)).collect();
        let warned: BTreeSet<usize> = g.warnings.iter().map(|w| line_of(w)).collect();
        prop_assert_eq!(took.len() + warned.len(), non_blank.len());
        prop_assert_eq!(took.union(&warned).copied().collect::<BTreeSet<_>>(), non_blank);
        prop_assert!(whole.is_subset(&took), "whole real lines refused: {:?}", g.warnings);
        let texts: Vec<&str> = text.lines().collect();
        for t in &g.turns {
            let v: Value = serde_json::from_str(texts[line_of(&t.at) - 1]).unwrap();
            prop_assert!(t.turn >= 1);
            prop_assert_eq!(Some(t.turn as u64), v["turn"].as_u64());
            prop_assert_eq!(Some(t.source.as_str()), v["source"].as_str());
            prop_assert_eq!(Some(t.decisions.len()), v["decisions"].as_array().map(Vec::len));
            prop_assert_eq!(&t.path, &Path::new("/gold").join(&t.source));
        }
    }

    /// The same for expertise ratings; a rating is a level from 1 to 5.
    #[test]
    fn fuzz_expertise_reader(lines in file(gold_lines("expertise-dev.jsonl"))) {
        let (text, non_blank, whole) = layout(&lines);
        let (ratings, warnings) = expertise::parse(&text, "g.jsonl", Path::new("/gold"));
        let took: BTreeSet<usize> = ratings.iter().map(|r| line_of(&r.at)).collect();
        let warned: BTreeSet<usize> = warnings.iter().map(|w| line_of(w)).collect();
        prop_assert_eq!(took.len() + warned.len(), non_blank.len());
        prop_assert_eq!(took.union(&warned).copied().collect::<BTreeSet<_>>(), non_blank);
        prop_assert!(whole.is_subset(&took), "whole real lines refused: {:?}", warnings);
        let texts: Vec<&str> = text.lines().collect();
        for r in &ratings {
            let v: Value = serde_json::from_str(texts[line_of(&r.at) - 1]).unwrap();
            prop_assert!((1..=5).contains(&r.expertise));
            prop_assert_eq!(Some(r.expertise as u64), v["expertise"].as_u64());
            prop_assert_eq!(Some(r.enough_signal), v["enough_signal"].as_bool());
        }
    }
}
