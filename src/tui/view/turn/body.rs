//! The turn view's body: one turn's prompt, decisions, words, response (folded or not),
//! actions and sub-agent runs, as lines; and what their wrapping takes.

use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::model::{Actor, Kind, Session, SubagentRun};

use super::super::super::app::App;
use super::super::super::sanitize::clean_lines;
use super::super::super::theme::Theme;
use super::super::{safe, theme};

/// What the turn view shows folded: the agent's response text and the sub-agents' calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Folds {
    pub response: bool,
    pub subagents: bool,
}

/// The body under the header: the turn's lines, or a note when there is no turn.
pub(super) fn body_lines<'a>(app: &App, s: &'a Session, turn: usize, t: Theme) -> Vec<Line<'a>> {
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
        out.push(super::super::action_line(k, a, t, s.project.as_deref()));
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
