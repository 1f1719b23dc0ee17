//! The header (the set's headline figures beside the study's) and the footer (filters, keys).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::corpus::RatifiedAs;
use crate::model::EXPERTISE_NAMES;
use crate::stats::study;

use super::super::action::Mode;
use super::super::app::App;
use super::super::sanitize::clean;
use super::{fit, pct, safe, theme};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let r = &app.report;
    let total = app.row_count();
    let mut top = vec![
        Span::styled(" leash ", t.title()),
        Span::styled(
            format!(
                "{} session{}",
                app.members.len(),
                if app.members.len() == 1 { "" } else { "s" }
            ),
            t.bold(),
        ),
    ];
    if app.members.len() != total {
        top.push(Span::raw(format!(" of {total}")));
    }
    if app.reports_pending {
        top.push(Span::styled(" (counting…)", t.dim()));
    }
    let l = &app.loading;
    if !l.done {
        let frac = if l.total == 0 {
            0.0
        } else {
            l.bytes as f64 / l.total as f64
        };
        let wide = area.width >= 100;
        let w = if wide { 12 } else { 6 };
        let full = ((frac * w as f64).round() as usize).min(w);
        let mb = |b: u64| {
            if wide {
                format!("{:.1}", b as f64 / 1e6)
            } else {
                format!("{:.0}", b as f64 / 1e6)
            }
        };
        top.push(Span::raw(format!(
            "  loading [{}{}] {:.0}% {}/{} MB",
            "█".repeat(full),
            "░".repeat(w - full),
            frac * 100.0,
            mb(l.bytes),
            mb(l.total)
        )));
    }
    if let Some(e) = &l.error {
        top.push(Span::raw("  "));
        top.push(safe(e, t.bad()));
    }
    let skipped = app.corpus.skipped;
    if skipped > 0 {
        let lines = if skipped == 1 { "line" } else { "lines" };
        top.push(Span::styled(format!("  {skipped} {lines} skipped"), t.dim()));
    }
    if app.how != RatifiedAs::Recorded {
        top.push(Span::styled(
            format!("  ratified counted as {}", how_name(app.how)),
            t.study(),
        ));
    }
    let wide = area.width >= 100;
    let fig = |label: &'static str, ours: String, theirs: String| {
        vec![
            Span::raw(label),
            Span::styled(ours, t.bold()),
            Span::styled(format!(" ({theirs})"), t.study()),
            Span::raw("  "),
        ]
    };
    let app_mean = r.actions_per_prompt.mean.map_or("–".into(), |v| format!("{v:.1}"));
    let mut second = vec![Span::raw(" ")];
    let study_word = if wide { "study " } else { "" };
    second.extend(fig(
        if wide { "human planning " } else { "human plan " },
        pct(r.planning_human_share.pooled),
        format!("{study_word}{}", pct(Some(study::PLANNING_HUMAN_SHARE))),
    ));
    second.extend(fig(
        if wide { "human execution " } else { "exec " },
        pct(r.execution_human_share.pooled),
        pct(Some(study::EXECUTION_HUMAN_SHARE)),
    ));
    second.extend(fig(
        if wide { "actions/prompt " } else { "act/prompt " },
        app_mean,
        format!("{}", study::ACTIONS_PER_PROMPT),
    ));
    second.extend(fig(
        ">100 ",
        pct(r.actions_per_prompt.share_sessions_over_100),
        pct(Some(study::SHARE_SESSIONS_OVER_100)),
    ));
    frame.render_widget(Paragraph::new(vec![Line::from(top), Line::from(second)]), area);
}

pub fn how_name(how: RatifiedAs) -> &'static str {
    match how {
        RatifiedAs::Recorded => "recorded",
        RatifiedAs::Human => "human",
        RatifiedAs::Agent => "agent",
    }
}

/// The active filters in a few words (empty when none).
pub fn filters_text(app: &App) -> String {
    let f = &app.filter;
    let mut parts = Vec::new();
    if !f.expertise.is_empty() {
        let mut v = f.expertise.clone();
        v.sort();
        let names: Vec<&str> = v
            .iter()
            .map(|&s| EXPERTISE_NAMES.get(s).copied().unwrap_or("unknown"))
            .collect();
        parts.push(names.join(","));
    }
    if !f.modes.is_empty() {
        parts.push(format!("mode {}", f.modes.join(",")));
    }
    if !f.outcomes.is_empty() {
        let v: Vec<&str> = f.outcomes.iter().map(|o| o.map_or("unknown", |o| o.name())).collect();
        parts.push(v.join(","));
    }
    for r in &f.regimes {
        parts.push(r.name().replace('_', " "));
    }
    if f.app_min.is_some() || f.app_max.is_some() {
        let b = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v}"));
        parts.push(format!("a/p {}..{}", b(f.app_min), b(f.app_max)));
    }
    if f.since.is_some() || f.until.is_some() {
        let day = super::super::meta::day;
        let from = f.since.map_or(String::new(), day);
        let to = f.until.map_or(String::new(), |u| day(u - 86_400));
        parts.push(format!("started {from}..{to}"));
    }
    for (what, names) in [("project", &f.projects), ("model", &f.models), ("origin", &f.origins)] {
        if !names.is_empty() {
            parts.push(format!("{what} {}", names.join(",")));
        }
    }
    parts.join(" · ")
}

pub fn render_footer(frame: &mut Frame, area: Rect, app: &App) {
    let t = theme(app);
    let prompt = match app.mode {
        Mode::Goto => Some("go to session id: "),
        Mode::Find => Some("find in this session: "),
        _ => None,
    };
    let line = if let Some(p) = prompt {
        Line::from(vec![
            Span::styled(format!(" {p}"), t.title()),
            safe(&app.prompt, t.bold()),
            Span::raw("▏"),
            Span::styled("  Enter go · Esc cancel", t.dim()),
        ])
    } else if let Some(s) = &app.status {
        Line::from(vec![Span::raw(" "), safe(s, t.bold())])
    } else if app.mode == Mode::Search || !app.search.text.is_empty() {
        let n = app.visible.len();
        let state = if app.search.running {
            " (searching…)"
        } else if app.search.ranking {
            " (looking through every prompt, file, command…)"
        } else {
            ""
        };
        let cursor = if app.mode == Mode::Search { "▏" } else { "" };
        Line::from(vec![
            Span::styled(" /", t.title()),
            safe(&app.search.text, t.bold()),
            Span::raw(cursor),
            Span::raw(format!("  {n} match{}{state}", if n == 1 { "" } else { "es" })),
            Span::styled(
                format!(
                    "  {} (Tab: {}) · Enter keep · Esc clear",
                    app.search.mode.name(),
                    match app.search.mode {
                        crate::search::Mode::Words => "fuzzy",
                        crate::search::Mode::Fuzzy => "words",
                    }
                ),
                t.dim(),
            ),
        ])
    } else {
        let text = filters_text(app);
        let full = "  / search  f filter  s sort  c cohorts  r ratified  a audit  ? help  q quit";
        let need = full.chars().count() + text.chars().count() + 11;
        let mid = "  / search f filter s sort c cohorts r ratified a audit ? help q quit";
        let keys = if need <= usize::from(area.width) {
            full
        } else if need - (full.len() - mid.len()) <= usize::from(area.width) {
            mid
        } else {
            "  / search  f filter  a audit  ? help  q quit"
        };
        if text.is_empty() {
            return frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled(" no filters", t.dim()),
                    Span::styled(keys, t.dim()),
                ])),
                area,
            );
        }
        let filters = fit(
            &clean(&text),
            usize::from(area.width).saturating_sub(keys.chars().count() + 10).max(8),
        );
        Line::from(vec![
            Span::styled(" filters: ", t.dim()),
            Span::styled(filters, t.bold()),
            Span::styled(keys, t.dim()),
        ])
    };
    frame.render_widget(Paragraph::new(line), area);
}
