//! Audit mode: `update` driven by Actions over a fixture corpus written to a temp dir, with
//! the audit file's contents checked after each step (what the screen calls saved must be
//! in the file), and snapshots of the audit screens.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::audit::{AuditLog, VerdictKind};
use crate::corpus::{Source, load_sources};
use crate::model::{Actor, Kind};
use crate::tui::action::Mode;
use crate::tui::app::{App, TuiOptions};
use crate::tui::audit::Status;
use crate::tui::{Action as A, update};

use super::fixture::{drive, lines};
use super::screens::screen;

/// The browser's fixture plus s6, whose decision quotes its prompt. Queue in order:
/// s1/d1 PLAN HUMAN, s1/d2 EXEC AGENT, s2/d1 PLAN AGENT (ratified), s2/d2 EXEC HUMAN,
/// s3/d1 PLAN AGENT, s4/d1 EXEC HUMAN, s6/q1 PLAN HUMAN.
pub(super) fn corpus(dir: &Path) -> PathBuf {
    let mut l = lines();
    l.push(
        json!({"id": "s6", "title": "Quoted evidence", "expertise": 5, "turns": [
            {"prompt": "Make the parser streaming.\nUse serde's Deserializer, not a DOM.",
             "actions": [{"tool": "Read", "target": "src/parse.rs", "ok": true}],
             "decisions": [{"id": "q1", "kind": "planning", "actor": "human", "category": "approach",
                            "summary": "user named the library", "evidence": "Use serde's Deserializer",
                            "confidence": 0.62, "rule": "r-approach-2"}]}]})
        .to_string(),
    );
    let path = dir.join("c.jsonl");
    std::fs::write(&path, l.join("\n") + "\n").unwrap();
    path
}

pub(super) fn audit_file(dir: &Path) -> PathBuf {
    dir.join("c.jsonl.audit.jsonl")
}

pub(super) fn opts(dir: &Path) -> TuiOptions {
    TuiOptions {
        audit_path: Ok(audit_file(dir)),
        auditor: Some("ana".into()),
        corpus_paths: vec![dir.join("c.jsonl")],
        ..TuiOptions::default()
    }
}

pub(super) fn app_with(dir: &Path, opts: TuiOptions, w: u16, h: u16) -> App {
    let src = Source::open(&corpus(dir)).unwrap();
    let mut app = App::new(vec![src], opts, None);
    update(&mut app, A::Resize(w, h));
    let mut batches = Vec::new();
    load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
    update(&mut app, A::Loaded(batches));
    update(&mut app, A::LoadFinished(Ok(())));
    app
}

pub(super) fn started(dir: &Path) -> App {
    let mut app = app_with(dir, opts(dir), 80, 24);
    drive(&mut app, [A::AuditEnter, A::AuditStart]);
    app
}

/// The audit file's lines, parsed.
pub(super) fn file_lines(dir: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(audit_file(dir))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (verdict, actor, kind, note) in force for a pair, read back from disk.
/// What a verdict line says: (verdict, actor, kind, note).
pub(super) type Said = (VerdictKind, Option<Actor>, Option<Kind>, Option<String>);

pub(super) fn on_disk(dir: &Path, s: &str, d: &str) -> Option<Said> {
    let log = AuditLog::read(&audit_file(dir)).unwrap();
    // Lines are keyed by the decision's key; the test names decisions by id.
    log.latest()
        .into_iter()
        .find(|v| v.session == s && v.decision == d)
        .map(|v| (v.verdict, v.actor, v.kind, v.note.clone()))
}

/// The screen as text, the temp dir's path replaced (same width) so that snapshots are stable.
pub(super) fn snap(app: &App, dir: &Path) -> String {
    let d = dir.display().to_string();
    // A placeholder of the same width keeps the borders where they are drawn.
    let w = d.chars().count();
    screen(app).0.replace(&d, &format!("{:_<w$}", "/TMP"))
}

pub(super) fn item(app: &App) -> (String, String) {
    let it = app.audit.item().unwrap();
    (app.corpus.rows[it.session].id.to_string(), it.decision.clone())
}

pub(super) fn saved(app: &App) -> String {
    match &app.audit.status {
        Some(Status::Saved(s)) => s.clone(),
        other => panic!("not saved: {other:?}"),
    }
}

#[test]
fn confirm_relabel_reject_and_note_are_written_before_saved_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), opts(dir.path()), 80, 24);
    update(&mut app, A::AuditEnter);
    assert_eq!(app.mode, Mode::AuditSetup);
    assert!(app.audit.blocked.is_none() && app.audit.store.is_some());
    update(&mut app, A::AuditStart);
    assert_eq!(app.mode, Mode::Audit);
    assert_eq!(app.audit.queue.len(), 7);
    assert_eq!(item(&app), ("s1".into(), "d1".into()));

    update(&mut app, A::AuditConfirm);
    assert!(saved(&app).contains("confirm s1/d1"));
    assert_eq!(
        on_disk(dir.path(), "s1", "d1"),
        Some((VerdictKind::Confirm, Some(Actor::Human), Some(Kind::Planning), None))
    );
    assert_eq!(item(&app), ("s1".into(), "d2".into()), "moved on");

    // s1/d2 is EXEC AGENT: `h` alone relabels the actor, keeping the classifier's kind.
    drive(&mut app, [A::AuditActor(Actor::Human), A::AuditConfirm]);
    assert!(saved(&app).contains("relabel s1/d2"));
    assert_eq!(
        on_disk(dir.path(), "s1", "d2"),
        Some((VerdictKind::Relabel, Some(Actor::Human), Some(Kind::Execution), None))
    );
    assert_eq!(app.audit.staged, Default::default(), "the choice does not carry over");

    // A note goes with the next verdict, here a reject of s2/d1.
    update(&mut app, A::NoteStart);
    assert_eq!(app.mode, Mode::AuditNote);
    drive(&mut app, "a hedge, not a choice".chars().map(A::NoteInput));
    drive(&mut app, [A::NoteAccept, A::AuditReject]);
    assert!(saved(&app).contains("reject s2/d1 (with note)"));
    assert_eq!(
        on_disk(dir.path(), "s2", "d1"),
        Some((VerdictKind::Reject, None, None, Some("a hedge, not a choice".into())))
    );
    assert!(app.audit.note.is_empty());

    // Both axes relabelled on s2/d2 (EXEC HUMAN -> PLAN AGENT).
    drive(
        &mut app,
        [
            A::AuditKind(Kind::Planning),
            A::AuditActor(Actor::Agent),
            A::AuditConfirm,
        ],
    );
    assert_eq!(
        on_disk(dir.path(), "s2", "d2"),
        Some((VerdictKind::Relabel, Some(Actor::Agent), Some(Kind::Planning), None))
    );
    // Choosing the classifier's own label is a confirm, not a relabel.
    drive(&mut app, [A::AuditKind(Kind::Planning), A::AuditConfirm]);
    assert_eq!(on_disk(dir.path(), "s3", "d1").unwrap().0, VerdictKind::Confirm);

    assert_eq!((app.audit.audited, app.audit.rejected), (5, 1));
    let lines = file_lines(dir.path());
    assert_eq!(lines.len(), 5);
    assert!(
        lines
            .iter()
            .all(|l| l["auditor"] == "ana" && l["at"].as_str().unwrap().ends_with('Z'))
    );
    let s = screen(&app).0;
    assert!(s.contains("5 / 7 audited, 1 rejected"), "{s}");
    assert!(s.contains("decision 6 of 7"), "{s}");
}

#[test]
fn undo_appends_and_goes_back_to_the_decision() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    drive(&mut app, [A::AuditConfirm, A::AuditReject]);
    assert_eq!(app.audit.pos, 2);
    update(&mut app, A::AuditUndo);
    assert!(
        saved(&app).contains("s1/d2 is not audited again"),
        "{:?}",
        app.audit.status
    );
    assert_eq!(item(&app), ("s1".into(), "d2".into()));
    assert_eq!(on_disk(dir.path(), "s1", "d2"), None);
    let lines = file_lines(dir.path());
    assert_eq!(lines.len(), 3, "undo appends; nothing is rewritten");
    assert_eq!(lines[2]["verdict"], "retract");
    assert_eq!(app.audit.audited, 1);
    // A second verdict on s1/d1, undone: the first one is in force again.
    drive(&mut app, [A::AuditPrev, A::AuditActor(Actor::Agent), A::AuditConfirm]);
    assert_eq!(on_disk(dir.path(), "s1", "d1").unwrap().0, VerdictKind::Relabel);
    update(&mut app, A::AuditUndo);
    assert!(saved(&app).contains("back to confirm"));
    assert_eq!(on_disk(dir.path(), "s1", "d1").unwrap().0, VerdictKind::Confirm);
    update(&mut app, A::AuditUndo);
    assert_eq!(on_disk(dir.path(), "s1", "d1"), None);
    update(&mut app, A::AuditUndo);
    assert!(matches!(&app.audit.status, Some(Status::Info(s)) if s.contains("nothing")));
}

#[test]
fn skip_and_back_move_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    update(&mut app, A::AuditPrev);
    assert_eq!(app.audit.pos, 0);
    drive(&mut app, [A::AuditNext, A::AuditNext]);
    assert_eq!(item(&app), ("s2".into(), "d1".into()));
    update(&mut app, A::AuditPrev);
    assert_eq!(item(&app), ("s1".into(), "d2".into()));
    for _ in 0..20 {
        update(&mut app, A::AuditNext);
    }
    assert_eq!(app.audit.pos, 7, "past the last item: the end of the queue");
    assert!(screen(&app).0.contains("End of the queue"));
    update(&mut app, A::AuditConfirm);
    assert!(file_lines(dir.path()).is_empty());
}
