//! The sidecar's line forms beyond the spec's three verdicts (`docs/audit.md`): a decision
//! the classifier missed (`add`), a turn judged in full (`complete`) and a rating of the
//! session's expertise (`expertise`). Each is one more line of the same append-only file,
//! so latest-wins, undo and locking apply to them unchanged.

use super::verdict::{Verdict, VerdictKind};
use crate::model::{Actor, Kind};

/// The `decision` of a `complete` line: `turn:N` (N 1-based).
pub fn turn_id(turn: usize) -> String {
    format!("turn:{turn}")
}

/// The `decision` of an `expertise` line.
pub const EXPERTISE_ID: &str = "expertise";

/// Ids of added decisions start with this (`m1`, `m2`, …): never one the classifier uses.
pub const ADDED_PREFIX: &str = "m";

/// A decision the classifier missed, in 1-based `turn`, resting on `evidence` (a span quoted
/// from the turn's prompt or response, or an action's target).
pub struct Missed<'a> {
    pub id: &'a str,
    pub turn: usize,
    pub actor: Actor,
    pub kind: Kind,
    pub category: &'a str,
    pub evidence: &'a str,
}

impl Verdict {
    pub fn add(session: &str, m: &Missed) -> Verdict {
        Verdict {
            actor: Some(m.actor),
            kind: Some(m.kind),
            turn: Some(m.turn),
            category: (!m.category.is_empty()).then(|| m.category.to_owned()),
            evidence: Some(m.evidence.to_owned()),
            ..Verdict::new(session, m.id, VerdictKind::Add)
        }
    }

    /// Every decision of 1-based `turn` is judged: the classifier's (confirmed, relabelled
    /// or rejected) and the missed ones (added).
    pub fn complete(session: &str, turn: usize) -> Verdict {
        Verdict {
            turn: Some(turn),
            ..Verdict::new(session, &turn_id(turn), VerdictKind::Complete)
        }
    }

    /// The auditor's rating of the session's expertise: 1-5, or `None` for "cannot tell".
    pub fn expertise(session: &str, level: Option<u8>) -> Verdict {
        Verdict {
            level,
            ..Verdict::new(session, EXPERTISE_ID, VerdictKind::Expertise)
        }
    }

    /// What the line is about within its session, for latest-wins: the decision's key when
    /// it has one (so that verdicts survive a renumbering), else its `decision`.
    pub fn ident(&self) -> &str {
        self.key.as_deref().unwrap_or(&self.decision)
    }
}

/// What the new forms must hold.
pub(super) fn check(v: &Verdict) -> Result<(), String> {
    match v.verdict {
        VerdictKind::Add => {
            if v.actor.is_none() || v.kind.is_none() {
                return Err("an add needs both `actor` and `kind`".into());
            }
            if v.turn.is_none_or(|t| t == 0) {
                return Err("an add needs its `turn` (1-based)".into());
            }
            if v.evidence.as_deref().is_none_or(|e| e.trim().is_empty()) {
                return Err("an add needs its `evidence`".into());
            }
        }
        VerdictKind::Complete if v.turn.is_none_or(|t| t == 0) || v.decision != turn_id(v.turn.unwrap_or(0)) => {
            return Err("a complete needs `turn` (1-based) and `decision` \"turn:<turn>\"".into());
        }
        VerdictKind::Expertise if v.level.is_some_and(|l| !(1..=5).contains(&l)) => {
            return Err("an expertise `level` is 1-5 (absent: cannot tell)".into());
        }
        _ => {}
    }
    Ok(())
}

/// The id for the next decision added to a session: `m` and one more than the largest used.
pub fn next_added_id<'a>(used: impl IntoIterator<Item = &'a str>) -> String {
    let n = used
        .into_iter()
        .filter_map(|d| d.strip_prefix(ADDED_PREFIX)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{ADDED_PREFIX}{}", n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_forms_round_trip_and_are_checked() {
        let m = Missed {
            id: "m1",
            turn: 2,
            actor: Actor::Human,
            kind: Kind::Execution,
            category: "files",
            evidence: "src/a.rs",
        };
        for v in [
            Verdict::add("s", &m),
            Verdict::complete("s", 2),
            Verdict::expertise("s", Some(4)),
            Verdict::expertise("s", None),
        ] {
            let v = v.with_auditor("ana").at("2026-11-24T10:00:00Z");
            let line = serde_json::to_string(&v).unwrap();
            assert_eq!(Verdict::from_line(line.as_bytes()).unwrap(), v, "{line}");
        }
        let bad = [
            r#"{"session":"s","decision":"m1","verdict":"add","actor":"human","kind":"planning","turn":1,"at":"x"}"#,
            r#"{"session":"s","decision":"m1","verdict":"add","actor":"human","evidence":"e","turn":1,"at":"x"}"#,
            r#"{"session":"s","decision":"turn:2","verdict":"complete","turn":3,"at":"x"}"#,
            r#"{"session":"s","decision":"expertise","verdict":"expertise","level":7,"at":"x"}"#,
        ];
        for line in bad {
            assert!(Verdict::from_line(line.as_bytes()).is_err(), "{line}");
        }
    }

    #[test]
    fn added_ids_never_repeat() {
        assert_eq!(next_added_id([]), "m1");
        assert_eq!(next_added_id(["d1", "m2", "m10", "mx"]), "m11");
    }
}
