//! Moving through the queue, reading sessions as needed, and the figures it shows.

use crate::audit::queue::Order;
use crate::audit::stats::Stats;
use crate::audit::{VerdictKind, join, join_per_auditor};

use super::super::super::app::App;
use super::super::super::audit::{Figures, Open, Staged};

/// Moves to queue item `i` (clamped; `len` is "done"), reading its session if need be.
pub(super) fn go(app: &mut App, i: usize) {
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
pub(super) fn load(app: &mut App) {
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
pub(super) fn progress(app: &mut App) {
    let a = &mut app.audit;
    let Some(log) = a.log() else { return };
    let (mut audited, mut rejected) = (0, 0);
    for it in &a.queue {
        // As `audit stats` counts: a verdict given on another corpus (or another version of
        // the decision) does not make the item done.
        // In a review queue, an item is done once a verdict settled it.
        let v = it
            .verdict(&app.corpus, log)
            .filter(|v| v.settles || a.order != Some(Order::Disagreements));
        if let Some(v) = v {
            audited += 1;
            rejected += usize::from(v.verdict == VerdictKind::Reject);
        }
    }
    a.audited = audited;
    a.rejected = rejected;
}

/// The agreement panel's figures, all from `crate::audit` (those of `leash audit stats`).
pub(super) fn figures(app: &mut App) {
    let a = &mut app.audit;
    let Some(log) = a.log() else {
        a.figures = None;
        return;
    };
    let j = join(&app.corpus, &log.latest());
    let pj = join_per_auditor(&app.corpus, &log.latest_by_auditor());
    a.figures = Some(Figures {
        stats: Stats::new(&app.corpus, &j, &pj),
        errors: j.errors.len(),
        read_only: a.store.is_none(),
    });
}
