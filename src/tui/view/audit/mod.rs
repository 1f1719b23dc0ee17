//! The audit screens: one decision in context (this file), the setup overlay, the
//! decision's card, its context and the queue, and the agreement panel.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::audit::queue::Order;
use crate::model::{Actor, Decision, Kind};

use super::super::app::App;
use super::super::sanitize::clean;
use super::super::theme::Theme;
use super::{fit, safe_owned, theme};

mod add;
mod agreement;
mod card;
mod context;
mod footer;
mod setup;
mod turn_state;

pub use add::render_add;
pub use agreement::render_agreement;
use card::card_lines;
use context::{context_lines, render_queue};
pub use setup::render_setup;
use turn_state::turn_card;

pub(super) fn kind_text(k: Kind) -> &'static str {
    match k {
        Kind::Planning => "PLAN",
        Kind::Execution => "EXEC",
    }
}

pub(super) fn actor_text(a: Actor) -> &'static str {
    match a {
        Actor::Human => "HUMAN",
        Actor::Agent => "AGENT",
    }
}

pub(super) fn order_text(o: Order) -> String {
    match o {
        Order::InOrder => "in order".into(),
        Order::Sample { n, seed } => format!("sample of {n}, seed {seed}"),
        Order::Stratified { n, seed } => format!("stratified {n}, seed {seed}"),
        Order::LowestConfidence => "lowest confidence first".into(),
        Order::Turns { n, seed } => format!("{n} whole turns, seed {seed}"),
        Order::Disagreements => "disagreements to settle".into(),
    }
}

/// The audit screen: a header with progress, the decision, its context, status and keys.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let a = &app.audit;
    let w = usize::from(area.width);
    let file = a.log().map(|l| l.path().display().to_string()).unwrap_or_default();
    let mode = if a.blind { "BLIND" } else { "open" };
    let order = a.order.map(order_text).unwrap_or_default();
    let head = Line::from(vec![
        Span::styled(" AUDIT ", t.selected().add_modifier(ratatui::style::Modifier::BOLD)),
        Span::raw(" "),
        Span::styled(mode, t.bold()),
        Span::styled(
            fit(
                &clean(&format!(" · {order} · {} · {file}", a.auditor_name())),
                w.saturating_sub(8 + mode.len()),
            ),
            t.dim(),
        ),
    ]);
    let n = a.queue.len();
    let at = if a.pos < n {
        match a.order.is_some_and(|o| o.whole_turns()) {
            true => format!("item {} of {n}", a.pos + 1),
            false => format!("decision {} of {n}", a.pos + 1),
        }
    } else {
        "end of the queue".into()
    };
    let mut prog = vec![
        Span::styled(format!(" {} / {n} audited", a.audited), t.bold()),
        Span::raw(format!(", {} rejected", a.rejected)),
        Span::styled(format!("  ·  {at}"), t.dim()),
    ];
    if !a.queue_errors.is_empty() {
        prog.push(Span::styled(
            format!("  ·  {} sessions unreadable", a.queue_errors.len()),
            t.bad(),
        ));
    }
    frame.render_widget(Paragraph::new(vec![head, Line::from(prog)]), Rect { height: 2, ..area });

    let body = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(4),
        ..area
    };
    render_body(frame, body, app, t);

    footer::render(frame, area, app, t);
}

fn render_body(frame: &mut Frame, body: Rect, app: &App, t: Theme) {
    let a = &app.audit;
    let Some(it) = a.item() else {
        let msg = if a.queue.is_empty() {
            "The queue is empty: the filtered sessions have no decisions."
        } else {
            "End of the queue: every decision was shown. b goes back, A shows agreement, Esc browses."
        };
        let p = Paragraph::new(Line::styled(msg, t.bold())).wrap(Wrap { trim: false });
        frame.render_widget(
            p.block(Block::default().borders(Borders::ALL).border_style(t.dim())),
            body,
        );
        return;
    };
    // The turn itself (a queue of whole turns): to add what the classifier missed.
    let none = Decision {
        id: String::new(),
        kind: Kind::Planning,
        actor: Actor::Human,
        category: None,
        summary: None,
        evidence: None,
        confidence: None,
        ratified: None,
        rule: None,
    };
    let found = match a.turn() {
        Some((s, ti)) if it.is_turn() => Some((s, ti, &none)),
        _ => a.decision(),
    };
    let Some((s, ti, d)) = found else {
        let why = match a.open.as_ref().map(|o| &o.session) {
            Some(Err(e)) => e.clone(),
            _ => format!("decision {} is not in this session", it.decision),
        };
        let p = Paragraph::new(Line::from(safe_owned(&why, t.bad()))).wrap(Wrap { trim: false });
        frame.render_widget(
            p.block(Block::default().borders(Borders::ALL).title(" cannot show ")),
            body,
        );
        return;
    };
    let card = if it.is_turn() {
        turn_card(app, s, ti, t)
    } else {
        card_lines(app, s, ti, d, t)
    };
    let context = context_lines(s, ti, d, t);
    let wide = body.width >= 120;
    // The card sized to its wrapped lines, at most half the column it is in.
    let card_h = |r: Rect| {
        let inner_w = usize::from(r.width.saturating_sub(2)).max(1);
        let need: usize = card.iter().map(|l| l.width().div_ceil(inner_w).max(1)).sum::<usize>() + 2;
        (need as u16).min(r.height / 2 + 2).min(r.height)
    };
    let (card_r, ctx_r, queue_r) = if wide {
        // Card and the queue around it on the left, the context on the right.
        let cw = (body.width * 45 / 100).clamp(50, 80);
        let left = Rect { width: cw, ..body };
        let h = card_h(left);
        (
            Rect { height: h, ..left },
            Rect {
                x: body.x + cw,
                width: body.width - cw,
                ..body
            },
            Some(Rect {
                y: body.y + h,
                height: body.height - h,
                ..left
            }),
        )
    } else {
        let h = card_h(body);
        (
            Rect { height: h, ..body },
            Rect {
                y: body.y + h,
                height: body.height - h,
                ..body
            },
            None,
        )
    };
    if let Some(r) = queue_r.filter(|r| r.height >= 3) {
        render_queue(frame, r, app, t);
    }
    let title = match it.is_turn() {
        true => format!(" turn {}/{} itself ", ti + 1, s.turns.len()),
        false => format!(" decision {} · turn {}/{} ", d.id, ti + 1, s.turns.len()),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(Span::styled(fit(&clean(&title), usize::from(card_r.width)), t.title()));
    frame.render_widget(Paragraph::new(card).wrap(Wrap { trim: false }).block(block), card_r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.dim())
        .title(Span::styled(" context: prompt and actions (↑↓ scroll) ", t.dim()));
    let p = Paragraph::new(context).wrap(Wrap { trim: false });
    // End (or a long PgDn) stops at the last line rather than scrolling into blank rows.
    let max = p
        .line_count(ctx_r.width.saturating_sub(2))
        .saturating_sub(usize::from(ctx_r.height.saturating_sub(2)));
    let max = max.min(usize::from(u16::MAX)) as u16;
    a.scroll_max.set(max);
    frame.render_widget(p.scroll((a.scroll.min(max), 0)).block(block), ctx_r);
}
