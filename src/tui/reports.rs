//! The header's and the cohorts' figures: the core's reports counted from its columns,
//! inline for small sets and on a worker for large ones.

use crate::stats::columns::{Columns, RowFigures};
use crate::stats::{Regime, Report};

use super::action::{Action, Cohorts, Msg};
use super::app::App;

/// Sets at least this large have their reports computed on a worker.
pub const ASYNC_REPORTS: usize = 20_000;

/// The cohorts of the histogram panel a row belongs to (the two regimes can overlap).
pub(crate) fn cohort_of(cohorts: Cohorts, f: &RowFigures) -> [bool; 2] {
    match cohorts {
        Cohorts::All => [true, false],
        Cohorts::Expertise => [f.level() == 0, f.level() == 4],
        Cohorts::Regimes => Regime::ALL.map(|g| f.in_regime(g)),
    }
}

/// The report of `members` and of each cohort (the whole set's is not counted twice).
fn reports(figures: &Columns, members: &[u32], cohorts: Cohorts, skipped: u64) -> (Report, Vec<Report>) {
    match cohorts {
        Cohorts::All => {
            let all = Report::of_columns(figures, members, skipped);
            (all.clone(), vec![all])
        }
        _ => {
            let (all, groups) = Report::cohorts_of_columns(figures, members, skipped, |f| cohort_of(cohorts, f));
            (all, groups.into())
        }
    }
}

impl App {
    /// Computes the header's report and the cohorts' with the core's `Report::of_columns`:
    /// inline for small sets (and in tests), on a worker for large ones so that a filter
    /// change never blocks the loop; the figures arrive as [`Action::ReportsDone`].
    pub fn start_reports(&mut self) {
        self.report_pass += 1;
        let pass = self.report_pass;
        let (cohorts, skipped) = (self.cohorts, self.corpus.skipped as u64);
        match &self.tx {
            Some(tx) if self.members.len() >= self.async_reports => {
                self.reports_pending = true;
                let (tx, figures, members) = (tx.clone(), self.figures.clone(), self.members.clone());
                std::thread::spawn(move || {
                    let (report, groups) = reports(&figures, &members, cohorts, skipped);
                    // Let go of the figures before reporting, so that loading can go on.
                    drop(figures);
                    let report = Box::new(report);
                    let _ = tx.send(Msg::Act(Action::ReportsDone { pass, report, groups }));
                });
            }
            _ => {
                let (report, groups) = reports(&self.figures, &self.members, cohorts, skipped);
                self.apply_reports(pass, report, groups);
            }
        }
    }

    /// Takes the figures of report pass `pass`, unless a newer pass has started.
    pub fn apply_reports(&mut self, pass: u64, report: Report, groups: Vec<Report>) {
        if pass != self.report_pass {
            return;
        }
        self.reports_pending = false;
        self.report = report;
        for (g, r) in self.groups.iter_mut().zip(groups) {
            g.report = r;
        }
    }
}
