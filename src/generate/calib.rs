//! The calibration: how sessions are spread over cells (expertise x control regime x heavy
//! tail) and the per-cell means that make a large corpus reproduce the study's figures.
//!
//! Targets (pooled, per the spec's metric definitions): planning human share 0.70, execution
//! human share 0.20, 4 turns per session, 10 actions per prompt, 2,400 words per turn, 2% of
//! sessions over 100 actions per prompt, novice 5 vs expert 12 actions per prompt (600 vs
//! 3,200 words), `user_keeps_execution` 8 vs `agent_controls_planning` 16 actions per prompt,
//! verified success 15% for novices vs ~30% from intermediate up.
//!
//! The heavy tail (one or two prompts, then 100+ agent actions each) is placed explicitly and
//! contributes about a tenth of all actions; the other sessions' actions per prompt are a
//! product `level factor x regime factor` solved by iterative proportional fitting so that
//! every expertise level and both regimes hit their pooled targets *including* the tail.

/// Expertise index 0-4 = levels 1-5, 5 = unknown.
pub const LEVELS: usize = 6;
/// Share of sessions per expertise index.
pub const LEVEL_SHARE: [f64; LEVELS] = [0.08, 0.15, 0.30, 0.25, 0.17, 0.05];
/// Pooled actions per prompt per expertise index.
pub const APP_TARGET: [f64; LEVELS] = [5.0, 8.0, 10.0, 11.5, 12.0, 10.0];
/// Response words per turn per expertise index.
pub const WORDS_TARGET: [f64; LEVELS] = [600.0, 1700.0, 2500.0, 2800.0, 3200.0, 2400.0];
/// verified_success / known outcomes per expertise index.
pub const VERIFIED: [f64; LEVELS] = [0.15, 0.22, 0.30, 0.305, 0.31, 0.25];
/// Share of sessions with a known outcome; of the known non-verified, this many succeeded.
pub const KNOWN_OUTCOME: f64 = 0.88;
pub const PLAIN_SUCCESS: f64 = 0.62;
/// Heavy-tail rate per expertise index (novices do not let the agent run 100+ actions).
pub const TAIL_RATE: [f64; LEVELS] = [0.0, 0.015, 0.02, 0.025, 0.03, 0.02];

/// Who controls the session's decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// Human execution share > 0.8 (`user_keeps_execution`).
    Keeps,
    /// Everything in between (never in either regime).
    Shared,
    /// Human planning share < 0.2 (`agent_controls_planning`).
    AgentPlans,
}

pub const REGIMES: [Regime; 3] = [Regime::Keeps, Regime::Shared, Regime::AgentPlans];
pub const REGIME_SHARE: [f64; 3] = [0.10, 0.78, 0.12];
pub const REGIME_APP_TARGET: [Option<f64>; 3] = [Some(8.0), None, Some(16.0)];
/// Relative heavy-tail rate per regime (a user who keeps execution never lets 100+ actions run).
const REGIME_TAIL: [f64; 3] = [0.0, 1.0, 1.5];

/// Sessions without a single turn (aborted before the first prompt).
pub const EMPTY_SHARE: f64 = 0.005;
pub const TURNS_MEAN: f64 = 4.0;
/// Tail sessions have 1 or 2 turns (mean 1.5) and 101 + Exp(59) actions per prompt.
pub const TAIL_TURNS_MEAN: f64 = 1.5;
pub const TAIL_APP_MIN: f64 = 101.0;
pub const TAIL_APP_EXTRA_MEAN: f64 = 59.0;
/// Ordinary sessions stay below this many actions per prompt.
pub const APP_CAP: f64 = 95.0;

/// Session human shares inside the `Shared` regime (tuned so the pooled shares are 0.70 and
/// 0.20 once the other regimes and the decision counts are taken into account).
pub const SHARED_PLANNING: f64 = 0.79;
pub const SHARED_EXECUTION: f64 = 0.137;

/// One stratum of sessions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    /// Expertise index (0-4 = levels 1-5, 5 = unknown).
    pub level: usize,
    pub regime: Regime,
    pub tail: bool,
    pub empty: bool,
    pub weight: f64,
}

/// The solved calibration.
#[derive(Debug, Clone)]
pub struct Calibration {
    pub cells: Vec<Cell>,
    /// Cumulative weights, for picking a cell from a number in [0, 1).
    cum: Vec<f64>,
    /// Mean actions per prompt of ordinary sessions, `[level][regime]`.
    pub app: [[f64; 3]; LEVELS],
    /// Success probability of the geometric turn count of ordinary sessions.
    pub turns_p: f64,
}

fn tail_rate(level: usize, regime: usize) -> f64 {
    TAIL_RATE[level] * REGIME_TAIL[regime]
}

impl Calibration {
    pub fn new() -> Calibration {
        let live = 1.0 - EMPTY_SHARE;
        let mut cells = vec![Cell {
            level: 5,
            regime: Regime::Shared,
            tail: false,
            empty: true,
            weight: EMPTY_SHARE,
        }];
        let mut tail_weight = 0.0;
        for (level, ls) in LEVEL_SHARE.iter().enumerate() {
            for (r, rs) in REGIME_SHARE.iter().enumerate() {
                let w = live * ls * rs;
                let t = tail_rate(level, r);
                tail_weight += w * t;
                for tail in [false, true] {
                    let weight = if tail { w * t } else { w * (1.0 - t) };
                    if weight > 0.0 {
                        cells.push(Cell {
                            level,
                            regime: REGIMES[r],
                            tail,
                            empty: false,
                            weight,
                        });
                    }
                }
            }
        }
        let ordinary_weight = live - tail_weight;
        let turns_mean = (TURNS_MEAN - tail_weight * TAIL_TURNS_MEAN) / ordinary_weight;
        let mut cum = Vec::with_capacity(cells.len());
        let mut acc = 0.0;
        for c in &cells {
            acc += c.weight;
            cum.push(acc);
        }
        let mut cal = Calibration {
            cells,
            cum,
            app: [[1.0; 3]; LEVELS],
            turns_p: 1.0 / turns_mean,
        };
        cal.solve_app(turns_mean);
        cal
    }

    /// Iterative proportional fitting of `app[level][regime] = a[level] * b[regime]`.
    fn solve_app(&mut self, turns_mean: f64) {
        let tail_actions = TAIL_TURNS_MEAN * (TAIL_APP_MIN + TAIL_APP_EXTRA_MEAN);
        let mut a = [1.0; LEVELS];
        let mut b = [1.0; 3];
        // Pooled APP of the live sessions matching `pick(level, regime)`.
        let pooled = |a: &[f64; LEVELS], b: &[f64; 3], pick: &dyn Fn(usize, usize) -> bool| {
            let (mut actions, mut turns) = (0.0, 0.0);
            for l in 0..LEVELS {
                for r in 0..3 {
                    if pick(l, r) {
                        let w = LEVEL_SHARE[l] * REGIME_SHARE[r];
                        let t = tail_rate(l, r);
                        actions += w * ((1.0 - t) * turns_mean * a[l] * b[r] + t * tail_actions);
                        turns += w * ((1.0 - t) * turns_mean + t * TAIL_TURNS_MEAN);
                    }
                }
            }
            actions / turns
        };
        for _ in 0..200 {
            for l in 0..LEVELS {
                a[l] *= APP_TARGET[l] / pooled(&a, &b, &|x, _| x == l);
            }
            for r in 0..3 {
                if let Some(target) = REGIME_APP_TARGET[r] {
                    b[r] *= target / pooled(&a, &b, &|_, y| y == r);
                }
            }
        }
        for (row, al) in self.app.iter_mut().zip(a) {
            for (cell, br) in row.iter_mut().zip(b) {
                *cell = al * br;
            }
        }
    }

    /// The index of the cell of a number in [0, 1).
    pub fn cell(&self, u: f64) -> usize {
        self.cum.partition_point(|&c| c <= u).min(self.cells.len() - 1)
    }
}

impl Default for Calibration {
    fn default() -> Self {
        Calibration::new()
    }
}

/// Quantile of a log-logistic distribution with shape 4, cut at 4 times its mean and
/// scaled back to mean 1. The cut matters: low-discrepancy points can fall much closer to 1
/// than an even spread would put them, and one such point of an unbounded quantile can move
/// a few hundred sessions' mean by 10%.
pub fn spread(u: f64) -> f64 {
    const BETA: f64 = 4.0;
    const CAP: f64 = 4.0;
    /// Mean of the cut distribution (by numeric integration).
    const CUT_MEAN: f64 = 0.996_58;
    let b = std::f64::consts::PI / BETA;
    let mean = b / b.sin();
    let u = u.clamp(1e-12, 1.0 - 1e-12);
    ((u / (1.0 - u)).powf(1.0 / BETA) / mean).min(CAP) / CUT_MEAN
}

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

    #[test]
    fn cells_cover_the_unit_interval_with_the_configured_shares() {
        let cal = Calibration::new();
        let total: f64 = cal.cells.iter().map(|c| c.weight).sum();
        assert!((total - 1.0).abs() < 1e-9, "weights sum to {total}");
        let tail: f64 = cal.cells.iter().filter(|c| c.tail).map(|c| c.weight).sum();
        assert!(
            (0.018..0.023).contains(&(tail / (1.0 - EMPTY_SHARE))),
            "tail share {tail}"
        );
        assert!(cal.cells[cal.cell(0.0)].empty);
        assert!(!cal.cells[cal.cell(0.999_999)].empty);
    }

    #[test]
    fn solved_app_keeps_ordinary_sessions_ordered_and_below_the_tail() {
        let cal = Calibration::new();
        for l in 0..LEVELS {
            let [k, s, a] = cal.app[l];
            assert!(k < s && s < a, "level {l}: {k} {s} {a}");
            assert!(a < 40.0 && k > 1.0);
        }
        // Novices have no tail, so their ordinary mean is their target.
        let novice: f64 = (0..3).map(|r| REGIME_SHARE[r] * cal.app[0][r]).sum();
        assert!((novice - APP_TARGET[0]).abs() < 0.01, "{novice}");
    }

    #[test]
    fn spread_has_mean_one_and_a_bounded_tail() {
        let n = 1_000_000;
        let m: f64 = (0..n).map(|i| spread((i as f64 + 0.5) / n as f64)).sum::<f64>() / n as f64;
        assert!((m - 1.0).abs() < 0.001, "{m}");
        assert!(spread(1.0) < 4.1 && spread(0.0) < 0.01);
    }

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
