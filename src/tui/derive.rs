//! Derived data, recomputed in `update` whenever its inputs change: per-row figures, the
//! sort order, the visible rows, the header's report and the histograms.

use std::cmp::Ordering;
use std::time::Instant;

use crate::corpus::Batch;
use crate::filter::expertise_slot;
use crate::model::Kind;
use crate::stats::{Regime, Report, study};

use super::action::{Cohorts, SortKey};
use super::app::{App, Group, Opened};
use super::hist::{Hist, Metric, RowStat};

impl App {
    /// Adds loaded batches; when a search worker still holds the corpus they wait in
    /// `pending` until it lets go.
    pub fn absorb(&mut self, batches: Vec<Batch>) {
        self.pending.extend(batches);
        let Some(corpus) = std::sync::Arc::get_mut(&mut self.corpus) else {
            return;
        };
        if self.pending.is_empty() {
            return;
        }
        let modes = corpus.modes.len();
        for b in self.pending.drain(..) {
            self.loading.bytes += b.bytes;
            corpus.absorb(b);
        }
        let how = self.how;
        let start = self.stats.len();
        self.stats
            .extend(corpus.rows[start..].iter().map(|r| RowStat::of(r, how)));
        if self.corpus.modes.len() != modes {
            self.rebuild_facets();
        }
        self.resort();
        if self.search.query.is_some() {
            self.start_search();
        }
        self.recount();
    }

    /// Re-derives every row's figures (after the ratified toggle).
    pub fn restat(&mut self) {
        let how = self.how;
        self.stats = self.corpus.rows.iter().map(|r| RowStat::of(r, how)).collect();
    }

    /// Rebuilds the permutation of all rows in the sort order.
    pub fn resort(&mut self) {
        let n = self.corpus.rows.len() as u32;
        self.order = (0..n).collect();
        let rows = &self.corpus.rows;
        let stats = &self.stats;
        let f = |a: f64| if a.is_nan() { f64::NEG_INFINITY } else { a };
        let cmp: Box<dyn Fn(&u32, &u32) -> Ordering> = match self.sort {
            SortKey::Natural => Box::new(|a, b| a.cmp(b)),
            SortKey::Title => Box::new(|&a, &b| rows[a as usize].title.cmp(&rows[b as usize].title)),
            SortKey::Expertise => Box::new(|&a, &b| {
                let e = |i: u32| rows[i as usize].expertise.map_or(0, i32::from);
                e(a).cmp(&e(b))
            }),
            SortKey::Turns => Box::new(|&a, &b| rows[a as usize].turns.cmp(&rows[b as usize].turns)),
            SortKey::ActionsPerPrompt => Box::new(|&a, &b| {
                f(stats[a as usize].app).total_cmp(&f(stats[b as usize].app))
            }),
            SortKey::PlanningShare => Box::new(|&a, &b| {
                f(stats[a as usize].plan).total_cmp(&f(stats[b as usize].plan))
            }),
        };
        if self.sort != SortKey::Natural {
            // Stable: ties keep corpus order.
            self.order.sort_by(|a, b| cmp(a, b));
        }
        if self.descending {
            self.order.reverse();
        }
    }

    /// Recomputes the visible rows, the report, the histograms and the selection.
    pub fn recount(&mut self) {
        let t = Instant::now();
        let corpus = &*self.corpus;
        let modes = self.filter.mode_ids(corpus);
        let how = self.how;
        let scores = self.search.scores.as_deref();
        let active = self.search.query.is_some();
        let matches = |i: u32| {
            !active || scores.is_some_and(|s| s.get(i as usize).is_some_and(Option::is_some))
        };
        let filter = &self.filter;
        let mut visible = std::mem::take(&mut self.visible);
        visible.clear();
        visible.extend(
            self.order
                .iter()
                .copied()
                .filter(|&i| matches(i) && filter.passes(&corpus.rows[i as usize], &modes, how)),
        );
        if active && self.sort == SortKey::Natural {
            let s = scores.unwrap_or_default();
            // Best match first; stable, so ties keep corpus order.
            visible.sort_by_key(|&i| std::cmp::Reverse(s[i as usize]));
        }
        self.visible = visible;
        let rows = &corpus.rows;
        let skipped = corpus.skipped as u64;
        self.report = Report::compute(self.visible.iter().map(|&i| &rows[i as usize]), how, skipped);
        self.groups = self.count_groups();
        self.keep_selection();
        self.recount_us = t.elapsed().as_micros();
    }

    fn count_groups(&self) -> Vec<Group> {
        let rows = &self.corpus.rows;
        let how = self.how;
        let group = |name, study_app: Option<f64>, keep: &dyn Fn(u32) -> bool, all: bool| {
            let ids = || self.visible.iter().copied().filter(|&i| keep(i));
            let mut hists = Metric::ALL.map(|m| Hist::count(m, &self.stats, ids()));
            let study_marks = [
                study_app.map(super::hist::app_bin),
                Some(super::hist::share_bin(study::PLANNING_HUMAN_SHARE)),
                Some(super::hist::share_bin(study::EXECUTION_HUMAN_SHARE)),
            ];
            for (h, s) in hists.iter_mut().zip(study_marks) {
                h.study = s;
            }
            Group {
                name,
                // The whole set's report is the header's: do not count it twice.
                report: if all {
                    self.report.clone()
                } else {
                    Report::compute(ids().map(|i| &rows[i as usize]), how, 0)
                },
                study_app,
                hists,
            }
        };
        let level = |l: u8| move |i: u32| expertise_slot(rows[i as usize].expertise) == usize::from(l - 1);
        let regime = |r: Regime| move |i: u32| r.holds(&rows[i as usize], how);
        match self.cohorts {
            Cohorts::All => vec![group("all", Some(study::ACTIONS_PER_PROMPT), &|_| true, true)],
            Cohorts::Expertise => vec![
                group("novice", Some(study::NOVICE_ACTIONS_PER_PROMPT), &level(1), false),
                group("expert", Some(study::EXPERT_ACTIONS_PER_PROMPT), &level(5), false),
            ],
            Cohorts::Regimes => vec![
                group(
                    "user execs",
                    Some(study::USER_KEEPS_EXECUTION_APP),
                    &regime(Regime::UserKeepsExecution),
                    false,
                ),
                group(
                    "agent plans",
                    Some(study::AGENT_CONTROLS_PLANNING_APP),
                    &regime(Regime::AgentControlsPlanning),
                    false,
                ),
            ],
        }
    }

    /// Keeps the selected session selected when it is still visible; otherwise selects the
    /// row now under the cursor. Marks its bins in the histograms.
    pub fn keep_selection(&mut self) {
        if let Some(pos) = self
            .selected
            .and_then(|s| self.visible.iter().position(|&i| i == s))
        {
            self.cursor = pos;
        } else {
            self.cursor = self.cursor.min(self.visible.len().saturating_sub(1));
        }
        self.select_cursor();
    }

    /// Makes the row under the cursor the selected (and opened) one, and scrolls to it.
    pub fn select_cursor(&mut self) {
        let sel = self.visible.get(self.cursor).copied();
        if sel != self.selected || self.opened.as_ref().map(|o| o.row) != sel {
            self.selected = sel;
            self.opened = sel.map(|row| Opened {
                row,
                session: self.corpus.session(row as usize),
                turn: 0,
                scroll: 0,
            });
        }
        let rows = self.areas.map_or(10, |a| a.list_rows()).max(1);
        if self.cursor < self.list_offset {
            self.list_offset = self.cursor;
        } else if self.cursor >= self.list_offset + rows {
            self.list_offset = self.cursor + 1 - rows;
        }
        let stat = sel.map(|i| self.stats[i as usize]);
        for g in &mut self.groups {
            for h in &mut g.hists {
                h.selected = stat.and_then(|s| h.metric.bin(h.metric.value(&s)));
            }
        }
    }

    /// Human share of one kind for a row under the current counting.
    pub fn share(&self, row: u32, kind: Kind) -> Option<f64> {
        self.corpus.rows[row as usize].tally.human_share(kind, self.how)
    }
}
