//! The auditor's own lines: a decision the classifier missed, a turn marked complete, the
//! session's expertise rated. Each is appended like a verdict and called saved only once
//! `Store::append` returned Ok; `u` undoes them like any verdict.

use crate::audit::forms::{Missed, next_added_id};
use crate::audit::{Target, Verdict, VerdictKind};

use super::super::super::action::Mode;
use super::super::super::app::App;
use super::super::super::audit::Status;
use super::super::super::audit_add::{Adding, Hand, categories};
use super::nav::{go, progress};

pub(super) fn hand(app: &mut App, h: Hand) {
    match h {
        Hand::AddStart => start(app),
        Hand::AddKind(k) => with(app, |a| {
            if a.kind != Some(k) {
                a.category = 0;
            }
            a.kind = Some(k);
        }),
        Hand::AddActor(x) => with(app, |a| a.actor = Some(x)),
        Hand::AddCategory(next) => with(app, |a| {
            let n = categories(a.kind).len();
            a.category = (a.category + if next { 1 } else { n - 1 }) % n;
        }),
        Hand::AddPick(d) => with(app, |a| {
            let last = a.candidates.len().saturating_sub(1) as isize;
            a.pick = (a.pick as isize).saturating_add(d).clamp(0, last) as usize;
        }),
        Hand::AddSave => save(app),
        Hand::Complete => complete(app),
        Hand::RateStart if app.audit.item().is_some() => {
            app.mode = Mode::AuditRate;
            app.audit.status = Some(Status::Info(
                "rate the session's expertise: 1 novice · 2 beginner · 3 intermediate · 4 advanced · 5 expert · 0 cannot tell · Esc cancels".into(),
            ));
        }
        Hand::RateStart => {}
        Hand::Rate(level) => rate(app, level),
    }
}

/// Esc in the add overlay or the rating prompt: back to the decision, nothing written.
pub fn cancel(app: &mut App) {
    app.audit.adding = None;
    app.audit.status = None;
    app.mode = Mode::Audit;
}

fn with(app: &mut App, f: impl FnOnce(&mut Adding)) {
    if let Some(a) = app.audit.adding.as_mut() {
        f(a);
    }
}

/// The session id and the 0-based turn of the decision in front, once its session is read.
fn turn_in_front(app: &App) -> Option<(usize, String, usize)> {
    let (s, ti) = app.audit.turn()?;
    Some((app.audit.item()?.session, s.id.clone(), ti))
}

fn start(app: &mut App) {
    let Some((row, _, ti)) = turn_in_front(app) else { return };
    let Some((s, _)) = app.audit.turn() else { return };
    let adding = Adding::new(row, ti, &s.turns[ti]);
    if adding.candidates.is_empty() {
        app.audit.status = Some(Status::Error("this turn has nothing to quote as evidence".into()));
        return;
    }
    app.audit.adding = Some(adding);
    app.audit.status = None;
    app.mode = Mode::AuditAdd;
}

/// Appends a line with the note kept; `Ok` once it is on disk.
fn append(app: &mut App, v: Verdict) -> Result<Verdict, String> {
    let a = &mut app.audit;
    let Some(store) = a.store.as_mut() else {
        return Err("the audit file is not open for writing".into());
    };
    let v = if a.note.trim().is_empty() {
        v
    } else {
        v.with_note(a.note.clone())
    };
    let v = store.append(v).map_err(|e| format!("NOT saved: {e}"))?;
    a.note.clear();
    Ok(v)
}

fn save(app: &mut App) {
    let Some(ad) = app.audit.adding.clone() else { return };
    let (Some(kind), Some(actor)) = (ad.kind, ad.actor) else {
        app.audit.status = Some(Status::Info(
            "say what was decided (p planning / e execution) and who decided (h human / g agent), then Enter".into(),
        ));
        return;
    };
    let Some(ev) = ad.candidates.get(ad.pick) else { return };
    let sid = app.corpus.rows[ad.row].id.to_string();
    let Some(log) = app.audit.log() else { return };
    let used: Vec<String> = log
        .latest()
        .into_iter()
        .filter(|v| v.session == sid && v.verdict == VerdictKind::Add)
        .map(|v| v.decision.clone())
        .collect();
    let id = next_added_id(used.iter().map(String::as_str));
    let m = Missed {
        id: &id,
        turn: ad.turn + 1,
        actor,
        kind,
        category: ad.category(),
        evidence: &ev.text,
    };
    let fp = app
        .audit
        .turn()
        .map(|(s, _)| crate::audit::fingerprint::of_turn(s, ad.turn));
    match append(app, Verdict::add(&sid, &m).with_fingerprint(fp)) {
        Ok(_) => {
            app.audit.adding = None;
            app.mode = Mode::Audit;
            app.audit.status = Some(Status::Saved(format!(
                "added {id} to turn {}: {} {} {} “{}” (c marks the turn complete)",
                ad.turn + 1,
                kind.name(),
                actor.name(),
                ad.category(),
                crate::text::clean(&ev.text.chars().take(60).collect::<String>())
            )));
        }
        Err(e) => app.audit.status = Some(Status::Error(e)),
    }
}

/// The classifier's decisions of the turn in front that have no verdict in force.
fn unjudged(app: &App) -> Vec<String> {
    let (Some((s, ti)), Some(log)) = (app.audit.turn(), app.audit.log()) else {
        return Vec::new();
    };
    s.turns[ti]
        .decisions
        .iter()
        .filter(|d| log.current_of(&s.id, &Target::of(s, ti, d)).is_none())
        .map(|d| d.id.clone())
        .collect()
}

fn complete(app: &mut App) {
    let Some((_, sid, ti)) = turn_in_front(app) else { return };
    let left = unjudged(app);
    if !left.is_empty() {
        app.audit.status = Some(Status::Error(format!(
            "turn {} is not complete: judge {} first (y confirm, h/g p/e relabel, x reject)",
            ti + 1,
            left.join(", ")
        )));
        return;
    }
    let fp = app.audit.turn().map(|(s, _)| crate::audit::fingerprint::of_turn(s, ti));
    match append(app, Verdict::complete(&sid, ti + 1).with_fingerprint(fp)) {
        Ok(_) => {
            app.audit.status = Some(Status::Saved(format!(
                "turn {} of {sid} complete: it counts in recall and precision, and goes into a gold export",
                ti + 1
            )));
            progress(app);
            // On the turn itself (a queue of whole turns), go on to the next turn.
            if app.audit.item().is_some_and(|it| it.is_turn()) {
                go(app, app.audit.pos + 1);
            }
        }
        Err(e) => app.audit.status = Some(Status::Error(e)),
    }
}

fn rate(app: &mut App, level: Option<u8>) {
    app.mode = Mode::Audit;
    let Some((_, sid, _)) = turn_in_front(app) else { return };
    let fp = app.audit.turn().map(|(s, _)| crate::audit::fingerprint::of_turn(s, 0));
    match append(app, Verdict::expertise(&sid, level).with_fingerprint(fp)) {
        Ok(_) => {
            let said = crate::model::expertise_name(level);
            let said = if level.is_none() { "cannot tell" } else { said };
            app.audit.status = Some(Status::Saved(format!("expertise of {sid} rated: {said}")));
        }
        Err(e) => app.audit.status = Some(Status::Error(e)),
    }
}
