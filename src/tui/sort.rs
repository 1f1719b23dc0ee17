//! What orders the session list and what the histogram panel compares.

use std::cmp::Ordering;

use crate::stats::columns::Figure;

use super::app::App;

/// A comparison of two row indices.
type Cmp<'a> = Box<dyn Fn(&u32, &u32) -> Ordering + 'a>;

/// The session list's sort key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Corpus order.
    #[default]
    Natural,
    /// Best match first while a query is active (else corpus order): chosen, never imposed,
    /// so the list does not re-sort itself under the cursor when the ranking comes in.
    Relevance,
    /// When the session started (sessions without a time first).
    Date,
    Title,
    Expertise,
    Turns,
    ActionsPerPrompt,
    PlanningShare,
    ExecutionShare,
}

impl SortKey {
    pub const ALL: [SortKey; 9] = [
        SortKey::Natural,
        SortKey::Relevance,
        SortKey::Date,
        SortKey::Title,
        SortKey::Expertise,
        SortKey::Turns,
        SortKey::ActionsPerPrompt,
        SortKey::PlanningShare,
        SortKey::ExecutionShare,
    ];
    /// Whether the list is in corpus order (relevance without a query is too).
    pub fn is_natural(self) -> bool {
        matches!(self, SortKey::Natural | SortKey::Relevance)
    }
    pub fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|&k| k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }
    /// The name the config file uses.
    pub fn config_name(self) -> &'static str {
        match self {
            SortKey::ActionsPerPrompt => "actions/prompt",
            SortKey::PlanningShare => "planning",
            SortKey::ExecutionShare => "execution",
            k => k.name(),
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Natural => "order",
            SortKey::Relevance => "relevance",
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Expertise => "expertise",
            SortKey::Turns => "turns",
            SortKey::ActionsPerPrompt => "actions/prompt",
            SortKey::PlanningShare => "human planning",
            SortKey::ExecutionShare => "human execution",
        }
    }
}

/// What the histogram panel compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cohorts {
    /// The whole filtered set.
    #[default]
    All,
    /// Novices (level 1) beside experts (level 5).
    Expertise,
    /// User keeps execution beside agent controls planning.
    Regimes,
}

impl Cohorts {
    pub fn next(self) -> Cohorts {
        match self {
            Cohorts::All => Cohorts::Expertise,
            Cohorts::Expertise => Cohorts::Regimes,
            Cohorts::Regimes => Cohorts::All,
        }
    }
}

/// The list's order: every row, sorted by the current key.
impl App {
    /// The current sort key's comparison of two rows; ties keep corpus order (the sorts
    /// are stable). `order` is ascending; a descending list reads it backwards.
    fn sort_cmp(&self) -> Cmp<'_> {
        let rows = &self.corpus.rows;
        // One key per row, looked up once rather than per comparison; sessions without the
        // figure sort first.
        let keys = |fig: Figure| -> Vec<f64> {
            let figures = &*self.figures;
            (0..figures.len())
                .map(|i| figures.value(fig, i).unwrap_or(f64::NEG_INFINITY))
                .collect()
        };
        match self.sort {
            SortKey::Natural | SortKey::Relevance => Box::new(|a, b| a.cmp(b)),
            SortKey::Date => {
                let t = &self.meta.started;
                Box::new(move |&a, &b| t[a as usize].cmp(&t[b as usize]))
            }
            SortKey::Title => Box::new(|&a, &b| rows[a as usize].title.cmp(&rows[b as usize].title)),
            SortKey::Expertise => Box::new(|&a, &b| {
                let e = |i: u32| rows[i as usize].expertise.map_or(0, i32::from);
                e(a).cmp(&e(b))
            }),
            SortKey::Turns => Box::new(|&a, &b| rows[a as usize].turns.cmp(&rows[b as usize].turns)),
            SortKey::ActionsPerPrompt | SortKey::PlanningShare | SortKey::ExecutionShare => {
                let k = keys(match self.sort {
                    SortKey::ActionsPerPrompt => Figure::ActionsPerPrompt,
                    SortKey::PlanningShare => Figure::PlanningShare,
                    _ => Figure::ExecutionShare,
                });
                Box::new(move |&a, &b| k[a as usize].total_cmp(&k[b as usize]))
            }
        }
    }

    /// Rebuilds the permutation of all rows in the sort order (after the key or the row
    /// figures changed).
    pub fn resort(&mut self) {
        let mut order: Vec<u32> = (0..self.corpus.rows.len() as u32).collect();
        if !self.sort.is_natural() {
            let cmp = self.sort_cmp();
            order.sort_by(|a, b| cmp(a, b));
        }
        self.order = order;
    }

    /// Adds the rows from `start` on (just loaded) to the order: sorted among themselves,
    /// then merged, so a batch costs the rows once rather than a sort of the whole corpus.
    pub(super) fn extend_order(&mut self, start: usize) {
        let mut new: Vec<u32> = (start as u32..self.corpus.rows.len() as u32).collect();
        if self.sort.is_natural() {
            self.order.extend(new);
            return;
        }
        let cmp = self.sort_cmp();
        new.sort_by(|a, b| cmp(a, b));
        let mut merged = Vec::with_capacity(self.order.len() + new.len());
        let (mut old, mut new) = (self.order.iter().copied().peekable(), new.into_iter().peekable());
        // On a tie the older row (the smaller index) goes first, as a stable sort would put it.
        while let (Some(&a), Some(&b)) = (old.peek(), new.peek()) {
            if cmp(&b, &a) == Ordering::Less {
                merged.push(b);
                new.next();
            } else {
                merged.push(a);
                old.next();
            }
        }
        merged.extend(old.chain(new));
        drop(cmp);
        self.order = merged;
    }
}
