//! leash only reads the user's data: every subcommand, run over a corpus (with its audit
//! sidecar) and a tree of Claude Code and Codex transcripts, leaves every byte and every
//! mtime of them as it was, and creates nothing among them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use assert_cmd::cargo::cargo_bin_cmd;

type Snapshot = BTreeMap<PathBuf, (Vec<u8>, SystemTime)>;

fn snapshot(root: &Path) -> Snapshot {
    let mut out = Snapshot::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(p) = stack.pop() {
        let meta = std::fs::symlink_metadata(&p).unwrap();
        if meta.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        }
        let bytes = if meta.is_file() {
            std::fs::read(&p).unwrap()
        } else {
            Vec::new()
        };
        out.insert(p, (bytes, meta.modified().unwrap()));
    }
    out
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn no_subcommand_writes_to_the_corpus_or_the_transcripts() {
    let data = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let d = data.path();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    copy_tree(&fixtures.join("claude-code"), &d.join("claude"));
    copy_tree(&fixtures.join("codex"), &d.join("codex"));
    let c = d.join("c.jsonl");
    cargo_bin_cmd!("leash")
        .args(["generate", "--sessions", "30", "-o"])
        .arg(&c)
        .assert()
        .success();
    let first: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&c).unwrap().lines().next().unwrap()).unwrap();
    let verdict = format!(
        r#"{{"session":{},"decision":{},"verdict":"reject","auditor":"ana","at":"2026-01-01T00:00:00Z"}}"#,
        first["id"], first["turns"][0]["decisions"][0]["id"]
    );
    std::fs::write(d.join("c.jsonl.audit.jsonl"), verdict + "\n").unwrap();
    let gz = scratch.path().join("c.jsonl.gz");
    cargo_bin_cmd!("leash")
        .args(["import", "-q"])
        .arg(&c)
        .arg("-o")
        .arg(&gz)
        .assert()
        .success();
    std::fs::copy(&gz, d.join("c2.jsonl.gz")).unwrap();

    let before = snapshot(d);
    let out = scratch.path().join("out");
    let s = |p: &str| d.join(p).into_os_string().into_string().unwrap();
    let o = |p: &str| out.join(p).into_os_string().into_string().unwrap();
    std::fs::create_dir(&out).unwrap();
    let runs: Vec<Vec<String>> = vec![
        vec!["report".into(), s("c.jsonl")],
        vec!["report".into(), s("c2.jsonl.gz"), "--format".into(), "json".into()],
        vec![
            "report".into(),
            s("claude"),
            s("codex"),
            "--format".into(),
            "markdown".into(),
        ],
        vec!["import".into(), s("claude"), s("codex"), "-o".into(), o("all.jsonl")],
        vec!["import".into(), s("c.jsonl"), s("c2.jsonl.gz")],
        vec![
            "import".into(),
            s("claude"),
            "-o".into(),
            s("claude/sample-project/1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl"),
        ],
        vec!["audit".into(), "stats".into(), s("c.jsonl")],
        vec![
            "audit".into(),
            "stats".into(),
            s("c.jsonl"),
            "--format".into(),
            "json".into(),
        ],
        vec![
            "audit".into(),
            "export".into(),
            s("c.jsonl"),
            "--format".into(),
            "csv".into(),
        ],
        vec![
            "audit".into(),
            "export".into(),
            s("c.jsonl"),
            "--format".into(),
            "jsonl".into(),
            "-o".into(),
            o("a.jsonl"),
        ],
        vec![
            "audit".into(),
            "export".into(),
            s("c.jsonl"),
            "--format".into(),
            "csv".into(),
            "-o".into(),
            s("c.jsonl"),
        ],
        vec![
            "audit".into(),
            "stats".into(),
            s("c.jsonl"),
            "--audit".into(),
            s("c.jsonl"),
        ],
        // The browser without a terminal: it reads, then fails to take the terminal.
        vec![s("c.jsonl")],
        vec![s("claude")],
    ];
    for args in &runs {
        let status = cargo_bin_cmd!("leash")
            .args(args)
            .env("XDG_CACHE_HOME", scratch.path().join("cache"))
            .env("HOME", scratch.path())
            .current_dir(scratch.path())
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        assert!(
            status.status.code().is_some(),
            "`leash {}` did not finish: {status:?}",
            args.join(" ")
        );
        let after = snapshot(d);
        assert!(
            after == before,
            "`leash {}` changed the data: {:?}",
            args.join(" "),
            diff(&before, &after)
        );
    }
    assert!(
        out.join("all.jsonl").exists() && out.join("a.jsonl").exists(),
        "the outputs were written"
    );
}

fn diff(a: &Snapshot, b: &Snapshot) -> Vec<PathBuf> {
    let keys: std::collections::BTreeSet<_> = a.keys().chain(b.keys()).collect();
    keys.into_iter().filter(|k| a.get(*k) != b.get(*k)).cloned().collect()
}
