//! Parquet output: one row group per batch, Snappy-compressed, dictionary-encoded where it
//! pays (the parquet crate without Arrow: its column writers take our columns directly).
//!
//! The encoding (dictionaries, statistics, compression: most of an export's work after
//! reading) is done by [`Encoder::encode`] on the threads that build the batches, each column
//! chunk into memory; the one writer only appends the encoded chunks, in order.

use std::borrow::Cow;
use std::io::Write;
use std::sync::Arc;

use bytes::Bytes;
use parquet::basic::Compression;
use parquet::column::writer::{ColumnCloseResult, ColumnWriter, get_column_writer};
use parquet::data_type::ByteArray;
use parquet::file::properties::{WriterProperties, WriterPropertiesPtr};
use parquet::file::writer::{SerializedFileWriter, SerializedPageWriter, TrackedWrite};
use parquet::schema::parser::parse_message_type;
use parquet::schema::types::{SchemaDescPtr, SchemaDescriptor};

use super::batch::{Batch, Column, Data};
use super::gathered::{Gathered, Parts};

mod chunk;
mod dict;
mod hybrid;
mod value;
use super::schema::{Col, Table, Type};

pub struct ParquetSink<W: Write + Send> {
    writer: SerializedFileWriter<W>,
}

/// Encodes batches into row groups, on any thread: a table's schema and the file's settings.
pub struct Encoder {
    schema: SchemaDescPtr,
    props: WriterPropertiesPtr,
    nullable: Vec<bool>,
}

/// A batch encoded: each column chunk's bytes and what closing its writer said.
pub struct RowGroup {
    chunks: Vec<(Bytes, ColumnCloseResult)>,
}

/// The output's own error where there is one (a closed pipe stays a closed pipe).
fn err(e: parquet::errors::ParquetError) -> std::io::Error {
    match e {
        parquet::errors::ParquetError::External(b) => match b.downcast::<std::io::Error>() {
            Ok(io) => *io,
            Err(b) => std::io::Error::other(b.to_string()),
        },
        e => std::io::Error::other(e.to_string()),
    }
}

/// The Parquet schema of a table, in the parser's message syntax.
pub fn message(table: Table, cols: &[Col]) -> String {
    let mut m = format!("message {} {{\n", table.name());
    for c in cols {
        let rep = if c.nullable { "OPTIONAL" } else { "REQUIRED" };
        let ty = match c.ty {
            Type::Str => "BYTE_ARRAY",
            Type::Int => "INT64",
            Type::Float => "DOUBLE",
            Type::Bool => "BOOLEAN",
        };
        let logical = if c.ty == Type::Str { " (UTF8)" } else { "" };
        m.push_str(&format!("  {rep} {ty} {}{logical};\n", c.name));
    }
    m + "}\n"
}

impl Encoder {
    pub fn new(table: Table) -> std::io::Result<Self> {
        let cols = table.columns();
        let schema = parse_message_type(&message(table, &cols)).map_err(err)?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("leash {}", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(Encoder {
            schema: Arc::new(SchemaDescriptor::new(Arc::new(schema))),
            props: Arc::new(props),
            nullable: cols.iter().map(|c| c.nullable).collect(),
        })
    }

    /// The batch as one row group, each column chunk encoded into memory.
    pub fn encode(&self, batch: Batch) -> std::io::Result<RowGroup> {
        let cols = batch.cols.iter().map(|c| vec![(c, 0..c.valid.len())]).collect();
        self.encode_parts(batch.rows(), cols)
    }

    /// The gathered rows as one row group: the same chunks as [`Encoder::encode`] of
    /// [`Gathered::into_batch`], without copying the rows into one batch first.
    pub fn encode_gathered(&self, mut batch: Gathered) -> std::io::Result<RowGroup> {
        let rows = batch.rows();
        self.encode_parts(rows, batch.columns())
    }

    fn encode_parts(&self, rows: usize, cols: Vec<Parts>) -> std::io::Result<RowGroup> {
        let mut chunks = Vec::with_capacity(cols.len());
        if rows == 0 {
            return Ok(RowGroup { chunks });
        }
        for (i, (parts, &nullable)) in cols.into_iter().zip(&self.nullable).enumerate() {
            // A text or integer column whose dictionary fits a page, written by hand.
            if let Some(chunk) = chunk::encode(self.schema.column(i), &parts).map_err(err)? {
                chunks.push(chunk);
                continue;
            }
            let mut buf = TrackedWrite::new(Vec::new());
            let pages = Box::new(SerializedPageWriter::new(&mut buf));
            let mut w = get_column_writer(self.schema.column(i), self.props.clone(), pages);
            write_column(&mut w, &parts, nullable).map_err(err)?;
            let closed = w.close().map_err(err)?;
            chunks.push((Bytes::from(buf.into_inner().map_err(err)?), closed));
        }
        Ok(RowGroup { chunks })
    }
}

/// Non-null values only, and a definition level per row of a nullable column (1 = present).
fn write_column(w: &mut ColumnWriter, parts: &Parts, nullable: bool) -> parquet::errors::Result<usize> {
    let col = match parts.as_slice() {
        [(c, r)] if c.ends.is_none() && *r == (0..c.valid.len()) => Cow::Borrowed(*c),
        _ => Cow::Owned(joined(parts)),
    };
    let levels: Option<Vec<i16>> = nullable.then(|| col.valid.iter().map(|&v| i16::from(v)).collect());
    let levels = levels.as_deref();
    let valid = &col.valid;
    match (w, &col.data) {
        (ColumnWriter::ByteArrayColumnWriter(w), Data::Str { bytes, spans }) => {
            let bytes = Bytes::copy_from_slice(bytes.as_bytes());
            let values: Vec<ByteArray> = present(spans, valid, nullable)
                .iter()
                .map(|&(start, end)| ByteArray::from(bytes.slice(start..end)))
                .collect();
            w.write_batch(&values, levels, None)
        }
        (ColumnWriter::Int64ColumnWriter(w), Data::Int(v)) => w.write_batch(&present(v, valid, nullable), levels, None),
        (ColumnWriter::DoubleColumnWriter(w), Data::Float(v)) => {
            w.write_batch(&present(v, valid, nullable), levels, None)
        }
        (ColumnWriter::BoolColumnWriter(w), Data::Bool(v)) => w.write_batch(&present(v, valid, nullable), levels, None),
        _ => Err(parquet::errors::ParquetError::General(
            "a column of another type than its schema's".into(),
        )),
    }
}

/// The parts of a column as one column, a cell per row (a column of runs is one part, whole).
fn joined(parts: &Parts) -> Column {
    if let [(c, _)] = parts.as_slice()
        && c.ends.is_some()
    {
        return (*c).clone().into_rows();
    }
    let mut out = parts[0].0.room(0, 0);
    for (c, r) in parts {
        out.extend_from(c, r.clone());
    }
    out
}

/// A required column's values as they are; a nullable one's without its nulls.
fn present<'a, T: Copy>(v: &'a [T], valid: &[bool], nullable: bool) -> Cow<'a, [T]> {
    match nullable {
        false => v.into(),
        true => v.iter().zip(valid).filter(|(_, ok)| **ok).map(|(x, _)| *x).collect(),
    }
}

impl<W: Write + Send> ParquetSink<W> {
    pub fn new(out: W, encoder: &Encoder) -> std::io::Result<Self> {
        let schema = encoder.schema.root_schema_ptr();
        let writer = SerializedFileWriter::new(out, schema, encoder.props.clone()).map_err(err)?;
        Ok(ParquetSink { writer })
    }

    /// Appends the encoded batch as one row group (nothing for an empty batch).
    pub fn write(&mut self, group: RowGroup) -> std::io::Result<()> {
        if group.chunks.is_empty() {
            return Ok(());
        }
        let mut g = self.writer.next_row_group().map_err(err)?;
        for (bytes, closed) in group.chunks {
            g.append_column(&bytes, closed).map_err(err)?;
        }
        g.close().map_err(err)?;
        Ok(())
    }

    pub fn finish(self) -> std::io::Result<()> {
        let mut out = self.writer.into_inner().map_err(err)?;
        out.flush()
    }
}
