//! The session list: title (query matches highlighted), then as many of the other columns as
//! the width allows: start date, project, model, expertise, turns, actions per prompt, human
//! planning and execution shares.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::model::Kind;

use super::super::action::{Panel, SortKey};
use super::super::app::App;
use super::super::meta::{NO_MODEL, day};
use super::super::sanitize::{clean, marked_pieces};
use super::{fit, pct, theme, width};

/// A column after the title: its header, width (with its leading space), the sort key it
/// shows, and whether it is left-aligned text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Col {
    Date,
    Project,
    Model,
    Expertise,
    Turns,
    ActionsPerPrompt,
    Planning,
    Execution,
}

impl Col {
    /// Display order.
    const ALL: [Col; 8] = [
        Col::Date,
        Col::Project,
        Col::Model,
        Col::Expertise,
        Col::Turns,
        Col::ActionsPerPrompt,
        Col::Planning,
        Col::Execution,
    ];
    /// Which go first when the list is narrow (the last listed goes first).
    const KEEP: [Col; 8] = [
        Col::Planning,
        Col::Execution,
        Col::Date,
        Col::ActionsPerPrompt,
        Col::Project,
        Col::Turns,
        Col::Expertise,
        Col::Model,
    ];
    fn head(self) -> &'static str {
        match self {
            Col::Date => "started",
            Col::Project => "project",
            Col::Model => "model",
            Col::Expertise => "ex",
            Col::Turns => "turn",
            Col::ActionsPerPrompt => "act/p",
            Col::Planning => "plan",
            Col::Execution => "exec",
        }
    }
    fn width(self) -> usize {
        match self {
            Col::Date => 11,
            Col::Project => 15,
            Col::Model => 12,
            Col::Expertise => 3,
            Col::Turns => 5,
            Col::ActionsPerPrompt => 7,
            Col::Planning | Col::Execution => 6,
        }
    }
    fn sort(self) -> Option<SortKey> {
        match self {
            Col::Date => Some(SortKey::Date),
            Col::Expertise => Some(SortKey::Expertise),
            Col::Turns => Some(SortKey::Turns),
            Col::ActionsPerPrompt => Some(SortKey::ActionsPerPrompt),
            Col::Planning => Some(SortKey::PlanningShare),
            Col::Execution => Some(SortKey::ExecutionShare),
            Col::Project | Col::Model => None,
        }
    }
    fn text(self) -> bool {
        matches!(self, Col::Project | Col::Model)
    }
    fn cell(self, app: &App, i: u32) -> String {
        let r = &app.corpus.rows[i as usize];
        let m = &app.meta;
        match self {
            Col::Date => day(m.started[i as usize]),
            Col::Project => clean(&m.projects.names[m.project[i as usize] as usize]).into_owned(),
            Col::Model => match m.model[i as usize] {
                NO_MODEL => "–".into(),
                id => {
                    let n = &m.models.names[id as usize];
                    clean(n.strip_prefix("claude-").unwrap_or(n)).into_owned()
                }
            },
            Col::Expertise => r.expertise.map_or("?".into(), |e| e.to_string()),
            Col::Turns => r.turns.to_string(),
            Col::ActionsPerPrompt => r.app().map_or("–".into(), |v| {
                if v >= 100.0 {
                    format!("{v:.0}")
                } else {
                    format!("{v:.1}")
                }
            }),
            Col::Planning => pct(app.share(i, Kind::Planning)),
            Col::Execution => pct(app.share(i, Kind::Execution)),
        }
    }
}

/// The least room the title keeps before columns are dropped.
const TITLE_MIN: usize = 24;

/// The columns shown in a list `w` columns wide, in display order.
pub fn columns(w: usize) -> Vec<Col> {
    let mut keep: Vec<Col> = Col::KEEP.to_vec();
    while keep.len() > 2 && w.saturating_sub(keep.iter().map(|c| c.width()).sum()) < TITLE_MIN {
        keep.pop();
    }
    Col::ALL.into_iter().filter(|c| keep.contains(c)).collect()
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let focused = app.focus == Panel::List;
    let title = format!(
        " {}sessions {} · sort {}{} ",
        if focused { "▶ " } else { "" },
        app.visible.len(),
        app.sort.name(),
        if app.descending { "↓" } else { "↑" }
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border(focused))
        .title(Span::styled(title, t.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let cols = columns(w);
    let title_w = w.saturating_sub(cols.iter().map(|c| c.width()).sum());
    let style_of = |k: Option<SortKey>| {
        if k.is_some_and(|k| k == app.sort) {
            t.highlight()
        } else {
            t.bold()
        }
    };
    let mut head = vec![Span::styled(
        format!("{:<title_w$}", "title"),
        style_of(Some(SortKey::Title)),
    )];
    for c in &cols {
        head.push(Span::styled(pad(c.head(), c.width(), c.text()), style_of(c.sort())));
    }
    let mut lines = vec![Line::from(head)];
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
    for (pos, &i) in app.visible.iter().enumerate().skip(app.list_offset).take(rows) {
        let r = &app.corpus.rows[i as usize];
        let base = if pos == app.cursor { t.selected() } else { t.plain() };
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
        let cells: String = cols.iter().map(|c| pad(&c.cell(app, i), c.width(), c.text())).collect();
        spans.push(Span::styled(cells, base));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A cell of `w` columns: one space, then the value cut to fit, text left and numbers right.
fn pad(s: &str, w: usize, left: bool) -> String {
    let s = fit(s, w - 1);
    let gap = " ".repeat((w - 1).saturating_sub(width(&s)));
    if left {
        format!(" {s}{gap}")
    } else {
        format!(" {gap}{s}")
    }
}
