//! `leash eval RATINGS`: leash's expertise estimate scored against sessions rated by hand
//! (a gold file whose lines carry `expertise`, not `decisions`; docs/eval.md).

use std::fmt::Write;
use std::path::Path;

use serde_json::json;

use super::table::{Table, num, pct};
use crate::eval::expertise::{Agreement, Rated, evaluate, parse, score};
use crate::text::clean;

/// Scores the ratings in `text` (read from `path`); `format` is `table` or `json`.
pub fn run(path: &Path, text: &str, only: &[std::path::PathBuf], format: &str, worst: usize) -> i32 {
    let name = path.display().to_string();
    let (mut ratings, warnings) = parse(text, &name, path.parent().unwrap_or(Path::new(".")));
    for w in &warnings {
        eprintln!("leash: {}", clean(w));
    }
    if !only.is_empty() {
        let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        ratings.retain(|r| only.iter().any(|o| canon(&r.path).starts_with(canon(o))));
    }
    if ratings.is_empty() {
        eprintln!("leash: {}: no rated session to score", clean(&name));
        return super::EXIT_USAGE;
    }
    let rated = evaluate(&ratings);
    for e in rated.iter().filter_map(|r| r.error.as_deref()) {
        eprintln!("leash: {}", clean(e));
    }
    let s = score(&rated);
    let mut misses: Vec<&Rated> = rated.iter().filter(|r| miss(r) > 0).collect();
    misses.sort_by_key(|r| std::cmp::Reverse(miss(r)));
    misses.truncate(worst);
    let out = if format == "json" {
        let v = json!({
            "expertise": s,
            "classifier_version": crate::classify::VERSION,
            "sessions": rated,
        });
        serde_json::to_string_pretty(&v).expect("json") + "\n"
    } else {
        table(&s, &misses)
    };
    super::print_or_fail(&out)
}

/// How badly leash missed: the distance of its level for a rated session, and a level given
/// where the rating says there was too little signal.
fn miss(r: &Rated) -> u8 {
    match (r.enough_signal, r.leash) {
        (true, Some(l)) => l.abs_diff(r.gold),
        (true, None) => 1,
        (false, Some(_)) => 1,
        (false, None) => 0,
    }
}

fn row(name: &str, a: &Agreement) -> Vec<String> {
    vec![
        name.to_owned(),
        a.sessions.to_string(),
        a.unknown.to_string(),
        a.scored.to_string(),
        pct(a.exact),
        pct(a.within_one),
        num(a.weighted_kappa, 2),
        a.mean_error.map_or_else(|| "—".into(), |e| format!("{e:+.2}")),
        num(a.mean_abs_error, 2),
    ]
}

fn table(s: &crate::eval::expertise::ExpertiseScores, misses: &[&Rated]) -> String {
    let title = format!(
        "leash eval: expertise of {} rated sessions, classifier v{} (figures over sessions with a level on both sides)",
        s.all.sessions,
        crate::classify::VERSION
    );
    let head = [
        "sessions",
        "n",
        "unknown",
        "scored",
        "exact",
        "within one",
        "kappa (quadratic)",
        "mean error",
        "mean |error|",
    ];
    let mut t = Table::new(&title, &head);
    t.row(row("enough signal", &s.rated));
    t.row(row("low signal", &s.low_signal));
    t.row(row("all", &s.all));
    let mut out = t.plain(false);
    let _ = writeln!(
        out,
        "low signal: the rater found too little to rate; the right answer there is unknown ({} of {}).",
        s.low_signal.unknown, s.low_signal.sessions
    );
    if !misses.is_empty() {
        let _ = writeln!(out, "\nworst sessions:");
        for r in misses {
            let leash = r.leash.map_or_else(|| "unknown".to_owned(), |l| l.to_string());
            let signal = if r.enough_signal { "" } else { ", low signal" };
            let _ = writeln!(
                out,
                "\n{} (gold {}{signal}, leash {leash}, confidence {})",
                clean(&r.source),
                r.gold,
                r.confidence
            );
            let why: String = clean(&r.why).chars().take(150).collect();
            let _ = writeln!(out, "  rater: {why}");
            let line = json!({"expertise_confidence": r.confidence, "expertise_evidence": r.evidence});
            let said = crate::classify::expertise::describe_line(&line).unwrap_or_default();
            let _ = writeln!(out, "  leash: {}", clean(&said));
            for e in r.evidence.as_array().into_iter().flatten().take(6) {
                let q: String = clean(e["quote"].as_str().unwrap_or("")).chars().take(90).collect();
                let _ = writeln!(
                    out,
                    "    {} (turn {}): {q}",
                    e["signal"].as_str().unwrap_or("?"),
                    e["turn"]
                );
            }
        }
    }
    out
}
