//! Audit mode as people use it: typed numbers replace a field, the queue "in order" follows
//! the list's order, the status line gives way when it no longer applies.

use crate::tui::Action as A;
use crate::tui::action::SortKey;
use crate::tui::audit::Field;

use super::audit::{app_with, item, opts, started};
use super::fixture::drive;

#[test]
fn typing_a_number_replaces_the_field_then_appends() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), opts(dir.path()), 80, 24);
    drive(&mut app, [A::AuditEnter, A::SetupDown]);
    assert_eq!(app.audit.setup.field, Field::N);
    assert_eq!(app.audit.setup.n, 200);
    drive(&mut app, [A::SetupDigit('5'), A::SetupDigit('0')]);
    assert_eq!(app.audit.setup.n, 50, "not 20050");
    drive(&mut app, [A::SetupBackspace, A::SetupDigit('7')]);
    assert_eq!(app.audit.setup.n, 57, "editing goes on after a backspace");
    drive(&mut app, [A::SetupDown, A::SetupDigit('9')]);
    assert_eq!(app.audit.setup.seed, 9, "a new field starts over");
}

#[test]
fn in_order_follows_the_lists_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), opts(dir.path()), 80, 24);
    // Title order: "Add parser tests" (s2) comes first.
    while app.sort != SortKey::Title {
        drive(&mut app, [A::CycleSort]);
    }
    drive(&mut app, [A::AuditEnter, A::AuditStart]);
    assert_eq!(item(&app), ("s2".to_string(), "d1".to_string()));
}

#[test]
fn the_status_line_clears_when_the_auditor_moves_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    drive(&mut app, [A::AuditConfirm]);
    assert!(app.audit.status.is_some(), "saved is said");
    drive(&mut app, [A::AuditNext]);
    assert!(app.audit.status.is_none(), "it was about the decision left");
    drive(&mut app, [A::AuditConfirm, A::AuditActor(crate::model::Actor::Human)]);
    assert!(app.audit.status.is_none(), "choosing a label starts the next verdict");
}

#[test]
fn end_stops_at_the_contexts_last_line_and_up_moves_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    let _ = super::screens::screen(&app);
    drive(&mut app, [A::Bottom]);
    let max = app.audit.scroll_max.get();
    assert!(max < 100, "the view measured the context: {max}");
    assert_eq!(app.audit.scroll, max);
    let (s, _) = super::screens::screen(&app);
    assert!(
        s.contains("▌the agent's actions"),
        "the end of the context is in view:\n{s}"
    );
    drive(&mut app, [A::Up]);
    assert_eq!(app.audit.scroll, max.saturating_sub(1));
}
