//! Loading the corpus named on the command line, with bad lines and progress on stderr.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::audit;
use crate::classify::ExpertiseMap;
use crate::corpus::{Corpus, Extract, Sessions, Source, SourceKind, load_sources_with};
use crate::import::{self, ImportOptions};

/// What a command reads: corpus files, transcripts, or the default transcript folders.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Inputs {
    /// v1 corpus files (optionally .gz; `-` is standard input), Claude Code session files or
    /// project folders, Codex rollout files or session folders, mixed freely. With none
    /// (and no --claude/--codex), the built-in demo corpus.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also read every Claude Code project folder ($CLAUDE_CONFIG_DIR/projects,
    /// ~/.claude/projects, ~/.config/claude/projects).
    #[arg(long)]
    pub claude: bool,
    /// Also read every Codex session folder ($CODEX_HOME/sessions and archived_sessions,
    /// default ~/.codex).
    #[arg(long)]
    pub codex: bool,
    /// Expertise levels that override the importer's estimate: `project-or-session-id = level`
    /// lines or a JSON object.
    #[arg(long, value_name = "FILE")]
    pub expertise_map: Option<PathBuf>,
    /// Do not read or write the import cache (in the platform cache folder).
    #[arg(long)]
    pub no_cache: bool,
}

/// Import warnings printed before the rest are only counted.
const SHOWN_WARNINGS: usize = 20;

impl Inputs {
    /// No PATH and no default folder: the built-in demo corpus.
    pub fn is_demo(&self) -> bool {
        self.paths.is_empty() && !self.claude && !self.codex
    }

    /// The PATHs with --claude / --codex expanded; a flag whose folders do not exist is an error.
    pub fn all_paths(&self) -> Result<Vec<PathBuf>, String> {
        let mut paths = self.paths.clone();
        if self.claude {
            let d = import::default_claude_dirs();
            if d.is_empty() {
                return Err("--claude: no Claude Code projects folder found".into());
            }
            paths.extend(d);
        }
        if self.codex {
            let d = import::default_codex_dirs();
            if d.is_empty() {
                return Err("--codex: no Codex sessions folder found".into());
            }
            paths.extend(d);
        }
        Ok(paths)
    }

    /// Every file the command reads: corpus files, every file under a folder, standard
    /// input's file, the expertise map. An output must be none of them.
    pub fn read_set(&self) -> crate::safe_fs::ReadSet {
        let mut paths = self.all_paths().unwrap_or_default();
        paths.extend(self.expertise_map.clone());
        crate::safe_fs::ReadSet::of_paths(&paths)
    }

    pub fn import_options(&self) -> Result<ImportOptions, String> {
        let mut opts = if self.no_cache {
            ImportOptions::default()
        } else {
            ImportOptions::cached()
        };
        if let Some(m) = &self.expertise_map {
            opts.expertise_map = ExpertiseMap::load(m).map_err(|e| format!("--expertise-map {e}"))?;
        }
        // How much of one transcript is read before its turns are handed on (tests and
        // benchmarks set it small to read every transcript a part at a time).
        opts.hold = std::env::var("LEASH_IMPORT_HOLD").ok().and_then(|h| h.parse().ok());
        Ok(opts)
    }

    /// Opens every input (importing transcripts), printing import warnings unless `quiet`.
    /// An unreadable input is one line on stderr and `Err(EXIT_USAGE)`.
    pub fn open(&self, quiet: bool) -> Result<Vec<Source>, i32> {
        if self.is_demo() {
            return Ok(vec![Source::demo()]);
        }
        let fail = |msg: String| {
            eprintln!("leash: {}", crate::text::clean(&msg));
            super::EXIT_USAGE
        };
        let paths = self.all_paths().map_err(fail)?;
        let opts = self.import_options().map_err(fail)?;
        let opened = import::open_inputs(&paths, &opts).map_err(|e| fail(e.to_string()))?;
        if !quiet {
            for w in opened.warnings.iter().take(SHOWN_WARNINGS) {
                eprintln!("leash: warning: {}", crate::text::clean(w));
            }
            if opened.warnings.len() > SHOWN_WARNINGS {
                eprintln!("leash: {} more warnings", opened.warnings.len() - SHOWN_WARNINGS);
            }
        }
        Ok(opened.sources)
    }

    /// Why there is no audit sidecar to default to, decided from the arguments alone:
    /// the demo, standard input and several inputs have none.
    pub fn no_default_audit(&self) -> Option<&'static str> {
        match self.paths.as_slice() {
            _ if self.is_demo() => Some("the built-in demo corpus"),
            [p] if p.as_os_str() == "-" => Some("standard input"),
            [_] if !self.claude && !self.codex => None,
            _ => Some("a corpus of several inputs"),
        }
    }

    /// The audit sidecar beside the one corpus file read: never beside transcripts (leash
    /// writes nothing in their folders), standard input, several inputs or the demo.
    pub fn default_audit_path(&self, sources: &[Source]) -> Result<PathBuf, String> {
        let why = match (self.no_default_audit(), sources) {
            (Some(why), _) => why,
            (None, [s]) if s.kind == SourceKind::Corpus => return Ok(audit::default_path(&self.paths[0])),
            (None, _) => "imported transcripts",
        };
        Err(format!("{why} has no audit file beside it: pass --audit FILE"))
    }
}

/// Loads the sources, printing each skipped line as `FILE:LINE: reason`, a count of them at
/// the end, and (only when stderr is a terminal) a progress line while loading.
pub fn load(sources: Vec<Source>) -> Result<Corpus, i32> {
    load_with(sources, &Sessions, |_, _, _| {})
}

/// [`load`], handing `also` after each block the corpus so far, the row each of the block's
/// lines that loaded became (`None`: a repeated id, left out), and what `x` took from them.
pub fn load_with<X: Extract>(
    sources: Vec<Source>,
    x: &X,
    mut also: impl FnMut(&Corpus, &[Option<u32>], Vec<X::Piece>),
) -> Result<Corpus, i32> {
    let total: u64 = sources.iter().map(|s| s.len).sum();
    let mut progress = Progress::new(total);
    let mut corpus = Corpus::new(sources);
    let all = corpus.sources.clone();
    let mut kept = Vec::new();
    let result = load_sources_with(&all, x, |batch, pieces| {
        progress.advance(batch.bytes);
        // The rows absorbed are those of the batch that were not repeats, in order.
        let offsets: Vec<u64> = batch.rows.iter().map(|(_, l)| l.offset).collect();
        let first = corpus.rows.len();
        let skips = corpus.absorb(batch);
        let mut new = (first..corpus.rows.len()).peekable();
        kept.clear();
        kept.extend(
            offsets
                .iter()
                .map(|&o| new.next_if(|&i| corpus.rows[i].loc.offset == o).map(|i| i as u32)),
        );
        also(&corpus, &kept, pieces);
        progress.clear();
        for s in &skips {
            eprintln!("{s}");
        }
        progress.show(corpus.rows.len());
    });
    progress.clear();
    if let Err(e) = result {
        eprintln!("leash: {e}");
        return Err(super::EXIT_USAGE);
    }
    if corpus.skipped > 0 {
        eprintln!(
            "leash: skipped {} bad line{}; {} session{} loaded",
            corpus.skipped,
            if corpus.skipped == 1 { "" } else { "s" },
            corpus.rows.len(),
            if corpus.rows.len() == 1 { "" } else { "s" }
        );
    }
    Ok(corpus)
}

struct Progress {
    enabled: bool,
    total: u64,
    done: u64,
    last: Option<Instant>,
    shown: bool,
}

impl Progress {
    fn new(total: u64) -> Progress {
        Progress {
            enabled: std::io::stderr().is_terminal(),
            total,
            done: 0,
            last: None,
            shown: false,
        }
    }

    fn advance(&mut self, bytes: u64) {
        self.done += bytes;
    }

    fn show(&mut self, sessions: usize) {
        if !self.enabled || self.last.is_some_and(|t| t.elapsed() < Duration::from_millis(100)) {
            return;
        }
        self.last = Some(Instant::now());
        let pct = (self.done * 100).checked_div(self.total).unwrap_or(100);
        eprint!(
            "\rloading {pct:>3}%  {} / {}  {sessions} sessions",
            mib(self.done),
            mib(self.total)
        );
        let _ = std::io::stderr().flush();
        self.shown = true;
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[2K");
            self.shown = false;
        }
    }
}

fn mib(b: u64) -> String {
    format!("{:.1} MiB", b as f64 / (1 << 20) as f64)
}
