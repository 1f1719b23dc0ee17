//! Audit mode, blind: the label hidden until the auditor commits; resuming; the setup, blind
//! and help screens.

use crate::audit::VerdictKind;
use crate::model::{Actor, Kind};
use crate::tui::action::Mode;
use crate::tui::audit::Status;
use crate::tui::{Action as A, update};

use super::audit::{app_with, file_lines, item, on_disk, opts, saved, snap, started};
use super::fixture::drive;
use super::screens::screen;

#[test]
fn blind_hides_the_label_until_the_auditor_commits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), opts(dir.path()), 80, 24);
    drive(
        &mut app,
        [
            A::AuditEnter,
            A::SetupDown,
            A::SetupDown,
            A::SetupDown,
            A::SetupMore,
            A::AuditStart,
        ],
    );
    assert!(app.audit.blind);
    let s = screen(&app).0;
    assert!(s.contains("label hidden (blind)"), "{s}");
    assert!(
        !s.contains("PLAN HUMAN") && !s.contains("user chose") && !s.contains("0.90"),
        "{s}"
    );
    assert!(s.contains("The login fails with a 500."), "the prompt stays: {s}");
    // Enter alone does not commit: the auditor must say actor and kind.
    update(&mut app, A::AuditConfirm);
    assert!(matches!(&app.audit.status, Some(Status::Info(s)) if s.contains("blind")));
    assert!(file_lines(dir.path()).is_empty());
    update(&mut app, A::AuditActor(Actor::Human));
    update(&mut app, A::AuditConfirm);
    assert!(file_lines(dir.path()).is_empty(), "the kind is still missing");
    drive(&mut app, [A::AuditKind(Kind::Planning), A::AuditConfirm]);
    // s1/d1 is PLAN HUMAN: a match is written as a confirm, and the label is revealed.
    assert_eq!(on_disk(dir.path(), "s1", "d1").unwrap().0, VerdictKind::Confirm);
    assert!(saved(&app).contains("you agree"), "{}", saved(&app));
    // s1/d2 is EXEC AGENT: human planning disagrees on both, written as a relabel.
    drive(
        &mut app,
        [
            A::AuditActor(Actor::Human),
            A::AuditKind(Kind::Planning),
            A::AuditConfirm,
        ],
    );
    assert_eq!(
        on_disk(dir.path(), "s1", "d2"),
        Some((VerdictKind::Relabel, Some(Actor::Human), Some(Kind::Planning), None))
    );
    let msg = saved(&app);
    assert!(
        msg.contains("you HUMAN PLANNING · classifier AGENT EXECUTION · you disagree on both"),
        "{msg}"
    );
    // Back on a judged decision, the label shows, with whether they agreed.
    update(&mut app, A::AuditPrev);
    let s = screen(&app).0;
    assert!(s.contains("EXEC AGENT code"), "{s}");
    assert!(s.contains("(disagrees)"), "{s}");
}

#[test]
fn reopening_resumes_at_the_first_decision_not_audited() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = started(dir.path());
        drive(&mut app, [A::AuditConfirm, A::AuditNext, A::AuditReject]);
        assert_eq!(app.audit.pos, 3);
    } // the store is dropped: its lock goes with it, as when leash exits or is killed.
    let mut app = started(dir.path());
    assert_eq!(item(&app), ("s1".into(), "d2".into()), "the skipped one comes first");
    assert_eq!((app.audit.audited, app.audit.rejected), (2, 1));
    assert!(matches!(&app.audit.status, Some(Status::Info(s)) if s.contains("resumed")));
    // Esc leaves for the browser with the store open; `a` comes back to the same place.
    update(&mut app, A::AuditNext);
    update(&mut app, A::Close);
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.audit.store.is_some());
    update(&mut app, A::AuditEnter);
    assert_eq!(app.mode, Mode::Audit);
    assert_eq!(item(&app), ("s2".into(), "d1".into()));
}

#[test]
fn blind_screen_snapshot_and_help() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), opts(dir.path()), 80, 24);
    drive(&mut app, [A::AuditEnter]);
    insta::assert_snapshot!("setup_80x24", snap(&app, dir.path()));
    drive(
        &mut app,
        [
            A::SetupMore,
            A::SetupDown,
            A::SetupBackspace,
            A::SetupBackspace,
            A::SetupDigit('5'),
        ],
    );
    assert_eq!((app.audit.setup.order, app.audit.setup.n), (1, 25));
    drive(&mut app, [A::SetupDown, A::SetupDown, A::SetupMore, A::AuditStart]);
    assert_eq!(app.audit.queue.len(), 7, "a sample of 25 of 7 is all 7");
    update(&mut app, A::AuditActor(Actor::Agent));
    let s = screen(&app).0;
    insta::assert_snapshot!("blind_80x24", snap(&app, dir.path()));
    assert!(s.contains("your label p/e? AGENT"), "{s}");
    update(&mut app, A::ToggleHelp);
    let s = screen(&app).0;
    insta::assert_snapshot!("audit_help_80x24", snap(&app, dir.path()));
    for (k, _) in crate::tui::keys::AUDIT_HELP {
        assert!(s.contains(k), "{k} missing from the help: {s}");
    }
    update(&mut app, A::Close);
    assert_eq!(app.mode, Mode::Audit, "help returns to the audit");
}
