//! The turns, decisions and actions tables written while the corpus loads, from the rows
//! [`TableRows`] took from each line as the loader scanned it: no line is read twice.
//!
//! A loaded session is in the export when it is the first of its id (the loaded row) and
//! its row passes the selection; its rows (where its piece holds them: not copied), its id and
//! facets (once) go into the batch being built ([`Gathered`]), cut every [`batch_sessions`]
//! sessions as [`super::write`] cuts them (so the files are the same, row group for row
//! group). Full batches are encoded on worker threads and written in order by one writer; the
//! channels hold a few batches (and the pieces they share), so memory holds the loaded index
//! and a few batches whatever the size of the corpus.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;
use std::sync::{Arc, Mutex, mpsc};

use super::batch::Batch;
use super::gathered::Gathered;
use super::rows::Source;
use super::schema::{FACETS, Table};
use super::take::Taken;
use super::{Error, Format, Ready, Sink, Written, batch_sessions, parquet};
use crate::corpus::{Corpus, RatifiedAs, SessionRow};

/// Builds the table's batches from the loaded lines' rows.
pub struct Assembler {
    table: Table,
    how: RatifiedAs,
    batch: Gathered,
    sessions: usize,
    pub selected: u64,
}

impl Assembler {
    pub fn new(table: Table, how: RatifiedAs) -> Assembler {
        Assembler {
            batch: Self::empty(table, 0),
            table,
            how,
            sessions: 0,
            selected: 0,
        }
    }

    /// An empty batch with room for `sessions` sessions.
    fn empty(table: Table, sessions: usize) -> Gathered {
        let head = Batch::new(&[&table.columns()[..1], FACETS].concat(), sessions);
        Gathered::new(table, head)
    }

    /// Adds the rows of a selected session (`rows[range]` of its piece); answers a batch
    /// when it is full.
    pub fn add(
        &mut self,
        corpus: &Corpus,
        row: &SessionRow,
        taken: &Arc<Taken>,
        range: Range<usize>,
    ) -> Option<Gathered> {
        self.push(corpus, row, taken, range);
        (self.sessions == batch_sessions(self.table)).then(|| self.take())
    }

    /// Adds the rows of a selected session to the batch being built, whatever its size.
    pub fn push(&mut self, corpus: &Corpus, row: &SessionRow, taken: &Arc<Taken>, range: Range<usize>) {
        self.sessions += 1;
        self.selected += 1;
        if !range.is_empty() {
            // The session's id and facets, once: every row of it has them.
            let src = Source {
                corpus,
                how: self.how,
                table: self.table,
            };
            src.facets(self.batch.head.str(Some(&row.id)), row);
            self.batch.add(taken, range);
        }
    }

    /// The batch being built, and a new one.
    pub fn take(&mut self) -> Gathered {
        self.sessions = 0;
        std::mem::replace(&mut self.batch, Self::empty(self.table, batch_sessions(self.table)))
    }

    /// Whether a session is in the batch being built.
    pub fn pending(&self) -> bool {
        self.sessions > 0
    }
}

/// Runs `produce`, which hands batches in order to the function it is given (`false`: the
/// output failed, stop handing); encodes them on the pool's number of threads and writes
/// them in order to `out`. Answers what `produce` answered and the rows written.
pub fn pipeline<W: Write + Send, R>(
    table: Table,
    format: Format,
    out: W,
    produce: impl FnOnce(&mut dyn FnMut(Gathered) -> bool) -> R,
) -> Result<(R, u64), Error> {
    let encoder = match format {
        Format::Parquet => Some(parquet::Encoder::new(table).map_err(Error::Write)?),
        _ => None,
    };
    let mut sink = Sink::new(out, table, format, encoder.as_ref()).map_err(Error::Write)?;
    let threads = rayon::current_num_threads().max(1);
    let (tx, rx) = mpsc::sync_channel::<(u64, Gathered)>(0);
    // Shared by the encoders alone: once they all stop, `produce`'s sends fail.
    let rx = Arc::new(Mutex::new(rx));
    let (done_tx, done_rx) = mpsc::sync_channel::<(u64, std::io::Result<(usize, Ready)>)>(threads);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (rx, done_tx, encoder) = (rx.clone(), done_tx.clone(), encoder.as_ref());
            scope.spawn(move || {
                loop {
                    let Ok((seq, b)) = rx.lock().expect("no encoder panics").recv() else {
                        return;
                    };
                    let rows = b.rows();
                    let ready = match encoder {
                        Some(e) => e.encode_gathered(b).map(|g| (rows, Ready::Encoded(g))),
                        None => Ok((rows, Ready::Rows(b.into_batch()))),
                    };
                    if done_tx.send((seq, ready)).is_err() {
                        return;
                    }
                }
            });
        }
        drop((done_tx, rx));
        let writer = scope.spawn(move || -> std::io::Result<u64> {
            // Batches come back in any order: each waits here for those before it.
            let (mut next, mut waiting, mut rows) = (0, BTreeMap::new(), 0);
            for (seq, ready) in done_rx {
                waiting.insert(seq, ready?);
                while let Some((n, r)) = waiting.remove(&next) {
                    rows += n as u64;
                    sink.write(r)?;
                    next += 1;
                }
            }
            sink.finish()?;
            Ok(rows)
        });
        let mut seq = 0;
        let answer = produce(&mut |b| {
            let sent = tx.send((seq, b)).is_ok();
            seq += 1;
            sent
        });
        drop(tx);
        let rows = writer
            .join()
            .expect("the export writer does not panic")
            .map_err(Error::Write)?;
        Ok((answer, rows))
    })
}

/// What a streaming export wrote.
pub fn written(selected: u64, rows: u64) -> Written {
    Written {
        sessions: selected,
        rows,
    }
}
