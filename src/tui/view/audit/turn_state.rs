//! Beside the decision: each auditor's verdict side by side, and the state of its turn
//! (judged, added by hand, complete) with the session's expertise as rated by hand.

use ratatui::text::{Line, Span};

use crate::audit::{AuditLog, Target};
use crate::model::{Decision, Session, expertise_name};

use super::super::super::app::App;
use super::super::super::sanitize::clean;
use super::super::super::theme::Theme;
use super::super::{safe, safe_owned};
use super::{actor_text, kind_text};

/// Each auditor's verdict in force, side by side, when more than one auditor judged the
/// decision or the queue is the review of disagreements.
pub(super) fn side_by_side<'a>(app: &'a App, s: &Session, d: &Decision, t: Theme) -> Vec<Line<'a>> {
    let a = &app.audit;
    let (Some(log), Some(it)) = (a.log(), a.item()) else {
        return Vec::new();
    };
    let vs = crate::audit::review::verdicts(log, &s.id, &it.target);
    let review = a.order == Some(crate::audit::queue::Order::Disagreements);
    if vs.len() < 2 && !review {
        return Vec::new();
    }
    let mut out = vec![Line::styled(
        if review {
            "side by side (your verdict settles it):"
        } else {
            "each auditor:"
        },
        t.title(),
    )];
    out.push(Line::from(vec![
        Span::styled("  classifier ", t.dim()),
        Span::styled(kind_text(d.kind), t.kind(d.kind)),
        Span::raw(" "),
        Span::styled(actor_text(d.actor), t.actor(d.actor)),
    ]));
    for v in vs {
        let mut spans = vec![
            Span::raw("  "),
            safe_owned(&v.auditor, t.bold()),
            Span::raw(" "),
            Span::styled(v.verdict.name().to_uppercase(), t.plain()),
        ];
        if let Some((x, k)) = crate::audit::review::says(v, (d.actor, d.kind)) {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(kind_text(k), t.kind(k)));
            spans.push(Span::raw(" "));
            spans.push(Span::styled(actor_text(x), t.actor(x)));
        }
        if v.settles {
            spans.push(Span::styled(" (settled)", t.good()));
        }
        if let Some(n) = &v.note {
            spans.push(Span::styled(" · ", t.dim()));
            spans.push(safe_owned(n, t.dim()));
        }
        out.push(Line::from(spans));
    }
    out
}

/// The turn itself (after its decisions in a queue of whole turns): the session, what to do,
/// and the turn's state.
pub(super) fn turn_card<'a>(app: &'a App, s: &'a Session, ti: usize, t: Theme) -> Vec<Line<'a>> {
    let mut out = vec![
        Line::from(vec![
            safe(s.display_title(), t.bold()),
            Span::styled(format!(" · {}", clean(&s.id)), t.dim()),
        ]),
        Line::styled(
            if s.turns[ti].decisions.is_empty() {
                "the classifier found no decision in this turn: + adds one it missed, c marks the turn complete"
            } else {
                "the turn's decisions are behind you: + adds one the classifier missed, c marks the turn complete"
            },
            t.plain(),
        ),
    ];
    if let Some(log) = app.audit.log() {
        out.extend(turn_lines(log, s, ti, t));
    }
    out
}

/// The turn's state: its decisions judged, those added by hand, complete or not; and the
/// session's expertise as rated by hand.
pub(super) fn turn_lines<'a>(log: &AuditLog, s: &Session, ti: usize, t: Theme) -> Vec<Line<'a>> {
    let decisions = &s.turns[ti].decisions;
    let judged = decisions
        .iter()
        .filter(|d| log.current_of(&s.id, &Target::of(s, ti, d)).is_some())
        .count();
    let fp = crate::audit::fingerprint::of_turn(s, ti);
    let added = log.added(&s.id, ti + 1, &fp);
    let mut spans = vec![Span::styled(
        format!(
            "turn {}: {judged}/{} judged · {} added · ",
            ti + 1,
            decisions.len(),
            added.len()
        ),
        t.dim(),
    )];
    if log.is_complete(&s.id, ti + 1, &fp) {
        spans.push(Span::styled("COMPLETE", t.good()));
    } else {
        spans.push(Span::styled("not complete (+ add missed, c complete)", t.dim()));
    }
    let mut out = vec![Line::from(spans)];
    for v in added {
        let (Some(k), Some(x)) = (v.kind, v.actor) else {
            continue;
        };
        out.push(Line::from(vec![
            Span::styled(format!("  + {} ", clean(&v.decision)), t.dim()),
            Span::styled(kind_text(k), t.kind(k)),
            Span::raw(" "),
            Span::styled(actor_text(x), t.actor(x)),
            Span::raw(" "),
            safe_owned(v.category.as_deref().unwrap_or("-"), t.bold()),
            Span::styled(" “", t.dim()),
            safe_owned(
                &v.evidence.as_deref().unwrap_or("").chars().take(80).collect::<String>(),
                t.plain(),
            ),
            Span::styled("”", t.dim()),
        ]));
    }
    let rated = log.rating(&s.id).map_or("not rated by hand (E)".to_owned(), |v| {
        let l = if v.level.is_some() {
            expertise_name(v.level)
        } else {
            "cannot tell"
        };
        format!("rated {l} by {}", clean(&v.auditor))
    });
    out.push(Line::styled(
        format!("expertise {} · {rated}", expertise_name(s.expertise.0)),
        t.dim(),
    ));
    out
}
