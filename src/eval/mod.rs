//! `leash eval`: the classifier scored against decisions labelled by hand.
//!
//! Each gold turn is found in its transcript (imported and classified as `leash import`
//! would, without the cache), its decisions paired with leash's ([`matching`]), and the
//! pairs scored ([`score`]). A transcript that cannot be read counts as all missed and is
//! named.

pub mod expertise;
pub mod gold;
pub mod matching;
pub mod score;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use gold::{Gold, GoldDecision, GoldTurn};
pub use score::Scores;

use crate::import::{ImportOptions, import_path};
use crate::model::{Decision, Session};

/// One gold turn beside what leash found in it.
#[derive(Debug, Clone)]
pub struct TurnResult {
    pub gold: GoldTurn,
    /// leash's decisions for the turn; `None` when its transcript or turn could not be found.
    pub leash: Option<Vec<Decision>>,
    /// leash's turn index (0-based) the gold turn was aligned with.
    pub leash_turn: Option<usize>,
    /// `(gold index, leash index)` pairs.
    pub pairs: Vec<(usize, usize)>,
}

/// Everything `leash eval` computed.
#[derive(Debug)]
pub struct Evaluation {
    pub turns: Vec<TurnResult>,
    /// Transcripts that could not be read, with why.
    pub unreadable: Vec<String>,
    /// Bad gold lines and transcript warnings.
    pub warnings: Vec<String>,
    pub scores: Scores,
}

/// Scores the gold turns; `only`, when not empty, keeps the turns whose transcript lies at or
/// under one of these paths.
pub fn evaluate(gold: Gold, only: &[PathBuf]) -> Evaluation {
    let keep = |p: &Path| {
        only.is_empty() || {
            let p = canonical(p);
            only.iter().any(|o| p.starts_with(canonical(o)))
        }
    };
    let turns: Vec<GoldTurn> = gold.turns.into_iter().filter(|t| keep(&t.path)).collect();
    let mut sessions: HashMap<PathBuf, Result<Session, String>> = HashMap::new();
    let mut warnings = gold.warnings;
    for t in &turns {
        if !sessions.contains_key(&t.path) {
            let s = load(&t.path, &mut warnings);
            sessions.insert(t.path.clone(), s);
        }
    }
    let mut unreadable: Vec<String> = sessions
        .iter()
        .filter_map(|(p, s)| s.as_ref().err().map(|e| format!("{}: {e}", p.display())))
        .collect();
    unreadable.sort();
    let results: Vec<TurnResult> = turns
        .into_iter()
        .map(|g| {
            let session = sessions.get(&g.path).and_then(|s| s.as_ref().ok());
            let found = session.and_then(|s| align(s, &g));
            let leash = found.map(|i| session.map_or(Vec::new(), |s| s.turns[i].decisions.clone()));
            let pairs = leash.as_deref().map_or(Vec::new(), |l| matching::pair(&g.decisions, l));
            TurnResult {
                gold: g,
                leash,
                leash_turn: found,
                pairs,
            }
        })
        .collect();
    let scores = score::score(&results);
    Evaluation {
        turns: results,
        unreadable,
        warnings,
        scores,
    }
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Imports and classifies one transcript (no cache, so a new classifier is always used).
fn load(path: &Path, warnings: &mut Vec<String>) -> Result<Session, String> {
    let got = import_path(path, &ImportOptions::default()).map_err(|e| e.message)?;
    warnings.extend(got.warnings);
    let mut imported = got.imported.into_iter();
    let first = imported.next().ok_or("holds no transcript leash can read")?;
    Ok(first.session)
}

/// First characters of a prompt, folded, to recognise a turn by its `prompt_head`.
fn head(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .chars()
        .take(30)
        .collect()
}

/// The leash turn a gold turn is about: the one at its index when the prompt agrees, else
/// the only turn whose prompt starts the same way, else the one at its index.
fn align(s: &Session, g: &GoldTurn) -> Option<usize> {
    let at = g.turn - 1;
    let want = head(&g.prompt_head);
    let agrees = |i: usize| {
        let have = head(&s.turns[i].prompt);
        want.is_empty() || have.starts_with(&want) || want.starts_with(&have) && !have.is_empty()
    };
    if at < s.turns.len() && agrees(at) {
        return Some(at);
    }
    let same: Vec<usize> = (0..s.turns.len()).filter(|&i| agrees(i)).collect();
    match same[..] {
        [one] => Some(one),
        _ if !same.is_empty() => same.iter().copied().min_by_key(|i| i.abs_diff(at)),
        _ => (at < s.turns.len()).then_some(at),
    }
}
