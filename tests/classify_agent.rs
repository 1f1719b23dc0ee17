//! The agent's rules on real fixtures and real-format lines: reads are not decisions,
//! repetition is one, patches are edits, narration is not a plan; and the estimates.

mod common;

use common::*;
use leash::classify::{ExpertiseMap, classify};
use leash::import::{ImportOptions, build};
use leash::model::{Actor, Kind, Outcome};
use serde_json::json;

#[test]
fn fixture_sessions() {
    let orch = shared("fixtures/claude-code/sample-project/5c0375b4-57a5-4f26-b12d-d022ee4e51b7.jsonl");
    let ds = all(&orch);
    assert_eq!(evidence(&ds, "H-FILES"), ["CLAUDE.md"], "from `@CLAUDE.md`");
    assert_eq!(evidence(&ds, "H-SLASH"), ["/orchestrator"]);
    assert!(
        by_rule(&ds, "A-PLAN-DELEGATE").is_empty(),
        "its Task calls only analyse: {:?}",
        by_rule(&ds, "A-PLAN-DELEGATE")
    );
    assert!(evidence(&ds, "A-PLAN-TODO")[0].starts_with("Discover available commands in the project"));
    assert_eq!(
        by_rule(&ds, "A-EDIT").len(),
        1,
        "an Edit and a MultiEdit of one file: one decision"
    );
    assert!(by_rule(&ds, "A-BASH").is_empty(), "every command there is a read");

    let init = shared("fixtures/claude-code/sample-project/1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl");
    let ds = all(&init);
    assert_eq!(evidence(&ds, "A-WRITE"), ["/path/to/Demo/CLAUDE.md: # CLAUDE.md"]);
    assert!(by_rule(&ds, "A-BASH").is_empty(), "find and ls are reads");
    assert!(
        by_rule(&ds, "A-PLAN-TEXT").is_empty(),
        "\"I'll analyze the codebase\" narrates"
    );

    let todos = shared("fixtures/claude-code/edge/todowrite_examples.jsonl");
    let ds = all(&todos);
    assert_eq!(
        by_rule(&ds, "A-PLAN-TODO").len(),
        1,
        "the second list adds the item the user dictated"
    );
    assert_eq!(by_rule(&ds, "H-TOOL").len(), 1, "\"add a task for security review\"");
}

#[test]
fn reads_are_not_decisions_and_retries_fold() {
    let s = session(&[
        user("Get the coverage report working"),
        bash("a", "ls -la && cat Justfile"),
        bash("b", "git status && git log --oneline -5"),
        bash("c", "sqlite3 app.db \"SELECT COUNT(*) FROM users\""),
        bash("d", "pytest --help"),
        bash("e", "pip install pytest-cov"),
        bash("f", "python -m pip install pytest-cov"),
        bash("g", "apt-get update && apt-get install -y python3-pytest"),
        bash("h", "uv add --dev pytest-cov"),
        bash("i", "python -m pytest --cov=src"),
        bash("j", "python -m pytest --cov=src -q"),
    ]);
    let ds = all(&s);
    assert_eq!(
        evidence(&ds, "A-BASH"),
        ["pip install pytest-cov", "python -m pytest --cov=src"],
        "four install attempts are one, two test runs are one, reads are none"
    );
}

#[test]
fn commits_are_each_their_own_unless_nothing_was_committed() {
    let s = session(&[
        user("Fix the typo and the lint"),
        bash("a", "git add -A && git commit -m 'fix typo'"),
        result("a", "[main 1a2b3c] fix typo", false),
        bash("b", "git commit -am 'fix lint'"),
        result("b", "[main 4d5e6f] fix lint", false),
        bash("c", "git commit -am 'again'"),
        result("c", "nothing to commit, working tree clean", true),
    ]);
    assert_eq!(by_rule(&all(&s), "A-BASH").len(), 2);
}

#[test]
fn patches_through_a_shell_are_edits_one_per_file() {
    let patch = "apply_patch <<'EOF'\n*** Begin Patch\n*** Update File: src/a.rs\n@@\n-x\n+y\n*** Add File: src/b.rs\n+fn b() {}\n*** End Patch\nEOF";
    let s = session(&[
        user("Refactor the parser"),
        bash("p1", patch),
        bash("p2", &patch.replace("+y", "+z")),
        bash("h", "cat > notes.md <<'EOF'\n# Notes\nEOF"),
    ]);
    let ds = all(&s);
    assert!(by_rule(&ds, "A-BASH").is_empty(), "{:?}", evidence(&ds, "A-BASH"));
    assert_eq!(evidence(&ds, "A-EDIT"), ["src/a.rs"]);
    assert_eq!(evidence(&ds, "A-WRITE"), ["src/b.rs", "notes.md"]);
}

#[test]
fn narration_is_not_a_plan_diagnoses_choices_and_offers_are() {
    let s = session(&[
        user("The build fails on CI"),
        say("Now I'll run the tests. Let me read the workflow file."),
    ]);
    assert_eq!(count(&all(&s), Kind::Planning, Actor::Agent), 0);
    let s = session(&[
        user("The build fails on CI"),
        say(
            "The root cause is that the cache key ignores the lockfile.\n\nI'll use the lockfile's hash as the key instead of the branch name.\n\nI can also pin the toolchain; want me to?",
        ),
    ]);
    let ds = all(&s);
    assert_eq!(by_rule(&ds, "A-PLAN-DIAGNOSIS").len(), 1);
    assert_eq!(by_rule(&ds, "A-PLAN-TEXT").len(), 1);
    assert_eq!(by_rule(&ds, "A-PLAN-OFFER").len(), 1);
    let s = session(&[user("Port the CLI"), say("## Summary of changes\n- Created src/cli.rs")]);
    assert!(
        by_rule(&all(&s), "A-PLAN-TEXT").is_empty(),
        "a heading that reports work done"
    );
}

#[test]
fn delegations_read_only_or_asked_for_are_not_the_agents() {
    let task =
        |id: &str, ty: &str, d: &str| call(id, "Task", json!({"subagent_type": ty, "description": d, "prompt": d}));
    let s = session(&[
        user("Build the settings page"),
        task("a", "Explore", "Map the routes"),
        task("b", "general-purpose", "Investigate how forms are validated"),
        task(
            "c",
            "general-purpose",
            "Implement the settings form with zod validation",
        ),
    ]);
    assert_eq!(
        evidence(&all(&s), "A-PLAN-DELEGATE"),
        ["Implement the settings form with zod validation"]
    );
    let s = session(&[
        user("Spawn three subagents to write the docs pages in parallel"),
        task("a", "general-purpose", "Write the install page"),
    ]);
    assert!(
        by_rule(&all(&s), "A-PLAN-DELEGATE").is_empty(),
        "the user asked for the sub-agents"
    );
}

#[test]
fn tools_that_write_unreadable_edits_and_redaction() {
    let s = session(&[
        user("File the bugs we found"),
        call("a", "mcp__linear__create_issue", json!({"title": "x"})),
        call("b", "mcp__linear__create_issue", json!({"title": "y"})),
        call("c", "mcp__linear__list_issues", json!({})),
        call("d", "Edit", json!({})),
    ]);
    let ds = all(&s);
    assert_eq!(evidence(&ds, "A-TOOL"), ["mcp__linear__create_issue"]);
    assert_eq!(
        evidence(&ds, "A-EDIT"),
        ["an unknown file"],
        "an edit whose arguments cannot be read still counts"
    );
    let codex = shared("fixtures/codex/rollout-2026-02-23T12-41-04-019c8a4d-8f45-7010-8b5d-7fad920aa6f9.jsonl");
    assert!(codex.line.contains("\"redacted\":true"), "a redacted history is marked");
    assert_eq!(
        by_rule(&all(&codex), "A-BASH").len(),
        1,
        "its unreadable commands are one decision"
    );
}

#[test]
fn expertise_outcome_estimates_and_the_override_map() {
    let novice = session(&[
        user("can you help me understand what is a decorator"),
        say("Sure."),
        user("ok"),
        user("how do i use one in my own code"),
    ]);
    // One message of the user's own says too little: unknown.
    let one = session(&[user("can you help me understand what is a decorator"), user("ok")]);
    assert_eq!(one.session.expertise.0, None);
    let expert = session(&[
        user("In src/stats.rs make `median_session` skip sessions without turns; add a test."),
        call(
            "e",
            "Edit",
            json!({"file_path": "src/stats.rs", "old_string": "a", "new_string": "b"}),
        ),
        user("No, keep `app()` as it is and filter in the caller instead."),
    ]);
    assert!(novice.session.expertise.0.unwrap() < expert.session.expertise.0.unwrap());
    assert_eq!(expert.session.expertise.0, Some(5));
    assert_eq!(novice.session.outcome, None, "nothing was done");
    assert_eq!(
        expert.session.outcome,
        Some(Outcome::Success),
        "changed files, no hard evidence"
    );
    let failed = session(&[
        user("Fix the build"),
        call("e", "Write", json!({"file_path": "a.rs", "content": "x"})),
        user("it still doesn't work"),
    ]);
    assert_eq!(failed.session.outcome, Some(Outcome::Failure));
    let thanks = session(&[
        user("Fix the build"),
        call("e", "Write", json!({"file_path": "a.rs", "content": "x"})),
        user("Perfect, it works now"),
    ]);
    assert_eq!(thanks.session.outcome, Some(Outcome::VerifiedSuccess));
    let errored = session(&[
        user("Fix the build"),
        call("e", "Write", json!({"file_path": "a.rs", "content": "x"})),
        result("e", "permission denied", true),
    ]);
    assert_eq!(
        errored.session.outcome,
        Some(Outcome::Failure),
        "its only change failed"
    );

    // The session id is the lines' `sessionId` ("s"), not the file name.
    let map = ExpertiseMap::parse("# levels\n/path/to/Demo = expert\ns = 2\n").unwrap();
    assert_eq!(map.lookup("s", None), Some(2));
    assert_eq!(map.lookup("other", Some("/path/to/Demo")), Some(5));
    assert_eq!(map.lookup("other", Some("/x/Demo")), None);
    let json_map = ExpertiseMap::parse(r#"{"Demo": 3, "s1": "novice"}"#).unwrap();
    assert_eq!(json_map.lookup("x", Some("/path/to/Demo")), Some(3));
    assert_eq!(json_map.lookup("s1", None), Some(1));
    assert!(ExpertiseMap::parse("Demo = 9").unwrap_err().contains("line 1"));
    let opts = ImportOptions {
        expertise_map: map,
        ..ImportOptions::default()
    };
    let raw = &expert.raw;
    assert_eq!(build(raw, &opts).expertise.0, Some(2), "the map overrides the estimate");
    assert_eq!(classify(raw).expertise.level, Some(5));
}
