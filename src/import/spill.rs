//! Importing a path for the app and `leash import`: each session's corpus line goes to a
//! private temporary file as its transcript is read, so that memory holds a few chunks of
//! files' lines, never the history's (a 1 GB tree once peaked at 766 MB).
//!
//! The order and the lines are those of [`super::import_path`] followed by
//! [`super::forks::drop_replays`]: sessions not marked as forks are checked for replays as
//! they come; a fork's line is written as read and checked once every other session is,
//! and the file is rewritten only if a fork replays turns. Lines are written as
//! `leash import` writes them (escaped by [`crate::text::json_safe`]), so that it copies them.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::ImportOptions;
use super::file::LineOf;
use super::forks::{Replayed, Replays, without_turns};
use super::read::{Gathered, Reading, each_file, files_of, repeat};
use super::spool::Line;
use crate::corpus::{LoadError, Source, SourceData, SourceKind};

/// What one path gave: its v1 corpus files, its transcripts' lines as one source (`None`
/// when it held none), and what was skipped.
#[derive(Debug, Default)]
pub struct SpilledPath {
    pub corpora: Vec<PathBuf>,
    pub source: Option<Source>,
    pub warnings: Vec<String>,
}

/// A fork's line, where it lies in the file, until every other session is read.
struct Fork {
    at: u64,
    len: u64,
    file: String,
    id: String,
    keys: Vec<Option<u128>>,
}

/// The lines written so far.
struct Lines {
    out: BufWriter<File>,
    len: u64,
    forks: Vec<Fork>,
    replays: Replays,
    /// Sessions kept (before the repeats of other paths are left out).
    kept: usize,
}

/// Imports a path, leaving out the sessions `first` (id -> file, over every path read)
/// already holds.
pub fn spill_path(
    path: &Path,
    opts: &ImportOptions,
    first: &mut HashMap<String, String>,
) -> Result<SpilledPath, LoadError> {
    let name = path.display().to_string();
    let fail = |e: io::Error| LoadError::new(&name, e);
    let mut warnings = Vec::new();
    let Some((found, kind, is_dir)) = files_of(path, &mut warnings)? else {
        return Ok(SpilledPath {
            corpora: vec![path.to_path_buf()],
            ..SpilledPath::default()
        });
    };
    let mut lines = Lines {
        out: BufWriter::with_capacity(1 << 16, tempfile::tempfile().map_err(fail)?),
        len: 0,
        forks: Vec::new(),
        replays: Replays::default(),
        kept: 0,
    };
    let mut got = Gathered::new(name.clone(), is_dir, warnings);
    // Session id -> the file that gave it first, in this path.
    let mut here: HashMap<String, String> = HashMap::new();
    each_file(&found, kind, opts, false, |g| {
        match got.take(g)? {
            Some(Reading::Line(i)) => {
                let mut i = *i;
                got.warnings.append(&mut i.warnings);
                if !repeat(&mut here, &i.id, &i.file, &mut got.warnings) {
                    lines.add(i, first, &mut got.warnings).map_err(fail)?;
                }
            }
            Some(Reading::Whole(_)) => unreachable!("lines only"),
            None => {}
        }
        Ok(())
    })?;
    let (file, len, kept) = lines.finish(first, &mut got.warnings).map_err(fail)?;
    let (corpora, warnings) = got.finish();
    let source = (kept > 0).then(|| Source {
        name: name.clone(),
        data: SourceData::Spilled(Arc::new(file)),
        len,
        kind: SourceKind::Imported,
    });
    Ok(SpilledPath {
        corpora,
        source,
        warnings,
    })
}

impl Lines {
    /// A session's line: a fork's as it is (checked at the end), another's without the turns
    /// it replays.
    fn add(&mut self, i: LineOf, first: &mut HashMap<String, String>, warnings: &mut Vec<String>) -> io::Result<()> {
        let LineOf {
            id,
            file,
            mut line,
            keys,
            ..
        } = i;
        if keys.fork {
            self.kept += 1;
            let at = self.len;
            self.write(&mut line)?;
            self.forks.push(Fork {
                at,
                len: self.len - at,
                file,
                id,
                keys: keys.keys,
            });
            return Ok(());
        }
        let mut line = match self.replays.check(&keys.keys, &file, warnings) {
            Replayed::Nothing => line,
            Replayed::Leading(n) => Line::Text(without_turns(&line.into_text()?, n)),
            Replayed::All => return Ok(()),
        };
        self.kept += 1;
        if repeat(first, &id, &file, warnings) {
            return Ok(());
        }
        self.write(&mut line)
    }

    /// Writes a line with the chars a terminal or an editor would act on escaped
    /// ([`crate::text::json_safe`]), as `leash import` writes every line (it copies these).
    fn write(&mut self, line: &mut Line) -> io::Result<()> {
        self.len += line.write_safe(&mut self.out)? + 1;
        self.out.write_all(b"\n")
    }

    /// Checks the forks; the file, its length and the sessions kept.
    fn finish(
        mut self,
        first: &mut HashMap<String, String>,
        warnings: &mut Vec<String>,
    ) -> io::Result<(File, u64, usize)> {
        let mut file = self.out.into_inner().map_err(|e| e.into_error())?;
        // Each fork's new line, when it changes: `None` to leave it out.
        let mut changed: Vec<(usize, Option<String>)> = Vec::new();
        for (k, f) in self.forks.iter().enumerate() {
            match self.replays.check(&f.keys, &f.file, warnings) {
                Replayed::Nothing if !repeat(first, &f.id, &f.file, warnings) => {}
                Replayed::Nothing => changed.push((k, None)),
                Replayed::All => {
                    self.kept -= 1;
                    changed.push((k, None));
                }
                Replayed::Leading(n) => {
                    let line = without_turns(&read_at(&mut file, f.at, f.len)?, n);
                    changed.push((k, (!repeat(first, &f.id, &f.file, warnings)).then_some(line)));
                }
            }
        }
        if changed.is_empty() {
            return Ok((file, self.len, self.kept));
        }
        // Copy the file with the forks' new lines.
        let mut out = BufWriter::with_capacity(1 << 16, tempfile::tempfile()?);
        let (mut from, mut len) = (0u64, 0u64);
        for (k, line) in changed {
            let f = &self.forks[k];
            file.seek(SeekFrom::Start(from))?;
            len += io::copy(&mut (&mut file).take(f.at - from), &mut out)?;
            if let Some(l) = line {
                let l = crate::text::json_safe(l.as_bytes());
                out.write_all(l.as_bytes())?;
                out.write_all(b"\n")?;
                len += l.len() as u64 + 1;
            }
            from = f.at + f.len;
        }
        file.seek(SeekFrom::Start(from))?;
        len += io::copy(&mut file, &mut out)?;
        Ok((out.into_inner().map_err(|e| e.into_error())?, len, self.kept))
    }
}

/// The line (without its newline) of `len` bytes at `at`.
fn read_at(file: &mut File, at: u64, len: u64) -> io::Result<String> {
    let mut buf = vec![0; usize::try_from(len).map_err(io::Error::other)?];
    file.seek(SeekFrom::Start(at))?;
    file.read_exact(&mut buf)?;
    buf.pop();
    String::from_utf8(buf).map_err(io::Error::other)
}
