//! Turns Claude Code and Codex CLI transcripts into v1 corpus sessions.
//!
//! The rest of the app calls only [`open_inputs`]: each path given becomes one or more
//! [`Source`]s, v1 corpus files as they are, transcripts imported into memory. Formats are
//! described in `docs/transcripts.md`; the decision rules in `docs/classifier.md`.

mod agent_files;
mod build;
mod builder;
pub mod cache;
pub mod claude;
pub mod codex;
pub mod detect;
pub mod doctor;
mod doctor_known;
mod file;
mod forks;
pub(crate) mod lines;
pub mod origin;
mod parts;
pub mod prompt;
mod read;
pub mod siblings;
mod spill;
mod spool;
pub mod subagents;

use std::path::{Path, PathBuf};

pub use crate::transcript::{Call, Format, RawSession, RawTurn, SubAgent};
pub use build::{build, build_line, to_line};
pub use detect::{FileKind, detect, walk};
pub use siblings::Siblings;

use crate::classify::ExpertiseMap;
use crate::corpus::{LoadError, Source};
use crate::model::Session;

/// The version of what the readers extract: part of the cache key, so bump it whenever a
/// reader's output changes (a cached reading from an older reader is then read again).
pub const READER_VERSION: &str = "import-v6";

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Expertise levels that override the estimate, per project or session id.
    pub expertise_map: ExpertiseMap,
    /// Where to cache what was read from each transcript file; `None` reads every file.
    /// [`ImportOptions::cached`] sets leash's default (`dirs::cache_dir()/leash`).
    pub cache_dir: Option<PathBuf>,
    /// Bytes of a transcript's lines read before its earlier turns are classified and
    /// written out ([`crate::transcript::HOLD`] when `None`); a corpus line longer than that is
    /// built and kept in a file, not in memory. Smaller holds less in memory;
    /// the result is the same but where a tool's result, a sub-agent or a typed message
    /// comes more than [`crate::transcript::KEEP_TURNS`] turns after its turn.
    pub hold: Option<u64>,
}

impl ImportOptions {
    /// Options with the default cache folder on.
    pub fn cached() -> ImportOptions {
        ImportOptions {
            cache_dir: cache::default_dir(),
            ..ImportOptions::default()
        }
    }
}

/// What [`open_inputs`] opened: the sources in the order given, and what was skipped.
#[derive(Debug, Default)]
pub struct Opened {
    pub sources: Vec<Source>,
    /// Bad lines, unreadable files inside folders, files of no known format.
    pub warnings: Vec<String>,
}

/// One imported transcript: what was read, the v1 session, and its corpus line (the session
/// with leash's extension keys).
#[derive(Debug, Clone)]
pub struct Imported {
    pub raw: RawSession,
    pub session: Session,
    pub line: String,
}

/// Opens every path: a v1 corpus file (or `-`) as it is; a Claude Code session file or
/// project folder, a Codex rollout or sessions folder, imported into one in-memory source
/// per path. A folder may mix all of these. A missing or unreadable path is an error naming
/// it; an unreadable file inside a folder is a warning.
pub fn open_inputs(paths: &[PathBuf], opts: &ImportOptions) -> Result<Opened, LoadError> {
    let mut opened = Opened::default();
    // Session id -> the transcript file that gave it, across all paths: a repeat is named
    // by its file, not by the in-memory source's line.
    let mut first = std::collections::HashMap::new();
    for path in paths {
        let spill::SpilledPath {
            corpora,
            source,
            warnings,
        } = spill::spill_path(path, opts, &mut first)?;
        if corpora.is_empty() && source.is_none() {
            let why = warnings.first().map_or(String::new(), |w| format!(" ({w})"));
            return Err(LoadError {
                file: path.display().to_string(),
                message: format!("holds no v1 corpus or Claude Code / Codex transcript{why}"),
            });
        }
        opened.warnings.extend(warnings);
        for c in corpora {
            opened.sources.push(Source::open(&c)?);
        }
        opened.sources.extend(source);
    }
    Ok(opened)
}

/// What one path held.
#[derive(Debug, Default)]
pub struct PathImport {
    /// The v1 corpus files found in it, to be opened as they are.
    pub corpora: Vec<PathBuf>,
    /// Its transcripts, imported, in path order.
    pub imported: Vec<Imported>,
    pub warnings: Vec<String>,
}

/// Reads one path: a corpus file, a transcript, or a folder of any of these.
pub fn import_path(path: &Path, opts: &ImportOptions) -> Result<PathImport, LoadError> {
    read::read_path(path, opts)
}

/// Imports one transcript file; `Ok(None)` when it holds no prompt and no tool call.
pub fn import_file(path: &Path, kind: FileKind, opts: &ImportOptions) -> Result<Option<Imported>, String> {
    let sib = Siblings::scan(path.parent());
    file::import_file(path, kind, opts, &sib)
}

/// Claude Code project folders: `$CLAUDE_CONFIG_DIR/projects`, `~/.claude/projects`,
/// `~/.config/claude/projects`, those that exist.
pub fn default_claude_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(c) = std::env::var_os("CLAUDE_CONFIG_DIR").filter(|c| !c.is_empty()) {
        dirs.push(PathBuf::from(c).join("projects"));
    }
    if let Some(h) = dirs::home_dir() {
        dirs.push(h.join(".claude/projects"));
        dirs.push(h.join(".config/claude/projects"));
    }
    existing(dirs)
}

/// Codex session folders: `$CODEX_HOME/sessions` and `archived_sessions` (default
/// `~/.codex`), those that exist.
pub fn default_codex_dirs() -> Vec<PathBuf> {
    let mut homes = Vec::new();
    if let Some(c) = std::env::var_os("CODEX_HOME").filter(|c| !c.is_empty()) {
        homes.push(PathBuf::from(c));
    }
    if let Some(h) = dirs::home_dir() {
        homes.push(h.join(".codex"));
    }
    let dirs = homes
        .iter()
        .flat_map(|h| [h.join("sessions"), h.join("archived_sessions")])
        .collect();
    existing(dirs)
}

fn existing(mut dirs: Vec<PathBuf>) -> Vec<PathBuf> {
    dirs.dedup();
    dirs.retain(|d| d.is_dir());
    dirs
}
