//! What the filter flags do to a corpus: the `Filter` they make, the checks that refuse or
//! warn before anything is selected, and the selection itself (with the low-confidence
//! expertise rule, which reads the lines again).

use crate::corpus::{Corpus, RatifiedAs};
use crate::filter::Filter;
use crate::search::Query;

use super::{FilterArgs, ratified_as};

/// Whether a corpus line's expertise estimate is of low confidence.
fn low_confidence(line: &[u8]) -> bool {
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
    pub fn load_selected(&self, inputs: &crate::cli::input::Inputs, cmd: &str) -> Result<(Corpus, Vec<u32>), i32> {
        if let Err(e) = self.check_range() {
            eprintln!("leash {cmd}: {e}");
            return Err(crate::cli::EXIT_USAGE);
        }
        let mut corpus = inputs.open(false).and_then(crate::cli::input::load)?;
        match self.check_modes(&corpus) {
            Ok(warnings) => warnings
                .iter()
                .for_each(|w| eprintln!("leash {cmd}: warning: {}", crate::text::clean(w))),
            Err(e) => {
                eprintln!("leash {cmd}: {}", crate::text::clean(&e));
                return Err(crate::cli::EXIT_USAGE);
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
