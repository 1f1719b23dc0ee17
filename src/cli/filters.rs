//! The browser's filters as command-line flags, shared by the subcommands that read a corpus.

use crate::corpus::{Corpus, RatifiedAs};
use crate::filter::Filter;
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
        }
    }

    /// The origins kept, or `None` for all of them.
    pub fn origins(&self) -> Option<&[String]> {
        (!self.origin.is_empty() && !self.origin.iter().any(|o| o == "all")).then_some(&self.origin[..])
    }

    /// Row indices of the sessions that pass every flag.
    pub fn select(&self, corpus: &Corpus) -> Vec<u32> {
        let mut rows = self.filter().apply(corpus, self.ratified_as());
        if let Some(keep) = self.origins() {
            // The origin is an extension key of the line, not part of the loaded row: each
            // line is read again (only when the flag is given).
            rows.retain(|&i| {
                let loc = &corpus.rows[i as usize].loc;
                let line = corpus.sources[loc.source as usize].read_at(loc).unwrap_or_default();
                keep.contains(&crate::import::origin::of_line(&line))
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
