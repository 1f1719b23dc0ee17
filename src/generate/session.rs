//! Builds one synthetic session from (seed, index).

use rand::RngExt;
use rand_pcg::Pcg64;

use super::calib::{self, Calibration, Regime, Strata};
use super::human::Story;
use super::scenario::Scenario;
use super::stack::{MODES, PROJECTS, weighted};
use super::subject::SUBJECTS;
use super::text;
use super::turn::{self, Shape};
use crate::model::{Actor, Expertise, Kind, Outcome, Session};

/// Splits `total` into parts proportional to `weights`, summing exactly to `total`.
pub fn split(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    let mut parts: Vec<u64> = weights
        .iter()
        .map(|w| (total as f64 * w / sum).floor() as u64)
        .collect();
    let mut rest = total - parts.iter().sum::<u64>().min(total);
    let n = parts.len();
    let mut i = 0;
    while rest > 0 {
        parts[i % n] += 1;
        rest -= 1;
        i += 1;
    }
    parts
}

fn rfc3339(secs: i64) -> String {
    crate::text::rfc3339_utc(secs.max(0) as u64)
}

/// Human count among `n` decisions for a wanted share, randomly rounded, kept in `[lo, hi]`.
fn humans(rng: &mut Pcg64, n: u64, share: f64, lo: u64, hi: u64) -> u64 {
    let h = (share * n as f64 + rng.random::<f64>()).floor() as u64;
    h.clamp(lo.min(hi), hi).min(n)
}

/// Where a session stands in the stratification (see [`Strata`]).
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    /// Its 0-based position in the corpus.
    pub index: u64,
    pub cell: usize,
    /// How many earlier sessions are in the same cell.
    pub rank: u64,
    /// How many earlier sessions have the same expertise level.
    pub level_rank: u64,
}

/// Builds the session at `slot` of the corpus for `seed`.
pub fn session(cal: &Calibration, strata: &Strata, seed: u64, slot: &Slot) -> Session {
    let index = slot.index;
    let q = |d| strata.within(slot.cell, slot.rank, d);
    let cell = cal.cells[slot.cell];
    let state =
        (u128::from(calib::splitmix64(seed)) << 64) | u128::from(calib::splitmix64(index ^ seed.rotate_left(29)));
    let mut rng = Pcg64::new(state, u128::from(index));
    let rng = &mut rng;

    let project = &PROJECTS[rng.random_range(0..PROJECTS.len())];
    let mode = MODES[weighted(rng, &MODES.map(|m| m.1))].0;
    let subject = &SUBJECTS[project.subjects[rng.random_range(0..project.subjects.len())]];
    let sc = Scenario::new(project, subject, mode);
    let level = cell.level;
    let expertise = Expertise((level < 5).then_some(level as u8 + 1));
    let start = 1_736_121_600 + rng.random_range(0..650 * 86_400i64); // from 2025-01-06
    let mut s = Session {
        id: format!("s-{:06}", index + 1),
        title: None,
        project: Some(project.name.to_owned()),
        started_at: Some(rfc3339(start)),
        model: Some(text::MODELS[rng.random_range(0..text::MODELS.len())].to_owned()),
        expertise,
        mode: Some(mode.to_owned()),
        outcome: None,
        turns: Vec::new(),
        ..Session::default()
    };
    if cell.empty {
        s.title = Some("Untitled session".to_owned());
        return s;
    }
    let uo = strata.quota(cell.level, slot.level_rank);
    if uo < calib::KNOWN_OUTCOME {
        let v = uo / calib::KNOWN_OUTCOME;
        let verified = calib::VERIFIED[level];
        s.outcome = Some(if v < verified {
            Outcome::VerifiedSuccess
        } else if (v - verified) / (1.0 - verified) < calib::PLAIN_SUCCESS {
            Outcome::Success
        } else {
            Outcome::Failure
        });
    }

    // Turns, actions and words: the calibrated session totals.
    let (ut, ua) = (q(calib::D_TURNS), q(calib::D_APP));
    let (n, actions) = if cell.tail {
        let n: u64 = if ut < 0.5 { 1 } else { 2 };
        let app = calib::TAIL_APP_MIN - calib::TAIL_APP_EXTRA_MEAN * (1.0 - ua).max(1e-9).ln();
        (n, (app.min(400.0) * n as f64).ceil() as u64)
    } else {
        let extra = ((1.0 - ut).max(1e-12).ln() / (1.0 - cal.turns_p).ln()).floor();
        let n = 1 + extra.min(24.0) as u64; // a bounded tail, see `calib::spread`
        let app = (cal.app[level][cell.regime as usize] * calib::spread(ua)).min(calib::APP_CAP);
        (n, (app * n as f64).round() as u64)
    };
    let words_mean = (calib::WORDS_TARGET[level] * calib::spread(q(calib::D_WORDS))).min(40_000.0);
    let words_total = (words_mean * n as f64).round() as u64;
    let aw: Vec<f64> = (0..n)
        .map(|t| rng.random_range(0.2..1.8) * if t == 0 { 1.4 } else { 1.0 })
        .collect();
    let per_turn_actions = split(actions, &aw);
    let ww: Vec<f64> = aw.iter().map(|a| 0.5 * a + rng.random_range(0.2..1.0)).collect();
    let per_turn_words = split(words_total, &ww);

    // Decisions: counts per turn, then who made them, fixed at session level by the regime.
    let mut planning_n: Vec<u64> = Vec::with_capacity(n as usize);
    let mut execution_n: Vec<u64> = Vec::with_capacity(n as usize);
    for (t, &turn_actions) in per_turn_actions.iter().enumerate() {
        planning_n.push(if t == 0 {
            2 + u64::from(rng.random_bool(0.5))
        } else {
            [0, 0, 0, 0, 0, 0, 1, 1, 1, 2][rng.random_range(0..10)]
        });
        // A turn without actions changes nothing: no execution decision.
        execution_n.push(if turn_actions == 0 {
            0
        } else {
            1 + (turn_actions / 6).min(3)
        });
    }
    let (np, nx): (u64, u64) = (planning_n.iter().sum(), execution_n.iter().sum());
    let (up, ux) = (q(calib::D_PLANNING), q(calib::D_EXECUTION));
    let below_fifth = |n: u64| (n as f64 * 0.2).ceil() as u64; // h >= this keeps share >= 0.2
    let at_most_four_fifths = |n: u64| (n as f64 * 0.8).floor() as u64; // h <= this keeps share <= 0.8
    let (hp, hx) = match cell.regime {
        Regime::Keeps => (
            humans(rng, np, 0.6 + 0.4 * up, below_fifth(np), np),
            humans(rng, nx, 0.85 + 0.15 * ux, at_most_four_fifths(nx) + 1, nx),
        ),
        Regime::Shared => (
            humans(rng, np, calib::SHARED_PLANNING + 0.4 * (up - 0.5), below_fifth(np), np),
            humans(rng, nx, 2.0 * calib::SHARED_EXECUTION * ux, 0, at_most_four_fifths(nx)),
        ),
        Regime::AgentPlans => (
            humans(rng, np, 0.15 * up, 0, below_fifth(np).saturating_sub(1)),
            humans(rng, nx, 0.1 * ux, 0, at_most_four_fifths(nx)),
        ),
    };
    let planning_actors = shuffled(rng, np, hp);
    let execution_actors = shuffled(rng, nx, hx);

    // The turns, told in order: the last turn with actions closes the work with the outcome.
    if actions == 0 {
        s.outcome = None;
    }
    let closing = per_turn_actions.iter().rposition(|&a| a > 0);
    let (mut p0, mut x0) = (0, 0);
    let mut story = Story::default();
    let mut next_id = 1;
    for t in 0..n as usize {
        let (p1, x1) = (p0 + planning_n[t] as usize, x0 + execution_n[t] as usize);
        let next_answers = t + 1 < n as usize && {
            let p2 = p1 + planning_n[t + 1] as usize;
            planning_actors[p1..p2].contains(&Actor::Human)
        };
        let shape = Shape {
            t,
            planning: &planning_actors[p0..p1],
            execution: &execution_actors[x0..x1],
            actions: per_turn_actions[t],
            words: per_turn_words[t],
            closing: (closing == Some(t)).then_some(s.outcome),
            plain_success: s.outcome == Some(Outcome::Success),
            next_answers,
        };
        let (turn, assent) = turn::build(rng, &sc, &shape, &mut story, &mut next_id);
        if assent && let Some(prev) = s.turns.last_mut() {
            for d in prev.decisions.iter_mut() {
                if d.kind == Kind::Planning && d.actor == Actor::Agent {
                    d.ratified = Some(true);
                }
            }
        }
        s.turns.push(turn);
        (p0, x0) = (p1, x1);
    }
    // A title names the module only if the session shows it. A session may go untitled
    // (then the first prompt names it) only when that prompt opens with its goal.
    let opens_with_goal = s.turns.first().is_some_and(|t| t.prompt.starts_with(&sc.goal()));
    if rng.random_bool(0.75) || !opens_with_goal {
        let seen = s.turns.iter().any(|t| {
            t.prompt.contains(&sc.module) || t.actions.iter().any(|a| a.target.as_deref() == Some(&sc.module))
        });
        s.title = Some(sc.title(rng.random_range(0..2), seen));
    }
    s
}

/// `n` actors of which `h` are human, in random order.
fn shuffled(rng: &mut Pcg64, n: u64, h: u64) -> Vec<Actor> {
    let mut v: Vec<Actor> = (0..n)
        .map(|i| if i < h { Actor::Human } else { Actor::Agent })
        .collect();
    for i in (1..v.len()).rev() {
        v.swap(i, rng.random_range(0..=i));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_exact_and_proportional() {
        assert_eq!(split(10, &[1.0, 1.0]), vec![5, 5]);
        let p = split(101, &[0.3, 1.7, 1.0]);
        assert_eq!(p.iter().sum::<u64>(), 101);
        assert!(p[1] > p[2] && p[2] > p[0]);
        assert_eq!(split(0, &[1.0]), vec![0]);
    }

    #[test]
    fn rfc3339_dates_are_valid() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_736_121_600 + 3661), "2025-01-06T01:01:01Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}
