//! Audit mode's own lines through `update`: the review queue of disagreements (each
//! auditor's verdict side by side, settled by a new line), undoing an added decision, and a
//! turn that cannot be marked complete while a decision in it is unjudged.

use crate::audit::VerdictKind;
use crate::tui::Action as A;
use crate::tui::action::Mode;
use crate::tui::audit::Status;
use crate::tui::audit_add::Hand;
use crate::tui::update;

use super::audit::{app_with, audit_file, corpus, file_lines, item, opts, started};
use super::fixture::drive;
use super::screens::screen;

#[test]
fn the_review_queue_shows_each_verdict_and_a_new_one_settles_it() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    // bob relabels s1/d1 (PLAN HUMAN) as the agent's; joe confirms it; bob confirms s1/d2.
    let lines = [
        r#"{"session":"s1","decision":"d1","verdict":"relabel","actor":"agent","kind":"planning","note":"agent chose","auditor":"bob","at":"2026-11-24T09:00:00Z"}"#,
        r#"{"session":"s1","decision":"d1","verdict":"confirm","actor":"human","kind":"planning","note":null,"auditor":"joe","at":"2026-11-24T09:00:01Z"}"#,
        r#"{"session":"s1","decision":"d2","verdict":"confirm","actor":"agent","kind":"execution","note":null,"auditor":"bob","at":"2026-11-24T09:00:02Z"}"#,
    ];
    std::fs::write(audit_file(dir.path()), lines.join("\n") + "\n").unwrap();
    let mut app = app_with(dir.path(), opts(dir.path()), 100, 40);
    update(&mut app, A::AuditEnter);
    app.audit.setup.order = 5;
    update(&mut app, A::AuditStart);
    assert_eq!(app.audit.queue.len(), 1, "only s1/d1 is disputed");
    assert_eq!(item(&app), ("s1".into(), "d1".into()));
    let s = screen(&app).0;
    assert!(s.contains("side by side"), "{s}");
    assert!(s.contains("bob RELABEL PLAN AGENT · agent chose"), "{s}");
    assert!(s.contains("joe CONFIRM PLAN HUMAN"), "{s}");
    drive(&mut app, [A::AuditActor(crate::model::Actor::Agent), A::AuditConfirm]);
    let l = file_lines(dir.path());
    assert_eq!(l.len(), 4, "settling appends one line");
    assert_eq!(
        (&l[3]["verdict"], &l[3]["settles"], &l[3]["auditor"]),
        (&"relabel".into(), &true.into(), &"ana".into())
    );
    assert_eq!(app.audit.audited, 1);
    // Asked again, nothing is left to settle.
    update(&mut app, A::AuditSetup);
    update(&mut app, A::AuditStart);
    assert!(app.audit.queue.is_empty());
    assert!(matches!(&app.audit.status, Some(Status::Info(m)) if m.contains("nothing to settle")));
}

#[test]
fn an_added_decision_is_undone_and_complete_waits_for_every_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    update(&mut app, A::Hand(Hand::AddStart));
    assert_eq!(app.mode, Mode::AuditAdd);
    let ad = app.audit.adding.as_ref().unwrap();
    assert_eq!(ad.turn, 0);
    drive(
        &mut app,
        [
            A::Hand(Hand::AddKind(crate::model::Kind::Execution)),
            A::Hand(Hand::AddActor(crate::model::Actor::Human)),
            A::Hand(Hand::AddPick(1)),
            A::Hand(Hand::AddSave),
        ],
    );
    assert_eq!(app.mode, Mode::Audit);
    let l = file_lines(dir.path());
    assert_eq!(
        (&l[0]["verdict"], &l[0]["decision"], &l[0]["category"]),
        (&"add".into(), &"m1".into(), &"files".into())
    );
    update(&mut app, A::AuditUndo);
    let l = file_lines(dir.path());
    assert_eq!((&l[1]["verdict"], &l[1]["decision"]), (&"retract".into(), &"m1".into()));
    assert!(matches!(&app.audit.status, Some(Status::Saved(m)) if m.contains("m1 added to s1 is withdrawn")));
    // s1's turn has d1 and d2: complete waits until both are judged.
    update(&mut app, A::Hand(Hand::Complete));
    assert!(matches!(&app.audit.status, Some(Status::Error(m)) if m.contains("judge d1, d2 first")));
    drive(
        &mut app,
        [A::AuditConfirm, A::AuditConfirm, A::AuditPrev, A::Hand(Hand::Complete)],
    );
    let last = file_lines(dir.path()).pop().unwrap();
    assert_eq!(
        (&last["verdict"], &last["decision"]),
        (&"complete".into(), &"turn:1".into())
    );
    let log = crate::audit::AuditLog::read(&audit_file(dir.path())).unwrap();
    let s1 = app.corpus.session(app.corpus.index_of("s1").unwrap()).unwrap();
    assert!(log.is_complete("s1", 1, &crate::audit::fingerprint::of_turn(&s1, 0)));
    assert!(
        !log.is_complete("s1", 1, "fnv1a64:another"),
        "not on another version of the turn"
    );
    assert_eq!(last["fingerprint"], crate::audit::fingerprint::of_turn(&s1, 0).as_str());
    assert_eq!(
        log.current("s1", "turn:1").map(|v| v.verdict),
        Some(VerdictKind::Complete)
    );
}
