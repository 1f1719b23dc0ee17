//! The audit mode's part of `update`: opening the store, building the queue, writing
//! verdicts. Everything about the audit file itself is `crate::audit`'s; a verdict is called
//! saved only once `Store::append` returned Ok.

use crate::audit::queue::{self, Item};
use crate::audit::{
    Store, StoreError, Undone, Verdict, VerdictKind, agreement, by_confidence, by_expertise, inter_auditor, join,
};
use crate::model::{Actor, Kind};

use crate::audit::queue::Order;

use super::super::action::{Action, Mode, Msg};
use super::super::app::App;
use super::super::audit::{Blocked, Field, Figures, ORDERS, Open, Staged, Status};

/// Handles one audit action.
pub fn update(app: &mut App, action: Action) {
    use Action as A;
    match action {
        A::AuditEnter => enter(app),
        A::SetupUp | A::SetupDown => {
            let s = &mut app.audit.setup;
            let i = Field::ALL.iter().position(|&f| f == s.field).unwrap_or(0);
            let d = if matches!(action, A::SetupUp) {
                Field::ALL.len() - 1
            } else {
                1
            };
            s.field = Field::ALL[(i + d) % Field::ALL.len()];
        }
        A::SetupLess | A::SetupMore => {
            let up = matches!(action, A::SetupMore);
            let s = &mut app.audit.setup;
            match s.field {
                Field::Order => {
                    s.order = (s.order + if up { 1 } else { ORDERS.len() - 1 }) % ORDERS.len();
                }
                Field::N if up => s.n = s.n.saturating_add(10),
                Field::N => s.n = s.n.saturating_sub(10).max(1),
                Field::Seed if up => s.seed = s.seed.saturating_add(1),
                Field::Seed => s.seed = s.seed.saturating_sub(1),
                Field::Blind => s.blind = !s.blind,
            }
        }
        A::SetupDigit(c) => {
            let s = &mut app.audit.setup;
            let d = u64::from(c.to_digit(10).unwrap_or(0));
            match s.field {
                Field::N => s.n = s.n.saturating_mul(10).saturating_add(d as usize).min(10_000_000),
                Field::Seed => s.seed = s.seed.saturating_mul(10).saturating_add(d),
                _ => {}
            }
        }
        A::SetupBackspace => {
            let s = &mut app.audit.setup;
            match s.field {
                Field::N => s.n /= 10,
                Field::Seed => s.seed /= 10,
                _ => {}
            }
        }
        A::AuditSetup if app.audit.store.is_some() => app.mode = Mode::AuditSetup,
        A::AuditStart => start(app),
        A::AuditQueued { queue, order, blind } => {
            queued(app, queue, order, blind);
            // The worker has let go of the corpus: batches held back can go in now.
            app.absorb(Vec::new());
        }
        A::AuditReadOnly => read_only(app),
        A::AuditConfirm => confirm(app),
        A::AuditActor(a) => app.audit.staged.actor = Some(a),
        A::AuditKind(k) => app.audit.staged.kind = Some(k),
        A::AuditReject => {
            if let Some((s, d)) = ids(app) {
                commit(app, Verdict::reject(&s, &d), None);
            }
        }
        A::AuditUndo => undo(app),
        A::AuditNext => go(app, app.audit.pos.saturating_add(1)),
        A::AuditPrev => go(app, app.audit.pos.saturating_sub(1)),
        A::NoteStart => app.mode = Mode::AuditNote,
        A::NoteInput(c) => app.audit.note.push(c),
        A::NoteBackspace => {
            app.audit.note.pop();
        }
        A::NoteAccept => {
            app.mode = Mode::Audit;
            if !app.audit.note.trim().is_empty() {
                app.audit.status = Some(Status::Info("note kept: it goes with the next verdict".into()));
            }
        }
        A::NoteCancel => {
            app.audit.note.clear();
            app.mode = Mode::Audit;
        }
        A::AuditAgreement => {
            if app.mode == Mode::Agreement {
                app.mode = if app.audit.store.is_some() && app.audit.started() {
                    Mode::Audit
                } else {
                    Mode::Browse
                };
            } else {
                figures(app);
                app.audit.scroll = 0;
                app.mode = Mode::Agreement;
            }
        }
        _ => {}
    }
}

/// Scrolls the context of the decision in front (or the agreement panel).
pub fn scroll(app: &mut App, d: isize) {
    let s = &mut app.audit.scroll;
    *s = (*s as isize).saturating_add(d).clamp(0, 500) as u16;
}

/// `a`: back to the queue begun, else the setup overlay (opening the store, or saying why not).
fn enter(app: &mut App) {
    let a = &mut app.audit;
    if a.store.is_some() && a.started() {
        app.mode = Mode::Audit;
        return;
    }
    if a.store.is_none() {
        a.blocked = match &a.path {
            Err(why) => Some(Blocked::NoFile(why.clone())),
            Ok(path) => {
                let corpus: Vec<&std::path::Path> = a.corpus_paths.iter().map(|p| p.as_path()).collect();
                match Store::open_beside(path, a.auditor.as_deref(), &corpus) {
                    Ok(store) => {
                        a.store = Some(store);
                        a.read_only = None;
                        None
                    }
                    Err(StoreError::Locked(p)) => Some(Blocked::Locked(p)),
                    Err(e) => Some(Blocked::Failed(e.to_string())),
                }
            }
        };
    }
    app.mode = Mode::AuditSetup;
}

/// Enter in the setup: the queue over the filtered sessions, built on a worker (each
/// session is re-read), or inline without a channel (tests).
fn start(app: &mut App) {
    if app.audit.store.is_none() || app.audit.building {
        return;
    }
    let sessions: Vec<usize> = app.members.iter().map(|&i| i as usize).collect();
    let order = app.audit.setup.order();
    let blind = app.audit.setup.blind;
    let Some(tx) = app.tx.clone() else {
        let queue = queue::build(&app.corpus, &sessions, order);
        queued(app, queue, order, blind);
        return;
    };
    app.audit.building = true;
    let corpus = app.corpus.clone();
    std::thread::spawn(move || {
        let queue = queue::build(&corpus, &sessions, order);
        // Let go of the corpus before reporting, so that loading held back can go on.
        drop(corpus);
        let _ = tx.send(Msg::Act(Action::AuditQueued { queue, order, blind }));
    });
}

/// A queue is ready: start at the first decision with no verdict in force.
fn queued(app: &mut App, q: queue::Queue, order: Order, blind: bool) {
    let a = &mut app.audit;
    a.building = false;
    let Some(log) = a.log() else { return };
    a.pos = queue::resume(&q.items, &app.corpus, log).unwrap_or(q.items.len());
    a.queue = q.items;
    a.queue_errors = q.errors;
    a.order = Some(order);
    a.blind = blind;
    a.staged = Staged::default();
    a.status = Some(Status::Info(if a.queue.is_empty() {
        "no decisions in the filtered sessions: Esc, change the filters, a again".into()
    } else if a.pos > 0 {
        format!("resumed at the first decision not yet audited (#{})", a.pos + 1)
    } else {
        format!("started: {} decisions in the queue", a.queue.len())
    }));
    a.open = None;
    a.scroll = 0;
    // Left meanwhile (Esc): the queue waits for `a`.
    if app.mode == Mode::AuditSetup {
        app.mode = Mode::Audit;
    }
    progress(app);
    load(app);
}

/// `r` in the setup when the file is locked: read it without the lock, agreement only.
fn read_only(app: &mut App) {
    let Some(Blocked::Locked(path)) = &app.audit.blocked else {
        return;
    };
    match crate::audit::AuditLog::read(path) {
        Ok(log) => {
            app.audit.read_only = Some(log);
            figures(app);
            app.audit.scroll = 0;
            app.mode = Mode::Agreement;
        }
        Err(e) => app.audit.blocked = Some(Blocked::Failed(e.to_string())),
    }
}

/// The session and decision ids of the item in front.
fn ids(app: &App) -> Option<(String, String)> {
    let it = app.audit.item()?;
    Some((app.corpus.rows[it.session].id.to_string(), it.decision.clone()))
}

fn confirm(app: &mut App) {
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
fn commit(app: &mut App, v: Verdict, classifier: Option<(Actor, Kind)>) {
    let a = &mut app.audit;
    if a.store.is_none() {
        a.status = Some(Status::Error("the audit file is not open for writing".into()));
        return;
    }
    let v = if a.note.trim().is_empty() {
        v
    } else {
        v.with_note(a.note.clone())
    };
    // Tie the verdict to the decision on screen, not merely to its ids.
    let fp = a
        .decision()
        .map(|(s, ti, d)| crate::audit::fingerprint::fingerprint(s, ti, d));
    let Some(store) = a.store.as_mut() else { return };
    match store.append(v.with_fingerprint(fp)) {
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

fn undo(app: &mut App) {
    let a = &mut app.audit;
    let Some(store) = a.store.as_mut() else { return };
    let (text, key) = match store.undo_last() {
        Ok(Undone::Restored(v)) => (
            format!("undone: {}/{} is back to {}", v.session, v.decision, v.verdict.name()),
            Some((v.session, v.decision)),
        ),
        Ok(Undone::Retracted { session, decision }) => (
            format!("undone: {session}/{decision} is not audited again"),
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

/// Moves to queue item `i` (clamped; `len` is "done"), reading its session if need be.
fn go(app: &mut App, i: usize) {
    let a = &mut app.audit;
    let i = i.min(a.queue.len());
    if i != a.pos {
        a.staged = Staged::default();
        a.scroll = 0;
    }
    a.pos = i;
    load(app);
}

/// Reads the session of the item in front, unless it is the one already open.
fn load(app: &mut App) {
    let Some(row) = app.audit.item().map(|it| it.session) else {
        return;
    };
    if app.audit.open.as_ref().is_some_and(|o| o.row == row) {
        return;
    }
    app.audit.open = Some(Open {
        row,
        session: app.corpus.session(row),
    });
}

/// Counts the queue's items with a verdict in force, and the rejects among them.
fn progress(app: &mut App) {
    let a = &mut app.audit;
    let Some(log) = a.log() else { return };
    let (mut audited, mut rejected) = (0, 0);
    for it in &a.queue {
        if let Some(v) = log.current(&app.corpus.rows[it.session].id, &it.decision) {
            audited += 1;
            rejected += usize::from(v.verdict == VerdictKind::Reject);
        }
    }
    a.audited = audited;
    a.rejected = rejected;
}

/// The agreement panel's figures, all from `crate::audit`.
fn figures(app: &mut App) {
    let a = &mut app.audit;
    let Some(log) = a.log() else {
        a.figures = None;
        return;
    };
    let latest = log.latest();
    let j = join(&app.corpus, &latest);
    let per = log.latest_by_auditor();
    let pj = join(&app.corpus, &per);
    let f = Figures {
        overall: agreement(&j.audited, j.orphans),
        by_expertise: by_expertise(&j.audited),
        by_confidence: by_confidence(&j.audited),
        auditors: inter_auditor(&pj.audited),
        errors: j.errors.len(),
        read_only: a.store.is_none(),
    };
    a.figures = Some(f);
}
