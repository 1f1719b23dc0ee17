//! Claude Code forks replay their parent's chain into a new file under a new id: the replayed
//! turns count once, in the parent.

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
