//! The user's signals outside the prompt text, as the readers hand them to the classifier:
//! rejected tool calls, interrupts, messages typed while the agent worked, and the IDE
//! context kept apart from the prompt. Counts are checked against an independent reading
//! of each file that applies `shared/spec/transcript-formats.md` literally.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use leash::import::{ImportOptions, Imported, import_path};
use serde_json::Value;

fn here(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn import_one(p: &Path) -> Imported {
    let mut got = import_path(p, &ImportOptions::default()).expect("imports").imported;
    assert_eq!(got.len(), 1, "{}: one session", p.display());
    got.remove(0)
}

fn lines(p: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(p).unwrap();
    text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
}

const REFUSED: &str = "The user doesn't want to proceed with this tool use";

/// (rejected calls, interrupts, mid-turn messages) read straight from the lines.
fn claude_signals(p: &Path) -> (usize, usize, usize) {
    let ls = lines(p);
    let main: Vec<&Value> = ls.iter().filter(|l| l["isSidechain"] != true).collect();
    let refusal = |l: &Value| {
        l.pointer("/message/content")
            .and_then(Value::as_array)
            .is_some_and(|a| {
                a.iter()
                    .any(|b| b["type"] == "tool_result" && b["content"].to_string().contains(REFUSED))
            })
    };
    let rejected = main.iter().filter(|l| l["type"] == "user" && refusal(l)).count();
    let mut interrupts = 0;
    for (i, l) in main.iter().enumerate() {
        let t = common::user_text(l).unwrap_or_default();
        if l["type"] != "user" {
            continue;
        }
        let plain = t == "[Request interrupted by user]";
        let after_refusal = i > 0 && refusal(main[i - 1]);
        if plain || (t == "[Request interrupted by user for tool use]" && !after_refusal) {
            interrupts += 1;
        }
    }
    // Delivered mid-turn: a queued_command attachment, or a removed queue entry, whose text
    // no user line carries; one message leaving both records counts once.
    let typed: HashSet<String> = main
        .iter()
        .filter(|l| l["type"] == "user")
        .filter_map(|l| common::user_text(l))
        .collect();
    let mut delivered = HashSet::new();
    for l in &ls {
        let att = &l["attachment"];
        if l["type"] == "attachment" && att["type"] == "queued_command" && att["commandMode"] == "prompt" {
            delivered.insert(att["prompt"].as_str().unwrap().to_owned());
        }
        if l["type"] == "queue-operation" && l["operation"] == "remove" {
            let c = l["content"].as_str().unwrap_or("");
            if !c.starts_with("<task-notification>") {
                delivered.insert(c.to_owned());
            }
        }
    }
    let mid = delivered.iter().filter(|d| !typed.contains(*d)).count();
    (rejected, interrupts, mid)
}

fn got_signals(i: &Imported) -> (usize, usize, usize) {
    let t = &i.raw.turns;
    let rejected = t.iter().flat_map(|t| &t.calls).filter(|c| c.rejected).count();
    let interrupts = t.iter().filter(|t| t.interrupted).count();
    let mid = t.iter().map(|t| t.mid_turn.len()).sum();
    (rejected, interrupts, mid)
}

#[test]
fn claude_vetoes_and_queued_messages_reach_their_turn_once() {
    let p = here("tests/fixtures/claude-code/vetoes-and-queue.jsonl");
    let i = import_one(&p);
    assert_eq!(got_signals(&i), claude_signals(&p));
    assert_eq!(got_signals(&i), (1, 1, 2), "the count by hand");
    let prompts: Vec<&str> = i.raw.turns.iter().map(|t| t.prompt.as_str()).collect();
    assert_eq!(
        prompts,
        [
            "make the cart total include tax",
            "use a Decimal type instead",
            "why is tax zero here?"
        ],
        "wrappers stripped; a dequeued message is one prompt; a popped or folded one is none"
    );
    let t = &i.raw.turns;
    assert_eq!(t[0].mid_turn, ["round to cents", "and keep the old signature"]);
    assert!(t[0].calls[1].rejected && !t[0].calls[0].rejected);
    assert!(!t[0].interrupted, "the interrupt after a rejection is part of it");
    assert!(t[1].interrupted && t[1].calls.len() == 1, "streamed copies count once");
    assert!(t[0].ide_context.as_deref().unwrap().contains("src/cart.rs"));
    assert!(t[2].ide_context.as_deref().unwrap().contains("let tax = 0;"));
    assert_eq!(t[1].ide_context, None);
}

#[test]
fn real_claude_sessions_give_the_interrupts_and_queue_an_independent_reading_finds() {
    let gold = here("../shared/gold/transcripts");
    let share = gold.join("moredip__session-share/0ccf1a04-1b4c-43b6-8aa5-79e41db43a68.jsonl");
    let cctrace = gold.join("jimmc414__cctrace/phase0-investigation.jsonl");
    for (p, by_hand) in [(&share, (0, 1, 0)), (&cctrace, (0, 1, 0))] {
        let i = import_one(p);
        assert_eq!(got_signals(&i), claude_signals(p), "{}", p.display());
        assert_eq!(got_signals(&i), by_hand, "{}", p.display());
    }
    // moredip: two messages queued then pulled back (popAll) were never sent; the one
    // dequeued arrives as a user line and is one prompt.
    let i = import_one(&share);
    let prompts: Vec<&str> = i.raw.turns.iter().map(|t| t.prompt.as_str()).collect();
    assert!(!prompts.iter().any(|p| *p == "??" || p.starts_with("is the 3rd tool")));
    assert_eq!(
        prompts
            .iter()
            .filter(|p| **p == "are they still being written?")
            .count(),
        1
    );
    let interrupted: Vec<&str> = i
        .raw
        .turns
        .iter()
        .filter(|t| t.interrupted)
        .map(|t| t.prompt.as_str())
        .collect();
    assert_eq!(interrupted, ["are they still being written?"]);
}

#[test]
fn codex_refusals_aborts_and_the_ide_wrapper() {
    let p = here("tests/fixtures/codex/ide-vetoes.jsonl");
    let i = import_one(&p);
    let ls = lines(&p);
    let outputs = ls.iter().filter_map(|l| l["payload"]["output"].as_str());
    let refused = outputs.filter(|o| o.ends_with("rejected by user")).count();
    let aborted = ls.iter().filter(|l| l["payload"]["type"] == "turn_aborted").count();
    let (rejected, interrupts, mid) = got_signals(&i);
    assert_eq!((rejected, interrupts, mid), (refused, aborted, 0));
    assert_eq!((rejected, interrupts), (2, 1), "the count by hand");
    let t = &i.raw.turns;
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].prompt, "add a --dry-run flag");
    let ctx = t[0].ide_context.as_deref().unwrap();
    assert!(ctx.contains("## Active file: src/lib.rs") && ctx.contains("- main.rs: src/main.rs"));
    assert!(!ctx.contains("My request"));
    assert!(t[0].interrupted && !t[1].interrupted);
    let rejected: Vec<&str> = t[0]
        .calls
        .iter()
        .filter(|c| c.rejected)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(rejected, ["call_p1", "call_s1"]);
    assert_eq!(i.session.turns[0].prompt, "add a --dry-run flag", "the v1 prompt too");
}

/// A notice that a background shell job ended comes in as a queued message; nobody typed it,
/// so the session reads as if it were not there (through the binary, before and after).
#[test]
fn a_background_job_notice_is_not_the_users_message() {
    let src = here("tests/fixtures/claude-code/vetoes-and-queue.jsonl");
    let text = std::fs::read_to_string(&src).unwrap();
    let notice = "<bash-notification>\\n<shell-id>b5f6a7d</shell-id>\\n<status>completed</status>\\n<summary>Background command \\\"Open settings\\\" completed (exit code 0)</summary>\\nRead the output file to retrieve the output.\\n</bash-notification>";
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        out.push(l.to_owned());
        if i + 1 == 10 {
            for op in ["enqueue", "remove"] {
                out.push(format!(
                    r#"{{"type": "queue-operation", "operation": "{op}", "timestamp": "2026-10-05T09:00:08.500Z", "sessionId": "7d1c0f4e-2b7a-4c55-9a43-1f0e5d6c7b21", "content": "{notice}"}}"#
                ));
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let with = dir.path().join("with-notice.jsonl");
    std::fs::write(&with, out.join("\n") + "\n").unwrap();
    let decisions = |p: &Path| -> Vec<Value> {
        let o = assert_cmd::Command::cargo_bin("leash")
            .unwrap()
            .args(["import", "--no-cache", "-q", "-o", "-"])
            .arg(p)
            .env("HOME", dir.path())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let s: Value = serde_json::from_slice(&o.stdout).unwrap();
        s["turns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["decisions"].clone())
            .collect()
    };
    let (plain, noticed) = (decisions(&src), decisions(&with));
    assert!(!plain.is_empty());
    assert_eq!(plain, noticed);
    assert!(
        !serde_json::to_string(&noticed)
            .unwrap()
            .contains("Read the output file")
    );
}
