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
    /// A transcript's reading, `None` for a file of no prompt and no call, or why it failed.
    Read(Result<Option<Reading>, String>),
    /// Not read: a sub-agent file (read with its session), or a warning.
    Skip(Option<String>),
}

/// A transcript's reading, whole or its line only, as [`each_file`] was asked.
pub(super) enum Reading {
    /// The whole reading (library callers).
    Whole(Box<Imported>),
    /// Only the line, id, file and warnings, and the turns' keys for [`super::forks`].
    Line(Box<LineOf>),
}

/// What a path's files gave besides their sessions, gathered the same way for the whole
/// reading and for the lines: the v1 corpora, the warnings, the files of no prompt and no
/// call, and a file's failure (the path's error when the path is that file, else a warning).
pub(super) struct Gathered {
    name: String,
    is_dir: bool,
    empty: usize,
    corpora: Vec<PathBuf>,
    pub warnings: Vec<String>,
}

impl Gathered {
    /// For the path `name` (a folder when `is_dir`), with the warnings its walk gave.
    pub(super) fn new(name: String, is_dir: bool, warnings: Vec<String>) -> Gathered {
        Gathered {
            name,
            is_dir,
            empty: 0,
            corpora: Vec::new(),
            warnings,
        }
    }

    /// Takes what one file gave: its session is handed back, anything else kept here.
    pub(super) fn take(&mut self, got: Got) -> Result<Option<Reading>, LoadError> {
        match got {
            Got::Corpus(f) => self.corpora.push(f),
            Got::Skip(w) => self.warnings.extend(w),
            Got::Read(Ok(Some(s))) => return Ok(Some(s)),
            Got::Read(Ok(None)) => self.empty += 1,
            Got::Read(Err(e)) if !self.is_dir => {
                return Err(LoadError {
                    file: self.name.clone(),
                    message: e,
                });
            }
            Got::Read(Err(e)) => self.warnings.push(format!("{e} (skipped)")),
        }
        Ok(None)
    }

    /// The corpora and the warnings, the last one counting the files of no prompt and no call.
    pub(super) fn finish(mut self) -> (Vec<PathBuf>, Vec<String>) {
        if self.empty > 0 {
            let (name, empty) = (&self.name, self.empty);
            self.warnings.push(format!(
                "{name}: {empty} transcript file(s) held no prompt and no tool call (left out)"
            ));
        }
        (self.corpora, self.warnings)
    }
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
/// never the tree's. `keep` reads whole ([`Reading::Whole`]), else lines only ([`Reading::Line`]).
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
    let (mut got, mut imported) = (Gathered::new(name, is_dir, warnings), Vec::new());
    // Session id -> the file that gave it first.
    let mut first: HashMap<String, String> = HashMap::new();
    each_file(&found, kind, opts, true, |g| {
        match got.take(g)? {
            Some(Reading::Whole(i)) => {
                let i = *i;
                got.warnings.extend(i.raw.warnings.iter().cloned());
                if !repeat(&mut first, &i.raw.id, &i.raw.file, &mut got.warnings) {
                    imported.push(i);
                }
            }
            Some(Reading::Line(_)) => unreachable!("kept whole"),
            None => {}
        }
        Ok(())
    })?;
    super::forks::drop_replays(&mut imported, &mut got.warnings);
    let (corpora, warnings) = got.finish();
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

/// One file: its cached line when nothing changed (its kind need not be looked at), else
/// its kind (`kind` when already known), then its reading.
fn one_file(f: &Path, kind: Option<FileKind>, opts: &ImportOptions, sib: &Siblings, keep: bool) -> Got {
    if !keep && let Some(hit) = cached_line(f, opts, sib) {
        return Got::Read(Ok(hit.map(|i| Reading::Line(Box::new(i)))));
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
        k if keep => Got::Read(import_with(f, k, opts, sib, reader).map(|i| i.map(|i| Reading::Whole(Box::new(i))))),
        k => Got::Read(import_line(f, k, opts, sib, reader).map(|i| i.map(|i| Reading::Line(Box::new(i))))),
    }
}
