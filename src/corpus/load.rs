//! Reads sources in large blocks and parses each block's lines on all cores.
//!
//! One reader thread per file keeps the next block coming while the current one is parsed;
//! results come back in file order, one [`Batch`] per block, so a caller can show progress
//! and grow its view while loading goes on.

use std::io::{self, Read};
use std::sync::mpsc;

use rayon::prelude::*;

mod error;
mod piece;

pub use error::{LoadError, Skip};
pub use piece::{Extract, Sessions};
use piece::{PIECE, Piece, parse_piece};

use super::parse::ParsedSession;
use super::source::{Location, Source, SourceData};

/// Bytes per block handed to the parser pool.
const BLOCK: usize = 8 << 20;

/// The outcome of one block: its sessions in order, its bad lines, and its size.
#[derive(Debug, Default)]
pub struct Batch {
    pub rows: Vec<(ParsedSession, Location)>,
    pub skipped: Vec<Skip>,
    /// Bytes of input this batch covers.
    pub bytes: u64,
}

/// Loads every source in order, calling `on_batch` for each block as it is parsed.
///
/// `on_batch` runs on the calling thread while the next block is parsed on the pool, so the
/// pool does not idle while a caller absorbs a batch.
pub fn load_sources(sources: &[Source], mut on_batch: impl FnMut(Batch)) -> Result<(), LoadError> {
    load_sources_with(sources, &Sessions, |b, _| on_batch(b))
}

/// [`load_sources`], handing `on_batch` each block's pieces as `x` gathered them beside it.
pub fn load_sources_with<X: Extract>(
    sources: &[Source],
    x: &X,
    mut on_batch: impl FnMut(Batch, Vec<X::Piece>),
) -> Result<(), LoadError> {
    let mut on_batch = |(b, p): Taken<X::Piece>| on_batch(b, p);
    let mut pending: Option<Taken<X::Piece>> = None;
    for (i, src) in sources.iter().enumerate() {
        let mut cursor = Cursor {
            x,
            source: i as u32,
            name: &src.name,
            offset: 0,
            line: 1,
        };
        match &src.data {
            SourceData::Memory(bytes) => {
                let mut rest: &[u8] = bytes;
                while !rest.is_empty() {
                    let cut = block_end(rest, BLOCK).unwrap_or(rest.len());
                    pending = cursor.parse_overlapped(&rest[..cut], pending, &mut on_batch);
                    rest = &rest[cut..];
                }
            }
            SourceData::File(_) | SourceData::Spilled(_) => {
                let file = match src.reader() {
                    Ok(f) => f,
                    Err(e) => {
                        pending.take().map(&mut on_batch);
                        return Err(LoadError::new(&src.name, e));
                    }
                };
                // Read, never mapped: a file truncated by another program while it loads would
                // kill a mapping reader with SIGBUS (and leave the terminal raw); read, it just
                // ends early.
                let (tx, rx) = mpsc::sync_channel::<io::Result<Vec<u8>>>(2);
                let (recycle_tx, recycle_rx) = mpsc::channel::<Vec<u8>>();
                std::thread::scope(|s| {
                    s.spawn(move || read_blocks(file, tx, recycle_rx));
                    for block in rx {
                        let block = match block {
                            Ok(b) => b,
                            Err(e) => {
                                pending.take().map(&mut on_batch);
                                return Err(LoadError::new(&src.name, e));
                            }
                        };
                        pending = cursor.parse_overlapped(&block, pending.take(), &mut on_batch);
                        let _ = recycle_tx.send(block);
                    }
                    Ok(())
                })?;
            }
        }
    }
    pending.map(on_batch);
    Ok(())
}

/// The end (just past a newline) of the first block of about `size` bytes, or `None` when the
/// rest holds no newline after `size`.
fn block_end(bytes: &[u8], size: usize) -> Option<usize> {
    if bytes.len() <= size {
        return None;
    }
    memchr::memchr(b'\n', &bytes[size..]).map(|i| size + i + 1)
}

/// Sends blocks that each end on a line boundary (the last one may not), reusing the
/// buffers that come back on `recycled`.
fn read_blocks(mut file: impl Read, tx: mpsc::SyncSender<io::Result<Vec<u8>>>, recycled: mpsc::Receiver<Vec<u8>>) {
    let mut carry: Vec<u8> = Vec::new();
    loop {
        // A recycled buffer keeps its length: only growth is zeroed, not every block.
        let mut buf = recycled.try_recv().unwrap_or_default();
        let start = carry.len();
        let want = start.max(BLOCK / 2) + BLOCK;
        if buf.len() < want {
            buf.resize(want, 0);
        }
        buf[..start].copy_from_slice(&carry);
        let mut filled = start;
        let eof = loop {
            match file.read(&mut buf[filled..]) {
                Ok(0) => break true,
                Ok(n) => {
                    filled += n;
                    if filled == buf.len() {
                        break false;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            }
        };
        buf.truncate(filled);
        if eof {
            if !buf.is_empty() {
                let _ = tx.send(Ok(buf));
            }
            return;
        }
        match memchr::memrchr(b'\n', &buf) {
            Some(nl) => {
                carry.clear();
                carry.extend_from_slice(&buf[nl + 1..]);
                buf.truncate(nl + 1);
                if tx.send(Ok(buf)).is_err() {
                    return;
                }
            }
            // A single line longer than the block: keep reading it.
            None => carry = buf,
        }
    }
}

struct Cursor<'a, X> {
    x: &'a X,
    source: u32,
    name: &'a str,
    offset: u64,
    line: u64,
}

/// A block's batch and what `X` took from it, piece by piece.
type Taken<P> = (Batch, Vec<P>);

impl<X: Extract> Cursor<'_, X> {
    /// Parses `block` on the pool while `on_batch` takes the previous block's batch on this
    /// thread; answers the new batch.
    fn parse_overlapped(
        &mut self,
        block: &[u8],
        previous: Option<Taken<X::Piece>>,
        on_batch: &mut impl FnMut(Taken<X::Piece>),
    ) -> Option<Taken<X::Piece>> {
        let Some(previous) = previous else {
            return Some(self.parse_block(block));
        };
        let mut next = None;
        rayon::in_place_scope(|s| {
            s.spawn(|_| next = Some(self.parse_block(block)));
            on_batch(previous);
        });
        next
    }

    fn parse_block(&mut self, block: &[u8]) -> Taken<X::Piece> {
        // Pieces that end on line boundaries, each split into lines and parsed on its own
        // thread, so that no pass over the block runs on one core alone.
        let mut cuts = vec![0];
        while let Some(end) = block_end(&block[*cuts.last().unwrap()..], PIECE) {
            cuts.push(cuts.last().unwrap() + end);
        }
        if *cuts.last().unwrap() < block.len() {
            cuts.push(block.len());
        }
        let base = self.offset;
        let (x, source, name) = (self.x, self.source, self.name);
        let pieces: Vec<Piece<X::Piece>> = cuts
            .par_windows(2)
            .map(|w| parse_piece(x, &block[w[0]..w[1]], source, base + w[0] as u64))
            .collect();
        let mut taken = Vec::with_capacity(pieces.len());
        self.offset += block.len() as u64;
        let mut batch = Batch {
            bytes: block.len() as u64,
            ..Batch::default()
        };
        for piece in pieces {
            for r in piece.results {
                match r {
                    Ok((p, mut loc)) => {
                        loc.line += self.line;
                        batch.rows.push((p, loc));
                    }
                    Err((line, reason)) => batch.skipped.push(Skip {
                        file: name.to_owned(),
                        line: line + self.line,
                        reason,
                    }),
                }
            }
            self.line += piece.lines;
            taken.push(piece.taken);
        }
        (batch, taken)
    }
}

#[cfg(test)]
mod tests;
