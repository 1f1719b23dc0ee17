//! The command line: `leash [PATH...]` opens the browser; subcommands answer headless.
//!
//! Each subcommand's arguments and runner live in their own file.

mod audit;
mod filters;
mod generate;
mod import;
mod input;
mod report;
mod table;

use clap::{Parser, Subcommand};

/// Exit codes, as documented in `leash --help` and the README.
pub const EXIT_OK: i32 = 0;
pub const EXIT_FAILURE: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "leash",
    version,
    about = "Who decides in agentic coding sessions: the human or the agent?",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Corpus files to browse (`-` = standard input); none = the built-in demo.
    #[arg(value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the study's figures for a corpus.
    Report(Box<report::Args>),
    /// Write a synthetic v1 corpus.
    Generate(generate::Args),
    /// Hand-audit labels: agreement statistics and export.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Convert Claude Code / Codex transcripts into a v1 corpus.
    Import(import::Args),
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Some(Command::Report(a)) => report::run(*a),
        Some(Command::Generate(a)) => generate::run(a),
        Some(Command::Audit(a)) => audit::run(a),
        Some(Command::Import(a)) => import::run(a),
        None => browse(&cli.paths),
    }
}

/// `leash [PATH...]`: the browser (temporary wiring by the browser branch; the lead owns it).
fn browse(paths: &[std::path::PathBuf]) -> i32 {
    use crate::corpus::Source;
    let sources = if paths.is_empty() {
        vec![Source::demo()]
    } else {
        let mut v = Vec::new();
        for p in paths {
            match Source::open(p) {
                Ok(s) => v.push(s),
                Err(e) => {
                    eprintln!("leash: {e}");
                    return EXIT_USAGE;
                }
            }
        }
        v
    };
    match crate::tui::run(sources, crate::tui::TuiOptions::default()) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("leash: {e}");
            EXIT_FAILURE
        }
    }
}

/// Writes to stdout; a closed pipe (`leash report | head`) is not an error.
pub(crate) fn print_or_fail(text: &str) -> i32 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("leash: cannot write the output: {e}");
            EXIT_FAILURE
        }
    }
}
