//! leash never writes to a file it reads: `import -o`, `generate -o` and `audit export -o`
//! refuse an output that is an input, a link to one (symbolic or hard), or a symbolic link
//! at all, before anything is truncated.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

fn leash(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("leash").unwrap();
    c.env("XDG_CACHE_HOME", dir.join("cache")).current_dir(dir);
    c
}

/// A small v1 corpus in a scratch folder.
fn corpus(dir: &Path) -> (PathBuf, Vec<u8>) {
    let c = dir.join("c.jsonl");
    leash(dir)
        .args(["generate", "--sessions", "5", "-o"])
        .arg(&c)
        .assert()
        .success();
    let bytes = std::fs::read(&c).unwrap();
    assert!(!bytes.is_empty());
    (c, bytes)
}

fn refused(cmd: &mut Command, what: &str) {
    cmd.assert().code(2).stderr(predicate::str::contains(what));
}

#[test]
fn import_refuses_to_write_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let (c, bytes) = corpus(dir.path());
    refused(
        leash(dir.path()).args(["import", "c.jsonl", "-o", "c.jsonl"]),
        "is one of the inputs",
    );
    // The same file by another name: `./`, a hardlink, standard input.
    refused(
        leash(dir.path()).args(["import", "c.jsonl", "-o", "./c.jsonl"]),
        "is one of the inputs",
    );
    std::fs::hard_link(&c, dir.path().join("hard.jsonl")).unwrap();
    refused(
        leash(dir.path()).args(["import", "c.jsonl", "-o", "hard.jsonl"]),
        "is one of the inputs",
    );
    // `leash import - -o c.jsonl < c.jsonl`: standard input redirected from the output.
    let mut std_cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("leash"));
    std_cmd.args(["import", "-", "-o", "c.jsonl"]).current_dir(dir.path());
    std_cmd.env("XDG_CACHE_HOME", dir.path().join("cache"));
    std_cmd.stdin(std::fs::File::open(&c).unwrap());
    use assert_cmd::assert::OutputAssertExt;
    let out = std_cmd.output().unwrap();
    out.assert()
        .code(2)
        .stderr(predicate::str::contains("is one of the inputs"));
    assert_eq!(std::fs::read(&c).unwrap(), bytes, "the corpus is untouched");
}

#[test]
fn import_refuses_symbolic_links_as_output() {
    let dir = tempfile::tempdir().unwrap();
    let (c, bytes) = corpus(dir.path());
    let rc = dir.path().join("rc");
    std::fs::write(&rc, "keep me\n").unwrap();
    std::os::unix::fs::symlink(&c, dir.path().join("to-corpus.jsonl")).unwrap();
    std::os::unix::fs::symlink(&rc, dir.path().join("to-rc.jsonl")).unwrap();
    for link in ["to-corpus.jsonl", "to-rc.jsonl"] {
        refused(
            leash(dir.path()).args(["import", "c.jsonl", "-o", link]),
            "symbolic link",
        );
    }
    assert_eq!(std::fs::read(&c).unwrap(), bytes);
    assert_eq!(std::fs::read_to_string(&rc).unwrap(), "keep me\n");
}

#[test]
fn import_refuses_a_transcript_of_the_folder_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    std::fs::create_dir(&project).unwrap();
    let name = "1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl";
    std::fs::copy(
        fixtures().join("claude-code/sample-project").join(name),
        project.join(name),
    )
    .unwrap();
    let before = std::fs::read(project.join(name)).unwrap();
    refused(
        leash(dir.path())
            .args(["import", "project", "-o"])
            .arg(project.join(name)),
        "is one of the inputs",
    );
    // Hardlinked from outside the folder.
    std::fs::hard_link(project.join(name), dir.path().join("out.jsonl")).unwrap();
    refused(
        leash(dir.path()).args(["import", "project", "-o", "out.jsonl"]),
        "is one of the inputs",
    );
    assert_eq!(std::fs::read(project.join(name)).unwrap(), before);
    // A new file, even inside the folder, is fine.
    leash(dir.path())
        .args(["import", "project", "-o", "new.jsonl"])
        .assert()
        .success();
}

#[test]
fn import_refuses_the_expertise_map_as_output() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.txt");
    std::fs::write(&map, "Demo = 3\n").unwrap();
    refused(
        leash(dir.path()).arg("import").arg(fixtures().join("codex")).args([
            "--expertise-map",
            "map.txt",
            "-o",
            "map.txt",
        ]),
        "is one of the inputs",
    );
    assert_eq!(std::fs::read_to_string(&map).unwrap(), "Demo = 3\n");
}

#[test]
fn generate_writes_dash_to_stdout_and_refuses_links() {
    let dir = tempfile::tempdir().unwrap();
    let out = leash(dir.path())
        .args(["generate", "--sessions", "2", "-o", "-"])
        .assert()
        .success();
    assert_eq!(String::from_utf8_lossy(&out.get_output().stdout).lines().count(), 2);
    assert!(!dir.path().join("-").exists(), "no file named `-`");
    let rc = dir.path().join("rc");
    std::fs::write(&rc, "keep me\n").unwrap();
    std::os::unix::fs::symlink(&rc, dir.path().join("link.jsonl")).unwrap();
    refused(
        leash(dir.path()).args(["generate", "-o", "link.jsonl"]),
        "symbolic link",
    );
    assert_eq!(std::fs::read_to_string(&rc).unwrap(), "keep me\n");
}

#[test]
fn a_failed_import_leaves_an_existing_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (_, bytes) = corpus(dir.path());
    std::fs::write(dir.path().join("out.jsonl"), &bytes).unwrap();
    leash(dir.path())
        .args(["import", "/no/such/dir", "-o", "out.jsonl"])
        .assert()
        .code(2);
    assert_eq!(std::fs::read(dir.path().join("out.jsonl")).unwrap(), bytes);
}
