//! Column chunks written by hand, for the text and integer columns whose dictionary
//! ([`super::dict`]) fits a dictionary page: one PLAIN dictionary page, one data page of
//! definition levels and indices in the RLE / bit-packing hybrid, the statistics, column and
//! offset index the parquet crate would write (min and max from the dictionary, and the count
//! of distinct values, which the crate leaves out), through its public page API.

use bytes::Bytes;
use parquet::basic::{Compression, Encoding, PageType};
use parquet::column::page::{CompressedPage, Page, PageWriter};
use parquet::column::writer::ColumnCloseResult;
use parquet::errors::Result;
use parquet::file::metadata::{
    ColumnChunkMetaData, ColumnIndexBuilder, LevelHistogram, OffsetIndexBuilder, PageEncodingStats,
};
use parquet::file::writer::{SerializedPageWriter, TrackedWrite};
use parquet::schema::types::ColumnDescPtr;

use super::dict::{self, Dict};
use super::hybrid::{Hybrid, width};
use super::value::Value;
use crate::export::gathered::Parts;

/// The column chunk, or `None` for a column of floats or booleans, of nulls only, or with more
/// distinct values than a dictionary page holds (the crate's writer takes those).
pub fn encode(descr: ColumnDescPtr, parts: &Parts) -> Result<Option<(Bytes, ColumnCloseResult)>> {
    if let Some(d) = dict::text(parts) {
        return chunk(descr, d);
    }
    match dict::int(parts) {
        Some(d) => chunk(descr, d),
        None => Ok(None),
    }
}

/// The chunk of a column's dictionary and runs.
fn chunk<V: Value>(descr: ColumnDescPtr, d: Dict<V>) -> Result<Option<(Bytes, ColumnCloseResult)>> {
    let (Some(&min), Some(&max)) = (d.values.iter().min(), d.values.iter().max()) else {
        return Ok(None);
    };
    let (rows, nulls, text) = (d.rows, d.nulls, d.text);

    let mut dict_page = Vec::new();
    d.values.iter().for_each(|v| v.plain(&mut dict_page));
    let mut data = Vec::new();
    if descr.max_def_level() > 0 {
        let l = hybrid(&d.levels, 1);
        data.extend_from_slice(&(l.len() as u32).to_le_bytes());
        data.extend_from_slice(&l);
    }
    let width = width(d.values.len());
    data.push(width);
    data.extend_from_slice(&hybrid(&d.indices, width));

    let mut buf = TrackedWrite::new(Vec::new());
    let mut pages = SerializedPageWriter::new(&mut buf);
    let dict_spec = pages.write_page(snappy(&dict_page, |buf| Page::DictionaryPage {
        buf,
        num_values: d.values.len() as u32,
        encoding: Encoding::PLAIN,
        is_sorted: false,
    })?)?;
    let data_spec = pages.write_page(snappy(&data, |buf| Page::DataPage {
        buf,
        num_values: rows as u32,
        encoding: Encoding::RLE_DICTIONARY,
        def_level_encoding: Encoding::RLE,
        rep_level_encoding: Encoding::RLE,
        statistics: None,
    })?)?;
    pages.close()?;

    let text = min.text_len().map(|_| text as i64);
    let mut offsets = OffsetIndexBuilder::new();
    offsets.append_offset_and_size(data_spec.offset as i64, data_spec.compressed_size as i32);
    offsets.append_row_count(rows as i64);
    offsets.append_unencoded_byte_array_data_bytes(text);
    let mut column_index = ColumnIndexBuilder::new(descr.physical_type());
    column_index.append(false, min.bytes(), max.bytes(), nulls as i64, None);
    // How many rows are null (level 0) and present (1), for a column that can be null.
    let levels_histogram = LevelHistogram::try_new(descr.max_def_level()).map(|mut h| {
        h.increment_by(0, nulls as i64);
        h.increment_by(1, (rows as u64 - nulls) as i64);
        h
    });
    column_index.append_histograms(&None, &levels_histogram);

    let size = |f: fn(&parquet::column::page::PageWriteSpec) -> usize| (f(&dict_spec) + f(&data_spec)) as i64;
    let stats = |page_type, encoding| PageEncodingStats {
        page_type,
        encoding,
        count: 1,
    };
    let metadata = ColumnChunkMetaData::builder(descr)
        .set_compression(Compression::SNAPPY)
        .set_encodings(vec![Encoding::PLAIN, Encoding::RLE, Encoding::RLE_DICTIONARY])
        .set_page_encoding_stats(vec![
            stats(PageType::DICTIONARY_PAGE, Encoding::PLAIN),
            stats(PageType::DATA_PAGE, Encoding::RLE_DICTIONARY),
        ])
        .set_total_compressed_size(size(|s| s.compressed_size))
        .set_total_uncompressed_size(size(|s| s.uncompressed_size))
        .set_num_values(rows as i64)
        .set_data_page_offset(data_spec.offset as i64)
        .set_dictionary_page_offset(Some(dict_spec.offset as i64))
        .set_statistics(V::statistics(min, max, d.values.len() as u64, nulls))
        .set_definition_level_histogram(levels_histogram.clone())
        .set_unencoded_byte_array_data_bytes(text)
        .build()?;
    let closed = ColumnCloseResult {
        bytes_written: buf.bytes_written() as u64,
        rows_written: rows as u64,
        metadata,
        bloom_filter: None,
        column_index: Some(column_index.build()?),
        offset_index: Some(offsets.build()),
    };
    Ok(Some((Bytes::from(buf.into_inner()?), closed)))
}

/// Runs in the RLE / bit-packing hybrid.
fn hybrid(runs: &[(usize, u32)], width: u8) -> Vec<u8> {
    let mut h = Hybrid::new(width);
    runs.iter().for_each(|&(len, v)| h.push(len, v));
    h.finish()
}

/// A page of the uncompressed `data`, its buffer Snappy-compressed.
fn snappy(data: &[u8], page: impl FnOnce(Bytes) -> Page) -> Result<CompressedPage> {
    let compressed = snap::raw::Encoder::new()
        .compress_vec(data)
        .map_err(|e| parquet::errors::ParquetError::External(Box::new(e)))?;
    Ok(CompressedPage::new(page(Bytes::from(compressed)), data.len()))
}
