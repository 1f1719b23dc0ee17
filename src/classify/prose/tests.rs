use super::*;

#[test]
fn pasted_shell_sessions_and_logs_are_set_aside() {
    let p = read(
        "still no\n\n(llm) jim@box:/mnt/c/app$ claude -c\nNo conversation found to continue\njim@box:/mnt/c/app$ claude -r\nNo conversations found.\n\nwhat now?",
    );
    assert_eq!(p.pasted_commands, vec!["claude -c", "claude -r"]);
    assert_eq!(p.clauses, vec!["still no", "what now?"]);
    let p = read(
        "It crashes:\nTraceback (most recent call last):\n  File \"a.py\", line 3\nValueError: using the wrong key\nFix it.",
    );
    assert_eq!(p.clauses, vec!["It crashes:", "Fix it."]);
    let p = read("Use this:\n```python\ndef f(x):\n    return x\n```\nthanks");
    assert_eq!(p.code_blocks, vec!["def f(x):\n    return x"]);
}

#[test]
fn clauses_split_where_a_new_instruction_starts() {
    assert_eq!(
        clauses("Commit the change, then stop."),
        vec!["Commit the change", "then stop."]
    );
    assert_eq!(clauses("Add a test; run it"), vec!["Add a test", "run it"]);
}

#[test]
fn roles_of_clauses() {
    for (c, r) in [
        ("Thanks!", Role::Filler),
        ("sorry to interrupt.", Role::Filler),
        ("however, this is what I got", Role::Filler),
        ("are they still being written?", Role::Status),
        ("did you push?", Role::Status),
        (
            "wait all I see is a readme.md, is there supposed to be a json file?",
            Role::Clarification,
        ),
        ("it worked!", Role::Report),
        ("still didnt work.", Role::Report),
        ("Port this Python project to Rust.", Role::Directive),
        ("can you walk me through the manual testing steps?", Role::Directive),
        ("how different is this export from the old one?", Role::Directive),
        ("why won't you run it?", Role::Directive),
        ("where's your history(debug) saved?", Role::Directive),
        (
            "chrome is installed and running, how do we link claude code to it?",
            Role::Directive,
        ),
        ("the build is green, right?", Role::Clarification),
        ("you made it faster, how?", Role::Clarification),
        ("i think we would want to include all sources", Role::Directive),
        ("Don't stop until all functions are ported.", Role::Directive),
        ("the folder /mnt/c/app is empty.", Role::Context),
        ("green curry is my favourite", Role::Context),
    ] {
        assert_eq!(role(c), r, "{c}");
    }
}
