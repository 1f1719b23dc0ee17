//! The values of a column written by hand (`runs`): text and 64-bit integers, as the
//! dictionary page and the statistics hold them.

use std::hash::Hash;

use parquet::data_type::ByteArray;
use parquet::file::statistics::{Statistics, ValueStatistics};

/// A value as the dictionary page holds it, and as the statistics give it.
pub trait Value: Copy + Eq + Hash + Ord {
    fn plain(self, out: &mut Vec<u8>);
    /// Its bytes in the column index (PLAIN without a length).
    fn bytes(self) -> Vec<u8>;
    fn statistics(min: Self, max: Self, distinct: u64, nulls: u64) -> Statistics;
    /// The bytes of a text value (the metadata's unencoded size), `None` for other types.
    fn text_len(self) -> Option<usize>;
    /// A small non-negative integer, as an index into a table of them.
    fn small(self) -> Option<usize> {
        None
    }
}

impl Value for &str {
    fn plain(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.len() as u32).to_le_bytes());
        out.extend_from_slice(self.as_bytes());
    }
    fn bytes(self) -> Vec<u8> {
        self.as_bytes().to_vec()
    }
    fn statistics(min: Self, max: Self, distinct: u64, nulls: u64) -> Statistics {
        let (min, max) = (ByteArray::from(min), ByteArray::from(max));
        Statistics::ByteArray(ValueStatistics::new(
            Some(min),
            Some(max),
            Some(distinct),
            Some(nulls),
            false,
        ))
    }
    fn text_len(self) -> Option<usize> {
        Some(self.len())
    }
}

impl Value for i64 {
    fn plain(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn bytes(self) -> Vec<u8> {
        self.to_le_bytes().to_vec()
    }
    fn statistics(min: Self, max: Self, distinct: u64, nulls: u64) -> Statistics {
        let s = ValueStatistics::new(Some(min), Some(max), Some(distinct), Some(nulls), false);
        Statistics::Int64(s.with_backwards_compatible_min_max(true))
    }
    fn text_len(self) -> Option<usize> {
        None
    }
    fn small(self) -> Option<usize> {
        usize::try_from(self).ok().filter(|&k| k < 4096)
    }
}
