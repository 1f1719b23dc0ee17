//! The one CSV writer of leash (exports, `audit export`): every cell is text a spreadsheet
//! shows and never runs. A cell that would start a formula (`=`, `+`, `-`, `@`, tab, CR) is
//! prefixed with `'`, and control characters and bidi overrides are escaped
//! ([`crate::text::csv_cell`]); quoting is the `csv` crate's.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::batch::{Batch, Cell};

/// A CSV writer that neutralises every cell.
pub struct SafeCsv<W: Write> {
    w: csv::Writer<W>,
}

impl<W: Write> SafeCsv<W> {
    pub fn new(out: W) -> SafeCsv<W> {
        SafeCsv {
            w: csv::Writer::from_writer(out),
        }
    }

    /// One record: each cell made safe, then quoted as CSV needs.
    pub fn record<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
        for c in cells {
            self.w
                .write_field(crate::text::csv_cell(c).as_bytes())
                .map_err(io_error)?;
        }
        self.w.write_record(std::iter::empty::<&[u8]>()).map_err(io_error)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }

    /// Flushes and hands back the output.
    pub fn into_inner(self) -> io::Result<W> {
        self.w.into_inner().map_err(|e| io::Error::other(e.to_string()))
    }
}

/// The output's own error where there is one (a closed pipe stays a closed pipe).
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        k => io::Error::other(format!("{k:?}")),
    }
}

/// A table's rows as CSV: a header line, then one line per row (a null is an empty cell).
pub struct CsvSink<W: Write> {
    out: SafeCsv<W>,
    cells: Vec<String>,
}

impl<W: Write> CsvSink<W> {
    pub fn new(out: W, header: &[&str]) -> io::Result<CsvSink<W>> {
        let mut out = SafeCsv::new(out);
        out.record(header.iter().copied())?;
        Ok(CsvSink {
            out,
            cells: vec![String::new(); header.len()],
        })
    }

    pub fn write(&mut self, b: &Batch) -> io::Result<()> {
        for row in 0..b.rows() {
            for (cell, col) in self.cells.iter_mut().zip(&b.cols) {
                cell.clear();
                let _ = match col.cell(row) {
                    Cell::Null => Ok(()),
                    Cell::Str(s) => cell.write_str(s),
                    Cell::Int(v) => write!(cell, "{v}"),
                    Cell::Float(v) => write!(cell, "{v}"),
                    Cell::Bool(v) => write!(cell, "{v}"),
                };
            }
            self.out.record(self.cells.iter().map(String::as_str))?;
        }
        Ok(())
    }

    pub fn finish(self) -> io::Result<W> {
        self.out.into_inner()
    }
}
