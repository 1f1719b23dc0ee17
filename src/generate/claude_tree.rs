//! One synthetic Claude Code session in the 2.1.x shape: a project folder named after its
//! `cwd`, a session file of many line types (snapshots, permission modes, streamed assistant
//! lines with usage, tool results, queue operations, rejections, interrupts, titles), and a
//! `subagents/` folder with `meta.json` files when it delegates.

use rand::RngExt;
use rand_pcg::Pcg64;
use serde_json::{Value, json};

use super::text::{BUGS, FEATURES, LANGS, PROJECTS, STEMS};
use super::tree::{Counts, FileOut, clock, pick, uuid};

/// Writes session `n` into `files`: the session file and its sub-agent files.
pub fn session(rng: &mut Pcg64, n: u64, files: &mut Vec<FileOut>, c: &mut Counts) {
    let (project, lang) = PROJECTS[rng.random_range(0..PROJECTS.len())];
    let lang = LANGS[lang];
    let cwd = format!("/home/dev/{project}");
    let folder: String = cwd
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
        .collect();
    let id = uuid(rng);
    let entrypoint = match rng.random_range(0..10) {
        0 => "claude-vscode",
        1 => "sdk-cli",
        _ => "cli",
    };
    let mut t = clock(rng, n);
    let mut lines: Vec<Value> = Vec::new();
    let base = |t: &str, ty: &str| {
        json!({"type": ty, "sessionId": id, "cwd": cwd, "version": "2.1.40", "entrypoint": entrypoint,
               "userType": "external", "isSidechain": false, "gitBranch": "main", "timestamp": t})
    };
    lines
        .push(json!({"type": "file-history-snapshot", "messageId": uuid(rng), "snapshot": {"trackedFileBackups": {}}}));
    if rng.random_bool(0.2) {
        lines.push(json!({"type": "permission-mode", "permissionMode": "plan", "sessionId": id}));
    }
    let turns = rng.random_range(1..=6);
    let mut subagents = Vec::new();
    for turn in 0..turns {
        let prompt = if turn == 0 {
            format!("{} in {}", pick(rng, FEATURES), project)
        } else {
            format!("now fix it: {}", pick(rng, BUGS))
        };
        let mut u = base(&t.tick(rng), "user");
        u["uuid"] = json!(uuid(rng));
        u["promptSource"] = json!("typed");
        u["message"] = json!({"role": "user", "content": prompt});
        lines.push(u);
        c.turns += 1;
        let calls = rng.random_range(0..=8);
        for k in 0..calls {
            let mid = format!("msg_{}", uuid(rng));
            let req = format!("req_{}", uuid(rng));
            let file = format!("{}/{}.{}", pick(rng, lang.dirs), pick(rng, STEMS), lang.ext);
            let (tool, input) = match rng.random_range(0..5) {
                0 => ("Read", json!({"file_path": format!("{cwd}/{file}")})),
                1 => (
                    "Edit",
                    json!({"file_path": format!("{cwd}/{file}"), "old_string": "a", "new_string": "b"}),
                ),
                2 => ("Grep", json!({"pattern": pick(rng, STEMS)})),
                _ => ("Bash", json!({"command": pick(rng, lang.test)})),
            };
            let delegate = k == 0 && rng.random_bool(0.15);
            let (tool, input) = if delegate {
                (
                    "Task",
                    json!({"subagent_type": "Explore", "description": "look around", "prompt": format!("Map {project}")}),
                )
            } else {
                (tool, input)
            };
            let call_id = format!("toolu_{}", uuid(rng));
            // Streaming: the text block, then the tool_use block, same message, growing usage.
            for (blocks, out) in [
                (json!([{"type": "text", "text": format!("Looking at {file}.")}]), 12),
                (
                    json!([{"type": "tool_use", "id": call_id, "name": tool, "input": input}]),
                    40,
                ),
            ] {
                let mut a = base(&t.tick(rng), "assistant");
                a["uuid"] = json!(uuid(rng));
                a["requestId"] = json!(req);
                a["message"] = json!({"id": mid, "role": "assistant", "model": "claude-sonnet-4-5", "content": blocks,
                    "usage": {"input_tokens": 6, "output_tokens": out, "cache_read_input_tokens": 9000, "cache_creation_input_tokens": 300}});
                lines.push(a);
            }
            c.usage_output += 40;
            c.actions += 1;
            let rejected = tool == "Edit" && rng.random_bool(0.1);
            let result = if rejected {
                "The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file). STOP what you are doing and wait for the user to tell you how to proceed.".to_owned()
            } else {
                "ok\n".repeat(rng.random_range(1..40))
            };
            let mut r = base(&t.tick(rng), "user");
            r["uuid"] = json!(uuid(rng));
            r["message"] = json!({"role": "user", "content": [{"type": "tool_result", "tool_use_id": call_id, "content": result, "is_error": rejected}]});
            lines.push(r);
            if rejected {
                c.rejected += 1;
                let mut i = base(&t.tick(rng), "user");
                i["message"] = json!({"role": "user", "content": [{"type": "text", "text": "[Request interrupted by user for tool use]"}]});
                lines.push(i);
                break;
            }
            if delegate {
                subagents.push((call_id, t.tick(rng)));
            }
            if k == 1 && rng.random_bool(0.2) {
                let words = format!("also check {}", pick(rng, STEMS));
                let ts = t.tick(rng);
                lines.push(json!({"type": "queue-operation", "operation": "enqueue", "content": words, "sessionId": id, "timestamp": ts}));
                lines.push(json!({"type": "attachment", "attachment": {"type": "queued_command", "prompt": words, "commandMode": "prompt", "origin": {"kind": "human"}}, "sessionId": id, "timestamp": ts}));
                lines.push(json!({"type": "queue-operation", "operation": "remove", "content": words, "sessionId": id, "timestamp": ts}));
                c.mid_turn += 1;
            }
        }
        if rng.random_bool(0.05) {
            let mut i = base(&t.tick(rng), "user");
            i["message"] =
                json!({"role": "user", "content": [{"type": "text", "text": "[Request interrupted by user]"}]});
            lines.push(i);
            c.interrupts += 1;
        }
        lines.push(json!({"type": "system", "subtype": "turn_duration", "durationMs": 4000, "sessionId": id, "timestamp": t.tick(rng)}));
    }
    lines.push(json!({"type": "ai-title", "aiTitle": format!("Work on {project}"), "sessionId": id}));
    let path = format!("{folder}/{id}.jsonl");
    files.push(FileOut::lines(path, &lines));
    for (call_id, ts) in subagents {
        let aid = format!("a{}", &uuid(rng)[..7]);
        let calls = rng.random_range(1..=4);
        let mut sub = vec![
            json!({"type": "user", "isSidechain": true, "agentId": aid, "sessionId": id, "timestamp": ts,
            "message": {"role": "user", "content": format!("Map {project}")}}),
        ];
        for _ in 0..calls {
            sub.push(json!({"type": "assistant", "isSidechain": true, "agentId": aid, "sessionId": id, "timestamp": ts,
                "message": {"id": uuid(rng), "role": "assistant", "content": [{"type": "tool_use", "id": format!("toolu_{}", uuid(rng)), "name": "Grep", "input": {"pattern": pick(rng, STEMS)}}]}}));
        }
        c.subagent_actions += calls;
        let dir = format!("{folder}/{id}/subagents/agent-{aid}");
        files.push(FileOut::lines(format!("{dir}.jsonl"), &sub));
        let meta = json!({"agentType": "Explore", "description": "look around", "toolUseId": call_id});
        files.push(FileOut::bytes(
            format!("{dir}.meta.json"),
            meta.to_string().into_bytes(),
        ));
    }
    c.sessions += 1;
}
