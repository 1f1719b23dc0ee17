//! The turns, decisions and actions tables written while the corpus loads, from the rows
//! [`TableRows`] took from each line as the loader scanned it: no line is read twice.
//!
//! A loaded session is in the export when it is the first of its id (the loaded row) and
//! its row passes the selection; its rows then go, with its id and facets, into the batch
//! being built, cut every [`batch_sessions`] sessions as [`super::write`] cuts them (so the
//! files are the same, row group for row group). Full batches are encoded on worker threads
//! and written in order by one writer; the channels hold a few batches, so memory holds the
//! loaded index and a few batches whatever the size of the corpus.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;
use std::sync::{Arc, Mutex, mpsc};

use super::batch::{Batch, Cell};
use super::rows::{Source, counted_actor};
use super::schema::{FACETS, Table};
use super::take::{Taken, line_columns};
use super::{Error, Format, Ready, Sink, Written, batch_sessions, parquet};
use crate::corpus::{Corpus, RatifiedAs, SessionRow};
use crate::model::Actor;

/// Builds the table's batches from the loaded lines' rows.
pub struct Assembler {
    table: Table,
    how: RatifiedAs,
    /// Where the line's columns go: the index of `actor` (followed by the counted actor in
    /// the decisions table).
    actor: Option<usize>,
    batch: Batch,
    /// A session's id and facets, as one row.
    head: Batch,
    sessions: usize,
    pub selected: u64,
}

impl Assembler {
    pub fn new(table: Table, how: RatifiedAs) -> Assembler {
        let schema = table.columns();
        let actor = (table == Table::Decisions)
            .then(|| line_columns(table).iter().position(|c| c.name == "actor"))
            .flatten();
        Assembler {
            batch: Batch::of(table, 0, 0),
            head: Batch::new(&[&schema[..1], FACETS].concat(), 1),
            table,
            how,
            actor,
            sessions: 0,
            selected: 0,
        }
    }

    /// Adds the rows of a selected session (`rows[range]` of its piece), column by column;
    /// answers a batch when it is full.
    pub fn add(&mut self, corpus: &Corpus, row: &SessionRow, taken: &Taken, range: Range<usize>) -> Option<Batch> {
        let n = range.len();
        // The session's id and facets, once: every row of it has them.
        self.head.truncate(0);
        self.head.str(Some(&row.id));
        let src = Source {
            corpus,
            how: self.how,
            table: self.table,
        };
        src.facets(&mut self.head, row);
        let (head, out, line) = (&self.head.cols, &mut self.batch.cols, &taken.rows.cols);
        out[0].extend_repeat(&head[0], 0, n);
        let mut at = 1;
        for (c, col) in line.iter().enumerate() {
            out[at].extend_from(col, range.clone());
            at += 1;
            if Some(c) == self.actor {
                // The counted actor: the recorded one, moved if ratified; none if redacted.
                let ratified = &line[c + 1];
                for r in range.clone() {
                    let actor = Actor::ALL.into_iter().find(|a| a.name() == col.str_at(r));
                    let ratified = matches!(ratified.cell(r), Cell::Bool(true));
                    let counted = actor
                        .filter(|_| !row.redacted)
                        .map(|a| counted_actor(a, ratified, self.how));
                    out[at].push_str(counted.map(Actor::name));
                }
                at += 1;
            }
        }
        for (f, col) in head[1..].iter().enumerate() {
            out[at + f].extend_repeat(col, 0, n);
        }
        self.batch.add_rows(n);
        self.sessions += 1;
        self.selected += 1;
        (self.sessions == batch_sessions(self.table)).then(|| self.take())
    }

    /// The batch being built, and a new one with room for as much.
    pub fn take(&mut self) -> Batch {
        self.sessions = 0;
        let next = self.batch.emptied();
        std::mem::replace(&mut self.batch, next)
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
    produce: impl FnOnce(&mut dyn FnMut(Batch) -> bool) -> R,
) -> Result<(R, u64), Error> {
    let encoder = match format {
        Format::Parquet => Some(parquet::Encoder::new(table).map_err(Error::Write)?),
        _ => None,
    };
    let mut sink = Sink::new(out, table, format, encoder.as_ref()).map_err(Error::Write)?;
    let threads = rayon::current_num_threads().max(1);
    let (tx, rx) = mpsc::sync_channel::<(u64, Batch)>(0);
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
                        Some(e) => e.encode(b).map(|g| (rows, Ready::Encoded(g))),
                        None => Ok((rows, Ready::Rows(b))),
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
