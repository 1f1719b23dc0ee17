//! `leash import`: Claude Code / Codex transcripts (and v1 corpora) into one v1 corpus.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;

use crate::corpus::{Source, SourceData};

const EXAMPLES: &str = "\
Examples:
  leash import ~/.claude/projects/-home-ana-src-app -o app.jsonl
  leash import --claude --codex -o all.jsonl.gz
  leash import rollout-2026-02-23T12-41-04-*.jsonl --expertise-map levels.txt -o codex.jsonl
  leash import --claude | leash report -

PATH may be a Claude Code session file or project folder, a Codex rollout or sessions
folder (searched recursively), or a v1 corpus file (copied as it is). Sub-agent
transcripts are read with their session. Expertise and outcome are estimates
(listed under the session key \"estimated\").

Exit status: 0 done (warnings go to stderr), 1 the output could not be written,
2 bad usage or an unreadable input.";

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
}

pub fn run(args: Args) -> i32 {
    if args.inputs.is_demo() {
        eprintln!("leash import: nothing to import: give a PATH, --claude or --codex (see --help)");
        return super::EXIT_USAGE;
    }
    let sources = match args.inputs.open(args.quiet) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let out_name = args.output.as_ref().map_or("-".to_owned(), |p| p.display().to_string());
    match write(&sources, args.output.as_ref()) {
        Ok(lines) => {
            if !args.quiet {
                eprintln!("leash import: wrote {lines} session line(s) to {out_name}");
            }
            super::EXIT_OK
        }
        Err(e) => {
            eprintln!("leash import: {out_name}: {e}");
            super::EXIT_FAILURE
        }
    }
}

/// Writes every source's lines, returning how many non-blank lines were written.
fn write(sources: &[Source], out: Option<&PathBuf>) -> io::Result<u64> {
    let to_stdout = out.is_none_or(|p| p.as_os_str() == "-");
    let sink: Box<dyn Write> = if to_stdout {
        Box::new(io::stdout().lock())
    } else {
        Box::new(File::create(out.expect("checked"))?)
    };
    let gz = out.is_some_and(|p| p.extension().is_some_and(|e| e == "gz"));
    let mut w: Box<dyn Write> = if gz {
        Box::new(flate2::write::GzEncoder::new(
            BufWriter::new(sink),
            flate2::Compression::default(),
        ))
    } else {
        Box::new(BufWriter::new(sink))
    };
    let mut lines = 0;
    for s in sources {
        let bytes: Vec<u8> = match &s.data {
            SourceData::Memory(b) => b.to_vec(),
            SourceData::File(p) => {
                let mut buf = Vec::new();
                File::open(p)?.read_to_end(&mut buf)?;
                buf
            }
        };
        lines += bytes
            .split(|b| *b == b'\n')
            .filter(|l| !l.trim_ascii().is_empty())
            .count() as u64;
        w.write_all(&bytes)?;
        if bytes.last().is_some_and(|b| *b != b'\n') {
            w.write_all(b"\n")?;
        }
    }
    w.flush()?;
    drop(w);
    Ok(lines)
}
