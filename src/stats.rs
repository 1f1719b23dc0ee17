//! Every figure of the study, computed over a set of sessions (`docs/metrics.md`).
//!
//! [`Report`] serializes to exactly the JSON of `leash report --format json`; the browser's
//! header and the table output read the same struct.

use crate::corpus::{RatifiedAs, SessionRow};
use crate::model::{Kind, Outcome};

pub mod columns;
mod counted;
mod figures;
pub mod study;

pub use figures::*;

/// Sums that pooled figures are ratios of.
#[derive(Debug, Clone, Copy, Default)]
struct Pool {
    sessions: u64,
    turns: u64,
    actions: u64,
    words: u64,
    decisions: [[u64; 2]; 2],
    outcome_known: u64,
    verified: u64,
    /// Sessions of redacted transcripts (their decisions are not in `decisions`).
    redacted: u64,
}

impl Pool {
    /// Adds a session whose decisions, `[kind][actor]`, are already counted as asked.
    fn add(&mut self, r: &SessionRow, decisions: &[[u32; 2]; 2]) {
        self.sessions += 1;
        self.redacted += u64::from(r.redacted);
        self.turns += u64::from(r.turns);
        self.actions += r.actions;
        self.words += r.words;
        for (pool, row) in self.decisions.iter_mut().zip(decisions) {
            pool[0] += u64::from(row[0]);
            pool[1] += u64::from(row[1]);
        }
        if let Some(o) = r.outcome {
            self.outcome_known += 1;
            self.verified += u64::from(o == Outcome::VerifiedSuccess);
        }
    }

    fn share(&self, k: Kind) -> Option<f64> {
        let [h, a] = self.decisions[k.index()];
        ratio(h, h + a)
    }

    fn level(&self) -> LevelFigures {
        LevelFigures {
            sessions: self.sessions,
            actions_per_prompt: ratio(self.actions, self.turns),
            words_per_turn: ratio(self.words, self.turns),
            planning_human_share: self.share(Kind::Planning),
            execution_human_share: self.share(Kind::Execution),
            verified_success_rate: ratio(self.verified, self.outcome_known),
        }
    }

    fn regime(&self) -> RegimeFigures {
        RegimeFigures {
            sessions: self.sessions,
            actions_per_prompt: ratio(self.actions, self.turns),
        }
    }
}

/// Everything a report is computed from, gathered row by row; two halves merge, so a large
/// set can be folded on all cores.
#[derive(Debug, Clone, Default)]
struct Accum {
    all: Pool,
    levels: [Pool; 6],
    regimes: [Pool; 2],
    turns: Vec<f64>,
    apps: Vec<f64>,
    over_100: u64,
    plan_shares: Vec<f64>,
    exec_shares: Vec<f64>,
}

impl Pool {
    fn merge(&mut self, o: &Pool) {
        self.sessions += o.sessions;
        self.turns += o.turns;
        self.actions += o.actions;
        self.words += o.words;
        for k in 0..2 {
            for a in 0..2 {
                self.decisions[k][a] += o.decisions[k][a];
            }
        }
        self.outcome_known += o.outcome_known;
        self.verified += o.verified;
        self.redacted += o.redacted;
    }
}

impl Accum {
    fn add(&mut self, r: &SessionRow, how: RatifiedAs) {
        // Each row's split and shares once, for every pool it joins.
        let d = Kind::ALL.map(|k| r.tally.by_actor(k, how));
        let share = |[h, a]: [u32; 2]| (h + a > 0).then(|| f64::from(h) / f64::from(h + a));
        let (plan, exec) = (share(d[0]), share(d[1]));
        self.all.add(r, &d);
        self.levels[r.expertise.map_or(5, |l| usize::from(l).clamp(1, 5) - 1)].add(r, &d);
        for (pool, regime) in self.regimes.iter_mut().zip(Regime::ALL) {
            if regime.holds_for(plan, exec) {
                pool.add(r, &d);
            }
        }
        self.turns.push(f64::from(r.turns));
        if let Some(app) = r.app() {
            self.apps.push(app);
            self.over_100 += u64::from(app > 100.0);
        }
        self.plan_shares.extend(plan);
        self.exec_shares.extend(exec);
    }

    fn merge(mut self, mut o: Accum) -> Accum {
        self.all.merge(&o.all);
        for (a, b) in self.levels.iter_mut().zip(&o.levels) {
            a.merge(b);
        }
        for (a, b) in self.regimes.iter_mut().zip(&o.regimes) {
            a.merge(b);
        }
        self.turns.append(&mut o.turns);
        self.apps.append(&mut o.apps);
        self.over_100 += o.over_100;
        self.plan_shares.append(&mut o.plan_shares);
        self.exec_shares.append(&mut o.exec_shares);
        self
    }

    fn finish(mut self, skipped_lines: u64) -> Report {
        // The four medians are independent selections over up to every session: in parallel.
        let ((turns_median, app_median), (plan_median, exec_median)) = rayon::join(
            || rayon::join(|| median(&mut self.turns), || median(&mut self.apps)),
            || rayon::join(|| median(&mut self.plan_shares), || median(&mut self.exec_shares)),
        );
        let medians = [turns_median, app_median, plan_median, exec_median];
        let over_100 = (self.over_100, self.apps.len() as u64);
        assemble(&self.all, &self.levels, &self.regimes, medians, over_100, skipped_lines)
    }
}

/// The report of pooled sums and medians (of turns, APP, planning and execution shares, in
/// that order); `over_100` is (sessions with APP > 100, sessions with an APP).
fn assemble(
    all: &Pool,
    levels: &[Pool; 6],
    regimes: &[Pool; 2],
    medians: [Option<f64>; 4],
    over_100: (u64, u64),
    skipped_lines: u64,
) -> Report {
    let [turns_median, app_median, plan_median, exec_median] = medians;
    let level = |i: usize| levels[i].level();
    Report {
        sessions: all.sessions,
        turns: all.turns,
        actions: all.actions,
        decisions: DecisionCounts {
            planning: ActorCounts {
                human: all.decisions[0][0],
                agent: all.decisions[0][1],
            },
            execution: ActorCounts {
                human: all.decisions[1][0],
                agent: all.decisions[1][1],
            },
        },
        turns_per_session: MeanMedian {
            mean: ratio(all.turns, all.sessions),
            median: turns_median,
        },
        actions_per_prompt: ActionsPerPrompt {
            mean: ratio(all.actions, all.turns),
            median_session: app_median,
            share_sessions_over_100: ratio(over_100.0, over_100.1),
        },
        words_per_turn: Mean {
            mean: ratio(all.words, all.turns),
        },
        verified_success_rate: ratio(all.verified, all.outcome_known),
        planning_human_share: Share {
            pooled: all.share(Kind::Planning),
            median_session: plan_median,
        },
        execution_human_share: Share {
            pooled: all.share(Kind::Execution),
            median_session: exec_median,
        },
        by_expertise: ByExpertise {
            novice: level(0),
            beginner: level(1),
            intermediate: level(2),
            advanced: level(3),
            expert: level(4),
            unknown: level(5),
        },
        regimes: Regimes {
            user_keeps_execution: regimes[0].regime(),
            agent_controls_planning: regimes[1].regime(),
        },
        skipped_lines,
        redacted_sessions: all.redacted,
    }
}

impl Report {
    /// Computes every figure over `rows` (the sessions that pass the active filters).
    pub fn compute<'a>(rows: impl IntoIterator<Item = &'a SessionRow>, how: RatifiedAs, skipped_lines: u64) -> Report {
        let mut acc = Accum::default();
        for r in rows {
            acc.add(r, how);
        }
        acc.finish(skipped_lines)
    }

    /// The same over `rows[i]` for each `i` of `members`, folded on all cores (`leash
    /// report`; the browser counts from its columns, [`Report::of_columns`]).
    pub fn compute_members(rows: &[SessionRow], members: &[u32], how: RatifiedAs, skipped_lines: u64) -> Report {
        use rayon::prelude::*;
        members
            .par_chunks(16 * 1024)
            .fold(Accum::default, |mut acc, chunk| {
                for &i in chunk {
                    acc.add(&rows[i as usize], how);
                }
                acc
            })
            .reduce(Accum::default, Accum::merge)
            .finish(skipped_lines)
    }
}

#[cfg(test)]
mod tests;
