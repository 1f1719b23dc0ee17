//! The histogram panel: actions per prompt, human planning share and human execution share
//! of the visible sessions — or of two cohorts side by side — with the study's figure (`S`)
//! and the selected session (`▲`) marked under their bins.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::stats::study;

use super::super::action::{Cohorts, Panel};
use super::super::app::{App, Group};
use super::super::hist::Metric;
use super::{fit, pct, theme};

mod draw;

use draw::draw;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let what = match app.cohorts {
        Cohorts::All => "all visible sessions",
        Cohorts::Expertise => "novice (1) vs expert (5)",
        Cohorts::Regimes => "user keeps execution vs agent controls planning",
    };
    let style = if app.focus == Panel::Hist {
        t.selected()
    } else {
        t.title()
    };
    let focused = if app.focus == Panel::Hist { "▶ " } else { "" };
    let long = format!(" {what} · S study's figure · ▲ selected session · ◆ both · c cohorts · H hide");
    let legend = [
        long,
        format!(" {what} · S study · ▲ selected · ◆ both"),
        " S study · ▲ selected · ◆ both · c cohorts · H hide".to_string(),
    ]
    .into_iter()
    .find(|l| l.chars().count() + 14 <= usize::from(area.width))
    .unwrap_or_default();
    let head = Line::from(vec![
        Span::styled(format!(" {focused}histograms "), style),
        Span::styled(legend, t.dim()),
    ]);
    frame.render_widget(Paragraph::new(head), Rect { height: 1, ..area });
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let cols = Metric::ALL.len() * app.groups.len().max(1);
    let cw = body.width / cols as u16;
    for (m, metric) in Metric::ALL.iter().enumerate() {
        for (g, group) in app.groups.iter().enumerate() {
            let k = (m * app.groups.len() + g) as u16;
            let rect = Rect {
                x: body.x + k * cw,
                width: cw.saturating_sub(1),
                ..body
            };
            let w = usize::from(rect.width);
            let cap = caption(*metric, group, app.cohorts, w);
            draw(frame, rect, &group.hists[m], &cap, app.cohorts != Cohorts::All, t);
        }
    }
}

/// The caption over one histogram: cohort or metric, our figure and the study's — the
/// study's dropped first when the column is narrow (its `S` mark stays).
fn caption(metric: Metric, g: &Group, cohorts: Cohorts, w: usize) -> String {
    let r = &g.report;
    let name = match cohorts {
        Cohorts::All => match metric {
            Metric::ActionsPerPrompt => "act/prompt",
            Metric::PlanningShare => "human plan",
            Metric::ExecutionShare => "human exec",
        },
        _ => g.name,
    };
    let (ours, theirs) = match metric {
        Metric::ActionsPerPrompt => (
            r.actions_per_prompt.mean.map_or("–".into(), |v| format!("{v:.1}")),
            g.study_app.map_or("–".into(), |v| format!("{v}")),
        ),
        Metric::PlanningShare => (
            pct(r.planning_human_share.pooled),
            pct(Some(study::PLANNING_HUMAN_SHARE)),
        ),
        Metric::ExecutionShare => (
            pct(r.execution_human_share.pooled),
            pct(Some(study::EXECUTION_HUMAN_SHARE)),
        ),
    };
    // The study gives no share per cohort: say nothing rather than the overall figure.
    if cohorts != Cohorts::All && metric != Metric::ActionsPerPrompt {
        return fit(&format!("{name} {ours}"), w);
    }
    let full = format!("{name} {ours} (S {theirs})");
    if full.chars().count() <= w {
        return full;
    }
    fit(&format!("{name} {ours}"), w)
}

#[cfg(test)]
mod tests;
