//! Audit mode's panels: a locked file offered read-only, no audit file, the agreement panel
//! (its figures those of `crate::audit`), a new queue over new filters, two auditors.

use crate::audit::{AuditLog, agreement, join};
use crate::model::{Actor, Kind};
use crate::tui::action::Mode;
use crate::tui::app::TuiOptions;
use crate::tui::audit::Blocked;
use crate::tui::{Action as A, update};

use super::audit::{app_with, audit_file, corpus, item, opts, snap, started};
use super::fixture::drive;
use super::screens::screen;

#[test]
fn a_locked_file_is_named_and_offered_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = started(dir.path());
    drive(
        &mut first,
        [A::AuditConfirm, A::AuditActor(Actor::Human), A::AuditConfirm],
    );
    let mut second = app_with(dir.path(), opts(dir.path()), 100, 30);
    update(&mut second, A::AuditEnter);
    assert_eq!(second.audit.blocked, Some(Blocked::Locked(audit_file(dir.path()))));
    let s = screen(&second).0;
    insta::assert_snapshot!("locked_setup", snap(&second, dir.path()));
    assert!(s.contains("c.jsonl.audit.jsonl"), "{s}");
    assert!(s.contains("locked"), "{s}");
    assert!(s.contains("read-only"), "{s}");
    update(&mut second, A::AuditStart);
    assert_eq!(second.mode, Mode::AuditSetup, "nothing starts without the lock");
    update(&mut second, A::AuditReadOnly);
    assert_eq!(second.mode, Mode::Agreement);
    let f = second.audit.figures.as_ref().unwrap();
    assert!(f.read_only);
    assert_eq!(
        (
            f.stats.overall.audited,
            f.stats.overall.confirmed,
            f.stats.overall.relabelled
        ),
        (2, 1, 1)
    );
    let s = screen(&second).0;
    insta::assert_snapshot!("agreement_read_only", snap(&second, dir.path()));
    assert!(s.contains("READ-ONLY"), "{s}");
    update(&mut second, A::AuditAgreement);
    assert_eq!(second.mode, Mode::Browse);
}

#[test]
fn without_an_audit_file_the_reason_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let o = TuiOptions {
        audit_path: Err("the built-in demo corpus has no audit file beside it: pass --audit FILE".into()),
        ..TuiOptions::default()
    };
    let mut app = app_with(dir.path(), o, 80, 24);
    update(&mut app, A::AuditEnter);
    assert!(matches!(app.audit.blocked, Some(Blocked::NoFile(_))));
    // The turn view names the corpus file (in the temp dir).
    let s = snap(&app, dir.path());
    insta::assert_snapshot!("no_audit_file", s);
    assert!(
        s.contains("cannot audit: the built-in demo corpus has no audit file"),
        "{s}"
    );
    assert!(s.contains("leash --audit FILE [PATH...]"), "{s}");
    update(&mut app, A::AuditStart);
    assert_eq!(app.mode, Mode::AuditSetup);
    assert!(app.audit.store.is_none());
    update(&mut app, A::Close);
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn the_agreement_panel_shows_the_audit_modules_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    drive(
        &mut app,
        [
            A::AuditConfirm,             // s1/d1 confirm
            A::AuditActor(Actor::Human), // s1/d2 -> HUMAN EXEC
            A::AuditConfirm,
            A::AuditReject,                // s2/d1
            A::AuditConfirm,               // s2/d2 confirm
            A::AuditKind(Kind::Execution), // s3/d1 -> AGENT EXEC
            A::AuditConfirm,
        ],
    );
    update(&mut app, A::AuditAgreement);
    assert_eq!(app.mode, Mode::Agreement);
    let log = AuditLog::read(&audit_file(dir.path())).unwrap();
    let latest = log.latest();
    let j = join(&app.corpus, &latest);
    let f = app.audit.figures.as_ref().unwrap();
    assert_eq!(f.stats.overall, agreement(&j.audited, j.orphans));
    assert_eq!(
        (
            f.stats.overall.audited,
            f.stats.overall.confirmed,
            f.stats.overall.relabelled,
            f.stats.overall.rejected
        ),
        (5, 2, 2, 1)
    );
    let s = screen(&app).0;
    insta::assert_snapshot!("agreement_80x24", snap(&app, dir.path()));
    assert!(s.contains("5 audited: 2 confirmed, 2 relabelled, 1 rejected"), "{s}");
    assert!(s.contains("by expertise"), "{s}");
    assert!(s.contains("by confidence"), "{s}");
    update(&mut app, A::AuditAgreement);
    assert_eq!(app.mode, Mode::Audit);
}

#[test]
fn a_new_queue_follows_the_current_filters_and_esc_in_its_setup_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    update(&mut app, A::AuditConfirm);
    update(&mut app, A::AuditSetup);
    assert_eq!(app.mode, Mode::AuditSetup);
    update(&mut app, A::Close);
    update(&mut app, A::AuditEnter);
    assert_eq!(
        (app.mode, app.audit.pos),
        (Mode::Audit, 1),
        "Esc kept the queue and place"
    );
    // Only experts (s2, s6) now: lowest confidence first puts s6's 0.62 before s2's 0.9s.
    update(&mut app, A::Close);
    super::updates::on_facet(&mut app, crate::tui::app::Facet::Expertise(4), A::FacetToggle);
    drive(&mut app, [A::AuditEnter, A::AuditSetup]);
    for _ in 0..3 {
        update(&mut app, A::SetupMore);
    }
    update(&mut app, A::AuditStart);
    let q: Vec<(String, String)> = app
        .audit
        .queue
        .iter()
        .map(|it| (app.corpus.rows[it.session].id.to_string(), it.decision.clone()))
        .collect();
    assert_eq!(
        q,
        [("s6", "q1"), ("s2", "d1"), ("s2", "d2")].map(|(s, d)| (s.to_string(), d.to_string()))
    );
    assert_eq!(item(&app), ("s6".into(), "q1".into()));
}

#[test]
fn inter_auditor_agreement_shows_when_two_auditors_judged_the_same_decisions() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let bob = [
        r#"{"session":"s1","decision":"d1","verdict":"relabel","actor":"agent","kind":"planning","note":null,"auditor":"bob","at":"2026-11-24T09:00:00Z"}"#,
        r#"{"session":"s1","decision":"d2","verdict":"confirm","actor":"agent","kind":"execution","note":null,"auditor":"bob","at":"2026-11-24T09:00:01Z"}"#,
    ];
    std::fs::write(audit_file(dir.path()), bob.join("\n") + "\n").unwrap();
    let mut app = started(dir.path());
    assert_eq!(app.audit.pos, 2, "resumes after what bob judged");
    drive(&mut app, [A::AuditPrev, A::AuditPrev, A::AuditConfirm, A::AuditConfirm]);
    update(&mut app, A::AuditAgreement);
    let f = app.audit.figures.as_ref().unwrap();
    assert_eq!(f.stats.auditors.len(), 1);
    let p = &f.stats.auditors[0];
    assert_eq!((p.a.as_str(), p.b.as_str(), p.shared), ("ana", "bob", 2));
    let s = screen(&app).0;
    assert!(s.contains("ana / bob"), "{s}");
}
