//! Synthetic v1 corpora, calibrated to reproduce the study's figures.
//!
//! A corpus is a pure function of its seed; session `n` of it depends only on the seed and
//! the sessions before it, so a smaller corpus is a prefix of a larger one, and the output
//! does not depend on the number of threads. The quantities that the study's figures
//! aggregate (the session's cell — expertise x control regime x heavy tail —, its outcome,
//! turns, actions per prompt, words, decision shares) are stratified ([`calib::Strata`]), so
//! that even a few thousand sessions reproduce the figures closely. Everything else (texts,
//! tools, how a session's actions spread over its turns) comes from a `Pcg64` seeded by
//! `(seed, n)`.
//!
//! Output is streamed: chunks of [`CHUNK`] sessions are built in parallel (rayon) on a
//! producer thread while the caller's thread writes the previous chunk, so memory stays
//! bounded by two chunks whatever the corpus size.

mod agent;
pub mod calib;
mod calls;
mod claude_tree;
mod codex_tree;
mod human;
mod scenario;
mod session;
mod stack;
mod strata;
mod subject;
pub mod text;
pub mod tree;
mod turn;

use std::io::{self, Write};
use std::sync::mpsc;

use rayon::prelude::*;

pub use calib::{Calibration, Strata};
pub use session::split;

/// The built-in demo corpus (`assets/demo.jsonl.gz`) is this generator's output for
/// [`DEMO_SEED`] and [`DEMO_SESSIONS`], regenerated with
/// `cargo run --release -- generate --sessions 3000 --seed 7 | gzip -9 -n > assets/demo.jsonl.gz`
/// (a test checks that the asset matches).
pub const DEMO_SEED: u64 = 7;
pub const DEMO_SESSIONS: u64 = 3000;

/// Sessions per streamed chunk.
pub const CHUNK: u64 = 4096;
/// Sessions per buffer inside a chunk (the unit of parallel work).
const PIECE: usize = 128;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenOptions {
    pub sessions: u64,
    pub seed: u64,
}

/// Writes `opts.sessions` sessions, one v1 JSON object per line.
pub fn generate<W: Write>(opts: &GenOptions, out: W) -> io::Result<()> {
    generate_chunked(opts, CHUNK, out)
}

/// [`generate`] with another chunk size (at least 1). The bytes written do not depend on
/// it: only memory use and parallelism do.
pub fn generate_chunked<W: Write>(opts: &GenOptions, chunk: u64, mut out: W) -> io::Result<()> {
    let chunk = chunk.max(1);
    let cal = Calibration::new();
    let strata = Strata::new(opts.seed);
    let (seed, total) = (opts.seed, opts.sessions);
    std::thread::scope(|scope| {
        // Two chunks in flight at most: one being written, one waiting.
        let (tx, rx) = mpsc::sync_channel::<Vec<Vec<u8>>>(1);
        let (cal, strata) = (&cal, &strata);
        scope.spawn(move || {
            // Each session's cell and its ranks within the cell and within its expertise
            // level (for what depends on the level only), assigned in order: cheap and
            // sequential, so that the parallel part depends on nothing but its inputs.
            let mut ranks = vec![0u64; cal.cells.len()];
            let mut level_ranks = [0u64; calib::LEVELS];
            let mut start = 0;
            while start < total {
                let end = (start + chunk).min(total);
                let slots: Vec<session::Slot> = (start..end)
                    .map(|n| {
                        let cell = cal.cell(strata.cell_point(n));
                        let level = cal.cells[cell].level;
                        ranks[cell] += 1;
                        level_ranks[level] += 1;
                        session::Slot {
                            index: n,
                            cell,
                            rank: ranks[cell] - 1,
                            level_rank: level_ranks[level] - 1,
                        }
                    })
                    .collect();
                let chunk: Vec<Vec<u8>> = slots
                    .par_chunks(PIECE)
                    .map(|piece| {
                        let mut buf = Vec::with_capacity(piece.len() * 8192);
                        for slot in piece {
                            let s = session::session(cal, strata, seed, slot);
                            serde_json::to_writer(&mut buf, &s).expect("a session always serialises");
                            buf.push(b'\n');
                        }
                        buf
                    })
                    .collect();
                if tx.send(chunk).is_err() {
                    return; // the writer failed and hung up
                }
                start = end;
            }
        });
        for chunk in rx {
            for piece in chunk {
                out.write_all(&piece)?;
            }
        }
        out.flush()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: u64, seed: u64) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        generate_chunked(&GenOptions { sessions: n, seed }, 50, &mut out).unwrap();
        out.split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(<[u8]>::to_vec)
            .collect()
    }

    #[test]
    fn chunked_output_is_the_same_sessions_in_order() {
        let long = lines(203, 5);
        assert_eq!(long.len(), 203);
        let short = lines(149, 5);
        assert_eq!(&long[..short.len()], &short[..]);
        for (i, l) in long.iter().enumerate() {
            let s: crate::model::Session = serde_json::from_slice(l).unwrap();
            assert_eq!(s.id, format!("s-{:06}", i + 1));
        }
    }

    #[test]
    fn a_failing_writer_stops_generation_with_its_error() {
        struct Full(usize);
        impl Write for Full {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                if self.0 > 100_000 {
                    return Err(io::Error::other("disk full"));
                }
                self.0 += b.len();
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let opts = GenOptions {
            sessions: 2000,
            seed: 1,
        };
        let err = generate_chunked(&opts, 100, Full(0)).unwrap_err();
        assert_eq!(err.to_string(), "disk full");
    }
}
