//! Deterministic decision rules over an imported transcript, and the estimates of the
//! user's expertise and the session's outcome. Every rule has a stable id, documented with
//! an example in `docs/classifier.md`.

mod agent;
mod agent_edit;
mod agent_text;
pub mod assent;
mod dictated;
mod estimate;
pub mod expertise;
mod human;
mod human_code;
mod human_exec;
mod human_run;
pub mod prose;
pub mod shell;
pub mod text;
pub mod words;

pub use estimate::{ExpertiseMap, outcome};
pub use expertise::{Estimate, expertise};

use crate::model::{Actor, Decision, Kind, Outcome};
use crate::transcript::RawSession;
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
pub const VERSION: u32 = 6;

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
    let mut state = agent::State::default();
    let mut n = 0;
    let mut decisions = Vec::with_capacity(s.turns.len());
    for (i, t) in s.turns.iter().enumerate() {
        // Assent ratifies the agent's proposals, but not assent after an interruption: the
        // user stopped the agent, "continue" resumes it.
        let ratifies = !t.interrupted && s.turns.get(i + 1).is_some_and(|n| is_bare_assent(&n.prompt));
        let mut found = Vec::new();
        let dictated = human::rules(t, &mut found);
        agent_text::rules(&t.text, &mut found);
        agent::rules(t, &dictated, &mut state, &mut found);
        let turn: Vec<Decision> = found
            .into_iter()
            .map(|f| {
                n += 1;
                let ratified = f.ratified || (ratifies && f.actor == Actor::Agent && f.kind == Kind::Planning);
                Decision {
                    id: format!("d{n}"),
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
            .collect();
        decisions.push(turn);
    }
    Classified {
        decisions,
        expertise: expertise::estimate(s),
        outcome: outcome(s),
    }
}

/// A session whose prompts, or most of whose tool inputs, are redaction markers
/// (`[REDACTED_TEXT len=… sha=…]`): its decisions cannot be read, so the corpus line says
/// `redacted` and the shares leave it out.
pub fn is_redacted(s: &RawSession) -> bool {
    let prompts = s.turns.iter().filter(|t| agent::redacted(&t.prompt)).count();
    let calls: Vec<_> = s.turns.iter().flat_map(|t| &t.calls).collect();
    let hidden = calls
        .iter()
        .filter(|c| c.input.as_str().is_some_and(agent::redacted) || c.input.to_string().contains("[REDACTED"))
        .count();
    prompts * 2 > s.turns.len() || !calls.is_empty() && hidden * 2 > calls.len()
}
