//! Reading the audit sidecar (`docs/audit.md`): what an append-only file of verdicts says,
//! line by line, with the latest line for each (session, decision) winning.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::error::StoreError;
use super::verdict::{Verdict, VerdictKind};
use crate::corpus::Skip;

pub(super) type Key = (String, String);

/// The state of an audit file: each (session, decision)'s verdict history, and its bad lines.
#[derive(Debug, Default)]
pub struct AuditLog {
    pub(super) path: PathBuf,
    /// Effective history per pair, oldest first; the last entry is the current verdict.
    stacks: HashMap<Key, Vec<Verdict>>,
    /// Pairs in order of first appearance.
    order: Vec<Key>,
    problems: Vec<Skip>,
}

impl AuditLog {
    /// Reads an audit file without locking it. A missing file is an error; so is a FIFO or
    /// device (refused without blocking).
    pub fn read(path: &Path) -> Result<AuditLog, StoreError> {
        use std::io::Read;
        let mut file = crate::safe_fs::open_regular(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::Other => StoreError::NotAFile {
                path: path.to_path_buf(),
                why: super::error::NOT_REGULAR,
            },
            _ => StoreError::io(path, e),
        })?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(|e| StoreError::io(path, e))?;
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
    pub(super) fn apply(&mut self, v: Verdict) {
        let key = (v.session.clone(), v.ident().to_owned());
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

    /// The current line on one pair (`ident`: a decision's key, else its id; see
    /// [`Verdict::ident`]), if any.
    pub fn current(&self, session: &str, ident: &str) -> Option<&Verdict> {
        self.stacks
            .get(&(session.to_owned(), ident.to_owned()))
            .and_then(|s| s.last())
    }

    /// The verdict in force on one of the classifier's decisions: the one given under its
    /// key, else one given by id alone (an older sidecar) on the same version of it.
    pub fn current_of(&self, session: &str, t: &super::Target) -> Option<&Verdict> {
        self.current(session, &t.key).or_else(|| {
            self.current(session, &t.id)
                .filter(|v| v.key.is_none() && v.fingerprint.as_ref().is_none_or(|f| *f == t.fingerprint))
        })
    }

    /// Whether 1-based turn `turn` of a session is marked complete, on this version of the
    /// turn (`fp`: [`super::fingerprint::of_turn`]; lines without one are taken at their word).
    pub fn is_complete(&self, session: &str, turn: usize, fp: &str) -> bool {
        self.current(session, &super::forms::turn_id(turn))
            .is_some_and(|v| v.verdict == VerdictKind::Complete && same_turn(v, fp))
    }

    /// The decisions added by hand to 1-based turn `turn` of a session (`fp` as above), still
    /// in force.
    pub fn added(&self, session: &str, turn: usize, fp: &str) -> Vec<&Verdict> {
        self.latest()
            .into_iter()
            .filter(|v| v.session == session && v.verdict == VerdictKind::Add && v.turn == Some(turn))
            .filter(|v| same_turn(v, fp))
            .collect()
    }

    /// A session's expertise rating in force (the latest of any auditor's).
    pub fn rating(&self, session: &str) -> Option<&Verdict> {
        self.current(session, super::forms::EXPERTISE_ID)
            .filter(|v| v.verdict == VerdictKind::Expertise)
    }

    pub fn is_audited(&self, session: &str, ident: &str) -> bool {
        self.current(session, ident).is_some()
    }

    /// The current verdict of every audited decision, in order of first appearance.
    pub fn latest(&self) -> Vec<&Verdict> {
        self.order.iter().filter_map(|k| self.stacks[k].last()).collect()
    }

    /// Each auditor's own current verdict on each decision (for inter-auditor agreement).
    pub fn latest_by_auditor(&self) -> Vec<&Verdict> {
        self.order.iter().flat_map(|k| each_auditor(&self.stacks[k])).collect()
    }

    /// Each auditor's own current verdict on one pair (`ident` as in [`AuditLog::current`]).
    pub fn by_auditor(&self, session: &str, ident: &str) -> Vec<&Verdict> {
        each_auditor(self.history(session, ident))
    }

    pub(crate) fn history(&self, session: &str, ident: &str) -> &[Verdict] {
        self.stacks
            .get(&(session.to_owned(), ident.to_owned()))
            .map_or(&[], Vec::as_slice)
    }
}

/// The last line of each auditor in a pair's history, the latest first.
fn each_auditor(stack: &[Verdict]) -> Vec<&Verdict> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for v in stack.iter().rev() {
        if !seen.contains(&v.auditor.as_str()) {
            seen.push(&v.auditor);
            out.push(v);
        }
    }
    out
}

/// Whether a line about a turn was written on the turn with fingerprint `fp`.
fn same_turn(v: &Verdict, fp: &str) -> bool {
    v.fingerprint.as_deref().is_none_or(|f| f == fp)
}
