//! Hand audit of the classifier's labels (`docs/audit.md`): the sidecar store, agreement
//! statistics, audit queues and export. Nothing here touches the terminal, and nothing here
//! ever writes to a corpus.

pub mod agreement;
mod error;
pub mod export;
pub mod fingerprint;
mod log;
pub mod queue;
mod store;
pub mod table;
mod verdict;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use agreement::{
    Agreement, AuditorPair, Axis, Breakdown, Confusion, agreement, by_confidence, by_expertise, inter_auditor,
};
pub use error::StoreError;
pub use log::AuditLog;
pub use store::{Store, Undone};
pub use verdict::{Verdict, VerdictKind, now_rfc3339, rfc3339};

use crate::corpus::Corpus;
use crate::model::{Actor, Kind};

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

/// An audited decision joined with what the classifier said about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Audited<'a> {
    /// Row index of its session in the corpus.
    pub session: usize,
    /// The session's expertise level (1-5) or `None` for unknown.
    pub expertise: Option<u8>,
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
            VerdictKind::Reject | VerdictKind::Retract => None,
        }
    }
}

/// Verdicts matched against the corpus.
#[derive(Debug, Default)]
pub struct Joined<'a> {
    /// Verdicts whose decision the corpus has, in the order given.
    pub audited: Vec<Audited<'a>>,
    /// Verdicts naming a session or decision the corpus lacks (stale ones included).
    pub orphans: usize,
    /// Verdicts whose fingerprint names another decision than the one now bearing their ids
    /// (a sidecar of another corpus, or a corpus regenerated under it): not scored.
    pub stale: usize,
    /// Sessions that could not be re-read (`file:line: reason`); their verdicts are left out.
    pub errors: Vec<String>,
}

/// Joins verdicts (say [`AuditLog::latest`]) with the classifier's labels, re-reading each
/// session that has a verdict once.
pub fn join<'a>(corpus: &Corpus, verdicts: &[&'a Verdict]) -> Joined<'a> {
    type Labels = HashMap<String, (Actor, Kind, Option<f64>, String)>;
    let mut sessions: HashMap<usize, Option<Labels>> = HashMap::new();
    let mut out = Joined::default();
    for &v in verdicts {
        if v.verdict == VerdictKind::Retract {
            continue;
        }
        let Some(index) = corpus.index_of(&v.session) else {
            out.orphans += 1;
            continue;
        };
        let labels = sessions.entry(index).or_insert_with(|| match corpus.session(index) {
            Ok(s) => {
                let mut labels = Labels::new();
                for (i, t) in s.turns.iter().enumerate() {
                    for d in &t.decisions {
                        // Ids are unique within a session; should one repeat, the first stands.
                        let fp = fingerprint::fingerprint(&s, i, d);
                        labels
                            .entry(d.id.clone())
                            .or_insert((d.actor, d.kind, d.confidence, fp));
                    }
                }
                Some(labels)
            }
            Err(e) => {
                out.errors.push(e);
                None
            }
        });
        let Some(labels) = labels else { continue };
        match labels.get(&v.decision) {
            Some((.., fp)) if v.fingerprint.as_ref().is_some_and(|v| v != fp) => {
                out.stale += 1;
                out.orphans += 1;
            }
            Some(&(actor, kind, confidence, _)) => out.audited.push(Audited {
                session: index,
                expertise: corpus.rows[index].expertise,
                actor,
                kind,
                confidence,
                verdict: v,
            }),
            None => out.orphans += 1,
        }
    }
    out
}
