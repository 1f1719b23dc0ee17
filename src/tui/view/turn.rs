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
    let shown = usize::from(area.height.saturating_sub(5));
    let total = o.lines(usize::from(area.width.saturating_sub(2)));
    let more = match (o.scroll > 0, usize::from(o.scroll) + shown < total) {
        (true, true) => "· ↕ more ",
        (false, true) => "· ↓ more ",
        (true, false) => "· ↑ ",
        _ => "",
    };
    let title = format!(" turn {}/{n} {more}", if n == 0 { 0 } else { o.turn + 1 });
    let block = block.title(Span::styled(title, t.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 {
        return;
    }
    let w = usize::from(inner.width);
    let name = s.display_title();
    let head = vec![
        Line::styled(fit(&clean(name), w), t.bold()),
        meta(s, app, t, w),
        strip(s, o.turn, t, w),
    ];
    let top = Rect { height: 3, ..inner };
    frame.render_widget(Paragraph::new(head), top);
    let body = Rect {
        y: inner.y + 3,
        height: inner.height - 3,
        ..inner
    };
    let lines = match s.turns.get(o.turn) {
        Some(_) => turn_lines(s, o.turn, t),
        None => vec![Line::styled("this session has no turns", t.dim())],
    };
    let p = Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((o.scroll, 0));
    frame.render_widget(p, body);
}

fn meta<'a>(s: &'a Session, app: &App, t: Theme, w: usize) -> Line<'a> {
    let row = app.opened.as_ref().map(|o| &app.corpus.rows[o.row as usize]);
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
    if let Some(r) = row {
        parts.push(format!("{} actions, {} failed", r.actions, r.failed_actions));
        if r.subagent_actions > 0 {
            parts.push(format!("+{} by sub-agents", r.subagent_actions));
        }
    }
    let text = fit(&clean(&parts.join(" · ")), w);
    Line::styled(text, t.dim())
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

fn turn_lines(s: &Session, i: usize, t: Theme) -> Vec<Line<'_>> {
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
    let failed = turn.actions.iter().filter(|a| a.ok == Some(false)).count();
    out.push(Line::styled(
        format!("▌actions: {} ({failed} failed)", turn.actions.len()),
        t.title(),
    ));
    // Sub-agents hang under the Task/Agent call that started them (matched by its
    // description, the call's target); any left over are listed after the chain.
    let mut runs: Vec<Option<&SubagentRun>> = turn.subagent.iter().map(Some).collect();
    for (k, a) in turn.actions.iter().enumerate() {
        out.push(super::action_line(k, a, t));
        if matches!(a.tool.as_str(), "Task" | "Agent") {
            let slot = runs
                .iter_mut()
                .find(|r| r.is_some_and(|r| r.description.is_some() && r.description == a.target));
            if let Some(run) = slot.and_then(Option::take) {
                subagent_lines(&mut out, run, t);
            }
        }
    }
    let rest: Vec<&SubagentRun> = runs.into_iter().flatten().collect();
    if !rest.is_empty() {
        out.push(Line::styled("▌sub-agents of this turn", t.title()));
        for run in rest {
            subagent_lines(&mut out, run, t);
        }
    }
    out
}

/// Calls shown per sub-agent before the rest are counted.
const SUBAGENT_CALLS_SHOWN: usize = 40;

/// A sub-agent and its own tool calls, indented under the call that started it.
fn subagent_lines<'a>(out: &mut Vec<Line<'a>>, run: &'a SubagentRun, t: Theme) {
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
    out.push(Line::from(head));
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
