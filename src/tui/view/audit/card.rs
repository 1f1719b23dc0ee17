//! The decision in front: its label (hidden when blind), evidence, verdict and the label
//! being chosen.

use ratatui::text::{Line, Span};

use crate::audit::VerdictKind;
use crate::model::{Decision, Session, expertise_name};

use super::super::super::app::App;
use super::super::super::sanitize::clean;
use super::super::super::theme::Theme;
use super::super::safe;
use super::turn_state::{side_by_side, turn_lines};
use super::{actor_text, kind_text};

/// The decision: session, label (hidden when blind and not yet judged), evidence, verdict.
pub(super) fn card_lines<'a>(app: &'a App, s: &'a Session, ti: usize, d: &'a Decision, t: Theme) -> Vec<Line<'a>> {
    let a = &app.audit;
    let current = a.log().zip(a.item()).and_then(|(l, it)| it.verdict(&app.corpus, l));
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
    if !hidden {
        out.extend(side_by_side(app, s, d, t));
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
    if let Some(log) = a.log() {
        out.extend(turn_lines(log, s, ti, t));
    }
    out
}
