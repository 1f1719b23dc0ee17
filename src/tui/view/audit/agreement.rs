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
            "{title:<15}{:>8}{:>6}{:>11}{:>8}{:>11}{:>8}",
            "audited", "rej", "actor acc", "κ", "kind acc", "κ"
        ),
        t.title(),
    )];
    for b in rows {
        let s = &b.stats;
        out.push(Line::raw(format!(
            "  {:<13}{:>8}{:>6}{:>11}{:>8}{:>11}{:>8}",
            b.group,
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

/// The agreement panel over the whole screen.
pub fn render_agreement(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let a = &app.audit;
    let mut lines: Vec<Line> = Vec::new();
    let file = a.log().map(|l| l.path().display().to_string()).unwrap_or_default();
    match &a.figures {
        None => lines.push(Line::styled("no audit file is open", t.bad())),
        Some(f) => {
            let g = &f.overall;
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
            if !f.by_expertise.is_empty() {
                lines.push(Line::raw(""));
                lines.extend(breakdown_lines("by expertise", &f.by_expertise, t));
            }
            if !f.by_confidence.is_empty() {
                lines.push(Line::raw(""));
                lines.extend(breakdown_lines("by confidence", &f.by_confidence, t));
            }
            lines.push(Line::raw(""));
            if f.auditors.is_empty() {
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
                for p in &f.auditors {
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
