//! Hand audit of the classifier's labels (`docs/audit.md`): the sidecar store, agreement
//! statistics, audit queues and export. Nothing here touches the terminal, and nothing here
//! ever writes to a corpus.

pub mod agreement;
pub mod complete;
mod error;
pub mod export;
pub mod fingerprint;
pub mod forms;
pub mod gold;
mod join;
mod log;
pub mod queue;
pub mod rating;
pub mod review;
pub mod stats;
mod store;
pub mod table;
mod table_more;
pub mod turns;
mod verdict;

use std::path::{Path, PathBuf};

pub use agreement::{
    Agreement, AuditorPair, Axis, Breakdown, Confusion, agreement, by_confidence, by_expertise, by_format, by_rule,
    inter_auditor,
};
pub use error::StoreError;
pub use join::{Joined, Unmatched, join, join_per_auditor};
pub use log::AuditLog;
pub use store::{Store, Undone};
pub use verdict::{Verdict, VerdictKind, now_rfc3339, rfc3339};

use crate::model::{Actor, Decision, Kind, Session};

/// The default sidecar of a corpus file: `<corpus file>.audit.jsonl` beside it.
pub fn default_path(corpus: &Path) -> PathBuf {
    let mut s = corpus.as_os_str().to_owned();
    s.push(".audit.jsonl");
    PathBuf::from(s)
}

/// The auditor's name: the one given, else `$USER`, else `$LOGNAME`, else `unknown`.
pub fn auditor_name(given: Option<&str>) -> String {
    let env = |k: &str| std::env::var(k).ok();
    [given.map(str::to_owned), env("USER"), env("LOGNAME")]
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_owned())
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// How a verdict finds one of the classifier's decisions: by key (written since verdicts
/// outlive a renumbering), else by id, checked by fingerprint (older sidecars).
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: String,
    pub key: String,
    pub fingerprint: String,
}

impl Target {
    pub fn of(s: &Session, turn: usize, d: &Decision) -> Target {
        Target {
            id: d.id.clone(),
            key: fingerprint::key(s, turn, d),
            fingerprint: fingerprint::fingerprint(s, turn, d),
        }
    }
}

/// A judgement on decision `d` of turn `turn` (0-based) of `s`, tied to it by key, with
/// what the list of verdicts that no longer match needs (turn, rule, evidence).
pub fn judgement(s: &Session, turn: usize, d: &Decision, v: Verdict) -> Verdict {
    let t = Target::of(s, turn, d);
    Verdict {
        key: Some(t.key),
        fingerprint: Some(t.fingerprint),
        turn: Some(turn + 1),
        rule: d.rule.clone(),
        evidence: d.evidence.clone(),
        ..v
    }
}

/// An audited decision joined with what the classifier said about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Audited<'a> {
    /// Row index of its session in the corpus.
    pub session: usize,
    /// The session's expertise level (1-5) or `None` for unknown.
    pub expertise: Option<u8>,
    /// The decision's id in the corpus now (a verdict given on another version of the
    /// classifier may name it otherwise), its turn (0-based) and rule.
    pub decision: String,
    pub turn: usize,
    pub rule: Option<String>,
    /// Where the session came from: `claude-code`, `codex`, or `v1` (a corpus as written).
    pub format: String,
    /// The classifier's label and confidence.
    pub actor: Actor,
    pub kind: Kind,
    pub confidence: Option<f64>,
    pub verdict: &'a Verdict,
}

impl Audited<'_> {
    /// The auditor's label: the classifier's for a confirm, the correction for a relabel,
    /// `None` for a reject.
    pub fn auditor_label(&self) -> Option<(Actor, Kind)> {
        match self.verdict.verdict {
            VerdictKind::Confirm => Some((self.actor, self.kind)),
            VerdictKind::Relabel => Some((self.verdict.actor?, self.verdict.kind?)),
            _ => None,
        }
    }
}
