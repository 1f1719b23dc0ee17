//! Reading a path: finding its transcripts (and corpora), importing each (through the
//! cache), and reporting what was left out. Linear in the number of files: each folder is
//! listed once, each file read once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::file::{LineOf, cached_line, import_line, import_with};
use super::{FileKind, ImportOptions, Imported, PathImport, Siblings, detect, walk};
use crate::corpus::LoadError;

/// What one file found under a path gave.
pub(super) enum Got {
    Corpus(PathBuf),
    /// The whole reading (library callers), `None` for a file of no prompt and no call.
    Read(Result<Option<Box<Imported>>, String>),
    /// Only the line, id, file and warnings, and the turns' keys for [`super::forks`].
    Line(Box<LineOf>),
    /// Not read: a sub-agent file (read with its session), or a warning.
    Skip(Option<String>),
}

/// The transcript files of a path: `Ok(None)` for standard input or a pipe (read as a
/// corpus, undetected); else the files, their kind when `path` is a file (detected here), and
/// whether `path` is a folder.
pub(super) type Files = Option<(Vec<PathBuf>, Option<FileKind>, bool)>;

pub(super) fn files_of(path: &Path, warnings: &mut Vec<String>) -> Result<Files, LoadError> {
    let name = path.display().to_string();
    if path == Path::new("-") {
        return Ok(None);
    }
    let meta = std::fs::metadata(path).map_err(|e| LoadError::new(&name, e))?;
    if !meta.is_file() && !meta.is_dir() {
        // A pipe (`leash <(zcat c.jsonl.gz)`) can be read only once: as a corpus, undetected.
        return Ok(None);
    }
    if meta.is_dir() {
        return Ok(Some((walk(path, warnings), None, true)));
    }
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
    Ok(Some((vec![path.to_path_buf()], Some(kind), false)))
}

/// Files read in parallel at a time: what one file gave waits in memory only until its
/// chunk is handed over.
const CHUNK: usize = 128;

/// Reads `files` on the thread pool and hands what each gave to `take`, in their order; a
/// chunk is read while the one before is being taken, so memory holds two chunks' results,
/// never the tree's. `keep` reads whole ([`Got::Read`]), else lines only ([`Got::Line`]).
pub(super) fn each_file(
    files: &[PathBuf],
    kind: Option<FileKind>,
    opts: &ImportOptions,
    keep: bool,
    mut take: impl FnMut(Got) -> Result<(), LoadError> + Send,
) -> Result<(), LoadError> {
    let sib = Siblings::scan(files.iter().filter_map(|f| f.parent()));
    let mut pending: Vec<Got> = Vec::new();
    for chunk in files.chunks(CHUNK) {
        let (got, taken) = rayon::join(
            || chunk.par_iter().map(|f| one_file(f, kind, opts, &sib, keep)).collect(),
            || pending.drain(..).try_for_each(&mut take),
        );
        taken?;
        pending = got;
    }
    pending.into_iter().try_for_each(take)
}

/// Reads one path, keeping each transcript's whole reading (library callers).
pub(super) fn read_path(path: &Path, opts: &ImportOptions) -> Result<PathImport, LoadError> {
    let name = path.display().to_string();
    let mut warnings = Vec::new();
    let Some((found, kind, is_dir)) = files_of(path, &mut warnings)? else {
        return Ok(PathImport {
            corpora: vec![path.to_path_buf()],
            ..PathImport::default()
        });
    };
    let (mut corpora, mut imported, mut empty) = (Vec::new(), Vec::new(), 0);
    // Session id -> the file that gave it first.
    let mut first: HashMap<String, String> = HashMap::new();
    each_file(&found, kind, opts, true, |g| {
        match g {
            Got::Corpus(f) => corpora.push(f),
            Got::Skip(w) => warnings.extend(w),
            Got::Line(_) => unreachable!("kept whole"),
            Got::Read(Ok(Some(i))) => {
                let i = *i;
                warnings.extend(i.raw.warnings.iter().cloned());
                if repeat(&mut first, &i.raw.id, &i.raw.file, &mut warnings) {
                    return Ok(());
                }
                imported.push(i);
            }
            Got::Read(Ok(None)) => empty += 1,
            Got::Read(Err(e)) if !is_dir => {
                return Err(LoadError {
                    file: name.clone(),
                    message: e,
                });
            }
            Got::Read(Err(e)) => warnings.push(format!("{e} (skipped)")),
        }
        Ok(())
    })?;
    super::forks::drop_replays(&mut imported, &mut warnings);
    if empty > 0 {
        warnings.push(empty_files(&name, empty));
    }
    Ok(PathImport {
        corpora,
        imported,
        warnings,
    })
}

/// Whether a session was already read (`first` maps each id to the file that gave it),
/// with a warning naming both files; else remembers it.
pub(super) fn repeat(first: &mut HashMap<String, String>, id: &str, file: &str, warnings: &mut Vec<String>) -> bool {
    if let Some(was) = first.get(id) {
        warnings.push(format!("{file}: session {id} was already read from {was} (left out)"));
        return true;
    }
    first.insert(id.to_owned(), file.to_owned());
    false
}

pub(super) fn empty_files(name: &str, empty: usize) -> String {
    format!("{name}: {empty} transcript file(s) held no prompt and no tool call (left out)")
}

/// One file: its cached line when nothing changed (its kind need not be looked at), else
/// its kind (`kind` when already known), then its reading.
fn one_file(f: &Path, kind: Option<FileKind>, opts: &ImportOptions, sib: &Siblings, keep: bool) -> Got {
    if !keep && let Some(hit) = cached_line(f, opts, sib) {
        return match hit {
            Some(i) => Got::Line(Box::new(i)),
            None => Got::Read(Ok(None)),
        };
    }
    // Detected here, the file is read on from the reader that detected it.
    let found = match kind {
        Some(k) => Ok((k, None)),
        None => detect::detect_open(f).map(|(k, r)| (k, Some(r))),
    };
    let (kind, reader) = match found {
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
        k if keep => Got::Read(import_with(f, k, opts, sib, reader).map(|i| i.map(Box::new))),
        k => match import_line(f, k, opts, sib, reader) {
            Ok(Some(i)) => Got::Line(Box::new(i)),
            Ok(None) => Got::Read(Ok(None)),
            Err(e) => Got::Read(Err(e)),
        },
    }
}
