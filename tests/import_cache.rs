//! The import cache never serves a changed file, and keeps what it holds (prompt text) to
//! the user: folder 0700, files 0600.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;

const ROLLOUT: &str = "rollout-2026-02-23T13-19-38-019c8a70-dda7-7f33-98ea-f30553347322.jsonl";

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join(ROLLOUT);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/codex");
    std::fs::copy(fixtures.join(ROLLOUT), &f).unwrap();
    (dir, f)
}

fn import(dir: &Path, f: &Path) -> String {
    let out = cargo_bin_cmd!("leash")
        .args(["import", "-q"])
        .arg(f)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn a_same_size_edit_with_its_mtime_restored_is_read_again() {
    let (dir, f) = setup();
    let first = import(dir.path(), &f);
    assert!(first.contains("da0ba47443"), "{first}");
    let mtime = std::fs::metadata(&f).unwrap().modified().unwrap();
    let edited = std::fs::read_to_string(&f).unwrap().replace("da0ba47443", "da0ba47444");
    std::fs::write(&f, edited).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&f)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert_eq!(std::fs::metadata(&f).unwrap().modified().unwrap(), mtime);
    let second = import(dir.path(), &f);
    assert!(second.contains("da0ba47444"), "served stale: {second}");
}

#[test]
fn the_cache_is_private_to_the_user() {
    let (dir, f) = setup();
    // A cache folder left world-readable by an older leash is made private again.
    let root = dir.path().join("cache/leash").join(leash::import::READER_VERSION);
    std::fs::create_dir_all(&root).unwrap();
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
    import(dir.path(), &f);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(root.parent().unwrap()), 0o700);
    let files: Vec<PathBuf> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(!files.is_empty());
    for p in files {
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
}
