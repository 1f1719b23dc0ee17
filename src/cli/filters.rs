//! The browser's filters as command-line flags, shared by the subcommands that read a corpus.

use crate::corpus::{Corpus, RatifiedAs};
use crate::filter::{Filter, epoch};
use crate::model::{Outcome, parse_expertise};
use crate::search::Query;
use crate::stats::Regime;

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

/// Whether a corpus line's expertise estimate is of low confidence.
pub fn low_confidence(line: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Key {
        #[serde(default)]
        expertise_confidence: Option<serde_json::Value>,
    }
    serde_json::from_slice::<Key>(line)
        .ok()
        .and_then(|k| k.expertise_confidence)
        .is_some_and(|c| c == "low")
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

/// The modes the v1 spec names.
const V1_MODES: [&str; 9] = [
    "create",
    "fix",
    "test",
    "orchestrate",
    "operate",
    "understand",
    "plan",
    "analyze",
    "write",
];

impl FilterArgs {
    pub fn ratified_as(&self) -> RatifiedAs {
        ratified_as(self.ratified_as.as_deref())
    }

    pub fn filter(&self) -> Filter {
        Filter {
            expertise: self.expertise.clone(),
            modes: self.mode.clone(),
            outcomes: self.outcome.iter().map(|o| o.0).collect(),
            regimes: self.regime.iter().map(|r| r.0).collect(),
            app_min: self.min_app,
            app_max: self.max_app,
            since: self.time.since,
            until: self.time.until,
            projects: self.project.clone(),
            models: self.model.clone(),
            origins: self.origins().map(<[String]>::to_vec).unwrap_or_default(),
        }
    }

    /// The origins kept, or `None` for all of them.
    pub fn origins(&self) -> Option<&[String]> {
        (!self.origin.is_empty() && !self.origin.iter().any(|o| o == "all")).then_some(&self.origin[..])
    }

    /// A range no session can be in: refused before anything is read.
    pub fn check_range(&self) -> Result<(), String> {
        for (flag, v) in [("--min-app", self.min_app), ("--max-app", self.max_app)] {
            if let Some(v) = v.filter(|v| !v.is_finite() || *v < 0.0) {
                return Err(format!("{flag} {v}: actions per prompt are a number of 0 or more"));
            }
        }
        match (self.min_app, self.max_app) {
            (Some(lo), Some(hi)) if lo > hi => {
                Err(format!("--min-app {lo} is above --max-app {hi}: no session can match"))
            }
            _ => Ok(()),
        }
    }

    /// Modes no session of the corpus has: one v1 names is a warning (this corpus has none
    /// of it), any other an error (a typo, most likely), listing the modes it has.
    pub fn check_modes(&self, corpus: &Corpus) -> Result<Vec<String>, String> {
        let mut warnings = Vec::new();
        for m in self.mode.iter().filter(|m| corpus.mode_id(m).is_none()) {
            if V1_MODES.contains(&m.as_str()) {
                warnings.push(format!("--mode {m}: no session of this corpus has it"));
            } else {
                let has: Vec<&str> = corpus.modes.iter().map(|m| &**m).collect();
                let has = if has.is_empty() {
                    "none".to_owned()
                } else {
                    has.join(", ")
                };
                return Err(format!("--mode {m:?}: no such mode (this corpus has: {has})"));
            }
        }
        Ok(warnings)
    }

    /// `--low-confidence-expertise unknown`: low-confidence estimates become unknown (each
    /// line is read again, only when the flag is given).
    pub fn apply_confidence(&self, corpus: &mut Corpus) {
        if self.low_confidence_expertise.as_deref() != Some("unknown") {
            return;
        }
        for i in 0..corpus.rows.len() {
            let loc = &corpus.rows[i].loc;
            let line = corpus.sources[loc.source as usize].read_at(loc).unwrap_or_default();
            if low_confidence(&line) {
                corpus.rows[i].expertise = None;
            }
        }
    }

    /// What `leash report` and `leash export` do first: refuses an impossible range, loads
    /// the inputs, checks the modes (warning on stderr under `leash CMD:`), and selects the
    /// sessions that pass every flag.
    pub fn load_selected(&self, inputs: &super::input::Inputs, cmd: &str) -> Result<(Corpus, Vec<u32>), i32> {
        if let Err(e) = self.check_range() {
            eprintln!("leash {cmd}: {e}");
            return Err(super::EXIT_USAGE);
        }
        let mut corpus = inputs.open(false).and_then(super::input::load)?;
        match self.check_modes(&corpus) {
            Ok(warnings) => warnings
                .iter()
                .for_each(|w| eprintln!("leash {cmd}: warning: {}", crate::text::clean(w))),
            Err(e) => {
                eprintln!("leash {cmd}: {}", crate::text::clean(&e));
                return Err(super::EXIT_USAGE);
            }
        }
        self.apply_confidence(&mut corpus);
        let selected = self.select(&corpus);
        Ok((corpus, selected))
    }

    /// Whether every flag is decided by a session's own loaded row, as soon as it loads: not
    /// so for a mode no v1 corpus has (an error unless the whole corpus has it) or the
    /// low-confidence expertise flag (the line's extension key).
    pub fn decided_per_line(&self) -> bool {
        self.mode.iter().all(|m| V1_MODES.contains(&m.as_str()))
            && matches!(self.low_confidence_expertise.as_deref(), None | Some("keep"))
    }

    /// Row indices of the sessions that pass every flag.
    pub fn select(&self, corpus: &Corpus) -> Vec<u32> {
        let mut rows = self.filter().apply(corpus, self.ratified_as());
        if self.low_confidence_expertise.as_deref() == Some("drop") {
            // The estimate's confidence is an extension key of the line, not part of the
            // loaded row: each line is read again (only when the flag is given).
            rows.retain(|&i| {
                let loc = &corpus.rows[i as usize].loc;
                !low_confidence(&corpus.sources[loc.source as usize].read_at(loc).unwrap_or_default())
            });
        }
        match self.query.as_deref() {
            // The browser's membership rule, over the rows the flags let through, on all cores;
            // nothing cancels it here.
            Some(q) => Query::new(q)
                .filter(&corpus.rows, &rows, &std::sync::atomic::AtomicBool::new(false))
                .unwrap_or_default(),
            None => rows,
        }
    }
}
