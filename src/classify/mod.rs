//! Deterministic decision rules over an imported transcript, and the estimates of the
//! user's expertise and the session's outcome. Every rule has a stable id, documented with
//! an example in `docs/classifier.md`.

mod agent;
mod agent_edit;
mod agent_text;
pub mod assent;
mod dictated;
pub mod expertise;
mod expertise_map;
mod human;
mod human_code;
mod human_exec;
mod human_run;
mod outcome;
pub mod prose;
mod prose_commands;
mod restate;
pub mod shell;
pub mod text;
pub mod words;

pub use expertise::{Estimate, expertise};
pub use expertise_map::ExpertiseMap;
pub use outcome::{OutcomeTally, outcome};

use crate::model::{Actor, Decision, Kind, Outcome};
use crate::transcript::{RawSession, RawTurn};
use assent::is_bare_assent;

/// A decision before it gets its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    pub actor: Actor,
    pub category: String,
    pub summary: String,
    pub evidence: String,
    pub confidence: f64,
    pub ratified: bool,
    pub rule: &'static str,
}

impl Finding {
    /// A finding of `actor`, its evidence quoted from the transcript (cut to 240 bytes).
    pub(crate) fn new(
        actor: Actor,
        kind: Kind,
        category: &str,
        rule: &'static str,
        summary: String,
        evidence: &str,
        confidence: f64,
    ) -> Finding {
        Finding {
            kind,
            actor,
            category: category.to_owned(),
            summary,
            evidence: text::quote(evidence, 240),
            confidence,
            ratified: false,
            rule,
        }
    }
}

/// Bump whenever a rule, an estimate or the corpus line built from a transcript changes:
/// the import cache keeps finished corpus lines under this version.
pub const VERSION: u32 = 8;

/// Every rule id, in the order of `docs/classifier.md`.
pub const RULES: &[&str] = &[
    "H-GOAL",
    "H-APPROACH",
    "H-DONE",
    "H-ANSWER",
    "H-SLASH",
    "H-FILES",
    "H-COMMANDS",
    "H-CODE",
    "H-TOOL",
    "H-RAN",
    "H-SHELL",
    "H-VETO",
    "H-INTERRUPT",
    "A-PLAN-EXIT",
    "A-PLAN-TODO",
    "A-PLAN-TEXT",
    "A-PLAN-DIAGNOSIS",
    "A-PLAN-OFFER",
    "A-PLAN-DELEGATE",
    "A-EDIT",
    "A-WRITE",
    "A-BASH",
    "A-TOOL",
];

/// The classifier's answer for one session.
#[derive(Debug, Clone, Default)]
pub struct Classified {
    /// Per turn, in order; ids `d1`, `d2`, … unique within the session.
    pub decisions: Vec<Vec<Decision>>,
    pub expertise: Estimate,
    pub outcome: Option<Outcome>,
}

/// Classifies every turn of a session.
pub fn classify(s: &RawSession) -> Classified {
    let mut stream = Stream::default();
    let decisions = (s.turns.iter().enumerate())
        .map(|(i, t)| {
            let mut d = stream.turn(t);
            ratify(&mut d, t.interrupted, s.turns.get(i + 1).map(|n| n.prompt.as_str()));
            d
        })
        .collect();
    let (expertise, outcome) = stream.finish();
    Classified {
        decisions,
        expertise,
        outcome,
    }
}

/// The classifier over a session's turns one at a time, in order: what [`classify`] does,
/// for a transcript too big to hold (its turns are classified as they are read).
#[derive(Default)]
pub struct Stream {
    state: agent::State,
    /// Decisions so far (for their ids).
    n: usize,
    expertise: expertise::Tally,
    outcome: OutcomeTally,
}

impl Stream {
    /// The decisions of the session's next turn `t`, before the next prompt may ratify them
    /// ([`ratify`]).
    pub fn turn(&mut self, t: &RawTurn) -> Vec<Decision> {
        self.expertise.turn(t);
        self.outcome.turn(t);
        let mut found = Vec::new();
        let dictated = human::rules(t, &mut found);
        agent_text::rules(&t.text, &mut found);
        agent::rules(t, &dictated, &mut self.state, &mut found);
        agent_text::drop_restating_offer(&mut found);
        found
            .into_iter()
            .map(|f| {
                self.n += 1;
                let ratified = f.ratified;
                Decision {
                    id: format!("d{}", self.n),
                    kind: f.kind,
                    actor: f.actor,
                    category: Some(f.category),
                    summary: Some(f.summary),
                    evidence: (!f.evidence.is_empty()).then_some(f.evidence),
                    confidence: Some(f.confidence),
                    ratified: ratified.then_some(true),
                    rule: Some(f.rule.to_owned()),
                }
            })
            .collect()
    }

    /// The session's expertise estimate and outcome, from every turn classified.
    pub fn finish(self) -> (Estimate, Option<Outcome>) {
        (self.expertise.finish(), self.outcome.finish())
    }
}

/// Bare assent in the next prompt (`next_prompt`) ratifies the agent's planning decisions of
/// a turn, but not assent after an interruption (`interrupted`): the user stopped the agent,
/// "continue" resumes it.
pub fn ratify(decisions: &mut [Decision], interrupted: bool, next_prompt: Option<&str>) {
    if interrupted || !next_prompt.is_some_and(is_bare_assent) {
        return;
    }
    for d in decisions {
        if d.actor == Actor::Agent && d.kind == Kind::Planning {
            d.ratified = Some(true);
        }
    }
}

/// A session whose prompts, or most of whose tool inputs, are redaction markers
/// (`[REDACTED_TEXT len=… sha=…]`): its decisions cannot be read, so the corpus line says
/// `redacted` and the shares leave it out.
pub fn is_redacted(s: &RawSession) -> bool {
    let mut r = Redaction::default();
    s.turns.iter().for_each(|t| r.turn(t));
    r.redacted()
}

/// What [`is_redacted`] counts, turn by turn.
#[derive(Debug, Clone, Copy, Default)]
pub struct Redaction {
    turns: usize,
    prompts: usize,
    calls: usize,
    hidden: usize,
}

impl Redaction {
    pub fn turn(&mut self, t: &RawTurn) {
        self.turns += 1;
        self.prompts += usize::from(agent::redacted(&t.prompt));
        self.calls += t.calls.len();
        let hidden = |c: &&crate::transcript::Call| {
            c.input.as_str().is_some_and(agent::redacted) || c.input.to_string().contains("[REDACTED")
        };
        self.hidden += t.calls.iter().filter(hidden).count();
    }

    pub fn redacted(&self) -> bool {
        self.prompts * 2 > self.turns || self.calls > 0 && self.hidden * 2 > self.calls
    }
}
