//! The published figures of the 2026 study of ~400K Claude Code sessions, shown beside
//! leash's own everywhere so that a reader can compare at a glance.

pub const PLANNING_HUMAN_SHARE: f64 = 0.70;
pub const EXECUTION_HUMAN_SHARE: f64 = 0.20;
pub const TURNS_PER_SESSION: f64 = 4.0;
pub const ACTIONS_PER_PROMPT: f64 = 10.0;
pub const WORDS_PER_TURN: f64 = 2400.0;
pub const SHARE_SESSIONS_OVER_100: f64 = 0.02;
pub const NOVICE_ACTIONS_PER_PROMPT: f64 = 5.0;
pub const EXPERT_ACTIONS_PER_PROMPT: f64 = 12.0;
pub const NOVICE_WORDS_PER_TURN: f64 = 600.0;
pub const EXPERT_WORDS_PER_TURN: f64 = 3200.0;
pub const USER_KEEPS_EXECUTION_APP: f64 = 8.0;
pub const AGENT_CONTROLS_PLANNING_APP: f64 = 16.0;
pub const NOVICE_VERIFIED_SUCCESS: f64 = 0.15;
/// Intermediate, advanced and expert users: 28-33%.
pub const SKILLED_VERIFIED_SUCCESS: (f64, f64) = (0.28, 0.33);
