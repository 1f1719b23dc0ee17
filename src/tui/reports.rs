//! The header's and the cohorts' figures: the core's `Report::compute`, inline for small
//! sets and on a worker for large ones.

use crate::corpus::{Corpus, RatifiedAs, SessionRow};
use crate::filter::expertise_slot;
use crate::stats::{Regime, Report};

use super::action::{Action, Cohorts, Msg};
use super::app::App;

/// Sets at least this large have their reports computed on a worker.
pub const ASYNC_REPORTS: usize = 20_000;

/// The cohorts of the histogram panel a row belongs to (the two regimes can overlap).
pub(crate) fn cohort_of(cohorts: Cohorts, r: &SessionRow, how: RatifiedAs) -> [bool; 2] {
    match cohorts {
        Cohorts::All => [true, false],
        Cohorts::Expertise => {
            let s = expertise_slot(r.expertise);
            [s == 0, s == 4]
        }
        Cohorts::Regimes => Regime::ALL.map(|g| g.holds(r, how)),
    }
}

/// The report of `members` and of each cohort (the whole set's is not counted twice).
fn reports(corpus: &Corpus, members: &[u32], how: RatifiedAs, cohorts: Cohorts, skipped: u64) -> (Report, Vec<Report>) {
    let rows = &corpus.rows;
    match cohorts {
        Cohorts::All => {
            let all = Report::compute_members(rows, members, how, skipped);
            (all.clone(), vec![all])
        }
        _ => {
            let (all, groups) = Report::compute_cohorts(rows, members, how, skipped, |r| cohort_of(cohorts, r, how));
            (all, groups.into())
        }
    }
}

impl App {
    /// Computes the header's report and the cohorts' with the core's `Report::compute`:
    /// inline for small sets (and in tests), on a worker for large ones so that a filter
    /// change never blocks the loop; the figures arrive as [`Action::ReportsDone`].
    pub fn start_reports(&mut self) {
        self.report_pass += 1;
        let pass = self.report_pass;
        let (how, cohorts, skipped) = (self.how, self.cohorts, self.corpus.skipped as u64);
        match &self.tx {
            Some(tx) if self.members.len() >= self.async_reports => {
                self.reports_pending = true;
                let (tx, corpus, members) = (tx.clone(), self.corpus.clone(), self.members.clone());
                std::thread::spawn(move || {
                    let (report, groups) = reports(&corpus, &members, how, cohorts, skipped);
                    // Let go of the corpus before reporting, so that loading can go on.
                    drop(corpus);
                    let report = Box::new(report);
                    let _ = tx.send(Msg::Act(Action::ReportsDone { pass, report, groups }));
                });
            }
            _ => {
                let (report, groups) = reports(&self.corpus, &self.members, how, cohorts, skipped);
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
