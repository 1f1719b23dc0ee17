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
use super::super::hist::{APP_LOWER, Hist, Metric};
use super::super::theme::Theme;
use super::{fit, pct, theme};

const EIGHTHS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

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

/// Bar height of each bin in eighths of a row, scaled to the fullest bin; a non-empty bin
/// is never drawn empty.
pub fn heights(bins: &[u64], rows: usize) -> Vec<usize> {
    let max = bins.iter().copied().max().unwrap_or(0).max(1);
    let full = (rows * 8) as u64;
    bins.iter()
        .map(|&b| {
            if b == 0 {
                0
            } else {
                (b * full).div_ceil(max).max(1) as usize
            }
        })
        .collect()
}

fn draw(frame: &mut Frame, area: Rect, h: &Hist, caption: &str, cohorts: bool, t: Theme) {
    if area.height < 4 || area.width < 4 {
        return;
    }
    let w = usize::from(area.width);
    let n = h.bins.len();
    let bw = (w / n).max(1);
    let rows = usize::from(area.height) - 3;
    let hs = heights(&h.bins, rows);
    let mut lines = vec![Line::styled(fit(caption, w), t.bold())];
    for r in (0..rows).rev() {
        let mut s = String::with_capacity(w * 3);
        for &e in hs.iter().take(w) {
            let c = EIGHTHS[e.saturating_sub(r * 8).min(8)];
            for _ in 0..bw {
                s.push(c);
            }
        }
        lines.push(Line::styled(s, t.bar()));
    }
    let mut marks = Vec::new();
    for b in 0..n.min(w) {
        let (c, style) = match (h.study == Some(b), h.selected == Some(b)) {
            (true, true) => ("◆", t.mark()),
            (false, true) => ("▲", t.mark()),
            (true, false) => ("S", t.study()),
            _ => ("─", t.dim()),
        };
        marks.push(Span::styled(c, style));
        if bw > 1 {
            marks.push(Span::styled("─".repeat(bw - 1), t.dim()));
        }
    }
    lines.push(Line::from(marks));
    let span = (bw * n).min(w);
    lines.push(Line::styled(ticks(h.metric, bw, span), t.dim()));
    // The count scale and the sessions counted (and apart), above the bars when there is
    // room for a line, else in the caption's place.
    let what = match (cohorts, h.metric) {
        (false, _) => String::new(),
        (true, Metric::ActionsPerPrompt) => "a/p ".into(),
        (true, Metric::PlanningShare) => "plan ".into(),
        (true, Metric::ExecutionShare) => "exec ".into(),
    };
    let peak = h.bins.iter().copied().max().unwrap_or(0);
    let info = [
        format!(
            "{what}n={} +{} {} · top bar {peak}",
            h.total(),
            h.apart,
            h.metric.apart_label()
        ),
        format!("{what}n={} +{} · top {peak}", h.total(), h.apart),
        format!("{what}n={} top {peak}", h.total()),
        format!("{what}n={}", h.total()),
    ]
    .into_iter()
    .map(|l| {
        if h.apart == 0 {
            l.replace(" +0", "")
                .replace(&format!(" {}", h.metric.apart_label()), "")
        } else {
            l
        }
    })
    .find(|l| l.chars().count() <= w)
    .unwrap_or_default();
    if rows < 4 {
        // No room for a line of its own: the count goes in the caption, if it fits.
        // Beside cohorts the caption names the cohort: `what` names the metric.
        let with_n = [format!("{caption} {what}n={}", h.total()), format!("{caption} {what}")]
            .into_iter()
            .find(|l| l.trim_end().chars().count() <= w);
        if let Some(l) = with_n {
            lines[0] = Line::styled(l.trim_end().to_string(), t.bold());
        }
    } else {
        lines.insert(1, Line::styled(info, t.dim()));
        // One bar row less: drop the lowest (the bars were drawn for `rows` rows).
        let shrunk = heights(&h.bins, rows - 1);
        for (r, line) in (0..rows - 1).rev().zip(lines[2..].iter_mut()) {
            let s: String = shrunk
                .iter()
                .take(w)
                .flat_map(|&e| std::iter::repeat_n(EIGHTHS[e.saturating_sub(r * 8).min(8)], bw))
                .collect();
            *line = Line::styled(s, t.bar());
        }
        lines.remove(rows + 1);
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Labels under the bins, each at its bin's first column, left out where they would touch
/// the one before: the lower bound of each actions-per-prompt bin (`100+` the overflow), or
/// each share's tenth.
pub fn ticks(metric: Metric, bw: usize, span: usize) -> String {
    let labels: Vec<String> = match metric {
        Metric::ActionsPerPrompt => APP_LOWER
            .iter()
            .map(|v| format!("{v}"))
            .chain(["100+".to_string()])
            .collect(),
        _ => (0..10)
            .map(|k| format!("{}", k * 10))
            .chain(["%".to_string()])
            .collect(),
    };
    let mut out: Vec<char> = vec![' '; span];
    let mut free = 0;
    for (b, l) in labels.iter().enumerate() {
        let at = if b == labels.len() - 1 && metric != Metric::ActionsPerPrompt {
            span.saturating_sub(1)
        } else {
            b * bw
        };
        let len = l.chars().count();
        if at < free || at + len > span {
            continue;
        }
        for (k, c) in l.chars().enumerate() {
            out[at + k] = c;
        }
        free = at + len + 1;
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests;
