//! The facet overlay's lines: what each is, which are on.

use crate::model::Outcome;
use crate::stats::Regime;

use super::app::App;

/// One line of the facet overlay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Facet {
    Expertise(usize),
    Mode(u16),
    Outcome(Option<Outcome>),
    Regime(Regime),
    AppMin,
    AppMax,
    /// The first and last day of the date range (UTC days; ← → step a day).
    Since,
    Until,
    /// A project / model, by its id in [`super::meta::Meta`].
    Project(u32),
    Model(u32),
    Origin(u32),
}

/// The steps a bound of the actions-per-prompt range moves through (`None` = open).
pub const APP_STEPS: [Option<f64>; 9] = [
    None,
    Some(1.0),
    Some(2.0),
    Some(5.0),
    Some(10.0),
    Some(20.0),
    Some(50.0),
    Some(100.0),
    Some(200.0),
];

impl App {
    /// The facet overlay's lines: levels, modes seen so far, outcomes, regimes, range.
    pub fn rebuild_facets(&mut self) {
        let mut f: Vec<Facet> = (0..6).map(Facet::Expertise).collect();
        f.extend((0..self.corpus.modes.len() as u16).map(Facet::Mode));
        f.extend(Outcome::ALL.map(Some).into_iter().chain([None]).map(Facet::Outcome));
        f.extend(Regime::ALL.map(Facet::Regime));
        f.extend([Facet::AppMin, Facet::AppMax, Facet::Since, Facet::Until]);
        f.extend((0..self.meta.projects.len() as u32).map(Facet::Project));
        f.extend((0..self.meta.models.len() as u32).map(Facet::Model));
        f.extend((0..self.meta.origins.len() as u32).map(Facet::Origin));
        self.facets = f;
        self.facet_cursor = self.facet_cursor.min(self.facets.len() - 1);
    }

    /// Whether a facet is on.
    pub fn facet_on(&self, f: Facet) -> bool {
        match f {
            Facet::Expertise(s) => self.filter.expertise.contains(&s),
            Facet::Mode(m) => self.filter.modes.iter().any(|n| *n == *self.corpus.modes[m as usize]),
            Facet::Outcome(o) => self.filter.outcomes.contains(&o),
            Facet::Regime(r) => self.filter.regimes.contains(&r),
            Facet::AppMin => self.filter.app_min.is_some(),
            Facet::AppMax => self.filter.app_max.is_some(),
            Facet::Since => self.filter.since.is_some(),
            Facet::Until => self.filter.until.is_some(),
            Facet::Project(p) => self
                .filter
                .projects
                .iter()
                .any(|n| **n == *self.meta.projects.names[p as usize]),
            Facet::Model(m) => self
                .filter
                .models
                .iter()
                .any(|n| **n == *self.meta.models.names[m as usize]),
            Facet::Origin(o) => self
                .filter
                .origins
                .iter()
                .any(|n| **n == *self.meta.origins.names[o as usize]),
        }
    }
}
