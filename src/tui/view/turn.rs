//! The turn view: the selected session's turns at a glance, then one turn in full — its
//! prompt, every decision (first: they are what the browser is for), words written and the
//! action chain.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::model::{Actor, Kind, Session, SubagentRun, expertise_name};

use super::super::action::Panel;
use super::super::app::{App, STRIP_LABEL, strip_window};
use super::super::sanitize::{clean, clean_lines};
use super::super::theme::Theme;
use super::{fit, safe, theme};

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
    let mut parts = vec![format!(
        "{} ({}){}",
        expertise_name(s.expertise.0),
        s.expertise.0.map_or("?".into(), |e| e.to_string()),
        est("expertise")
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
    let mut lines = vec![
        // At most two rows of title: the facts and the id below must stay in view.
        Line::styled(fit(&clean(s.display_title()), usize::from(width) * 2 - 1), t.bold()),
        Line::styled(clean(&parts.join(" · ")).into_owned(), t.dim()),
    ];
    if let Some((_, r)) = row {
        let src = &app.corpus.sources[r.loc.source as usize];
        lines.push(Line::styled(
            clean(&format!("id {} · {}:{}", s.id, src.name, r.loc.line)).into_owned(),
            t.dim(),
        ));
    }
    if app.loading.skipped > 0 {
        lines.push(Line::styled(
            format!("note: {} corpus lines were skipped as unreadable", app.loading.skipped),
            t.bad(),
        ));
    }
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

/// What the turn view shows folded: the agent's response text and the sub-agents' calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Folds {
    pub response: bool,
    pub subagents: bool,
}

/// The body under the header: the turn's lines, or a note when there is no turn.
fn body_lines<'a>(app: &App, s: &'a Session, turn: usize, t: Theme) -> Vec<Line<'a>> {
    match s.turns.get(turn) {
        Some(_) => turn_lines(s, turn, t, app.folds),
        None => vec![Line::styled("this session has no turns", t.dim())],
    }
}

/// Rows the open turn's body takes wrapped at `width` (bounds the scroll).
pub fn body_rows(app: &App, width: u16) -> usize {
    let Some(o) = &app.opened else { return 1 };
    let Ok(s) = &o.session else { return 1 };
    Paragraph::new(body_lines(app, s, o.turn, theme(app)))
        .wrap(Wrap { trim: false })
        .line_count(width)
}

/// Rows, wrapped at `width`, before line `line` of turn `turn` (where a find scrolls to).
pub fn rows_before(app: &App, turn: usize, line: usize, width: u16) -> usize {
    let Some(Ok(s)) = app.opened.as_ref().map(|o| o.session.as_ref()) else {
        return 0;
    };
    let mut lines = body_lines(app, s, turn, theme(app));
    lines.truncate(line);
    Paragraph::new(lines).wrap(Wrap { trim: false }).line_count(width)
}

/// A turn's lines as plain text, unfolded (what a find searches).
pub fn plain_lines(s: &Session, turn: usize) -> Vec<String> {
    let open = Folds {
        response: false,
        subagents: false,
    };
    turn_lines(
        s,
        turn,
        Theme {
            color: false,
            light: false,
        },
        open,
    )
    .iter()
    .map(|l| l.to_string())
    .collect()
}

/// Lines of the response shown while it is folded.
const RESPONSE_FOLDED: usize = 2;

fn turn_lines(s: &Session, i: usize, t: Theme, folds: Folds) -> Vec<Line<'_>> {
    let turn = &s.turns[i];
    let mut out = vec![Line::styled("▌prompt", t.title())];
    out.extend(clean_lines(&turn.prompt).map(|l| Line::from(Span::raw(l))));
    out.push(Line::styled(format!("▌decisions: {}", turn.decisions.len()), t.title()));
    for d in &turn.decisions {
        let kind = match d.kind {
            Kind::Planning => "PLAN",
            Kind::Execution => "EXEC",
        };
        let actor = match d.actor {
            Actor::Human => "HUMAN",
            Actor::Agent => "AGENT",
        };
        let mut spans = vec![
            Span::styled(kind, t.kind(d.kind)),
            Span::raw(" "),
            Span::styled(actor, t.actor(d.actor)),
            Span::raw(" "),
            safe(d.category.as_deref().unwrap_or("-"), t.bold()),
            Span::raw(d.confidence.map_or(String::new(), |c| format!(" {c:.2}"))),
        ];
        if d.is_ratified() {
            spans.push(Span::styled(" RATIFIED", t.study()));
        }
        if let Some(sum) = &d.summary {
            spans.push(Span::raw(" "));
            spans.push(safe(sum, t.plain()));
        }
        out.push(Line::from(spans));
        if let Some(ev) = &d.evidence {
            out.push(Line::from(vec![
                Span::styled("     “", t.dim()),
                safe(ev, t.dim()),
                Span::styled("”", t.dim()),
            ]));
        }
    }
    out.push(Line::from(vec![
        Span::styled("▌words written: ", t.title()),
        Span::raw(turn.words().to_string()),
    ]));
    if let Some(r) = turn.response.as_deref().filter(|r| !r.trim().is_empty()) {
        let all: Vec<_> = clean_lines(r).collect();
        let shown = if folds.response {
            RESPONSE_FOLDED.min(all.len())
        } else {
            all.len()
        };
        let state = if all.len() <= RESPONSE_FOLDED {
            String::new()
        } else if folds.response {
            format!(" ({} of {} lines · w shows all)", shown, all.len())
        } else {
            " (w folds)".into()
        };
        out.push(Line::from(vec![
            Span::styled("▌response", t.title()),
            Span::styled(state, t.dim()),
        ]));
        out.extend(all.into_iter().take(shown).map(|l| Line::from(Span::raw(l))));
    }
    let failed = turn.actions.iter().filter(|a| a.ok == Some(false)).count();
    out.push(Line::styled(
        format!("▌actions: {} ({failed} failed)", turn.actions.len()),
        t.title(),
    ));
    // Sub-agents hang under the Task/Agent call that started them (matched by its
    // description, the call's target); any left over are listed after the chain.
    let mut runs: Vec<Option<&SubagentRun>> = turn.subagent.iter().map(Some).collect();
    for (k, a) in turn.actions.iter().enumerate() {
        out.push(super::action_line(k, a, t, s.project.as_deref()));
        if matches!(a.tool.as_str(), "Task" | "Agent") {
            let slot = runs
                .iter_mut()
                .find(|r| r.is_some_and(|r| r.description.is_some() && r.description == a.target));
            if let Some(run) = slot.and_then(Option::take) {
                subagent_lines(&mut out, run, t, folds.subagents);
            }
        }
    }
    let rest: Vec<&SubagentRun> = runs.into_iter().flatten().collect();
    if !rest.is_empty() {
        out.push(Line::styled("▌sub-agents of this turn", t.title()));
        for run in rest {
            subagent_lines(&mut out, run, t, folds.subagents);
        }
    }
    out
}

/// Calls shown per sub-agent before the rest are counted.
const SUBAGENT_CALLS_SHOWN: usize = 40;

/// A sub-agent and its own tool calls, indented under the call that started it.
fn subagent_lines<'a>(out: &mut Vec<Line<'a>>, run: &'a SubagentRun, t: Theme, folded: bool) {
    let kind = run.agent_type.as_deref().unwrap_or("sub-agent");
    let mut head = vec![
        Span::styled("      ↳ ", t.dim()),
        safe(kind, t.bold()),
        Span::styled(format!(" · {} actions (not the main chain's)", run.actions), t.dim()),
    ];
    if let Some(d) = &run.description {
        head.push(Span::raw(" · "));
        head.push(safe(d, t.plain()));
    }
    if folded && !run.calls.is_empty() {
        head.push(Span::styled(
            format!(" · {} calls folded (z shows)", run.calls.len()),
            t.dim(),
        ));
    }
    out.push(Line::from(head));
    if folded {
        return;
    }
    for a in run.calls.iter().take(SUBAGENT_CALLS_SHOWN) {
        let mut spans = vec![Span::styled("          · ", t.dim()), safe(&a.tool, t.bold())];
        if let Some(target) = &a.target {
            spans.push(Span::raw(" "));
            spans.push(safe(target, t.plain()));
        }
        out.push(Line::from(spans));
    }
    if run.calls.len() > SUBAGENT_CALLS_SHOWN {
        out.push(Line::styled(
            format!("          … {} more", run.calls.len() - SUBAGENT_CALLS_SHOWN),
            t.dim(),
        ));
    }
}
