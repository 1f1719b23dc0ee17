//! Everything `leash audit stats` reports (`docs/audit.md`), as one object: the keys of
//! section 4 of the corpus spec first, as they are, then the ones leash adds.

use serde::Serialize;

use super::agreement::{
    Agreement, AuditorPair, Breakdown, agreement, by_confidence, by_expertise, by_format, by_rule, inter_auditor,
};
use super::complete::complete;
use super::rating::{Ratings, ratings};
use super::{Joined, Unmatched};
use crate::corpus::Corpus;
use crate::eval::score::Scores;

/// The figures over complete turns: `leash eval`'s, with the auditors' labels as the gold
/// (`gold`) and the classifier's as `leash`.
#[derive(Debug, Clone, Serialize)]
pub struct CompleteStats {
    #[serde(flatten)]
    pub scores: Scores,
    /// Decisions of complete turns left without a verdict: they stand as labelled.
    pub unjudged: usize,
    /// Decisions the auditors added in complete turns.
    pub added: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// `audited` … `kind`: the spec's object, key for key.
    #[serde(flatten)]
    pub overall: Agreement,
    /// Of the orphans: judgements given on another version of their decision (by id).
    pub stale: usize,
    /// Of the orphans: judgements whose decision (by key) is gone, listed.
    pub unmatched: Vec<Unmatched>,
    /// Decisions the auditors added (missed by the classifier), in all turns.
    pub added: usize,
    pub complete: CompleteStats,
    pub by_expertise: Vec<Breakdown>,
    pub by_source_format: Vec<Breakdown>,
    pub by_rule: Vec<Breakdown>,
    pub by_confidence: Vec<Breakdown>,
    pub auditors: Vec<AuditorPair>,
    pub expertise_ratings: Ratings,
}

impl Stats {
    /// From the pooled latest verdicts and each auditor's own.
    pub fn new(corpus: &Corpus, pooled: &Joined, per_auditor: &Joined) -> Stats {
        let c = complete(pooled);
        let added_complete: usize = c.turns.iter().map(|t| t.gold.decisions.len() - t.pairs.len()).sum();
        let a = &pooled.audited;
        Stats {
            overall: agreement(a, pooled.orphans),
            stale: pooled.stale,
            unmatched: pooled.unmatched.clone(),
            added: pooled.added.len(),
            complete: CompleteStats {
                scores: c.scores(),
                unjudged: c.unjudged,
                added: added_complete,
            },
            by_expertise: by_expertise(a),
            by_source_format: by_format(a),
            by_rule: by_rule(a),
            by_confidence: by_confidence(a),
            auditors: inter_auditor(&per_auditor.audited),
            expertise_ratings: ratings(corpus, pooled),
        }
    }
}

/// Keeps only what concerns the sessions `keep` accepts (by row), everywhere in a join.
pub fn retain(j: &mut Joined, keep: impl Fn(usize) -> bool) {
    j.audited.retain(|a| keep(a.session));
    j.added.retain(|&(r, _)| keep(r));
    j.complete.retain(|&(r, _)| keep(r));
    j.ratings.retain(|&(r, _)| keep(r));
}
