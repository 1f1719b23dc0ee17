//! `E` in the browser, through the real binary in a pseudo-terminal: the filtered view lands
//! in a CSV file named in the footer, neutralised for spreadsheets; with the turn view
//! focused, the open session's decisions do.

mod support;

use support::export::{TRICKY, file, read_rows};
use support::pty::Term;

/// The file name after "to " in the footer's export message.
fn exported_to(screen: &str) -> String {
    let line = screen.lines().find(|l| l.contains("exported ")).unwrap();
    line.split(" to ").nth(1).unwrap().trim().to_owned()
}

#[test]
fn e_exports_the_filtered_sessions_then_the_open_sessions_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = file(dir.path(), "c.jsonl", TRICKY);
    let mut t = Term::spawn(&[corpus.to_str().unwrap()], 160, 45, dir.path());
    t.wait("the corpus loaded", |s| {
        s.lines().next().unwrap_or("").trim() == "leash 4 sessions"
    });
    // The facet overlay's first filter (expertise novice) leaves one session.
    t.send(b"f");
    t.wait_for("novice");
    t.send(b" ");
    t.press("Esc");
    t.wait("the filter applied", |s| {
        s.lines().next().unwrap_or("").contains("1 session of 4")
    });
    t.send(b"E");
    let screen = t.wait_for("exported 1 session(s) of the filtered view to leash-sessions-");
    let name = exported_to(&screen);
    assert!(name.ends_with(".csv"), "{name}");
    let path = dir.path().join(&name);
    let rows = read_rows(&path);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0]["session_id"].as_str(), rows[0]["expertise_name"].as_str()),
        (Some("t1"), Some("novice"))
    );
    let raw = std::fs::read_to_string(&path).unwrap();
    assert!(
        raw.contains(r#""'=HYPERLINK(""http://x"")""#),
        "the title cannot run as a formula: {raw}"
    );
    // Enter focuses the turn view: E then exports the open session's decisions.
    t.press("Enter");
    t.wait_for("▶ turn");
    t.send(b"E");
    let screen = t.wait_for("exported 3 decision(s) of this session to leash-decisions-t1.csv");
    let rows = read_rows(&dir.path().join(exported_to(&screen)));
    let ids: Vec<&str> = rows.iter().map(|r| r["decision_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["d1", "d2", "d3"]);
    // Again: a new file, the first one kept.
    t.send(b"E");
    t.wait_for("to leash-decisions-t1-2.csv");
    assert_eq!(read_rows(&dir.path().join("leash-decisions-t1.csv")).len(), 3);
    t.send(b"q");
    assert!(t.wait_exit());
}
