//! Turns judged in full (`docs/audit.md`): each complete turn becomes a hand-labelled turn,
//! the auditors' decisions beside the classifier's, scored by `leash eval`'s own figures
//! (recall and precision per class, per-turn count error, human shares), and written as gold.

use std::collections::{BTreeSet, HashMap};

use super::{Joined, VerdictKind};
use crate::eval::score::{Scores, score};
use crate::eval::{GoldDecision, GoldTurn, TurnResult};
use crate::model::Decision;

/// The complete turns, as `leash eval` would see them.
#[derive(Debug, Default)]
pub struct Complete {
    pub turns: Vec<TurnResult>,
    /// The session id and transcript (`source_file`) of each turn, in the same order.
    pub origin: Vec<(String, Option<String>)>,
    /// Decisions of complete turns with no verdict in force: they stand as labelled.
    pub unjudged: usize,
}

impl Complete {
    pub fn scores(&self) -> Scores {
        score(&self.turns)
    }
}

fn gold_of(d: &Decision, kind: crate::model::Kind, actor: crate::model::Actor) -> GoldDecision {
    GoldDecision {
        kind,
        actor,
        category: d.category.clone().unwrap_or_default(),
        summary: d.summary.clone().unwrap_or_default(),
        evidence: d.evidence.clone().unwrap_or_default(),
        ratified: d.is_ratified(),
        mid_turn: false,
    }
}

/// The complete turns of a join, sessions in corpus order, turns in transcript order. Each
/// becomes a gold turn: confirmed decisions with the classifier's label, relabelled ones with
/// the correction, added ones; rejected ones left out. Gold and classifier decisions are then
/// paired by evidence exactly as `leash eval` pairs them, so that `leash eval` on the gold
/// export reports the same figures (a confirmed decision pairs with itself, a hit).
pub fn complete(j: &Joined) -> Complete {
    let turns: BTreeSet<(usize, usize)> = j.complete.iter().copied().collect();
    let mut verdicts: HashMap<(usize, &str), &super::Verdict> = HashMap::new();
    for a in &j.audited {
        verdicts.insert((a.session, a.decision.as_str()), a.verdict);
    }
    let mut out = Complete::default();
    for (row, t) in turns {
        let read = &j.sessions[&row];
        let turn = &read.session.turns[t];
        let mut gold = Vec::new();
        for d in &turn.decisions {
            let v = verdicts.get(&(row, d.id.as_str()));
            let label = match v.map(|v| (v.verdict, v.actor, v.kind)) {
                Some((VerdictKind::Reject, ..)) => None,
                Some((VerdictKind::Relabel, Some(actor), Some(kind))) => Some((kind, actor)),
                Some(_) => Some((d.kind, d.actor)),
                None => {
                    out.unjudged += 1;
                    Some((d.kind, d.actor))
                }
            };
            if let Some((kind, actor)) = label {
                gold.push(gold_of(d, kind, actor));
            }
        }
        for &(_, v) in j.added.iter().filter(|(r, v)| *r == row && v.turn == Some(t + 1)) {
            let (Some(actor), Some(kind)) = (v.actor, v.kind) else {
                continue;
            };
            gold.push(GoldDecision {
                kind,
                actor,
                category: v.category.clone().unwrap_or_default(),
                summary: v.note.clone().unwrap_or_default(),
                evidence: v.evidence.clone().unwrap_or_default(),
                ratified: false,
                mid_turn: false,
            });
        }
        // Paired by evidence, as `leash eval` pairs them: the figures are the ones it will
        // report on the gold export of these turns.
        let pairs = crate::eval::matching::pair(&gold, &turn.decisions);
        out.turns.push(TurnResult {
            gold: GoldTurn {
                source: read.file.clone().unwrap_or_default(),
                session: read.session.id.clone(),
                turn: t + 1,
                prompt_head: turn.prompt.chars().take(80).collect(),
                decisions: gold,
                note: String::new(),
                at: String::new(),
                path: read.file.clone().unwrap_or_default().into(),
            },
            leash: Some(turn.decisions.clone()),
            leash_turn: Some(t),
            pairs,
        });
        out.origin.push((read.session.id.clone(), read.file.clone()));
    }
    out
}
