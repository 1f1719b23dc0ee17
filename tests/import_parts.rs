//! A transcript too big to hold is read a part at a time: its turns are classified and
//! written out as the reader hands them on (`LEASH_IMPORT_HOLD` bytes of lines at a time).
//! The line must be the one the whole reading gives: these import long sessions (real-shaped,
//! generated ones repeated with fresh ids, sub-agent files beside) through the binary with a
//! hold of a few KB, so that a session goes in dozens of parts, and with the default.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn leash() -> Command {
    Command::cargo_bin("leash").unwrap()
}

/// `leash import --no-cache PATH` with the given hold: (the output, stderr).
fn import(path: &Path, hold: Option<u64>) -> (String, String) {
    import_cached(path, hold, None)
}

/// `leash import PATH` with the given hold and cache folder (`None`: `--no-cache`).
fn import_cached(path: &Path, hold: Option<u64>, cache: Option<&Path>) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let mut cmd = leash();
    cmd.arg("import").arg(path).arg("-o").arg(&out);
    match cache {
        Some(c) => drop(cmd.env("XDG_CACHE_HOME", c)),
        None => drop(cmd.arg("--no-cache")),
    }
    if let Some(h) = hold {
        cmd.env("LEASH_IMPORT_HOLD", h.to_string());
    }
    let got = cmd.assert().success();
    // The warnings, without the last line (it names the output).
    let err = String::from_utf8_lossy(&got.get_output().stderr).replace(&out.display().to_string(), "OUT");
    (std::fs::read_to_string(&out).unwrap(), err)
}

fn generate(format: &str, dir: &Path, sessions: u32) {
    leash()
        .args([
            "generate",
            "--format",
            format,
            "--sessions",
            &sessions.to_string(),
            "--seed",
            "11",
            "-o",
        ])
        .arg(dir)
        .assert()
        .success();
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The text of a line with every id that must stay unique made unique to repetition `r`
/// (the first keeps its ids: the sub-agent files name its calls).
fn fresh(line: &str, r: usize) -> String {
    if r == 0 {
        return line.to_owned();
    }
    ["\"toolu_", "\"call_", "\"msg_"]
        .iter()
        .fold(line.to_owned(), |l, p| l.replace(p, &format!("{p}{r}x")))
}

/// A Claude Code session file's lines repeated `reps` times, one `parentUuid` chain of
/// fresh `uuid`s.
fn long_claude(src: &Path, reps: usize, dst: &Path) {
    let text = std::fs::read_to_string(src).unwrap();
    let mut out = String::new();
    let mut parent: Option<String> = None;
    for r in 0..reps {
        for l in text.lines() {
            let mut v: Value = serde_json::from_str(&fresh(l, r)).unwrap();
            if let Some(u) = v.get("uuid").and_then(Value::as_str).map(str::to_owned) {
                let u = format!("{u}-{r}");
                v["uuid"] = Value::from(u.clone());
                v["parentUuid"] = parent.clone().map_or(Value::Null, Value::from);
                parent = Some(u);
            }
            out.push_str(&v.to_string());
            out.push('\n');
        }
    }
    std::fs::write(dst, out).unwrap();
}

/// A Codex rollout's lines after its first repeated `reps` times.
fn long_codex(src: &Path, reps: usize, dst: &Path) {
    let text = std::fs::read_to_string(src).unwrap();
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    let body: Vec<&str> = lines.collect();
    for r in 0..reps {
        for l in &body {
            out.push_str(&fresh(l, r));
            out.push('\n');
        }
    }
    std::fs::write(dst, out).unwrap();
}

fn turns(line: &str) -> usize {
    let v: Value = serde_json::from_str(line).unwrap();
    v["turns"].as_array().unwrap().len()
}

#[test]
fn a_long_claude_session_with_sub_agents_reads_the_same_in_parts() {
    let dir = tempfile::tempdir().unwrap();
    generate("claude-code", &dir.path().join("gen"), 40);
    let mut all = Vec::new();
    files(&dir.path().join("gen"), &mut all);
    // A session with a sub-agent folder beside it: `<id>.jsonl` and `<id>/subagents/`.
    let session = all
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "jsonl") && p.with_extension("").join("subagents").is_dir())
        .expect("the generator writes sub-agent files");
    let (one, _) = import(session, None);
    let project = dir.path().join("long");
    std::fs::create_dir(&project).unwrap();
    let long = project.join(session.file_name().unwrap());
    long_claude(session, 40, &long);
    let agents = session.with_extension("");
    let copy = long.with_extension("").join("subagents");
    std::fs::create_dir_all(&copy).unwrap();
    for e in std::fs::read_dir(agents.join("subagents")).unwrap().flatten() {
        std::fs::copy(e.path(), copy.join(e.file_name())).unwrap();
    }
    let (whole, whole_err) = import(&long, None);
    let (parts, parts_err) = import(&long, Some(2048));
    assert_eq!(turns(&whole), 40 * turns(&one), "every repetition's turns");
    assert!(whole.len() > 40 * 2048, "the session goes in many parts");
    assert_eq!(parts, whole, "read in parts, the line is the whole reading's");
    assert_eq!(parts_err, whole_err);
    // Its line, longer than the hold, is built in a file, cached from there and
    // read back from the cache file: the same bytes, cold and warm.
    let cache = dir.path().join("cache");
    for launch in ["cold", "warm"] {
        let (got, err) = import_cached(&long, Some(2048), Some(&cache));
        assert_eq!(got, whole, "{launch} launch");
        assert_eq!(err, whole_err, "{launch} launch");
    }
    let cached: u64 = std::fs::read_dir(cache.join("leash"))
        .unwrap()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten())
        .map(|e| e.metadata().unwrap().len())
        .sum();
    assert!(
        cached > whole.len() as u64,
        "the long line is in the cache ({cached} bytes)"
    );
    let v: Value = serde_json::from_str(&whole).unwrap();
    let first = v["turns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|t| t.get("subagent").is_some());
    assert!(
        first.is_some_and(|t| t < turns(&one)),
        "the sub-agent files went to the first repetition's turn, whose call they name: {first:?}"
    );
}

#[test]
fn a_long_codex_rollout_reads_the_same_in_parts() {
    let dir = tempfile::tempdir().unwrap();
    generate("codex", &dir.path().join("gen"), 20);
    let mut all = Vec::new();
    files(&dir.path().join("gen"), &mut all);
    all.sort();
    let rollout = all.iter().max_by_key(|p| std::fs::metadata(p).unwrap().len()).unwrap();
    let (one, _) = import(rollout, None);
    let long = dir.path().join("rollout-long.jsonl");
    long_codex(rollout, 50, &long);
    let (whole, whole_err) = import(&long, None);
    let (parts, parts_err) = import(&long, Some(2048));
    assert_eq!(turns(&whole), 50 * turns(&one));
    assert_eq!(parts, whole);
    assert_eq!(parts_err, whole_err);
}

#[test]
fn real_transcripts_read_the_same_in_parts() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    for p in [shared.join("fixtures"), shared.join("gold/transcripts")] {
        let (whole, whole_err) = import(&p, None);
        let (parts, parts_err) = import(&p, Some(4096));
        assert_eq!(parts, whole, "{}", p.display());
        assert_eq!(parts_err, whole_err, "{}", p.display());
    }
}
