//! Claude Code forks replay their parent's chain into a new file under a new id: the replayed
//! turns count once, in the parent.

use assert_cmd::Command;
use leash::import::{ImportOptions, import_path};
use serde_json::{Value, json};

#[test]
fn a_fork_replaying_its_parent_is_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let parent = "11111111-1111-4111-8111-111111111111";
    let line = |sid: &str, uuid: &str, text: &str| {
        let l = json!({"type": "user", "uuid": uuid, "sessionId": sid, "cwd": "/x", "isSidechain": false,
                       "entrypoint": "cli", "timestamp": "2026-01-01T00:00:00Z", "message": {"role": "user", "content": text}});
        format!("{l}\n")
    };
    let chain = [("u1", "first prompt"), ("u2", "second prompt")];
    let body = |sid: &str| chain.iter().map(|(u, t)| line(sid, u, t)).collect::<String>();
    std::fs::write(dir.path().join(format!("{parent}.jsonl")), body(parent)).unwrap();
    // `--fork-session`: the chain replayed under a new id, then a prompt of its own.
    let fork = "22222222-2222-4222-8222-222222222222";
    std::fs::write(
        dir.path().join(format!("{fork}.jsonl")),
        body(fork) + &line(fork, "u3", "the fork's own prompt"),
    )
    .unwrap();
    // A background fork that has done nothing yet: only the replay.
    let idle = "33333333-3333-4333-8333-333333333333";
    let mut idle_body = body(idle);
    idle_body = idle_body.replace(
        "\"entrypoint\":\"cli\"",
        "\"entrypoint\":\"cli\",\"sessionKind\":\"bg\"",
    );
    std::fs::write(dir.path().join(format!("{idle}.jsonl")), idle_body).unwrap();
    let got = import_path(dir.path(), &ImportOptions::default()).unwrap();
    let turns: Vec<(&str, Vec<&str>)> = got
        .imported
        .iter()
        .map(|i| {
            (
                i.session.id.as_str(),
                i.session.turns.iter().map(|t| t.prompt.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        turns,
        [
            (parent, vec!["first prompt", "second prompt"]),
            (fork, vec!["the fork's own prompt"])
        ]
    );
    let fork_line: Value = serde_json::from_str(&got.imported[1].line).unwrap();
    assert_eq!(
        (
            fork_line["turns"].as_array().unwrap().len(),
            &fork_line["replayed_turns_skipped"]
        ),
        (1, &json!(2))
    );
    let named: Vec<&String> = got.warnings.iter().filter(|w| w.contains("replay")).collect();
    assert_eq!(named.len(), 2, "{:?}", got.warnings);
    assert!(named.iter().any(|w| w.contains(idle) && w.contains("left out")));
    // Through the app's path (lines only), the same: three files, five prompts, counted as three.
    let opened = leash::import::open_inputs(&[dir.path().to_path_buf()], &ImportOptions::default()).unwrap();
    let corpus = leash::corpus::Corpus::load(opened.sources, |_| {}).unwrap();
    assert_eq!(corpus.rows.iter().map(|r| r.turns).sum::<u32>(), 3);
}

/// `leash import` streams its lines; a background fork read before its parent (its file
/// sorts first) still gives its replayed turns to the parent, and the output keeps the
/// files' order: the lines are those of the library's reading, which holds every session.
#[test]
fn leash_import_streams_forks_read_before_their_parent() {
    let dir = tempfile::tempdir().unwrap();
    let line = |sid: &str, uuid: &str, text: &str, bg: bool| {
        let mut l = json!({"type": "user", "uuid": uuid, "sessionId": sid, "cwd": "/x", "isSidechain": false,
                           "entrypoint": "cli", "timestamp": "2026-01-01T00:00:00Z",
                           "message": {"role": "user", "content": text}});
        if bg {
            l["sessionKind"] = json!("bg");
        }
        format!("{l}\n")
    };
    let chain = [("u1", "first prompt"), ("u2", "second prompt \u{202e}")];
    let body = |sid: &str, bg: bool| chain.iter().map(|(u, t)| line(sid, u, t, bg)).collect::<String>();
    // Names sort: the two forks, then the parent, then a session of its own.
    let (fork, idle) = (
        "00000000-0000-4000-8000-000000000001",
        "00000000-0000-4000-8000-000000000002",
    );
    let (parent, other) = (
        "11111111-1111-4111-8111-111111111111",
        "22222222-2222-4222-8222-222222222222",
    );
    let write = |sid: &str, text: String| std::fs::write(dir.path().join(format!("{sid}.jsonl")), text).unwrap();
    write(
        fork,
        body(fork, true) + &line(fork, "u3", "the fork's own prompt", true),
    );
    write(idle, body(idle, true));
    write(parent, body(parent, false));
    write(other, line(other, "u9", "unrelated", false));
    let out = Command::cargo_bin("leash")
        .unwrap()
        .args(["import", "--no-cache"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let prompts = |v: &Value| -> Vec<String> {
        v["turns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["prompt"].as_str().unwrap().to_owned())
            .collect()
    };
    let read: Vec<(&str, Vec<String>)> = got.iter().map(|v| (v["id"].as_str().unwrap(), prompts(v))).collect();
    let chain_prompts: Vec<String> = chain.iter().map(|(_, t)| t.to_string()).collect();
    assert_eq!(
        read,
        [
            (fork, vec!["the fork's own prompt".to_owned()]),
            (parent, chain_prompts),
            (other, vec!["unrelated".to_owned()])
        ]
    );
    assert_eq!(got[0]["replayed_turns_skipped"], json!(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{idle}.jsonl: only replays turns")),
        "{stderr}"
    );
    // The library's reading (every session in memory, then the replays dropped) agrees.
    let lib = import_path(dir.path(), &ImportOptions::default()).unwrap();
    let lib: Vec<Value> = lib
        .imported
        .iter()
        .map(|i| serde_json::from_str(&i.line).unwrap())
        .collect();
    assert_eq!(lib, got);
}
