//! `leash import`: Claude Code / Codex transcripts (and v1 corpora) into one v1 corpus.

use std::fs::File;
use std::io::{self, BufRead, BufWriter, Write};
use std::path::PathBuf;

use crate::corpus::{Skip, Source, SourceKind};
use crate::safe_fs::{OutputError, check_output, create_output, describe, shown};

const EXAMPLES: &str = "\
Examples:
  leash import ~/.claude/projects/-home-ana-src-app -o app.jsonl
  leash import --claude --codex -o all.jsonl.gz
  leash import rollout-2026-02-23T12-41-04-*.jsonl --expertise-map levels.txt -o codex.jsonl
  leash import --claude | leash report -

PATH may be a Claude Code session file or project folder, a Codex rollout or sessions
folder (searched recursively), or a v1 corpus file (its valid lines copied as they are). Sub-agent
transcripts are read with their session. Expertise and outcome are estimates
(listed under the session key \"estimated\").

Exit status: 0 done (warnings go to stderr), 1 the output could not be written,
2 bad usage, an unreadable input, or an output that is one of the inputs.";

#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub inputs: super::input::Inputs,
    /// Where to write the corpus (`.gz` compresses); standard output if absent or `-`.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Do not print warnings.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub time: super::filters::TimeArgs,
}

pub fn run(args: Args) -> i32 {
    if args.inputs.is_demo() {
        eprintln!("leash import: nothing to import: give a PATH, --claude or --codex (see --help)");
        return super::EXIT_USAGE;
    }
    let out = args.output.as_ref().filter(|p| p.as_os_str() != "-");
    let out_name = out.map_or("<stdout>".to_owned(), |p| shown(p));
    let refuse = |e: OutputError| {
        eprintln!("leash import: {out_name}: {e}");
        match e {
            OutputError::Refused(_) => super::EXIT_USAGE,
            OutputError::Io(_) => super::EXIT_FAILURE,
        }
    };
    // Refuse a bad output before the (possibly long) import; create or truncate it only once
    // the inputs are open, so that a failed import leaves an existing output as it was. The
    // files read are listed once (a stat of every file of a big tree: most of a second).
    let read = std::cell::OnceCell::new();
    let read_set = || read.get_or_init(|| args.inputs.read_set()).clone();
    if let Some(p) = out
        && let Err(e) = check_output(p, read_set)
    {
        return refuse(e);
    }
    if out.is_none() && super::stdout_closed() {
        eprintln!("leash import: standard output is closed; nothing written");
        return super::EXIT_FAILURE;
    }
    let sources = match args.inputs.open(args.quiet) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let sink = match out {
        Some(p) => match create_output(p, None, read_set) {
            Ok(f) => Sink::File(f),
            Err(e) => return refuse(e),
        },
        None => Sink::Stdout,
    };
    let gz = out.is_some_and(|p| p.extension().is_some_and(|e| e == "gz"));
    match write(&sources, sink, gz, args.quiet, &args.time) {
        Ok(n) => {
            if !args.quiet {
                let mut skipped = if n.skipped > 0 {
                    format!(" ({} bad line(s) skipped)", n.skipped)
                } else {
                    String::new()
                };
                if n.out_of_range > 0 {
                    skipped.push_str(&format!(
                        " ({} session(s) outside --since/--until left out)",
                        n.out_of_range
                    ));
                }
                eprintln!(
                    "leash import: wrote {} session line(s) to {out_name}{skipped}",
                    n.written
                );
            }
            super::EXIT_OK
        }
        // `leash import | head`: the reader had enough, as for the other subcommands.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe && out.is_none() => super::EXIT_OK,
        Err(e) => {
            eprintln!("leash import: {out_name}: {}", describe(&e));
            super::EXIT_FAILURE
        }
    }
}

enum Sink {
    File(File),
    Stdout,
}

#[derive(Default)]
struct Counts {
    written: u64,
    skipped: u64,
    out_of_range: u64,
}

/// Whether a session line starts within `--since`/`--until` (always, when neither is given;
/// never, for a session without a start time when one is).
fn in_range(line: &[u8], time: &super::filters::TimeArgs) -> bool {
    if time.since.is_none() && time.until.is_none() {
        return true;
    }
    let started = crate::corpus::parse_line(line)
        .ok()
        .and_then(|s| s.started_at)
        .and_then(|t| crate::filter::epoch(&t));
    started.is_some_and(|t| time.since.is_none_or(|s| t >= s) && time.until.is_none_or(|u| t < u))
}

/// Copies a reader to `w`; the lines copied.
fn copy_lines(r: &mut dyn BufRead, w: &mut dyn Write) -> io::Result<u64> {
    let mut lines = 0;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(lines);
        }
        lines += memchr::memchr_iter(b'\n', buf).count() as u64;
        w.write_all(buf)?;
        let k = buf.len();
        r.consume(k);
    }
}

/// Writes every source's valid lines (a v1 corpus's bad lines are reported and skipped).
fn write(sources: &[Source], sink: Sink, gz: bool, quiet: bool, time: &super::filters::TimeArgs) -> io::Result<Counts> {
    let sink: Box<dyn Write> = match sink {
        Sink::File(f) => Box::new(f),
        Sink::Stdout => Box::new(io::stdout().lock()),
    };
    let mut w: Box<dyn Write> = if gz {
        Box::new(flate2::write::GzEncoder::new(
            BufWriter::new(sink),
            flate2::Compression::default(),
        ))
    } else {
        Box::new(BufWriter::with_capacity(1 << 16, sink))
    };
    let mut n = Counts::default();
    for s in sources {
        let mut r = s.reader()?;
        // An import's lines were built valid, one a line, with text escaped as below: copied
        // as they are, counted by their newlines.
        if s.kind == SourceKind::Imported && time.since.is_none() && time.until.is_none() {
            n.written += copy_lines(&mut r, &mut w)?;
            continue;
        }
        let mut line = Vec::new();
        let mut no = 0u64;
        loop {
            line.clear();
            if r.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            no += 1;
            let t = line.trim_ascii();
            if t.is_empty() {
                continue;
            }
            // Imported transcripts were built valid; a corpus's lines are checked as the
            // loader checks them, so what import writes always loads.
            if s.kind == SourceKind::Corpus
                && let Err(reason) = crate::corpus::parse_line(t)
            {
                n.skipped += 1;
                if !quiet {
                    eprintln!(
                        "{}",
                        Skip {
                            file: s.name.clone(),
                            line: no,
                            reason
                        }
                    );
                }
                continue;
            }
            if !in_range(t, time) {
                n.out_of_range += 1;
                continue;
            }
            w.write_all(crate::text::json_safe(t).as_bytes())?;
            w.write_all(b"\n")?;
            n.written += 1;
        }
    }
    w.flush()?;
    drop(w);
    Ok(n)
}
