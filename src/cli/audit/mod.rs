//! `leash audit stats|export`: agreement between the classifier and the hand audit, and the
//! audited decisions joined with the classifier's labels. Both only read; neither writes to
//! the corpus or the audit file.

use std::io::{self, Write};
use std::path::PathBuf;

mod export;

use export::export;

use super::{EXIT_FAILURE, EXIT_OK, EXIT_USAGE};
use crate::audit::stats::{Stats, retain};
use crate::audit::table::{Report, render};
use crate::audit::{AuditLog, Joined, StoreError, join, join_per_auditor};
use crate::corpus::Corpus;
use crate::safe_fs::FileId;

const STATS_EXAMPLES: &str = "\
Examples:
  leash audit stats corpus.jsonl                    # reads corpus.jsonl.audit.jsonl
  leash audit stats corpus.jsonl --format json      # keys fixed by the corpus spec, section 4
  leash audit stats a.jsonl b.jsonl --audit both.audit.jsonl
  leash audit stats --audit demo.audit.jsonl        # the built-in demo corpus";

const EXPORT_EXAMPLES: &str = "\
Examples:
  leash audit export corpus.jsonl --format csv -o audit.csv
  leash audit export corpus.jsonl --format jsonl | jq .
  leash audit export corpus.jsonl --format gold -o gold.jsonl && leash eval gold.jsonl
  zcat c.jsonl.gz | leash audit export - --audit c.audit.jsonl --format csv";

#[derive(clap::Subcommand, Debug)]
pub enum AuditCommand {
    /// Agreement between the classifier and the hand audit.
    #[command(after_help = STATS_EXAMPLES)]
    Stats(StatsArgs),
    /// Every audited decision with the classifier's label, confidence and the verdict (and the
    /// decisions the auditors added); or, as gold, every complete turn.
    #[command(after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
}

#[derive(clap::Args, Debug)]
pub struct Input {
    #[command(flatten)]
    pub inputs: super::input::Inputs,
    /// The audit file. Default with one corpus file: <PATH>.audit.jsonl beside it; required
    /// with the demo, standard input or several files.
    #[arg(long, value_name = "FILE")]
    pub audit: Option<PathBuf>,
    /// Only the verdicts on sessions started in this range.
    #[command(flatten)]
    pub time: super::filters::TimeArgs,
}

/// Leaves out the verdicts on sessions outside `--since` / `--until`.
fn in_time(joined: &mut Joined<'_>, corpus: &Corpus, t: &super::filters::TimeArgs) {
    if t.since.is_none() && t.until.is_none() {
        return;
    }
    let f = crate::filter::Filter {
        since: t.since,
        until: t.until,
        ..Default::default()
    };
    retain(joined, |r| {
        let row = &corpus.rows[r];
        f.passes_when_where(
            || row.started_at.as_deref().and_then(crate::filter::epoch),
            &row.project,
            None,
        )
    });
}

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub input: Input,
    /// `table` for people; `json` for scripts (the keys of the corpus spec, section 4, then
    /// recall over complete turns, breakdowns and ratings; see docs/audit.md).
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: Input,
    /// One row per audited decision: `csv` with a header line, or `jsonl`; or `gold`: one
    /// line per complete turn in the gold format `leash eval` reads (docs/audit.md).
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatsFormat {
    Table,
    Json,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Jsonl,
    Gold,
}

pub fn run(cmd: AuditCommand) -> i32 {
    let result = match cmd {
        AuditCommand::Stats(a) => stats(a),
        AuditCommand::Export(a) => export(a),
    };
    result.unwrap_or_else(|(code, msg)| {
        // An empty message was already printed where it arose.
        if !msg.is_empty() {
            eprintln!("leash audit: {}", crate::text::clean(&msg));
        }
        code
    })
}

type Failure = (i32, String);

/// Loads the corpus (bad lines reported on stderr) and reads the audit file: `--audit`, else
/// the sidecar of the one corpus file.
fn load(input: &Input) -> Result<(Corpus, AuditLog, String), Failure> {
    if let (None, Some(why)) = (&input.audit, input.inputs.no_default_audit()) {
        return Err((
            EXIT_USAGE,
            format!("{why} has no audit file beside it: pass --audit FILE"),
        ));
    }
    let sources = input.inputs.open(false).map_err(|code| (code, String::new()))?;
    let audit = match &input.audit {
        Some(p) => p.clone(),
        None => input.inputs.default_audit_path(&sources).map_err(|e| (EXIT_USAGE, e))?,
    };
    let read = input.inputs.read_set();
    if FileId::of_path(&audit).is_some_and(|id| read.contains(&id)) {
        return Err((EXIT_USAGE, StoreError::IsCorpus(audit).to_string()));
    }
    let corpus = super::input::load(sources).map_err(|code| (code, String::new()))?;
    let log = AuditLog::read(&audit).map_err(|e| (EXIT_USAGE, e.to_string()))?;
    for p in log.problems() {
        eprintln!("{p}");
    }
    let names: Vec<&str> = corpus.sources.iter().map(|s| s.name.as_str()).collect();
    let names = names.join(" + ");
    Ok((corpus, log, names))
}

/// Says on stderr what was not scored: verdicts on another version of their decision, and
/// verdicts whose decision is gone (also listed in the output).
fn report_unscored(j: &Joined, what: &str) {
    if j.stale > 0 {
        eprintln!(
            "leash audit: {} verdict(s) were given on another version of their decision (another corpus, or one regenerated since); {what}",
            j.stale
        );
    }
    if !j.unmatched.is_empty() {
        eprintln!(
            "leash audit: {} verdict(s) no longer match a decision of the corpus (a new classifier dropped or changed it); {what}",
            j.unmatched.len()
        );
    }
}

fn stats(args: StatsArgs) -> Result<i32, Failure> {
    let (corpus, log, corpus_name) = load(&args.input)?;
    let mut joined = join(&corpus, &log.latest());
    in_time(&mut joined, &corpus, &args.input.time);
    let mut by_auditor = join_per_auditor(&corpus, &log.latest_by_auditor());
    in_time(&mut by_auditor, &corpus, &args.input.time);
    let stats = Stats::new(&corpus, &joined, &by_auditor);
    let mut code = report_errors(&joined.errors);
    report_unscored(&joined, "counted as orphans, not scored (listed in the output)");
    let text = match args.format {
        StatsFormat::Json => {
            let json = serde_json::to_string_pretty(&stats).expect("stats serialize");
            crate::text::json_safe(json.as_bytes()).into_owned() + "\n"
        }
        StatsFormat::Table => render(&Report {
            corpus: &corpus_name,
            audit: &log.path().display().to_string(),
            stats: &stats,
        }),
    };
    if let Err(e) = io::stdout().lock().write_all(text.as_bytes())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("leash audit: <stdout>: {e}");
        code = EXIT_FAILURE;
    }
    Ok(code)
}

/// Prints sessions that could not be re-read; their verdicts were left out.
fn report_errors(errors: &[String]) -> i32 {
    for e in errors {
        eprintln!("{}", crate::text::clean(e));
    }
    if errors.is_empty() { EXIT_OK } else { EXIT_FAILURE }
}
