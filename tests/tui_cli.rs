//! `leash PATH...` (the browser's entry): an unreadable path is one line on stderr and
//! exit 2, before the terminal is touched.

use assert_cmd::Command;

#[test]
fn a_missing_corpus_is_one_line_and_exit_2() {
    let out = Command::cargo_bin("leash")
        .unwrap()
        .arg("/definitely/not/here.jsonl")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "leash: /definitely/not/here.jsonl: no such file\n");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_folder_is_refused_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("leash").unwrap().arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.ends_with("holds no v1 corpus or Claude Code / Codex transcript\n"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}
