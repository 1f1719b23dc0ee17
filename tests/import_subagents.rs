//! Claude Code 2.1.x project folders: sub-agent files with `meta.json` (types, nesting,
//! workflow runs), persisted outputs, newer line types, sessions keyed by `sessionId`, and
//! repeats named by path. Counts are checked against an independent reading of the files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use leash::import::{ImportOptions, import_path};
use serde_json::{Value, json};

fn project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/claude-code/project-2.1")
}

/// Every `agent-*.jsonl` under `dir` (recursively), compaction agents left out.
fn agent_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            agent_files(&p, out);
        } else if name.starts_with("agent-") && name.ends_with(".jsonl") && !name.starts_with("agent-acompact") {
            out.push(p);
        }
    }
}

/// Per agent file: (its distinct tool_use ids, the meta's toolUseId, agentType).
fn independent(dir: &Path) -> Vec<(Vec<String>, Option<String>, Option<String>)> {
    let mut files = Vec::new();
    agent_files(dir, &mut files);
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let mut ids: Vec<String> = text
                .lines()
                .filter_map(|l| serde_json::from_str::<Value>(l).ok())
                .flat_map(|l| {
                    l.pointer("/message/content")
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default()
                })
                .filter(|b| b["type"] == "tool_use")
                .map(|b| b["id"].as_str().unwrap().to_owned())
                .collect();
            ids.dedup();
            let meta: Value = std::fs::read(f.with_extension("meta.json"))
                .map(|b| serde_json::from_slice(&b).unwrap())
                .unwrap_or(Value::Null);
            let s = |k: &str| meta[k].as_str().map(str::to_owned);
            (ids, s("toolUseId"), s("agentType"))
        })
        .collect()
}

#[test]
fn subagents_nest_through_meta_and_read_only_ones_are_told() {
    let got = import_path(&project(), &ImportOptions::default()).unwrap();
    assert_eq!(got.imported.len(), 1);
    let i = &got.imported[0];
    let session_dir = project().join("b7e04c1a-6d2f-4a8e-9c3b-2f1e0d9c8b7a/subagents");
    let want = independent(&session_dir);
    let total: usize = want.iter().map(|(ids, ..)| ids.len()).sum();
    let subs = &i.raw.turns[0].subagents;
    assert!(i.raw.unattached_subagents.is_empty());
    assert_eq!(subs.len(), want.len(), "one per file, the compaction agent left out");
    assert_eq!(subs.iter().map(|a| a.actions as usize).sum::<usize>(), total);
    assert_eq!(total, 7, "by hand");
    // Depth, independently: follow toolUseId to the agent whose calls hold it.
    let owner: HashMap<&str, usize> = want
        .iter()
        .enumerate()
        .flat_map(|(k, (ids, ..))| ids.iter().map(move |c| (c.as_str(), k)))
        .collect();
    let depth = |mut k: usize| {
        let mut d = 0;
        while let Some(&p) = want[k].1.as_deref().and_then(|t| owner.get(t)) {
            (k, d) = (p, d + 1);
        }
        d
    };
    let mut want_rows: Vec<(Option<String>, u32)> = (0..want.len()).map(|k| (want[k].2.clone(), depth(k))).collect();
    let mut got_rows: Vec<(Option<String>, u32)> = subs.iter().map(|a| (a.agent_type.clone(), a.depth)).collect();
    want_rows.sort();
    got_rows.sort();
    assert_eq!(got_rows, want_rows);
    let by_type = |t: &str| subs.iter().find(|a| a.agent_type.as_deref() == Some(t)).unwrap();
    assert!(by_type("Explore").read_only && by_type("Plan").read_only);
    assert!(!by_type("general-purpose").read_only);
    assert_eq!(
        by_type("Plan").call_id.as_deref(),
        Some("toolu_g2"),
        "started by the general agent"
    );
    assert_eq!(by_type("Plan").depth, 1);
    assert_eq!(by_type("workflow-step").workflow.as_deref(), Some("wf-nightly"));
    let line: Value = serde_json::from_str(&i.line).unwrap();
    assert_eq!(line["turns"][0]["subagent_actions"], json!(total));
    // The bad line of a sub-agent file is named FILE:LINE like any other.
    let bad: Vec<&String> = got
        .warnings
        .iter()
        .filter(|w| w.contains("agent-aexp1.jsonl:3:"))
        .collect();
    assert_eq!(bad.len(), 1, "{:?}", got.warnings);
    assert_eq!(
        got.warnings.len(),
        1,
        "newer line types raise no warning: {:?}",
        got.warnings
    );
}

#[test]
fn persisted_outputs_are_read_from_tool_results() {
    let got = import_path(&project(), &ImportOptions::default()).unwrap();
    let call = &got.imported[0].raw.turns[0].calls[2];
    assert_eq!(call.tool, "Bash");
    let r = call.result.as_deref().unwrap();
    assert!(r.starts_with("   Compiling syn v2.0.1\n   Compiling"), "{r}");
    assert!(!r.contains("persisted-output"));
}

fn session(id: &str, prompt: &str) -> String {
    let l = json!({"type": "user", "uuid": format!("u-{id}"), "sessionId": id, "cwd": "/x", "isSidechain": false,
                   "timestamp": "2026-01-01T00:00:00Z", "message": {"role": "user", "content": prompt}});
    format!("{l}\n")
}

#[test]
fn sessions_are_keyed_by_session_id_and_repeats_named_by_path() {
    let dir = tempfile::tempdir().unwrap();
    for k in 0..3 {
        let p = dir.path().join(format!("proj{k}"));
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join("short.jsonl"), session(&format!("id-{k}"), "hi")).unwrap();
    }
    // The same session copied into another folder.
    std::fs::create_dir_all(dir.path().join("copy")).unwrap();
    std::fs::write(dir.path().join("copy/again.jsonl"), session("id-1", "hi")).unwrap();
    let got = import_path(dir.path(), &ImportOptions::default()).unwrap();
    let mut ids: Vec<&str> = got.imported.iter().map(|i| i.session.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["id-0", "id-1", "id-2"], "three short.jsonl files, three sessions");
    let repeat: Vec<&String> = got.warnings.iter().filter(|w| w.contains("already read")).collect();
    assert_eq!(repeat.len(), 1, "{:?}", got.warnings);
    // Files are read in path order: copy/ first, so proj1/'s file is the repeat.
    let (first, later) = (
        dir.path().join("copy/again.jsonl"),
        dir.path().join("proj1/short.jsonl"),
    );
    assert!(repeat[0].starts_with(&*later.display().to_string()), "{}", repeat[0]);
    assert!(repeat[0].contains(&*first.display().to_string()), "{}", repeat[0]);
}
#[test]
fn a_session_s_tokens_include_its_subagents() {
    let got = import_path(&project(), &ImportOptions::default()).unwrap();
    let u = got.imported[0].raw.usage.unwrap();
    // Independently: every assistant line of the session file and its sub-agent files, each
    // (message.id, requestId) once at its largest.
    let mut files = vec![project().join("b7e04c1a-6d2f-4a8e-9c3b-2f1e0d9c8b7a.jsonl")];
    agent_files(
        &project().join("b7e04c1a-6d2f-4a8e-9c3b-2f1e0d9c8b7a/subagents"),
        &mut files,
    );
    let mut best: HashMap<(String, String), [u64; 4]> = HashMap::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        for l in text.lines().filter_map(|l| serde_json::from_str::<Value>(l).ok()) {
            let usage = &l["message"]["usage"];
            if l["type"] != "assistant" || usage.is_null() {
                continue;
            }
            let key = (l["message"]["id"].to_string(), l["requestId"].to_string());
            let e = best.entry(key).or_default();
            let keys = [
                "input_tokens",
                "output_tokens",
                "cache_read_input_tokens",
                "cache_creation_input_tokens",
            ];
            for (k, name) in keys.iter().enumerate() {
                e[k] = e[k].max(usage[name].as_u64().unwrap_or(0));
            }
        }
    }
    let sum = |k: usize| best.values().map(|v| v[k]).sum::<u64>();
    assert_eq!(
        [u.input, u.output, u.cache_read, u.cache_creation],
        [sum(0), sum(1), sum(2), sum(3)]
    );
    assert_eq!(
        [u.input, u.output, u.cache_read, u.cache_creation],
        [209, 121, 2000, 20],
        "by hand"
    );
}
