//! The importer on hand-written lines in the real formats: every injected form, slash
//! commands, compaction, sub-agent files, Codex duplicates and context, bad and cut lines,
//! folders mixing formats.

use std::path::Path;

use leash::corpus::{Corpus, SourceKind};
use leash::import::{ImportOptions, import_path, open_inputs};
use serde_json::{Value, json};

fn user(text: &str) -> Value {
    json!({"type": "user", "isSidechain": false, "sessionId": "s", "cwd": "/repo", "uuid": text.len().to_string(),
           "timestamp": "2026-01-01T00:00:00Z", "message": {"role": "user", "content": text}})
}

fn meta(text: &str) -> Value {
    let mut v = user(text);
    v["isMeta"] = json!(true);
    v
}

fn tool_use(id: &str, name: &str, input: Value) -> Value {
    json!({"type": "assistant", "isSidechain": false, "sessionId": "s", "uuid": id, "message": {"id": "m", "model": "claude-x",
           "content": [{"type": "tool_use", "id": id, "name": name, "input": input}]}})
}

fn text(t: &str) -> Value {
    json!({"type": "assistant", "isSidechain": false, "sessionId": "s", "message": {"id": "m", "content": [{"type": "text", "text": t}]}})
}

fn write(dir: &Path, name: &str, lines: &[Value]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    let body: Vec<String> = lines.iter().map(Value::to_string).collect();
    std::fs::write(&p, body.join("\n") + "\n").unwrap();
    p
}

fn prompts(path: &Path) -> Vec<String> {
    let got = import_path(path, &ImportOptions::default()).unwrap().imported;
    got.iter()
        .flat_map(|i| i.session.turns.iter().map(|t| t.prompt.clone()))
        .collect()
}

#[test]
fn injected_claude_lines_never_open_a_turn() {
    let dir = tempfile::tempdir().unwrap();
    let injected = [
        "<local-command-stdout>ok</local-command-stdout>",
        "<local-command-caveat>Caveat: local commands</local-command-caveat>",
        "<bash-input>ls</bash-input>",
        "<bash-stdout>a b</bash-stdout><bash-stderr></bash-stderr>",
        "<system-reminder>be brief</system-reminder>",
        "<task-notification>agent done</task-notification>",
        "[Request interrupted by user]",
        "Stop hook feedback: tests fail",
        "<ide_opened_file>src/a.rs</ide_opened_file>",
        "<ide_selection>fn a()</ide_selection>",
        "<user-memory-input>remember x</user-memory-input>",
        "This session is being continued from a previous conversation that ran out of context.",
    ];
    let mut lines = vec![user("Fix the parser in src/parse.rs")];
    lines.extend(injected.iter().map(|t| user(t)));
    let mut compact = user("Summary of the conversation so far");
    compact["isCompactSummary"] = json!(true);
    lines.push(json!({"type": "system", "subtype": "compact_boundary", "compactMetadata": {"trigger": "auto", "preTokens": 1}}));
    lines.push(compact);
    lines.push(meta("expanded instructions with no command before"));
    lines.push(json!({"type": "user", "message": {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "x", "content": "out"}]}}));
    lines.push(user("Now add a test"));
    let f = write(dir.path(), "s.jsonl", &lines);
    assert_eq!(prompts(&f), ["Fix the parser in src/parse.rs", "Now add a test"]);
    let got = import_path(&f, &ImportOptions::default()).unwrap().imported;
    // The `!ls` the user ran is their execution decision in the turn it happened in.
    assert_eq!(got[0].raw.turns[0].user_commands, ["ls"]);
    assert!(
        got[0].session.turns[0]
            .decisions
            .iter()
            .any(|d| d.rule.as_deref() == Some("H-SHELL"))
    );
}

#[test]
fn prompt_slash_commands_open_turns_and_local_ones_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        user(
            "<command-name>/model</command-name>\n<command-message>model</command-message>\n<command-args>opus</command-args>",
        ),
        user("<local-command-stdout>Set model to opus</local-command-stdout>"),
        user(
            "<command-message>review is running…</command-message>\n<command-name>/review</command-name>\n<command-args>src/lib.rs</command-args>",
        ),
        meta("Review the code the user names for bugs."),
        tool_use("t1", "Read", json!({"file_path": "src/lib.rs"})),
        user("<command-name>/clear</command-name>"),
        user("<command-name>/custom</command-name>"),
        text("Running the custom command."),
    ];
    let f = write(dir.path(), "s.jsonl", &lines);
    assert_eq!(prompts(&f), ["/review src/lib.rs", "/custom"]);
}

#[test]
fn subagent_files_attach_to_their_task_call_and_compaction_agents_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let main = [
        user("Audit the crate"),
        tool_use(
            "call-1",
            "Task",
            json!({"subagent_type": "Explore", "description": "scan", "prompt": "Scan the crate"}),
        ),
        tool_use(
            "call-1",
            "Task",
            json!({"subagent_type": "Explore", "description": "scan", "prompt": "Scan the crate"}),
        ),
        tool_use(
            "call-2",
            "Agent",
            json!({"subagent_type": "general", "description": "fix", "prompt": "Fix what you find"}),
        ),
    ];
    write(dir.path(), "sess.jsonl", &main);
    let side = |id: &str, p: &str, n: usize| {
        let mut l = vec![
            json!({"type": "user", "isSidechain": true, "sessionId": "sess", "message": {"role": "user", "content": p}}),
        ];
        for k in 0..n {
            let mut t = tool_use(&format!("{id}-{k}"), "Bash", json!({"command": "ls"}));
            t["isSidechain"] = json!(true);
            l.push(t.clone());
            l.push(t); // one line per content block: the same id again
        }
        l
    };
    write(dir.path(), "sess/subagents/agent-a1.jsonl", &side("a", "whatever", 3));
    std::fs::write(
        dir.path().join("sess/subagents/agent-a1.meta.json"),
        r#"{"agentType":"Explore","toolUseId":"call-1"}"#,
    )
    .unwrap();
    write(
        dir.path(),
        "sess/subagents/agent-b2.jsonl",
        &side("b", "Fix what you find", 2),
    );
    write(
        dir.path(),
        "sess/subagents/agent-acompact-9.jsonl",
        &side("c", "Summarise", 7),
    );
    let got = import_path(dir.path(), &ImportOptions::default()).unwrap().imported;
    assert_eq!(got.len(), 1, "sub-agent files are not sessions");
    let t = &got[0].raw.turns[0];
    assert_eq!(t.calls.len(), 2, "a tool call repeated on two lines counts once");
    let mut subs: Vec<_> = t
        .subagents
        .iter()
        .map(|s| (s.call_id.clone().unwrap(), s.actions))
        .collect();
    subs.sort();
    assert_eq!(subs, [("call-1".to_owned(), 3), ("call-2".to_owned(), 2)]);
    let v: Value = serde_json::from_str(&got[0].line).unwrap();
    assert_eq!(v["turns"][0]["subagent_actions"], 5);
    assert_eq!(v["subagent_actions"], 5);
    assert_eq!(v["estimated"], json!(["expertise", "outcome"]));
}

fn codex(ty: &str, payload: Value) -> Value {
    json!({"timestamp": "2026-02-23T11:41:04.709Z", "type": ty, "payload": payload})
}

fn codex_user(t: &str) -> Value {
    codex(
        "response_item",
        json!({"type": "message", "role": "user", "content": [{"type": "input_text", "text": t}]}),
    )
}

#[test]
fn codex_context_is_not_a_prompt_and_each_prompt_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        codex(
            "session_meta",
            json!({"id": "r1", "cwd": "/w", "timestamp": "2026-02-23T11:41:04Z"}),
        ),
        codex("session_meta", json!({"id": "parent", "cwd": "/w"})),
        codex_user("# AGENTS.md instructions for /w"),
        codex_user("<environment_context>\n<cwd>/w</cwd></environment_context>"),
        codex_user("<user_instructions>be careful</user_instructions>"),
        codex_user("Run the tests"),
        codex("event_msg", json!({"type": "user_message", "message": "Run the tests"})),
        codex("turn_context", json!({"cwd": "/w", "model": "gpt-5"})),
        codex(
            "response_item",
            json!({"type": "function_call", "name": "shell", "arguments": "{\"command\":[\"bash\",\"-lc\",\"cargo test\"]}", "call_id": "c1"}),
        ),
        codex(
            "response_item",
            json!({"type": "function_call_output", "call_id": "c1", "output": "{\"output\":\"test result: ok\",\"metadata\":{\"exit_code\":0}}"}),
        ),
        codex(
            "response_item",
            json!({"type": "custom_tool_call", "name": "apply_patch", "input": "*** Begin Patch\n*** Add File: src/new.rs\n+fn a() {}\n*** End Patch", "call_id": "c2"}),
        ),
        codex(
            "response_item",
            json!({"type": "web_search_call", "action": {"query": "x"}}),
        ),
        codex(
            "event_msg",
            json!({"type": "agent_message", "message": "All tests pass."}),
        ),
        codex(
            "response_item",
            json!({"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "All tests pass."}]}),
        ),
        codex_user("<turn_aborted>"),
        codex_user("Commit it"),
        codex("event_msg", json!({"type": "user_message", "message": "Commit it"})),
    ];
    let f = write(dir.path(), "2026/02/23/rollout-2026-02-23T12-41-04-r1.jsonl", &lines);
    let got = import_path(dir.path(), &ImportOptions::default()).unwrap().imported;
    assert_eq!(got.len(), 1);
    let s = &got[0].session;
    assert_eq!(s.id, "r1", "a fork's second meta line does not rename it");
    assert_eq!(
        s.turns.iter().map(|t| t.prompt.as_str()).collect::<Vec<_>>(),
        ["Run the tests", "Commit it"]
    );
    let tools: Vec<_> = s.turns[0]
        .actions
        .iter()
        .map(|a| (a.tool.as_str(), a.target.as_deref()))
        .collect();
    assert_eq!(
        tools,
        [
            ("shell", Some("cargo test")),
            ("apply_patch", Some("src/new.rs")),
            ("web_search", Some("x"))
        ]
    );
    assert_eq!(s.turns[0].response_words, Some(3), "the agent's prose counts once");
    assert_eq!(s.model.as_deref(), Some("gpt-5"));
    assert_eq!(s.outcome, Some(leash::model::Outcome::VerifiedSuccess), "passing tests");
    assert!(f.exists());
    let rules: Vec<(&str, &str)> = s.turns[0]
        .decisions
        .iter()
        .map(|d| (d.rule.as_deref().unwrap(), d.evidence.as_deref().unwrap()))
        .collect();
    assert!(
        rules.iter().any(|(r, _)| *r == "H-COMMANDS"),
        "\"Run the tests\": {rules:?}"
    );
    assert!(
        !rules.iter().any(|(r, _)| *r == "A-BASH"),
        "running them is the user's: {rules:?}"
    );
    assert!(rules.contains(&("A-WRITE", "src/new.rs: fn a() {}")), "{rules:?}");
    assert!(!rules.iter().any(|(_, e)| *e == "x"), "a web search is not a decision");
}

#[test]
fn bad_lines_warn_with_file_and_line_and_a_cut_last_line_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.jsonl");
    let body = format!(
        "{}\nnot json\n{}\n{{\"type\":\"user\",\"mess",
        user("first"),
        user("second")
    );
    std::fs::write(&f, body).unwrap();
    let r = import_path(&f, &ImportOptions::default()).unwrap();
    let (got, warnings) = (r.imported, r.warnings);
    assert_eq!(got[0].session.turns.len(), 2);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("s.jsonl:2: skipped: not valid JSON"),
        "{warnings:?}"
    );
}

#[test]
fn a_folder_may_mix_corpora_and_transcripts() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/s.jsonl", &[user("Do the thing")]);
    write(
        dir.path(),
        "b/corpus.jsonl",
        &[json!({"id": "c1", "turns": [{"prompt": "p"}]})],
    );
    std::fs::write(dir.path().join("b/notes.jsonl"), "{\"hello\": 1}\n").unwrap();
    let opened = open_inputs(&[dir.path().to_path_buf()], &ImportOptions::default()).unwrap();
    let kinds: Vec<_> = opened.sources.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SourceKind::Corpus, SourceKind::Imported]);
    assert!(
        opened
            .warnings
            .iter()
            .any(|w| w.contains("notes.jsonl") && w.contains("skipped"))
    );
    let corpus = Corpus::load(opened.sources, |_| {}).unwrap();
    assert_eq!(corpus.rows.len(), 2);
    assert_eq!(corpus.skipped, 0);
}

#[test]
fn a_long_line_is_streamed() {
    // A 20 MB file-history snapshot on one line among ordinary ones.
    let dir = tempfile::tempdir().unwrap();
    let big = json!({"type": "file-history-snapshot", "snapshot": {"blob": "x".repeat(20 << 20)}});
    let f = write(dir.path(), "s.jsonl", &[user("one"), big, user("two")]);
    assert_eq!(prompts(&f), ["one", "two"]);
}

#[test]
fn the_cache_is_used_for_unchanged_files_and_a_changed_file_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "proj/s.jsonl", &[user("first prompt")]);
    let opts = ImportOptions {
        cache_dir: Some(cache.path().to_path_buf()),
        ..ImportOptions::default()
    };
    let got = |o: &ImportOptions| -> Vec<String> {
        let r = import_path(&f, o).unwrap().imported;
        r[0].session.turns.iter().map(|t| t.prompt.clone()).collect()
    };
    assert_eq!(got(&opts), ["first prompt"]);
    let entries: Vec<_> = walkdir(cache.path());
    assert_eq!(entries.len(), 1, "one entry per transcript, in the cache folder only");
    assert!(
        std::fs::read_dir(dir.path().join("proj")).unwrap().count() == 1,
        "nothing written beside the transcript"
    );
    // Doctor the entry: an unchanged file is served from it.
    let text = std::fs::read_to_string(&entries[0])
        .unwrap()
        .replace("first prompt", "from the cache");
    std::fs::write(&entries[0], text).unwrap();
    assert_eq!(got(&opts), ["from the cache"]);
    assert_eq!(got(&ImportOptions::default()), ["first prompt"], "no cache: read again");
    // A changed file (size and mtime) is read again.
    write(
        dir.path(),
        "proj/s.jsonl",
        &[user("first prompt"), user("second prompt")],
    );
    assert_eq!(got(&opts), ["first prompt", "second prompt"]);
}

fn walkdir(d: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(d).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(walkdir(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn titles_come_from_custom_then_ai_title_then_the_sessions_own_summary_then_the_first_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let title = |lines: &[Value]| {
        let f = write(dir.path(), "t.jsonl", lines);
        import_path(&f, &ImportOptions::default()).unwrap().imported[0]
            .session
            .title
            .clone()
    };
    let summary = json!({"type": "summary", "summary": "Old summary", "leafUuid": "x"});
    // The summary titles the session that holds its leaf message.
    let leaf = |t: &str| {
        let mut u = user(t);
        u["uuid"] = json!("x");
        u
    };
    let ai = |t: &str| json!({"type": "ai-title", "aiTitle": t, "sessionId": "s"});
    let custom = json!({"type": "custom-title", "customTitle": "Mine", "sessionId": "s"});
    assert_eq!(title(&[user("Fix it\nwith care")]).as_deref(), Some("Fix it"));
    assert_eq!(
        title(&[summary.clone(), leaf("Fix it")]).as_deref(),
        Some("Old summary")
    );
    // Claude Code 1.0 wrote earlier sessions' summaries at the top of a new file: one whose
    // leaf is not here is another session's title.
    assert_eq!(title(&[summary.clone(), user("Fix it")]).as_deref(), Some("Fix it"));
    let bare = json!({"type": "summary", "summary": "No leaf"});
    assert_eq!(title(&[bare, user("Fix it")]).as_deref(), Some("No leaf"));
    assert_eq!(
        title(&[summary.clone(), ai("First"), leaf("Fix it"), ai("Fix the parser race")]).as_deref(),
        Some("Fix the parser race")
    );
    assert_eq!(
        title(&[ai("Auto"), custom, leaf("Fix it"), summary]).as_deref(),
        Some("Mine")
    );
}

#[test]
fn a_session_opening_with_snapshots_is_recognised_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let snap = json!({"type": "file-history-snapshot", "messageId": "m1", "snapshot": {}, "isSnapshotUpdate": false});
    let mut lines = vec![snap; 10];
    lines.push(user("Tidy the README"));
    write(dir.path(), "proj/s.jsonl", &lines);
    let r = import_path(dir.path(), &ImportOptions::default()).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(r.imported.len(), 1);
    assert_eq!(r.imported[0].session.turns[0].prompt, "Tidy the README");
}

#[test]
fn a_codex_fork_leaves_out_its_parents_replayed_history() {
    let dir = tempfile::tempdir().unwrap();
    let at = |ts: &str, v: Value| {
        let mut v = v;
        v["timestamp"] = json!(ts);
        v
    };
    let lines = [
        at(
            "2026-03-01T10:00:00.000Z",
            codex(
                "session_meta",
                json!({"id": "fork", "timestamp": "2026-03-01T10:00:00.000Z", "forked_from_id": "parent"}),
            ),
        ),
        at(
            "2026-03-01T09:00:00.000Z",
            codex(
                "session_meta",
                json!({"id": "parent", "timestamp": "2026-03-01T09:00:00.000Z"}),
            ),
        ),
        at(
            "2026-03-01T09:00:01.000Z",
            codex("event_msg", json!({"type": "user_message", "message": "old prompt"})),
        ),
        at(
            "2026-03-01T09:00:02.000Z",
            codex(
                "response_item",
                json!({"type": "function_call", "name": "shell", "arguments": "{}", "call_id": "p1"}),
            ),
        ),
        at(
            "2026-03-01T10:00:01.000Z",
            codex("event_msg", json!({"type": "user_message", "message": "new prompt"})),
        ),
        at(
            "2026-03-01T10:00:02.000Z",
            codex(
                "response_item",
                json!({"type": "function_call", "name": "shell", "arguments": "{}", "call_id": "f1"}),
            ),
        ),
    ];
    let f = write(dir.path(), "rollout-fork.jsonl", &lines);
    let got = import_path(&f, &ImportOptions::default()).unwrap().imported;
    let s = &got[0].session;
    assert_eq!(s.id, "fork");
    assert_eq!(s.turns.len(), 1);
    assert_eq!(s.turns[0].prompt, "new prompt");
    assert_eq!(s.turns[0].actions.len(), 1);
    let v: Value = serde_json::from_str(&got[0].line).unwrap();
    assert_eq!(v["replayed_lines_skipped"], 2);
}

#[test]
fn the_line_cache_serves_open_inputs_until_the_file_or_the_expertise_map_changes() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "proj/s.jsonl", &[user("first prompt")]);
    let opts = ImportOptions {
        cache_dir: Some(cache.path().to_path_buf()),
        ..ImportOptions::default()
    };
    let line = |o: &ImportOptions| -> String {
        let opened = open_inputs(std::slice::from_ref(&f), o).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut opened.sources[0].reader().unwrap(), &mut text).unwrap();
        text
    };
    let first = line(&opts);
    assert!(first.contains("first prompt"));
    let lines: Vec<_> = walkdir(cache.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "line"))
        .collect();
    assert_eq!(lines.len(), 1, "one finished line per transcript");
    // Doctor the cached line: an unchanged file is served from it, without reading it.
    let doctored = std::fs::read_to_string(&lines[0])
        .unwrap()
        .replace("first prompt", "from the line cache");
    std::fs::write(&lines[0], doctored).unwrap();
    assert!(line(&opts).contains("from the line cache"));
    // Another expertise map builds another line.
    let map = leash::classify::ExpertiseMap::parse("proj = expert").unwrap();
    let with_map = ImportOptions {
        expertise_map: map,
        ..opts.clone()
    };
    assert!(line(&with_map).contains("first prompt"), "{}", line(&with_map));
    // A changed transcript is read again.
    write(
        dir.path(),
        "proj/s.jsonl",
        &[user("first prompt"), user("second prompt")],
    );
    let again = line(&opts);
    assert!(again.contains("second prompt") && !again.contains("from the line cache"));
}
