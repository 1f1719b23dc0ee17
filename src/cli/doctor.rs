//! `leash doctor`: what leash understood of each transcript file, for people or scripts.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::import::doctor::{FileReport, examine};
use crate::import::{default_claude_dirs, default_codex_dirs};
use crate::text::clean;

const EXAMPLES: &str = "Examples:
  leash doctor                                   your Claude Code and Codex history
  leash doctor ~/.claude/projects/-home-ana-app  one project folder
  leash doctor rollout.jsonl.zst --format json   for scripts

Per file: the format and tool versions, sessions, turns and actions found, the line types
and content blocks seen (unknown ones listed), lines skipped and why, redacted lines, and
sub-agent files attached or orphaned. Exit codes: 0 ok, 2 bad usage or a missing path.";

#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Transcript files or folders (default: the Claude Code and Codex folders found).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format: text (for people) or json (an array, one object per file).
    #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}

pub fn run(args: Args) -> i32 {
    let paths = if args.paths.is_empty() {
        let mut d = default_claude_dirs();
        d.extend(default_codex_dirs());
        d
    } else {
        args.paths
    };
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        eprintln!(
            "leash: {}: no such file or folder",
            clean(&missing.display().to_string())
        );
        return super::EXIT_USAGE;
    }
    if paths.is_empty() {
        eprintln!("leash: no Claude Code or Codex folder found: give a PATH");
        return super::EXIT_USAGE;
    }
    let reports = examine(&paths);
    let out = match args.format.as_str() {
        "json" => serde_json::to_string_pretty(&reports).expect("reports serialize") + "\n",
        _ => text(&reports),
    };
    super::print_or_fail(&out)
}

fn counts(m: &std::collections::BTreeMap<String, u64>) -> String {
    let mut v: Vec<(&String, &u64)> = m.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .map(|(k, n)| format!("{} {n}", clean(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The reports for people: one block per file, then a summary.
pub fn text(reports: &[FileReport]) -> String {
    let mut o = String::new();
    for r in reports {
        let _ = writeln!(o, "{}", clean(&r.file));
        let versions = if r.versions.is_empty() {
            String::new()
        } else {
            format!(" {}", clean(&r.versions.join(", ")))
        };
        let packed = r.compressed.as_deref().map_or(String::new(), |c| format!(" ({c})"));
        let _ = writeln!(
            o,
            "  {}{versions}{packed}: {} lines, {} session(s), {} turns, {} actions",
            r.format, r.lines, r.sessions, r.turns, r.actions
        );
        let _ = writeln!(o, "  line types: {}", counts(&r.line_types));
        if !r.blocks.is_empty() {
            let _ = writeln!(o, "  blocks: {}", counts(&r.blocks));
        }
        if !r.unknown.is_empty() {
            let _ = writeln!(o, "  unknown (read as nothing): {}", clean(&r.unknown.join(", ")));
        }
        if !r.skipped.is_empty() {
            let _ = writeln!(o, "  skipped ({}):", r.skipped.len());
            for s in &r.skipped {
                let _ = writeln!(o, "    {}", clean(s));
            }
        }
        if r.redacted_lines > 0 {
            let _ = writeln!(o, "  redacted: {} lines hold a [REDACTED marker", r.redacted_lines);
        }
        if r.subagents_attached > 0 {
            let _ = writeln!(o, "  sub-agents: {} attached", r.subagents_attached);
        }
        if !r.subagents_orphaned.is_empty() {
            let _ = writeln!(o, "  orphaned: belongs to no session read");
        }
    }
    let unknown = reports.iter().filter(|r| !r.unknown.is_empty()).count();
    let skipped: usize = reports.iter().map(|r| r.skipped.len()).sum();
    let sessions: u64 = reports.iter().map(|r| r.sessions).sum();
    let orphaned = reports.iter().filter(|r| !r.subagents_orphaned.is_empty()).count();
    let _ = writeln!(
        o,
        "{} file(s), {sessions} session(s); {unknown} file(s) with unknown forms, {skipped} line(s) skipped, {orphaned} orphaned sub-agent file(s) or folder(s)",
        reports.len() - orphaned
    );
    o
}
