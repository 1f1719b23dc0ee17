//! `leash export`: the filtered sessions as a flat table (sessions, turns, decisions or
//! actions) in CSV, JSON Lines or Parquet, for pandas, polars, R, DuckDB, Spark or a
//! spreadsheet (`docs/export.md`).

use std::io::BufWriter;
use std::path::PathBuf;

use super::filters::FilterArgs;
use crate::corpus::Source;
use crate::export::stream::{Assembler, pipeline};
use crate::export::{Format, Table, TableRows, Written};
use crate::safe_fs::{OutputError, Staged, check_output, create_output, shown};
use crate::search::Query;

const EXAMPLES: &str = "\
Examples:
  leash export corpus.jsonl --table sessions -o sessions.parquet
  leash export corpus.jsonl --table decisions -o decisions.csv --expertise novice
  leash export --claude --table turns -o turns.jsonl --since 30d
  leash export big.jsonl.gz --table actions --format parquet -o - | duckdb -c \"...\"

The format comes from the file's extension (.csv, .jsonl, .parquet) unless --format says it.
Every table joins on session_id (and turn); docs/export.md lists the columns, and
docs/scale-out.md the study's table as SQL over the Parquet files.

Exit codes: 0 ok, 1 failure, 2 bad usage or unreadable input.";

#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub inputs: super::input::Inputs,
    /// One row per session, per turn, per decision or per action.
    #[arg(long, value_name = "TABLE", default_value = "sessions", value_parser = ["sessions", "turns", "decisions", "actions"])]
    pub table: String,
    /// Where to write (`-`: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// csv, jsonl or parquet; by default the output file's extension.
    #[arg(long, value_name = "FORMAT", value_parser = Format::NAMES)]
    pub format: Option<String>,
    /// Print nothing on success.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
}

pub fn run(args: Args) -> i32 {
    let table = Table::parse(&args.table).expect("clap checked the table");
    let out = Some(&args.output).filter(|p| p.as_os_str() != "-");
    let out_name = out.map_or("<stdout>".to_owned(), |p| shown(p));
    let format = match (&args.format, out) {
        (Some(f), _) => Format::parse(f).expect("clap checked the format"),
        (None, Some(p)) => match Format::of_path(p) {
            Some(f) => f,
            None => {
                eprintln!(
                    "leash export: {out_name}: say --format csv, jsonl or parquet (the name ends in none of them)"
                );
                return super::EXIT_USAGE;
            }
        },
        (None, None) => {
            eprintln!("leash export: say --format csv, jsonl or parquet to write to standard output");
            return super::EXIT_USAGE;
        }
    };
    let refuse = |e: OutputError| {
        eprintln!("leash export: {out_name}: {e}");
        match e {
            OutputError::Refused(_) => super::EXIT_USAGE,
            OutputError::Io(_) => super::EXIT_FAILURE,
        }
    };
    // A bad output is refused before the load; it is created (or truncated) only after, or
    // staged (below).
    if let Some(p) = out
        && let Err(e) = check_output(p, || args.inputs.read_set())
    {
        return refuse(e);
    }
    if out.is_none() && super::stdout_closed() {
        eprintln!("leash export: standard output is closed; nothing written");
        return super::EXIT_FAILURE;
    }
    // The turns, decisions and actions tables are taken from each line as it loads (one
    // reading of the corpus) when every flag is decided by the session's own row; else
    // (and for the sessions table) the sessions are selected once loaded.
    let streams = table != Table::Sessions && args.filters.decided_per_line();
    let loaded = if streams {
        if let Err(e) = args.filters.check_range() {
            eprintln!("leash export: {e}");
            return super::EXIT_USAGE;
        }
        match args.inputs.open(false) {
            Ok(sources) => Err(sources),
            Err(code) => return code,
        }
    } else {
        match args.filters.load_selected(&args.inputs, "export") {
            Ok(x) => Ok(x),
            Err(code) => return code,
        }
    };
    // Written while the corpus loads, the output is staged beside its path and moved over
    // it at the end: a load that fails half-way leaves the path as it was.
    let staged = match out.filter(|_| streams).map(|p| Staged::new(p)).transpose() {
        Ok(s) => s,
        Err(e) => return refuse(OutputError::Io(crate::safe_fs::describe(&e))),
    };
    let sink: Box<dyn std::io::Write + Send> = match (out, &staged) {
        (_, Some(s)) => match s.file() {
            Ok(f) => Box::new(f),
            Err(e) => return refuse(OutputError::Io(crate::safe_fs::describe(&e))),
        },
        (Some(p), None) => match create_output(p, None, || args.inputs.read_set()) {
            Ok(f) => Box::new(f),
            Err(e) => return refuse(e),
        },
        (None, None) => Box::new(std::io::stdout()),
    };
    let sink = BufWriter::with_capacity(1 << 16, sink);
    let how = args.filters.ratified_as();
    let written = match loaded {
        Ok((corpus, selected)) => {
            let written = crate::export::write(&corpus, &selected, how, table, format, sink);
            // The process ends right after: freeing the rows one by one would only cost time.
            std::mem::forget(corpus);
            written
        }
        Err(sources) => match stream(&args.filters, sources, table, format, sink) {
            Ok(w) => w,
            Err(code) => return code,
        },
    };
    let written = match (written, staged) {
        (Ok(w), Some(s)) => s.commit().map(|()| w).map_err(crate::export::Error::Write),
        (w, _) => w,
    };
    match written {
        Ok(w) => {
            if !args.quiet {
                eprintln!(
                    "leash export: {} {} row(s) of {} session(s) to {out_name}",
                    w.rows,
                    table.name(),
                    w.sessions
                );
            }
            super::EXIT_OK
        }
        // `leash export ... -o - | head`: a closed pipe is not an error.
        Err(crate::export::Error::Write(e)) if out.is_none() && e.kind() == std::io::ErrorKind::BrokenPipe => {
            super::EXIT_OK
        }
        Err(e) => {
            eprintln!("leash export: {out_name}: {}", crate::text::clean(&e.to_string()));
            super::EXIT_FAILURE
        }
    }
}

/// Loads `sources`, writing the table's rows of each selected session as its block loads;
/// `Err` is an exit code (a load that failed, said on stderr).
fn stream(
    flags: &FilterArgs,
    sources: Vec<Source>,
    table: Table,
    format: Format,
    sink: impl std::io::Write + Send,
) -> Result<Result<Written, crate::export::Error>, i32> {
    let (filter, how) = (flags.filter(), flags.ratified_as());
    let query = flags.query.as_deref().map(Query::new);
    let mut rows = Assembler::new(table, how);
    let done = pipeline(table, format, sink, |send| {
        let mut open = true;
        let corpus = super::input::load_with(sources, &TableRows::new(table, how), |corpus, kept, pieces| {
            let modes = filter.mode_ids(corpus);
            let mut kept = kept.iter();
            for taken in pieces {
                // The piece's sessions that pass, and their rows.
                let mut start = 0;
                let mut picked = Vec::new();
                for &end in &taken.ends {
                    let row = kept.next().copied().flatten().map(|i| &corpus.rows[i as usize]);
                    if let Some(row) = row.filter(|r| filter.passes(r, &modes, how))
                        && query.as_ref().is_none_or(|q| q.matches(row))
                    {
                        picked.push((row, start..end));
                    }
                    start = end;
                }
                // Shared by the batches its sessions go to until they are written; only the
                // rows picked when they are few (a narrow filter keeps no whole pieces).
                let (taken, ranges) = taken.keep(picked.iter().map(|(_, r)| r.clone()).collect());
                let taken = std::sync::Arc::new(taken);
                for ((row, _), range) in picked.into_iter().zip(ranges) {
                    if let Some(full) = rows.add(corpus, row, &taken, range) {
                        open = open && send(full);
                    }
                }
            }
        })?;
        if rows.pending() && open {
            send(rows.take());
        }
        // Warnings only: a mode no v1 corpus has keeps the export off this path.
        if let Err(e) = flags.check_modes(&corpus).map(|w| {
            w.iter()
                .for_each(|w| eprintln!("leash export: warning: {}", crate::text::clean(w)))
        }) {
            eprintln!("leash export: {}", crate::text::clean(&e));
        }
        std::mem::forget(corpus);
        Ok(rows.selected)
    });
    match done {
        Ok((Ok(selected), rows)) => Ok(Ok(crate::export::stream::written(selected, rows))),
        Ok((Err(code), _)) => Err(code),
        Err(e) => Ok(Err(e)),
    }
}
