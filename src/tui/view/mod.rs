//! `view`: draws the state, reads only. Each panel has its own `render`.

mod header;
mod hist;
mod list;
mod overlay;
mod turn;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::action::Mode;
use super::app::App;
use super::layout::{MIN_H, MIN_W};
use super::sanitize::clean;
use super::theme::Theme;

pub fn view(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(a) = app.areas.filter(|_| (area.width, area.height) == app.size) else {
        too_small(frame, area, app);
        return;
    };
    header::render(frame, a.header, app);
    list::render(frame, a.list, app);
    turn::render(frame, a.turn, app);
    hist::render(frame, a.hist, app);
    header::render_footer(frame, a.footer, app);
    match app.mode {
        Mode::Help => overlay::render_help(frame, area, app),
        Mode::Facets => overlay::render_facets(frame, area, app),
        Mode::Browse | Mode::Search => {}
    }
}

fn too_small(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let msg = vec![
        Line::styled("leash: the terminal is too small", t.bold()),
        Line::raw(format!(
            "{}×{} here; at least {MIN_W}×{MIN_H} needed.",
            area.width, area.height
        )),
        Line::raw("Enlarge the window, or press q to quit."),
    ];
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}

pub(crate) fn theme(app: &App) -> Theme {
    Theme { color: app.color }
}

/// A percentage, or `–` when there is nothing to divide.
pub(crate) fn pct(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{:.0}%", v * 100.0))
}

/// A corpus string as one safe span.
pub(crate) fn safe<'a>(s: &'a str, style: ratatui::style::Style) -> Span<'a> {
    Span::styled(clean(s), style)
}

/// A corpus string as one safe, owned span.
pub(crate) fn safe_owned(s: &str, style: ratatui::style::Style) -> Span<'static> {
    Span::styled(clean(s).into_owned(), style)
}

/// `s` cut to `w` columns (by chars, each a column once cleaned), with `…` when cut.
pub(crate) fn fit(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n <= w {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(w.saturating_sub(1)).collect();
    out.push('…');
    out
}
