//! Reading a session: the response pane (folded, unfolded) and the header at 80×24 and
//! 160×45, the skipped-lines note; snapshots on a TestBackend.

use crate::corpus::{Source, load_sources};
use crate::tui::app::{App, TuiOptions};
use crate::tui::{Action as A, update};

use super::fixture::drive;
use super::screens::screen;

const LINES: [&str; 3] = [
    r#"{"id":"r1","title":"Make the exporter stream rows instead of building the whole file","project":"billing-api","started_at":"2026-03-03T09:15:00Z","model":"claude-sonnet-4-5","origin":"claude","expertise":4,"mode":"fix","outcome":"verified_success","turns":[{"prompt":"The CSV export runs out of memory on big accounts. Stream it.","response":"I changed the exporter to write rows as they are read.\nThe endpoint now streams with chunked encoding.\nMemory stays flat at 40 MB on the 2 GB account.\nTests: cargo test export passes.","actions":[{"tool":"Edit","target":"/home/ana/billing-api/src/export.rs","ok":true},{"tool":"Bash","target":"cargo test export","ok":true}],"decisions":[{"id":"d1","kind":"planning","actor":"human","category":"goal","summary":"user sets the goal: stream the export","evidence":"Stream it.","confidence":0.9}]}]}"#,
    r#"{"id":"r2","title":"Second","turns":[]}"#,
    "this line is not json",
];

fn app_sized(w: u16, h: u16) -> App {
    let src = Source::memory("<reading>", (LINES.join("\n") + "\n").into_bytes());
    let mut app = App::new(vec![src], TuiOptions::default(), None);
    update(&mut app, A::Resize(w, h));
    let mut batches = Vec::new();
    load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
    update(&mut app, A::Loaded(batches));
    update(&mut app, A::LoadFinished(Ok(())));
    app
}

#[test]
fn response_pane_folded_and_unfolded_at_80x24() {
    let mut app = app_sized(80, 24);
    drive(&mut app, [A::Open, A::Down, A::Down, A::Down]);
    let (s, _) = screen(&app);
    insta::assert_snapshot!("response_folded_80x24", s);
    assert!(s.contains("(2 of 4 lines · w shows all)"), "{s}");
    assert!(!s.contains("Memory stays flat"), "folded: {s}");
    drive(&mut app, [A::FoldResponse, A::Down, A::Down, A::Down, A::Down, A::Down]);
    let (s, _) = screen(&app);
    insta::assert_snapshot!("response_open_80x24", s);
    assert!(s.contains("Memory stays flat"), "{s}");
}

#[test]
fn header_wraps_and_response_shows_at_160x45() {
    let mut app = app_sized(160, 45);
    drive(&mut app, [A::FoldResponse]);
    let (s, _) = screen(&app);
    insta::assert_snapshot!("reading_160x45", s);
    // The header wraps rather than cutting, and says where the session is and what was skipped.
    assert!(s.contains("verified_success"), "{s}");
    assert!(s.contains("id r1 · <reading>:1"), "{s}");
    assert!(s.contains("note: 1 corpus line was skipped"), "{s}");
    assert!(s.contains("claude-sonnet-4-5 · from"), "the origin: {s}");
    // The path is shown relative to the project.
    assert!(s.contains("Edit src/export.rs"), "{s}");
    // The list's columns: started, project, model.
    assert!(s.contains("2026-03-03 billing-api"), "{s}");
}
