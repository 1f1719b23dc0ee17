//! Parquet output: one row group per batch, Snappy-compressed, dictionary-encoded where it
//! pays (the parquet crate without Arrow: its column writers take our columns directly).

use std::io::Write;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use super::batch::{Batch, Data};
use super::schema::{Col, Table, Type};

pub struct ParquetSink<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    nullable: Vec<bool>,
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

impl<W: Write + Send> ParquetSink<W> {
    pub fn new(out: W, table: Table) -> std::io::Result<Self> {
        let cols = table.columns();
        let schema = parse_message_type(&message(table, &cols)).map_err(err)?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("leash {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = SerializedFileWriter::new(out, Arc::new(schema), Arc::new(props)).map_err(err)?;
        Ok(ParquetSink {
            writer,
            nullable: cols.iter().map(|c| c.nullable).collect(),
        })
    }

    /// Writes the batch as one row group (nothing for an empty batch).
    pub fn write(&mut self, batch: Batch) -> std::io::Result<()> {
        if batch.rows() == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group().map_err(err)?;
        for (col, &nullable) in batch.cols.into_iter().zip(&self.nullable) {
            let mut w = group
                .next_column()
                .map_err(err)?
                .ok_or_else(|| std::io::Error::other("a batch with more columns than its schema"))?;
            // Non-null values only, and a definition level per row (1 = present).
            let levels: Option<Vec<i16>> = nullable.then(|| col.valid.iter().map(|&v| i16::from(v)).collect());
            let keep = |i: &usize| col.valid[*i];
            let levels = levels.as_deref();
            match col.data {
                Data::Str { bytes, spans } => {
                    let bytes = bytes::Bytes::from(bytes.into_bytes());
                    let values: Vec<ByteArray> = (0..spans.len())
                        .filter(keep)
                        .map(|i| ByteArray::from(bytes.slice(spans[i].0..spans[i].1)))
                        .collect();
                    w.typed::<ByteArrayType>().write_batch(&values, levels, None)
                }
                Data::Int(v) => {
                    let values: Vec<i64> = (0..v.len()).filter(keep).map(|i| v[i]).collect();
                    w.typed::<Int64Type>().write_batch(&values, levels, None)
                }
                Data::Float(v) => {
                    let values: Vec<f64> = (0..v.len()).filter(keep).map(|i| v[i]).collect();
                    w.typed::<DoubleType>().write_batch(&values, levels, None)
                }
                Data::Bool(v) => {
                    let values: Vec<bool> = (0..v.len()).filter(keep).map(|i| v[i]).collect();
                    w.typed::<BoolType>().write_batch(&values, levels, None)
                }
            }
            .map_err(err)?;
            w.close().map_err(err)?;
        }
        group.close().map_err(err)?;
        Ok(())
    }

    pub fn finish(self) -> std::io::Result<()> {
        let mut out = self.writer.into_inner().map_err(err)?;
        out.flush()
    }
}
