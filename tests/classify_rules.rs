//! Every classifier rule on real snippets: the fixtures where they hold an example, lines in
//! the real Claude Code format otherwise.

use std::collections::HashSet;
use std::io::Cursor;
use std::path::Path;

use leash::classify::{ExpertiseMap, RULES, classify};
use leash::import::{ImportOptions, Imported, build, claude, import_path};
use leash::model::{Actor, Decision, Kind, Outcome};
use serde_json::{Value, json};

fn fixture(rel: &str) -> Imported {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures")
        .join(rel);
    import_path(&p, &ImportOptions::default()).unwrap().imported.remove(0)
}

fn all(i: &Imported) -> Vec<&Decision> {
    i.session.turns.iter().flat_map(|t| &t.decisions).collect()
}

fn by_rule<'a>(ds: &[&'a Decision], rule: &str) -> Vec<&'a Decision> {
    ds.iter().copied().filter(|d| d.rule.as_deref() == Some(rule)).collect()
}

fn user(t: &str) -> Value {
    json!({"type": "user", "sessionId": "s", "message": {"role": "user", "content": t}})
}
fn call(id: &str, name: &str, input: Value) -> Value {
    json!({"type": "assistant", "message": {"id": id, "content": [{"type": "tool_use", "id": id, "name": name, "input": input}]}})
}
fn result(id: &str, content: &str, is_error: bool) -> Value {
    json!({"type": "user", "message": {"role": "user", "content": [{"type": "tool_result", "tool_use_id": id, "content": content, "is_error": is_error}]}})
}
fn say(t: &str) -> Value {
    json!({"type": "assistant", "message": {"id": "m", "content": [{"type": "text", "text": t}]}})
}

/// Imports lines as a Claude Code session file, classified.
fn session(lines: &[Value]) -> Imported {
    let body: String = lines.iter().map(|l| l.to_string() + "\n").collect();
    let raw = claude::parse(Cursor::new(body), "mem.jsonl", "mem");
    let session = build(&raw, &ImportOptions::default());
    let line = leash::import::to_line(&raw, &session);
    Imported { raw, session, line }
}

fn check(d: &Decision, kind: Kind, actor: Actor, category: &str) {
    assert_eq!(
        (d.kind, d.actor, d.category.as_deref()),
        (kind, actor, Some(category)),
        "{d:?}"
    );
    assert!(d.confidence.is_some_and(|c| (0.0..=1.0).contains(&c)));
}

#[test]
fn fixture_sessions_yield_goal_files_plans_edits_writes_and_commands() {
    let orch = fixture("claude-code/sample-project/5c0375b4-57a5-4f26-b12d-d022ee4e51b7.jsonl");
    let ds = all(&orch);
    check(by_rule(&ds, "H-GOAL")[0], Kind::Planning, Actor::Human, "goal");
    let files = by_rule(&ds, "H-FILES");
    check(files[0], Kind::Execution, Actor::Human, "files");
    assert_eq!(files[0].evidence.as_deref(), Some("CLAUDE.md"), "from `@CLAUDE.md`");
    assert_eq!(by_rule(&ds, "A-PLAN-DELEGATE").len(), 3, "three Task calls");
    let todo = by_rule(&ds, "A-PLAN-TODO");
    check(todo[0], Kind::Planning, Actor::Agent, "approach");
    assert!(
        todo[0]
            .evidence
            .as_deref()
            .unwrap()
            .starts_with("Discover available commands in the project")
    );
    let edits = by_rule(&ds, "A-EDIT");
    assert_eq!(edits.len(), 1, "an Edit and a MultiEdit of one file: one decision");
    check(edits[0], Kind::Execution, Actor::Agent, "code");
    // Reads and searches (Read, Glob) are not decisions.
    assert!(
        ds.iter()
            .all(|d| !d.evidence.as_deref().unwrap_or("").contains("**/*.md"))
    );

    let init = fixture("claude-code/sample-project/1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl");
    let ds = all(&init);
    let w = by_rule(&ds, "A-WRITE");
    check(w[0], Kind::Execution, Actor::Agent, "files");
    assert_eq!(w[0].evidence.as_deref(), Some("/path/to/Demo/CLAUDE.md: # CLAUDE.md"));
    let bash: Vec<_> = by_rule(&ds, "A-BASH")
        .iter()
        .map(|d| d.evidence.clone().unwrap())
        .collect();
    assert_eq!(bash.len(), 2);
    assert_eq!(bash[1], "ls -la");
    let plan = by_rule(&ds, "A-PLAN-TEXT");
    assert!(
        plan[0]
            .evidence
            .as_deref()
            .unwrap()
            .starts_with("I'll analyze the codebase")
    );

    let todos = fixture("claude-code/edge/todowrite_examples.jsonl");
    let t = by_rule(&all(&todos), "A-PLAN-TODO");
    assert_eq!(t.len(), 2, "the second turn's list adds one new item");
    assert_eq!(
        t[1].evidence.as_deref(),
        Some("Conduct security review and penetration testing")
    );
}

#[test]
fn human_planning_goal_approach_and_done() {
    let s = session(&[user(
        "Thanks! Add retry logic to the HTTP client. Use exponential backoff and don't touch the public API. Keep going until the tests pass.",
    )]);
    let ds = all(&s);
    assert_eq!(
        by_rule(&ds, "H-GOAL")[0].evidence.as_deref(),
        Some("Add retry logic to the HTTP client.")
    );
    let ap = by_rule(&ds, "H-APPROACH");
    check(ap[0], Kind::Planning, Actor::Human, "approach");
    assert_eq!(
        ap[0].evidence.as_deref(),
        Some("Use exponential backoff and don't touch the public API.")
    );
    let done = by_rule(&ds, "H-DONE");
    check(done[0], Kind::Planning, Actor::Human, "done");
    assert_eq!(done[0].evidence.as_deref(), Some("Keep going until the tests pass."));
}

#[test]
fn human_execution_files_commands_code() {
    let s = session(&[user(
        "In src/corpus/parse.rs, rename `parse_line` to `parse_row` and run `cargo test --lib`:\n```rust\nfn parse_row(b: &[u8]) {}\n```",
    )]);
    let ds = all(&s);
    assert_eq!(
        by_rule(&ds, "H-FILES")[0].evidence.as_deref(),
        Some("src/corpus/parse.rs")
    );
    let c = by_rule(&ds, "H-COMMANDS");
    check(c[0], Kind::Execution, Actor::Human, "commands");
    assert_eq!(c[0].evidence.as_deref(), Some("cargo test --lib"));
    let code = by_rule(&ds, "H-CODE");
    check(code[0], Kind::Execution, Actor::Human, "code");
    assert_eq!(code[0].evidence.as_deref(), Some("fn parse_row(b: &[u8]) {}"));
}

#[test]
fn answers_plans_and_ratification() {
    let s = session(&[
        user("Add caching to the importer"),
        call(
            "q1",
            "AskUserQuestion",
            json!({"questions": [{"question": "Where should the cache live?", "header": "Cache", "options": [], "multiSelect": false}]}),
        ),
        result(
            "q1",
            "User has answered your questions: \"Where should the cache live?\"=\"~/.cache/leash\"",
            false,
        ),
        call(
            "p1",
            "ExitPlanMode",
            json!({"plan": "1. Key entries by path+size+mtime\n2. Store under ~/.cache/leash"}),
        ),
        result("p1", "User has approved your plan. You can now start coding.", false),
        say("I'll start with the cache key."),
        user("yes, go ahead"),
        call(
            "e1",
            "Edit",
            json!({"file_path": "src/import/cache.rs", "old_string": "", "new_string": "pub struct Key;"}),
        ),
        call("b1", "Bash", json!({"command": "cargo test --lib import"})),
        result("b1", "test result: ok. 3 passed", false),
    ]);
    let ds = all(&s);
    let a = by_rule(&ds, "H-ANSWER");
    check(a[0], Kind::Planning, Actor::Human, "approach");
    assert!(a[0].evidence.as_deref().unwrap().contains("~/.cache/leash"));
    let p = by_rule(&ds, "A-PLAN-EXIT");
    check(p[0], Kind::Planning, Actor::Agent, "approach");
    assert!(p[0].is_ratified(), "the user approved the plan");
    let t = by_rule(&ds, "A-PLAN-TEXT");
    assert!(t[0].is_ratified(), "the next prompt only assents");
    assert!(by_rule(&ds, "H-GOAL").len() == 1, "bare assent sets no goal");
    assert!(by_rule(&ds, "A-EDIT")[0].ratified.is_none());
    assert_eq!(
        by_rule(&ds, "A-BASH")[0].evidence.as_deref(),
        Some("cargo test --lib import")
    );
    assert_eq!(s.session.outcome, Some(Outcome::VerifiedSuccess), "tests passed");
    let ids: HashSet<_> = ds.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), ds.len(), "ids are unique within the session");
    assert_eq!(ds[0].id, "d1");
}

#[test]
fn a_command_the_user_named_is_theirs_not_the_agents() {
    let s = session(&[
        user("Run `cargo clippy --all-targets` please"),
        call("b", "Bash", json!({"command": "cargo clippy --all-targets"})),
    ]);
    let ds = all(&s);
    assert_eq!(by_rule(&ds, "H-COMMANDS").len(), 1);
    assert!(by_rule(&ds, "A-BASH").is_empty());
}

#[test]
fn every_rule_is_exercised_and_documented() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/classifier.md")).unwrap();
    for r in RULES {
        assert!(doc.contains(&format!("`{r}`")), "{r} is documented");
    }
}

#[test]
fn expertise_outcome_estimates_and_the_override_map() {
    let novice = session(&[
        user("can you help me understand what is a decorator"),
        say("Sure."),
        user("ok"),
    ]);
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
    assert_eq!(classify(raw).expertise, Some(5));
}
