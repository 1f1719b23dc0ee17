//! Inputs that change or balloon under leash: a corpus truncated while it loads ends the
//! load early (never SIGBUS), and gzip or standard input is streamed, never held whole.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

fn leash() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin!("leash"))
}

#[test]
fn a_corpus_truncated_while_it_loads_is_no_crash() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c.jsonl");
    let ok = leash()
        .args(["generate", "--sessions", "4000", "-o"])
        .arg(&c)
        .status()
        .unwrap();
    assert!(ok.success());
    let bytes = std::fs::read(&c).unwrap();
    for delay_ms in [0, 5, 20, 60] {
        std::fs::write(&c, &bytes).unwrap();
        let mut child = leash()
            .arg("report")
            .arg(&c)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        std::fs::OpenOptions::new()
            .write(true)
            .open(&c)
            .unwrap()
            .set_len(1000)
            .unwrap();
        let status = child.wait().unwrap();
        // Killed by a signal (SIGBUS from a mapping) has no exit code.
        assert!(status.code().is_some(), "after {delay_ms} ms: {status:?}");
    }
}

/// Runs `leash report` over `input` on standard input; its peak resident set, in KiB.
#[allow(clippy::zombie_processes)] // reaped by wait4, which also reports its rusage
fn peak_rss_kib(args: &[&str], input: &[u8]) -> i64 {
    let mut child = leash()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; `usage` is a valid out-pointer.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "status {status}"
    );
    usage.ru_maxrss
}

#[test]
fn gzip_on_standard_input_is_streamed_not_held_whole() {
    // 96 MiB of blank lines and one session: about 100 KiB compressed.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let line = br#"{"id":"s","turns":[{"prompt":"p"}]}"#;
    gz.write_all(line).unwrap();
    let blank = vec![b'\n'; 1 << 20];
    for _ in 0..96 {
        gz.write_all(&blank).unwrap();
    }
    let gz = gz.finish().unwrap();
    assert!(gz.len() < 1 << 20);
    // Held whole it peaks above 200 MiB; streamed, under 60 (a tiny input: about 20).
    let peak = peak_rss_kib(&["report", "-"], &gz);
    assert!(peak < 80 * 1024, "peak RSS {peak} KiB for 96 MiB decompressed");
}

#[test]
fn a_pipe_given_by_name_is_read_once_whole() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c.jsonl");
    let ok = leash()
        .args(["generate", "--sessions", "50", "-o"])
        .arg(&c)
        .status()
        .unwrap();
    assert!(ok.success());
    let out = Command::new("bash")
        .arg("-c")
        .arg("\"$L\" report <(gzip -c c.jsonl) --format json")
        .env("L", assert_cmd::cargo::cargo_bin!("leash"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["sessions"], 50);
}
