//! The audit screens: the setup overlay, one decision in context, and the agreement panel.

use std::sync::atomic::Ordering;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::audit::queue::Order;
use crate::audit::table::{num, pct};
use crate::audit::{Axis, Breakdown, VerdictKind};
use crate::model::{Actor, Decision, Kind, Session, expertise_name};

use super::super::action::Mode;
use super::super::app::App;
use super::super::audit::{Blocked, Field, ORDERS, Status};
use super::super::sanitize::{clean, marked_pieces};
use super::super::theme::Theme;
use super::{fit, safe, safe_owned, theme};

fn kind_text(k: Kind) -> &'static str {
    match k {
        Kind::Planning => "PLAN",
        Kind::Execution => "EXEC",
    }
}

fn actor_text(a: Actor) -> &'static str {
    match a {
        Actor::Human => "HUMAN",
        Actor::Agent => "AGENT",
    }
}

fn order_text(o: Order) -> String {
    match o {
        Order::InOrder => "in order".into(),
        Order::Sample { n, seed } => format!("sample of {n}, seed {seed}"),
        Order::Stratified { n, seed } => format!("stratified {n}, seed {seed}"),
        Order::LowestConfidence => "lowest confidence first".into(),
    }
}

/// The setup overlay, over the browser: the queue's order, N, seed and blind, or why
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
    let r = super::centred(area, 76, rows as u16 + 2);
    super::popup(frame, r, "audit", Paragraph::new(lines).wrap(Wrap { trim: false }), t);
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
        format!("decision {} of {n}", a.pos + 1)
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
            " h/g actor · p/e kind · ⏎ commit · x reject · N note · u undo · s/→ skip · b/← back · A agreement · Esc browse · ? help",
            " h/g actor p/e kind ⏎ commit x reject N note u undo s skip b back A stats ? help",
        ]
    } else {
        [
            " y/⏎ confirm · h/g actor, p/e kind, ⏎ relabel · x reject · N note · u undo · s/→ skip · b/← back · A agreement · Esc browse · ? help",
            " y confirm h/g p/e relabel x reject N note u undo s skip b back A stats ? help",
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
    let Some((s, ti, d)) = a.decision() else {
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
    let card = card_lines(app, s, ti, d, t);
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
    let title = format!(" decision {} · turn {}/{} ", d.id, ti + 1, s.turns.len());
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

/// The queue around the decision in front, each with its verdict in force (wide terminals).
fn render_queue(frame: &mut Frame, r: Rect, app: &App, t: Theme) {
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
            let v = log.and_then(|l| l.current(sid, &it.decision));
            let (mark, style) = match v.map(|v| v.verdict) {
                Some(VerdictKind::Confirm) => ("✓ confirm", t.good()),
                Some(VerdictKind::Relabel) => ("✎ relabel", t.study()),
                Some(VerdictKind::Reject) => ("✗ reject ", t.bad()),
                _ => ("·        ", t.dim()),
            };
            let here = i == a.pos;
            let text = fit(
                &clean(&format!("{sid}/{} {}", it.decision, row.title)),
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

/// The decision: session, label (hidden when blind and not yet judged), evidence, verdict.
fn card_lines<'a>(app: &'a App, s: &'a Session, ti: usize, d: &'a Decision, t: Theme) -> Vec<Line<'a>> {
    let a = &app.audit;
    let sid = &s.id;
    let current = a.log().and_then(|l| l.current(sid, &d.id));
    let mut out = vec![Line::from(vec![
        safe(s.display_title(), t.bold()),
        Span::styled(
            format!(" · {} · {}", clean(&s.id), expertise_name(s.expertise.0)),
            t.dim(),
        ),
    ])];
    let hidden = a.blind && current.is_none();
    if hidden {
        out.push(Line::styled(
            "classifier's label hidden (blind) until you commit",
            t.dim(),
        ));
    } else {
        let mut spans = vec![
            Span::styled("classifier ", t.dim()),
            Span::styled(kind_text(d.kind), t.kind(d.kind)),
            Span::raw(" "),
            Span::styled(actor_text(d.actor), t.actor(d.actor)),
            Span::raw(" "),
            safe(d.category.as_deref().unwrap_or("-"), t.bold()),
            Span::raw(d.confidence.map_or(" conf –".into(), |c| format!(" conf {c:.2}"))),
        ];
        if d.is_ratified() {
            spans.push(Span::styled(" RATIFIED", t.study()));
        }
        if let Some(r) = &d.rule {
            spans.push(Span::styled(" rule ", t.dim()));
            spans.push(safe(r, t.plain()));
        }
        out.push(Line::from(spans));
        if let Some(sum) = &d.summary {
            out.push(Line::from(vec![
                Span::styled("summary ", t.dim()),
                safe(sum, t.plain()),
            ]));
        }
    }
    if let Some(ev) = d.evidence.as_deref().filter(|e| !e.trim().is_empty()) {
        out.push(Line::from(vec![
            Span::styled("evidence “", t.dim()),
            safe(ev, t.highlight()),
            Span::styled("”", t.dim()),
        ]));
    }
    let _ = ti;
    match current {
        Some(v) => {
            let mut spans = vec![
                Span::styled("verdict ", t.dim()),
                Span::styled(v.verdict.name().to_uppercase(), t.bold()),
            ];
            if let (Some(va), Some(vk)) = (v.actor, v.kind) {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(kind_text(vk), t.kind(vk)));
                spans.push(Span::raw(" "));
                spans.push(Span::styled(actor_text(va), t.actor(va)));
                if a.blind {
                    let agree = if (va, vk) == (d.actor, d.kind) {
                        " (agrees)"
                    } else {
                        " (disagrees)"
                    };
                    spans.push(Span::styled(agree, t.bold()));
                }
            }
            spans.push(Span::styled(" by ", t.dim()));
            spans.push(safe(&v.auditor, t.plain()));
            spans.push(Span::styled(format!(" {}", clean(&v.at)), t.dim()));
            out.push(Line::from(spans));
            if let Some(n) = &v.note {
                out.push(Line::from(vec![Span::styled("note ", t.dim()), safe(n, t.plain())]));
            }
        }
        None => out.push(Line::styled("not audited yet", t.dim())),
    }
    let st = a.staged;
    if a.blind || st.actor.is_some() || st.kind.is_some() {
        let (ca, ck) = if a.blind {
            (None, None)
        } else {
            (Some(d.actor), Some(d.kind))
        };
        let actor = st.actor.or(ca);
        let kind = st.kind.or(ck);
        let mut spans = vec![Span::styled("your label ", t.title())];
        match kind {
            Some(k) => spans.push(Span::styled(kind_text(k), t.kind(k))),
            None => spans.push(Span::styled("p/e?", t.dim())),
        }
        spans.push(Span::raw(" "));
        match actor {
            Some(x) => spans.push(Span::styled(actor_text(x), t.actor(x))),
            None => spans.push(Span::styled("h/g?", t.dim())),
        }
        let will = match (actor, kind) {
            (Some(x), Some(k)) if a.blind => {
                let _ = (x, k);
                "  Enter commits"
            }
            (Some(x), Some(k)) if (x, k) == (d.actor, d.kind) => "  Enter saves: confirm",
            (Some(_), Some(_)) => "  Enter saves: relabel",
            _ => "",
        };
        spans.push(Span::styled(will, t.dim()));
        out.push(Line::from(spans));
    }
    if current.is_some_and(|v| v.verdict == VerdictKind::Reject) {
        out.push(Line::styled("(rejected: not a decision)", t.dim()));
    }
    out
}

/// The turn's prompt (the evidence highlighted where it occurs) and its actions.
fn context_lines<'a>(s: &'a Session, ti: usize, d: &Decision, t: Theme) -> Vec<Line<'a>> {
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
        out.push(super::action_line(k, a, t, None));
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

/// One axis as lines of `w` columns: its accuracy and kappa, then the confusion.
fn axis_lines(title: &str, a: &Axis) -> Vec<String> {
    let [n0, n1] = a.confusion.names;
    let mut out = vec![
        format!("{title}: accuracy {}  κ {}", pct(a.accuracy), num(a.kappa)),
        format!("  {:<20}{n0:>9}{n1:>10}", "classifier\\auditor"),
    ];
    for (name, row) in a.confusion.names.iter().zip(&a.confusion.counts) {
        out.push(format!("  {name:<20}{:>9}{:>10}", row[0], row[1]));
    }
    out
}

fn breakdown_lines<'a>(title: &str, rows: &[Breakdown], t: Theme) -> Vec<Line<'a>> {
    let mut out = vec![Line::styled(
        format!(
            "{title:<15}{:>8}{:>6}{:>11}{:>8}{:>11}{:>8}",
            "audited", "rej", "actor acc", "κ", "kind acc", "κ"
        ),
        t.title(),
    )];
    for b in rows {
        let s = &b.stats;
        out.push(Line::raw(format!(
            "  {:<13}{:>8}{:>6}{:>11}{:>8}{:>11}{:>8}",
            b.group,
            s.audited,
            s.rejected,
            pct(s.actor.accuracy),
            num(s.actor.kappa),
            pct(s.kind.accuracy),
            num(s.kind.kappa)
        )));
    }
    out
}

/// The agreement panel over the whole screen.
pub fn render_agreement(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let a = &app.audit;
    let mut lines: Vec<Line> = Vec::new();
    let file = a.log().map(|l| l.path().display().to_string()).unwrap_or_default();
    match &a.figures {
        None => lines.push(Line::styled("no audit file is open", t.bad())),
        Some(f) => {
            let g = &f.overall;
            if f.read_only {
                lines.push(Line::styled(
                    "READ-ONLY: another leash holds this file; nothing can be written here",
                    t.bad(),
                ));
            }
            lines.push(Line::from(vec![
                Span::styled(format!("{} audited", g.audited), t.bold()),
                Span::raw(format!(
                    ": {} confirmed, {} relabelled, {} rejected · {} orphan{}",
                    g.confirmed,
                    g.relabelled,
                    g.rejected,
                    g.orphans,
                    if g.orphans == 1 { "" } else { "s" }
                )),
            ]));
            if f.errors > 0 {
                lines.push(Line::styled(
                    format!(
                        "{} sessions could not be re-read; their verdicts are left out",
                        f.errors
                    ),
                    t.bad(),
                ));
            }
            lines.push(Line::raw(""));
            let (x, k) = (axis_lines("actor", &g.actor), axis_lines("kind", &g.kind));
            if area.width >= 86 {
                for (l, r) in x.iter().zip(&k) {
                    lines.push(Line::raw(format!("{l:<42}{r}")));
                }
            } else {
                lines.extend(x.into_iter().chain(k).map(Line::raw));
            }
            if !f.by_expertise.is_empty() {
                lines.push(Line::raw(""));
                lines.extend(breakdown_lines("by expertise", &f.by_expertise, t));
            }
            if !f.by_confidence.is_empty() {
                lines.push(Line::raw(""));
                lines.extend(breakdown_lines("by confidence", &f.by_confidence, t));
            }
            lines.push(Line::raw(""));
            if f.auditors.is_empty() {
                lines.push(Line::styled(
                    "between auditors: no decision judged by two auditors yet",
                    t.dim(),
                ));
            } else {
                lines.push(Line::styled(
                    format!(
                        "{:<24}{:>7}{:>11}{:>8}{:>11}{:>8}",
                        "between auditors", "shared", "actor agr", "κ", "kind agr", "κ"
                    ),
                    t.title(),
                ));
                for p in &f.auditors {
                    let names = fit(&clean(&format!("{} / {}", p.a, p.b)), 22);
                    lines.push(Line::raw(format!(
                        "  {names:<22}{:>7}{:>11}{:>8}{:>11}{:>8}",
                        p.shared,
                        pct(p.actor_agreement),
                        num(p.actor_kappa),
                        pct(p.kind_agreement),
                        num(p.kind_kappa)
                    )));
                }
            }
        }
    }
    let _: Style = t.plain();
    frame.render_widget(Clear, area);
    let title = format!(" agreement · {} ", clean(&file));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(Span::styled(fit(&title, usize::from(area.width) - 2), t.title()))
        .title_bottom(Span::styled(" ↑↓ scroll · any key closes ", t.dim()));
    frame.render_widget(Paragraph::new(lines).scroll((a.scroll, 0)).block(block), area);
}
