//! The browser's filters as command-line flags, shared by the subcommands that read a corpus.
//!
//! This file holds the flags and the parsing of their values; what they do to a corpus
//! (the checks and the selection) is in `select.rs`.

use crate::corpus::RatifiedAs;
use crate::filter::epoch;
use crate::model::{Outcome, parse_expertise};
use crate::stats::Regime;

mod select;

#[derive(clap::Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Keep sessions of this expertise: 1-5, a name (novice, beginner, intermediate,
    /// advanced, expert) or `unknown`. Repeatable.
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    pub expertise: Vec<usize>,
    /// Keep sessions of this mode (create, fix, test, ...). Repeatable.
    #[arg(long, value_name = "MODE")]
    pub mode: Vec<String>,
    /// Keep sessions with this outcome: verified_success, success, failure or unknown. Repeatable.
    #[arg(long, value_name = "OUTCOME", value_parser = parse_outcome)]
    pub outcome: Vec<OutcomeArg>,
    /// Keep sessions in this control regime: user_keeps_execution (human execution share
    /// > 0.8) or agent_controls_planning (human planning share < 0.2). Repeatable (all must hold).
    #[arg(long, value_name = "REGIME", value_parser = parse_regime)]
    pub regime: Vec<RegimeArg>,
    /// Keep sessions with at least this many actions per prompt.
    #[arg(long, value_name = "N")]
    pub min_app: Option<f64>,
    /// Keep sessions with at most this many actions per prompt.
    #[arg(long, value_name = "N")]
    pub max_app: Option<f64>,
    #[command(flatten)]
    pub time: TimeArgs,
    /// Keep sessions of this project (as the corpus names it). Repeatable.
    #[arg(long, value_name = "NAME")]
    pub project: Vec<String>,
    /// Keep sessions of this model (e.g. claude-opus-4-1). Repeatable.
    #[arg(long, value_name = "NAME")]
    pub model: Vec<String>,
    /// Keep sessions whose title, project or first prompt fuzzy-matches TEXT (as the browser's `/`).
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
    /// Keep sessions run from this origin: cli (the interactive terminal), ide, sdk
    /// (SDK and headless runs), fork (background forks), unknown (the transcript does not
    /// say), or all (the default: every session, whatever its origin). Repeatable. The
    /// study counted interactive sessions only: `--origin cli` reproduces its population.
    #[arg(long, value_name = "ORIGIN", value_parser = crate::import::origin::CHOICES.to_vec())]
    pub origin: Vec<String>,
    /// Count ratified decisions (agent proposals the user merely assented to) as the
    /// human's or the agent's, instead of under their recorded actor.
    #[arg(long, value_name = "ACTOR", value_parser = ["human", "agent"])]
    pub ratified_as: Option<String>,
    /// Expertise estimates of low confidence (`expertise_confidence: "low"` on the line: few
    /// messages, few signals): `keep` them (the default), `drop` their sessions, or count
    /// them apart under `unknown` expertise.
    #[arg(long, value_name = "HOW", value_parser = ["keep", "drop", "unknown"])]
    pub low_confidence_expertise: Option<String>,
}

/// `--since` / `--until`: the date range, for the browser and every subcommand that reads
/// sessions.
#[derive(clap::Args, Debug, Clone, Copy, Default)]
pub struct TimeArgs {
    /// Keep sessions started on or after WHEN: a date (2026-03-01), an RFC 3339 time, or a
    /// span back from now (7d, 2weeks, 12h). Sessions without a start time are left out.
    #[arg(long, value_name = "WHEN", value_parser = parse_since)]
    pub since: Option<i64>,
    /// Keep sessions started before WHEN (a date counts whole: --until 2026-03-01 keeps
    /// that day), in the same forms as --since.
    #[arg(long, value_name = "WHEN", value_parser = parse_until)]
    pub until: Option<i64>,
}

fn parse_when(s: &str, whole_day: bool) -> Result<i64, String> {
    if let Some(t) = epoch(s) {
        // A bare date as an upper bound keeps the whole day.
        return Ok(if whole_day && s.len() == 10 { t + 86_400 } else { t });
    }
    let span = humantime::parse_duration(s)
        .map_err(|_| format!("{s:?} is not a date (2026-03-01), an RFC 3339 time or a span back from now (7d, 12h)"))?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Ok(now.saturating_sub(span.as_secs()) as i64)
}

fn parse_since(s: &str) -> Result<i64, String> {
    parse_when(s, false)
}

fn parse_until(s: &str) -> Result<i64, String> {
    parse_when(s, true)
}

/// `--ratified-as human|agent`, else the recorded actor.
pub fn ratified_as(flag: Option<&str>) -> RatifiedAs {
    match flag {
        Some("human") => RatifiedAs::Human,
        Some("agent") => RatifiedAs::Agent,
        _ => RatifiedAs::Recorded,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutcomeArg(pub Option<Outcome>);
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegimeArg(pub Regime);

fn parse_level(s: &str) -> Result<usize, String> {
    if s.eq_ignore_ascii_case("unknown") {
        return Ok(5);
    }
    parse_expertise(s)
        .map(|l| usize::from(l) - 1)
        .ok_or_else(|| format!("{s:?} is not 1-5, novice, beginner, intermediate, advanced, expert or unknown"))
}

fn parse_outcome(s: &str) -> Result<OutcomeArg, String> {
    if s == "unknown" {
        return Ok(OutcomeArg(None));
    }
    Outcome::parse(s)
        .map(|o| OutcomeArg(Some(o)))
        .ok_or_else(|| format!("{s:?} is not verified_success, success, failure or unknown"))
}

fn parse_regime(s: &str) -> Result<RegimeArg, String> {
    Regime::ALL
        .into_iter()
        .find(|r| r.name() == s)
        .map(RegimeArg)
        .ok_or_else(|| format!("{s:?} is not user_keeps_execution or agent_controls_planning"))
}
