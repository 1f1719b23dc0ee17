//! The "add a missed decision" overlay: kind, actor, category, and the evidence picked from
//! the turn's prompt, response and actions, all from the keyboard.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::super::app::App;
use super::super::super::audit_add::categories;
use super::super::{fit, safe_owned, theme};
use crate::model::{Actor, Kind};

/// One choice among a few, the chosen one reversed: `[p] planning`.
fn choice<'a>(key: &str, name: &str, on: bool, t: super::super::super::theme::Theme) -> Vec<Span<'a>> {
    vec![
        Span::styled(format!(" [{key}] "), t.dim()),
        Span::styled(name.to_owned(), if on { t.selected() } else { t.plain() }),
    ]
}

pub fn render_add(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let Some(ad) = app.audit.adding.as_ref() else { return };
    let w = area.width.saturating_sub(4).min(110);
    // Sized to its content: six lines, the candidates, two more and the borders.
    let need = 13 + ad.candidates.len().min(usize::from(u16::MAX / 2)) as u16;
    let h = need.min(area.height.saturating_sub(4)).max(8);
    let r = super::super::centred(area, w, h);
    let inner = usize::from(w.saturating_sub(2));
    let mut lines = vec![Line::styled(
        format!(
            "a decision the classifier missed in turn {} (see docs/audit.md)",
            ad.turn + 1
        ),
        t.dim(),
    )];
    let mut kind = vec![Span::styled("kind    ", t.bold())];
    kind.extend(choice("p", "planning", ad.kind == Some(Kind::Planning), t));
    kind.extend(choice("e", "execution", ad.kind == Some(Kind::Execution), t));
    lines.push(Line::from(kind));
    let mut actor = vec![Span::styled("actor   ", t.bold())];
    actor.extend(choice("h", "human", ad.actor == Some(Actor::Human), t));
    actor.extend(choice("g", "agent", ad.actor == Some(Actor::Agent), t));
    lines.push(Line::from(actor));
    let mut cat = vec![Span::styled("category", t.bold()), Span::styled(" ← → ", t.dim())];
    for (i, c) in categories(ad.kind).iter().enumerate() {
        let on = ad.kind.is_some() && i == ad.category;
        cat.push(Span::styled(
            format!(" {c} "),
            if on { t.selected() } else { t.plain() },
        ));
    }
    if ad.kind.is_none() {
        cat.push(Span::styled(" (choose the kind first)", t.dim()));
    }
    lines.push(Line::from(cat));
    lines.push(Line::styled(
        format!("evidence ↑ ↓ ({} of {})", ad.pick + 1, ad.candidates.len()),
        t.bold(),
    ));
    // The candidates around the one picked, one line each.
    let rows = usize::from(h).saturating_sub(lines.len() + 7).max(1);
    let start = ad
        .pick
        .saturating_sub(rows / 2)
        .min(ad.candidates.len().saturating_sub(rows));
    for (i, c) in ad.candidates.iter().enumerate().skip(start).take(rows) {
        let here = i == ad.pick;
        let text = fit(&c.text, inner.saturating_sub(12));
        lines.push(Line::from(vec![
            Span::styled(if here { "▶ " } else { "  " }, t.bold()),
            Span::styled(format!("{:<9}", c.from.name()), t.dim()),
            safe_owned(&text, if here { t.selected() } else { t.plain() }),
        ]));
    }
    // The evidence picked, whole (up to three lines), since the list cuts long ones.
    if let Some(c) = ad.candidates.get(ad.pick) {
        let room = inner.saturating_mul(3).saturating_sub(12);
        lines.push(Line::from(vec![
            Span::styled("picked “", t.dim()),
            safe_owned(&fit(&c.text, room), t.highlight()),
            Span::styled("”", t.dim()),
        ]));
    }
    let ready = ad.kind.is_some() && ad.actor.is_some();
    lines.push(Line::styled(
        if ready {
            "Enter adds it · Esc cancels"
        } else {
            "choose p/e and h/g, then Enter · Esc cancels"
        },
        t.dim(),
    ));
    let body = Paragraph::new(lines).wrap(Wrap { trim: false });
    super::super::popup(frame, r, "add a missed decision", body, t);
}
