//! What to audit next: the decisions of a set of sessions, in one of several orders.
//!
//! Every order is deterministic: the same corpus, sessions, order and seed give the same
//! queue, so an audit can be planned, shared and resumed.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_pcg::Pcg64Mcg;
use rayon::prelude::*;

use super::{AuditLog, Target};
use crate::corpus::Corpus;
use crate::model::{Actor, Kind};

/// One decision to audit.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Row index of its session in the corpus.
    pub session: usize,
    pub decision: String,
    /// The classifier's confidence in its label.
    pub confidence: Option<f64>,
    /// Its turn (0-based), and how verdicts find it (key, fingerprint).
    pub turn: usize,
    pub target: Target,
    /// The classifier's label (none for a turn without decisions).
    pub label: Option<(Actor, Kind)>,
    /// The turn itself, after its decisions in a queue of whole turns (`decision` empty).
    pub whole_turn: bool,
}

/// How to order (and cut) the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Every decision, sessions in the order given, decisions in transcript order.
    InOrder,
    /// A seeded random sample of `n` decisions (all of them, shuffled, if fewer).
    Sample { n: usize, seed: u64 },
    /// `n` decisions with an equal share per expertise level present (a level with too few
    /// gives its rest to the others), sampled and shuffled with `seed`.
    Stratified { n: usize, seed: u64 },
    /// Every decision, lowest classifier confidence first; no confidence comes last.
    LowestConfidence,
    /// `n` whole turns (every decision of each, and turns where the classifier found none),
    /// an equal share per stratum of expertise level × source format, seeded: recall needs
    /// turns judged in full ([`super::turns`]).
    Turns { n: usize, seed: u64 },
    /// The decisions where auditors disagree with each other or with the classifier, to be
    /// settled ([`super::review`]); the log decides which, so callers filter after building.
    Disagreements,
}

impl Order {
    /// Whether the queue holds an item for each turn itself (after its decisions).
    pub fn whole_turns(self) -> bool {
        matches!(self, Order::Turns { .. })
    }
}

/// A queue, and the sessions that could not be re-read (`file:line: reason`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Queue {
    pub items: Vec<Item>,
    pub errors: Vec<String>,
}

/// Builds the queue over `sessions` (corpus row indices, say the filtered set). For
/// [`Order::Disagreements`] the caller keeps the items [`super::review::disagrees`] names.
pub fn build(corpus: &Corpus, sessions: &[usize], order: Order) -> Queue {
    let Queue { items, errors } = read(corpus, sessions, order.whole_turns());
    Queue {
        items: arrange(corpus, items, order),
        errors,
    }
}

/// Orders (and cuts) the items of [`read`] as `order` says.
pub fn arrange(corpus: &Corpus, items: Vec<Item>, order: Order) -> Vec<Item> {
    match order {
        Order::InOrder | Order::Disagreements => items,
        Order::Sample { n, seed } => sample(items, n, seed),
        Order::Stratified { n, seed } => stratified(corpus, items, n, seed),
        Order::LowestConfidence => lowest_confidence(items),
        Order::Turns { n, seed } => super::turns::whole_turns(corpus, items, n, seed),
    }
}

/// Every decision of the sessions, in order (sessions re-read in parallel).
pub fn in_order(corpus: &Corpus, sessions: &[usize]) -> Queue {
    read(corpus, sessions, false)
}

impl Item {
    /// The turn itself (after its decisions, in a queue of whole turns): no decision.
    pub fn is_turn(&self) -> bool {
        self.whole_turn
    }
}

/// Every decision of the sessions, in order; with `whole_turns`, each turn's decisions are
/// followed by one item for the turn itself (where the auditor adds what the classifier
/// missed and marks the turn complete), also for turns without decisions (sessions re-read
/// in parallel).
pub fn read(corpus: &Corpus, sessions: &[usize], whole_turns: bool) -> Queue {
    let read: Vec<Result<Vec<Item>, String>> = sessions
        .par_iter()
        .map(|&i| {
            let s = corpus.session(i)?;
            let mut items = Vec::new();
            for (ti, t) in s.turns.iter().enumerate() {
                items.extend(t.decisions.iter().map(|d| Item {
                    session: i,
                    decision: d.id.clone(),
                    confidence: d.confidence,
                    turn: ti,
                    target: Target::of(&s, ti, d),
                    label: Some((d.actor, d.kind)),
                    whole_turn: false,
                }));
                if whole_turns {
                    items.push(Item {
                        session: i,
                        decision: String::new(),
                        confidence: None,
                        turn: ti,
                        target: Target {
                            id: String::new(),
                            key: String::new(),
                            fingerprint: super::fingerprint::of_turn(&s, ti),
                        },
                        label: None,
                        whole_turn: true,
                    });
                }
            }
            Ok(items)
        })
        .collect();
    let mut q = Queue::default();
    for r in read {
        match r {
            Ok(items) => q.items.extend(items),
            Err(e) => q.errors.push(e),
        }
    }
    q
}

/// A seeded random sample of `n` items, in random order.
pub fn sample(mut items: Vec<Item>, n: usize, seed: u64) -> Vec<Item> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    items.shuffle(&mut rng);
    items.truncate(n);
    items
}

/// `n` items split as equally as possible between the expertise levels present.
pub fn stratified(corpus: &Corpus, items: Vec<Item>, n: usize, seed: u64) -> Vec<Item> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    // Groups by level: 1-5, then unknown.
    let mut groups: Vec<Vec<Item>> = vec![Vec::new(); 6];
    for it in items {
        let level = corpus.rows[it.session].expertise.map_or(5, |l| usize::from(l) - 1);
        groups[level.min(5)].push(it);
    }
    let mut out = fill(groups, n, &mut rng);
    out.shuffle(&mut rng);
    out
}

/// `n` of the groups' members, split as equally as possible between the groups (shuffled
/// within each first): water-filling, the smallest groups first, each taking its share of
/// what is left, so a group with too few passes the rest of its share to the others.
pub(crate) fn fill<T>(mut groups: Vec<Vec<T>>, n: usize, rng: &mut Pcg64Mcg) -> Vec<T> {
    groups.retain(|g| !g.is_empty());
    for g in &mut groups {
        g.shuffle(rng);
    }
    let mut by_size: Vec<usize> = (0..groups.len()).collect();
    by_size.sort_by_key(|&i| groups[i].len());
    let total: usize = groups.iter().map(Vec::len).sum();
    let mut left = n.min(total);
    let mut take = vec![0; groups.len()];
    for (k, &i) in by_size.iter().enumerate() {
        let share = left.div_ceil(by_size.len() - k);
        take[i] = share.min(groups[i].len());
        left -= take[i];
    }
    groups
        .into_iter()
        .zip(take)
        .flat_map(|(g, t)| g.into_iter().take(t))
        .collect()
}

/// Lowest classifier confidence first (ties keep their order); unknown confidence last.
pub fn lowest_confidence(mut items: Vec<Item>) -> Vec<Item> {
    items.sort_by(|a, b| match (a.confidence, b.confidence) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    items
}

impl Item {
    /// The verdict in force on this decision, as `audit stats` would score it: given under
    /// its key, or by id on this same version of it (a verdict given on another corpus, or
    /// another version of the decision, is not). For a turn without decisions: its
    /// completion.
    pub fn verdict<'a>(&self, corpus: &Corpus, log: &'a AuditLog) -> Option<&'a super::Verdict> {
        let sid = &corpus.rows[self.session].id;
        if self.is_turn() {
            return log
                .current(sid, &super::forms::turn_id(self.turn + 1))
                .filter(|v| v.verdict == super::VerdictKind::Complete)
                .filter(|v| v.fingerprint.as_ref().is_none_or(|f| *f == self.target.fingerprint));
        }
        log.current_of(sid, &self.target)
    }
}

/// Keeps the items where auditors disagree with each other or with the classifier, and
/// that no verdict settled yet ([`Order::Disagreements`]).
pub fn disagreements(items: Vec<Item>, corpus: &Corpus, log: &AuditLog) -> Vec<Item> {
    items
        .into_iter()
        .filter(|it| {
            let sid = &corpus.rows[it.session].id;
            it.label
                .is_some_and(|l| super::review::disagrees(log, sid, &it.target, l))
        })
        .collect()
}

/// Where to resume: the index of the first item with no verdict in force in `log`.
pub fn resume(items: &[Item], corpus: &Corpus, log: &AuditLog) -> Option<usize> {
    items.iter().position(|it| it.verdict(corpus, log).is_none())
}
