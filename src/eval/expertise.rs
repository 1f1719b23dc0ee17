//! `leash eval` on expertise ratings (`../shared/gold/README.md`): one JSON line per session,
//! `{source, session, expertise, enough_signal, why}`, scored against leash's estimate.
//! Definitions in `docs/eval.md`, "Expertise".

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::import::{ImportOptions, import_path};

/// One session rated by hand.
#[derive(Debug, Clone, Deserialize)]
pub struct Rating {
    pub source: String,
    #[serde(default)]
    pub session: String,
    pub expertise: u8,
    /// `false`: the prompts say too little to rate; the level is the annotator's default.
    pub enough_signal: bool,
    #[serde(default)]
    pub why: String,
    #[serde(skip)]
    pub path: PathBuf,
    #[serde(skip)]
    pub at: String,
}

/// Whether a gold file holds expertise ratings rather than labelled turns: its first line
/// has `expertise` and no `decisions`.
pub fn is_ratings(text: &str) -> bool {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    serde_json::from_str::<serde_json::Value>(first)
        .is_ok_and(|v| v.get("expertise").is_some() && v.get("decisions").is_none())
}

/// Parses rating lines; a bad line is skipped and named (`FILE:LINE: why`).
pub fn parse(text: &str, name: &str, base: &Path) -> (Vec<Rating>, Vec<String>) {
    let (mut out, mut warnings) = (Vec::new(), Vec::new());
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let at = format!("{name}:{}", i + 1);
        match serde_json::from_str::<Rating>(line) {
            Ok(r) if !(1..=5).contains(&r.expertise) => {
                warnings.push(format!("{at}: expertise {} is not 1-5 (skipped)", r.expertise))
            }
            Ok(mut r) => {
                r.path = base.join(&r.source);
                r.at = at;
                out.push(r);
            }
            Err(e) => warnings.push(format!("{at}: {e} (skipped)")),
        }
    }
    (out, warnings)
}

/// One rated session beside leash's estimate.
#[derive(Debug, Clone, Serialize)]
pub struct Rated {
    pub source: String,
    pub gold: u8,
    pub enough_signal: bool,
    pub why: String,
    /// leash's level; `None` when it said unknown or could not read the transcript.
    pub leash: Option<u8>,
    pub confidence: String,
    pub evidence: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The agreement over a group of sessions.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Agreement {
    pub sessions: usize,
    /// Sessions leash gave no level (unknown).
    pub unknown: usize,
    /// Sessions with a level on both sides: the figures below are over these.
    pub scored: usize,
    pub exact: Option<f64>,
    pub within_one: Option<f64>,
    /// Quadratic-weighted Cohen's kappa over levels 1-5.
    pub weighted_kappa: Option<f64>,
    /// Mean of leash's level minus the rating (positive: leash errs upward).
    pub mean_error: Option<f64>,
    pub mean_abs_error: Option<f64>,
}

/// The figures: sessions with enough signal, and low-signal ones apart (where the right
/// answer is unknown and the rating only the annotator's default).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ExpertiseScores {
    pub rated: Agreement,
    pub low_signal: Agreement,
    /// Both groups together.
    pub all: Agreement,
}

/// Imports each rated transcript (no cache) and reads leash's estimate off its corpus line.
pub fn evaluate(ratings: &[Rating]) -> Vec<Rated> {
    ratings
        .iter()
        .map(|r| {
            let got = import_path(&r.path, &ImportOptions::default()).map_err(|e| e.message);
            let first = got.and_then(|g| {
                g.imported
                    .into_iter()
                    .next()
                    .ok_or("holds no transcript leash can read".into())
            });
            let (leash, line, error) = match first {
                Ok(i) => (
                    i.session.expertise.0,
                    serde_json::from_str(&i.line).unwrap_or_default(),
                    None,
                ),
                Err(e) => (
                    None,
                    serde_json::Value::Null,
                    Some(format!("{}: {e}", r.path.display())),
                ),
            };
            Rated {
                source: r.source.clone(),
                gold: r.expertise,
                enough_signal: r.enough_signal,
                why: r.why.clone(),
                leash,
                confidence: line["expertise_confidence"].as_str().unwrap_or("none").to_owned(),
                evidence: line.get("expertise_evidence").cloned().unwrap_or_default(),
                error,
            }
        })
        .collect()
}

pub fn score(rated: &[Rated]) -> ExpertiseScores {
    let group = |keep: &dyn Fn(&Rated) -> bool| agreement(&rated.iter().filter(|r| keep(r)).collect::<Vec<_>>());
    ExpertiseScores {
        rated: group(&|r| r.enough_signal),
        low_signal: group(&|r| !r.enough_signal),
        all: group(&|_| true),
    }
}

fn agreement(rs: &[&Rated]) -> Agreement {
    let pairs: Vec<(u8, u8)> = rs.iter().filter_map(|r| r.leash.map(|l| (r.gold, l))).collect();
    let n = pairs.len() as f64;
    let mean = |f: &dyn Fn(i32) -> f64| {
        (!pairs.is_empty()).then(|| pairs.iter().map(|&(g, l)| f(i32::from(l) - i32::from(g))).sum::<f64>() / n)
    };
    Agreement {
        sessions: rs.len(),
        unknown: rs.len() - pairs.len(),
        scored: pairs.len(),
        exact: mean(&|d| f64::from(u8::from(d == 0))),
        within_one: mean(&|d| f64::from(u8::from(d.abs() <= 1))),
        weighted_kappa: weighted_kappa(&pairs),
        mean_error: mean(&|d| f64::from(d)),
        mean_abs_error: mean(&|d| f64::from(d.abs())),
    }
}

/// Quadratic-weighted kappa of levels 1-5: 1 - Σ w·observed / Σ w·expected, with
/// w = (i - j)² / 16; `None` with no pair, or when chance alone explains no disagreement.
pub fn weighted_kappa(pairs: &[(u8, u8)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let idx = |l: u8| usize::from(l.clamp(1, 5) - 1);
    let (mut obs, mut a, mut b) = ([[0.0f64; 5]; 5], [0.0f64; 5], [0.0f64; 5]);
    for &(g, l) in pairs {
        obs[idx(g)][idx(l)] += 1.0;
        a[idx(g)] += 1.0;
        b[idx(l)] += 1.0;
    }
    let (mut o, mut e) = (0.0, 0.0);
    for i in 0..5 {
        for j in 0..5 {
            let w = ((i as f64 - j as f64) / 4.0).powi(2);
            o += w * obs[i][j] / n;
            e += w * a[i] * b[j] / (n * n);
        }
    }
    (e > 0.0).then(|| 1.0 - o / e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_is_one_when_all_agree_and_falls_with_distance() {
        assert_eq!(weighted_kappa(&[(1, 1), (3, 3), (5, 5)]), Some(1.0));
        let near = weighted_kappa(&[(1, 2), (3, 3), (5, 5)]).unwrap();
        let far = weighted_kappa(&[(1, 5), (3, 3), (5, 1)]).unwrap();
        assert!(near > 0.8 && far < 0.0, "{near} {far}");
        assert_eq!(weighted_kappa(&[(3, 3), (3, 3)]), None);
    }

    #[test]
    fn reads_ratings_and_names_bad_lines() {
        let text = "{\"source\":\"a.jsonl\",\"expertise\":4,\"enough_signal\":true}\nnope\n{\"source\":\"b\",\"expertise\":7,\"enough_signal\":false}\n";
        assert!(is_ratings(text));
        assert!(!is_ratings("{\"source\":\"a\",\"turn\":1,\"decisions\":[]}"));
        let (r, w) = parse(text, "x.jsonl", Path::new("/g"));
        assert_eq!((r.len(), r[0].path.clone()), (1, PathBuf::from("/g/a.jsonl")));
        assert!(
            w[0].starts_with("x.jsonl:2: ") && w[1].starts_with("x.jsonl:3: expertise 7"),
            "{w:?}"
        );
    }
}
