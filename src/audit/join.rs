//! Verdicts matched against the corpus (`docs/audit.md`): each judgement finds its decision
//! by key (else by id and fingerprint, for older lines); added decisions, complete turns and
//! expertise ratings find their session and turn. What no longer matches is counted and
//! listed, never dropped in silence.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Audited, Target, Verdict, VerdictKind};
use crate::corpus::Corpus;
use crate::model::Session;

/// A judgement whose decision the corpus no longer has (say, a new classifier dropped it, or
/// changed its rule or evidence): what the line said about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unmatched {
    pub session: String,
    pub decision: String,
    pub turn: Option<usize>,
    pub rule: Option<String>,
    pub evidence: Option<String>,
    pub verdict: &'static str,
    pub auditor: String,
}

/// A session re-read for the join, with where it came from.
#[derive(Debug)]
pub struct Read {
    pub session: Session,
    /// `claude-code`, `codex` (the importer's `source_format`), or `v1`.
    pub format: String,
    /// The transcript it was imported from (`source_file`), if any.
    pub file: Option<String>,
    /// Each decision's key ([`super::fingerprint::key`]): its turn and index.
    keys: HashMap<String, (usize, usize)>,
}

/// Verdicts matched against the corpus.
#[derive(Debug, Default)]
pub struct Joined<'a> {
    /// Judgements whose decision the corpus has, in the order given.
    pub audited: Vec<Audited<'a>>,
    /// Lines naming a session, turn or decision the corpus lacks (stale and unmatched ones
    /// included).
    pub orphans: usize,
    /// Judgements by id whose fingerprint names another decision than the one now bearing
    /// their ids (a sidecar of another corpus, or a corpus regenerated under it): not scored.
    pub stale: usize,
    /// Judgements by key whose decision is gone: listed.
    pub unmatched: Vec<Unmatched>,
    /// Decisions the auditors added: (session row, the line).
    pub added: Vec<(usize, &'a Verdict)>,
    /// Turns marked complete: (session row, 0-based turn), in the order given.
    pub complete: Vec<(usize, usize)>,
    /// Expertise ratings: (session row, the line).
    pub ratings: Vec<(usize, &'a Verdict)>,
    /// The sessions re-read, by row.
    pub sessions: HashMap<usize, Read>,
    /// Sessions that could not be re-read (`file:line: reason`); their verdicts are left out.
    pub errors: Vec<String>,
}

/// Joins each decision's latest verdicts (say [`super::AuditLog::latest`]) with the corpus,
/// re-reading each session that has one once. Should a decision have both a verdict by id
/// (an older leash) and one by key, the one by key (written later) stands.
pub fn join<'a>(corpus: &Corpus, verdicts: &[&'a Verdict]) -> Joined<'a> {
    join_with(corpus, verdicts, false)
}

/// [`join`] for each auditor's own latest verdicts ([`super::AuditLog::latest_by_auditor`]).
pub fn join_per_auditor<'a>(corpus: &Corpus, verdicts: &[&'a Verdict]) -> Joined<'a> {
    join_with(corpus, verdicts, true)
}

/// Provenance keys of an imported session's line (extension keys `Session` leaves out).
#[derive(Deserialize)]
struct Provenance {
    source_format: Option<String>,
    source_file: Option<String>,
}

fn read(corpus: &Corpus, row: usize) -> Result<Read, String> {
    let session = corpus.session(row)?;
    let loc = &corpus.rows[row].loc;
    let line = corpus.sources[loc.source as usize].read_at(loc).unwrap_or_default();
    let p: Option<Provenance> = serde_json::from_slice(&line).ok();
    let (format, file) = p.map_or((None, None), |p| (p.source_format, p.source_file));
    let mut keys = HashMap::new();
    for (ti, t) in session.turns.iter().enumerate() {
        for (di, d) in t.decisions.iter().enumerate() {
            keys.entry(super::fingerprint::key(&session, ti, d)).or_insert((ti, di));
        }
    }
    Ok(Read {
        session,
        format: format.unwrap_or_else(|| "v1".to_owned()),
        file,
        keys,
    })
}

fn join_with<'a>(corpus: &Corpus, verdicts: &[&'a Verdict], per_auditor: bool) -> Joined<'a> {
    let mut out = Joined::default();
    let mut failed: HashMap<usize, ()> = HashMap::new();
    // (row, decision id, auditor when per auditor) -> index in `audited`.
    let mut seen: HashMap<(usize, String, &str), usize> = HashMap::new();
    for &v in verdicts {
        if v.verdict == VerdictKind::Retract {
            continue;
        }
        let Some(row) = corpus.index_of(&v.session) else {
            out.orphans += 1;
            continue;
        };
        if failed.contains_key(&row) {
            continue;
        }
        if let std::collections::hash_map::Entry::Vacant(slot) = out.sessions.entry(row) {
            match read(corpus, row) {
                Ok(r) => {
                    slot.insert(r);
                }
                Err(e) => {
                    out.errors.push(e);
                    failed.insert(row, ());
                    continue;
                }
            }
        }
        let r = &out.sessions[&row];
        let turns = r.session.turns.len();
        // A line about a turn names one the session has, and (when it says) the same turn.
        let turn = v.turn.filter(|&t| t >= 1 && t <= turns).map(|t| t - 1).filter(|&t| {
            v.fingerprint
                .as_ref()
                .is_none_or(|f| *f == super::fingerprint::of_turn(&r.session, t))
        });
        match v.verdict {
            VerdictKind::Add => match turn {
                Some(_) => out.added.push((row, v)),
                None => out.orphans += 1,
            },
            VerdictKind::Complete => match turn {
                Some(t) => out.complete.push((row, t)),
                None => out.orphans += 1,
            },
            // A rating names its session by its first turn's fingerprint, when it says.
            VerdictKind::Expertise
                if v.fingerprint
                    .as_ref()
                    .is_none_or(|f| *f == super::fingerprint::of_turn(&r.session, 0)) =>
            {
                out.ratings.push((row, v))
            }
            VerdictKind::Expertise => out.orphans += 1,
            _ => match find(r, v) {
                Found::Yes(turn, d) => {
                    let d = &r.session.turns[turn].decisions[d];
                    let a = Audited {
                        session: row,
                        expertise: corpus.rows[row].expertise,
                        decision: d.id.clone(),
                        turn,
                        rule: d.rule.clone(),
                        format: r.format.clone(),
                        actor: d.actor,
                        kind: d.kind,
                        confidence: d.confidence,
                        verdict: v,
                    };
                    let who = if per_auditor { v.auditor.as_str() } else { "" };
                    match seen.get(&(row, d.id.clone(), who)) {
                        Some(&i) if out.audited[i].verdict.key.is_some() && v.key.is_none() => {}
                        Some(&i) => out.audited[i] = a,
                        None => {
                            seen.insert((row, d.id.clone(), who), out.audited.len());
                            out.audited.push(a);
                        }
                    }
                }
                Found::Stale => {
                    out.stale += 1;
                    out.orphans += 1;
                }
                Found::Gone if v.key.is_some() => {
                    out.orphans += 1;
                    out.unmatched.push(Unmatched {
                        session: v.session.clone(),
                        decision: v.decision.clone(),
                        turn: v.turn,
                        rule: v.rule.clone(),
                        evidence: v.evidence.clone(),
                        verdict: v.verdict.name(),
                        auditor: v.auditor.clone(),
                    });
                }
                Found::Gone => out.orphans += 1,
            },
        }
    }
    out
}

enum Found {
    /// Turn and index of the decision within it.
    Yes(usize, usize),
    /// Its ids name a decision, but another version of it (fingerprint).
    Stale,
    Gone,
}

/// The decision a judgement is about: by key when the line has one, else by id (the first
/// with that id), checked against the line's fingerprint when it has one.
fn find(r: &Read, v: &Verdict) -> Found {
    let s = &r.session;
    if let Some(key) = &v.key {
        return r.keys.get(key).map_or(Found::Gone, |&(ti, di)| Found::Yes(ti, di));
    }
    let mut decisions = s
        .turns
        .iter()
        .enumerate()
        .flat_map(|(ti, t)| t.decisions.iter().enumerate().map(move |(di, d)| (ti, di, d)));
    match decisions.find(|(.., d)| d.id == v.decision) {
        Some((ti, di, d)) => {
            let t = Target::of(s, ti, d);
            if v.fingerprint.as_ref().is_some_and(|f| *f != t.fingerprint) {
                Found::Stale
            } else {
                Found::Yes(ti, di)
            }
        }
        None => Found::Gone,
    }
}
