//! The human's rules on real snippets (the development transcripts' prompts, in the real
//! Claude Code format) and on the misfires they must not make.

mod common;

use common::*;
use leash::classify::RULES;
use leash::import::{Call, RawSession, RawTurn};
use leash::model::{Actor, Kind};
use serde_json::json;
use std::path::Path;

#[test]
fn goal_approach_and_done_criterion() {
    let s = session(&[user(
        "Thanks! Add retry logic to the HTTP client. Use exponential backoff and don't touch the public API. Keep going until the tests pass.",
    )]);
    let ds = all(&s);
    assert_eq!(evidence(&ds, "H-GOAL"), ["Add retry logic to the HTTP client."]);
    check(by_rule(&ds, "H-APPROACH")[0], Kind::Planning, Actor::Human, "approach");
    assert_eq!(
        evidence(&ds, "H-APPROACH"),
        ["Use exponential backoff and don't touch the public API."]
    );
    check(by_rule(&ds, "H-DONE")[0], Kind::Planning, Actor::Human, "done");
    assert_eq!(evidence(&ds, "H-DONE"), ["Keep going until the tests pass."]);
}

#[test]
fn fillers_status_questions_clarifications_and_reports_set_no_goal() {
    for p in [
        "sorry to interrupt.",
        "are they still being written?",
        "did you push?",
        "wait all I see is a readme.md and .git folder, is there supposed to be a json file?",
        "it worked!",
        "still didnt work.",
    ] {
        let ds = all(&session(&[user(p)])).into_iter().cloned().collect::<Vec<_>>();
        assert!(ds.iter().all(|d| d.kind != Kind::Planning), "{p}: {ds:?}");
    }
    let ds = all(&session(&[user("it worked!")]))
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    assert_eq!(ds.len(), 1);
    check(&ds[0], Kind::Execution, Actor::Human, "commands");
    assert_eq!(ds[0].rule.as_deref(), Some("H-RAN"), "the user ran it themselves");
}

#[test]
fn keywords_do_not_fire_on_words_that_only_look_like_them() {
    let s = session(&[user("Write a poem about Thai green curry. Mention the basil.")]);
    assert!(
        by_rule(&all(&s), "H-DONE").is_empty(),
        "\"green curry\" is not a done criterion"
    );
    let trace = "Fix this crash:\nTraceback (most recent call last):\n  File \"app.py\", line 3, in <module>\n    using = make_session()\nValueError: session used without a key\n";
    let ds = all(&session(&[user(trace)])).into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(ds.len(), 1, "a goal and nothing from the stack trace: {ds:?}");
    assert_eq!(ds[0].evidence.as_deref(), Some("Fix this crash:"));
}

#[test]
fn a_pasted_shell_session_is_the_users_run_not_their_prose() {
    let s = session(&[user(
        "still no\n\n(llm) jim@box:/mnt/c/app$ claude --verbose -c\nNo conversation found to continue\n(llm) jim@box:/mnt/c/app$ claude --verbose -r\nNo conversations found to resume.\nPress Ctrl+C to exit.\n",
    )]);
    let ds = all(&s);
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert_eq!(evidence(&ds, "H-RAN"), ["claude --verbose -c; claude --verbose -r"]);
}

#[test]
fn execution_dictated_in_prose_is_the_users() {
    // From the development transcripts (DRMacIver/claude-reliability).
    let s = session(&[
        user("Write a shell script called hello.sh that prints \"Hello world\" and run it."),
        call(
            "w",
            "Write",
            json!({"file_path": "/tmp/x/hello.sh", "content": "#!/bin/sh\necho Hello world\n"}),
        ),
        bash("c", "chmod +x /tmp/x/hello.sh && /tmp/x/hello.sh"),
    ]);
    let ds = all(&s);
    assert_eq!(evidence(&ds, "H-FILES"), ["hello.sh"]);
    assert_eq!(evidence(&ds, "H-COMMANDS"), ["run it."]);
    assert_eq!(by_rule(&ds, "A-WRITE").len(), 1, "the script's content is the agent's");
    assert!(
        by_rule(&ds, "A-BASH").is_empty(),
        "running it carries out the user's \"run it\""
    );

    let s = session(&[
        user("Run just check to run the quality checks. If it fails, fix the issues and try again."),
        bash("j", "just check 2>&1"),
    ]);
    let ds = all(&s);
    assert_eq!(
        evidence(&ds, "H-GOAL"),
        ["If it fails, fix the issues and try again."],
        "dictating a run sets no goal"
    );
    assert_eq!(by_rule(&ds, "H-COMMANDS").len(), 1);
    assert!(by_rule(&ds, "A-BASH").is_empty(), "the user named `just check`");

    let s = session(&[user(
        "Port this Python project to Rust. Delete all the Python source files when you're done (but keep the Justfile - update it to run Rust tests instead).",
    )]);
    let ds = all(&s);
    let mut files = evidence(&ds, "H-FILES");
    files.sort();
    assert_eq!(files, ["Delete all the Python source files", "Justfile"]);
    assert!(
        by_rule(&ds, "H-COMMANDS").is_empty(),
        "\"update it to run the tests\" says what it is for"
    );

    let s = session(&[user(
        "Add a function called multiply_numbers(a: int, b: int) -> int that multiplies two numbers together. Add a test for it.",
    )]);
    let ds = all(&s);
    assert_eq!(evidence(&ds, "H-CODE"), ["multiply_numbers(a: int, b: int) -> int"]);
    assert_eq!(evidence(&ds, "H-DONE"), ["Add a test for it."]);
}

#[test]
fn dictated_content_and_commit_are_the_users_the_agents_own_choice_is_not() {
    let s = session(&[
        user("Read test.txt and change the content to \"modified content\". Commit the change, then stop."),
        call(
            "e",
            "Edit",
            json!({"file_path": "/tmp/r/test.txt", "old_string": "x", "new_string": "modified content"}),
        ),
        bash("i", "git init && git add test.txt && git status"),
        bash("c", "git commit -m 'Change content'"),
    ]);
    let ds = all(&s);
    assert_eq!(evidence(&ds, "H-CODE"), ["\"modified content\""]);
    assert_eq!(evidence(&ds, "H-COMMANDS"), ["Commit the change"]);
    assert_eq!(evidence(&ds, "H-DONE"), ["then stop."]);
    assert!(by_rule(&ds, "A-EDIT").is_empty(), "the user dictated the whole content");
    assert_eq!(
        evidence(&ds, "A-BASH"),
        ["git init && git add test.txt && git status"],
        "the commit is the user's"
    );
}

fn raw(turns: Vec<RawTurn>) -> RawSession {
    RawSession {
        id: "r".into(),
        turns,
        ..RawSession::default()
    }
}

fn shell_call(id: &str, cmd: &str) -> Call {
    Call {
        id: id.into(),
        tool: "Bash".into(),
        input: json!({"command": cmd}),
        ..Call::default()
    }
}

#[test]
fn vetoes_and_interrupts_are_the_users_and_the_refused_call_is_not_the_agents() {
    let refused = Call {
        rejected: true,
        ..shell_call("a", "rm -rf data/")
    };
    let edit = Call {
        id: "e".into(),
        tool: "Edit".into(),
        input: json!({"file_path": "src/db.rs", "old_string": "a", "new_string": "b"}),
        ..Call::default()
    };
    let turns = vec![
        RawTurn {
            prompt: "Clean up the data folder".into(),
            calls: vec![refused],
            ..RawTurn::default()
        },
        RawTurn {
            prompt: "Fix the query in the db module".into(),
            calls: vec![edit],
            interrupted: true,
            ..RawTurn::default()
        },
        RawTurn {
            prompt: "continue".into(),
            ..RawTurn::default()
        },
    ];
    let s = session_of(raw(turns));
    let ds = all(&s);
    assert_eq!(evidence(&ds, "H-VETO"), ["rm -rf data/"]);
    assert!(by_rule(&ds, "A-BASH").is_empty(), "the refused call is not the agent's");
    assert_eq!(evidence(&ds, "H-INTERRUPT"), ["src/db.rs"]);
    assert!(
        by_rule(&ds, "A-EDIT").is_empty(),
        "the interrupted edit is the user's veto, not the agent's"
    );
    assert_eq!(
        s.session.outcome,
        Some(leash::model::Outcome::Failure),
        "nothing landed"
    );
    let talk = RawTurn {
        prompt: "Why is it slow?".into(),
        calls: vec![shell_call("l", "ls -la")],
        interrupted: true,
        ..RawTurn::default()
    };
    let ds = all(&session_of(raw(vec![talk])))
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    assert!(
        ds.iter().all(|d| d.rule.as_deref() != Some("H-INTERRUPT")),
        "stopping a read vetoes nothing"
    );
    let only_refused = session_of(raw(vec![RawTurn {
        prompt: "Clean up".into(),
        calls: vec![Call {
            rejected: true,
            ..shell_call("a", "rm -rf data/")
        }],
        ..RawTurn::default()
    }]));
    assert_eq!(
        only_refused.session.outcome,
        Some(leash::model::Outcome::Failure),
        "nothing it tried landed"
    );
}

#[test]
fn messages_typed_mid_turn_are_read_like_prompts() {
    let turn = RawTurn {
        prompt: "Add pagination to the users endpoint".into(),
        mid_turn: vec!["use cursor-based pagination, not offsets".into()],
        ..RawTurn::default()
    };
    let ds = all(&session_of(raw(vec![turn])))
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    let mid: Vec<_> = ds
        .iter()
        .filter(|d| {
            d.summary
                .as_deref()
                .unwrap_or("")
                .ends_with("(typed while the agent worked)")
        })
        .collect();
    assert_eq!(mid.len(), 1, "{ds:?}");
    assert_eq!((mid[0].kind, mid[0].actor), (Kind::Planning, Actor::Human));
}

#[test]
fn slash_commands_answers_and_ratification() {
    let s = session(&[user("<command-name>/publish-session</command-name>")]);
    let ds = all(&s);
    assert_eq!(ds.len(), 1);
    check(ds[0], Kind::Execution, Actor::Human, "commands");
    let s = session(&[
        user("Add caching to the importer"),
        call(
            "q",
            "AskUserQuestion",
            json!({"questions": [{"question": "Where should the cache live?"}, {"question": "Which key?"}]}),
        ),
        result(
            "q",
            "User has answered your questions: \"Where should the cache live?\"=\"~/.cache/leash\", \"Which key?\"=\"content hash\"",
            false,
        ),
        say("I'll use a content hash of the file as the key instead of its mtime."),
        user("proceed until it's done"),
    ]);
    let ds = all(&s);
    assert_eq!(by_rule(&ds, "H-ANSWER").len(), 2, "one per question answered");
    assert!(
        by_rule(&ds, "A-PLAN-TEXT")[0].is_ratified(),
        "near-bare assent ratifies"
    );
    assert!(by_rule(&ds, "H-GOAL").len() == 1, "assent sets no goal");
    let cond = session(&[
        user("Add caching"),
        say("I recommend an LRU cache."),
        user("yes but keep it under 10 MB"),
    ]);
    assert!(
        !by_rule(&all(&cond), "A-PLAN-TEXT")[0].is_ratified(),
        "assent with a condition does not ratify"
    );
    assert_eq!(
        by_rule(&all(&cond), "H-GOAL").len(),
        2,
        "the condition is the user's planning"
    );
}

#[test]
fn assent_after_an_interruption_does_not_ratify() {
    let t1 = RawTurn {
        prompt: "Speed up the loader".into(),
        text: "I recommend memory-mapping the file.".into(),
        interrupted: true,
        ..RawTurn::default()
    };
    let t2 = RawTurn {
        prompt: "continue".into(),
        ..RawTurn::default()
    };
    let s = session_of(raw(vec![t1, t2]));
    assert!(!by_rule(&all(&s), "A-PLAN-TEXT")[0].is_ratified());
}

#[test]
fn every_rule_is_documented() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/classifier.md")).unwrap();
    for r in RULES {
        assert!(doc.contains(&format!("`{r}`")), "{r} is documented");
    }
}

#[test]
fn a_refusal_in_a_claude_code_transcript_is_the_users_veto() {
    let s = session(&[
        user("Clean up the build folder"),
        bash("r", "rm -rf build/"),
        result(
            "r",
            "The user doesn't want to proceed with this tool use. The tool use was rejected.",
            true,
        ),
        user("[Request interrupted by user for tool use]"),
    ]);
    let ds = all(&s);
    assert_eq!(evidence(&ds, "H-VETO"), ["rm -rf build/"], "{ds:?}");
    assert!(by_rule(&ds, "A-BASH").is_empty(), "the refused call is not the agent's");
    assert_eq!(
        s.session.outcome,
        Some(leash::model::Outcome::Failure),
        "nothing it tried landed"
    );
}

#[test]
fn run_as_a_noun_or_a_description_dictates_nothing() {
    for p in [
        "The tests run slowly on CI, speed them up.",
        "Do a dry run of the migration plan and tell me what changes.",
    ] {
        let s = session(&[user(p)]);
        assert!(by_rule(&all(&s), "H-COMMANDS").is_empty(), "{p}");
    }
    let s = session(&[user("Please run the linter and fix what it finds.")]);
    assert_eq!(by_rule(&all(&s), "H-COMMANDS").len(), 1);
}
