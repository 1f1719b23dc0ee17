//! The browser as a person drives it: the real `leash` binary in a pseudo-terminal, keys sent
//! as a terminal sends them, assertions on the screen a terminal emulator reads back.

mod support;

use support::pty::Term;

/// The column where the list ends and the turn view begins (the `┐┌` on the panels' top).
fn split(t: &Term) -> Option<u16> {
    let top = t.row(2);
    let at = top.find("┐┌")?;
    Some(top[..at].chars().count() as u16 + 1)
}

/// The list row drawn in reverse video (the selection): (screen row, its text).
fn selected(t: &Term) -> Option<(u16, String)> {
    let w = split(t)?;
    let rows = t.reversed_rows(1, w - 1);
    let r = *rows.iter().find(|&&r| r > 3)?;
    let text: String = t.row(r).chars().skip(1).take(usize::from(w) - 2).collect();
    Some((r, text.trim_end().to_string()))
}

fn selected_row(t: &Term) -> u16 {
    selected(t).map_or(0, |s| s.0)
}

/// The first line of the turn view: the open session's title.
fn turn_title(t: &Term) -> String {
    let w = usize::from(split(t).unwrap_or(0));
    t.row(3)
        .chars()
        .skip(w + 1)
        .collect::<String>()
        .trim_end_matches(['│', ' '])
        .to_string()
}

/// Opens the demo at `cols`×`rows` and waits until all 3000 sessions are in.
fn demo(cols: u16, rows: u16) -> (Term, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let t = Term::spawn(&[], cols, rows, dir.path());
    t.wait("the demo loaded", |s| {
        s.lines().next().unwrap_or("").trim() == "leash 3000 sessions"
    });
    (t, dir)
}

/// Arrows, paging, Home/End move the selection, and the turn view follows it.
fn moves_through_the_list(t: &mut Term) {
    assert_eq!(selected_row(t), 4, "the first session is selected");
    let first = selected(t).unwrap().1;
    t.press("Down");
    t.wait_until("↓ to select the second row", selected_row, |&r| r == 5);
    let second = selected(t).unwrap().1;
    let title = second
        .split('…')
        .next()
        .unwrap()
        .split("  ")
        .next()
        .unwrap()
        .to_string();
    t.wait(&format!("the turn view to show {title:?}"), |_| {
        turn_title(t).starts_with(&title)
    });
    t.press("Up");
    t.wait_until("↑ back to the first row", selected_row, |&r| r == 4);
    t.press("PgDn");
    let paged = t.wait_until(
        "PgDn to move by a page",
        |t| selected(t).unwrap().1,
        |s| *s != first && *s != second,
    );
    t.press("PgUp");
    t.wait_until("PgUp to come back", |t| selected(t).unwrap().1, |s| *s == first);
    t.press("End");
    let last = t.wait_until(
        "End to reach the last",
        |t| selected(t).unwrap().1,
        |s| *s != first && *s != paged,
    );
    t.press("Up");
    t.wait_until("↑ from the last", |t| selected(t).unwrap().1, |s| *s != last);
    t.press("End");
    t.wait_until("End again", |t| selected(t).unwrap().1, |s| *s == last);
    t.press("Home");
    t.wait_until("Home to reach the first", |t| selected(t).unwrap().1, |s| *s == first);
    t.send(b"j");
    t.wait_until("j moves down", selected_row, |&r| r == 5);
    t.send(b"k");
    t.wait_until("k moves up", selected_row, |&r| r == 4);
}

/// Enter focuses the turn view; arrows scroll it; ← → change the turn; q quits cleanly.
fn reads_a_turn_and_quits(t: &mut Term) {
    t.wait_for(" turn 1/");
    t.press("Enter");
    t.press("Down");
    t.wait_for("↕ more");
    t.press("PgDn");
    t.press("Home");
    t.wait_for("· ↓ more");
    assert_eq!(
        selected_row(t),
        4,
        "scrolling the turn view left the list's selection alone"
    );
    t.press("Right");
    t.wait_for(" turn 2/");
    t.press("Left");
    t.wait_for(" turn 1/");
    t.send(b"q");
    assert!(t.wait_exit(), "q exits with success");
    t.wait("the terminal restored", |_| t.restored());
}

#[test]
fn arrows_paging_and_the_turn_view_at_160x45() {
    let (mut t, _dir) = demo(160, 45);
    moves_through_the_list(&mut t);
    reads_a_turn_and_quits(&mut t);
}

#[test]
fn arrows_paging_and_the_turn_view_at_80x24() {
    let (mut t, _dir) = demo(80, 24);
    moves_through_the_list(&mut t);
    reads_a_turn_and_quits(&mut t);
}

/// The count in the header: "N sessions of 3000" when narrowed, else 3000.
fn shown(t: &Term) -> usize {
    let head = t.row(0);
    let mut words = head.split_whitespace().skip(1);
    words.next().and_then(|n| n.parse().ok()).unwrap_or(usize::MAX)
}

#[test]
fn search_and_filters_narrow_and_esc_and_x_undo_them() {
    let (mut t, _dir) = demo(160, 45);
    t.send(b"/");
    t.send(b"login");
    // The matches in the fields come first, then those deeper in the sessions: wait for
    // the second pass to end (the footer stops saying it is looking).
    t.wait("the search done", |s| {
        s.contains("/login") && s.contains("matches  words")
    });
    let n = t.wait_until("the query to narrow the list", shown, |&n| n < 3000);
    t.wait_for(&format!("{n} matches  words"));
    t.press("Down");
    t.wait_until("↓ moves while typing", selected_row, |&r| r == 5);
    t.press("Enter");
    t.press("Esc");
    t.wait_until("Esc to clear the query", shown, |&n| n == 3000);
    t.send(b"f");
    t.wait_for("[ ] 1 novice");
    t.press("Space");
    t.wait_for("[x] 1 novice");
    t.press("Esc");
    let novices = t.wait_until("the facet to narrow the list", shown, |&n| n < 3000);
    assert!(novices > 0, "the demo has novices");
    t.send(b"x");
    t.wait_until("x to clear the facets", shown, |&n| n == 3000);
    t.send(b"?");
    t.wait_for("Home End");
    t.press("Esc");
    t.wait("the help closed", |s| !s.contains("Home End"));
    t.send(b"q");
    assert!(t.wait_exit());
}

#[test]
fn the_window_shrinks_to_80x24_and_the_keys_still_work() {
    let (mut t, _dir) = demo(160, 45);
    t.resize(80, 24);
    t.wait("the list redrawn at 80 columns", |_| split(&t).is_some_and(|w| w < 60));
    t.press("PgDn");
    t.wait_until("PgDn at 80x24", selected_row, |&r| r > 4);
    t.send(b"q");
    assert!(t.wait_exit());
}

#[test]
fn one_decision_audited_is_one_verdict_on_disk_beside_a_temp_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_leash"))
        .args(["generate", "--sessions", "40", "--seed", "3", "-o"])
        .arg(&corpus)
        .status()
        .unwrap();
    assert!(ok.success());
    // At 80x24 the context is taller than its panel: the arrows scroll it.
    let mut t = Term::spawn(&[corpus.to_str().unwrap()], 80, 24, dir.path());
    t.wait_for("leash 40 sessions");
    t.send(b"a");
    t.wait_for("Enter start");
    t.press("Enter");
    t.wait_for("0 / ");
    t.wait_for("▌prompt of turn 1");
    t.press("Down");
    t.wait("↓ to scroll the context", |s| !s.contains("▌prompt of turn 1"));
    t.press("Home");
    t.wait_for("▌prompt of turn 1");
    t.press("PgDn");
    t.wait("PgDn to scroll the context", |s| !s.contains("▌prompt of turn 1"));
    t.press("PgUp");
    t.wait_for("▌prompt of turn 1");
    t.send(b"y");
    t.wait_for("✓ saved confirm");
    t.wait_for("1 / ");
    t.press("Esc");
    t.wait_for("leash 40 sessions");
    t.send(b"q");
    assert!(t.wait_exit());
    let audit = std::fs::read_to_string(dir.path().join("c.jsonl.audit.jsonl")).unwrap();
    let verdicts: Vec<&str> = audit.lines().filter(|l| l.contains("\"confirm\"")).collect();
    assert_eq!(verdicts.len(), 1, "{audit}");
    assert!(verdicts[0].contains("tester"), "the auditor is $USER: {audit}");
}
