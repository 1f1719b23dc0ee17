//! Every form a history holds in 2026: old and compressed Codex rollouts, files whose first
//! lines are damaged or of another shape, and what each session says about itself (origin,
//! plan mode, tokens). Counts are checked against an independent reading of the files.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use leash::corpus::Corpus;
use leash::import::{ImportOptions, Imported, import_path, open_inputs};
use serde_json::{Value, json};

fn here(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn import(p: &Path) -> Vec<Imported> {
    import_path(p, &ImportOptions::default()).expect("imports").imported
}

fn one(p: &Path) -> Imported {
    let mut got = import(p);
    assert_eq!(got.len(), 1, "{}", p.display());
    got.remove(0)
}

fn lines(p: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(p).unwrap();
    text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
}

#[test]
fn old_codex_rollouts_are_read_with_their_patches_as_edits() {
    let p = here("tests/fixtures/codex/old-2025.jsonl");
    let i = one(&p);
    let ls = lines(&p);
    // Independently: prompts are user messages that are not context; calls are function calls.
    let prompts: Vec<&str> = ls
        .iter()
        .filter(|l| l["type"] == "message" && l["role"] == "user")
        .filter_map(|l| l["content"][0]["text"].as_str())
        .filter(|t| !t.starts_with('<'))
        .collect();
    let calls = ls.iter().filter(|l| l["type"] == "function_call").count();
    let got: Vec<&str> = i.raw.turns.iter().map(|t| t.prompt.as_str()).collect();
    assert_eq!(got, prompts);
    assert_eq!(i.raw.turns.iter().map(|t| t.calls.len()).sum::<usize>(), calls);
    assert_eq!(
        i.session.id,
        ls[0]["id"].as_str().unwrap(),
        "the header names the session"
    );
    assert_eq!(i.session.project.as_deref(), Some("/home/bo/calc"));
    assert_eq!(i.session.started_at.as_deref(), Some("2025-05-14T08:30:00.000Z"));
    let acts: Vec<(&str, Option<&str>, Option<bool>)> = i
        .session
        .turns
        .iter()
        .flat_map(|t| &t.actions)
        .map(|a| (a.tool.as_str(), a.target.as_deref(), a.ok))
        .collect();
    assert_eq!(
        acts,
        [
            ("apply_patch", Some("src/ops.rs"), Some(true)),
            ("shell", Some("cargo test"), Some(false)),
            ("apply_patch", Some("src/log.rs"), None),
        ]
    );
    assert!(i.raw.turns[1].calls[0].rejected);
    assert!(i.raw.warnings.is_empty(), "{:?}", i.raw.warnings);
}

fn compress(src: &Path, dir: &Path, how: &str) -> PathBuf {
    let bytes = std::fs::read(src).unwrap();
    let name = src.file_name().unwrap().to_str().unwrap();
    let out = dir.join(format!("{name}.{how}"));
    let packed = match how {
        "zst" => zstd::encode_all(&bytes[..], 3).unwrap(),
        _ => {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(&bytes).unwrap();
            e.finish().unwrap()
        }
    };
    std::fs::write(&out, packed).unwrap();
    out
}

#[test]
fn compressed_rollouts_read_as_the_plain_file_does() {
    let dir = tempfile::tempdir().unwrap();
    let plain = here("../shared/fixtures/codex/rollout-2026-02-23T12-41-04-019c8a4d-8f45-7010-8b5d-7fad920aa6f9.jsonl");
    let want = one(&plain);
    for how in ["zst", "gz"] {
        let packed = compress(&plain, dir.path(), how);
        let got = one(&packed);
        assert_eq!(got.session, want.session, "{how}");
        assert_eq!(got.raw.usage, want.raw.usage, "{how}");
    }
    // A folder holding both finds both, and takes them for the same session: one is kept,
    // the other reported as a repeat by its path.
    let got = import_path(dir.path(), &ImportOptions::default()).unwrap();
    assert_eq!(got.imported.len(), 1);
    assert_eq!(got.imported[0].session.id, want.session.id);
    let repeats: Vec<&String> = got.warnings.iter().filter(|w| w.contains("already read")).collect();
    assert_eq!(repeats.len(), 1, "{:?}", got.warnings);
    assert!(repeats[0].contains(".jsonl.zst") && repeats[0].contains(".jsonl.gz"));
}

fn claude_line(n: usize) -> Value {
    json!({"type": "user", "uuid": format!("u{n}"), "sessionId": "s1", "cwd": "/p", "isSidechain": false,
           "timestamp": "2026-03-01T10:00:00Z", "message": {"role": "user", "content": format!("prompt {n}")}})
}

#[test]
fn damaged_first_lines_or_a_stray_line_do_not_decide_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = String::new();
    for k in 0..12 {
        body.push_str(&format!("{{\"broken\": {k}, \n"));
    }
    // A stray line of Codex's shape, then the real session.
    body.push_str(&json!({"timestamp": "t", "type": "event_msg", "payload": {"type": "x"}}).to_string());
    body.push('\n');
    for n in 0..3 {
        body.push_str(&format!("{}\n", claude_line(n)));
    }
    let f = dir.path().join("damaged.jsonl");
    std::fs::write(&f, &body).unwrap();
    let i = one(&f);
    assert_eq!(i.session.turns.len(), 3);
    assert_eq!(
        i.raw.warnings.len(),
        12,
        "each damaged line named: {:?}",
        i.raw.warnings
    );
    assert!(i.raw.warnings[0].contains("damaged.jsonl:1:"));
}

#[test]
fn a_corpus_with_bad_first_lines_loads_every_good_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = String::new();
    for k in 0..10 {
        body.push_str(&format!("not json {k}\n"));
    }
    for k in 0..5 {
        body.push_str(&format!("{}\n", json!({"id": format!("c{k}"), "turns": []})));
    }
    let f = dir.path().join("corpus.jsonl");
    std::fs::write(&f, body).unwrap();
    let opened = open_inputs(std::slice::from_ref(&f), &ImportOptions::default()).unwrap();
    let mut skips = 0;
    let corpus = Corpus::load(opened.sources, |_| skips += 1).unwrap();
    assert_eq!((corpus.rows.len(), skips), (5, 10));
}

#[test]
fn origin_plan_mode_and_tokens_of_each_fixture() {
    let vetoes = one(&here("tests/fixtures/claude-code/vetoes-and-queue.jsonl"));
    let ide = one(&here("tests/fixtures/codex/ide-vetoes.jsonl"));
    let old = one(&here("tests/fixtures/codex/old-2025.jsonl"));
    assert_eq!(vetoes.raw.origin.as_deref(), Some("cli"));
    assert_eq!(ide.raw.origin.as_deref(), Some("ide"));
    assert_eq!(old.raw.origin, None, "2025 rollouts do not say");
    for i in import(&here("../shared/fixtures/codex")) {
        assert_eq!(i.raw.origin.as_deref(), Some("ide"), "source: vscode (Codex Desktop)");
    }
    for i in import(&here("../shared/fixtures/claude-code")) {
        assert_eq!(i.raw.origin, None, "1.0.x files carry no entrypoint");
    }
    let plan: Vec<bool> = ide.raw.turns.iter().map(|t| t.plan_mode).collect();
    assert_eq!(plan, [false, true]);
    // Tokens, independently: each (message.id, requestId) at its largest, summed.
    let p = here("tests/fixtures/claude-code/vetoes-and-queue.jsonl");
    let mut best: HashMap<(String, String), [u64; 4]> = HashMap::new();
    for l in lines(&p).iter().filter(|l| l["type"] == "assistant") {
        let key = (l["message"]["id"].to_string(), l["requestId"].to_string());
        let u = &l["message"]["usage"];
        let keys = [
            "input_tokens",
            "output_tokens",
            "cache_read_input_tokens",
            "cache_creation_input_tokens",
        ];
        let e = best.entry(key).or_default();
        for (k, name) in keys.iter().enumerate() {
            e[k] = e[k].max(u[name].as_u64().unwrap());
        }
    }
    let sum = |k: usize| best.values().map(|v| v[k]).sum::<u64>();
    let u = vetoes.raw.usage.unwrap();
    assert_eq!(
        [u.input, u.output, u.cache_read, u.cache_creation],
        [sum(0), sum(1), sum(2), sum(3)]
    );
    assert_eq!(
        u.output,
        5 + 5 + 42 + 5,
        "by hand: the streamed message counts at its largest"
    );
    // The corpus line carries them as extension keys (the browser's origin facet reads them).
    let line: Value = serde_json::from_str(&vetoes.line).unwrap();
    assert_eq!(
        (line["origin"].as_str(), line["usage"]["output"].as_u64()),
        (Some("cli"), Some(57))
    );
    assert_eq!(
        line["turns"][0]["mid_turn"],
        json!(["round to cents", "and keep the old signature"])
    );
    assert_eq!(line["turns"][1]["interrupted"], true);
    let line: Value = serde_json::from_str(&ide.line).unwrap();
    assert_eq!(
        (line["origin"].as_str(), &line["turns"][1]["plan_mode"]),
        (Some("ide"), &json!(true))
    );
    assert!(
        serde_json::from_str::<Value>(&old.line)
            .unwrap()
            .get("origin")
            .is_none()
    );
    let c = ide.raw.usage.unwrap();
    assert_eq!((c.input, c.cache_read, c.output), (1000, 4000, 300));
}
