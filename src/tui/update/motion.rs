//! Moving through the browser: the list's cursor and the turn view's scroll by a step or a
//! page, from turn to turn, and where a mouse click lands.

use crate::tui::action::Panel;
use crate::tui::app::{App, STRIP_LABEL, strip_window};
use crate::tui::layout::hit;

pub(super) fn page(app: &App) -> isize {
    app.areas.map_or(10, |a| a.list_rows().max(2) as isize - 1)
}

/// Moves the list's cursor, or scrolls the turn view, by `d`.
pub(super) fn step(app: &mut App, d: isize) {
    match app.focus {
        Panel::Turn => {
            let (w, h) = app.areas.map_or((40, 10), |a| {
                (
                    a.turn.width.saturating_sub(2),
                    usize::from(a.turn.height.saturating_sub(5)),
                )
            });
            let rows = crate::tui::view::turn::body_rows(app, w);
            if let Some(o) = &mut app.opened {
                let max = rows.saturating_sub(h / 2).min(usize::from(u16::MAX)) as isize;
                o.scroll = (o.scroll as isize).saturating_add(d).clamp(0, max) as u16;
            }
        }
        Panel::List | Panel::Hist => {
            let last = app.visible.len().saturating_sub(1) as isize;
            app.cursor = (app.cursor as isize).saturating_add(d).clamp(0, last) as usize;
            app.select_cursor();
        }
    }
}

pub(super) fn turn(app: &mut App, d: isize) {
    if let Some(o) = &mut app.opened {
        let n = o.session.as_ref().map_or(0, |s| s.turns.len());
        let t = (o.turn as isize + d).clamp(0, n.saturating_sub(1) as isize) as usize;
        if t != o.turn {
            o.turn = t;
            o.scroll = 0;
        }
    }
}

pub(super) fn click(app: &mut App, col: u16, row: u16) {
    let Some(a) = app.areas else { return };
    if hit(a.list, col, row) {
        app.focus = Panel::List;
        // Two rows of border and column header above the first session.
        let r = usize::from(row.saturating_sub(a.list.y + 2));
        if row >= a.list.y + 2 && app.list_offset + r < app.visible.len() {
            app.cursor = app.list_offset + r;
            app.select_cursor();
        }
    } else if hit(a.turn, col, row) {
        app.focus = Panel::Turn;
        // A click on the strip of turns opens that turn.
        let x0 = a.turn.x + 1 + STRIP_LABEL.len() as u16;
        let strip_row = a.turn.y + crate::tui::view::turn::header_rows(app, a.turn.width - 2, a.turn.height - 2);
        if let Some(o) = app.opened.as_mut().filter(|_| row == strip_row && col >= x0) {
            let n = o.session.as_ref().map_or(0, |s| s.turns.len());
            let (start, room) = strip_window(o.turn, n, usize::from(a.turn.width - 2));
            let k = usize::from(col - x0);
            if k < room && start + k < n {
                o.turn = start + k;
                o.scroll = 0;
            }
        }
    } else if hit(a.hist, col, row) {
        app.focus = Panel::Hist;
    }
}
