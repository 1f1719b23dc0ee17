//! A process writing verdicts, killed (SIGKILL) at random moments, round after round on the
//! same sidecar: every verdict it reported saved is in the file afterwards, and the file
//! reads, at worst with its last line torn.
//!
//! The writer is this test binary run again (`durability_writer`, ignored unless asked for):
//! it appends through `Store`, as the browser does, and prints `saved S D` once `append`
//! returned, that is once the line is synced.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use leash::audit::{AuditLog, Store, Verdict};
use leash::model::{Actor, Kind};

const ROUNDS: u32 = 200;

#[test]
#[ignore = "the writer process of killed_writers_lose_no_saved_verdict"]
fn durability_writer() {
    let path = std::env::var("LEASH_DURABILITY_FILE").unwrap();
    let round = std::env::var("LEASH_DURABILITY_ROUND").unwrap();
    let mut store = Store::open(Path::new(&path), Some("ana")).unwrap();
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let d = format!("d{i}");
        let v = Verdict::relabel(&round, &d, Actor::Agent, Kind::Execution).with_note("n".repeat(i % 300));
        store.append(v).unwrap();
        writeln!(out, "saved {round} {d}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn killed_writers_lose_no_saved_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.audit.jsonl");
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut saved: Vec<(String, String)> = Vec::new();
    let started = Instant::now();
    for round in 0..ROUNDS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "durability_writer",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("LEASH_DURABILITY_FILE", &path)
            .env("LEASH_DURABILITY_ROUND", format!("r{round}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Anywhere from before the store opens to well into the writing.
        std::thread::sleep(Duration::from_micros(seed % 25_000));
        child.kill().unwrap();
        child.wait().unwrap();
        for line in BufReader::new(child.stdout.take().unwrap()).lines() {
            let line = line.unwrap();
            if let Some(rest) = line.strip_prefix("saved ") {
                let (s, d) = rest.split_once(' ').unwrap();
                saved.push((s.to_owned(), d.to_owned()));
            }
        }
    }
    let log = AuditLog::read(&path).unwrap();
    for (s, d) in &saved {
        assert!(
            log.is_audited(s, d),
            "{s}/{d} was reported saved but is not in the file"
        );
    }
    // A torn line can only be one cut short by a kill; each round starts on a fresh line.
    let lines = std::fs::read(&path).unwrap().split(|b| *b == b'\n').count() as u64;
    for p in log.problems() {
        assert!(p.reason.contains("not valid JSON") || p.reason.contains("EOF"), "{p}");
    }
    assert!(
        log.problems().len() <= ROUNDS as usize,
        "{} problems in {lines} lines",
        log.problems().len()
    );
    assert!(
        saved.len() > ROUNDS as usize,
        "too few verdicts written to prove anything: {}",
        saved.len()
    );
    eprintln!(
        "{ROUNDS} rounds, {} verdicts saved, {} torn lines, {:?}",
        saved.len(),
        log.problems().len(),
        started.elapsed()
    );
}
