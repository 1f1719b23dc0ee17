//! Overlays: the help (every key) and the facet filters.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::EXPERTISE_NAMES;

use super::super::app::{App, Facet};
use super::super::keys::{AUDIT_HELP, HELP};
use super::super::meta::{Names, day};
use super::{centred, popup, safe_owned, theme};

pub fn render_help(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let keys = if app.help_from.is_audit() { AUDIT_HELP } else { HELP };
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(k, what)| Line::from(vec![Span::styled(format!("{k:>16}  "), t.bold()), Span::raw(*what)]))
        .collect();
    lines.push(Line::raw(""));
    if app.help_from.is_audit() {
        lines.push(Line::styled(
            "PLAN/EXEC planning/execution · HUMAN/AGENT who decided · any key closes",
            t.dim(),
        ));
        let r = centred(area, 84, lines.len() as u16 + 2);
        popup(frame, r, "audit keys", Paragraph::new(lines), t);
        return;
    }
    lines.push(Line::styled(
        "PLAN/EXEC = planning/execution · HUMAN/AGENT = who decided · S = study's figure",
        t.dim(),
    ));
    lines.push(Line::styled(
        format!(
            "last recount µs: filter {} · histograms {} · reports {} · selection {} · any key closes",
            app.recount_us[0], app.recount_us[1], app.recount_us[2], app.recount_us[3]
        ),
        t.dim(),
    ));
    let r = centred(area, 84, lines.len() as u16 + 2);
    // Taller than the terminal: ↑↓ scroll it (clamped here: the last line stays in view).
    let hidden = (lines.len() as u16 + 2).saturating_sub(r.height);
    let title = if hidden > 0 { "keys · ↑↓ more" } else { "keys" };
    let p = Paragraph::new(lines).scroll((app.help_scroll.min(hidden), 0));
    popup(frame, r, title, p, t);
}

pub fn render_facets(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let f = &app.filter;
    let mut lines = Vec::with_capacity(app.facets.len());
    let mut last_group = "";
    for (i, &facet) in app.facets.iter().enumerate() {
        let (group, label): (&str, String) = match facet {
            Facet::Expertise(s) => (
                "expertise",
                match EXPERTISE_NAMES.get(s) {
                    Some(n) => format!("{} {n}", s + 1),
                    None => "unknown".into(),
                },
            ),
            Facet::Mode(m) => ("mode", app.corpus.modes[m as usize].to_string()),
            Facet::Outcome(o) => ("outcome", o.map_or("unknown", |o| o.name()).into()),
            Facet::Regime(r) => ("regime", r.name().replace('_', " ")),
            Facet::AppMin => ("actions/prompt", format!("at least {}", bound(f.app_min))),
            Facet::AppMax => ("actions/prompt", format!("at most  {}", bound(f.app_max))),
            Facet::Since => ("started", format!("from {}", f.since.map_or("any".into(), day))),
            Facet::Until => (
                "started",
                format!("to   {}", f.until.map_or("any".into(), |u| day(u - 86_400))),
            ),
            Facet::Project(p) => ("project", names(&app.meta.projects, p)),
            Facet::Model(m) => ("model", names(&app.meta.models, m)),
            Facet::Origin(o) => ("origin", names(&app.meta.origins, o)),
        };
        let on = app.facet_on(facet);
        let boxed = match facet {
            Facet::AppMin | Facet::AppMax | Facet::Since | Facet::Until => "◂ ▸ ",
            _ if on => "[x] ",
            _ => "[ ] ",
        };
        let head = if group != last_group { group } else { "" };
        last_group = group;
        let style = if i == app.facet_cursor { t.selected() } else { t.plain() };
        lines.push(Line::from(vec![
            Span::styled(format!("{head:>15} "), t.dim()),
            Span::styled(boxed, style),
            safe_owned(&label, style),
        ]));
    }
    let h = (area.height - 2).min(lines.len() as u16 + 3);
    let r = centred(area, 48, h);
    // Keep the cursor's line in view when the list is taller than the overlay.
    let inner_h = usize::from(h.saturating_sub(3)).max(1);
    let skip = app.facet_cursor.saturating_sub(inner_h - 1);
    let mut shown: Vec<Line> = lines.into_iter().skip(skip).take(inner_h).collect();
    shown.push(Line::styled(
        format!("{} pass · Space toggle · ←→ step · x clear", app.visible.len()),
        t.dim(),
    ));
    popup(frame, r, "filters", Paragraph::new(shown), t);
}

/// A project's or model's name with how many sessions have it.
fn names(n: &Names, id: u32) -> String {
    let name = &n.names[id as usize];
    format!(
        "{} ({})",
        if name.is_empty() { "(none)" } else { name },
        n.counts[id as usize]
    )
}

fn bound(b: Option<f64>) -> String {
    b.map_or("any".into(), |v| format!("{v}"))
}
