//! `leash report` through the binary.

use assert_cmd::Command;
use serde_json::Value;

const CORPUS: &str = r#"{"id":"n1","title":"fix login bug","project":"auth-service","expertise":"novice","mode":"fix","outcome":"verified_success","turns":[{"prompt":"fix the login bug","actions":[{"tool":"Edit"},{"tool":"Bash"}],"response_words":10,"decisions":[{"id":"d1","kind":"planning","actor":"human"},{"id":"d2","kind":"execution","actor":"agent","ratified":true}]}]}
{"id":"e1","title":"write parser","project":"compiler","expertise":5,"mode":"create","outcome":"failure","turns":[{"prompt":"write a parser","actions":[{"tool":"Write"},{"tool":"Write"},{"tool":"Write"},{"tool":"Bash"}],"response_words":30,"decisions":[{"id":"d1","kind":"planning","actor":"agent","ratified":true},{"id":"d2","kind":"execution","actor":"human"}]},{"prompt":"yes","actions":[]}]}
{"id":"u1","turns":[]}
"#;

fn leash() -> Command {
    Command::cargo_bin("leash").unwrap()
}

fn json(args: &[&str], stdin: &str) -> Value {
    succeeds_with_json(
        leash()
            .args(["report", "-", "--format", "json"])
            .args(args)
            .write_stdin(stdin),
    )
}

/// Runs a command that must succeed, and reads its standard output as JSON.
fn succeeds_with_json(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn json_matches_the_contract_key_for_key() {
    let v = json(&[], CORPUS);
    let mut top = keys(&v);
    top.sort_unstable();
    let mut want = vec![
        "sessions",
        "turns",
        "actions",
        "decisions",
        "turns_per_session",
        "actions_per_prompt",
        "words_per_turn",
        "verified_success_rate",
        "planning_human_share",
        "execution_human_share",
        "by_expertise",
        "regimes",
        "skipped_lines",
        // Added by leash (the contract allows new keys): which origins were counted, and
        // sessions of redacted transcripts.
        "origin",
        "redacted_sessions",
    ];
    want.sort_unstable();
    assert_eq!(top, want);
    let mut levels = keys(&v["by_expertise"]);
    levels.sort_unstable();
    assert_eq!(
        levels,
        ["advanced", "beginner", "expert", "intermediate", "novice", "unknown"]
    );
    for l in levels {
        let mut k = keys(&v["by_expertise"][l]);
        k.sort_unstable();
        assert_eq!(
            k,
            [
                "actions_per_prompt",
                "execution_human_share",
                "planning_human_share",
                "sessions",
                "verified_success_rate",
                "words_per_turn"
            ]
        );
    }
    assert_eq!(keys(&v["actions_per_prompt"]).len(), 3);
    assert_eq!(v["actions_per_prompt"]["share_sessions_over_100"], 0.0);
    assert_eq!(
        keys(&v["regimes"]["user_keeps_execution"]),
        ["actions_per_prompt", "sessions"]
    );
    assert_eq!(v["sessions"], 3);
    assert_eq!(v["turns"], 3);
    assert_eq!(v["actions"], 6);
    assert_eq!(v["actions_per_prompt"]["mean"], 2.0);
    assert_eq!(v["decisions"]["planning"]["human"], 1);
    assert_eq!(v["verified_success_rate"], 0.5);
    assert_eq!(v["by_expertise"]["beginner"]["sessions"], 0);
    assert!(v["by_expertise"]["beginner"]["actions_per_prompt"].is_null());
}

#[test]
fn redacted_sessions_count_apart_and_stay_out_of_the_shares() {
    // The same line marked redacted twice: its decisions leave every share. The fast path
    // refuses escaped keys, so the second line is decided by the loader's reference path.
    let line = CORPUS.lines().next().unwrap();
    let redacted = line.replacen("{\"id\":\"n1\"", "{\"id\":\"r1\",\"redacted\":true", 1);
    let padded = line.replacen("{\"id\":\"n1\"", "{\"re\\u0064acted\":true,\"id\":\"r2\"", 1);
    let v = json(&[], &format!("{line}\n{redacted}\n{padded}\n"));
    assert_eq!(v["sessions"], 3);
    assert_eq!(v["redacted_sessions"], 2);
    assert_eq!(v["decisions"]["planning"]["human"], 1, "only n1's decisions count");
    assert_eq!(v["planning_human_share"]["pooled"], 1.0);
}

#[test]
fn json_keys_print_in_the_contracts_order() {
    let out = leash()
        .args(["report", "-", "--format", "json"])
        .write_stdin(CORPUS)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let at = |k: &str| text.find(&format!("\"{k}\"")).unwrap_or_else(|| panic!("{k} missing"));
    let order = [
        "sessions",
        "turns",
        "actions",
        "decisions",
        "turns_per_session",
        "actions_per_prompt",
        "words_per_turn",
    ];
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{text}");
    assert!(at("by_expertise") < at("regimes") && at("regimes") < at("skipped_lines"));
}

#[test]
fn filters_narrow_the_set() {
    assert_eq!(json(&["--expertise", "novice"], CORPUS)["sessions"], 1);
    assert_eq!(
        json(&["--expertise", "1", "--expertise", "expert"], CORPUS)["sessions"],
        2
    );
    assert_eq!(json(&["--expertise", "unknown"], CORPUS)["sessions"], 1);
    assert_eq!(json(&["--mode", "create"], CORPUS)["sessions"], 1);
    assert_eq!(json(&["--outcome", "failure"], CORPUS)["sessions"], 1);
    assert_eq!(json(&["--outcome", "unknown"], CORPUS)["sessions"], 1);
    assert_eq!(json(&["--query", "login"], CORPUS)["sessions"], 1);
    assert_eq!(
        json(&["--query", "cmplr"], CORPUS)["sessions"],
        1,
        "fuzzy over the project"
    );
    assert_eq!(json(&["--min-app", "1.5"], CORPUS)["sessions"], 2);
    assert_eq!(json(&["--max-app", "2"], CORPUS)["sessions"], 2);
    // n1 keeps no execution (0 of 1 human); e1 keeps all of it.
    assert_eq!(json(&["--regime", "user_keeps_execution"], CORPUS)["sessions"], 1);
}

#[test]
fn ratified_as_human_moves_ratified_decisions() {
    let v = json(&["--ratified-as", "human"], CORPUS);
    assert_eq!(v["decisions"]["planning"]["human"], 2);
    assert_eq!(v["decisions"]["execution"]["human"], 2);
    assert_eq!(v["planning_human_share"]["pooled"], 1.0);
}

#[test]
fn bad_lines_are_reported_and_counted() {
    let out = leash()
        .args(["report", "-", "--format", "json"])
        .write_stdin(format!("{CORPUS}{{oops\n"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("<stdin>:4: not valid JSON"), "{err}");
    assert!(err.contains("skipped 1 bad line"), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["skipped_lines"], 1);
    assert_eq!(v["sessions"], 3);
}

#[test]
fn unreadable_input_and_bad_usage_exit_2_without_a_backtrace() {
    let out = leash().args(["report", "/no/such.jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "leash: /no/such.jsonl: no such file\n"
    );
    let out = leash().args(["report", "--expertise", "9"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = leash().args(["report", "--format", "xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn table_and_markdown_show_the_study_beside_ours() {
    let out = leash()
        .args(["report", "-"])
        .env("NO_COLOR", "1")
        .write_stdin(CORPUS)
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(!table.contains('\x1b'), "no escape codes when not a terminal");
    let line = table
        .lines()
        .find(|l| l.starts_with("actions per prompt, mean"))
        .unwrap();
    assert!(line.ends_with("2.0       ~10"), "{line}");
    let out = leash()
        .args(["report", "-", "--format", "markdown"])
        .write_stdin(CORPUS)
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("| human share of planning, pooled | 50.0% | ~70% |"),
        "{md}"
    );
}

#[test]
fn help_has_examples_and_version_prints() {
    let out = leash().args(["report", "--help"]).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("Examples:"));
    let out = leash().arg("--version").output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("leash "));
}

#[test]
fn a_skip_reason_quoting_an_escape_sequence_reaches_stderr_escaped() {
    let line = r#"{"id":"x","turns":[{"prompt":"p","decisions":[{"id":"d","kind":"\u001b]0;HACKED\u0007","actor":"human"}]}]}"#;
    let out = leash()
        .args(["report", "-", "--format", "json"])
        .write_stdin(format!("{line}\n"))
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(r"unknown variant `\x1b]0;HACKED\x07`"), "{err}");
    assert!(
        !err.contains('\x1b') && !err.contains('\x07'),
        "raw control characters on stderr: {err:?}"
    );
}

/// Gzip is recognised by its magic bytes as well as by a `.gz` name: piped on standard input
/// or saved under another name, a compressed corpus reports as the plain one does.
#[test]
fn gzip_is_recognised_on_stdin_and_without_its_name() {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(CORPUS.as_bytes()).unwrap();
    let gz = enc.finish().unwrap();
    let plain = json(&[], CORPUS);
    assert_eq!(plain["sessions"], 3);
    let piped = succeeds_with_json(
        leash()
            .args(["report", "-", "--format", "json"])
            .write_stdin(gz.clone()),
    );
    assert_eq!(piped, plain);
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("corpus.jsonl");
    std::fs::write(&renamed, &gz).unwrap();
    let named = succeeds_with_json(leash().args(["report", "--format", "json"]).arg(&renamed));
    assert_eq!(named, plain);
}
