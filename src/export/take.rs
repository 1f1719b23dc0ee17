//! The turns, decisions and actions tables taken from each line while the loader scans it
//! (one reading of the corpus): the loader's scanner tells [`LineRows`] every turn, action
//! and decision it meets, and it writes the table's own columns (all but the session's id
//! and facets, which the loaded row gives later) into its piece's [`Taken`].

use std::ops::Range;

use super::batch::Batch;
use super::rows::counted_actor;
use super::schema::{Col, FACETS, Table};
use crate::corpus::fast::{ActionSeen, DecisionSeen, TurnSeen, Visit};
use crate::corpus::{Extract, ParsedSession, RatifiedAs, parse_line_with};
use crate::model::{Actor, Kind};

/// The columns a line gives, in the table's order: the table's columns but the session's id
/// and the facets.
pub fn line_columns(table: Table) -> Vec<Col> {
    table
        .columns()
        .into_iter()
        .filter(|c| c.name != "session_id" && !FACETS.contains(c))
        .collect()
}

/// The rows a piece's lines gave, and where each loaded line's rows end.
pub struct Taken {
    pub rows: Batch,
    pub ends: Vec<usize>,
}

impl Taken {
    /// The piece, to keep the rows `ranges` (in order) of it: itself when they are most of its
    /// rows, else a piece of those rows only (copied), so that a narrow selection does not keep
    /// whole pieces alive for a few rows. Answers the ranges in the piece kept.
    pub fn keep(self, ranges: Vec<Range<usize>>) -> (Taken, Vec<Range<usize>>) {
        let picked: usize = ranges.iter().map(Range::len).sum();
        if picked * 4 >= self.rows.rows() {
            return (self, ranges);
        }
        let mut rows = self.rows.emptied_like();
        let mut out = Vec::with_capacity(ranges.len());
        for r in ranges {
            let start = rows.rows();
            for (dst, src) in rows.cols.iter_mut().zip(&self.rows.cols) {
                dst.extend_from(src, r.clone());
            }
            rows.add_rows(r.len());
            out.push(start..rows.rows());
        }
        let ends = out.iter().map(|r| r.end).collect();
        (Taken { rows, ends }, out)
    }
}

/// Takes a table's rows from every line the loader loads, ratified decisions counted as `how`.
pub struct TableRows {
    pub table: Table,
    how: RatifiedAs,
    cols: Vec<Col>,
    /// The decisions table's counted actor, null in a redacted session (the report leaves its
    /// decisions out), which only the line's end tells.
    counted: Option<usize>,
}

impl TableRows {
    pub fn new(table: Table, how: RatifiedAs) -> TableRows {
        let cols = line_columns(table);
        TableRows {
            table,
            how,
            counted: cols.iter().position(|c| c.name == "counted_actor"),
            cols,
        }
    }
}

impl Extract for TableRows {
    type Piece = Taken;

    fn piece(&self) -> Taken {
        // Room for the rows of a piece's lines, about (a piece is 256 KiB of lines).
        let rows = match self.table {
            Table::Turns => 256,
            Table::Decisions => 1024,
            _ => 2048,
        };
        Taken {
            rows: Batch::new(&self.cols, rows),
            ends: Vec::new(),
        }
    }

    fn parse(&self, piece: &mut Taken, line: &[u8]) -> Result<ParsedSession, String> {
        let mark = piece.rows.rows();
        let mut v = LineRows {
            table: self.table,
            how: self.how,
            b: &mut piece.rows,
            mark,
            turn: 1,
            action: 1,
        };
        match parse_line_with(line, &mut v) {
            Ok(s) => {
                let end = piece.rows.rows();
                if let Some(c) = self.counted.filter(|_| s.redacted) {
                    piece.rows.cols[c].set_null(mark..end);
                }
                piece.ends.push(end);
                Ok(s)
            }
            Err(e) => {
                piece.rows.truncate(mark);
                Err(e)
            }
        }
    }
}

/// One line's rows, as the scanner meets its parts.
struct LineRows<'b> {
    table: Table,
    how: RatifiedAs,
    b: &'b mut Batch,
    /// The piece's rows before this line's.
    mark: usize,
    turn: i64,
    action: i64,
}

impl LineRows<'_> {
    fn turn_row(&mut self, prompt: &str, words: u64, actions: u64, failed: u64, decisions: u64) {
        self.b.int(Some(self.turn)).str(Some(prompt)).count(words);
        self.b.count(actions).count(failed).count(decisions);
    }

    fn action_row(&mut self, tool: &str, target: Option<&str>, ok: Option<bool>) {
        self.b.int(Some(self.turn)).int(Some(self.action)).str(Some(tool));
        self.b.str(target).bool(ok);
        self.action += 1;
    }

    #[allow(clippy::too_many_arguments)]
    fn decision_row(
        &mut self,
        id: &str,
        kind: Kind,
        actor: Actor,
        ratified: bool,
        texts: [Option<&str>; 3],
        confidence: Option<f64>,
        rule: Option<&str>,
    ) {
        let [category, summary, evidence] = texts;
        self.b.int(Some(self.turn)).str(Some(id)).str(Some(kind.name()));
        let counted = counted_actor(actor, ratified, self.how);
        self.b
            .str(Some(actor.name()))
            .str(Some(counted.name()))
            .bool(Some(ratified));
        self.b
            .str(category)
            .str(summary)
            .str(evidence)
            .float(confidence)
            .str(rule);
    }

    fn next_turn(&mut self) {
        self.turn += 1;
        self.action = 1;
    }
}

impl<'a> Visit<'a> for LineRows<'_> {
    fn turn(&mut self, t: &TurnSeen<'a>) {
        if self.table == Table::Turns {
            let prompt = t.prompt.value();
            let counts = [t.actions, t.failed, t.decisions].map(u64::from);
            self.turn_row(&prompt, t.words, counts[0], counts[1], counts[2]);
        }
        self.next_turn();
    }

    fn action(&mut self, a: &ActionSeen<'a>) {
        if self.table == Table::Actions {
            let tool = a.tool.value();
            self.action_row(&tool, a.target.map(|t| t.value()).as_deref(), a.ok);
        }
    }

    fn decision(&mut self, d: &DecisionSeen<'a>) {
        if self.table == Table::Decisions {
            let text = |s: Option<crate::corpus::scan::RawStr<'a>>| s.map(|s| s.value());
            let (c, s, e, r) = (text(d.category), text(d.summary), text(d.evidence), text(d.rule));
            let texts = [c.as_deref(), s.as_deref(), e.as_deref()];
            self.decision_row(
                &d.id,
                d.kind,
                d.actor,
                d.ratified == Some(true),
                texts,
                d.confidence,
                r.as_deref(),
            );
        }
    }
}

mod reread;

#[cfg(test)]
mod tests;
