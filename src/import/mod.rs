//! Turns Claude Code and Codex CLI transcripts into v1 corpus sessions.
//!
//! The rest of the app calls only [`open_inputs`]: each path given becomes one or more
//! [`Source`]s, v1 corpus files as they are, transcripts imported into memory. Formats are
//! described in `docs/transcripts.md`; the decision rules in `docs/classifier.md`.

mod build;
pub mod cache;
pub mod claude;
pub mod codex;
pub mod detect;
mod lines;
pub mod prompt;
pub mod raw;
pub mod subagents;
pub mod tools;

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use build::{build, to_line};
pub use detect::{FileKind, detect, walk};
pub use raw::{Call, Format, RawSession, RawTurn, SubAgent};

use crate::classify::ExpertiseMap;
use crate::corpus::{LoadError, Source, SourceKind};
use crate::model::Session;

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Expertise levels that override the estimate, per project or session id.
    pub expertise_map: ExpertiseMap,
    /// Where to cache what was read from each transcript file; `None` reads every file.
    /// [`ImportOptions::cached`] sets leash's default (`dirs::cache_dir()/leash`).
    pub cache_dir: Option<PathBuf>,
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
    for path in paths {
        let PathImport {
            corpora,
            imported,
            warnings,
        } = read_path(path, opts, false)?;
        if corpora.is_empty() && imported.is_empty() {
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
        if !imported.is_empty() {
            let mut bytes = Vec::new();
            for i in &imported {
                bytes.extend_from_slice(i.line.as_bytes());
                bytes.push(b'\n');
            }
            let mut src = Source::memory(&path.display().to_string(), bytes);
            src.kind = SourceKind::Imported;
            opened.sources.push(src);
        }
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
    read_path(path, opts, true)
}

/// [`import_path`]; unless `keep`, each [`Imported`] keeps only its line and warnings, so
/// that a history of thousands of files holds no more than its corpus lines in memory.
fn read_path(path: &Path, opts: &ImportOptions, keep: bool) -> Result<PathImport, LoadError> {
    let name = path.display().to_string();
    let mut warnings = Vec::new();
    if path == Path::new("-") {
        return Ok(PathImport {
            corpora: vec![path.to_path_buf()],
            ..PathImport::default()
        });
    }
    let meta = std::fs::metadata(path).map_err(|e| LoadError::new(&name, e))?;
    if !meta.is_file() && !meta.is_dir() {
        // A pipe (`leash <(zcat c.jsonl.gz)`) can be read only once: as a corpus, undetected.
        return Ok(PathImport {
            corpora: vec![path.to_path_buf()],
            ..PathImport::default()
        });
    }
    let files: Vec<(PathBuf, FileKind)> = if meta.is_dir() {
        let found = walk(path, &mut warnings);
        let kinds: Vec<_> = found
            .into_par_iter()
            .map(|f| {
                let k = detect(&f);
                (f, k)
            })
            .collect();
        let mut files = Vec::new();
        for (f, k) in kinds {
            match k {
                Ok(FileKind::Unknown) => {
                    warnings.push(format!("{}: not a transcript or corpus (skipped)", f.display()))
                }
                Ok(FileKind::SubAgent) => {}
                Ok(k) => files.push((f, k)),
                Err(e) => warnings.push(format!("{}: {} (skipped)", f.display(), LoadError::new("", e).message)),
            }
        }
        files
    } else {
        match detect(path).map_err(|e| LoadError::new(&name, e))? {
            FileKind::Unknown => {
                return Err(LoadError {
                    file: name,
                    message: "is neither a v1 corpus nor a Claude Code or Codex transcript".into(),
                });
            }
            FileKind::SubAgent => {
                return Err(LoadError {
                    file: name,
                    message: "is a sub-agent transcript: import the session or folder it belongs to".into(),
                });
            }
            k => vec![(path.to_path_buf(), k)],
        }
    };
    let corpora = files
        .iter()
        .filter(|(_, k)| *k == FileKind::Corpus)
        .map(|(f, _)| f.clone())
        .collect();
    let results: Vec<Result<Option<Imported>, String>> = files
        .par_iter()
        .filter(|(_, k)| *k != FileKind::Corpus)
        .map(|(f, k)| {
            if !keep {
                return import_line(f, *k, opts);
            }
            import_file(f, *k, opts)
        })
        .collect();
    let mut imported = Vec::new();
    let mut empty = 0;
    for r in results {
        match r {
            Ok(Some(i)) => {
                warnings.extend(i.raw.warnings.iter().cloned());
                imported.push(i);
            }
            Ok(None) => empty += 1,
            Err(e) if !meta.is_dir() => {
                return Err(LoadError { file: name, message: e });
            }
            Err(e) => warnings.push(format!("{e} (skipped)")),
        }
    }
    if empty > 0 {
        warnings.push(format!(
            "{name}: {empty} transcript file(s) held no prompt and no tool call (left out)"
        ));
    }
    Ok(PathImport {
        corpora,
        imported,
        warnings,
    })
}

/// [`import_file`] for [`open_inputs`]: only the corpus line and the warnings are kept, and
/// both come from the line cache when nothing they depend on changed.
fn import_line(path: &Path, kind: FileKind, opts: &ImportOptions) -> Result<Option<Imported>, String> {
    let format = if kind == FileKind::Codex {
        Format::Codex
    } else {
        Format::ClaudeCode
    };
    let built = cache::built_under(opts.expertise_map.digest());
    let key = (opts.cache_dir.as_ref()).and_then(|d| Some((d, cache::fingerprint(path, format)?)));
    let slim = |warnings: Vec<String>, line: String| Imported {
        raw: RawSession {
            warnings,
            ..RawSession::default()
        },
        session: Session::default(),
        line,
    };
    if let Some((d, fp)) = &key
        && let Some((warnings, line)) = cache::get_line(d, path, fp, &built)
    {
        return Ok(line.map(|l| slim(warnings, l)));
    }
    let read = import_file(path, kind, opts)?;
    if let Some((d, fp)) = &key {
        let warnings = read.as_ref().map_or(&[][..], |i| &i.raw.warnings[..]);
        cache::put_line(d, path, fp, &built, warnings, read.as_ref().map(|i| i.line.as_str()));
    }
    Ok(read.map(|i| slim(i.raw.warnings, i.line)))
}

/// Imports one transcript file; `Ok(None)` when it holds no prompt and no tool call.
pub fn import_file(path: &Path, kind: FileKind, opts: &ImportOptions) -> Result<Option<Imported>, String> {
    let name = path.display().to_string();
    let f = File::open(path).map_err(|e| format!("{name}: {}", LoadError::new("", e).message))?;
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .trim_end_matches(".jsonl")
        .to_owned();
    let format = if kind == FileKind::Codex {
        Format::Codex
    } else {
        Format::ClaudeCode
    };
    let key = opts
        .cache_dir
        .as_ref()
        .and_then(|d| Some((d, cache::fingerprint(path, format)?)));
    let cached = key.as_ref().and_then(|(d, fp)| cache::get(d, path, fp));
    let raw = match cached {
        Some(raw) => raw,
        None => {
            let raw = read_transcript(f, path, &name, &stem, format);
            if let Some((d, fp)) = &key {
                cache::put(d, path, fp, &raw);
            }
            raw
        }
    };
    if raw.turns.is_empty() && raw.actions_before_first_prompt == 0 {
        return Ok(None);
    }
    let session = build(&raw, opts);
    let line = to_line(&raw, &session);
    Ok(Some(Imported { raw, session, line }))
}

fn read_transcript(f: File, path: &Path, name: &str, stem: &str, format: Format) -> RawSession {
    let reader = BufReader::with_capacity(1 << 16, f);
    let mut raw = match format {
        Format::Codex => codex::parse(reader, name, stem),
        Format::ClaudeCode => claude::parse(reader, name, stem),
    };
    if format == Format::ClaudeCode {
        let mut w = Vec::new();
        subagents::attach_files(&mut raw, path, &mut w);
        raw.warnings.extend(w);
    }
    raw
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
