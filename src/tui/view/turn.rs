//! The turn view: the selected session's turns at a glance, then one turn in full — its
//! prompt, every decision (first: they are what the browser is for), words written and the
//! action chain.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::corpus::SourceKind;
use crate::model::{Session, expertise_name};

use super::super::action::Panel;
use super::super::app::{App, STRIP_LABEL, strip_window};
use super::super::sanitize::clean;
use super::super::theme::Theme;
use super::{fit, safe, theme};

mod body;

use body::body_lines;
pub use body::{Folds, body_rows, plain_lines, rows_before};

const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border(app.focus == Panel::Turn));
    let Some(o) = &app.opened else {
        let p = Paragraph::new(Line::styled("no session selected", t.dim()));
        frame.render_widget(p.block(block.title(" turn ")), area);
        return;
    };
    let s = match &o.session {
        Ok(s) => s,
        Err(e) => {
            let p = Paragraph::new(Line::from(safe(e, t.bad()))).wrap(Wrap { trim: false });
            frame.render_widget(p.block(block.title(" cannot open ")), area);
            return;
        }
    };
    let n = s.turns.len();
    // Say when the turn goes on below (or above) what is shown.
    let (iw, ih) = (area.width.saturating_sub(2), area.height.saturating_sub(2));
    let shown = usize::from(ih.saturating_sub(header_rows(app, iw, ih)));
    let total = body_rows(app, iw);
    let more = match (o.scroll > 0, usize::from(o.scroll) + shown < total) {
        (true, true) => "· ↕ more ",
        (false, true) => "· ↓ more ",
        (true, false) => "· ↑ ",
        _ => "",
    };
    let focused = if app.focus == Panel::Turn { "▶ " } else { "" };
    let title = format!(" {focused}turn {}/{n} {more}", if n == 0 { 0 } else { o.turn + 1 });
    let block = block.title(Span::styled(title, t.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 {
        return;
    }
    let w = usize::from(inner.width);
    let head_h = header_rows(app, inner.width, inner.height);
    let head = Paragraph::new(header(s, app, t, inner.width)).wrap(Wrap { trim: false });
    frame.render_widget(
        head,
        Rect {
            height: head_h - 1,
            ..inner
        },
    );
    let strip_r = Rect {
        y: inner.y + head_h - 1,
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(strip(s, o.turn, t, w)), strip_r);
    let head_h = head_h.min(inner.height);
    let body = Rect {
        y: inner.y + head_h,
        height: inner.height - head_h,
        ..inner
    };
    let mut lines = body_lines(app, s, o.turn, t);
    // The lines holding the text found (`/` in the turn view) stand out.
    if let Some(f) = app.find.as_ref().filter(|f| !f.hits.is_empty()) {
        let needle = f.text.to_lowercase();
        for l in &mut lines {
            if l.to_string().to_lowercase().contains(&needle) {
                *l = std::mem::take(l).patch_style(t.found());
            }
        }
    }
    let p = Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((o.scroll, 0));
    frame.render_widget(p, body);
}

/// The header above the strip: title, facts, where the session is read from, and a note when
/// its file had lines skipped. Wrapped, never cut.
fn header<'a>(s: &'a Session, app: &App, t: Theme, width: u16) -> Vec<Line<'a>> {
    let row = app.opened.as_ref().map(|o| (o.row, &app.corpus.rows[o.row as usize]));
    // Facets leash's importer estimated (not read from the transcript) say so.
    let est = |field: &str| if s.is_estimated(field) { " (est.)" } else { "" };
    // The estimate says why: "advanced (4) (est.) — medium confidence: names 4 files".
    let said = app.opened.as_ref().and_then(|o| o.expertise_said.as_deref());
    let mut parts = vec![format!(
        "{} ({}){}{}",
        expertise_name(s.expertise.0),
        s.expertise.0.map_or("?".into(), |e| e.to_string()),
        est("expertise"),
        said.map(|w| format!(" — {w}")).unwrap_or_default()
    )];
    parts.extend(s.mode.clone());
    parts.extend(s.project.clone());
    parts.push(format!(
        "{}{}",
        s.outcome.map_or("outcome unknown", |o| o.name()),
        est("outcome")
    ));
    if let Some((_, r)) = row {
        parts.push(format!("{} actions, {} failed", r.actions, r.failed_actions));
        if r.subagent_actions > 0 {
            parts.push(format!("+{} by sub-agents", r.subagent_actions));
        }
    }
    parts.extend(
        s.started_at
            .as_deref()
            .map(|t| format!("started {}", t.replacen('T', " ", 1))),
    );
    parts.extend(s.model.clone());
    if let Some(o) = row.and_then(|(_, r)| r.origin.as_deref()) {
        parts.push(format!("from {o}"));
    }
    // The title (two rows at most), where the session is and the skipped-lines note stay in
    // view when the header is cut to half the panel; the facts wrap below them.
    let mut lines = vec![Line::styled(
        fit(&clean(s.display_title()), usize::from(width) * 2 - 1),
        t.bold(),
    )];
    if let Some((_, r)) = row {
        let src = &app.corpus.sources[r.loc.source as usize];
        // Where to find it: the corpus file and line; for transcripts imported as they open,
        // the transcript itself (the line number would be an ordinal in memory).
        let file = app.opened.as_ref().and_then(|o| o.source_file.as_deref());
        let at = match (src.kind, file) {
            (SourceKind::Imported, Some(f)) => f.to_owned(),
            (_, Some(f)) => format!("{}:{} · from {f}", src.name, r.loc.line),
            (_, None) => format!("{}:{}", src.name, r.loc.line),
        };
        lines.push(Line::styled(
            clean(&format!("id {} · {at}", s.id)).into_owned(),
            t.dim(),
        ));
    }
    if app.loading.skipped > 0 {
        lines.push(Line::styled(
            match app.loading.skipped {
                1 => "note: 1 corpus line was skipped as unreadable".to_string(),
                n => format!("note: {n} corpus lines were skipped as unreadable"),
            },
            t.bad(),
        ));
    }
    lines.push(Line::styled(clean(&parts.join(" · ")).into_owned(), t.dim()));
    lines
}

/// Rows the turn view's header takes at `width`×`height` inside its border, the strip of
/// turns included (its last row): wrapped, but at most half the panel.
pub fn header_rows(app: &App, width: u16, height: u16) -> u16 {
    let Some(Ok(s)) = app.opened.as_ref().map(|o| o.session.as_ref()) else {
        return 1;
    };
    let rows = Paragraph::new(header(s, app, theme(app), width))
        .wrap(Wrap { trim: false })
        .line_count(width);
    (rows as u16 + 1).min((height / 2).max(3))
}

/// One cell per turn, its height the turn's actions (scaled to the session's busiest turn);
/// the current turn reversed. Long sessions show a window around the current turn.
fn strip(s: &Session, cur: usize, t: Theme, w: usize) -> Line<'static> {
    let label = STRIP_LABEL;
    let (start, room) = strip_window(cur, s.turns.len(), w);
    let max = s.turns.iter().map(|t| t.actions.len()).max().unwrap_or(0).max(1);
    let mut spans = vec![Span::styled(label, t.dim())];
    for (i, turn) in s.turns.iter().enumerate().skip(start).take(room) {
        let a = turn.actions.len();
        let c = if a == 0 {
            ' '
        } else {
            LEVELS[(a * 7).div_ceil(max).min(7)]
        };
        let c = if a == 0 && i == cur { '·' } else { c };
        let style = if i == cur { t.selected() } else { t.bar() };
        spans.push(Span::styled(c.to_string(), style));
    }
    Line::from(spans)
}
