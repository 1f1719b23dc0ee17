//! `leash import`: Claude Code / Codex transcripts (and v1 corpora) into one v1 corpus.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;

use crate::classify::ExpertiseMap;
use crate::corpus::{Source, SourceData};
use crate::import::{ImportOptions, default_claude_dirs, default_codex_dirs, open_inputs};

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
    /// Transcript files or folders, or v1 corpus files.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Where to write the corpus (`.gz` compresses); standard output if absent or `-`.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also import every Claude Code project folder ($CLAUDE_CONFIG_DIR/projects,
    /// ~/.claude/projects, ~/.config/claude/projects).
    #[arg(long)]
    pub claude: bool,
    /// Also import every Codex session folder ($CODEX_HOME/sessions and
    /// archived_sessions, default ~/.codex).
    #[arg(long)]
    pub codex: bool,
    /// Expertise levels that override the estimate: `project-or-session-id = level` lines
    /// or a JSON object.
    #[arg(long, value_name = "FILE")]
    pub expertise_map: Option<PathBuf>,
    /// Do not use cached results of unchanged files.
    #[arg(long)]
    pub no_cache: bool,
    /// Do not print warnings.
    #[arg(short, long)]
    pub quiet: bool,
}

fn usage(msg: impl std::fmt::Display) -> i32 {
    eprintln!("leash import: {msg}");
    super::EXIT_USAGE
}

/// Warnings printed before the rest are only counted.
const SHOWN_WARNINGS: usize = 20;

pub fn run(args: Args) -> i32 {
    let mut paths = args.paths.clone();
    if args.claude {
        let d = default_claude_dirs();
        if d.is_empty() {
            return usage("--claude: no Claude Code projects folder found");
        }
        paths.extend(d);
    }
    if args.codex {
        let d = default_codex_dirs();
        if d.is_empty() {
            return usage("--codex: no Codex sessions folder found");
        }
        paths.extend(d);
    }
    if paths.is_empty() {
        return usage("nothing to import: give a PATH, --claude or --codex (see --help)");
    }
    let mut opts = if args.no_cache {
        ImportOptions::default()
    } else {
        ImportOptions::cached()
    };
    if let Some(m) = &args.expertise_map {
        match ExpertiseMap::load(m) {
            Ok(map) => opts.expertise_map = map,
            Err(e) => return usage(format!("--expertise-map {e}")),
        }
    }
    let opened = match open_inputs(&paths, &opts) {
        Ok(o) => o,
        Err(e) => return usage(e),
    };
    if !args.quiet {
        for w in opened.warnings.iter().take(SHOWN_WARNINGS) {
            eprintln!("leash import: warning: {w}");
        }
        if opened.warnings.len() > SHOWN_WARNINGS {
            eprintln!("leash import: {} more warnings", opened.warnings.len() - SHOWN_WARNINGS);
        }
    }
    let out_name = args.output.as_ref().map_or("-".to_owned(), |p| p.display().to_string());
    match write(&opened.sources, args.output.as_ref()) {
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
