//! Audit mode's screens at 80x24 and large, safe text and colour, and the queue built on a
//! worker.

use ratatui::style::Color;
use serde_json::json;

use crate::audit::VerdictKind;
use crate::corpus::{Source, load_sources};
use crate::tui::action::Mode;
use crate::tui::app::{App, TuiOptions};
use crate::tui::audit::Status;
use crate::tui::{Action as A, update};

use super::audit::{app_with, corpus, file_lines, item, on_disk, opts, snap, started};
use super::fixture::drive;
use super::screens::screen;

#[test]
fn open_audit_screens_at_80x24_and_large() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    let s = screen(&app).0;
    insta::assert_snapshot!("open_80x24", snap(&app, dir.path()));
    assert!(s.contains("PLAN HUMAN goal conf 0.90"), "{s}");
    assert!(s.contains("0 / 7 audited, 0 rejected"), "{s}");
    assert!(s.contains("y confirm"), "the keys are in the footer: {s}");
    update(&mut app, A::AuditConfirm);
    let s = screen(&app).0;
    insta::assert_snapshot!("open_80x24_saved", snap(&app, dir.path()));
    assert!(s.contains("✓ saved confirm s1/d1"), "{s}");
    // The last item quotes its prompt: the evidence is highlighted where it occurs.
    for _ in 0..5 {
        update(&mut app, A::AuditNext);
    }
    update(&mut app, A::Resize(140, 40));
    let (s, buf) = screen(&app);
    insta::assert_snapshot!("open_140x40_evidence", snap(&app, dir.path()));
    assert!(s.contains("rule r-approach-2"), "{s}");
    assert!(
        s.contains("1 ✓ confirm s1/d1 Fix login bug"),
        "the queue, on a wide screen: {s}"
    );
    assert!(s.contains("2 ·         s1/d2"), "{s}");
    let underlined: String = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .map(|c| c.symbol().to_string())
        .collect();
    assert!(
        underlined.contains("Use serde's DeserializerUse serde's Deserializer"),
        "evidence on the card and in the prompt: {underlined}"
    );
}

#[test]
fn no_color_and_no_raw_control_characters_in_audit_screens() {
    let dir = tempfile::tempdir().unwrap();
    let o = TuiOptions {
        no_color: true,
        ..opts(dir.path())
    };
    let mut app = app_with(dir.path(), o, 80, 24);
    drive(&mut app, [A::AuditEnter, A::AuditStart]);
    // s4's decision: its prompt and actions are full of escape sequences.
    for _ in 0..5 {
        update(&mut app, A::AuditNext);
    }
    assert_eq!(item(&app), ("s4".into(), "d1".into()));
    let (s, buf) = screen(&app);
    assert!(s.contains("clear\\x1b[2J screen"), "{s}");
    for cell in buf.content() {
        assert!(cell.fg == Color::Reset && cell.bg == Color::Reset);
        assert!(!cell.symbol().chars().any(|c| c.is_control()), "{:?}", cell.symbol());
    }
    update(&mut app, A::AuditAgreement);
    let (_, buf) = screen(&app);
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

#[test]
fn the_queue_is_built_on_a_worker_and_arrives_over_the_channel() {
    let dir = tempfile::tempdir().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let src = Source::open(&corpus(dir.path())).unwrap();
    let mut app = App::new(vec![src], opts(dir.path()), Some(tx));
    let mut batches = Vec::new();
    load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
    update(&mut app, A::Loaded(batches));
    drive(&mut app, [A::LoadFinished(Ok(())), A::AuditEnter, A::AuditStart]);
    while app.audit.building || app.reports_pending {
        match rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("worker report")
        {
            crate::tui::action::Msg::Act(a) => update(&mut app, a),
            crate::tui::action::Msg::Input(_) => {}
        }
    }
    assert_eq!(app.mode, Mode::Audit);
    assert_eq!(app.audit.queue.len(), 7);
    assert_eq!(item(&app), ("s1".into(), "d1".into()));
    update(&mut app, A::AuditConfirm);
    assert_eq!(on_disk(dir.path(), "s1", "d1").unwrap().0, VerdictKind::Confirm);
}

#[test]
fn a_verdict_the_store_refuses_is_shown_as_not_saved_and_nothing_moves() {
    // A decision with an empty id: the store refuses to write a verdict about it.
    let dir = tempfile::tempdir().unwrap();
    let line = json!({"id": "e1", "title": "Empty decision id", "turns": [
        {"prompt": "p", "decisions": [{"id": "", "kind": "planning", "actor": "agent"}]}]});
    let path = dir.path().join("c.jsonl");
    std::fs::write(&path, line.to_string() + "\n").unwrap();
    let mut app = App::new(vec![Source::open(&path).unwrap()], opts(dir.path()), None);
    update(&mut app, A::Resize(80, 24));
    let mut batches = Vec::new();
    load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
    update(&mut app, A::Loaded(batches));
    drive(&mut app, [A::AuditEnter, A::AuditStart]);
    assert_eq!(app.audit.queue.len(), 1);
    update(&mut app, A::AuditConfirm);
    match &app.audit.status {
        Some(Status::Error(e)) => assert!(e.starts_with("NOT saved"), "{e}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(app.audit.pos, 0, "the decision stays in front");
    assert_eq!(app.audit.audited, 0);
    assert!(file_lines(dir.path()).is_empty());
    let s = screen(&app).0;
    assert!(s.contains("✗ NOT saved"), "{s}");
    assert!(!s.contains("✓ saved"), "{s}");
}
