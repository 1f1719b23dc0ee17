//! Loading the corpus named on the command line, with bad lines and progress on stderr.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::corpus::{Corpus, Source, load_sources};

/// Opens every PATH (`-` is standard input); no PATH means the built-in demo corpus.
/// An unreadable input is one line on stderr and `Err(EXIT_USAGE)`.
pub fn open_sources(paths: &[PathBuf]) -> Result<Vec<Source>, i32> {
    if paths.is_empty() {
        return Ok(vec![Source::demo()]);
    }
    paths
        .iter()
        .map(|p| {
            Source::open(p).map_err(|e| {
                eprintln!("leash: {e}");
                super::EXIT_USAGE
            })
        })
        .collect()
}

/// Loads the sources, printing each skipped line as `FILE:LINE: reason`, a count of them at
/// the end, and (only when stderr is a terminal) a progress line while loading.
pub fn load(sources: Vec<Source>) -> Result<Corpus, i32> {
    let total: u64 = sources.iter().map(|s| s.len).sum();
    let mut progress = Progress::new(total);
    let mut corpus = Corpus::new(sources);
    let all = corpus.sources.clone();
    let result = load_sources(&all, |batch| {
        progress.advance(batch.bytes);
        let skips = corpus.absorb(batch);
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
