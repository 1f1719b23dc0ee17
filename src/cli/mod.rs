//! The command line: `leash [PATH...]` opens the browser; subcommands answer headless.
//!
//! Each subcommand's arguments and runner live in their own file.

mod audit;
mod doctor;
mod eval;
mod eval_expertise;
mod export;
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

const EXAMPLES: &str = "\
Examples:
  leash                                   browse the built-in demo corpus
  leash corpus.jsonl more.jsonl.gz        browse a v1 corpus (several files = one corpus)
  leash ~/.claude/projects/-home-ana-app  browse Claude Code sessions (Codex folders too)
  leash --claude --codex                  your whole Claude Code and Codex history
  leash report --format json              the study's figures, for scripts
  leash export c.jsonl --table decisions -o d.parquet   flat tables for pandas, DuckDB, Spark
  leash generate --sessions 400000 --seed 7 -o big.jsonl
  leash doctor                            what leash understood of your history

Exit codes: 0 ok, 1 failure, 2 bad usage or unreadable input.
NO_COLOR (set and not empty) turns colour off.";

#[derive(Parser, Debug)]
#[command(
    name = "leash",
    version,
    about = "Who decides in agentic coding sessions: the human or the agent?",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(flatten)]
    pub inputs: input::Inputs,
    /// Count ratified decisions (agent proposals the user merely assented to) as the human's
    /// or the agent's from the start (the browser's `r` key cycles this).
    #[arg(long, value_name = "ACTOR", value_parser = ["human", "agent"])]
    pub ratified_as: Option<String>,
    /// The audit file the browser's audit mode (`a`) writes verdicts to. Default with one
    /// corpus file: <PATH>.audit.jsonl beside it; required for the demo, standard input,
    /// several inputs and transcripts.
    #[arg(long, value_name = "FILE")]
    pub audit: Option<std::path::PathBuf>,
    /// The auditor's name written with each verdict (default: $USER, else $LOGNAME).
    #[arg(long, value_name = "NAME")]
    pub auditor: Option<String>,
    #[command(flatten)]
    pub time: filters::TimeArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the study's figures for a corpus.
    Report(Box<report::Args>),
    /// Write the filtered sessions, turns, decisions or actions as CSV, JSON Lines or Parquet.
    Export(Box<export::Args>),
    /// Write a synthetic v1 corpus.
    Generate(generate::Args),
    /// Hand-audit labels: agreement statistics and export.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Convert Claude Code / Codex transcripts into a v1 corpus.
    Import(Box<import::Args>),
    /// Score the classifier against decisions labelled by hand (a gold file).
    Eval(eval::Args),
    /// What leash understood of each transcript file: formats, line types, skipped lines.
    Doctor(doctor::Args),
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
        Some(Command::Export(a)) => export::run(*a),
        Some(Command::Generate(a)) => generate::run(a),
        Some(Command::Audit(a)) => audit::run(a),
        Some(Command::Import(a)) => import::run(*a),
        Some(Command::Eval(a)) => eval::run(a),
        Some(Command::Doctor(a)) => doctor::run(a),
        None => browse(&cli),
    }
}

/// `leash [PATH...]`: the browser. Inputs are opened (and transcripts imported) before the
/// terminal is touched, so an unreadable one is a plain line on stderr.
fn browse(cli: &Cli) -> i32 {
    let sources = match cli.inputs.open(false) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let config = match crate::tui::config::path().map(|p| crate::tui::config::load(&p)) {
        Some(Err(e)) => {
            eprintln!("leash: {e}");
            return EXIT_USAGE;
        }
        Some(Ok(c)) => c.unwrap_or_default(),
        None => Default::default(),
    };
    let audit_path = match &cli.audit {
        Some(p) => Ok(p.clone()),
        None => cli.inputs.default_audit_path(&sources),
    };
    let opts = crate::tui::TuiOptions {
        ratified_as: filters::ratified_as(cli.ratified_as.as_deref()),
        audit_path,
        auditor: cli.auditor.clone(),
        corpus_paths: cli.inputs.paths.clone(),
        filter: crate::filter::Filter {
            since: cli.time.since,
            until: cli.time.until,
            ..Default::default()
        },
        config,
        ..crate::tui::TuiOptions::default()
    };
    match crate::tui::run(sources, opts) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("leash: {}", crate::text::clean(&e.to_string()));
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

/// Whether standard output is closed (`leash ... >&-`), which Rust's stdout would otherwise
/// swallow, reporting success for output that went nowhere.
pub(crate) fn stdout_closed() -> bool {
    crate::safe_fs::std_fd_closed(1)
}
