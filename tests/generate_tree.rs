//! `leash generate --format claude-code|codex`: realistic trees whose every session the
//! readers find, with the counts the generator says it wrote.

use std::path::Path;

use assert_cmd::Command;
use leash::generate::tree::{Counts, TreeFormat, write_tree};
use leash::import::{ImportOptions, import_path};

/// What the readers find in a tree, in the generator's terms.
fn read_back(dir: &Path) -> Counts {
    let got = import_path(dir, &ImportOptions::default()).unwrap();
    assert!(
        got.warnings.is_empty(),
        "{:?}",
        &got.warnings[..got.warnings.len().min(3)]
    );
    let mut c = Counts::default();
    for i in &got.imported {
        let r = &i.raw;
        c.sessions += 1;
        c.turns += r.turns.len() as u64;
        c.actions += r.turns.iter().map(|t| t.calls.len() as u64).sum::<u64>();
        c.subagent_actions += r
            .turns
            .iter()
            .flat_map(|t| &t.subagents)
            .map(|a| a.actions)
            .sum::<u64>();
        c.mid_turn += r.turns.iter().map(|t| t.mid_turn.len() as u64).sum::<u64>();
        c.rejected += r.turns.iter().flat_map(|t| &t.calls).filter(|c| c.rejected).count() as u64;
        c.interrupts += r.turns.iter().filter(|t| t.interrupted).count() as u64;
        c.plan_turns += r.turns.iter().filter(|t| t.plan_mode).count() as u64;
        c.usage_output += r.usage.map_or(0, |u| u.output);
        assert!(
            r.origin.is_some(),
            "{}: every generated session says who ran it",
            r.file
        );
    }
    c
}

#[test]
fn readers_find_what_the_generator_wrote() {
    for format in [TreeFormat::ClaudeCode, TreeFormat::Codex] {
        let dir = tempfile::tempdir().unwrap();
        let wrote = write_tree(dir.path(), format, 120, 5).unwrap();
        let got = read_back(dir.path());
        let want = Counts {
            files: 0,
            bytes: 0,
            // Claude Code plan mode is set per session by a permission-mode line: not counted.
            plan_turns: if format == TreeFormat::Codex {
                wrote.plan_turns
            } else {
                got.plan_turns
            },
            ..wrote
        };
        assert_eq!(
            Counts {
                files: 0,
                bytes: 0,
                ..got
            },
            want,
            "{format:?}"
        );
        assert!(
            wrote.turns > 120 && wrote.actions > wrote.turns && wrote.rejected > 0,
            "{wrote:?}"
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_tree_and_a_full_folder_is_refused() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let list = |d: &Path| {
        let mut v = Vec::new();
        let mut stack = vec![d.to_path_buf()];
        while let Some(p) = stack.pop() {
            for e in std::fs::read_dir(&p).unwrap().flatten() {
                if e.path().is_dir() {
                    stack.push(e.path());
                } else {
                    let rel = e.path().strip_prefix(d).unwrap().to_path_buf();
                    v.push((rel, std::fs::read(e.path()).unwrap()));
                }
            }
        }
        v.sort();
        v
    };
    let generate = |format: &str, out: &Path, seed: &str| {
        Command::cargo_bin("leash")
            .unwrap()
            .args(["generate", "--format", format, "--sessions", "30", "--seed", seed, "-o"])
            .arg(out)
            .output()
            .unwrap()
    };
    for (d, format) in [(&a, "claude-code"), (&b, "codex")] {
        let (one, two) = (d.path().join("one"), d.path().join("two"));
        assert!(generate(format, &one, "9").status.success());
        assert!(generate(format, &two, "9").status.success());
        let first = list(&one);
        assert!(first.len() >= 30);
        assert_eq!(list(&two), first, "{format}: same seed, same bytes");
        // Writing into a folder that is not empty is refused, and nothing in it changes.
        let refused = generate(format, &one, "10");
        assert_eq!(refused.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&refused.stderr).contains("not empty"));
        assert_eq!(list(&one), first);
    }
}
