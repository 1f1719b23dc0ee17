//! The distinct values of one figure, each with a code, and their ascending order: a median
//! over any rows is then a count per code and one walk.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Mixes a value's bits for the code table (the bits of round numbers end in zeros).
#[derive(Default)]
struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        let z = (self.0 ^ (self.0 >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The distinct values of one figure: codes from 1 in order of first appearance, and the
/// codes in ascending order of value (`f64::total_cmp`, the order the plain median selects by).
#[derive(Debug, Clone)]
pub struct Values {
    /// By code; `values[NONE]` is a placeholder.
    values: Vec<f64>,
    codes: HashMap<u64, u32, BuildHasherDefault<Mix>>,
    ascending: Vec<u32>,
}

impl Default for Values {
    fn default() -> Values {
        Values {
            values: vec![f64::NAN],
            codes: HashMap::default(),
            ascending: Vec::new(),
        }
    }
}

impl Values {
    /// The code of `v`, a new one if `v` is new.
    pub(super) fn code(&mut self, v: f64) -> u32 {
        let next = self.values.len() as u32;
        let code = *self.codes.entry(v.to_bits()).or_insert(next);
        if code == next {
            self.values.push(v);
        }
        code
    }

    /// Re-sorts the codes when values were added.
    pub(super) fn sort(&mut self) {
        if self.ascending.len() != self.len() {
            let values = &self.values;
            self.ascending = (1..values.len() as u32).collect();
            self.ascending
                .sort_unstable_by(|&a, &b| values[a as usize].total_cmp(&values[b as usize]));
        }
    }

    /// The value of a code (not [`NONE`](super::NONE)).
    pub fn get(&self, code: u32) -> f64 {
        self.values[code as usize]
    }

    /// The values in order of their codes, from 1.
    pub fn by_code(&self) -> &[f64] {
        &self.values[1..]
    }

    /// How many distinct values there are.
    pub fn len(&self) -> usize {
        self.values.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many codes there are, [`NONE`](super::NONE) included: the length of a count per code.
    pub fn codes(&self) -> usize {
        self.values.len()
    }

    /// The codes in ascending order of value.
    pub fn ascending(&self) -> &[u32] {
        &self.ascending
    }

    /// The median of the values counted `counts[code]` times each (the mean of the two middle
    /// ones for an even count; `counts[NONE]` is left out): the same value
    /// [`crate::stats::median`] selects; `None` when empty.
    pub(crate) fn median(&self, counts: &[u32]) -> Option<f64> {
        let n: u64 = counts[1..].iter().map(|&c| u64::from(c)).sum();
        if n == 0 {
            return None;
        }
        // 0-based positions of the middle values in ascending order (one for an odd count).
        let (lo_at, hi_at) = ((n - 1) / 2, n / 2);
        let (mut seen, mut lo) = (0u64, f64::NAN);
        for &c in &self.ascending {
            let before = seen;
            seen += u64::from(counts[c as usize]);
            if before <= lo_at && seen > lo_at {
                lo = self.get(c);
            }
            if seen > hi_at {
                let hi = self.get(c);
                return Some(if n.is_multiple_of(2) { (lo + hi) / 2.0 } else { hi });
            }
        }
        unreachable!("counts beyond the codes")
    }
}
