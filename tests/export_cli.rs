//! `leash export`: each table in each format, through the binary, read back and checked
//! against the corpus it came from; the three formats hold the same cells.

mod support;

use std::path::Path;

use serde_json::{Map, Value, json};
use support::export::{TRICKY, csv_text, export, file, generated, lines, read_rows};

const TABLES: [&str; 4] = ["sessions", "turns", "decisions", "actions"];

/// Every table in every format: the JSON Lines rows checked against the corpus, the Parquet
/// rows equal to them, the CSV cells their neutralised text.
fn check_corpus(dir: &Path, corpus: &Path, tables: &[&str]) {
    let sessions = lines(corpus);
    for &table in tables {
        let out = |ext: &str| dir.join(format!("{table}.{ext}"));
        for ext in ["jsonl", "parquet", "csv"] {
            export(corpus, table, &out(ext), &[]);
        }
        let rows = read_rows(&out("jsonl"));
        let expected = expected_rows(table, &sessions);
        assert_eq!(rows.len(), expected.len(), "{table}: one row per {table}");
        for (row, want) in rows.iter().zip(&expected) {
            for (k, v) in want {
                assert!(same(&row[k], v), "{table} row {row:?}, column {k}: {v} expected");
            }
        }
        let parquet = read_rows(&out("parquet"));
        assert_eq!(parquet.len(), rows.len());
        for (p, j) in parquet.iter().zip(&rows) {
            assert_eq!(
                p.keys().collect::<Vec<_>>(),
                j.keys().collect::<Vec<_>>(),
                "{table}: Parquet columns"
            );
            assert!(
                p.iter().all(|(k, v)| same(v, &j[k])),
                "{table}: Parquet {p:?} against JSON Lines {j:?}"
            );
        }
        let csv = read_rows(&out("csv"));
        assert_eq!(csv.len(), rows.len());
        for (c, j) in csv.iter().zip(&rows) {
            assert_eq!(
                c.keys().collect::<Vec<_>>(),
                j.keys().collect::<Vec<_>>(),
                "{table}: CSV header"
            );
            for (k, v) in j {
                let (cell, text) = (c[k].as_str().unwrap(), csv_text(v));
                let close = |a: &str, b: &str| {
                    a.parse::<f64>()
                        .ok()
                        .zip(b.parse().ok())
                        .is_some_and(|(a, b)| near(a, b))
                };
                assert!(
                    cell == text || close(cell, &text),
                    "{table} CSV column {k}: {cell:?} for {v}"
                );
            }
        }
    }
}

/// What the corpus says each row must hold (the columns it determines directly).
fn expected_rows(table: &str, sessions: &[Value]) -> Vec<Map<String, Value>> {
    let mut rows = Vec::new();
    for s in sessions {
        let turns = s["turns"].as_array().unwrap();
        let id = s["id"].clone();
        let redacted = s["redacted"] == json!(true);
        if table == "sessions" {
            let actions: usize = turns.iter().map(|t| t["actions"].as_array().map_or(0, Vec::len)).sum();
            let mut counts = [[0u64; 2]; 2];
            for d in turns
                .iter()
                .flat_map(|t| t["decisions"].as_array().cloned().unwrap_or_default())
            {
                let k = usize::from(d["kind"] == "execution");
                let a = usize::from(d["actor"] == "agent");
                counts[k][a] += u64::from(!redacted);
            }
            let share = |[h, a]: [u64; 2]| (h + a > 0).then(|| h as f64 / (h + a) as f64);
            let (plan, exec) = (share(counts[0]), share(counts[1]));
            rows.push(obj(json!({
                "session_id": id, "turns": turns.len(), "actions": actions, "redacted": redacted,
                "planning_human": counts[0][0], "planning_agent": counts[0][1],
                "execution_human": counts[1][0], "execution_agent": counts[1][1],
                "actions_per_prompt": (!turns.is_empty()).then(|| actions as f64 / turns.len() as f64),
                "planning_human_share": plan, "execution_human_share": exec,
                "user_keeps_execution": exec.is_some_and(|e| e > 0.8),
                "agent_controls_planning": plan.is_some_and(|p| p < 0.2),
                "expertise_name": expertise_name(&s["expertise"]),
                "mode": s["mode"], "outcome": s["outcome"], "model": s["model"],
                "started_at": s["started_at"], "project": s.get("project").cloned().unwrap_or(json!("")),
            })));
            continue;
        }
        for (n, t) in turns.iter().enumerate() {
            let head = json!({"session_id": id, "turn": n + 1, "expertise_name": expertise_name(&s["expertise"]),
                              "mode": s["mode"], "outcome": s["outcome"], "model": s["model"]});
            let list = |key: &str| t[key].as_array().cloned().unwrap_or_default();
            match table {
                "turns" => rows.push(with(
                    &head,
                    json!({"prompt": t["prompt"], "actions": list("actions").len(),
                                                        "decisions": list("decisions").len()}),
                )),
                "decisions" => rows.extend(list("decisions").iter().map(|d| {
                    let counted = if redacted { json!(null) } else { d["actor"].clone() };
                    with(
                        &head,
                        json!({"decision_id": d["id"], "kind": d["kind"], "actor": d["actor"],
                                       "counted_actor": counted, "ratified": d["ratified"] == json!(true),
                                       "category": d["category"], "summary": d["summary"],
                                       "evidence": d["evidence"], "confidence": d["confidence"], "rule": d["rule"]}),
                    )
                })),
                _ => rows.extend(list("actions").iter().enumerate().map(|(i, a)| {
                    with(
                        &head,
                        json!({"action": i + 1, "tool": a["tool"], "target": a["target"], "ok": a["ok"]}),
                    )
                })),
            }
        }
    }
    rows
}

/// Equal, numbers within a few units of the last place: serde_json's reader (without its
/// `float_roundtrip` feature) can land a float one or two ULPs from the written digits.
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => near(x, y),
        _ => a == b,
    }
}

fn near(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-14 * x.abs().max(y.abs()).max(1.0)
}

fn obj(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

fn with(head: &Value, more: Value) -> Map<String, Value> {
    let mut m = obj(head.clone());
    m.extend(obj(more));
    m
}

fn expertise_name(v: &Value) -> &'static str {
    const NAMES: [&str; 5] = ["novice", "beginner", "intermediate", "advanced", "expert"];
    match v {
        Value::Number(n) => NAMES[n.as_u64().unwrap() as usize - 1],
        Value::String(s) => NAMES.iter().find(|n| *n == s).unwrap(),
        _ => "unknown",
    }
}

#[test]
fn every_table_and_format_of_a_hand_made_corpus_reads_back_as_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = file(dir.path(), "tricky.jsonl", TRICKY);
    check_corpus(dir.path(), &corpus, &TABLES);
}

#[test]
fn a_generated_corpus_of_several_batches_reads_back_in_order() {
    let dir = tempfile::tempdir().unwrap();
    // More sessions than one batch (2,048) of the turns, decisions and actions tables.
    let corpus = generated(dir.path(), 2100, 11);
    // The sessions, and the decisions (the actions and turns are written by the same path).
    check_corpus(dir.path(), &corpus, &["sessions", "decisions"]);
}

#[test]
fn ratified_as_human_moves_ratified_decisions_in_counted_actor_and_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = file(dir.path(), "tricky.jsonl", TRICKY);
    let d = dir.path().join("d.jsonl");
    export(&corpus, "decisions", &d, &["--ratified-as", "human"]);
    let counted: Vec<(String, Value)> = read_rows(&d)
        .iter()
        .map(|r| {
            (
                format!(
                    "{}/{}",
                    r["session_id"].as_str().unwrap(),
                    r["decision_id"].as_str().unwrap()
                ),
                r["counted_actor"].clone(),
            )
        })
        .collect();
    assert_eq!(
        counted,
        [
            ("t1/d1", json!("human")),
            ("t1/d2", json!("human")),
            ("t1/d3", json!("human")),
            ("t2/d1", json!(null)),
            ("t4/x", json!("human"))
        ]
        .map(|(k, v)| (k.to_owned(), v))
    );
    let s = dir.path().join("s.jsonl");
    export(&corpus, "sessions", &s, &["--ratified-as", "human"]);
    let t1 = &read_rows(&s)[0];
    assert_eq!((&t1["planning_human"], &t1["planning_agent"]), (&json!(2), &json!(0)));
    assert_eq!(t1["execution_human_share"], json!(1.0));
}

/// A table written while the corpus loads is staged beside its path and moved over it when
/// complete: an earlier file at the path is replaced whole, keeping its permissions, and no
/// temporary file is left in the folder.
#[cfg(unix)]
#[test]
fn an_export_written_while_loading_replaces_the_earlier_file_whole() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let corpus = generated(dir.path(), 30, 3);
    let out = file(dir.path(), "d.csv", "an earlier export\n");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    export(&corpus, "decisions", &out, &[]);
    let rows = read_rows(&out);
    assert!(rows.len() > 30, "the decisions of 30 sessions: {}", rows.len());
    assert!(!std::fs::read_to_string(&out).unwrap().contains("an earlier export"));
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["d.csv", "gen-30-3.jsonl"], "nothing else left in the folder");
}
