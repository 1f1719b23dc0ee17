//! The plain-text sections `leash audit stats` adds to the spec's figures: complete turns
//! (recall, precision, count error, human shares), expertise ratings, and the verdicts whose
//! decision is gone.

use std::fmt::Write;

use super::rating::Ratings;
use super::stats::Stats;
use super::table::{num, pct};
use crate::eval::score::{CLASSES, Prf, class_name};
use crate::text::clean;

fn prf_row(out: &mut String, name: &str, p: &Prf) {
    let _ = writeln!(
        out,
        "  {name:<18}{:>7}{:>7}{:>7}{:>11}{:>9}{:>8}{:>11}",
        p.gold,
        p.leash,
        p.hits,
        pct(p.precision),
        pct(p.recall),
        num(p.f1),
        format!("{:.2}", p.count_error)
    );
}

/// Recall and precision of the classifier over turns judged in full.
pub(super) fn complete(out: &mut String, st: &Stats) {
    let c = &st.complete;
    let s = &c.scores;
    let _ = writeln!(
        out,
        "\ncomplete turns {} (every decision judged, missed ones added): {} added, {} left unjudged (stand as labelled)",
        s.turns, c.added, c.unjudged
    );
    if s.turns == 0 {
        let _ = writeln!(
            out,
            "  mark turns complete in the browser's audit mode (c) to measure recall"
        );
        return;
    }
    let _ = writeln!(
        out,
        "  {:<18}{:>7}{:>7}{:>7}{:>11}{:>9}{:>8}{:>11}",
        "class", "hand", "rules", "hits", "precision", "recall", "F1", "count err"
    );
    prf_row(out, "all decisions", &s.overall);
    for (k, a) in CLASSES {
        let name = class_name(k, a);
        if let Some(p) = s.classes.get(&name) {
            prf_row(out, &name, p);
        }
    }
    let share = |sh: &crate::eval::score::Share| format!("{} by hand, {} by the rules", num(sh.gold), num(sh.leash));
    let _ = writeln!(out, "  human share of planning:  {}", share(&s.planning_human_share));
    let _ = writeln!(out, "  human share of execution: {}", share(&s.execution_human_share));
}

/// Expertise rated by hand against the corpus's level.
pub(super) fn ratings(out: &mut String, r: &Ratings) {
    if r.rated == 0 {
        return;
    }
    let _ = writeln!(
        out,
        "\nexpertise rated by hand: {} session(s), {} cannot tell, {} with no level in the corpus; {} compared: exact {} ({}), within one {} ({}), mean error {}",
        r.rated,
        r.cannot_tell,
        r.estimate_unknown,
        r.compared,
        r.exact,
        pct(r.exact_share),
        r.within_one,
        pct(r.within_one_share),
        num(r.mean_error)
    );
}

/// The judgements whose decision no longer exists (say, after a new classifier).
pub(super) fn unmatched(out: &mut String, st: &Stats) {
    if st.unmatched.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{} verdict(s) no longer match a decision (the classifier changed; counted among the orphans):",
        st.unmatched.len()
    );
    /// More than this many are counted, not listed (`--format json` lists them all).
    const LISTED: usize = 50;
    for u in st.unmatched.iter().take(LISTED) {
        let turn = u.turn.map_or("?".into(), |t| t.to_string());
        let ev: String = u.evidence.as_deref().unwrap_or("").chars().take(60).collect();
        let _ = writeln!(
            out,
            "  {} turn {turn} {} [{}] {} by {}: {:?}",
            clean(&u.session),
            clean(&u.decision),
            clean(u.rule.as_deref().unwrap_or("no rule")),
            u.verdict,
            clean(&u.auditor),
            clean(&ev)
        );
    }
    if st.unmatched.len() > LISTED {
        let _ = writeln!(
            out,
            "  … and {} more (--format json lists them all)",
            st.unmatched.len() - LISTED
        );
    }
}
