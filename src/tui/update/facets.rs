//! The facet overlay's part of `update`: toggling a facet, stepping a range or date bound.

use super::super::app::{APP_STEPS, App, Facet};

/// Toggles (`d == 0`) or steps (`d = ±1`) the facet under the cursor, then recounts.
pub(super) fn facet(app: &mut App, d: isize) {
    let f = &mut app.filter;
    let step_bound = |b: &mut Option<f64>, d: isize| {
        let i = APP_STEPS.iter().position(|s| s == b).unwrap_or(0) as isize;
        *b = APP_STEPS[(i + if d == 0 { 1 } else { d }).rem_euclid(APP_STEPS.len() as isize) as usize];
    };
    fn toggle<T: PartialEq>(v: &mut Vec<T>, x: T) {
        match v.iter().position(|y| *y == x) {
            Some(i) => drop(v.remove(i)),
            None => v.push(x),
        }
    }
    match app.facets[app.facet_cursor] {
        Facet::AppMin => step_bound(&mut f.app_min, d),
        Facet::AppMax => step_bound(&mut f.app_max, d),
        Facet::Since | Facet::Until => {
            let until = app.facets[app.facet_cursor] == Facet::Until;
            let b = if until { &mut f.until } else { &mut f.since };
            step_day(b, d, app.meta.last, until);
        }
        _ if d != 0 => return,
        Facet::Expertise(s) => toggle(&mut f.expertise, s),
        Facet::Mode(m) => toggle(&mut f.modes, app.corpus.modes[m as usize].to_string()),
        Facet::Outcome(o) => toggle(&mut f.outcomes, o),
        Facet::Regime(r) => toggle(&mut f.regimes, r),
        Facet::Project(p) => toggle(&mut f.projects, app.meta.projects.names[p as usize].to_string()),
        Facet::Model(m) => toggle(&mut f.models, app.meta.models.names[m as usize].to_string()),
        Facet::Origin(o) => toggle(&mut f.origins, app.meta.origins.names[o as usize].to_string()),
    }
    app.recount();
}

/// Steps a date bound by `d` days (Space, `d` = 0, clears a bound, or sets an open one to the
/// latest day seen). A bound is the start of a UTC day; `until` is exclusive: the day after
/// the last day kept.
fn step_day(b: &mut Option<i64>, d: isize, latest: Option<i64>, until: bool) {
    const DAY: i64 = 86_400;
    let Some(latest) = latest else { return };
    let start_of_latest = latest.div_euclid(DAY) * DAY + if until { DAY } else { 0 };
    *b = match (*b, d) {
        (Some(_), 0) => None,
        (None, _) => Some(start_of_latest),
        (Some(t), d) => Some(t + d as i64 * DAY),
    };
}
