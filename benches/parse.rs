//! The loader's per-line parse on its own, single-threaded, over the demo corpus held in
//! memory: leash's fast path against serde_json building a `Value` of the same lines (a
//! general-purpose parser, as the baseline measured in the same run). No file, no threads,
//! no page faults: what is left is the parser. Run: `cargo bench --bench parse`.

use std::time::Instant;

use leash::corpus::{Source, SourceData, parse_line};

fn main() {
    let demo = Source::demo();
    let SourceData::Memory(bytes) = &demo.data else {
        unreachable!("the demo is held in memory")
    };
    let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
    let mib = bytes.len() as f64 / 1048576.0;
    // Best of a few rounds of several passes each, so the figure is the parser's, not noise.
    let best = |f: &dyn Fn(&[u8]) -> u64| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                let mut n = 0;
                for _ in 0..4 {
                    n += lines.iter().map(|l| f(l)).sum::<u64>();
                }
                std::hint::black_box(n);
                t.elapsed().as_secs_f64() / 4.0
            })
            .fold(f64::INFINITY, f64::min)
    };
    let ours = best(&|l| parse_line(l).map_or(0, |p| p.actions));
    let value = best(&|l| serde_json::from_slice::<serde_json::Value>(l).map_or(0, |v| v.is_object() as u64));
    println!("corpus            {} lines, {mib:.1} MiB (the demo)", lines.len());
    println!("leash parse_line  {:>7.1} ms   {:>6.0} MiB/s", ours * 1e3, mib / ours);
    println!("serde_json Value  {:>7.1} ms   {:>6.0} MiB/s", value * 1e3, mib / value);
    println!("ratio             {:.2}x the baseline's speed", value / ours);
}
