//! Audit mode: `update` driven by Actions over a fixture corpus written to a temp dir, with
//! the audit file's contents checked after each step (what the screen calls saved must be
//! in the file), and snapshots of the audit screens.

use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde_json::json;

use crate::audit::{AuditLog, VerdictKind, agreement, join};
use crate::corpus::{Source, load_sources};
use crate::model::{Actor, Kind};
use crate::tui::action::Mode;
use crate::tui::app::{App, TuiOptions};
use crate::tui::audit::{Blocked, Status};
use crate::tui::{Action as A, update};

use super::fixture::{drive, lines};
use super::screens::screen;

/// The browser's fixture plus s6, whose decision quotes its prompt. Queue in order:
/// s1/d1 PLAN HUMAN, s1/d2 EXEC AGENT, s2/d1 PLAN AGENT (ratified), s2/d2 EXEC HUMAN,
/// s3/d1 PLAN AGENT, s4/d1 EXEC HUMAN, s6/q1 PLAN HUMAN.
fn corpus(dir: &Path) -> PathBuf {
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

fn audit_file(dir: &Path) -> PathBuf {
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
fn file_lines(dir: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(audit_file(dir))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (verdict, actor, kind, note) in force for a pair, read back from disk.
/// What a verdict line says: (verdict, actor, kind, note).
type Said = (VerdictKind, Option<Actor>, Option<Kind>, Option<String>);

fn on_disk(dir: &Path, s: &str, d: &str) -> Option<Said> {
    let log = AuditLog::read(&audit_file(dir)).unwrap();
    // Lines are keyed by the decision's key; the test names decisions by id.
    log.latest()
        .into_iter()
        .find(|v| v.session == s && v.decision == d)
        .map(|v| (v.verdict, v.actor, v.kind, v.note.clone()))
}

/// The screen as text, the temp dir's path replaced (same width) so that snapshots are stable.
fn snap(app: &App, dir: &Path) -> String {
    let d = dir.display().to_string();
    // A placeholder of the same width keeps the borders where they are drawn.
    let w = d.chars().count();
    screen(app).0.replace(&d, &format!("{:_<w$}", "/TMP"))
}

pub(super) fn item(app: &App) -> (String, String) {
    let it = app.audit.item().unwrap();
    (app.corpus.rows[it.session].id.to_string(), it.decision.clone())
}

fn saved(app: &App) -> String {
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
