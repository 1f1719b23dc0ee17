//! Every figure of the study, computed over a set of sessions (`docs/metrics.md`).
//!
//! [`Report`] serializes to exactly the JSON of `leash report --format json`; the browser's
//! header and the table output read the same struct.

use serde::Serialize;

use crate::corpus::{RatifiedAs, SessionRow};
use crate::model::{Kind, Outcome};

pub mod study;

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ActorCounts {
    pub human: u64,
    pub agent: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct DecisionCounts {
    pub planning: ActorCounts,
    pub execution: ActorCounts,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MeanMedian {
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ActionsPerPrompt {
    pub mean: Option<f64>,
    pub median_session: Option<f64>,
    pub share_sessions_over_100: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Mean {
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    pub pooled: Option<f64>,
    pub median_session: Option<f64>,
}

/// The pooled figures of one expertise level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LevelFigures {
    pub sessions: u64,
    pub actions_per_prompt: Option<f64>,
    pub words_per_turn: Option<f64>,
    pub planning_human_share: Option<f64>,
    pub execution_human_share: Option<f64>,
    pub verified_success_rate: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ByExpertise {
    pub novice: LevelFigures,
    pub beginner: LevelFigures,
    pub intermediate: LevelFigures,
    pub advanced: LevelFigures,
    pub expert: LevelFigures,
    pub unknown: LevelFigures,
}

impl ByExpertise {
    /// Levels 1-5 then unknown, with their names.
    pub fn levels(&self) -> [(&'static str, &LevelFigures); 6] {
        [
            ("novice", &self.novice),
            ("beginner", &self.beginner),
            ("intermediate", &self.intermediate),
            ("advanced", &self.advanced),
            ("expert", &self.expert),
            ("unknown", &self.unknown),
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RegimeFigures {
    pub sessions: u64,
    pub actions_per_prompt: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Regimes {
    pub user_keeps_execution: RegimeFigures,
    pub agent_controls_planning: RegimeFigures,
}

/// The object printed by `leash report --format json` (key order as in the contract).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub sessions: u64,
    pub turns: u64,
    pub actions: u64,
    pub decisions: DecisionCounts,
    pub turns_per_session: MeanMedian,
    pub actions_per_prompt: ActionsPerPrompt,
    pub words_per_turn: Mean,
    pub verified_success_rate: Option<f64>,
    pub planning_human_share: Share,
    pub execution_human_share: Share,
    pub by_expertise: ByExpertise,
    pub regimes: Regimes,
    pub skipped_lines: u64,
}

/// The two control regimes of the study.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Regime {
    /// Human execution share > 0.8.
    UserKeepsExecution,
    /// Human planning share < 0.2.
    AgentControlsPlanning,
}

impl Regime {
    pub const ALL: [Regime; 2] = [Regime::UserKeepsExecution, Regime::AgentControlsPlanning];

    pub fn name(self) -> &'static str {
        match self {
            Regime::UserKeepsExecution => "user_keeps_execution",
            Regime::AgentControlsPlanning => "agent_controls_planning",
        }
    }

    pub fn holds(self, row: &SessionRow, how: RatifiedAs) -> bool {
        match self {
            Regime::UserKeepsExecution => row.tally.human_share(Kind::Execution, how).is_some_and(|s| s > 0.8),
            Regime::AgentControlsPlanning => row.tally.human_share(Kind::Planning, how).is_some_and(|s| s < 0.2),
        }
    }
}

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
}

impl Pool {
    fn add(&mut self, r: &SessionRow, how: RatifiedAs) {
        self.sessions += 1;
        self.turns += u64::from(r.turns);
        self.actions += r.actions;
        self.words += r.words;
        for k in Kind::ALL {
            let [h, a] = r.tally.by_actor(k, how);
            self.decisions[k.index()][0] += u64::from(h);
            self.decisions[k.index()][1] += u64::from(a);
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

/// `num / den`, or `None` when `den` is 0.
pub fn ratio(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// The median (the mean of the two middle values for an even count); `None` when empty.
pub fn median(values: &mut [f64]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (_, &mut hi, _) = values.select_nth_unstable_by(n / 2, f64::total_cmp);
    if n % 2 == 1 {
        return Some(hi);
    }
    let lo = values[..n / 2].iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some((lo + hi) / 2.0)
}

impl Report {
    /// Computes every figure over `rows` (the sessions that pass the active filters).
    pub fn compute<'a>(rows: impl IntoIterator<Item = &'a SessionRow>, how: RatifiedAs, skipped_lines: u64) -> Report {
        let mut all = Pool::default();
        let mut levels = [Pool::default(); 6];
        let mut regimes = [Pool::default(); 2];
        let mut turns = Vec::new();
        let mut apps = Vec::new();
        let mut over_100 = 0u64;
        let mut plan_shares = Vec::new();
        let mut exec_shares = Vec::new();
        for r in rows {
            all.add(r, how);
            levels[r.expertise.map_or(5, |l| usize::from(l).clamp(1, 5) - 1)].add(r, how);
            for (i, regime) in Regime::ALL.into_iter().enumerate() {
                if regime.holds(r, how) {
                    regimes[i].add(r, how);
                }
            }
            turns.push(f64::from(r.turns));
            if let Some(app) = r.app() {
                apps.push(app);
                over_100 += u64::from(app > 100.0);
            }
            plan_shares.extend(r.tally.human_share(Kind::Planning, how));
            exec_shares.extend(r.tally.human_share(Kind::Execution, how));
        }
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
                median: median(&mut turns),
            },
            actions_per_prompt: ActionsPerPrompt {
                mean: ratio(all.actions, all.turns),
                median_session: median(&mut apps),
                share_sessions_over_100: ratio(over_100, apps.len() as u64),
            },
            words_per_turn: Mean {
                mean: ratio(all.words, all.turns),
            },
            verified_success_rate: ratio(all.verified, all.outcome_known),
            planning_human_share: Share {
                pooled: all.share(Kind::Planning),
                median_session: median(&mut plan_shares),
            },
            execution_human_share: Share {
                pooled: all.share(Kind::Execution),
                median_session: median(&mut exec_shares),
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
        }
    }
}

#[cfg(test)]
mod tests;
