//! Writing verdicts: confirm, relabel, reject, with the note kept; and undo. A verdict is
//! called saved only once `Store::append` returned Ok.

use crate::audit::queue::Item;
use crate::audit::{Undone, Verdict};
use crate::model::{Actor, Kind};

use super::super::super::app::App;
use super::super::super::audit::Status;
use super::nav::{go, progress};

/// The session and decision ids of the item in front.
pub(super) fn ids(app: &App) -> Option<(String, String)> {
    let it = app.audit.item()?;
    Some((app.corpus.rows[it.session].id.to_string(), it.decision.clone()))
}

/// Said when a verdict key is pressed on the turn itself (a queue of whole turns).
const NO_DECISION: &str =
    "the classifier found no decision in this turn: + adds what it missed, c marks the turn complete";

pub(super) fn confirm(app: &mut App) {
    if app.audit.item().is_some_and(|it| it.is_turn()) {
        app.audit.status = Some(Status::Info(NO_DECISION.into()));
        return;
    }
    let Some((sid, did)) = ids(app) else { return };
    let Some((_, _, d)) = app.audit.decision() else {
        let why = match app.audit.open.as_ref().map(|o| &o.session) {
            Some(Err(e)) => e.clone(),
            _ => format!("decision {did} is not in session {sid} any more"),
        };
        app.audit.status = Some(Status::Error(why));
        return;
    };
    let (ca, ck) = (d.actor, d.kind);
    let st = app.audit.staged;
    if app.audit.blind && (st.actor.is_none() || st.kind.is_none()) {
        app.audit.status = Some(Status::Info(
            "blind: say who decided (h human / g agent) and what (p planning / e execution), then Enter".into(),
        ));
        return;
    }
    let (actor, kind) = (st.actor.unwrap_or(ca), st.kind.unwrap_or(ck));
    let v = if (actor, kind) == (ca, ck) {
        Verdict::confirm(&sid, &did, actor, kind)
    } else {
        Verdict::relabel(&sid, &did, actor, kind)
    };
    commit(app, v, Some((ca, ck)));
}

/// Writes a verdict (with the note kept), then moves on; on an error nothing is claimed.
pub(super) fn commit(app: &mut App, v: Verdict, classifier: Option<(Actor, Kind)>) {
    let a = &mut app.audit;
    if a.item().is_some_and(|it| it.is_turn()) {
        a.status = Some(Status::Info(NO_DECISION.into()));
        return;
    }
    if a.store.is_none() {
        a.status = Some(Status::Error("the audit file is not open for writing".into()));
        return;
    }
    let v = if a.note.trim().is_empty() {
        v
    } else {
        v.with_note(a.note.clone())
    };
    // From the review queue, the verdict settles the disagreement.
    let v = Verdict {
        settles: a.order == Some(crate::audit::queue::Order::Disagreements),
        ..v
    };
    // Tie the verdict to the decision on screen (by key), not merely to its ids.
    let v = match a.decision() {
        Some((s, ti, d)) => crate::audit::judgement(s, ti, d, v),
        None => v,
    };
    let Some(store) = a.store.as_mut() else { return };
    match store.append(v) {
        Ok(v) => {
            a.note.clear();
            a.status = Some(Status::Saved(saved_text(&v, classifier, a.blind)));
            progress(app);
            go(app, app.audit.pos + 1);
        }
        Err(e) => a.status = Some(Status::Error(format!("NOT saved: {e}"))),
    }
}

fn label(a: Actor, k: Kind) -> String {
    format!("{} {}", a.name().to_uppercase(), k.name().to_uppercase())
}

/// What the status line says once a verdict is on disk; in blind mode it reveals the label.
fn saved_text(v: &Verdict, classifier: Option<(Actor, Kind)>, blind: bool) -> String {
    let what = format!("{} {}/{}", v.verdict.name(), v.session, v.decision);
    let note = if v.note.is_some() { " (with note)" } else { "" };
    match (blind, classifier, v.actor.zip(v.kind)) {
        (true, Some((ca, ck)), Some((a, k))) => {
            let agree = match (a == ca, k == ck) {
                (true, true) => "you agree".to_owned(),
                (false, false) => "you disagree on both".to_owned(),
                (true, false) => "you disagree on the kind".to_owned(),
                (false, true) => "you disagree on the actor".to_owned(),
            };
            format!(
                "saved {what}{note}: you {} · classifier {} · {agree}",
                label(a, k),
                label(ca, ck)
            )
        }
        _ => format!("saved {what}{note}"),
    }
}

pub(super) fn undo(app: &mut App) {
    let a = &mut app.audit;
    let Some(store) = a.store.as_mut() else { return };
    let (text, key) = match store.undo_last() {
        Ok(Undone::Restored(v)) => (
            match v.verdict {
                crate::audit::VerdictKind::Expertise => format!(
                    "undone: the expertise of {} is rated {} again",
                    v.session,
                    v.level.map_or("cannot tell", |l| crate::model::expertise_name(Some(l)))
                ),
                _ => format!("undone: {}/{} is back to {}", v.session, v.decision, v.verdict.name()),
            },
            Some((v.session.clone(), v.decision.clone())),
        ),
        Ok(Undone::Retracted { session, decision }) => (
            match decision.strip_prefix("turn:") {
                Some(n) => format!("undone: turn {n} of {session} is not complete again"),
                None if decision == crate::audit::forms::EXPERTISE_ID => {
                    format!("undone: {session} has no expertise rating again")
                }
                None if decision
                    .strip_prefix(crate::audit::forms::ADDED_PREFIX)
                    .is_some_and(|n| n.parse::<u64>().is_ok()) =>
                {
                    format!("undone: the decision {decision} added to {session} is withdrawn")
                }
                None => format!("undone: {session}/{decision} is not audited again"),
            },
            Some((session, decision)),
        ),
        Ok(Undone::Nothing) => {
            a.status = Some(Status::Info("nothing of yours to undo in this sitting".into()));
            return;
        }
        Err(e) => {
            a.status = Some(Status::Error(format!("undo NOT saved: {e}")));
            return;
        }
    };
    a.status = Some(Status::Saved(text));
    progress(app);
    // Go back to the decision undone, when it is in the queue.
    if let Some((s, d)) = key {
        let corpus = &app.corpus;
        if let Some(i) = app
            .audit
            .queue
            .iter()
            .position(|it: &Item| it.decision == d && *corpus.rows[it.session].id == *s)
        {
            go(app, i);
        }
    }
}
