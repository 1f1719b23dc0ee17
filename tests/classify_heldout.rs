//! Rules fixed after the second held-out check (docs/eval.md): Claude Code lines in the real
//! format, shaped like the held-out prompts and replies, imported and classified.

mod common;

use common::*;
use leash::model::{Actor, Kind};
use serde_json::json;

#[test]
fn an_offer_of_further_work_is_the_agents_plan() {
    for (prompt, reply) in [
        (
            "okay test what changes did we make to keybinds",
            "I don't have any memory saved about keybind changes.\n\nWant me to read your current keybindings file to see what's there?",
        ),
        (
            "I have some dotfiles from github I'd like to use.",
            "CLAUDE.md files are plain markdown.\n\nWhat do your dotfiles contain? I can help figure out the best way to wire them up.",
        ),
        (
            "why does the build fail on CI?",
            "The cache key is stale. Would you like me to update the workflow to hash the lockfile?",
        ),
    ] {
        let s = session(&[user(prompt), say(reply)]);
        let ds = all(&s);
        let offers = by_rule(&ds, "A-PLAN-OFFER");
        assert_eq!(offers.len(), 1, "{prompt}: {ds:?}");
        check(offers[0], Kind::Planning, Actor::Agent, "approach");
    }
}

#[test]
fn asking_to_proceed_or_to_carry_out_a_laid_out_plan_is_no_offer_of_its_own() {
    let s = session(&[
        user("fix the flaky test"),
        say("Would you like me to proceed with the fix?"),
    ]);
    let ds = all(&s);
    assert!(by_rule(&ds, "A-PLAN-OFFER").is_empty(), "{ds:?}");
    let plan = "## Proposed plan\n\n1. Move the retry into the client\n2. Add a test\n\nWould you like me to run the setup commands for you?";
    let s = session(&[user("how should we restructure the client?"), say(plan)]);
    let ds = all(&s);
    assert_eq!(
        evidence(&ds, "A-PLAN-TEXT"),
        ["Proposed plan … Would you like me to run the setup commands for you?"],
        "the plan's evidence quotes the offer too"
    );
    assert!(
        by_rule(&ds, "A-PLAN-OFFER").is_empty(),
        "the offer carries out the plan: one decision, {ds:?}"
    );
}

#[test]
fn a_bare_id_an_announcement_or_a_question_of_necessity_sets_no_goal() {
    for p in [
        "4eb362e5-e40d-4f92-be47-a5eb907628b9",
        "c7a534e7b93622cf4807a290fba0952e5e461f2e",
        "okay a few more things before i swith os",
        "So I can't have an entire .claude/ directory for this project? It has to be global?",
    ] {
        let s = session(&[user(p)]);
        let ds = all(&s);
        assert!(ds.iter().all(|d| d.kind != Kind::Planning), "{p}: {ds:?}");
    }
    // The same words with a request in them still set it.
    for p in [
        "one more thing, add a test for the parser",
        "Look at commit c7a534e7b93622cf4807a290fba0952e5e461f2e. Help me review.",
        "Do we need to keep the v1 endpoint? Can you check who calls it?",
    ] {
        let s = session(&[user(p)]);
        let ds = all(&s);
        assert_eq!(by_rule(&ds, "H-GOAL").len(), 1, "{p}: {ds:?}");
    }
}

#[test]
fn a_later_question_asks_more_about_the_goal_it_sets_no_approach() {
    let s = session(&[user(
        "Hi! I have some dotfiles from github I'd like to use. Where can I put them and will you use them?",
    )]);
    let ds = all(&s);
    assert_eq!(by_rule(&ds, "H-GOAL").len(), 1, "{ds:?}");
    assert!(by_rule(&ds, "H-APPROACH").is_empty(), "{ds:?}");
    // A later instruction is still a constraint.
    let s = session(&[user("Add retry logic to the client. Don't touch the public API.")]);
    let ds = all(&s);
    assert_eq!(evidence(&ds, "H-APPROACH"), ["Don't touch the public API."]);
}

#[test]
fn calls_refused_at_one_prompt_are_one_veto() {
    let refused = "The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file). STOP what you are doing and wait for the user to tell you how to proceed.";
    let s = session(&[
        user("the keybinds were made in hyprland"),
        json!({"type": "assistant", "message": {"id": "m1", "content": [
            {"type": "tool_use", "id": "a", "name": "Bash", "input": {"command": "git -C ~/.config/hypr log --oneline -20"}},
            {"type": "tool_use", "id": "b", "name": "Glob", "input": {"pattern": "**/*.conf", "path": "/home/u/.config/hypr"}}]}}),
        result("a", refused, true),
        result("b", refused, true),
        user("[Request interrupted by user for tool use]"),
    ]);
    let ds = all(&s);
    let vetoes = by_rule(&ds, "H-VETO");
    assert_eq!(vetoes.len(), 1, "{ds:?}");
    check(vetoes[0], Kind::Execution, Actor::Human, "commands");
}

#[test]
fn a_git_worktree_or_branch_named_in_prose_is_the_users_command() {
    let s = session(&[
        user("Can you create a worktree and review changes on branch ek/api-requested-version ?"),
        bash("w", "git worktree add ../evergreen-ek ek/api-requested-version"),
        result("w", "Preparing worktree (new branch 'ek/api-requested-version')", false),
        say("The branch adds per-request API versioning."),
    ]);
    let ds = all(&s);
    let cmds = by_rule(&ds, "H-COMMANDS");
    assert_eq!(cmds.len(), 1, "{ds:?}");
    check(cmds[0], Kind::Execution, Actor::Human, "commands");
    assert!(
        by_rule(&ds, "A-BASH").is_empty(),
        "the agent carried out the user's command: {ds:?}"
    );
    assert_eq!(by_rule(&ds, "H-GOAL").len(), 1, "reviewing is the goal: {ds:?}");
    // A worktree the user only mentions is no command.
    let s = session(&[user("why is the worktree so slow?")]);
    let ds = all(&s);
    assert!(by_rule(&ds, "H-COMMANDS").is_empty(), "{ds:?}");
}

#[test]
fn a_cjk_full_stop_ends_a_sentence() {
    let s = session(&[user("弹幕的逻辑有一个问题。首先给出你的思考，再为我提供解决方案")]);
    let ds = all(&s);
    assert_eq!(evidence(&ds, "H-GOAL"), ["弹幕的逻辑有一个问题。"], "{ds:?}");
}

#[test]
fn rather_than_in_a_description_is_no_choice() {
    let s = session(&[
        user("So I can't have an entire .claude/ directory for this project?"),
        say("You can. The one quirk is that `CLAUDE.md` lives at the project root rather than inside `.claude/`."),
    ]);
    let ds = all(&s);
    assert!(by_rule(&ds, "A-PLAN-TEXT").is_empty(), "{ds:?}");
    let s = session(&[
        user("the retries hammer the API"),
        say("I'll use exponential backoff rather than a fixed delay."),
    ]);
    let ds = all(&s);
    assert_eq!(by_rule(&ds, "A-PLAN-TEXT").len(), 1, "the agent chose: {ds:?}");
}

#[test]
fn an_offer_to_apply_the_diagnosed_fix_is_the_diagnosis() {
    let s = session(&[
        user("I ran 'ruby' in this folder and it said : No version is set for command ruby"),
        say(
            "The issue is that Ruby 4.0.0 doesn't exist. Would you like me to update your `.tool-versions` file to use `ruby 3.4.5`?",
        ),
    ]);
    let ds = all(&s);
    assert!(by_rule(&ds, "A-PLAN-OFFER").is_empty(), "{ds:?}");
    let diag = evidence(&ds, "A-PLAN-DIAGNOSIS");
    assert_eq!(diag.len(), 1, "{ds:?}");
    assert!(diag[0].contains("Would you like me to update"), "{diag:?}");
}
