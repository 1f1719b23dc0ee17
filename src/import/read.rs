//! Reading a path: finding its transcripts (and corpora), importing each (through the
//! cache), and reporting what was left out. Linear in the number of files: each folder is
//! listed once, each file read once.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{FileKind, walk};
use super::{ImportOptions, Imported, PathImport, Siblings, build, cache, claude, codex, detect, subagents, to_line};
use crate::corpus::LoadError;
use crate::model::Session;
use crate::transcript::{Format, RawSession};

/// Reads one path; unless `keep`, each [`Imported`] keeps only its line, id and warnings,
/// so that a history of thousands of files holds no more than its corpus lines in memory.
pub(super) fn read_path(path: &Path, opts: &ImportOptions, keep: bool) -> Result<PathImport, LoadError> {
    let name = path.display().to_string();
    let mut warnings = Vec::new();
    if path == Path::new("-") {
        return Ok(PathImport {
            corpora: vec![path.to_path_buf()],
            ..PathImport::default()
        });
    }
    let meta = std::fs::metadata(path).map_err(|e| LoadError::new(&name, e))?;
    let files = if meta.is_dir() {
        kinds_in(path, &mut warnings)
    } else {
        match detect::detect(path).map_err(|e| LoadError::new(&name, e))? {
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
    let claude_dirs = files.iter().filter(|(_, k)| *k == FileKind::Claude);
    let sib = Siblings::scan(claude_dirs.filter_map(|(f, _)| f.parent()));
    let results: Vec<Result<Option<Imported>, String>> = files
        .par_iter()
        .filter(|(_, k)| *k != FileKind::Corpus)
        .map(|(f, k)| match keep {
            true => import_file(f, *k, opts, &sib),
            false => import_line(f, *k, opts, &sib),
        })
        .collect();
    let mut imported = Vec::new();
    let mut empty = 0;
    // Session id -> the file that gave it first.
    let mut first: HashMap<String, String> = HashMap::new();
    for r in results {
        match r {
            Ok(Some(i)) => {
                warnings.extend(i.raw.warnings.iter().cloned());
                if let Some(was) = first.get(&i.raw.id) {
                    warnings.push(format!(
                        "{}: session {} was already read from {was} (left out)",
                        i.raw.file, i.raw.id
                    ));
                    continue;
                }
                first.insert(i.raw.id.clone(), i.raw.file.clone());
                imported.push(i);
            }
            Ok(None) => empty += 1,
            Err(e) if !meta.is_dir() => {
                return Err(LoadError { file: name, message: e });
            }
            Err(e) => warnings.push(format!("{e} (skipped)")),
        }
    }
    super::forks::drop_replays(&mut imported, &mut warnings);
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

/// The transcript and corpus files under a folder, with their kinds (detected in parallel);
/// files of no known kind become warnings.
fn kinds_in(dir: &Path, warnings: &mut Vec<String>) -> Vec<(PathBuf, FileKind)> {
    let found = walk(dir, warnings);
    let kinds: Vec<_> = found
        .into_par_iter()
        .map(|f| {
            let k = detect::detect(&f);
            (f, k)
        })
        .collect();
    let mut files = Vec::new();
    for (f, k) in kinds {
        match k {
            Ok(FileKind::Unknown) => warnings.push(format!("{}: not a transcript or corpus (skipped)", f.display())),
            Ok(FileKind::SubAgent) => {}
            Ok(k) => files.push((f, k)),
            Err(e) => warnings.push(format!("{}: {} (skipped)", f.display(), LoadError::new("", e).message)),
        }
    }
    files
}

fn format_of(kind: FileKind) -> Format {
    match kind {
        FileKind::Codex => Format::Codex,
        _ => Format::ClaudeCode,
    }
}

/// The cache key of a transcript: its size and mtime and those of every file that may be
/// read with it (sub-agent files and their `meta.json`).
fn fingerprint(path: &Path, format: Format, sib: &Siblings) -> Option<String> {
    let mut related = Vec::new();
    if format == Format::ClaudeCode {
        for (f, _) in sib.files_for(path, &detect::stem(path)) {
            related.push(f.with_extension("meta.json"));
            related.push(f);
        }
    }
    cache::fingerprint(path, &related)
}

/// [`import_file`] for [`super::open_inputs`]: only the corpus line, the session id and the
/// warnings are kept, and they come from the line cache when nothing they depend on changed.
fn import_line(path: &Path, kind: FileKind, opts: &ImportOptions, sib: &Siblings) -> Result<Option<Imported>, String> {
    let built = cache::built_under(opts.expertise_map.digest());
    let key = (opts.cache_dir.as_ref()).and_then(|d| Some((d, fingerprint(path, format_of(kind), sib)?)));
    let slim = |warnings: Vec<String>, line: String| {
        #[derive(serde::Deserialize)]
        struct Id {
            id: String,
        }
        let id = serde_json::from_str::<Id>(&line).map(|i| i.id).unwrap_or_default();
        Imported {
            raw: RawSession {
                id,
                file: path.display().to_string(),
                warnings,
                ..RawSession::default()
            },
            session: Session::default(),
            line,
        }
    };
    if let Some((d, fp)) = &key
        && let Some((warnings, line)) = cache::get_line(d, path, fp, &built)
    {
        return Ok(line.map(|l| slim(warnings, l)));
    }
    // Only the line is cached here: one file written per session, not two.
    let read = import_with(path, kind, opts, sib, false)?;
    if let Some((d, fp)) = &key {
        let warnings = read.as_ref().map_or(&[][..], |i| &i.raw.warnings[..]);
        cache::put_line(d, path, fp, &built, warnings, read.as_ref().map(|i| i.line.as_str()));
    }
    Ok(read.map(|i| slim(i.raw.warnings, i.line)))
}

/// Imports one transcript file; `Ok(None)` when it holds no prompt and no tool call.
pub(crate) fn import_file(
    path: &Path,
    kind: FileKind,
    opts: &ImportOptions,
    sib: &Siblings,
) -> Result<Option<Imported>, String> {
    import_with(path, kind, opts, sib, true)
}

/// [`import_file`]; `store_raw` caches the reading itself (for library callers that keep it).
fn import_with(
    path: &Path,
    kind: FileKind,
    opts: &ImportOptions,
    sib: &Siblings,
    store_raw: bool,
) -> Result<Option<Imported>, String> {
    let name = path.display().to_string();
    let format = format_of(kind);
    let key = (opts.cache_dir.as_ref()).and_then(|d| Some((d, fingerprint(path, format, sib)?)));
    let cached = key.as_ref().and_then(|(d, fp)| cache::get(d, path, fp));
    let raw = match cached {
        Some(raw) => raw,
        None => {
            let f = detect::open(path).map_err(|e| format!("{name}: {}", LoadError::new("", e).message))?;
            let raw = read_transcript(f, path, &name, format, sib);
            if let Some((d, fp)) = key.as_ref().filter(|_| store_raw) {
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

fn read_transcript(
    reader: Box<dyn BufRead + Send>,
    path: &Path,
    name: &str,
    format: Format,
    sib: &Siblings,
) -> RawSession {
    let stem = detect::stem(path);
    let mut raw = match format {
        Format::Codex => codex::parse(reader, name, &stem),
        Format::ClaudeCode => claude::parse(reader, name, &stem),
    };
    if format == Format::ClaudeCode {
        let mut w = Vec::new();
        subagents::attach_files(&mut raw, path, sib, &mut w);
        claude::resolve_persisted(&mut raw, path);
        raw.warnings.extend(w);
    }
    raw
}
