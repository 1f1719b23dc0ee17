//! Transcript and sidecar text is untrusted: no formula reaches a spreadsheet, no control
//! char, C1 control or bidi override reaches a terminal through leash's outputs.

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

const CORPUS: &str = "{\"id\":\"s-1\",\"project\":\"p\u{202e}gnp.exe\u{9b}31m\",\"turns\":[{\"prompt\":\"p\",\"decisions\":[{\"id\":\"d1\",\"kind\":\"planning\",\"actor\":\"human\"},{\"id\":\"-2\",\"kind\":\"execution\",\"actor\":\"agent\"}]}]}\n";

/// Notes and auditors carrying formulas and live escape sequences (OSC 0 title, OSC 8 link,
/// DCS, C1 CSI, a bidi override).
fn verdicts() -> String {
    let notes = [
        ("d1", "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(A1)"),
        (
            "-2",
            "\u{1b}]0;pwned\u{7}\u{1b}]8;;http://evil\u{7}click\u{1b}P+q\u{1b}\\\u{9b}2J\u{202e}",
            "+ana",
        ),
    ];
    notes
        .iter()
        .map(|(d, note, auditor)| {
            let v = serde_json::json!({"session": "s-1", "decision": d, "verdict": "reject",
                "note": note, "auditor": auditor, "at": "2026-01-01T00:00:00Z"});
            v.to_string() + "\n"
        })
        .collect()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.jsonl"), CORPUS).unwrap();
    std::fs::write(dir.path().join("c.jsonl.audit.jsonl"), verdicts()).unwrap();
    dir
}

/// No byte a terminal would act on: C0 but newline, DEL, C1, bidi overrides.
fn assert_inert(out: &[u8]) {
    let text = std::str::from_utf8(out).unwrap();
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    assert!(bad.is_empty(), "live chars {bad:?} in {text}");
}

fn export(dir: &std::path::Path, format: &str) -> Vec<u8> {
    let out = cargo_bin_cmd!("leash")
        .args(["audit", "export", "c.jsonl", "--format", format])
        .current_dir(dir)
        .assert()
        .success();
    out.get_output().stdout.clone()
}

#[test]
fn csv_cells_are_never_formulas_nor_escape_sequences() {
    let dir = setup();
    let out = export(dir.path(), "csv");
    assert_inert(&out);
    let mut r = csv::Reader::from_reader(&out[..]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
        }
    }
    assert_eq!(&rows[0][9], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(&rows[0][10], "'@SUM(A1)");
    assert_eq!(&rows[1][1], "'-2");
    assert!(rows[1][9].contains("\\x1b]0;pwned\\x07"), "{:?}", &rows[1][9]);
}

#[test]
fn json_outputs_escape_c1_controls_and_bidi_overrides() {
    let dir = setup();
    let out = export(dir.path(), "jsonl");
    assert_inert(&out);
    // The same values, only escaped.
    let first: Value = serde_json::from_slice(out.split(|b| *b == b'\n').nth(1).unwrap()).unwrap();
    assert!(first["note"].as_str().unwrap().ends_with("\u{9b}2J\u{202e}"));
    let report = cargo_bin_cmd!("leash")
        .args(["report", "c.jsonl", "--format", "json"])
        .current_dir(dir.path())
        .assert()
        .success();
    assert_inert(&report.get_output().stdout);
}

#[test]
fn paths_echoed_on_stderr_are_escaped() {
    let dir = setup();
    for args in [
        &["import", "c.jsonl", "-o", "x\u{1b}]0;t\u{7}/out.jsonl"][..],
        &["import", "c.jsonl", "--expertise-map", "m\u{1b}[31m\u{9b}.txt"][..],
        &["report", "no\u{1b}]8;;x\u{7}such.jsonl"][..],
    ] {
        let out = cargo_bin_cmd!("leash")
            .args(args)
            .current_dir(dir.path())
            .assert()
            .failure();
        let err = &out.get_output().stderr;
        assert!(!err.is_empty());
        assert_inert(err);
    }
}
