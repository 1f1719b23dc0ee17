//! The setup overlay: the queue's order, N, seed and blind, or why auditing cannot start.

use std::sync::atomic::Ordering;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::super::app::App;
use super::super::super::audit::{Blocked, Field, ORDERS};
use super::super::{safe_owned, theme};

/// auditing cannot start.
pub fn render_setup(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let a = &app.audit;
    let n = app.members.len();
    let mut lines = vec![Line::from(vec![
        Span::styled("audit the decisions of ", t.plain()),
        Span::styled(format!("{n} session{}", if n == 1 { "" } else { "s" }), t.bold()),
        Span::styled(" (those the filters pass)", t.dim()),
    ])];
    if !app.loading.done {
        lines.push(Line::styled(
            "the corpus is still loading: the queue takes the sessions loaded so far",
            t.bad(),
        ));
    }
    let path = a.path.as_ref().map(|p| p.display().to_string());
    match &a.blocked {
        Some(Blocked::NoFile(why)) => {
            lines.push(Line::raw(""));
            lines.push(Line::from(safe_owned(&format!("cannot audit: {why}"), t.bad())));
            lines.push(Line::raw(""));
            lines.push(Line::raw(
                "Verdicts go in a separate audit file. Start leash again with",
            ));
            lines.push(Line::styled("  leash --audit FILE [PATH...]", t.bold()));
            lines.push(Line::raw("to say where; nothing is ever written to the corpus."));
            lines.push(Line::raw(""));
            lines.push(Line::styled("Esc back", t.dim()));
        }
        Some(Blocked::Locked(p)) => {
            lines.push(Line::raw(""));
            lines.push(Line::from(safe_owned(&p.display().to_string(), t.bad())));
            lines.push(Line::styled(
                "is open for auditing in another leash (locked): close that one to audit here.",
                t.bad(),
            ));
            lines.push(Line::raw(""));
            lines.push(Line::styled("r  read it read-only: view agreement only", t.bold()));
            lines.push(Line::styled("Esc back", t.dim()));
        }
        Some(Blocked::Failed(why)) => {
            lines.push(Line::raw(""));
            lines.push(Line::from(safe_owned(
                &format!("cannot open the audit file: {why}"),
                t.bad(),
            )));
            lines.push(Line::raw(""));
            lines.push(Line::styled("Esc back", t.dim()));
        }
        None => {
            let file = path.unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled("file ", t.dim()),
                safe_owned(&file, t.plain()),
            ]));
            lines.push(Line::from(vec![
                Span::styled("auditor ", t.dim()),
                safe_owned(&a.auditor_name(), t.plain()),
            ]));
            lines.push(Line::raw(""));
            let s = &a.setup;
            for f in Field::ALL {
                let on = s.field == f;
                let (name, value, hint) = match f {
                    Field::Order => ("order", format!("◂ {} ▸", ORDERS[s.order]), ""),
                    Field::N => ("N", s.n.to_string(), if s.sized() { "" } else { "(not used)" }),
                    Field::Seed => ("seed", s.seed.to_string(), if s.sized() { "" } else { "(not used)" }),
                    Field::Blind => (
                        "blind",
                        (if s.blind { "on" } else { "off" }).to_string(),
                        "hide the classifier's label until you commit",
                    ),
                };
                let style = if on { t.selected() } else { t.plain() };
                lines.push(Line::from(vec![
                    Span::styled(if on { " ▸ " } else { "   " }, t.bold()),
                    Span::styled(format!("{name:<7}"), t.dim()),
                    Span::styled(value, style),
                    Span::raw(" "),
                    Span::styled(hint, t.dim()),
                ]));
            }
            lines.push(Line::raw(""));
            if a.building {
                let [done, all] = &*a.built;
                let (done, all) = (done.load(Ordering::Relaxed), all.load(Ordering::Relaxed));
                let pct = (done * 100).checked_div(all).unwrap_or(0);
                lines.push(Line::styled(
                    format!("building the queue: re-read {done} of {all} sessions ({pct}%)…"),
                    t.bold(),
                ));
            } else {
                lines.push(Line::styled(
                    "Enter start (resumes where you left off) · Esc back",
                    t.bold(),
                ));
            }
            lines.push(Line::styled(
                "↑↓ field · ←→ Space change · digits type N, seed",
                t.dim(),
            ));
        }
    }
    // Height for the lines as wrapped inside the box.
    let inner = usize::from(area.width.min(76).saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let r = super::super::centred(area, 76, rows as u16 + 2);
    super::super::popup(frame, r, "audit", Paragraph::new(lines).wrap(Wrap { trim: false }), t);
}
