//! Stratified draws: which cell each generated session goes to, and, inside a cell, which
//! part of each calibrated distribution it takes ([`Strata`]), deterministic for a seed.

/// Dimensions of the stratified draws, one per calibrated quantity.
pub const DIMS: usize = 5;
pub const D_TURNS: usize = 0;
pub const D_APP: usize = 1;
pub const D_WORDS: usize = 2;
pub const D_PLANNING: usize = 3;
pub const D_EXECUTION: usize = 4;

/// Stratified assignment, deterministic for a seed.
///
/// Session `n` goes to the cell of `frac(offset + n / phi)` (a golden-ratio Weyl sequence:
/// every prefix of the corpus meets each cell's quota to within a couple of sessions).
/// Inside a cell (or any other stream of sessions), the session's rank `r` (how many earlier
/// sessions are in the same stream) picks its draw for each calibrated quantity by jittered
/// stratification: each block of [`BLOCK`] consecutive ranks takes each of `BLOCK` equal
/// strata of [0, 1) exactly once, in an order shuffled per seed, stream, dimension and block.
/// So any few dozen sessions of a cell spread evenly over each distribution, and the
/// quantities are independent of each other. (Low-discrepancy sequences were tried first:
/// their points can sit much closer to 1 than an even spread, which with a steep quantile
/// moved a cell's mean by up to 14%.)
#[derive(Debug, Clone)]
pub struct Strata {
    cell_offset: u64,
    seed: u64,
}

/// Ranks per stratified block.
pub const BLOCK: u64 = 32;
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

impl Strata {
    pub fn new(seed: u64) -> Strata {
        Strata {
            cell_offset: splitmix64(seed ^ 0xC311),
            seed,
        }
    }

    /// The number in [0, 1) that picks session `n`'s cell.
    pub fn cell_point(&self, n: u64) -> f64 {
        unit(self.cell_offset.wrapping_add(n.wrapping_mul(GOLDEN)))
    }

    /// A golden-ratio sequence over a stream's ranks: for quotas (an indicator of an
    /// interval), every prefix of the stream is within a session or two of the exact count.
    pub fn quota(&self, stream: usize, rank: u64) -> f64 {
        let offset = splitmix64(splitmix64(self.seed ^ 0x9107) ^ stream as u64);
        unit(offset.wrapping_add(rank.wrapping_mul(GOLDEN)))
    }

    /// The draw in [0, 1) for dimension `dim` of the session of rank `rank` in `stream`.
    pub fn within(&self, stream: usize, rank: u64, dim: usize) -> f64 {
        let key = splitmix64(splitmix64(splitmix64(self.seed) ^ stream as u64) ^ dim as u64);
        let mut x = splitmix64(key ^ (rank / BLOCK));
        let mut order: [u8; BLOCK as usize] = std::array::from_fn(|i| i as u8);
        for i in (1..order.len()).rev() {
            x = splitmix64(x);
            order.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let stratum = f64::from(order[(rank % BLOCK) as usize]);
        let jitter = unit(splitmix64(key.wrapping_add(rank.wrapping_mul(GOLDEN))));
        (stratum + jitter) / BLOCK as f64
    }
}

fn unit(v: u64) -> f64 {
    (v >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// SplitMix64's finaliser: a well-mixed 64-bit hash of a 64-bit value.
pub fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::calib::spread;

    #[test]
    fn strata_fill_cells_by_quota_and_spread_each_cell_evenly() {
        let st = Strata::new(7);
        let n = 10_000;
        let low = (0..n).filter(|&i| st.cell_point(i) < 0.08).count();
        assert!((799..=801).contains(&low), "{low}");
        for d in 0..DIMS {
            // Every block of 32 ranks has exactly 8 draws per quarter.
            let low = (0..320).filter(|&r| st.within(4, r, d) < 0.25).count();
            assert_eq!(low, 80, "dim {d}");
            for r in 0..64 {
                let u = st.within(4, r, d);
                assert!((0.0..1.0).contains(&u));
            }
            let m: f64 = (0..320).map(|r| spread(st.within(9, r, d))).sum::<f64>() / 320.0;
            assert!((m - 1.0).abs() < 0.02, "dim {d}: mean {m}");
        }
        assert_ne!(st.cell_point(3), Strata::new(8).cell_point(3));
        assert_ne!(st.within(2, 3, 0), Strata::new(8).within(2, 3, 0));
        assert_ne!(st.within(2, 3, 0), st.within(2, 3, 1));
        let verified = (0..211).filter(|&r| st.quota(1, r) < 0.15).count();
        assert!((31..=33).contains(&verified), "{verified}");
    }
}
