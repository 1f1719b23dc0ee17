//! Reading a path: finding its transcripts (and corpora), importing each (through the
//! cache), and reporting what was left out. Linear in the number of files: each folder is
//! listed once, each file read once.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{FileKind, walk};
use super::{ImportOptions, Imported, PathImport, Siblings, build_line, cache, claude, codex, detect, subagents};
use crate::corpus::LoadError;
use crate::model::Session;
use crate::transcript::{Format, RawSession};

/// What one file found under a path gave.
enum Got {
    Corpus(PathBuf),
    Read(Result<Option<Box<Imported>>, String>),
    /// Not read: a sub-agent file (read with its session), or a warning.
    Skip(Option<String>),
}

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
    if !meta.is_file() && !meta.is_dir() {
        // A pipe (`leash <(zcat c.jsonl.gz)`) can be read only once: as a corpus, undetected.
        return Ok(PathImport {
            corpora: vec![path.to_path_buf()],
            ..PathImport::default()
        });
    }
    let (found, kind) = if meta.is_dir() {
        (walk(path, &mut warnings), None)
    } else {
        let kind = match detect::detect(path).map_err(|e| LoadError::new(&name, e))? {
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
            k => k,
        };
        (vec![path.to_path_buf()], Some(kind))
    };
    let sib = Siblings::scan(found.iter().filter_map(|f| f.parent()));
    let got: Vec<Got> = found.par_iter().map(|f| one_file(f, kind, opts, &sib, keep)).collect();
    let (mut corpora, mut imported, mut empty) = (Vec::new(), Vec::new(), 0);
    // Session id -> the file that gave it first.
    let mut first: HashMap<String, String> = HashMap::new();
    for g in got {
        match g {
            Got::Corpus(f) => corpora.push(f),
            Got::Skip(w) => warnings.extend(w),
            Got::Read(Ok(Some(i))) => {
                let i = *i;
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
            Got::Read(Ok(None)) => empty += 1,
            Got::Read(Err(e)) if !meta.is_dir() => {
                return Err(LoadError { file: name, message: e });
            }
            Got::Read(Err(e)) => warnings.push(format!("{e} (skipped)")),
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

/// One file: its cached line when nothing changed (its kind need not be looked at), else
/// its kind (`kind` when already known), then its reading.
fn one_file(f: &Path, kind: Option<FileKind>, opts: &ImportOptions, sib: &Siblings, keep: bool) -> Got {
    if !keep && let Some(hit) = cached_line(f, opts, sib) {
        return Got::Read(Ok(hit.map(Box::new)));
    }
    let kind = match kind.map_or_else(|| detect::detect(f), Ok) {
        Ok(k) => k,
        Err(e) => {
            return Got::Skip(Some(format!(
                "{}: {} (skipped)",
                f.display(),
                LoadError::new("", e).message
            )));
        }
    };
    match kind {
        FileKind::Unknown => Got::Skip(Some(format!("{}: not a transcript or corpus (skipped)", f.display()))),
        FileKind::SubAgent => Got::Skip(None),
        FileKind::Corpus => Got::Corpus(f.to_path_buf()),
        k if keep => Got::Read(import_file(f, k, opts, sib).map(|i| i.map(Box::new))),
        k => Got::Read(import_line(f, k, opts, sib).map(|i| i.map(Box::new))),
    }
}

fn format_of(kind: FileKind) -> Format {
    match kind {
        FileKind::Codex => Format::Codex,
        _ => Format::ClaudeCode,
    }
}

/// The cache key of a transcript: its size and mtime and those of every file that may be
/// read with it (Claude Code sub-agent files and their `meta.json`; a Codex rollout has none
/// there, so the key needs no knowing which it is).
fn fingerprint(path: &Path, sib: &Siblings) -> Option<String> {
    let mut related = Vec::new();
    for (f, _) in sib.files_for(path, &detect::stem(path)) {
        related.push(f.with_extension("meta.json"));
        related.push(f);
    }
    cache::fingerprint(path, &related)
}

/// The cached line of a file, if the cache is on and nothing it depends on changed.
fn cached_line(path: &Path, opts: &ImportOptions, sib: &Siblings) -> Option<Option<Imported>> {
    let d = opts.cache_dir.as_ref()?;
    let fp = fingerprint(path, sib)?;
    let built = cache::built_under(opts.expertise_map.digest());
    let (warnings, line) = cache::get_line(d, path, &fp, &built)?;
    Some(line.map(|l| slim(path, warnings, l)))
}

/// An [`Imported`] holding only the line, the session id (read from the line), the file and
/// the warnings.
fn slim(path: &Path, warnings: Vec<String>, line: String) -> Imported {
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
}

/// [`import_file`] for [`super::open_inputs`]: only the corpus line, the session id and the
/// warnings are kept, and the line is cached (the lookup is [`cached_line`]).
fn import_line(path: &Path, kind: FileKind, opts: &ImportOptions, sib: &Siblings) -> Result<Option<Imported>, String> {
    let built = cache::built_under(opts.expertise_map.digest());
    let key = (opts.cache_dir.as_ref()).and_then(|d| Some((d, fingerprint(path, sib)?)));
    // Only the line is cached here: one file written per session, not two.
    let read = import_with(path, kind, opts, sib, false)?;
    if let Some((d, fp)) = &key {
        let warnings = read.as_ref().map_or(&[][..], |i| &i.raw.warnings[..]);
        cache::put_line(d, path, fp, &built, warnings, read.as_ref().map(|i| i.line.as_str()));
    }
    Ok(read.map(|i| slim(path, i.raw.warnings, i.line)))
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
    let key = (opts.cache_dir.as_ref()).and_then(|d| Some((d, fingerprint(path, sib)?)));
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
    let (session, line) = build_line(&raw, opts);
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
