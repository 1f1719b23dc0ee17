//! One histogram drawn: its bars in eighths of a row, the marks under its bins, its tick
//! labels, and the count of sessions it shows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::hist::{APP_LOWER, Hist, Metric};
use crate::tui::theme::Theme;
use crate::tui::view::fit;

const EIGHTHS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

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

pub(super) fn draw(frame: &mut Frame, area: Rect, h: &Hist, caption: &str, cohorts: bool, t: Theme) {
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
