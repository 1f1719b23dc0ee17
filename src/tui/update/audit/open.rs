//! Opening audit mode: the store (or why not), the queue built on a worker, read-only.

use std::sync::atomic::AtomicUsize;

use crate::audit::queue::{self, Order};
use crate::audit::{Store, StoreError};

use super::super::super::action::{Action, Mode, Msg};
use super::super::super::app::App;
use super::super::super::audit::{Blocked, Staged, Status};
use super::nav::{figures, load, progress};

/// `a`: back to the queue begun, else the setup overlay (opening the store, or saying why not).
pub(super) fn enter(app: &mut App) {
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
pub(super) fn start(app: &mut App) {
    if app.audit.store.is_none() || app.audit.building {
        return;
    }
    // The list's order: "in order" follows what the user sees (sort and all).
    let sessions: Vec<usize> = app.visible.iter().map(|&i| i as usize).collect();
    let order = app.audit.setup.order();
    let blind = app.audit.setup.blind;
    let Some(tx) = app.tx.clone() else {
        let queue = queue::build(&app.corpus, &sessions, order);
        queued(app, queue, order, blind);
        return;
    };
    app.audit.building = true;
    let built = std::sync::Arc::new([AtomicUsize::new(0), AtomicUsize::new(sessions.len())]);
    app.audit.built = built.clone();
    let corpus = app.corpus.clone();
    std::thread::spawn(move || {
        let queue = super::super::queue::build_counting(&corpus, &sessions, order, &built, &tx);
        // Let go of the corpus before reporting, so that loading held back can go on.
        drop(corpus);
        let _ = tx.send(Msg::Act(Action::AuditQueued { queue, order, blind }));
    });
}

/// A queue is ready: start at the first decision with no verdict in force.
pub(super) fn queued(app: &mut App, q: queue::Queue, order: Order, blind: bool) {
    let a = &mut app.audit;
    a.building = false;
    let Some(log) = a.log() else { return };
    let review = order == Order::Disagreements;
    let items = match review {
        true => queue::disagreements(q.items, &app.corpus, log),
        false => q.items,
    };
    // Every item of a review queue has verdicts: it starts at the first.
    a.pos = match review {
        true => 0,
        false => queue::resume(&items, &app.corpus, log).unwrap_or(items.len()),
    };
    a.queue = items;
    a.queue_errors = q.errors;
    a.order = Some(order);
    a.blind = blind && !review;
    a.staged = Staged::default();
    let turns = order.whole_turns();
    a.status = Some(Status::Info(if a.queue.is_empty() && review {
        "nothing to settle: no decision where auditors disagree with each other or the classifier".into()
    } else if a.queue.is_empty() {
        "no decisions in the filtered sessions: Esc, change the filters, a again".into()
    } else if review {
        format!(
            "{} decisions to settle: each auditor's verdict is on the card; your verdict settles it (a new line)",
            a.queue.len()
        )
    } else if turns {
        format!(
            "{} whole turns ({} items): judge each decision; at the end of each turn, + adds what was missed, c completes it",
            a.queue.iter().filter(|it| it.is_turn()).count(),
            a.queue.len()
        )
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
pub(super) fn read_only(app: &mut App) {
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
