//! Property-based fuzzing of the readers of files other programs write (`docs/testing.md`):
//! Claude Code and Codex transcripts, and the audit sidecar. Lines are real fixture lines,
//! damaged (a byte dropped, changed or inserted, a line dropped or repeated), or generated
//! JSON with the keys the readers look at. `PROPTEST_CASES` sets the number of transcripts
//! or sidecars per target (64 by default, for CI).

mod support;

use std::path::Path;

use leash::audit::{AuditLog, Verdict};
use leash::import::{ImportOptions, build, claude, codex, to_line};
use proptest::prelude::*;
use serde_json::{Value, json};
use support::fuzz::{cases, damage};

/// Every non-blank line of every fixture transcript of one format.
fn fixture_lines(sub: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut stack = vec![
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/fixtures")
            .join(sub),
    ];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        } else if p.extension().is_some_and(|e| e == "jsonl") {
            let bytes = std::fs::read(&p).unwrap();
            out.extend(
                bytes
                    .split(|b| *b == b'\n')
                    .filter(|l| !l.is_empty())
                    .map(<[u8]>::to_vec),
            );
        }
    }
    out.sort();
    assert!(out.len() > 20, "fixtures for {sub}");
    out
}

/// Generated lines with the keys either reader dispatches on, values of any type.
fn generated() -> impl Strategy<Value = Vec<u8>> {
    let v = prop_oneof![
        Just(Value::Null),
        Just(json!("user")),
        Just(json!("assistant")),
        Just(json!("tool_use")),
        Just(json!("message")),
        Just(json!([{"type": "text", "text": "hi"}, {"type": "tool_use", "id": "t", "name": "Bash", "input": {}}])),
        Just(json!({"role": "user", "content": "x"})),
        Just(json!(3)),
        "\\PC{0,6}".prop_map(Value::from),
    ];
    const KEYS: [&str; 12] = [
        "type",
        "message",
        "payload",
        "role",
        "content",
        "sessionId",
        "uuid",
        "parentUuid",
        "timestamp",
        "name",
        "arguments",
        "isSidechain",
    ];
    prop::collection::vec((prop::sample::select(&KEYS[..]), v), 0..6).prop_map(|kv| {
        json!(
            kv.into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect::<serde_json::Map<_, _>>()
        )
        .to_string()
        .into_bytes()
    })
}

/// A transcript: fixture lines (damaged or not) and generated ones, in any order.
fn transcript(lines: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![
        3 => (prop::sample::select(lines), any::<u8>(), any::<prop::sample::Index>(), any::<u8>())
            .prop_map(|(l, how, at, b)| damage(l, how, at, b)),
        1 => generated(),
    ];
    prop::collection::vec(line, 0..24).prop_map(|ls| ls.join(&b"\n"[..]))
}

/// Whatever a reader makes of a transcript, the corpus line leash writes for it loads, and
/// opens in full: no damaged input gets leash to write a line it cannot read back.
fn check_session(raw: &leash::import::RawSession) -> Result<(), TestCaseError> {
    for w in &raw.warnings {
        prop_assert!(w.starts_with("t.jsonl"), "warning without its file: {w}");
    }
    let session = build(raw, &ImportOptions::default());
    let line = to_line(raw, &session);
    let loaded = leash::corpus::parse_line(line.as_bytes());
    prop_assert!(loaded.is_ok(), "{:?}: {line}", loaded);
    let full = serde_json::from_str::<leash::model::Session>(&line);
    prop_assert!(full.is_ok(), "{:?}", full);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_claude_code_reader(t in transcript(fixture_lines("claude-code"))) {
        check_session(&claude::parse(&t[..], "t.jsonl", "t"))?;
    }

    #[test]
    fn fuzz_codex_reader(t in transcript(fixture_lines("codex"))) {
        check_session(&codex::parse(&t[..], "t.jsonl", "t"))?;
    }

    #[test]
    fn fuzz_audit_reader(lines in prop::collection::vec(audit_line(), 0..12)) {
        let bytes = lines.join(&b"\n"[..]);
        let log = AuditLog::parse(Path::new("a.jsonl"), &bytes);
        // Each non-blank line is either a verdict or a problem naming its line, never both.
        let problems: Vec<u64> = log.problems().iter().map(|p| p.line).collect();
        for (i, l) in bytes.split(|b| *b == b'\n').enumerate() {
            let l = l.strip_suffix(b"\r").unwrap_or(l);
            if l.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let bad = problems.contains(&(i as u64 + 1));
            prop_assert_eq!(bad, Verdict::from_line(l).is_err(), "line {}", i + 1);
        }
    }

    #[test]
    fn fuzz_verdicts_round_trip(v in verdict()) {
        let line = serde_json::to_vec(&v).unwrap();
        prop_assert_eq!(Verdict::from_line(&line).ok(), v.check().is_ok().then_some(v));
    }
}

fn verdict() -> impl Strategy<Value = Verdict> {
    use leash::audit::VerdictKind;
    use leash::model::{Actor, Kind};
    let actor = prop::option::of(prop::sample::select(vec![Actor::Human, Actor::Agent]));
    let kind = prop::option::of(prop::sample::select(vec![Kind::Planning, Kind::Execution]));
    let base = (
        "\\PC{0,4}",
        "\\PC{0,4}",
        0u8..7,
        actor,
        kind,
        prop::option::of("\\PC{0,8}"),
        "\\PC{0,4}",
        prop::option::of("[a-f0-9]{4}"),
    );
    // The keys the newer line forms carry (added decisions, complete turns, ratings, keys
    // that survive a reclassification, settled disagreements), each present or not.
    let extra = (
        prop::option::of("[a-f0-9:]{0,12}"),
        prop::option::of(0usize..40),
        prop::option::of("[A-Z-]{0,8}"),
        prop::option::of("\\PC{0,6}"),
        prop::option::of("\\PC{0,8}"),
        prop::option::of(0u8..8),
        any::<bool>(),
        any::<bool>(),
    );
    (base, extra).prop_map(
        |((s, d, k, a, kd, note, auditor, fp), (key, turn, rule, cat, ev, level, settles, undo))| {
            let mut v = match k {
                0 => Verdict::reject(&s, &d),
                1 => Verdict::confirm(&s, &d, a.unwrap_or(Actor::Human), kd.unwrap_or(Kind::Planning)),
                _ => Verdict::relabel(&s, &d, Actor::Agent, Kind::Execution),
            };
            v.verdict = match k {
                3 => VerdictKind::Retract,
                4 => VerdictKind::Add,
                5 => VerdictKind::Complete,
                6 => VerdictKind::Expertise,
                _ => v.verdict,
            };
            if k == 0 || k >= 3 {
                (v.actor, v.kind) = (a, kd);
            }
            (v.key, v.turn, v.rule, v.category, v.evidence, v.level) = (key, turn, rule, cat, ev, level);
            (v.settles, v.undo) = (settles, undo);
            v.note = note;
            v.with_auditor(auditor).at("2026-01-01T00:00:00Z").with_fingerprint(fp)
        },
    )
}

fn audit_line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => (verdict(), any::<u8>(), any::<prop::sample::Index>(), any::<u8>())
            .prop_map(|(v, how, at, b)| damage(serde_json::to_vec(&v).unwrap(), how, at, b)),
        1 => "\\PC{0,20}".prop_map(String::into_bytes),
    ]
}
