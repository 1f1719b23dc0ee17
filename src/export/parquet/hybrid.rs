//! The RLE / bit-packing hybrid of the Parquet format, which holds a data page's dictionary
//! indices and definition levels. A run of equal values is one RLE run (a ULEB128 header, the
//! run's length shifted left by one, and the value in `width` bits rounded up to bytes) when
//! that is smaller than packing it: with indices of a few hundred values, from 2 or 3 rows on
//! (a session's id over its rows); values in shorter runs (an action's tool) are bit-packed in
//! groups of 8 (a header of the groups' count shifted left by one, plus one; then the values,
//! `width` bits each, lowest bit first). A run can only start between whole groups.

/// Groups of 8 per bit-packed run: at most 63, whose header fits one byte (as other writers).
const MAX_GROUPS: usize = 63;

/// Encodes runs of values as they come.
pub struct Hybrid {
    out: Vec<u8>,
    width: u8,
    /// The shortest run written as an RLE run: packed, shorter ones take fewer bytes.
    rle_min: usize,
    /// Values waiting to be bit-packed.
    pending: Vec<u32>,
}

impl Hybrid {
    pub fn new(width: u8) -> Hybrid {
        Hybrid {
            out: Vec::new(),
            width,
            rle_min: (8 * (2 + usize::from(width).div_ceil(8))).div_ceil(usize::from(width)),
            pending: Vec::with_capacity(8 * MAX_GROUPS + 8),
        }
    }

    /// Adds `len` rows of `value`.
    pub fn push(&mut self, mut len: usize, value: u32) {
        // A run can only start between groups: a group being filled is filled first.
        if len >= self.rle_min && !self.pending.len().is_multiple_of(8) {
            let take = len.min(8 - self.pending.len() % 8);
            self.pending.extend(std::iter::repeat_n(value, take));
            len -= take;
        }
        if len >= self.rle_min {
            self.pack();
            self.rle(len, value);
            return;
        }
        self.pending.extend(std::iter::repeat_n(value, len));
        if self.pending.len() >= 8 * MAX_GROUPS {
            self.pack_groups();
        }
    }

    /// The encoded bytes; a last group that is not full is padded with zeros (the page says
    /// how many values it holds).
    pub fn finish(mut self) -> Vec<u8> {
        self.pack();
        self.out
    }

    /// Packs the whole groups waiting, keeping the values of a group not yet full.
    fn pack_groups(&mut self) {
        let whole = self.pending.len() / 8 * 8;
        let rest = self.pending.split_off(whole);
        self.pack();
        self.pending.extend(rest);
    }

    fn rle(&mut self, len: usize, value: u32) {
        uleb128(&mut self.out, (len as u64) << 1);
        let bytes = usize::from(self.width).div_ceil(8);
        self.out.extend_from_slice(&value.to_le_bytes()[..bytes]);
    }

    /// Bit-packs the values waiting, in runs of at most [`MAX_GROUPS`] groups; only where
    /// nothing follows (at [`Hybrid::finish`]) can the last group be short, and padded.
    fn pack(&mut self) {
        let mut values = std::mem::take(&mut self.pending);
        for chunk in values.chunks(8 * MAX_GROUPS) {
            let groups = chunk.len().div_ceil(8);
            uleb128(&mut self.out, ((groups as u64) << 1) | 1);
            let (mut acc, mut bits) = (0u64, 0u32);
            let width = u32::from(self.width);
            let padding = std::iter::repeat_n(0, groups * 8 - chunk.len());
            for v in chunk.iter().copied().chain(padding) {
                acc |= u64::from(v) << bits;
                bits += width;
                while bits >= 8 {
                    self.out.push(acc as u8);
                    acc >>= 8;
                    bits -= 8;
                }
            }
            // 8 values of `width` bits are `width` whole bytes: nothing is left over.
            debug_assert_eq!(bits, 0);
        }
        values.clear();
        self.pending = values;
    }
}

fn uleb128(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The bits an index into `len` values takes (at least 1).
pub fn width(len: usize) -> u8 {
    (usize::BITS - len.saturating_sub(1).leading_zeros()).max(1) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes the hybrid, as a reader does.
    fn decode(mut b: &[u8], width: u8, n: usize) -> Vec<u32> {
        let mut out = Vec::new();
        while out.len() < n {
            let (mut header, mut shift) = (0u64, 0);
            loop {
                let byte = b[0];
                b = &b[1..];
                header |= u64::from(byte & 0x7f) << shift;
                shift += 7;
                if byte < 0x80 {
                    break;
                }
            }
            if header & 1 == 0 {
                let bytes = usize::from(width).div_ceil(8);
                let mut v = [0u8; 4];
                v[..bytes].copy_from_slice(&b[..bytes]);
                b = &b[bytes..];
                out.extend(std::iter::repeat_n(u32::from_le_bytes(v), (header >> 1) as usize));
            } else {
                let count = (header >> 1) as usize * 8;
                let (mut acc, mut bits) = (0u64, 0u32);
                for _ in 0..count {
                    while bits < u32::from(width) {
                        acc |= u64::from(b[0]) << bits;
                        b = &b[1..];
                        bits += 8;
                    }
                    out.push((acc & ((1u64 << width) - 1)) as u32);
                    acc >>= width;
                    bits -= u32::from(width);
                }
            }
        }
        assert!(b.is_empty(), "{} bytes left over", b.len());
        out.truncate(n);
        out
    }

    fn roundtrip(runs: &[(usize, u32)], width: u8) -> Vec<u8> {
        let mut h = Hybrid::new(width);
        let mut want = Vec::new();
        for &(len, v) in runs {
            h.push(len, v);
            want.extend(std::iter::repeat_n(v, len));
        }
        let bytes = h.finish();
        assert_eq!(decode(&bytes, width, want.len()), want, "runs {runs:?} width {width}");
        bytes
    }

    #[test]
    fn long_runs_are_rle_runs() {
        // 2 bits: 12 rows or more are cheaper as a run; 8 rows of 1 are two packed bytes.
        assert_eq!(
            roundtrip(&[(100, 3), (8, 1)], 2),
            [200, 1, 3, 3, 0b01010101, 0b01010101]
        );
        // 11 bits (a session's id among a batch's): a run from 3 rows on.
        assert_eq!(roundtrip(&[(3, 1000), (12, 7)], 11), [6, 0xe8, 3, 24, 7, 0]);
    }

    #[test]
    fn short_runs_are_bit_packed_in_groups_of_eight() {
        // 1, 2, 3 then 0 x 5: one group, 2 bits each: 0b01 | 0b10 << 2 | 0b11 << 4, then zeros.
        assert_eq!(roundtrip(&[(1, 1), (1, 2), (1, 3), (5, 0)], 2), [3, 0b111001, 0]);
    }

    #[test]
    fn every_mix_reads_back() {
        let mut seed = 7u64;
        for width in [1u8, 3, 8, 9, 17, 32] {
            let mut runs = Vec::new();
            for _ in 0..2000 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let len = [1, 1, 2, 3, 7, 8, 9, 30, 600][(seed >> 33) as usize % 9];
                let max = if width == 32 { u32::MAX } else { (1u32 << width) - 1 };
                runs.push((len, (seed >> 7) as u32 & max));
            }
            roundtrip(&runs, width);
        }
        assert_eq!(width(1), 1);
        assert_eq!(width(2), 1);
        assert_eq!(width(3), 2);
        assert_eq!(width(256), 8);
        assert_eq!(width(257), 9);
    }
}
