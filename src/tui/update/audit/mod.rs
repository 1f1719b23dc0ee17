//! The audit mode's part of `update`: opening the store, building the queue, writing
//! verdicts. Everything about the audit file itself is `crate::audit`'s; a verdict is called
//! saved only once `Store::append` returned Ok.

use crate::audit::Verdict;

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::super::audit::{Field, ORDERS, Status};

mod hand;
mod nav;
mod open;
mod verdict;

pub use hand::cancel as cancel_hand;
use nav::{figures, go};
use open::{enter, queued, read_only, start};
use verdict::{commit, confirm, ids, undo};

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
            s.typing = false;
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
            // The first digit on a field replaces its value; the next ones append.
            let keep = u64::from(s.typing);
            match s.field {
                Field::N => s.n = (s.n as u64 * keep).saturating_mul(10).saturating_add(d).min(10_000_000) as usize,
                Field::Seed => s.seed = (s.seed * keep).saturating_mul(10).saturating_add(d),
                _ => return,
            }
            s.typing = true;
        }
        A::SetupBackspace => {
            let s = &mut app.audit.setup;
            s.typing = true;
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
        A::AuditActor(a) => {
            app.audit.staged.actor = Some(a);
            app.audit.status = None;
        }
        A::AuditKind(k) => {
            app.audit.staged.kind = Some(k);
            app.audit.status = None;
        }
        A::AuditReject => {
            if let Some((s, d)) = ids(app) {
                commit(app, Verdict::reject(&s, &d), None);
            }
        }
        A::AuditUndo => undo(app),
        // Moving on: what the status line said was about the decision left.
        A::AuditNext => {
            app.audit.status = None;
            go(app, app.audit.pos.saturating_add(1));
        }
        A::AuditPrev => {
            app.audit.status = None;
            go(app, app.audit.pos.saturating_sub(1));
        }
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
        A::Hand(h) => hand::hand(app, h),
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
    let max = if app.mode == Mode::Agreement {
        500
    } else {
        app.audit.scroll_max.get().min(500)
    };
    let s = &mut app.audit.scroll;
    *s = (*s as isize).saturating_add(d).clamp(0, max as isize) as u16;
}
