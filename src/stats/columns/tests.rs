//! The packed columns and the reports counted from them, pinned to the straightforward
//! [`Report::compute`] over the same rows: equal to the last bit, on the demo corpus and on
//! made-up rows with every edge (no turns, no decisions, ties, odd and even counts, empty sets).

use super::*;
use crate::corpus::{Corpus, DecisionTally, Source};
use crate::filter::{Filter, expertise_slot};
use crate::model::{Kind, Outcome};
use crate::stats::{Regime, Report, median};

const HOWS: [RatifiedAs; 3] = [RatifiedAs::Recorded, RatifiedAs::Human, RatifiedAs::Agent];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

fn demo() -> Corpus {
    Corpus::load(vec![Source::demo()], |_| {}).unwrap()
}

/// Made-up rows from one loaded template: few distinct values (many ties), sessions without
/// turns or without decisions, ratified decisions, every expertise slot and outcome.
fn made_up(n: usize, seed: u64) -> Vec<SessionRow> {
    let template = demo().rows.swap_remove(0);
    let mut rng = Rng(seed | 1);
    (0..n)
        .map(|_| {
            let mut r = template.clone();
            r.turns = [0, 1, 2, 3, 7][rng.below(5) as usize];
            r.actions = if r.turns == 0 { 0 } else { rng.below(400) };
            r.words = rng.below(5000);
            r.expertise = [None, Some(1), Some(2), Some(3), Some(4), Some(5), Some(9)][rng.below(7) as usize];
            r.outcome = [
                None,
                Some(Outcome::VerifiedSuccess),
                Some(Outcome::Success),
                Some(Outcome::Failure),
            ][rng.below(4) as usize];
            r.mode = [None, Some(0), Some(1)][rng.below(3) as usize];
            let mut t = DecisionTally::default();
            for _ in 0..rng.below(6) {
                let kind = Kind::ALL[rng.below(2) as usize];
                let actor = crate::model::Actor::ALL[rng.below(2) as usize];
                t.add(kind, actor, rng.below(3) == 0);
            }
            r.tally = t;
            r
        })
        .collect()
}

/// Subsets of `n` rows: everything, nothing, one, two, sorted samples of odd and even size,
/// and an unsorted one with repeats larger than a parallel chunk.
fn subsets(n: usize, rng: &mut Rng) -> Vec<Vec<u32>> {
    let all: Vec<u32> = (0..n as u32).collect();
    let last = n as u32 - 1;
    let mut v = vec![all.clone(), vec![], vec![0], vec![0, last.min(1)], vec![last, 0]];
    for keep in [2, 3, 7] {
        v.push(all.iter().copied().filter(|_| rng.below(keep) == 0).collect());
    }
    v.push((0..40_000).map(|_| rng.below(n as u64) as u32).collect());
    v
}

fn reference(rows: &[SessionRow], members: &[u32], how: RatifiedAs, skipped: u64) -> Report {
    Report::compute(members.iter().map(|&i| &rows[i as usize]), how, skipped)
}

fn check_reports(rows: &[SessionRow], seed: u64) {
    let mut rng = Rng(seed);
    for how in HOWS {
        let cols = Columns::of(rows, how);
        assert_eq!(cols.len(), rows.len());
        for members in subsets(rows.len(), &mut rng) {
            let r = Report::of_columns(&cols, &members, 7);
            assert_eq!(
                r,
                reference(rows, &members, how, 7),
                "{how:?}, {} members",
                members.len()
            );
            let cohort = |f: &RowFigures| [f.level() == 0, f.in_regime(Regime::AgentControlsPlanning)];
            let (all, [a, b]) = Report::cohorts_of_columns(&cols, &members, 7, cohort);
            assert_eq!(all, r);
            let pick = |g: usize| -> Vec<u32> {
                let c = |i: &&u32| cohort(&cols.rows()[**i as usize])[g];
                members.iter().filter(c).copied().collect()
            };
            assert_eq!(a, reference(rows, &pick(0), how, 0));
            assert_eq!(b, reference(rows, &pick(1), how, 0));
        }
    }
}

#[test]
fn reports_from_columns_equal_the_plain_computation_on_the_demo_corpus() {
    check_reports(&demo().rows, 11);
}

#[test]
fn reports_from_columns_equal_the_plain_computation_on_made_up_rows() {
    for (n, seed) in [(1, 1), (2, 2), (3, 3), (50, 4), (2000, 5)] {
        check_reports(&made_up(n, seed), seed);
    }
}

#[test]
fn columns_grown_in_batches_equal_columns_built_at_once() {
    // Several parallel chunks, and batches that end inside them.
    let rows = made_up(40_000, 9);
    for how in HOWS {
        let whole = Columns::of(&rows, how);
        let mut grown = Columns::new(how);
        for part in [0..1, 1..1, 1..300, 300..20_000, 20_000..40_000] {
            grown.extend(&rows[part]);
        }
        assert_eq!(grown.rows(), whole.rows());
        for f in Figure::ALL {
            assert_eq!(grown.values(f).ascending(), whole.values(f).ascending());
            // Codes number the values in order of first appearance, as one pass would.
            let mut next = 1;
            for (i, r) in whole.rows().iter().enumerate() {
                let code = r.codes[f.index()];
                assert!(code <= next, "{f:?} row {i}");
                next += u32::from(code == next);
            }
            assert_eq!(next as usize, whole.values(f).codes());
        }
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(whole.value(Figure::ActionsPerPrompt, i), r.app());
            assert_eq!(
                whole.value(Figure::ExecutionShare, i),
                r.tally.human_share(Kind::Execution, how)
            );
        }
        let members: Vec<u32> = (0..40_000).step_by(3).collect();
        let r = Report::of_columns(&grown, &members, 0);
        assert_eq!(r, Report::of_columns(&whole, &members, 0));
        assert_eq!(r, reference(&rows, &members, how, 0));
    }
}

/// The ratified toggle recomputes only the shares, decisions and regimes in place; the
/// result is the columns built afresh, codes included, from every setting to every other.
#[test]
fn rebuilt_columns_equal_columns_built_afresh() {
    let rows = made_up(40_000, 11);
    for from in HOWS {
        for to in HOWS {
            let mut rebuilt = Columns::of(&rows, from);
            rebuilt.rebuild(&rows, to);
            let fresh = Columns::of(&rows, to);
            assert_eq!(rebuilt.how(), to);
            assert_eq!(rebuilt.rows(), fresh.rows(), "{from:?} -> {to:?}");
            for f in Figure::ALL {
                assert_eq!(rebuilt.values(f).by_code(), fresh.values(f).by_code(), "{f:?}");
                assert_eq!(rebuilt.values(f).ascending(), fresh.values(f).ascending(), "{f:?}");
            }
        }
    }
}

#[test]
fn row_figures_are_the_rows_own() {
    let rows = made_up(500, 13);
    for how in HOWS {
        let cols = Columns::of(&rows, how);
        for (i, r) in rows.iter().enumerate() {
            let f = &cols.rows()[i];
            assert_eq!(f.app(), r.app());
            assert_eq!(cols.value(Figure::ActionsPerPrompt, i), r.app());
            assert_eq!(cols.value(Figure::Turns, i), Some(f64::from(r.turns)));
            for (fig, kind) in [
                (Figure::PlanningShare, Kind::Planning),
                (Figure::ExecutionShare, Kind::Execution),
            ] {
                assert_eq!(cols.value(fig, i), r.tally.human_share(kind, how));
            }
            for g in Regime::ALL {
                assert_eq!(f.in_regime(g), g.holds(r, how));
            }
            assert_eq!(f.level(), expertise_slot(r.expertise));
            assert_eq!(f.outcome(), r.outcome);
        }
    }
}

#[test]
fn admission_agrees_with_passes() {
    let c = demo();
    let mut rows = made_up(600, 17);
    rows.extend(c.rows.iter().take(600).cloned());
    let filters = [
        Filter::default(),
        Filter {
            expertise: vec![0, 5],
            ..Filter::default()
        },
        Filter {
            modes: vec![c.modes[0].to_string(), c.modes[1].to_string()],
            outcomes: vec![None, Some(Outcome::Failure)],
            ..Filter::default()
        },
        Filter {
            regimes: vec![Regime::UserKeepsExecution],
            app_min: Some(2.0),
            ..Filter::default()
        },
        Filter {
            regimes: Regime::ALL.to_vec(),
            app_max: Some(100.0),
            ..Filter::default()
        },
        Filter {
            expertise: vec![1, 2, 3, 4],
            outcomes: vec![Some(Outcome::VerifiedSuccess), Some(Outcome::Success)],
            regimes: vec![Regime::AgentControlsPlanning],
            app_min: Some(1.0),
            app_max: Some(20.0),
            ..Filter::default()
        },
        Filter {
            modes: vec!["no such mode".into()],
            ..Filter::default()
        },
    ];
    for how in HOWS {
        let cols = Columns::of(&rows, how);
        for f in &filters {
            let modes = f.mode_ids(&c);
            let admission = f.admission(&modes);
            for (r, fig) in rows.iter().zip(cols.rows()) {
                assert_eq!(admission.admits(fig), f.passes(r, &modes, how), "{f:?} {how:?}");
            }
        }
    }
}

#[test]
fn counted_medians_equal_selected_ones() {
    let mut rng = Rng(21);
    for n in [1, 2, 3, 4, 5, 10, 11, 200, 201] {
        for distinct in [1, 2, 3, 50] {
            let mut vals = Values::default();
            let mut counts = Vec::new();
            let mut plain = Vec::new();
            for _ in 0..n {
                // Values a session could hold: whole numbers and ratios of small ones.
                let v = rng.below(distinct) as f64 / [1.0, 3.0, 7.0][rng.below(3) as usize];
                let code = vals.code(v) as usize;
                counts.resize(vals.codes(), 0);
                counts[code] += 1;
                plain.push(v);
            }
            vals.sort();
            assert_eq!(vals.median(&counts), median(&mut plain), "n {n}, {distinct} values");
        }
    }
    let empty = Values::default();
    assert_eq!(empty.median(&[0]), None);
}
