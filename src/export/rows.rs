//! The rows of each table for a run of sessions of the loaded corpus: the sessions table from
//! the loaded rows, the others from each session's line, read again (the export of a view, or
//! with a selection only the whole corpus decides) and taken as the loader takes them.

use std::sync::Arc;

use super::batch::Batch;
use super::gathered::Gathered;
use super::lines::Lines;
use super::schema::Table;
use super::stream::Assembler;
use super::take::TableRows;
use crate::corpus::{Corpus, Extract, RatifiedAs, SessionRow};
use crate::model::{Actor, Kind, expertise_name};
use crate::stats::{Regime, ratio};

/// What a batch is built from: the corpus, how ratified decisions count, and the table.
pub struct Source<'a> {
    pub corpus: &'a Corpus,
    pub how: RatifiedAs,
    pub table: Table,
}

impl Source<'_> {
    /// The sessions table's rows of the sessions at `members` (indices into the corpus's
    /// rows), in order.
    pub fn sessions(&self, members: &[u32]) -> Batch {
        let mut b = Batch::new(&self.table.columns(), members.len());
        for &i in members {
            self.session(&mut b, &self.corpus.rows[i as usize]);
        }
        b
    }

    /// The turns, decisions or actions table's rows of the sessions at `members`: each line
    /// read again and its rows taken as the loader takes them ([`TableRows`]).
    pub fn gathered(&self, members: &[u32]) -> Result<Gathered, String> {
        let x = TableRows::new(self.table, self.how);
        let mut piece = x.piece();
        let mut lines = Lines::new(&self.corpus.sources);
        let rows: Vec<&SessionRow> = members.iter().map(|&i| &self.corpus.rows[i as usize]).collect();
        for row in &rows {
            let (name, bytes) = lines.read(&row.loc)?;
            let at = |e: String| format!("{name}:{}: {e}", row.loc.line);
            let s = x.parse(&mut piece, bytes).map_err(at)?;
            // A session's line, checked to still be that session's.
            if *s.id != *row.id {
                return Err(at(format!(
                    "the file changed since it was loaded (this line is now session {:?}, not {:?})",
                    s.id, row.id
                )));
            }
        }
        let taken = Arc::new(piece);
        let mut batch = Assembler::new(self.table, self.how);
        let mut start = 0;
        for (row, &end) in rows.iter().zip(&taken.ends) {
            batch.push(self.corpus, row, &taken, start..end);
            start = end;
        }
        Ok(batch.take())
    }

    fn session(&self, b: &mut Batch, r: &SessionRow) {
        let d = Kind::ALL.map(|k| r.tally.by_actor(k, self.how));
        let (plan, exec) = (
            r.tally.human_share(Kind::Planning, self.how),
            r.tally.human_share(Kind::Execution, self.how),
        );
        b.str(Some(&r.id)).str(Some(&r.title));
        self.facets(b, r);
        b.bool(Some(r.redacted)).count(u64::from(r.turns)).count(r.actions);
        b.count(u64::from(r.failed_actions))
            .count(r.subagent_actions)
            .count(r.words);
        for [h, a] in d {
            b.count(u64::from(h)).count(u64::from(a));
        }
        b.float(r.app()).float(ratio(r.words, u64::from(r.turns)));
        b.float(plan).float(exec);
        for regime in Regime::ALL {
            b.bool(Some(regime.holds_for(plan, exec)));
        }
    }

    /// The session's facets: after a session's title, and ending a row of the turns,
    /// decisions or actions table.
    pub fn facets(&self, b: &mut Batch, r: &SessionRow) {
        b.str(Some(&r.project)).str(r.started_at.as_deref());
        b.str(r.model.as_deref()).str(r.origin.as_deref());
        b.int(r.expertise.map(i64::from)).str(Some(expertise_name(r.expertise)));
        b.str(self.corpus.mode_name(r)).str(r.outcome.map(|o| o.name()));
    }
}

/// The actor a decision counts under, as [`crate::corpus::DecisionTally::by_actor`] moves
/// ratified ones.
pub fn counted_actor(actor: Actor, ratified: bool, how: RatifiedAs) -> Actor {
    match (how, ratified) {
        (RatifiedAs::Human, true) => Actor::Human,
        (RatifiedAs::Agent, true) => Actor::Agent,
        _ => actor,
    }
}
