//! `view`: draws the state, reads only. Each panel has its own `render`.

mod audit;
mod header;
mod hist;
mod list;
mod overlay;
pub(crate) mod turn;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::action::Mode;
use super::app::App;
use super::layout::{Areas, MIN_H, MIN_W};
use super::sanitize::clean;
use super::theme::Theme;

pub fn view(frame: &mut Frame, app: &App) {
    let area = frame.area();
    // Until the resize reaches `update`, lay out for the frame actually drawn.
    let areas = if (area.width, area.height) == app.size {
        app.areas
    } else {
        Areas::with(area.width, area.height, app.show_hist)
    };
    let Some(a) = areas else {
        too_small(frame, area, app);
        return;
    };
    let under = match app.mode {
        Mode::Help => app.help_from,
        // A new queue's setup, asked for from the audit screen, is drawn over it.
        Mode::AuditSetup if app.audit.started() && app.audit.store.is_some() => Mode::Audit,
        m => m,
    };
    if under.is_audit() && app.audit.started() {
        audit::render(frame, area, app);
    } else {
        header::render(frame, a.header, app);
        list::render(frame, a.list, app);
        turn::render(frame, a.turn, app);
        if a.hist.height > 0 {
            hist::render(frame, a.hist, app);
        }
        header::render_footer(frame, a.footer, app);
    }
    match app.mode {
        Mode::Help => overlay::render_help(frame, area, app),
        Mode::Facets => overlay::render_facets(frame, area, app),
        Mode::AuditSetup => audit::render_setup(frame, area, app),
        Mode::Agreement => audit::render_agreement(frame, area, app),
        Mode::AuditAdd => audit::render_add(frame, area, app),
        Mode::Browse
        | Mode::Search
        | Mode::Audit
        | Mode::AuditNote
        | Mode::AuditRate
        | Mode::Goto
        | Mode::Find
        | Mode::Copy => {}
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
    Theme {
        color: app.color,
        light: app.light,
    }
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

/// Display columns of `s` (wide chars count two).
pub(crate) fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// `s` cut to `w` display columns, with `…` when cut. Apply to text already cleaned.
pub(crate) fn fit(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let cw = width(&s[i..i + c.len_utf8()]);
        if used + cw + 1 > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    if w > 0 {
        out.push('…');
    }
    out
}

/// One action of a chain: its number, ✓ / ✗ FAILED / · (unknown), tool and target.
pub(super) fn action_line<'a>(
    k: usize,
    a: &'a crate::model::Action,
    t: super::theme::Theme,
    project: Option<&str>,
) -> Line<'a> {
    let (mark, style) = match a.ok {
        Some(false) => ("✗ FAILED ", t.bad()),
        Some(true) => ("✓ ", t.good()),
        None => ("· ", t.dim()),
    };
    let mut spans = vec![
        Span::raw(format!("{:>3} ", k + 1)),
        Span::styled(mark, style),
        safe(&a.tool, t.bold()),
    ];
    if let Some(target) = &a.target {
        spans.push(Span::raw(" "));
        spans.push(safe_owned(&relative(target, project), t.plain()));
    }
    Line::from(spans)
}

/// Paths in `text` made relative to the project: every absolute path holding a directory
/// named as the project is cut after it (`/home/ana/acme/src/x.rs` → `src/x.rs` in `acme`).
pub(crate) fn relative<'a>(text: &'a str, project: Option<&str>) -> std::borrow::Cow<'a, str> {
    let Some(p) = project
        .map(|p| p.rsplit('/').next().unwrap_or(p))
        .filter(|p| !p.is_empty())
    else {
        return text.into();
    };
    let dir = format!("/{p}/");
    if !text.contains(&dir) {
        return text.into();
    }
    let parts: Vec<String> = text
        .split(' ')
        .map(|w| match (w.starts_with('/'), w.find(&dir)) {
            (true, Some(i)) => w[i + dir.len()..].to_string(),
            _ => w.to_string(),
        })
        .collect();
    parts.join(" ").into()
}

/// A centred rectangle of at most `w`×`h`.
pub(super) fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// Draws `body` in a bordered, titled box over whatever is below, in `r`.
pub(super) fn popup(frame: &mut Frame, r: Rect, title: &str, body: Paragraph, t: Theme) {
    frame.render_widget(ratatui::widgets::Clear, r);
    let block = ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .border_style(t.border(true))
        .title(Span::styled(format!(" {title} "), t.title()));
    frame.render_widget(body.block(block), r);
}

#[cfg(test)]
mod tests {
    use super::{fit, relative, width};

    #[test]
    fn paths_are_cut_after_the_project_directory() {
        assert_eq!(relative("/home/ana/acme/src/x.rs", Some("acme")), "src/x.rs");
        assert_eq!(
            relative("cargo test --manifest-path /w/acme/Cargo.toml", Some("org/acme")),
            "cargo test --manifest-path Cargo.toml"
        );
        assert_eq!(relative("/etc/hosts", Some("acme")), "/etc/hosts");
        assert_eq!(
            relative("src/acme/x.rs", Some("acme")),
            "src/acme/x.rs",
            "already relative"
        );
        assert_eq!(relative("/a/acme/x", None), "/a/acme/x");
    }

    #[test]
    fn fit_counts_display_columns() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("日本語です", 5), "日本…");
        assert_eq!(width(&fit("日本語です", 6)), 5, "a wide char never straddles the edge");
        assert_eq!(fit("abc", 0), "");
    }
}
