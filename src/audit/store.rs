//! Writing the audit sidecar (`docs/audit.md`): a [`Store`] is an [`AuditLog`] held open for
//! appending under an exclusive advisory lock. Every verdict is one `write_all` of a whole
//! line, synced to disk before [`Store::append`] returns; undo appends too.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::ops::Deref;
use std::path::Path;

use super::error::{NOT_REGULAR, SYMLINK, StoreError};
use super::log::{AuditLog, Key};
use super::verdict::{Verdict, VerdictKind, now_rfc3339};
use crate::safe_fs::{FileId, ReadSet, is_loop, open_no_follow};

/// What [`Store::undo`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Undone {
    /// The verdict before the undone one is current again (re-appended, marked `"undo": true`).
    Restored(Box<Verdict>),
    /// There was no earlier verdict: a `retract` line now leaves the decision unaudited.
    Retracted { session: String, decision: String },
    /// Nothing to undo; nothing was written.
    Nothing,
}

/// An audit file open for writing, locked against other writers while this lives.
#[derive(Debug)]
pub struct Store {
    log: AuditLog,
    file: File,
    auditor: String,
    /// Pairs this store appended verdicts to, for [`Store::undo_last`].
    mine: Vec<Key>,
    needs_newline: bool,
}

impl Deref for Store {
    type Target = AuditLog;
    fn deref(&self) -> &AuditLog {
        &self.log
    }
}

impl Store {
    /// Opens (creating it if need be) and locks an audit file. A file another process (or
    /// another `Store`) holds open is refused with [`StoreError::Locked`], naming it.
    /// A symbolic link, FIFO, device or folder at `path` is refused (never followed, never
    /// blocked on).
    pub fn open(path: &Path, auditor: Option<&str>) -> Result<Store, StoreError> {
        Store::open_checked(path, auditor, &ReadSet::default())
    }

    fn open_checked(path: &Path, auditor: Option<&str>, corpus: &ReadSet) -> Result<Store, StoreError> {
        let refuse = |why| StoreError::NotAFile {
            path: path.to_path_buf(),
            why,
        };
        let existed = match std::fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => return Err(refuse(SYMLINK)),
            Ok(m) if !m.is_file() => return Err(refuse(NOT_REGULAR)),
            Ok(_) => true,
            Err(_) => false,
        };
        let mut opts = OpenOptions::new();
        opts.read(true).append(true).create(true);
        let mut file = open_no_follow(&mut opts, path, None).map_err(|e| {
            if is_loop(&e) {
                refuse(SYMLINK)
            } else {
                StoreError::io(path, e)
            }
        })?;
        // Checked on the file opened, so that nothing swapped in meanwhile gets through.
        let meta = file.metadata().map_err(|e| StoreError::io(path, e))?;
        if !meta.is_file() {
            return Err(refuse(NOT_REGULAR));
        }
        if corpus.contains(&FileId::of(&meta)) {
            return Err(StoreError::IsCorpus(path.to_path_buf()));
        }
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(fs4::TryLockError::WouldBlock) => {
                return Err(StoreError::Locked(path.to_path_buf()));
            }
            Err(fs4::TryLockError::Error(e)) => return Err(StoreError::io(path, e)),
        }
        if !existed {
            sync_dir(path);
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(|e| StoreError::io(path, e))?;
        Ok(Store {
            log: AuditLog::parse(path, &bytes),
            file,
            auditor: super::auditor_name(auditor),
            mine: Vec::new(),
            needs_newline: !bytes.is_empty() && !bytes.ends_with(b"\n"),
        })
    }

    /// [`Store::open`], but first refuses (creating nothing) an audit path that is one of the
    /// corpus files or a link to one (symbolic or hard: compared by device and inode): the
    /// corpus is never written.
    pub fn open_beside(path: &Path, auditor: Option<&str>, corpus: &[&Path]) -> Result<Store, StoreError> {
        let corpus = ReadSet::of_paths(corpus);
        if FileId::of_path(path).is_some_and(|id| corpus.contains(&id)) {
            return Err(StoreError::IsCorpus(path.to_path_buf()));
        }
        Store::open_checked(path, auditor, &corpus)
    }

    pub fn auditor(&self) -> &str {
        &self.auditor
    }

    pub fn log(&self) -> &AuditLog {
        &self.log
    }

    /// Appends a verdict (an empty `auditor` or `at` is filled in with this store's auditor
    /// and the current time) and returns it as written, once it is on disk.
    pub fn append(&mut self, mut v: Verdict) -> Result<Verdict, StoreError> {
        if v.verdict == VerdictKind::Retract || v.undo {
            return Err(StoreError::Invalid(
                "a retraction is written by undo, not appended".into(),
            ));
        }
        if v.auditor.is_empty() {
            v.auditor = self.auditor.clone();
        }
        if v.at.is_empty() {
            v.at = now_rfc3339();
        }
        v.check().map_err(StoreError::Invalid)?;
        self.write(&v)?;
        self.mine.push((v.session.clone(), v.ident().to_owned()));
        Ok(v)
    }

    /// Undoes the current verdict on one pair (`ident` as [`Verdict::ident`] gives it), by
    /// appending (never by rewriting).
    pub fn undo(&mut self, session: &str, ident: &str) -> Result<Undone, StoreError> {
        let history = self.log.history(session, ident);
        let (undone, line) = match history {
            [] => return Ok(Undone::Nothing),
            [last] => (
                Undone::Retracted {
                    session: session.to_owned(),
                    decision: last.decision.clone(),
                },
                Verdict::retract(last, &self.auditor, now_rfc3339()),
            ),
            [.., prev, _] => {
                let line = Verdict {
                    at: now_rfc3339(),
                    undo: true,
                    ..prev.clone()
                };
                (Undone::Restored(Box::new(line.clone())), line)
            }
        };
        self.write(&line)?;
        if let Some(i) = self.mine.iter().rposition(|(s, d)| s == session && d == ident) {
            self.mine.remove(i);
        }
        Ok(undone)
    }

    /// Undoes this store's most recent verdict that is still in effect.
    pub fn undo_last(&mut self) -> Result<Undone, StoreError> {
        match self.mine.last().cloned() {
            Some((s, d)) => self.undo(&s, &d),
            None => Ok(Undone::Nothing),
        }
    }

    /// One `write_all` of the whole line (after a newline if the file ends in a torn line),
    /// then `sync_data`; only then does the line count as part of the log.
    fn write(&mut self, v: &Verdict) -> Result<(), StoreError> {
        let mut buf = Vec::with_capacity(256);
        if self.needs_newline {
            buf.push(b'\n');
        }
        serde_json::to_writer(&mut buf, v).map_err(|e| StoreError::Invalid(e.to_string()))?;
        buf.push(b'\n');
        let path = &self.log.path;
        let written = self.file.write_all(&buf).and_then(|()| self.file.sync_data());
        if let Err(e) = written {
            // Part of the line may have reached the file: start the next one on a fresh line.
            self.needs_newline = true;
            return Err(StoreError::io(path, e));
        }
        self.needs_newline = false;
        self.log.apply(v.clone());
        Ok(())
    }
}

/// Makes a newly created file's directory entry durable too (best effort).
fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let _ = File::open(dir).and_then(|d| d.sync_all());
}
