//! One line of the audit sidecar (section 4 of the corpus spec; see `docs/audit.md`).

use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::corpus::json_reason;
use crate::model::{Actor, Kind};

/// What the auditor said about a classifier's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictKind {
    /// The label is right (`actor`/`kind` repeat it).
    Confirm,
    /// The label is wrong: `actor`/`kind` are the correction.
    Relabel,
    /// Not a decision at all.
    Reject,
    /// Written only by undo when there is no earlier verdict: the decision is unaudited again.
    Retract,
    /// A decision the classifier missed, added by the auditor (`decision` is its new id).
    Add,
    /// Every decision of turn `turn` is judged (`decision` is `turn:N`).
    Complete,
    /// The auditor's rating of the session's expertise (`level`; `decision` is `expertise`).
    Expertise,
}

impl VerdictKind {
    pub fn name(self) -> &'static str {
        match self {
            VerdictKind::Confirm => "confirm",
            VerdictKind::Relabel => "relabel",
            VerdictKind::Reject => "reject",
            VerdictKind::Retract => "retract",
            VerdictKind::Add => "add",
            VerdictKind::Complete => "complete",
            VerdictKind::Expertise => "expertise",
        }
    }

    /// Whether the line judges one of the classifier's decisions (confirm, relabel, reject).
    pub fn judges(self) -> bool {
        matches!(self, VerdictKind::Confirm | VerdictKind::Relabel | VerdictKind::Reject)
    }
}

/// One verdict, serialized with the keys in the order of the spec's example line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub session: String,
    pub decision: String,
    pub verdict: VerdictKind,
    #[serde(default)]
    pub actor: Option<Actor>,
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub note: Option<String>,
    /// Empty when the line names none (a sidecar written by another tool): unknown.
    #[serde(default)]
    pub auditor: String,
    /// RFC 3339 UTC: when the line was written.
    pub at: String,
    /// Set on lines written by undo (an extra key external readers may ignore).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undo: bool,
    /// Which decision the verdict was given on ([`super::fingerprint`]; an extra key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// The decision's key, independent of its position ([`super::fingerprint::key`]): what
    /// ties a verdict to its decision across classifier versions (an extra key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// 1-based turn of the decision (an extra key; required on `add` and `complete`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<usize>,
    /// The classifier rule of a judged decision (an extra key, for the list of verdicts that
    /// no longer match).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// An added decision's category (an extra key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The evidence of the decision: quoted from the turn for an `add`, copied from the
    /// classifier's decision for a judgement (an extra key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// An `expertise` rating, 1-5; absent when the auditor cannot tell (an extra key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Written from the review queue: this verdict settles a disagreement (an extra key).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub settles: bool,
}

impl Verdict {
    pub(super) fn new(session: &str, decision: &str, verdict: VerdictKind) -> Verdict {
        Verdict {
            session: session.to_owned(),
            decision: decision.to_owned(),
            verdict,
            actor: None,
            kind: None,
            note: None,
            auditor: String::new(),
            at: String::new(),
            undo: false,
            fingerprint: None,
            key: None,
            turn: None,
            rule: None,
            category: None,
            evidence: None,
            level: None,
            settles: false,
        }
    }

    /// The classifier's label is right; `actor`/`kind` repeat it.
    pub fn confirm(session: &str, decision: &str, actor: Actor, kind: Kind) -> Verdict {
        Verdict {
            actor: Some(actor),
            kind: Some(kind),
            ..Verdict::new(session, decision, VerdictKind::Confirm)
        }
    }

    /// The auditor's correction.
    pub fn relabel(session: &str, decision: &str, actor: Actor, kind: Kind) -> Verdict {
        Verdict {
            actor: Some(actor),
            kind: Some(kind),
            ..Verdict::new(session, decision, VerdictKind::Relabel)
        }
    }

    /// Not a decision at all.
    pub fn reject(session: &str, decision: &str) -> Verdict {
        Verdict::new(session, decision, VerdictKind::Reject)
    }

    /// Undo's line for a pair with no earlier verdict: names the pair as `last` did.
    pub(crate) fn retract(last: &Verdict, auditor: &str, at: String) -> Verdict {
        Verdict {
            auditor: auditor.to_owned(),
            at,
            undo: true,
            key: last.key.clone(),
            turn: last.turn,
            ..Verdict::new(&last.session, &last.decision, VerdictKind::Retract)
        }
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Verdict {
        let note = note.into();
        self.note = (!note.trim().is_empty()).then_some(note);
        self
    }

    pub fn with_auditor(mut self, auditor: impl Into<String>) -> Verdict {
        self.auditor = auditor.into();
        self
    }

    /// Ties the verdict to the decision it was given on ([`super::fingerprint`]).
    pub fn with_fingerprint(mut self, fp: Option<String>) -> Verdict {
        self.fingerprint = fp;
        self
    }

    pub fn at(mut self, at: impl Into<String>) -> Verdict {
        self.at = at.into();
        self
    }

    /// Parses and checks one line.
    pub fn from_line(line: &[u8]) -> Result<Verdict, String> {
        let v: Verdict = serde_json::from_slice(line).map_err(|e| json_reason(&e))?;
        v.check()?;
        Ok(v)
    }

    /// What a line must hold beyond its types: ids, and a relabel's correction.
    pub fn check(&self) -> Result<(), String> {
        if self.session.is_empty() || self.decision.is_empty() {
            return Err("empty `session` or `decision`".into());
        }
        if self.verdict == VerdictKind::Relabel && (self.actor.is_none() || self.kind.is_none()) {
            return Err("a relabel needs both `actor` and `kind`".into());
        }
        super::forms::check(self)
    }
}

/// The current time as RFC 3339 UTC, to the second: `2026-11-24T10:00:00Z`.
pub fn now_rfc3339() -> String {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    rfc3339(secs)
}

/// Seconds since the Unix epoch as RFC 3339 UTC.
pub fn rfc3339(secs: u64) -> String {
    crate::text::rfc3339_utc(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_matches_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_514_400), "2026-11-24T10:00:00Z");
    }

    #[test]
    fn a_line_serializes_with_the_spec_keys_in_order() {
        let v = Verdict::relabel("s-1", "d3", Actor::Human, Kind::Planning)
            .with_note("user named the approach")
            .with_auditor("ana")
            .at("2026-11-24T10:00:00Z");
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"session":"s-1","decision":"d3","verdict":"relabel","actor":"human","kind":"planning","note":"user named the approach","auditor":"ana","at":"2026-11-24T10:00:00Z"}"#
        );
        assert_eq!(
            Verdict::from_line(serde_json::to_string(&v).unwrap().as_bytes()).unwrap(),
            v
        );
    }

    #[test]
    fn a_relabel_without_its_correction_is_refused() {
        let line = br#"{"session":"s","decision":"d","verdict":"relabel","actor":"human","auditor":"a","at":"x"}"#;
        assert!(Verdict::from_line(line).unwrap_err().contains("relabel"));
        let bad = br#"{"session":"s","decision":"d","verdict":"maybe","auditor":"a","at":"x"}"#;
        assert!(Verdict::from_line(bad).is_err());
    }
}
