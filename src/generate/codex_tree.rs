//! One synthetic Codex rollout in the 2026 shape: `session_meta`, per turn a `task_started`,
//! the prompt twice (event and item), a `turn_context`, shell calls and patches with their
//! outputs, the agent's prose twice, `token_count`, `task_complete`; some in plan mode, some
//! from the IDE extension (wrapped prompts), some with a refused patch or an aborted turn.

use rand::RngExt;
use rand_pcg::Pcg64;
use serde_json::{Value, json};

use super::text::{BUGS, FEATURES, LANGS, PROJECTS, STEMS};
use super::tree::{Counts, FileOut, clock, pick, uuid};

/// Writes rollout `n` into `files` (compressed with zstd one time in five, as cold rollouts
/// are since mid-2026).
pub fn session(rng: &mut Pcg64, n: u64, files: &mut Vec<FileOut>, c: &mut Counts) {
    let (project, lang) = PROJECTS[rng.random_range(0..PROJECTS.len())];
    let lang = LANGS[lang];
    let cwd = format!("/home/dev/{project}");
    let id = uuid(rng);
    let mut t = clock(rng, n);
    let start = t.tick(rng);
    let (source, originator) = match rng.random_range(0..10) {
        0 | 1 => ("vscode", "codex_vscode"),
        2 => ("exec", "codex_exec"),
        _ => ("cli", "codex_cli_rs"),
    };
    let ev = |ts: &str, ty: &str, p: Value| json!({"timestamp": ts, "type": ty, "payload": p});
    let mut lines = vec![ev(
        &start,
        "session_meta",
        json!({"id": id, "timestamp": start, "cwd": cwd,
        "originator": originator, "cli_version": "0.140.0", "source": source, "model_provider": "openai"}),
    )];
    let turns = rng.random_range(1..=5);
    let (mut input, mut output) = (0u64, 0u64);
    for turn in 0..turns {
        let ts = t.tick(rng);
        let words = if turn == 0 {
            format!("{} in {project}", pick(rng, FEATURES))
        } else {
            format!("fix this: {}", pick(rng, BUGS))
        };
        let text = if source == "vscode" {
            format!(
                "# Context from my IDE setup:\n\n## Active file: src/main.{}\n\n## My request for Codex:\n{words}\n",
                lang.ext
            )
        } else {
            words
        };
        let plan = rng.random_bool(0.1);
        lines.push(ev(
            &ts,
            "event_msg",
            json!({"type": "task_started", "turn_id": uuid(rng)}),
        ));
        lines.push(ev(
            &ts,
            "response_item",
            json!({"type": "message", "role": "user", "content": [{"type": "input_text", "text": text}]}),
        ));
        lines.push(ev(
            &ts,
            "event_msg",
            json!({"type": "user_message", "message": text, "images": []}),
        ));
        let mode = if plan { "plan" } else { "default" };
        lines.push(ev(
            &ts,
            "turn_context",
            json!({"cwd": cwd, "approval_policy": "on-request", "model": "gpt-5.3-codex",
            "collaboration_mode": {"mode": mode}}),
        ));
        c.turns += 1;
        c.plan_turns += u64::from(plan);
        for _ in 0..rng.random_range(0..=8) {
            let call = format!("call_{}", uuid(rng));
            let ts = t.tick(rng);
            let file = format!("{}/{}.{}", pick(rng, lang.dirs), pick(rng, STEMS), lang.ext);
            c.actions += 1;
            if rng.random_bool(0.3) {
                let patch = format!("*** Begin Patch\n*** Update File: {file}\n@@\n-old\n+new\n*** End Patch\n");
                let refused = rng.random_bool(0.1);
                let out = if refused {
                    "patch rejected by user"
                } else {
                    "Success. Updated the following files:\nM {file}"
                };
                lines.push(ev(
                    &ts,
                    "response_item",
                    json!({"type": "custom_tool_call", "call_id": call, "name": "apply_patch", "input": patch}),
                ));
                lines.push(ev(
                    &ts,
                    "response_item",
                    json!({"type": "custom_tool_call_output", "call_id": call, "output": out}),
                ));
                c.rejected += u64::from(refused);
            } else {
                let cmd = pick(rng, lang.test);
                let args = json!({"command": ["bash", "-lc", cmd], "workdir": cwd}).to_string();
                lines.push(ev(
                    &ts,
                    "response_item",
                    json!({"type": "function_call", "name": "shell", "arguments": args, "call_id": call}),
                ));
                let out = format!(
                    "Exit code: 0\nWall time: 1.2 seconds\nOutput:\n{}",
                    "ok\n".repeat(rng.random_range(1..30))
                );
                lines.push(ev(
                    &ts,
                    "response_item",
                    json!({"type": "function_call_output", "call_id": call, "output": out}),
                ));
            }
            input += 2000;
            output += 150;
            lines.push(ev(&ts, "event_msg", json!({"type": "token_count", "info": {"total_token_usage":
                {"input_tokens": input, "cached_input_tokens": input / 2, "output_tokens": output, "total_tokens": input + output}}})));
        }
        let ts = t.tick(rng);
        if rng.random_bool(0.05) {
            lines.push(ev(
                &ts,
                "event_msg",
                json!({"type": "turn_aborted", "reason": "interrupted"}),
            ));
            c.interrupts += 1;
            continue;
        }
        let prose = format!("Done with {}.", pick(rng, STEMS));
        lines.push(ev(&ts, "event_msg", json!({"type": "agent_message", "message": prose})));
        lines.push(ev(
            &ts,
            "response_item",
            json!({"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": prose}]}),
        ));
        lines.push(ev(&ts, "event_msg", json!({"type": "task_complete"})));
    }
    c.usage_output += output;
    let day = &start[..10];
    let (y, m, d) = (&day[..4], &day[5..7], &day[8..10]);
    let stamp = start[..19].replace(':', "-");
    let path = format!("sessions/{y}/{m}/{d}/rollout-{stamp}-{id}.jsonl");
    let file = FileOut::lines(path, &lines);
    files.push(if rng.random_bool(0.2) { file.zstd() } else { file });
    c.sessions += 1;
}
