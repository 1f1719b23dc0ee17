//! The plain-text form of `leash audit stats`: the contract's numbers, then breakdowns by
//! expertise and confidence band and agreement between auditors.

use std::fmt::Write;

use crate::text::clean;

use super::agreement::{Axis, Breakdown};
use super::stats::Stats;

/// Everything the table shows.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub corpus: &'a str,
    pub audit: &'a str,
    pub stats: &'a Stats,
}

/// An agreement rate to a tenth of a percent, `–` when undefined (also the browser's form).
pub fn pct(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| format!("{:.1}%", 100.0 * x))
}

/// A kappa to two places, `–` when undefined.
pub fn num(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| format!("{x:.2}"))
}

fn axis(out: &mut String, title: &str, a: &Axis) {
    let [n0, n1] = a.confusion.names;
    let _ = writeln!(out, "{title}: accuracy {}, kappa {}", pct(a.accuracy), num(a.kappa));
    let _ = writeln!(out, "  {:<24}{n0:>11}{n1:>11}", "classifier \\ auditor");
    for (name, row) in a.confusion.names.iter().zip(&a.confusion.counts) {
        let _ = writeln!(out, "  {name:<24}{:>11}{:>11}", row[0], row[1]);
    }
}

pub(super) fn breakdown(out: &mut String, title: &str, rows: &[Breakdown]) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{title:<16}{:>8}{:>10}{:>11}{:>11}{:>11}{:>11}",
        "audited", "rejected", "actor acc", "actor k", "kind acc", "kind k"
    );
    for b in rows {
        let s = &b.stats;
        let _ = writeln!(
            out,
            "  {:<14}{:>8}{:>10}{:>11}{:>11}{:>11}{:>11}",
            clean(&b.group),
            s.audited,
            s.rejected,
            pct(s.actor.accuracy),
            num(s.actor.kappa),
            pct(s.kind.accuracy),
            num(s.kind.kappa)
        );
    }
}

/// Renders the report as aligned plain text.
pub fn render(r: &Report) -> String {
    let st = r.stats;
    let g = &st.overall;
    let mut out = String::new();
    let _ = writeln!(out, "corpus {}, audit {}", clean(r.corpus), clean(r.audit));
    let _ = writeln!(
        out,
        "audited {}: {} confirmed, {} relabelled, {} rejected; {} orphan{} (naming what the corpus lacks, ignored)\n",
        g.audited,
        g.confirmed,
        g.relabelled,
        g.rejected,
        g.orphans,
        if g.orphans == 1 { "" } else { "s" }
    );
    axis(&mut out, "actor", &g.actor);
    out.push('\n');
    axis(&mut out, "kind", &g.kind);
    super::table_more::complete(&mut out, st);
    breakdown(&mut out, "by expertise", &st.by_expertise);
    breakdown(&mut out, "by source format", &st.by_source_format);
    breakdown(&mut out, "by rule", &st.by_rule);
    breakdown(&mut out, "by confidence", &st.by_confidence);
    if !st.auditors.is_empty() {
        let _ = writeln!(
            out,
            "\n{:<24}{:>8}{:>11}{:>11}{:>11}{:>11}",
            "between auditors", "shared", "actor agr", "actor k", "kind agr", "kind k"
        );
        for p in &st.auditors {
            let _ = writeln!(
                out,
                "  {:<22}{:>8}{:>11}{:>11}{:>11}{:>11}",
                // Auditor names come from the audit file: shown escaped.
                format!("{} / {}", clean(&p.a), clean(&p.b)),
                p.shared,
                pct(p.actor_agreement),
                num(p.actor_kappa),
                pct(p.kind_agreement),
                num(p.kind_kappa)
            );
        }
    }
    super::table_more::ratings(&mut out, &st.expertise_ratings);
    super::table_more::unmatched(&mut out, st);
    out
}
