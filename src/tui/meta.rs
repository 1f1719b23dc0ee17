//! Per-row facts the browser sorts and filters by beyond the figures: when each session
//! started, and its project and model as small ids (names in order of first appearance).
//! Grown as rows load, like the figures.

use std::collections::HashMap;
use std::sync::Arc;

use crate::corpus::SessionRow;
use crate::filter::epoch;

/// A session without a start time (sorts first, fails any date bound).
pub const NO_TIME: i64 = i64::MIN;

/// Distinct names, each with the id rows refer to it by, and how many rows have it.
#[derive(Default)]
pub struct Names {
    pub names: Vec<Arc<str>>,
    pub counts: Vec<u32>,
    ids: HashMap<Arc<str>, u32>,
}

impl Names {
    fn id(&mut self, name: &Arc<str>) -> u32 {
        let id = *self.ids.entry(name.clone()).or_insert_with(|| {
            self.names.push(name.clone());
            self.counts.push(0);
            (self.names.len() - 1) as u32
        });
        self.counts[id as usize] += 1;
        id
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The id of a name seen so far.
    pub fn get(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }
}

/// The id of "no model" in [`Meta::model`] (and of "no origin" in [`Meta::origin`]).
pub const NO_MODEL: u32 = u32::MAX;

#[derive(Default)]
pub struct Meta {
    /// Start time per row, in seconds since the epoch, or [`NO_TIME`].
    pub started: Vec<i64>,
    pub project: Vec<u32>,
    pub model: Vec<u32>,
    pub origin: Vec<u32>,
    pub projects: Names,
    pub models: Names,
    pub origins: Names,
    /// The earliest and latest start time seen.
    pub first: Option<i64>,
    pub last: Option<i64>,
}

impl Meta {
    /// Adds the rows loaded since the last call.
    pub fn extend(&mut self, rows: &[SessionRow]) {
        for r in &rows[self.started.len()..] {
            let t = r.started_at.as_deref().and_then(epoch).unwrap_or(NO_TIME);
            if t != NO_TIME {
                self.first = Some(self.first.map_or(t, |f| f.min(t)));
                self.last = Some(self.last.map_or(t, |l| l.max(t)));
            }
            self.started.push(t);
            let p = self.projects.id(&r.project);
            self.project.push(p);
            let m = r.model.as_ref().map_or(NO_MODEL, |m| self.models.id(m));
            self.model.push(m);
            let o = r.origin.as_ref().map_or(NO_MODEL, |o| self.origins.id(o));
            self.origin.push(o);
        }
    }
}

/// The calendar day (UTC) of a time, as `YYYY-MM-DD`.
pub fn day(t: i64) -> String {
    if t == NO_TIME {
        return "–".into();
    }
    let s = humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + std::time::Duration::from_secs(t.max(0) as u64));
    s.to_string()[..10].to_string()
}

/// The date range, project, model and origin facets as a test of a row index (on the ids in `meta`,
/// each name decided once), the same verdict as `Filter::passes_when_where`.
pub fn place_and_time<'a>(f: &'a crate::filter::Filter, m: &'a Meta) -> impl Fn(u32) -> bool + Sync + 'a {
    let ok = |names: &Names, want: &[String]| -> Option<Vec<bool>> {
        (!want.is_empty()).then(|| names.names.iter().map(|n| want.iter().any(|w| **w == **n)).collect())
    };
    let projects = ok(&m.projects, &f.projects);
    let models = ok(&m.models, &f.models);
    let origins = ok(&m.origins, &f.origins);
    let (since, until) = (f.since, f.until);
    move |i: u32| {
        let i = i as usize;
        projects.as_ref().is_none_or(|p| p[m.project[i] as usize])
            && models
                .as_ref()
                .is_none_or(|ok| ok.get(m.model[i] as usize) == Some(&true))
            && origins
                .as_ref()
                .is_none_or(|ok| ok.get(m.origin[i] as usize) == Some(&true))
            && (since.is_none() && until.is_none() || {
                let t = m.started[i];
                t != NO_TIME && since.is_none_or(|s| t >= s) && until.is_none_or(|u| t < u)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_the_utc_calendar_day() {
        let z = epoch("2026-03-01T23:59:00-01:00").unwrap();
        assert_eq!(day(z), "2026-03-02");
        assert_eq!(day(NO_TIME), "–");
    }
}
