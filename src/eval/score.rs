//! The figures of `leash eval`, from the paired turns (definitions in `docs/eval.md`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::TurnResult;
use crate::audit::agreement::kappa;
use crate::model::{Actor, Kind};

/// The four classes, in report order.
pub const CLASSES: [(Kind, Actor); 4] = [
    (Kind::Planning, Actor::Human),
    (Kind::Planning, Actor::Agent),
    (Kind::Execution, Actor::Human),
    (Kind::Execution, Actor::Agent),
];

pub fn class_name(kind: Kind, actor: Actor) -> String {
    format!("{}_{}", kind.name(), actor.name())
}

fn class_of(kind: Kind, actor: Actor) -> usize {
    kind.index() * 2 + actor.index()
}

/// Precision, recall and F1 of one set of decisions.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Prf {
    pub gold: usize,
    pub leash: usize,
    /// Pairs whose kind and actor agree.
    pub hits: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    /// Mean over turns of |leash's count - gold's count|.
    pub count_error: f64,
    /// Mean over turns of leash's count - gold's count.
    pub count_bias: f64,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

impl Prf {
    fn new(gold: usize, leash: usize, hits: usize, per_turn: &[(usize, usize)]) -> Prf {
        let n = per_turn.len().max(1) as f64;
        let diff = |&(g, l): &(usize, usize)| l as f64 - g as f64;
        Prf {
            gold,
            leash,
            hits,
            precision: ratio(hits, leash),
            recall: ratio(hits, gold),
            f1: ratio(2 * hits, gold + leash),
            count_error: per_turn.iter().map(|t| diff(t).abs()).sum::<f64>() / n,
            count_bias: per_turn.iter().map(diff).sum::<f64>() / n,
        }
    }
}

/// A human share by the gold labels and by leash.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Share {
    pub gold: Option<f64>,
    pub leash: Option<f64>,
}

/// How often a rule's decisions were right.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RuleScore {
    pub rule: String,
    pub emitted: usize,
    pub hits: usize,
    pub precision: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Scores {
    pub turns: usize,
    /// All decisions, a hit when paired with the same kind and actor.
    pub overall: Prf,
    /// Pairs by evidence, whatever their labels.
    pub paired: usize,
    pub classes: BTreeMap<String, Prf>,
    /// Cohen's kappa of the actor and of the kind over paired decisions.
    pub kappa_actor: Option<f64>,
    pub kappa_kind: Option<f64>,
    pub planning_human_share: Share,
    pub execution_human_share: Share,
    pub rules: Vec<RuleScore>,
}

pub fn score(turns: &[TurnResult]) -> Scores {
    let mut per_class: Vec<Vec<(usize, usize)>> = vec![Vec::new(); 4];
    let mut totals = [[0usize; 3]; 4]; // gold, leash, hits
    let mut per_turn = Vec::with_capacity(turns.len());
    let (mut actor, mut kind) = ([[0u64; 2]; 2], [[0u64; 2]; 2]);
    let mut rules: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for t in turns {
        let leash = t.leash.as_deref().unwrap_or(&[]);
        let mut counts = [[0usize; 2]; 4];
        for g in &t.gold.decisions {
            counts[class_of(g.kind, g.actor)][0] += 1;
        }
        let mut hit = vec![false; leash.len()];
        for &(gi, li) in &t.pairs {
            let (g, l) = (&t.gold.decisions[gi], &leash[li]);
            actor[l.actor.index()][g.actor.index()] += 1;
            kind[l.kind.index()][g.kind.index()] += 1;
            if g.kind == l.kind && g.actor == l.actor {
                totals[class_of(g.kind, g.actor)][2] += 1;
                hit[li] = true;
            }
        }
        for (l, h) in leash.iter().zip(&hit) {
            counts[class_of(l.kind, l.actor)][1] += 1;
            let r = rules.entry(l.rule.clone().unwrap_or_else(|| "?".into())).or_default();
            r.0 += 1;
            r.1 += usize::from(*h);
        }
        for (c, [g, l]) in counts.iter().enumerate() {
            totals[c][0] += g;
            totals[c][1] += l;
            per_class[c].push((*g, *l));
        }
        per_turn.push((t.gold.decisions.len(), leash.len()));
    }
    let sum = |i: usize| totals.iter().map(|t| t[i]).sum::<usize>();
    let share = |k: usize, col: usize| ratio(totals[k * 2][col], totals[k * 2][col] + totals[k * 2 + 1][col]);
    Scores {
        turns: turns.len(),
        overall: Prf::new(sum(0), sum(1), sum(2), &per_turn),
        paired: turns.iter().map(|t| t.pairs.len()).sum(),
        classes: CLASSES
            .iter()
            .map(|&(k, a)| {
                let c = class_of(k, a);
                let [g, l, h] = totals[c];
                (class_name(k, a), Prf::new(g, l, h, &per_class[c]))
            })
            .collect(),
        kappa_actor: kappa(&actor),
        kappa_kind: kappa(&kind),
        planning_human_share: Share {
            gold: share(0, 0),
            leash: share(0, 1),
        },
        execution_human_share: Share {
            gold: share(1, 0),
            leash: share(1, 1),
        },
        rules: rules
            .into_iter()
            .map(|(rule, (emitted, hits))| RuleScore {
                rule,
                emitted,
                hits,
                precision: ratio(hits, emitted),
            })
            .collect(),
    }
}

/// How far a turn is from its gold labels: missed plus wrong decisions.
pub fn badness(t: &TurnResult) -> usize {
    let leash = t.leash.as_deref().unwrap_or(&[]);
    let hits = t
        .pairs
        .iter()
        .filter(|&&(g, l)| t.gold.decisions[g].kind == leash[l].kind && t.gold.decisions[g].actor == leash[l].actor)
        .count();
    t.gold.decisions.len() + leash.len() - 2 * hits
}
