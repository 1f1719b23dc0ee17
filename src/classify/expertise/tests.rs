//! Each signal on real snippets and on the misfires of issue 16; the unknown threshold.

use super::*;
use crate::transcript::RawTurn;

fn session(prompts: &[&str]) -> RawSession {
    RawSession {
        turns: prompts
            .iter()
            .map(|p| RawTurn {
                prompt: (*p).to_owned(),
                ..RawTurn::default()
            })
            .collect(),
        ..RawSession::default()
    }
}

/// The signals that fired on a second prompt (after a neutral first one), as `(kind, quote)`.
fn fired(prompt: &str) -> Vec<(SignalKind, String)> {
    let s = session(&["look at the repository and tell me what it does", prompt]);
    estimate(&s)
        .evidence
        .into_iter()
        .filter(|x| x.turn == 2)
        .map(|x| (x.signal, x.quote))
        .collect()
}

fn has(prompt: &str, k: SignalKind) -> bool {
    fired(prompt).iter().any(|(s, _)| *s == k)
}

#[test]
fn file_names_are_not_words() {
    // `test.txt` is a file, not a request to verify.
    let p = "Please edit test.txt to say hello, then commit.";
    assert!(!has(p, SignalKind::Verify), "{:?}", fired(p));
    assert!(has(p, SignalKind::NamesFile));
    // `xterm.js`, `hello.sh`, `@CLAUDE.md`: named, but not precise direction by themselves.
    for p in [
        "make it work like xterm.js",
        "write hello.sh",
        "@CLAUDE.md update it to latest",
    ] {
        assert!(!has(p, SignalKind::Precise), "{p}: {:?}", fired(p));
    }
    // A path with its folder, an identifier, code: precise.
    for p in [
        "Add a docstring to src/main.py",
        "rename parse_line to parse_record",
        "make `multiply_numbers(a: int, b: int) -> int` return the product",
    ] {
        assert!(has(p, SignalKind::Precise), "{p}: {:?}", fired(p));
    }
}

#[test]
fn verification_is_asking_to_check_not_to_write_a_test() {
    for p in [
        "add a test for it",
        "write tests for the parser",
        "create a test file named test_utils.py",
    ] {
        assert!(!has(p, SignalKind::Verify), "{p}: {:?}", fired(p));
    }
    for p in [
        "run the tests before you commit",
        "Run `just check` and fix whatever fails",
        "how sure are we that we are retrieving everything related to a session?",
        "make sure all tests pass",
        "did you verify the export on a real session?",
    ] {
        assert!(has(p, SignalKind::Verify), "{p}: {:?}", fired(p));
    }
}

#[test]
fn corrections_anywhere_in_a_prompt() {
    for p in [
        "Thanks. But not the new session button, the one in the sidebar.",
        "it looks like there isnt a /continue command but it is instead used with the -c switch.",
        "No, keep the old export too.",
        "that is wrong: the cache lives under ~/.cache",
    ] {
        assert!(has(p, SignalKind::Correct), "{p}: {:?}", fired(p));
    }
    for p in [
        "still didnt work",
        "now add a logout button",
        "no need for a config file, hardcode it",
    ] {
        assert!(!has(p, SignalKind::Correct), "{p}: {:?}", fired(p));
    }
    // The first message has nothing to correct yet.
    let s = session(&["No tests exist yet, write some", "thanks, looks good"]);
    assert_eq!(estimate(&s).count(SignalKind::Correct), 0);
}

#[test]
fn learning_and_the_quote() {
    let f = fired("can you explain what a closure is?");
    assert_eq!(
        f,
        vec![(SignalKind::Learn, "can you explain what a closure is?".to_owned())]
    );
}

#[test]
fn pasted_text_is_not_the_users_words() {
    let p = "this is what I got\n\nTraceback (most recent call last):\n  File \"a.py\", line 3\nValueError: no, that is wrong\n\n```\nrun the tests\n```";
    let f = fired(p);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn mid_turn_messages_count() {
    let mut s = session(&["build a todo app", "add a dark mode"]);
    s.turns[1].mid_turn = vec!["not the header, the footer should switch it".into()];
    let e = estimate(&s);
    assert_eq!(e.messages, 3);
    assert_eq!(e.count(SignalKind::Correct), 1);
}

#[test]
fn unknown_below_the_minimum_of_evidence() {
    // One prompt, however precise, or prompts that say almost nothing: unknown.
    let one = session(&[
        "Port src/lib.py to Rust: no bindings, delete the Python sources, keep the Justfile, until all tests pass with 100% coverage",
    ]);
    assert_eq!(estimate(&one).level, None);
    assert_eq!(estimate(&one).confidence, Confidence::None);
    let thin = session(&["/init", "continue", "go on", "fix it"]);
    assert_eq!(estimate(&thin).level, None);
    // Redaction markers are nobody's words.
    let thin = session(&[
        "[REDACTED_MESSAGE len=115 sha=a83ebe6f]",
        "[REDACTED_TEXT len=98 sha=c002ff99]",
    ]);
    assert_eq!(estimate(&thin).messages, 0);
    assert_eq!(estimate(&thin).level, None);
    // Two short vague prompts that reach the minimum: a level, low confidence.
    let two = session(&[
        "create TODO app by Next.js please",
        "Thanks! Please update CLAUDE.md for current changes",
    ]);
    let e = estimate(&two);
    assert_eq!((e.level, e.confidence), (Some(2), Confidence::Low), "{e:?}");
}

#[test]
fn signals_move_the_level() {
    let s = session(&[
        "Refactor src/import/read.rs so that parse_line returns a Result",
        "No, keep the old signature and add a new function instead",
        "run the tests and make sure clippy is clean",
        "rename ParsedLine to Record everywhere in src/corpus/",
        "the error path in load_corpus is wrong, it drops the line number",
        "thanks, commit it",
    ]);
    let e = estimate(&s);
    assert_eq!(e.level, Some(5), "{e:?}");
    assert_eq!(e.confidence, Confidence::High);
    let n = session(&[
        "i'm new to python, what is a virtual environment?",
        "how do i install flask",
        "can you explain what that command did",
    ]);
    assert_eq!(estimate(&n).level, Some(1), "{:?}", estimate(&n));
}
