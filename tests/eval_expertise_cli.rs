//! `leash eval` on expertise ratings through the binary: figures computed by hand on small
//! transcripts, unknown on a one-prompt session, bad lines named, and the development set.

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::{Value, json};

fn transcript(prompts: &[&str]) -> String {
    prompts
        .iter()
        .map(|p| {
            json!({"type": "user", "sessionId": "s", "message": {"role": "user", "content": p}}).to_string() + "\n"
        })
        .collect()
}

fn eval_json(dir: &std::path::Path, gold: &str) -> Value {
    std::fs::write(dir.join("ratings.jsonl"), gold).unwrap();
    let out = cargo_bin_cmd!("leash")
        .args(["eval", "ratings.jsonl", "--format", "json"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn scores_levels_and_keeps_low_signal_apart() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Precise, verifying, correcting: 5. Vague and short: 2. One prompt: unknown.
    std::fs::write(
        d.join("expert.jsonl"),
        transcript(&[
            "Refactor src/import/read.rs so that parse_line returns a Result",
            "No, keep the old signature and add a new function instead",
            "run the tests and make sure clippy is clean",
        ]),
    )
    .unwrap();
    std::fs::write(
        d.join("vague.jsonl"),
        transcript(&["make me a website", "make it nicer please"]),
    )
    .unwrap();
    std::fs::write(
        d.join("one.jsonl"),
        transcript(&["Add a docstring to src/main.py, then stop."]),
    )
    .unwrap();
    let r = |src: &str, level: u8, enough: bool| {
        json!({"source": src, "session": "s", "expertise": level, "enough_signal": enough, "why": "w"}).to_string()
            + "\n"
    };
    // Gold 4 vs leash 5, gold 2 vs leash 2, and a low-signal session leash calls unknown.
    let gold = r("expert.jsonl", 4, true) + &r("vague.jsonl", 2, true) + &r("one.jsonl", 3, false) + "{bad\n";
    let v = eval_json(d, &gold);
    let rated = &v["expertise"]["rated"];
    assert_eq!(rated["sessions"], 2);
    assert_eq!(rated["scored"], 2);
    assert_eq!(rated["exact"], 0.5);
    assert_eq!(rated["within_one"], 1.0);
    assert_eq!(rated["mean_error"], 0.5);
    // Quadratic kappa by hand: observed 1/2·(1/4)² = 1/32; expected over marginals gold
    // {2,4}, leash {2,5}: (0 + 9/16 + 4/16 + 1/16)/4 = 14/64. 1 - (1/32)/(14/64) = 6/7.
    let k = rated["weighted_kappa"].as_f64().unwrap();
    assert!((k - 6.0 / 7.0).abs() < 1e-9, "{k}");
    let low = &v["expertise"]["low_signal"];
    assert_eq!((low["sessions"].as_u64(), low["unknown"].as_u64()), (Some(1), Some(1)));
    let one = v["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "one.jsonl")
        .unwrap();
    assert_eq!(
        (one["leash"].is_null(), one["confidence"].as_str()),
        (true, Some("none"))
    );
    let expert = v["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "expert.jsonl")
        .unwrap();
    let signals: Vec<&str> = expert["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["signal"].as_str())
        .collect();
    for s in ["precise", "verify", "correct"] {
        assert!(signals.contains(&s), "{s} in {signals:?}");
    }
}

#[test]
fn table_names_bad_lines_and_missing_transcripts() {
    let dir = tempfile::tempdir().unwrap();
    let gold = json!({"source": "gone.jsonl", "expertise": 3, "enough_signal": true}).to_string() + "\n{bad\n";
    std::fs::write(dir.path().join("r.jsonl"), gold).unwrap();
    let out = cargo_bin_cmd!("leash")
        .args(["eval", "r.jsonl"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("r.jsonl:2: "), "{stderr}");
    assert!(stderr.contains("gone.jsonl"), "{stderr}");
    assert!(
        stdout.contains("enough signal") && stdout.contains("low signal"),
        "{stdout}"
    );
}

/// The development set: every low-signal session unknown, and the rated ones scored.
#[test]
fn development_set_floor() {
    let gold = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold/expertise-dev.jsonl");
    let out = cargo_bin_cmd!("leash")
        .args(["eval", gold.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &v["expertise"];
    assert_eq!(e["low_signal"]["unknown"], e["low_signal"]["sessions"]);
    assert!(e["rated"]["scored"].as_u64().unwrap() >= 2, "{e}");
    assert!(e["rated"]["within_one"].as_f64().unwrap() >= 0.99, "{e}");
}
