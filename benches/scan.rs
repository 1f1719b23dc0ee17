//! Folder scanning on a big Claude Code history: one project folder of many one-session
//! files (where the old scan listed the whole folder once per session, quadratic: 2,500
//! files 8.9 s, 10,000 151 s) and a realistic tree from `leash generate`, against reading
//! the same bytes and counting their lines (`wc -l`, the baseline measured in the same run).
//!
//! Run: `cargo bench --bench scan` (sizes: `SCAN_FILES=2500,10000`, the default, or e.g.
//! `SCAN_FILES=10000,100000`). Printed per size: the import without cache (finding, reading
//! and classifying only), cold (first run, writing the line cache: one small file per
//! session, so the disk's speed shows), warm (the cache filled), the `wc -l` baseline, and
//! the ratios that say whether the scan is linear: time per file at the larger size over
//! time per file at the smaller (about 1 when linear, the size ratio when quadratic).

use std::path::Path;
use std::time::Instant;

use leash::generate::tree::{TreeFormat, write_tree};
use leash::import::{ImportOptions, open_inputs};

/// `n` one-session files in one project folder, ids from the file number.
fn one_folder(dir: &Path, n: usize) {
    let p = dir.join("-home-dev-big");
    std::fs::create_dir_all(&p).unwrap();
    for k in 0..n {
        let id = format!("00000000-0000-4000-8000-{k:012}");
        let lines = [
            format!(
                r#"{{"type":"user","uuid":"u{k}","sessionId":"{id}","cwd":"/home/dev/big","entrypoint":"cli","isSidechain":false,"timestamp":"2026-04-01T10:00:00Z","message":{{"role":"user","content":"fix the flaky test number {k}"}}}}"#
            ),
            format!(
                r#"{{"type":"assistant","uuid":"a{k}","sessionId":"{id}","isSidechain":false,"timestamp":"2026-04-01T10:00:05Z","requestId":"r{k}","message":{{"id":"m{k}","model":"claude-sonnet-4-5","content":[{{"type":"tool_use","id":"t{k}","name":"Bash","input":{{"command":"cargo test"}}}}],"usage":{{"input_tokens":5,"output_tokens":9}}}}}}"#
            ),
            format!(
                r#"{{"type":"user","uuid":"r{k}","sessionId":"{id}","isSidechain":false,"timestamp":"2026-04-01T10:00:09Z","message":{{"role":"user","content":[{{"type":"tool_result","tool_use_id":"t{k}","content":"ok"}}]}}}}"#
            ),
        ];
        std::fs::write(p.join(format!("{id}.jsonl")), lines.join("\n") + "\n").unwrap();
    }
}

/// Seconds to count the lines of every file under `dir` (the baseline).
fn wc(dir: &Path) -> (f64, u64) {
    let t = Instant::now();
    let mut lines = 0u64;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                let bytes = std::fs::read(e.path()).unwrap();
                lines += memchr::memchr_iter(b'\n', &bytes).count() as u64;
            }
        }
    }
    (t.elapsed().as_secs_f64(), lines)
}

/// Seconds to import `dir` as the app opens it, and the sessions found.
fn import(dir: &Path, cache: Option<&Path>) -> (f64, usize) {
    let opts = ImportOptions {
        cache_dir: cache.map(Path::to_path_buf),
        ..ImportOptions::default()
    };
    let t = Instant::now();
    let opened = open_inputs(&[dir.to_path_buf()], &opts).unwrap();
    let secs = t.elapsed().as_secs_f64();
    (secs, std::hint::black_box(opened).sources.len())
}

struct Row {
    files: usize,
    scan: f64,
    cold: f64,
    warm: f64,
    wc: f64,
}

fn measure(label: &str, files: usize, make: &dyn Fn(&Path)) -> Row {
    let tmp = tempfile::tempdir().unwrap();
    let (tree, cache) = (tmp.path().join("tree"), tmp.path().join("cache"));
    make(&tree);
    // Best of two, the first also warming the page cache for both.
    let (first, lines) = wc(&tree);
    let wc = first.min(self::wc(&tree).0);
    let (scan, _) = import(&tree, None);
    let (cold, _) = import(&tree, Some(&cache));
    let (warm, _) = import(&tree, Some(&cache));
    println!(
        "{label:<30} {files:>7} files {lines:>9} lines   no cache {scan:>6.2} s   cold {cold:>6.2} s   warm {warm:>5.2} s   wc -l {wc:>6.3} s   no-cache/wc {:>5.1}x",
        scan / wc
    );
    Row {
        files,
        scan,
        cold,
        warm,
        wc,
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::var("SCAN_FILES")
        .unwrap_or_else(|_| "2500,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let mut rows = Vec::new();
    for &n in &sizes {
        rows.push(measure("one folder, one-session files", n, &|d| one_folder(d, n)));
    }
    if let [small, big] = &rows[..] {
        let per = |r: &Row, t: f64| t / r.files as f64;
        println!(
            "linearity (time per file, {} vs {} files; 1.0 = linear, {:.0} = quadratic): no cache {:.2}, cold {:.2}, warm {:.2}, wc -l {:.2}",
            big.files,
            small.files,
            big.files as f64 / small.files as f64,
            per(big, big.scan) / per(small, small.scan),
            per(big, big.cold) / per(small, small.cold),
            per(big, big.warm) / per(small, small.warm),
            per(big, big.wc) / per(small, small.wc),
        );
    }
    let n = sizes.first().copied().unwrap_or(2500) as u64;
    for (label, format) in [
        ("generated Claude Code tree", TreeFormat::ClaudeCode),
        ("generated Codex tree", TreeFormat::Codex),
    ] {
        measure(label, n as usize, &|d| {
            write_tree(d, format, n, 1).unwrap();
        });
    }
}
