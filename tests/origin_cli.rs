//! `--origin` through the binary: which sessions a report counts, and that it says so.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// A history of three sessions: an interactive Claude Code one (`entrypoint: cli`), a Codex
/// IDE extension one (`source: vscode`), and a 2025 Codex rollout that does not say.
fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for f in [
        "claude-code/vetoes-and-queue.jsonl",
        "codex/ide-vetoes.jsonl",
        "codex/old-2025.jsonl",
    ] {
        let to = dir.path().join("h").join(f);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root.join(f), to).unwrap();
    }
    dir
}

fn report(dir: &Path, args: &[&str]) -> Value {
    let out = Command::cargo_bin("leash")
        .unwrap()
        .arg("report")
        .arg(dir.join("h"))
        .args(["--no-cache", "--format", "json"])
        .args(args)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn origin_selects_the_population_and_the_report_says_which() {
    let h = history();
    let all = report(h.path(), &[]);
    assert_eq!(
        (all["sessions"].as_u64(), &all["origin"]),
        (Some(3), &serde_json::json!(["all"]))
    );
    for (flags, n) in [
        (&["--origin", "cli"][..], 1),
        (&["--origin", "ide"], 1),
        (&["--origin", "unknown"], 1),
        (&["--origin", "sdk"], 0),
        (&["--origin", "cli", "--origin", "ide"], 2),
        (&["--origin", "all"], 3),
    ] {
        let v = report(h.path(), flags);
        assert_eq!(v["sessions"].as_u64(), Some(n), "{flags:?}");
    }
    let cli = report(h.path(), &["--origin", "cli"]);
    assert_eq!(cli["origin"], serde_json::json!(["cli"]));
    assert_eq!(cli["turns"].as_u64(), Some(3), "the cli session's three prompts");
}

#[test]
fn the_table_names_the_origins_counted() {
    let h = history();
    let out = Command::cargo_bin("leash")
        .unwrap()
        .args(["report", "--no-cache"])
        .arg(h.path().join("h"))
        .env("XDG_CACHE_HOME", h.path().join("cache"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("all (cli, ide, sdk, fork, unknown)"), "{text}");
    let bad = Command::cargo_bin("leash")
        .unwrap()
        .args(["report", "--origin", "tty"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
