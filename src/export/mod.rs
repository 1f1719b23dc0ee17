//! Export of the filtered sessions as flat tables (`docs/export.md`): sessions, turns,
//! decisions or actions, as CSV, JSON Lines or Parquet.
//!
//! Streaming: the sessions are cut into batches, built on all cores a window at a time and
//! written in order by one writer thread (each batch one Parquet row group), so that memory
//! holds a few batches whatever the size of the corpus.

mod batch;
pub mod csv;
pub mod file;
mod gathered;
mod jsonl;
mod line;
mod lines;
mod parquet;
mod rows;
pub mod schema;
pub mod stream;
pub mod take;

use std::io::Write;
use std::path::Path;
use std::sync::mpsc;

use rayon::prelude::*;

pub use batch::{Batch, Cell};
pub use rows::counted_actor;
pub use schema::{Col, Table, Type};
pub use take::TableRows;

use crate::corpus::{Corpus, RatifiedAs};

/// An export file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
    Parquet,
}

impl Format {
    pub const NAMES: [&'static str; 3] = ["csv", "jsonl", "parquet"];

    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }

    /// The format a file name's extension says, if any.
    pub fn of_path(p: &Path) -> Option<Format> {
        Format::parse(&p.extension()?.to_str()?.to_ascii_lowercase())
    }
}

/// Why an export stopped: a session's line could not be read again (file and line named),
/// or the output could not be written.
#[derive(Debug)]
pub enum Error {
    Read(String),
    Write(std::io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Error::Read(m) => f.write_str(m),
            Error::Write(e) => write!(f, "cannot write the output: {}", crate::safe_fs::describe(e)),
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    pub sessions: u64,
    pub rows: u64,
}

/// Sessions per batch: the sessions table's rows are small; a session of the other tables
/// makes tens of rows.
fn batch_sessions(table: Table) -> usize {
    match table {
        Table::Sessions => 16 * 1024,
        _ => 2 * 1024,
    }
}

enum Sink<W: Write + Send> {
    Csv(csv::CsvSink<W>),
    Jsonl(jsonl::JsonlSink<W>),
    Parquet(parquet::ParquetSink<W>),
}

/// What a worker hands the writer: the batch, or for Parquet its row group, encoded.
enum Ready {
    Rows(Batch),
    Encoded(parquet::RowGroup),
}

impl<W: Write + Send> Sink<W> {
    fn new(out: W, table: Table, format: Format, encoder: Option<&parquet::Encoder>) -> std::io::Result<Sink<W>> {
        let names: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
        Ok(match format {
            Format::Csv => Sink::Csv(csv::CsvSink::new(out, &names)?),
            Format::Jsonl => Sink::Jsonl(jsonl::JsonlSink::new(out, &names)),
            Format::Parquet => Sink::Parquet(parquet::ParquetSink::new(out, encoder.expect("Parquet is encoded"))?),
        })
    }

    fn write(&mut self, r: Ready) -> std::io::Result<()> {
        match (self, r) {
            (Sink::Csv(s), Ready::Rows(b)) => s.write(&b),
            (Sink::Jsonl(s), Ready::Rows(b)) => s.write(&b),
            (Sink::Parquet(s), Ready::Encoded(g)) => s.write(g),
            _ => unreachable!("a Parquet sink gets encoded row groups, the others batches"),
        }
    }

    fn finish(self) -> std::io::Result<()> {
        match self {
            Sink::Csv(s) => s.finish().map(drop),
            Sink::Jsonl(s) => s.finish().map(drop),
            Sink::Parquet(s) => s.finish(),
        }
    }
}

/// Writes `table` for the sessions at `members` (indices into `corpus.rows`, in that order)
/// to `out`, ratified decisions counted as `how`. An error names the file and line that
/// could not be read again, or says why the output could not be written.
pub fn write(
    corpus: &Corpus,
    members: &[u32],
    how: RatifiedAs,
    table: Table,
    format: Format,
    out: impl Write + Send,
) -> Result<Written, Error> {
    let encoder = match format {
        Format::Parquet => Some(parquet::Encoder::new(table).map_err(Error::Write)?),
        _ => None,
    };
    let mut sink = Sink::new(out, table, format, encoder.as_ref()).map_err(Error::Write)?;
    let source = rows::Source { corpus, how, table };
    // Built, and for Parquet encoded, on the workers.
    let ready = |m: &[u32]| -> Result<(usize, Ready), Error> {
        if table == Table::Sessions {
            let b = source.sessions(m);
            let rows = b.rows();
            return Ok(match &encoder {
                Some(e) => (rows, Ready::Encoded(e.encode(b).map_err(Error::Write)?)),
                None => (rows, Ready::Rows(b)),
            });
        }
        let g = source.gathered(m).map_err(Error::Read)?;
        let rows = g.rows();
        Ok(match &encoder {
            Some(e) => (rows, Ready::Encoded(e.encode_gathered(g).map_err(Error::Write)?)),
            None => (rows, Ready::Rows(g.into_batch())),
        })
    };
    let per_batch = batch_sessions(table);
    let window = per_batch * 2 * rayon::current_num_threads().max(1);
    let (tx, rx) = mpsc::sync_channel::<(usize, Ready)>(rayon::current_num_threads().max(1));
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> std::io::Result<u64> {
            let mut rows = 0;
            for (n, r) in rx {
                rows += n as u64;
                sink.write(r)?;
            }
            sink.finish()?;
            Ok(rows)
        });
        let mut built = Ok(());
        for members in members.chunks(window) {
            let batches: Result<Vec<(usize, Ready)>, Error> = members.par_chunks(per_batch).map(ready).collect();
            match batches {
                // A closed channel means the writer failed: its error is reported below.
                Ok(batches) => {
                    if batches.into_iter().any(|b| tx.send(b).is_err()) {
                        break;
                    }
                }
                Err(e) => {
                    built = Err(e);
                    break;
                }
            }
        }
        drop(tx);
        let written = writer.join().expect("the export writer does not panic");
        built?;
        let rows = written.map_err(Error::Write)?;
        Ok(Written {
            sessions: members.len() as u64,
            rows,
        })
    })
}
