//! The audit sidecar (`docs/audit.md`): an append-only JSON Lines file of verdicts.
//!
//! [`AuditLog`] is what a file says (read-only, no lock); [`Store`] is an [`AuditLog`] held
//! open for writing under an exclusive advisory lock. Every verdict is one `write_all` of a
//! whole line, synced to disk before [`Store::append`] returns.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::ops::Deref;
use std::path::{Path, PathBuf};

use super::error::StoreError;
use super::verdict::{Verdict, VerdictKind, now_rfc3339};
use crate::corpus::Skip;

type Key = (String, String);

/// The state of an audit file: each (session, decision)'s verdict history, and its bad lines.
#[derive(Debug, Default)]
pub struct AuditLog {
    path: PathBuf,
    /// Effective history per pair, oldest first; the last entry is the current verdict.
    stacks: HashMap<Key, Vec<Verdict>>,
    /// Pairs in order of first appearance.
    order: Vec<Key>,
    problems: Vec<Skip>,
}

impl AuditLog {
    /// Reads an audit file without locking it. A missing file is an error.
    pub fn read(path: &Path) -> Result<AuditLog, StoreError> {
        let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
        Ok(AuditLog::parse(path, &bytes))
    }

    /// Parses audit lines; bad lines are kept in [`AuditLog::problems`] and otherwise ignored.
    pub fn parse(path: &Path, bytes: &[u8]) -> AuditLog {
        let mut log = AuditLog {
            path: path.to_path_buf(),
            ..AuditLog::default()
        };
        let name = path.display().to_string();
        let torn_tail = !bytes.is_empty() && !bytes.ends_with(b"\n");
        let count = bytes.split(|&b| b == b'\n').count();
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match Verdict::from_line(line) {
                Ok(v) => log.apply(v),
                Err(mut reason) => {
                    if torn_tail && i + 1 == count {
                        reason.push_str(" (the last line is cut short: an interrupted write?)");
                    }
                    log.problems.push(Skip {
                        file: name.clone(),
                        line: i as u64 + 1,
                        reason,
                    });
                }
            }
        }
        log
    }

    /// Applies one line: a `retract` clears the pair, an undo line replaces the verdict it
    /// undoes with the one it restores, anything else becomes the pair's current verdict.
    /// Either way the current verdict is the pair's last line, as external readers see it.
    fn apply(&mut self, v: Verdict) {
        let key = (v.session.clone(), v.decision.clone());
        if !self.stacks.contains_key(&key) {
            self.order.push(key.clone());
        }
        let stack = self.stacks.entry(key).or_default();
        if v.verdict == VerdictKind::Retract {
            stack.clear();
            return;
        }
        if v.undo {
            stack.pop();
            stack.pop();
        }
        stack.push(v);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Lines that could not be read, as `file:line: reason`.
    pub fn problems(&self) -> &[Skip] {
        &self.problems
    }

    /// The current verdict on one decision, if any.
    pub fn current(&self, session: &str, decision: &str) -> Option<&Verdict> {
        self.stacks
            .get(&(session.to_owned(), decision.to_owned()))
            .and_then(|s| s.last())
    }

    pub fn is_audited(&self, session: &str, decision: &str) -> bool {
        self.current(session, decision).is_some()
    }

    /// The current verdict of every audited decision, in order of first appearance.
    pub fn latest(&self) -> Vec<&Verdict> {
        self.order
            .iter()
            .filter_map(|k| self.stacks[k].last())
            .collect()
    }

    /// Each auditor's own current verdict on each decision (for inter-auditor agreement).
    pub fn latest_by_auditor(&self) -> Vec<&Verdict> {
        let mut out = Vec::new();
        for k in &self.order {
            let stack = &self.stacks[k];
            let mut seen: Vec<&str> = Vec::new();
            for v in stack.iter().rev() {
                if !seen.contains(&v.auditor.as_str()) {
                    seen.push(&v.auditor);
                    out.push(v);
                }
            }
        }
        out
    }

    fn history(&self, session: &str, decision: &str) -> &[Verdict] {
        self.stacks
            .get(&(session.to_owned(), decision.to_owned()))
            .map_or(&[], Vec::as_slice)
    }
}

/// What [`Store::undo`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Undone {
    /// The verdict before the undone one is current again (re-appended, marked `"undo": true`).
    Restored(Verdict),
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
    pub fn open(path: &Path, auditor: Option<&str>) -> Result<Store, StoreError> {
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| StoreError::io(path, e))?;
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(fs4::TryLockError::WouldBlock) => {
                return Err(StoreError::Locked(path.to_path_buf()));
            }
            Err(fs4::TryLockError::Error(e)) => return Err(StoreError::io(path, e)),
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| StoreError::io(path, e))?;
        Ok(Store {
            log: AuditLog::parse(path, &bytes),
            file,
            auditor: super::auditor_name(auditor),
            mine: Vec::new(),
            needs_newline: !bytes.is_empty() && !bytes.ends_with(b"\n"),
        })
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
        self.mine.push((v.session.clone(), v.decision.clone()));
        Ok(v)
    }

    /// Undoes the current verdict on one decision, by appending (never by rewriting).
    pub fn undo(&mut self, session: &str, decision: &str) -> Result<Undone, StoreError> {
        let history = self.log.history(session, decision);
        let undone = match history {
            [] => return Ok(Undone::Nothing),
            [_] => Undone::Retracted {
                session: session.to_owned(),
                decision: decision.to_owned(),
            },
            [.., prev, _] => Undone::Restored(prev.clone()),
        };
        let line = match &undone {
            Undone::Restored(prev) => Verdict {
                at: now_rfc3339(),
                undo: true,
                ..prev.clone()
            },
            _ => Verdict::retract(session, decision, &self.auditor, now_rfc3339()),
        };
        self.write(&line)?;
        if let Some(i) = self
            .mine
            .iter()
            .rposition(|(s, d)| s == session && d == decision)
        {
            self.mine.remove(i);
        }
        Ok(match undone {
            Undone::Restored(_) => Undone::Restored(line),
            other => other,
        })
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
        let written = self
            .file
            .write_all(&buf)
            .and_then(|()| self.file.sync_data());
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
