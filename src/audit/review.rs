//! The disagreement review queue (`docs/audit.md`): the decisions where auditors disagree
//! with each other or with the classifier, each auditor's verdict side by side, settled by a
//! new verdict marked `"settles": true` (appended like any other; latest wins).

use super::{AuditLog, Target, Verdict, VerdictKind};
use crate::model::{Actor, Kind};

/// What a verdict says the decision is: its label (a confirm keeps the classifier's), or
/// `None` for "not a decision".
pub fn says(v: &Verdict, classifier: (Actor, Kind)) -> Option<(Actor, Kind)> {
    match v.verdict {
        VerdictKind::Confirm => Some(classifier),
        VerdictKind::Relabel => v.actor.zip(v.kind),
        _ => None,
    }
}

/// Each auditor's verdict in force on a decision, the latest first: under its key, and by
/// id from older sidecars (on the same version of the decision).
pub fn verdicts<'a>(log: &'a AuditLog, session: &str, t: &Target) -> Vec<&'a Verdict> {
    let mut out = log.by_auditor(session, &t.key);
    for v in log.by_auditor(session, &t.id) {
        let same = v.key.is_none() && v.fingerprint.as_ref().is_none_or(|f| *f == t.fingerprint);
        if same && !out.iter().any(|o| o.auditor == v.auditor) {
            out.push(v);
        }
    }
    out
}

/// Whether a decision is up for review: its auditors disagree with each other, or the
/// verdict in force disagrees with the classifier — unless that verdict settled it.
pub fn disagrees(log: &AuditLog, session: &str, t: &Target, classifier: (Actor, Kind)) -> bool {
    let vs = verdicts(log, session, t);
    let Some(latest) = log.current_of(session, t) else {
        return false;
    };
    if latest.settles {
        return false;
    }
    let first = says(vs[0], classifier);
    let among = vs.iter().any(|v| says(v, classifier) != first);
    among || says(latest, classifier) != Some(classifier)
}

/// Whether the verdict in force on a decision settled a disagreement.
pub fn settled(log: &AuditLog, session: &str, t: &Target) -> bool {
    log.current_of(session, t).is_some_and(|v| v.settles)
}
