//! One session as the corpus keeps it in memory ([`SessionRow`]) and its decision counts
//! ([`DecisionTally`]), with the ways of counting ratified decisions ([`RatifiedAs`]).

use std::sync::Arc;

use super::Location;
use crate::model::{Actor, Kind, Outcome};

/// How ratified decisions (an agent proposal the user accepted by bare assent) are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RatifiedAs {
    /// Under the actor the classifier recorded.
    #[default]
    Recorded,
    Human,
    Agent,
}

/// Decision counts of a session, `[kind][actor]`, with the ratified ones also counted apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DecisionTally {
    pub counts: [[u32; 2]; 2],
    pub ratified: [[u32; 2]; 2],
}

impl DecisionTally {
    pub fn add(&mut self, kind: Kind, actor: Actor, ratified: bool) {
        self.counts[kind.index()][actor.index()] += 1;
        if ratified {
            self.ratified[kind.index()][actor.index()] += 1;
        }
    }

    pub fn merge(&mut self, o: &DecisionTally) {
        for k in 0..2 {
            for a in 0..2 {
                self.counts[k][a] += o.counts[k][a];
                self.ratified[k][a] += o.ratified[k][a];
            }
        }
    }

    /// `[human, agent]` counts of one kind, with ratified decisions moved as asked.
    pub fn by_actor(&self, kind: Kind, how: RatifiedAs) -> [u32; 2] {
        let [h, a] = self.counts[kind.index()];
        let [rh, ra] = self.ratified[kind.index()];
        match how {
            RatifiedAs::Recorded => [h, a],
            RatifiedAs::Human => [h + ra, a - ra],
            RatifiedAs::Agent => [h - rh, a + rh],
        }
    }

    /// The human share of one kind, `None` when the session has no decision of that kind.
    pub fn human_share(&self, kind: Kind, how: RatifiedAs) -> Option<f64> {
        let [h, a] = self.by_actor(kind, how);
        (h + a > 0).then(|| f64::from(h) / f64::from(h + a))
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().flatten().sum()
    }
}

/// One session as the corpus keeps it in memory.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: Arc<str>,
    pub title: Box<str>,
    /// Shared among the rows of a project (see [`Corpus::intern`](super::Corpus::intern)).
    pub project: Arc<str>,
    /// The first prompt, cut to [`FIRST_PROMPT_KEEP`](super::FIRST_PROMPT_KEEP) bytes.
    pub first_prompt: Box<str>,
    pub started_at: Option<Box<str>>,
    /// Shared among the rows of a model.
    pub model: Option<Arc<str>>,
    /// Where the session came from (the line's optional `origin`), shared among rows.
    pub origin: Option<Arc<str>>,
    pub expertise: Option<u8>,
    /// Index into [`Corpus::modes`](super::Corpus::modes), or `None`.
    pub mode: Option<u16>,
    pub outcome: Option<Outcome>,
    pub turns: u32,
    pub actions: u64,
    pub failed_actions: u32,
    pub words: u64,
    pub max_turn_actions: u32,
    pub tally: DecisionTally,
    /// Facets the importer estimated ([`ESTIMATED_EXPERTISE`](super::ESTIMATED_EXPERTISE),
    /// [`ESTIMATED_OUTCOME`](super::ESTIMATED_OUTCOME) bits).
    pub estimated: u8,
    /// Tool calls by sub-agents, apart from `actions`.
    pub subagent_actions: u64,
    /// A redacted transcript's session: its decisions are not in `tally`.
    pub redacted: bool,
    pub loc: Location,
}

impl SessionRow {
    /// Actions per prompt; `None` for a session without turns.
    pub fn app(&self) -> Option<f64> {
        (self.turns > 0).then(|| self.actions as f64 / f64::from(self.turns))
    }
}
