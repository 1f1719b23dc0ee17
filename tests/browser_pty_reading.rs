//! Reading a session as a person does, through the real binary in a pseudo-terminal: go to
//! a session by id, find a word in it, copy its id (OSC 52), open it in the pager.

mod support;

use support::pty::Term;

fn loaded(t: &Term) {
    t.wait("the demo loaded", |s| {
        s.lines().next().unwrap_or("").trim() == "leash 3000 sessions"
    });
}

#[test]
fn go_to_an_id_find_in_it_and_copy_the_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(&[], 160, 45, dir.path());
    loaded(&t);
    t.send(b"i");
    t.wait_for("go to session id:");
    t.send(b"s-002050");
    t.press("Enter");
    t.wait_for("went to s-002050");
    t.wait_for("id s-002050 · <demo>:2050");
    // Find inside it: Enter focuses the turn view, / asks, n goes on.
    t.press("Enter");
    t.wait_for("▶ turn");
    t.send(b"/");
    t.wait_for("find in this session:");
    t.send(b"test");
    t.press("Enter");
    t.wait_for("\"test\": match 1 of ");
    t.send(b"n");
    t.wait_for("\"test\": match 2 of ");
    t.send(b"N");
    t.wait_for("\"test\": match 1 of ");
    // Esc ends the find, then gives the focus back to the list.
    t.press("Esc");
    t.wait("the find ended", |s| !s.contains("match 1 of"));
    t.press("Esc");
    t.wait_for("▶ sessions");
    // y i: the id goes to the clipboard, base64 in an OSC 52 sequence ("s-002050").
    t.send(b"y");
    t.wait_for("copy: i session id");
    t.send(b"i");
    t.wait_for("copied the session id");
    assert!(t.wrote(b"\x1b]52;c;cy0wMDIwNTA=\x07"));
    t.send(b"q");
    assert!(t.wait_exit());
}

#[test]
fn o_shows_the_session_in_the_pager_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let pager = dir.path().join("pager.sh");
    let seen = dir.path().join("paged.json");
    std::fs::write(&pager, format!("#!/bin/sh\ncp \"$1\" '{}'\n", seen.display())).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&pager, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut t = Term::spawn_env(&[], 100, 30, dir.path(), &[("PAGER", pager.to_str().unwrap())]);
    loaded(&t);
    t.send(b"o");
    t.wait("the pager ran", |_| seen.exists());
    loaded(&t);
    let paged = std::fs::read_to_string(&seen).unwrap();
    assert!(paged.contains("\"id\": \"s-000001\""), "{paged}");
    t.press("Down");
    t.wait_for("id s-000002");
    t.send(b"q");
    assert!(t.wait_exit());
}

#[test]
fn an_opened_session_says_why_its_expertise_was_estimated() {
    let dir = tempfile::tempdir().unwrap();
    let tree = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/claude-code");
    let mut t = Term::spawn(&[tree], 160, 45, dir.path());
    t.wait_for("leash 7 sessions");
    // "/init" alone on an empty folder: no signal, so no level, and the header says so.
    t.send(b"i");
    t.wait_for("go to session id:");
    t.send(b"1af7fc5e-8455-4414-9ccd-011d40f70b2a");
    t.press("Enter");
    t.wait_for("unknown (?) (est.) — too little to tell: no signal");
    // A session with a level names the signals behind it and how sure the estimate is.
    t.send(b"i");
    t.wait_for("go to session id:");
    t.send(b"session_b");
    t.press("Enter");
    // Opened from the transcripts, it is found in its transcript, not at an ordinal.
    t.wait_for("id session_b · ");
    t.wait_for("edge/session_b.jsonl");
    t.wait("a level with its evidence", |s| {
        s.lines()
            .any(|l| l.contains("(est.) — ") && l.contains(" confidence: ") && !l.contains("unknown"))
    });
    t.send(b"q");
    assert!(t.wait_exit());
}
