//! The figures of a report, as `leash report --format json` writes them (the spec's key
//! names, exactly), the regimes sessions fall in, and the two operations every figure is
//! made of: a ratio and a median.

use serde::Serialize;

use crate::corpus::{RatifiedAs, SessionRow};
use crate::model::Kind;

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
    /// Not in v1 (an added key): sessions of redacted transcripts, counted in `sessions`
    /// but left out of the decisions and every share.
    pub redacted_sessions: u64,
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
        self.holds_for(
            row.tally.human_share(Kind::Planning, how),
            row.tally.human_share(Kind::Execution, how),
        )
    }

    /// The rule itself, on a session's human planning and execution shares.
    pub fn holds_for(self, planning: Option<f64>, execution: Option<f64>) -> bool {
        match self {
            Regime::UserKeepsExecution => execution.is_some_and(|s| s > 0.8),
            Regime::AgentControlsPlanning => planning.is_some_and(|s| s < 0.2),
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
