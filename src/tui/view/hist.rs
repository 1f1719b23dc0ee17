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
use super::super::hist::{Hist, Metric};
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
    let head = Line::from(vec![
        Span::styled(" histograms ", style),
        Span::styled(format!(" {what} · S study · ▲ selected · c cohorts"), t.dim()),
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
    let (lo, hi) = match h.metric {
        Metric::ActionsPerPrompt => ("<1", ">100"),
        _ => ("0%", "100%"),
    };
    let room = (bw * n).min(w).saturating_sub(lo.len() + hi.len() + 2);
    // Beside cohorts the caption names the cohort, so this line names the metric.
    let what = match (cohorts, h.metric) {
        (false, _) => format!("n={}", h.total()),
        (true, Metric::ActionsPerPrompt) => "a/p".into(),
        (true, Metric::PlanningShare) => "plan".into(),
        (true, Metric::ExecutionShare) => "exec".into(),
    };
    let label = [
        format!("{what} +{} {}", h.apart, h.metric.apart_label()),
        format!("{what} +{} none", h.apart),
        format!("{what} +{}", h.apart),
    ]
    .into_iter()
    .find(|l| h.apart > 0 && l.chars().count() <= room)
    .unwrap_or(what);
    let span = (bw * n).min(w);
    let pad = span.saturating_sub(lo.len() + hi.len() + label.chars().count());
    let label = if pad >= 2 {
        format!("{lo}{:^pad$}{hi}", label, pad = pad + label.chars().count())
    } else {
        fit(&format!("{lo} {label}"), w)
    };
    lines.push(Line::styled(label, t.dim()));
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::heights;

    #[test]
    fn heights_scale_to_the_fullest_bin_and_keep_small_bins_visible() {
        assert_eq!(heights(&[0, 1, 2, 4], 2), [0, 4, 8, 16]);
        assert_eq!(heights(&[1000, 1], 1), [8, 1]);
        assert_eq!(heights(&[0, 0], 3), [0, 0]);
    }
}
