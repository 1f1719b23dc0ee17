//! The session list: title (query matches highlighted), expertise, turns, actions per prompt,
//! human planning share.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::model::Kind;

use super::super::action::{Panel, SortKey};
use super::super::app::App;
use super::super::sanitize::marked_pieces;
use super::{fit, pct, theme, width};

/// Widths of the fixed columns: expertise, turns, actions/prompt, human planning.
const COLS: [usize; 4] = [3, 5, 7, 6];

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let title = format!(
        " sessions {} · sort {}{} ",
        app.visible.len(),
        app.sort.name(),
        if app.descending { "↓" } else { "↑" }
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border(app.focus == Panel::List))
        .title(Span::styled(title, t.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let title_w = w.saturating_sub(COLS.iter().sum::<usize>());
    let head = |k: SortKey, s: &str, w: usize| {
        let style = if app.sort == k { t.highlight() } else { t.bold() };
        Span::styled(format!("{s:>w$}"), style)
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!("{:<title_w$}", "title"),
            if app.sort == SortKey::Title {
                t.highlight()
            } else {
                t.bold()
            },
        ),
        head(SortKey::Expertise, "ex", COLS[0]),
        head(SortKey::Turns, "turn", COLS[1]),
        head(SortKey::ActionsPerPrompt, "act/p", COLS[2]),
        head(SortKey::PlanningShare, "plan", COLS[3]),
    ])];
    if app.visible.is_empty() {
        let msg = if app.row_count() == 0 && !app.loading.done {
            "loading…"
        } else if !app.search.text.is_empty() {
            "no match (Esc clears the query)"
        } else {
            "none passes the filters (x clears)"
        };
        lines.push(Line::styled(msg, t.dim()));
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    let corpus = &app.corpus;
    for (pos, &i) in app.visible.iter().enumerate().skip(app.list_offset).take(rows) {
        let r = &corpus.rows[i as usize];
        let sel = pos == app.cursor;
        let base = if sel { t.selected() } else { t.plain() };
        let marks = app
            .search
            .query
            .as_ref()
            .map(|q| q.indices(&r.title))
            .unwrap_or_default();
        let mut spans: Vec<Span> = Vec::new();
        let mut used = 0;
        let room = title_w.saturating_sub(1);
        // Escaped first, then cut to the column: an escape is wider than its char.
        for (piece, hit) in marked_pieces(&r.title, &marks) {
            let piece = fit(&piece, room - used);
            used += width(&piece);
            let cut = piece.ends_with('…');
            spans.push(Span::styled(piece, if hit { base.patch(t.highlight()) } else { base }));
            if cut || used >= room {
                break;
            }
        }
        spans.push(Span::styled(" ".repeat(title_w.saturating_sub(used)), base));
        let ex = r.expertise.map_or("?".into(), |e| e.to_string());
        let app_s = r.app().map_or("–".into(), |v| {
            if v >= 100.0 {
                format!("{v:.0}")
            } else {
                format!("{v:.1}")
            }
        });
        let plan = pct(app.share(i, Kind::Planning));
        spans.push(Span::styled(
            format!(
                "{ex:>0$}{1:>2$}{app_s:>3$}{plan:>4$}",
                COLS[0], r.turns, COLS[1], COLS[2], COLS[3]
            ),
            base,
        ));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
