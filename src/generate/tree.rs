//! Realistic Claude Code and Codex transcript trees (`leash generate --format claude-code |
//! codex -o DIR`), so that benchmarks and users can make big histories without private data.
//!
//! Session `n` depends only on the seed and `n` (a `Pcg64` seeded by both): the same seed
//! gives the same tree whatever the number of threads. Sessions are written in parallel; the
//! tree's counts (sessions, turns, actions, …) are returned so that a reader can be checked
//! against what was written.

use std::io::{self, Write};
use std::path::Path;

use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64;
use rayon::prelude::*;
use serde_json::Value;

/// Which tool's files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeFormat {
    ClaudeCode,
    Codex,
}

/// What a tree holds, as written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub sessions: u64,
    pub files: u64,
    pub bytes: u64,
    pub turns: u64,
    pub actions: u64,
    pub subagent_actions: u64,
    pub mid_turn: u64,
    pub rejected: u64,
    pub interrupts: u64,
    pub plan_turns: u64,
    pub usage_output: u64,
}

impl Counts {
    fn add(mut self, o: Counts) -> Counts {
        self.sessions += o.sessions;
        self.files += o.files;
        self.bytes += o.bytes;
        self.turns += o.turns;
        self.actions += o.actions;
        self.subagent_actions += o.subagent_actions;
        self.mid_turn += o.mid_turn;
        self.rejected += o.rejected;
        self.interrupts += o.interrupts;
        self.plan_turns += o.plan_turns;
        self.usage_output += o.usage_output;
        self
    }
}

/// A file to write: its path under the tree and its bytes.
pub struct FileOut {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl FileOut {
    pub fn lines(path: String, lines: &[Value]) -> FileOut {
        let mut bytes = Vec::new();
        for l in lines {
            serde_json::to_writer(&mut bytes, l).expect("a JSON value serializes");
            bytes.push(b'\n');
        }
        FileOut { path, bytes }
    }

    pub fn bytes(path: String, bytes: Vec<u8>) -> FileOut {
        FileOut { path, bytes }
    }

    /// The same file compressed with zstd, named `.jsonl.zst`.
    pub fn zstd(self) -> FileOut {
        let bytes = zstd::encode_all(&self.bytes[..], 3).expect("zstd compresses in memory");
        FileOut {
            path: format!("{}.zst", self.path),
            bytes,
        }
    }
}

/// A UUID-shaped id from the generator.
pub fn uuid(rng: &mut Pcg64) -> String {
    let v: u128 = rng.random();
    let h = format!("{v:032x}");
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

pub fn pick<'a>(rng: &mut Pcg64, xs: &'a [&'a str]) -> &'a str {
    xs[rng.random_range(0..xs.len())]
}

/// A session's clock: starts on a day of 2026 chosen by `n`, moves forward a few seconds
/// at a time.
pub struct Clock(u64);

pub fn clock(rng: &mut Pcg64, n: u64) -> Clock {
    let day = n % 300;
    Clock(1_767_225_600 + day * 86_400 + rng.random_range(28_800..72_000))
}

impl Clock {
    /// The next timestamp, RFC 3339 with milliseconds.
    pub fn tick(&mut self, rng: &mut Pcg64) -> String {
        self.0 += rng.random_range(1..20);
        let ms = rng.random_range(0..1000);
        let t = humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + std::time::Duration::from_secs(self.0));
        let t = t.to_string();
        format!("{}.{ms:03}Z", t.trim_end_matches('Z'))
    }
}

/// Writes `sessions` sessions under `dir`, which must not exist or be empty; files are
/// created new (an existing file or link is never written through).
pub fn write_tree(dir: &Path, format: TreeFormat, sessions: u64, seed: u64) -> io::Result<Counts> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, "the folder is not empty"));
    }
    std::fs::create_dir_all(dir)?;
    (0..sessions)
        .into_par_iter()
        .map(|n| {
            // Each format its own stream: a Claude Code and a Codex tree never share ids.
            let salt = match format {
                TreeFormat::ClaudeCode => 0xC1A0,
                TreeFormat::Codex => 0xC0DE,
            };
            let mut rng = Pcg64::seed_from_u64(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ n ^ (salt << 48));
            let (mut files, mut c) = (Vec::new(), Counts::default());
            match format {
                TreeFormat::ClaudeCode => super::claude_tree::session(&mut rng, n, &mut files, &mut c),
                TreeFormat::Codex => super::codex_tree::session(&mut rng, n, &mut files, &mut c),
            }
            for f in files {
                let path = dir.join(&f.path);
                std::fs::create_dir_all(path.parent().expect("a file has a folder"))?;
                let mut out = std::fs::OpenOptions::new().write(true).create_new(true).open(&path)?;
                out.write_all(&f.bytes)?;
                c.files += 1;
                c.bytes += f.bytes.len() as u64;
            }
            Ok(c)
        })
        .try_reduce(Counts::default, |a, b| Ok(a.add(b)))
}
