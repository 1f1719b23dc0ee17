//! Agreement between the classifier and the hand audit (`docs/audit.md`): pure functions over
//! [`Audited`] pairs. [`Agreement`] serializes exactly as `leash audit stats --format json`.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::{Audited, VerdictKind};
use crate::model::{Actor, Kind, expertise_name};

/// The stats contract, fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    pub audited: u64,
    pub confirmed: u64,
    pub relabelled: u64,
    pub rejected: u64,
    pub orphans: u64,
    pub actor: Axis,
    pub kind: Axis,
}

/// One axis (actor or kind) over the audited decisions that were not rejected.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axis {
    pub accuracy: Option<f64>,
    pub kappa: Option<f64>,
    pub confusion: Confusion,
}

/// Rows are the classifier's label, columns the auditor's, both in `names` order.
#[derive(Debug, Clone, PartialEq)]
pub struct Confusion {
    pub names: [&'static str; 2],
    pub counts: [[u64; 2]; 2],
}

impl Serialize for Confusion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Row<'a>(&'a [&'static str; 2], &'a [u64; 2]);
        impl Serialize for Row<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(2))?;
                for (name, n) in self.0.iter().zip(self.1) {
                    m.serialize_entry(name, n)?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(2))?;
        for (name, row) in self.names.iter().zip(&self.counts) {
            m.serialize_entry(name, &Row(&self.names, row))?;
        }
        m.end()
    }
}

impl Axis {
    fn new(names: [&'static str; 2], counts: [[u64; 2]; 2]) -> Axis {
        Axis {
            accuracy: accuracy(&counts),
            kappa: kappa(&counts),
            confusion: Confusion { names, counts },
        }
    }
}

/// Share of the table on its diagonal; `None` for an empty table.
pub fn accuracy<const K: usize>(m: &[[u64; K]; K]) -> Option<f64> {
    let n: u64 = m.iter().flatten().sum();
    let agree: u64 = (0..K).map(|i| m[i][i]).sum();
    (n > 0).then(|| agree as f64 / n as f64)
}

/// Cohen's kappa of a square table, `(p_o - p_e) / (1 - p_e)`; `None` when the table is
/// empty or chance agreement `p_e` is 1 (checked exactly, in integers).
pub fn kappa<const K: usize>(m: &[[u64; K]; K]) -> Option<f64> {
    let n: u64 = m.iter().flatten().sum();
    let rows: Vec<u64> = m.iter().map(|r| r.iter().sum()).collect();
    let cols: Vec<u64> = (0..K).map(|j| m.iter().map(|r| r[j]).sum()).collect();
    let chance: u128 = (0..K).map(|i| u128::from(rows[i]) * u128::from(cols[i])).sum();
    let nn = u128::from(n) * u128::from(n);
    if n == 0 || chance == nn {
        return None;
    }
    let agree: u64 = (0..K).map(|i| m[i][i]).sum();
    let po = agree as f64 / n as f64;
    let pe = chance as f64 / nn as f64;
    Some((po - pe) / (1.0 - pe))
}

/// Counts and per-axis agreement over the given verdicts (each decision's latest).
pub fn agreement(audited: &[Audited], orphans: usize) -> Agreement {
    let count = |k: VerdictKind| audited.iter().filter(|a| a.verdict.verdict == k).count() as u64;
    let mut actor = [[0u64; 2]; 2];
    let mut kind = [[0u64; 2]; 2];
    for a in audited {
        if let Some((act, knd)) = a.auditor_label() {
            actor[a.actor.index()][act.index()] += 1;
            kind[a.kind.index()][knd.index()] += 1;
        }
    }
    Agreement {
        audited: audited.len() as u64,
        confirmed: count(VerdictKind::Confirm),
        relabelled: count(VerdictKind::Relabel),
        rejected: count(VerdictKind::Reject),
        orphans: orphans as u64,
        actor: Axis::new(Actor::ALL.map(Actor::name), actor),
        kind: Axis::new(Kind::ALL.map(Kind::name), kind),
    }
}

/// Agreement within one group of a breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    pub group: String,
    #[serde(flatten)]
    pub stats: Agreement,
}

/// Confidence bands of [`by_confidence`], in order.
pub const BANDS: [&str; 5] = ["<0.5", "0.5-0.7", "0.7-0.9", ">=0.9", "none"];

/// The band of a classifier confidence: `[0, .5)`, `[.5, .7)`, `[.7, .9)`, `[.9, 1]`, none.
pub fn band(confidence: Option<f64>) -> &'static str {
    match confidence {
        Some(c) if c < 0.5 => BANDS[0],
        Some(c) if c < 0.7 => BANDS[1],
        Some(c) if c < 0.9 => BANDS[2],
        Some(c) if c >= 0.9 => BANDS[3],
        _ => BANDS[4],
    }
}

/// Agreement per expertise level (`novice` … `expert`, `unknown`), levels with no audit left out.
pub fn by_expertise(audited: &[Audited]) -> Vec<Breakdown> {
    let groups = ["novice", "beginner", "intermediate", "advanced", "expert", "unknown"];
    breakdown(audited, &groups, |a| expertise_name(a.expertise))
}

/// Agreement per classifier confidence band ([`BANDS`]), empty bands left out.
pub fn by_confidence(audited: &[Audited]) -> Vec<Breakdown> {
    breakdown(audited, &BANDS, |a| band(a.confidence))
}

/// Agreement per classifier rule (which rules to trust), by name; `none` for decisions
/// without one.
pub fn by_rule(audited: &[Audited]) -> Vec<Breakdown> {
    let mut rules: Vec<&str> = audited.iter().map(|a| a.rule.as_deref().unwrap_or("none")).collect();
    rules.sort_unstable();
    rules.dedup();
    breakdown(audited, &rules, |a| a.rule.as_deref().unwrap_or("none"))
}

/// Agreement per source format of the session (`claude-code`, `codex`, `v1`).
pub fn by_format(audited: &[Audited]) -> Vec<Breakdown> {
    let mut formats: Vec<&str> = audited.iter().map(|a| a.format.as_str()).collect();
    formats.sort_unstable();
    formats.dedup();
    breakdown(audited, &formats, |a| a.format.as_str())
}

fn breakdown<'a>(audited: &'a [Audited], groups: &[&str], key: impl Fn(&'a Audited) -> &'a str) -> Vec<Breakdown> {
    groups
        .iter()
        .filter_map(|&g| {
            let part: Vec<Audited> = audited.iter().filter(|a| key(a) == g).cloned().collect();
            (!part.is_empty()).then(|| Breakdown {
                group: g.to_owned(),
                stats: agreement(&part, 0),
            })
        })
        .collect()
}

/// Agreement between two auditors on the decisions both judged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditorPair {
    pub a: String,
    pub b: String,
    /// Decisions both auditors have a current verdict on.
    pub shared: u64,
    /// Cohen's kappa per axis over three categories: the two labels and "not a decision".
    pub actor_kappa: Option<f64>,
    pub kind_kappa: Option<f64>,
    /// Share of shared decisions on which they agree, per axis.
    pub actor_agreement: Option<f64>,
    pub kind_agreement: Option<f64>,
}

/// Pairwise agreement between auditors, given each auditor's own latest verdicts (join
/// [`super::AuditLog::latest_by_auditor`]). A reject is a third category on both axes.
/// Only pairs of auditors with at least one shared decision are returned, sorted by name.
pub fn inter_auditor(audited: &[Audited]) -> Vec<AuditorPair> {
    /// Auditor -> (actor category, kind category), per (session row, decision).
    type Calls<'a> = BTreeMap<&'a str, (usize, usize)>;
    let mut by_decision: BTreeMap<(usize, &str), Calls> = BTreeMap::new();
    // A verdict of an unknown auditor counts in the overall figures, not between auditors.
    for a in audited.iter().filter(|a| !a.verdict.auditor.is_empty()) {
        let cat = a
            .auditor_label()
            .map_or((2, 2), |(act, knd)| (act.index(), knd.index()));
        by_decision
            .entry((a.session, &a.decision))
            .or_default()
            .insert(&a.verdict.auditor, cat);
    }
    let mut names: Vec<&str> = by_decision.values().flat_map(|m| m.keys().copied()).collect();
    names.sort_unstable();
    names.dedup();
    let mut out = Vec::new();
    for (i, &a) in names.iter().enumerate() {
        for &b in &names[i + 1..] {
            let (mut actor, mut kind) = ([[0u64; 3]; 3], [[0u64; 3]; 3]);
            for m in by_decision.values() {
                if let (Some(x), Some(y)) = (m.get(a), m.get(b)) {
                    actor[x.0][y.0] += 1;
                    kind[x.1][y.1] += 1;
                }
            }
            let shared: u64 = actor.iter().flatten().sum();
            if shared > 0 {
                out.push(AuditorPair {
                    a: a.to_owned(),
                    b: b.to_owned(),
                    shared,
                    actor_kappa: kappa(&actor),
                    kind_kappa: kappa(&kind),
                    actor_agreement: accuracy(&actor),
                    kind_agreement: accuracy(&kind),
                });
            }
        }
    }
    out
}
