//! Building the audit queue on a worker, a slice of sessions at a time, so that the setup
//! can say how far it got.

use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};

use crate::audit::queue::{self, Order};

use super::super::action::{Action, Msg};

/// `queue::build`, re-reading the sessions a slice at a time so that the screen can say how
/// far it got (a tick is sent after each slice to redraw).
pub(super) fn build_counting(
    corpus: &crate::corpus::Corpus,
    sessions: &[usize],
    order: Order,
    built: &[AtomicUsize; 2],
    tx: &std::sync::mpsc::Sender<Msg>,
) -> queue::Queue {
    let mut all = queue::Queue::default();
    for part in sessions.chunks(sessions.len().div_ceil(50).max(256)) {
        let q = queue::read(corpus, part, order.whole_turns());
        all.items.extend(q.items);
        all.errors.extend(q.errors);
        built[0].fetch_add(part.len(), AtomicOrdering::Relaxed);
        let _ = tx.send(Msg::Act(Action::Tick));
    }
    let items = queue::arrange(corpus, all.items, order);
    queue::Queue {
        items,
        errors: all.errors,
    }
}
