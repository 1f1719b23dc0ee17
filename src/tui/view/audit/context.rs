//! Around the decision: the queue (wide terminals) and the turn's prompt and actions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::audit::VerdictKind;
use crate::model::{Decision, Session};

use super::super::super::app::App;
use super::super::super::sanitize::{clean, marked_pieces};
use super::super::super::theme::Theme;
use super::super::{fit, safe};

/// The queue around the decision in front, each with its verdict in force (wide terminals).
pub(super) fn render_queue(frame: &mut Frame, r: Rect, app: &App, t: Theme) {
    let a = &app.audit;
    let rows = usize::from(r.height.saturating_sub(2));
    let start = a.pos.saturating_sub(rows / 2).min(a.queue.len().saturating_sub(rows));
    let log = a.log();
    let w = usize::from(r.width.saturating_sub(2));
    let lines: Vec<Line> = a
        .queue
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .map(|(i, it)| {
            let row = &app.corpus.rows[it.session];
            let sid = &row.id;
            let v = log.and_then(|l| it.verdict(&app.corpus, l));
            let (mark, style) = match v.map(|v| v.verdict) {
                Some(VerdictKind::Confirm) => ("✓ confirm", t.good()),
                Some(VerdictKind::Relabel) => ("✎ relabel", t.study()),
                Some(VerdictKind::Reject) => ("✗ reject ", t.bad()),
                _ => ("·        ", t.dim()),
            };
            let here = i == a.pos;
            let text = fit(
                &clean(&match it.is_turn() {
                    true => format!("{sid} turn {} (the turn) {}", it.turn + 1, row.title),
                    false => format!("{sid}/{} {}", it.decision, row.title),
                }),
                w.saturating_sub(16),
            );
            let style_here = if here { t.selected() } else { t.plain() };
            Line::from(vec![
                Span::styled(format!("{:>5} ", i + 1), if here { t.selected() } else { t.dim() }),
                Span::styled(mark, style),
                Span::raw(" "),
                Span::styled(text, style_here),
            ])
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.dim())
        .title(Span::styled(" queue ", t.dim()));
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

/// The turn's prompt (the evidence highlighted where it occurs) and its actions.
pub(super) fn context_lines<'a>(s: &'a Session, ti: usize, d: &Decision, t: Theme) -> Vec<Line<'a>> {
    let turn = &s.turns[ti];
    let mut out = vec![Line::styled(format!("▌prompt of turn {}", ti + 1), t.title())];
    // Char range of the evidence in the prompt, if it is quoted from it.
    let range = d.evidence.as_deref().filter(|e| !e.trim().is_empty()).and_then(|e| {
        turn.prompt.find(e).map(|b| {
            let start = turn.prompt[..b].chars().count();
            (start, start + e.chars().count())
        })
    });
    let mut off = 0;
    for line in turn.prompt.split('\n') {
        let n = line.chars().count();
        let marked: Vec<usize> = match range {
            Some((a, b)) => (a.max(off)..b.min(off + n)).map(|i| i - off).collect(),
            None => Vec::new(),
        };
        let spans: Vec<Span> = marked_pieces(line, &marked)
            .into_iter()
            .map(|(text, hit)| Span::styled(text, if hit { t.highlight() } else { t.plain() }))
            .collect();
        out.push(Line::from(spans));
        off += n + 1;
    }
    if d.evidence.as_deref().is_some_and(|e| !e.trim().is_empty()) && range.is_none() {
        out.push(Line::styled("(the evidence is not quoted from this prompt)", t.dim()));
    }
    let failed = turn.actions.iter().filter(|a| a.ok == Some(false)).count();
    out.push(Line::styled(
        format!(
            "▌the agent's actions in this turn: {} ({failed} failed)",
            turn.actions.len()
        ),
        t.title(),
    ));
    for (k, a) in turn.actions.iter().enumerate() {
        out.push(super::super::action_line(k, a, t, None));
    }
    let others: Vec<&Decision> = turn.decisions.iter().filter(|x| x.id != d.id).collect();
    if !others.is_empty() {
        out.push(Line::styled(
            format!("▌other decisions in this turn: {}", others.len()),
            t.title(),
        ));
        for o in others {
            out.push(Line::from(vec![
                Span::styled(format!("{} ", clean(&o.id)), t.dim()),
                match o.evidence.as_deref().filter(|e| !e.trim().is_empty()) {
                    Some(e) => safe(e, t.plain()),
                    None => Span::styled("(no evidence quoted)", t.dim()),
                },
            ]));
        }
    }
    out
}
