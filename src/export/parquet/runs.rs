//! Column chunks written by hand for a column that holds one value over runs of rows: a
//! session's id and facets, repeated on each of its rows, or a turn's number on its actions.
//!
//! The parquet crate's column writer hashes every row's value into its dictionary and
//! compares it twice for the statistics. Here the runs are found by comparing each row with
//! the one before (a repeated text cell shares its span), and only a run's first value is
//! looked up: one dictionary page of the distinct values, one data page whose dictionary
//! indices (and definition levels) are RLE runs, min/max taken from the dictionary. The file
//! is what the crate would write, but for the runs (the crate bit-packs short ones) and the
//! statistics' count of distinct values (the dictionary's size, which the crate leaves out).

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

use super::value::Value;
use crate::export::batch::{Column, Data};

/// A column is written by hand when its rows average at least this many per run: RLE runs
/// are then no bigger than the crate's bit-packed indices.
const MIN_RUN: usize = 4;

/// Past this many bytes of distinct values (the parquet crate's default dictionary page
/// limit) a column goes to the crate's writer, which falls back to plain encoding.
const DICTIONARY_LIMIT: usize = 1 << 20;

type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// The column chunk, or `None` when the column does not come in runs (or is only nulls, or
/// is of a type other than text and integers, or has more distinct values than a dictionary
/// page holds).
pub fn encode(descr: ColumnDescPtr, col: &Column) -> Result<Option<(Bytes, ColumnCloseResult)>> {
    match &col.data {
        Data::Str { bytes, spans } => {
            let Some(runs) = runs(spans, &col.valid) else {
                return Ok(None);
            };
            chunk(descr, &runs, &col.valid, |i| &bytes[spans[i].0..spans[i].1])
        }
        Data::Int(v) => {
            let Some(runs) = runs(v, &col.valid) else {
                return Ok(None);
            };
            chunk(descr, &runs, &col.valid, |i| v[i])
        }
        _ => Ok(None),
    }
}

/// Where each run of rows with the same key and validity starts, and the rows' end last;
/// `None` as soon as there are too many runs to be worth it.
fn runs<K: PartialEq>(keys: &[K], valid: &[bool]) -> Option<Vec<usize>> {
    let limit = keys.len() / MIN_RUN;
    let mut starts = Vec::with_capacity(limit + 2);
    starts.push(0);
    for i in 1..keys.len() {
        if keys[i] != keys[i - 1] || valid[i] != valid[i - 1] {
            if starts.len() > limit {
                return None;
            }
            starts.push(i);
        }
    }
    starts.push(keys.len());
    Some(starts)
}

/// The chunk of a column whose runs start at `starts`; `value(i)` is row `i`'s value.
fn chunk<V: Value>(
    descr: ColumnDescPtr,
    starts: &[usize],
    valid: &[bool],
    value: impl Fn(usize) -> V,
) -> Result<Option<(Bytes, ColumnCloseResult)>> {
    let rows = *starts.last().unwrap_or(&0);
    let mut dict: Vec<V> = Vec::new();
    let mut index: HashMap<V, u32> = HashMap::default();
    // (rows, dictionary index) of the present values, and (rows, level) of every row.
    let (mut values, mut levels): (Runs, Runs) = (Vec::new(), Vec::new());
    let (mut nulls, mut text, mut dict_bytes) = (0u64, 0usize, 0usize);
    for w in starts.windows(2) {
        let (start, len) = (w[0], w[1] - w[0]);
        push(&mut levels, len, u32::from(valid[start]));
        if !valid[start] {
            nulls += len as u64;
            continue;
        }
        let v = value(start);
        let i = *index.entry(v).or_insert_with(|| {
            dict.push(v);
            dict_bytes += 4 + v.text_len().unwrap_or(4);
            dict.len() as u32 - 1
        });
        if dict_bytes > DICTIONARY_LIMIT {
            return Ok(None);
        }
        push(&mut values, len, i);
        text += v.text_len().unwrap_or(0) * len;
    }
    let (Some(&min), Some(&max)) = (dict.iter().min(), dict.iter().max()) else {
        return Ok(None);
    };

    let mut dict_page = Vec::new();
    dict.iter().for_each(|v| v.plain(&mut dict_page));
    let mut data = Vec::new();
    if descr.max_def_level() > 0 {
        let mut l = Vec::new();
        rle(&mut l, &levels, 1);
        data.extend_from_slice(&(l.len() as u32).to_le_bytes());
        data.extend_from_slice(&l);
    }
    let width = (u32::BITS - (dict.len() as u32 - 1).leading_zeros()).max(1) as u8;
    data.push(width);
    rle(&mut data, &values, width);

    let mut buf = TrackedWrite::new(Vec::new());
    let mut pages = SerializedPageWriter::new(&mut buf);
    let dict_spec = pages.write_page(snappy(&dict_page, |buf| Page::DictionaryPage {
        buf,
        num_values: dict.len() as u32,
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
        .set_statistics(V::statistics(min, max, dict.len() as u64, nulls))
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

/// Runs of rows: how many, and their value (a dictionary index, or a definition level).
type Runs = Vec<(usize, u32)>;

/// Adds `len` rows of `value` to the runs, joining the last run when it has the same value.
fn push(runs: &mut Runs, len: usize, value: u32) {
    match runs.last_mut() {
        Some((n, v)) if *v == value => *n += len,
        _ => runs.push((len, value)),
    }
}

/// The runs in the RLE / bit-packing hybrid encoding, as RLE runs only: each a ULEB128 header
/// (the run's length, shifted left by one) and its value in `width` bits rounded up to bytes.
fn rle(out: &mut Vec<u8>, runs: &[(usize, u32)], width: u8) {
    let bytes = usize::from(width).div_ceil(8);
    for &(len, value) in runs {
        let mut header = (len as u64) << 1;
        while header >= 0x80 {
            out.push(header as u8 | 0x80);
            header >>= 7;
        }
        out.push(header as u8);
        out.extend_from_slice(&value.to_le_bytes()[..bytes]);
    }
}

/// A page of the uncompressed `data`, its buffer Snappy-compressed.
fn snappy(data: &[u8], page: impl FnOnce(Bytes) -> Page) -> Result<CompressedPage> {
    let compressed = snap::raw::Encoder::new()
        .compress_vec(data)
        .map_err(|e| parquet::errors::ParquetError::External(Box::new(e)))?;
    Ok(CompressedPage::new(page(Bytes::from(compressed)), data.len()))
}
