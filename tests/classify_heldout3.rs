//! Rules fixed after the third held-out check (docs/eval.md): Claude Code lines in the real
//! format, shaped like the held-out prompts (Claude Code and Codex users), imported and
//! classified.

mod common;

use common::*;
use leash::model::{Actor, Kind};

#[test]
fn lets_commit_and_push_dictates_both_and_the_staging_is_part_of_the_commit() {
    for prompt in [
        "Ok let's commit and push these changes.",
        "Ok let's commit and push again!",
    ] {
        let s = session(&[
            user(prompt),
            bash("a", "git add -A"),
            result("a", "", false),
            bash("c", "git commit -m \"Fix the zellij theme\""),
            result("c", "[main 1a2b3c4] Fix the zellij theme", false),
            bash("p", "git push"),
            result("p", "To github.com:u/dotfiles.git", false),
        ]);
        let ds = all(&s);
        let cmds = by_rule(&ds, "H-COMMANDS");
        assert_eq!(cmds.len(), 2, "{prompt}: commit and push: {ds:?}");
        cmds.iter()
            .for_each(|d| check(d, Kind::Execution, Actor::Human, "commands"));
        assert!(
            by_rule(&ds, "A-BASH").is_empty(),
            "{prompt}: the agent carried them out: {ds:?}"
        );
        assert!(by_rule(&ds, "H-GOAL").is_empty(), "{prompt}: only dictates: {ds:?}");
    }
    // Staging the agent chose on its own stays the agent's.
    let s = session(&[
        user("tidy the README"),
        bash("a", "git add README.md"),
        result("a", "", false),
    ]);
    let ds = all(&s);
    assert_eq!(by_rule(&ds, "A-BASH").len(), 1, "{ds:?}");
}

#[test]
fn a_terse_yes_or_a_session_command_typed_as_a_prompt_decides_nothing() {
    for p in ["yes pls", "Yes plz!", "ok ty", "clear", "exit"] {
        let s = session(&[user(p)]);
        assert!(all(&s).is_empty(), "{p}: {:?}", all(&s));
    }
    let s = session(&[user("clear the cache before the build")]);
    assert_eq!(by_rule(&all(&s), "H-GOAL").len(), 1);
}

#[test]
fn code_in_several_snippets_is_one_decision() {
    let s = session(&[user(
        "Print these: `print(f'Body: {eid}')` then `print(f'page-wrapper: {eid}')` and `print(styles)`",
    )]);
    let ds = all(&s);
    assert_eq!(by_rule(&ds, "H-CODE").len(), 1, "{ds:?}");
}

#[test]
fn macos_lookups_are_reads_and_a_settings_write_is_a_command() {
    let s = session(&[
        user("which Maple Mono fonts do I have?"),
        bash("a", "system_profiler SPFontsDataType | rg -i \"Maple Mono|NF CN\""),
        result("a", "Maple Mono NF CN", false),
        bash("b", "defaults read com.mitchellh.ghostty"),
        result("b", "{}", false),
        bash("c", "mdfind -name MapleMono"),
        result("c", "", false),
    ]);
    let ds = all(&s);
    assert!(by_rule(&ds, "A-BASH").is_empty(), "looking is not deciding: {ds:?}");
    let s = session(&[
        user("hide the dock"),
        bash("a", "defaults write com.apple.dock autohide -bool true"),
        result("a", "", false),
    ]);
    assert_eq!(by_rule(&all(&s), "A-BASH").len(), 1);
}

#[test]
fn an_offer_in_chinese_is_the_agents_plan() {
    for reply in [
        "这些字体都可以。如果你愿意，我可以继续按你的偏好给你细分一版。",
        "问题在配置文件里。需要我帮你修改代码吗？",
    ] {
        let s = session(&[user("推荐几个编程字体"), say(reply)]);
        let ds = all(&s);
        let offers = by_rule(&ds, "A-PLAN-OFFER");
        assert_eq!(offers.len(), 1, "{reply}: {ds:?}");
        check(offers[0], Kind::Planning, Actor::Agent, "approach");
    }
}

#[test]
fn a_todo_list_of_the_users_asks_is_no_plan_of_the_agents() {
    let todos = |items: &[&str]| {
        let todos: Vec<serde_json::Value> = items
            .iter()
            .enumerate()
            .map(|(i, c)| serde_json::json!({"id": i.to_string(), "content": c, "status": "pending"}))
            .collect();
        call("t", "TodoWrite", serde_json::json!({"todos": todos}))
    };
    let prompt =
        "Great! My zellij config is a bit off. There shouldn't be any pane labels. And the color scheme is really bad";
    let s = session(&[
        user(prompt),
        todos(&[
            "Examine current zellij configuration",
            "Remove pane labels from config",
            "Fix color scheme issues",
        ]),
        result("t", "Todos have been modified successfully", false),
    ]);
    let ds = all(&s);
    assert!(
        by_rule(&ds, "A-PLAN-TODO").is_empty(),
        "the list restates the prompt: {ds:?}"
    );
    let s = session(&[
        user(prompt),
        todos(&[
            "Set simplified_ui true in config.kdl",
            "Switch the theme to tokyo-night",
        ]),
        result("t", "Todos have been modified successfully", false),
    ]);
    let ds = all(&s);
    assert_eq!(by_rule(&ds, "A-PLAN-TODO").len(), 1, "steps of the agent's own: {ds:?}");
}
