//! The agreement panel: the figures of `leash audit stats`, over the whole screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::audit::table::{num, pct};
use crate::audit::{Axis, Breakdown};

use super::super::super::app::App;
use super::super::super::sanitize::clean;
use super::super::super::theme::Theme;
use super::super::{fit, theme};
use crate::audit::stats::Stats;
use crate::eval::score::{CLASSES, Prf, class_name};

/// One axis as lines of `w` columns: its accuracy and kappa, then the confusion.
fn axis_lines(title: &str, a: &Axis) -> Vec<String> {
    let [n0, n1] = a.confusion.names;
    let mut out = vec![
        format!("{title}: accuracy {}  κ {}", pct(a.accuracy), num(a.kappa)),
        format!("  {:<20}{n0:>9}{n1:>10}", "classifier\\auditor"),
    ];
    for (name, row) in a.confusion.names.iter().zip(&a.confusion.counts) {
        out.push(format!("  {name:<20}{:>9}{:>10}", row[0], row[1]));
    }
    out
}

fn breakdown_lines<'a>(title: &str, rows: &[Breakdown], t: Theme) -> Vec<Line<'a>> {
    let mut out = vec![Line::styled(
        format!(
            "{title:<20}{:>8}{:>6}{:>11}{:>8}{:>11}{:>8}",
            "audited", "rej", "actor acc", "κ", "kind acc", "κ"
        ),
        t.title(),
    )];
    for b in rows {
        let s = &b.stats;
        out.push(Line::raw(format!(
            "  {:<18}{:>8}{:>6}{:>11}{:>8}{:>11}{:>8}",
            fit(&clean(&b.group), 18),
            s.audited,
            s.rejected,
            pct(s.actor.accuracy),
            num(s.actor.kappa),
            pct(s.kind.accuracy),
            num(s.kind.kappa)
        )));
    }
    out
}

/// Recall and precision over complete turns, and the human shares by hand and by rule.
fn complete_lines<'a>(st: &Stats, t: Theme) -> Vec<Line<'a>> {
    let c = &st.complete;
    let s = &c.scores;
    let mut out = vec![Line::styled(
        format!(
            "complete turns: {} ({} missed decisions added, {} left unjudged)",
            s.turns, c.added, c.unjudged
        ),
        t.title(),
    )];
    if s.turns == 0 {
        out.push(Line::styled(
            "  none yet: add what the classifier missed (+), mark the turn complete (c)",
            t.dim(),
        ));
        return out;
    }
    out.push(Line::styled(
        format!(
            "  {:<18}{:>6}{:>6}{:>6}{:>11}{:>9}",
            "class", "hand", "rules", "hits", "precision", "recall"
        ),
        t.dim(),
    ));
    let row = |name: &str, p: &Prf| {
        Line::raw(format!(
            "  {name:<18}{:>6}{:>6}{:>6}{:>11}{:>9}",
            p.gold,
            p.leash,
            p.hits,
            pct(p.precision),
            pct(p.recall)
        ))
    };
    out.push(row("all decisions", &s.overall));
    for (k, a) in CLASSES {
        let name = class_name(k, a);
        if let Some(p) = s.classes.get(&name) {
            out.push(row(&name, p));
        }
    }
    out.push(Line::raw(format!(
        "  count error per turn {:.2} · human share of planning {} by hand, {} by rule · of execution {} by hand, {} by rule",
        s.overall.count_error,
        num(s.planning_human_share.gold),
        num(s.planning_human_share.leash),
        num(s.execution_human_share.gold),
        num(s.execution_human_share.leash)
    )));
    out
}

/// The agreement panel over the whole screen.
pub fn render_agreement(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let a = &app.audit;
    let mut lines: Vec<Line> = Vec::new();
    let file = a.log().map(|l| l.path().display().to_string()).unwrap_or_default();
    match &a.figures {
        None => lines.push(Line::styled("no audit file is open", t.bad())),
        Some(f) => {
            let st = &f.stats;
            let g = &st.overall;
            if f.read_only {
                lines.push(Line::styled(
                    "READ-ONLY: another leash holds this file; nothing can be written here",
                    t.bad(),
                ));
            }
            lines.push(Line::from(vec![
                Span::styled(format!("{} audited", g.audited), t.bold()),
                Span::raw(format!(
                    ": {} confirmed, {} relabelled, {} rejected · {} orphan{}",
                    g.confirmed,
                    g.relabelled,
                    g.rejected,
                    g.orphans,
                    if g.orphans == 1 { "" } else { "s" }
                )),
            ]));
            if f.errors > 0 {
                lines.push(Line::styled(
                    format!(
                        "{} sessions could not be re-read; their verdicts are left out",
                        f.errors
                    ),
                    t.bad(),
                ));
            }
            lines.push(Line::raw(""));
            let (x, k) = (axis_lines("actor", &g.actor), axis_lines("kind", &g.kind));
            if area.width >= 86 {
                for (l, r) in x.iter().zip(&k) {
                    lines.push(Line::raw(format!("{l:<42}{r}")));
                }
            } else {
                lines.extend(x.into_iter().chain(k).map(Line::raw));
            }
            if !st.unmatched.is_empty() {
                lines.push(Line::styled(
                    format!(
                        "{} verdict(s) no longer match a decision (a new classifier); `leash audit stats` lists them",
                        st.unmatched.len()
                    ),
                    t.bad(),
                ));
            }
            lines.push(Line::raw(""));
            if st.auditors.is_empty() {
                lines.push(Line::styled(
                    "between auditors: no decision judged by two auditors yet",
                    t.dim(),
                ));
            } else {
                lines.push(Line::styled(
                    format!(
                        "{:<24}{:>7}{:>11}{:>8}{:>11}{:>8}",
                        "between auditors", "shared", "actor agr", "κ", "kind agr", "κ"
                    ),
                    t.title(),
                ));
                for p in &st.auditors {
                    let names = fit(&clean(&format!("{} / {}", p.a, p.b)), 22);
                    lines.push(Line::raw(format!(
                        "  {names:<22}{:>7}{:>11}{:>8}{:>11}{:>8}",
                        p.shared,
                        pct(p.actor_agreement),
                        num(p.actor_kappa),
                        pct(p.kind_agreement),
                        num(p.kind_kappa)
                    )));
                }
            }
            lines.push(Line::raw(""));
            lines.extend(complete_lines(st, t));
            for (title, rows) in [
                ("by expertise", &st.by_expertise),
                ("by source", &st.by_source_format),
                ("by rule", &st.by_rule),
                ("by confidence", &st.by_confidence),
            ] {
                // One group says what the figures above say.
                if rows.len() > 1 || !rows.is_empty() && !matches!(title, "by source" | "by rule") {
                    lines.push(Line::raw(""));
                    lines.extend(breakdown_lines(title, rows, t));
                }
            }
            let r = &st.expertise_ratings;
            if r.rated > 0 {
                lines.push(Line::raw(""));
                lines.push(Line::raw(format!(
                    "expertise rated by hand: {} ({} cannot tell, {} without an estimate); vs the estimate: exact {}/{} {}, within one {}/{} {}",
                    r.rated,
                    r.cannot_tell,
                    r.estimate_unknown,
                    r.exact,
                    r.compared,
                    pct(r.exact_share),
                    r.within_one,
                    r.compared,
                    pct(r.within_one_share)
                )));
            }
        }
    }
    let _: Style = t.plain();
    frame.render_widget(Clear, area);
    let title = format!(" agreement · {} ", clean(&file));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(Span::styled(fit(&title, usize::from(area.width) - 2), t.title()))
        .title_bottom(Span::styled(" ↑↓ scroll · any key closes ", t.dim()));
    frame.render_widget(Paragraph::new(lines).scroll((a.scroll, 0)).block(block), area);
}
