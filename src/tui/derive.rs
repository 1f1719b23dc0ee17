//! Derived data, recomputed in `update` whenever its inputs change: per-row figures, the
//! sort order, the visible rows, the header's report and the histograms.

use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::corpus::Batch;
use crate::model::Kind;
use crate::stats::columns::Columns;
use crate::stats::{Report, study};

use super::action::{Cohorts, SortKey};
use super::app::{App, Group, Opened};
use super::hist::{APART, BinTables, app_bin, count_all, share_bin};
use super::reports::cohort_of;

/// Rows per unit of parallel work.
const CHUNK: usize = 16 * 1024;

impl App {
    /// Adds loaded batches; when a search worker still holds the corpus they wait in
    /// `pending` until it lets go.
    pub fn absorb(&mut self, batches: Vec<Batch>) {
        self.pending.extend(batches);
        // A reports worker may still hold the figures: then the batches wait too.
        let (Some(corpus), Some(figures)) = (Arc::get_mut(&mut self.corpus), Arc::get_mut(&mut self.figures)) else {
            // Ranking can wait (the matches are shown); loading should not. The worker lets
            // go at once, reports back, and the search starts over with the new rows.
            if self.search.ranking
                && !self.pending.is_empty()
                && let Some(c) = &self.search.cancel
            {
                c.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            return;
        };
        if self.pending.is_empty() {
            return;
        }
        let modes = corpus.modes.len();
        for b in self.pending.drain(..) {
            self.loading.bytes += b.bytes;
            self.loading.skipped += corpus.absorb(b).len();
        }
        let start = figures.len();
        figures.extend(&corpus.rows[start..]);
        let names = (
            self.meta.projects.len(),
            self.meta.models.len() + self.meta.origins.len(),
        );
        self.meta.extend(&corpus.rows);
        self.bins = BinTables::of(figures);
        if self.corpus.modes.len() != modes
            || (
                self.meta.projects.len(),
                self.meta.models.len() + self.meta.origins.len(),
            ) != names
        {
            self.rebuild_facets();
        }
        self.extend_order(start);
        if self.search.query.is_some() {
            self.start_search();
        }
        self.recount();
    }

    /// Re-derives every row's figures (after the ratified toggle).
    pub fn restat(&mut self) {
        match Arc::get_mut(&mut self.figures) {
            // In place when no reports worker holds them: the memory stays mapped.
            Some(figures) => figures.rebuild(&self.corpus.rows, self.how),
            None => self.figures = Arc::new(Columns::of(&self.corpus.rows, self.how)),
        }
        self.bins = BinTables::of(&self.figures);
    }

    /// Recomputes the visible rows, the report, the histograms and the selection.
    ///
    /// The set is first collected in row order (`members`), so that the report and the
    /// histograms read rows sequentially whatever the sort; `visible` is then the sort
    /// order restricted to it.
    pub fn recount(&mut self) {
        let t = Instant::now();
        let corpus = &*self.corpus;
        let rows = &corpus.rows;
        let figures = self.figures.rows();
        let modes = self.filter.mode_ids(corpus);
        let scores = self.search.scores.as_deref();
        let active = self.search.query.is_some();
        let matches = |i: u32| !active || scores.is_some_and(|s| s.get(i as usize).is_some_and(Option::is_some));
        let admission = self.filter.admission(&modes);
        let place_and_time = super::meta::place_and_time(&self.filter, &self.meta);
        // In parallel, a list per chunk of rows, joined in row order.
        let parts: Vec<Vec<u32>> = figures
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let first = (c * CHUNK) as u32;
                (first..)
                    .zip(chunk)
                    .filter(|&(i, f)| matches(i) && admission.admits(f) && place_and_time(i))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        drop(place_and_time);
        let mut members = std::mem::take(&mut self.members);
        members.clear();
        members.reserve(parts.iter().map(Vec::len).sum());
        for p in parts {
            members.extend_from_slice(&p);
        }
        let mut visible = std::mem::take(&mut self.visible);
        visible.clear();
        if self.sort.is_natural() && !self.descending {
            visible.extend_from_slice(&members);
        } else {
            let mut keep = vec![false; rows.len()];
            for &i in &members {
                keep[i as usize] = true;
            }
            let kept = |&&i: &&u32| keep[i as usize];
            if self.descending {
                visible.extend(self.order.iter().rev().filter(kept));
            } else {
                visible.extend(self.order.iter().filter(kept));
            }
        }
        if active && self.sort == SortKey::Relevance {
            let s = scores.unwrap_or_default();
            // Best match first; stable, so ties keep the order.
            visible.sort_by_key(|&i| std::cmp::Reverse(s[i as usize]));
        }
        self.visible = visible;
        self.members = members;
        let t1 = Instant::now();
        self.groups = self.count_groups();
        let t2 = Instant::now();
        self.start_reports();
        let t3 = Instant::now();
        self.keep_selection();
        self.recount_us = [t1 - t, t2 - t1, t3 - t2, t3.elapsed()].map(|d| d.as_micros());
    }
}

impl App {
    /// The histogram panel's cohorts: counted in one pass over the set.
    fn count_groups(&self) -> Vec<Group> {
        let how = self.how;
        let (names, study_app): (Vec<&'static str>, Vec<f64>) = match self.cohorts {
            Cohorts::All => (vec!["all"], vec![study::ACTIONS_PER_PROMPT]),
            Cohorts::Expertise => (
                vec!["novice", "expert"],
                vec![study::NOVICE_ACTIONS_PER_PROMPT, study::EXPERT_ACTIONS_PER_PROMPT],
            ),
            Cohorts::Regimes => (
                vec!["user execs", "agent plans"],
                vec![study::USER_KEEPS_EXECUTION_APP, study::AGENT_CONTROLS_PLANNING_APP],
            ),
        };
        let cohorts = self.cohorts;
        let hists = count_all(self.figures.rows(), &self.bins, &self.members, names.len(), |f| {
            cohort_of(cohorts, f)
        });
        names
            .into_iter()
            .zip(study_app)
            .zip(hists)
            .enumerate()
            .map(|(g, ((name, app), mut hists))| {
                // The study gives the two shares for all sessions only: no mark on a
                // cohort's share plots, where it would claim a figure the study has not.
                let all = cohorts == Cohorts::All;
                let marks = [
                    Some(app_bin(app)),
                    all.then(|| share_bin(study::PLANNING_HUMAN_SHARE)),
                    all.then(|| share_bin(study::EXECUTION_HUMAN_SHARE)),
                ];
                for (h, m) in hists.iter_mut().zip(marks) {
                    h.study = m;
                }
                // The figures come with the next reports; until then the last ones stand.
                let report = match self.groups.get(g) {
                    Some(old) if old.name == name => old.report.clone(),
                    _ => Report::compute([], how, 0),
                };
                Group {
                    name,
                    report,
                    study_app: Some(app),
                    hists,
                }
            })
            .collect()
    }

    /// Keeps the selected session selected when it is still visible; otherwise selects the
    /// row now under the cursor. While the corpus loads, a cursor still on the top row stays
    /// there (rows sorting in above it are what a newcomer expects to see selected). Marks
    /// its bins in the histograms.
    pub fn keep_selection(&mut self) {
        let kept = self.selected.and_then(|s| self.visible.iter().position(|&i| i == s));
        self.cursor = match kept {
            _ if !self.loading.done && self.cursor == 0 => 0,
            Some(pos) => pos,
            None => self.cursor.min(self.visible.len().saturating_sub(1)),
        };
        self.select_cursor();
    }

    /// Makes the row under the cursor the selected (and opened) one, and scrolls to it.
    pub fn select_cursor(&mut self) {
        let sel = self.visible.get(self.cursor).copied();
        if sel != self.selected || self.opened.as_ref().map(|o| o.row) != sel {
            self.selected = sel;
            self.find = None;
            self.opened = sel.map(|row| Opened::read(&self.corpus, row));
        }
        let rows = self.areas.map_or(10, |a| a.list_rows()).max(1);
        if self.cursor < self.list_offset {
            self.list_offset = self.cursor;
        } else if self.cursor >= self.list_offset + rows {
            self.list_offset = self.cursor + 1 - rows;
        }
        // The selected session is marked in the cohorts it belongs to.
        let figures = sel.map(|i| &self.figures.rows()[i as usize]);
        let member = figures.map(|f| cohort_of(self.cohorts, f));
        let bins = figures.map(|f| self.bins.of_row(f));
        for (g, group) in self.groups.iter_mut().enumerate() {
            for (h, bin) in group.hists.iter_mut().zip(0..) {
                h.selected = bins
                    .filter(|_| member.is_some_and(|m| m[g]))
                    .map(|b| b[bin])
                    .filter(|&b| b != APART)
                    .map(usize::from);
            }
        }
    }

    /// Human share of one kind for a row under the current counting.
    pub fn share(&self, row: u32, kind: Kind) -> Option<f64> {
        self.corpus.rows[row as usize].tally.human_share(kind, self.how)
    }
}
