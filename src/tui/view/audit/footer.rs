//! The audit screen's last two lines: the status (saved, not saved, the note being typed)
//! and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::super::action::Mode;
use super::super::super::app::App;
use super::super::super::audit::Status;
use super::super::super::sanitize::clean;
use super::super::super::theme::Theme;
use super::super::{fit, safe_owned};

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, t: Theme) {
    let a = &app.audit;
    let w = usize::from(area.width);
    let status = match (&a.status, app.mode) {
        (_, Mode::AuditNote) => Line::from(vec![
            Span::styled(" note: ", t.title()),
            safe_owned(&a.note, t.bold()),
            Span::raw("▏"),
            Span::styled("  Enter keep · Esc drop", t.dim()),
        ]),
        (Some(Status::Saved(s)), _) => Line::from(vec![
            Span::styled(" ✓ ", t.good()),
            safe_owned(&fit(&clean(s), w.saturating_sub(4)), t.good()),
        ]),
        (Some(Status::Error(s)), _) => Line::from(vec![
            Span::styled(" ✗ ", t.bad()),
            safe_owned(&fit(&clean(s), w.saturating_sub(4)), t.bad()),
        ]),
        (Some(Status::Info(s)), _) => Line::from(safe_owned(&fit(&clean(&format!(" {s}")), w), t.plain())),
        (None, _) if !a.note.is_empty() => Line::from(vec![
            Span::styled(" note (goes with the next verdict): ", t.dim()),
            safe_owned(&fit(&clean(&a.note), w.saturating_sub(38)), t.plain()),
        ]),
        (None, _) => Line::raw(""),
    };
    let keys = if a.blind {
        [
            " h/g p/e · ⏎ commit · x reject · + add missed · c complete · E rate · N note · u undo · s/→ skip · b/← back · A agreement · ? help",
            " h/g p/e ⏎ commit x reject + add c complete E rate u undo s skip b back ? help",
        ]
    } else {
        [
            " y/⏎ confirm · h/g p/e relabel · x reject · + add missed · c complete · E rate · N note · u undo · s/→ skip · b/← back · A stats · ? help",
            " y confirm h/g p/e relabel x reject + add c complete E rate u undo s skip ? help",
        ]
    };
    let keys = if keys[0].chars().count() <= w { keys[0] } else { keys[1] };
    let foot = Rect {
        y: area.y + area.height.saturating_sub(2),
        height: 2.min(area.height),
        ..area
    };
    frame.render_widget(Paragraph::new(vec![status, Line::styled(fit(keys, w), t.dim())]), foot);
}
