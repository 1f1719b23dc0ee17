//! The rows of each table for a run of sessions: the sessions table from the loaded rows,
//! the others from each session's line, read again and parsed only as far as they need.

use super::batch::Batch;
use super::line::{ActionLine, DecisionLine, Line, Scanned, TurnActions, TurnDecisions, TurnLine};
use super::lines::Lines;
use super::schema::{FACETS, Table};
use crate::corpus::{Corpus, RatifiedAs, SessionRow};
use crate::model::{Actor, Kind, count_words, expertise_name};
use crate::stats::{Regime, ratio};

/// What a batch is built from: the corpus, how ratified decisions count, and the table.
pub struct Source<'a> {
    pub corpus: &'a Corpus,
    pub how: RatifiedAs,
    pub table: Table,
}

impl Source<'_> {
    /// The rows of the sessions at `members` (indices into the corpus's rows), in order.
    pub fn batch(&self, members: &[u32]) -> Result<Batch, String> {
        let rows = members.iter().map(|&i| &self.corpus.rows[i as usize]);
        // Room for the rows the loaded figures promise (a hint: a line may have changed).
        let expected: u64 = match self.table {
            Table::Sessions => members.len() as u64,
            Table::Turns => rows.clone().map(|r| u64::from(r.turns)).sum(),
            Table::Decisions => rows.clone().map(|r| u64::from(r.tally.total())).sum(),
            Table::Actions => rows.clone().map(|r| r.actions).sum(),
        };
        let mut b = Batch::of(self.table, expected as usize, members.len());
        if self.table == Table::Sessions {
            for r in rows {
                self.session(&mut b, r);
            }
            return Ok(b);
        }
        let mut lines = Lines::new(&self.corpus.sources);
        for row in rows {
            let (name, bytes) = lines.read(&row.loc)?;
            // The session's own rows after its first repeat its id and facets.
            let s = Rows { row, first: b.rows() };
            match self.table {
                Table::Turns => {
                    let line: Line<TurnLine> = parse(name, row, bytes)?;
                    for (t, turn) in line.turns.iter().enumerate() {
                        self.turn(&mut b, &s, t as i64 + 1, turn);
                    }
                }
                Table::Decisions => {
                    let line: Line<TurnDecisions> = parse(name, row, bytes)?;
                    for (t, turn) in line.turns.iter().enumerate() {
                        self.decisions(&mut b, &s, t as i64 + 1, &turn.decisions);
                    }
                }
                _ => {
                    let line: Line<TurnActions> = parse(name, row, bytes)?;
                    for (t, turn) in line.turns.iter().enumerate() {
                        self.actions(&mut b, &s, t as i64 + 1, &turn.actions);
                    }
                }
            }
        }
        Ok(b)
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

    fn turn(&self, b: &mut Batch, s: &Rows, t: i64, turn: &TurnLine) {
        let words = turn
            .response_words
            .unwrap_or_else(|| turn.response.as_deref().map_or(0, count_words));
        let failed = turn.actions.iter().filter(|a| a.ok == Some(false)).count();
        s.id(b).int(Some(t)).str(Some(&turn.prompt)).count(words);
        b.count(turn.actions.len() as u64).count(failed as u64);
        b.count(turn.decisions.len() as u64);
        s.facets(self, b);
    }

    fn decisions(&self, b: &mut Batch, s: &Rows, t: i64, decisions: &[DecisionLine]) {
        for d in decisions {
            let ratified = d.ratified == Some(true);
            // Redacted sessions' decisions count nowhere (the report leaves them out).
            let counted = (!s.row.redacted).then(|| counted_actor(d.actor, ratified, self.how));
            s.id(b).int(Some(t)).str(Some(&d.id)).str(Some(d.kind.name()));
            b.str(Some(d.actor.name()))
                .str(counted.map(Actor::name))
                .bool(Some(ratified));
            b.str(d.category.as_deref()).str(d.summary.as_deref());
            b.str(d.evidence.as_deref()).float(d.confidence).str(d.rule.as_deref());
            s.facets(self, b);
        }
    }

    fn actions(&self, b: &mut Batch, s: &Rows, t: i64, actions: &[ActionLine]) {
        for (n, a) in actions.iter().enumerate() {
            s.id(b).int(Some(t)).int(Some(n as i64 + 1)).str(Some(&a.tool));
            b.str(a.target.as_deref()).bool(a.ok);
            s.facets(self, b);
        }
    }
}

/// The rows of one session in a batch: the first at `first`.
struct Rows<'r> {
    row: &'r SessionRow,
    first: usize,
}

impl Rows<'_> {
    /// Whether the row being built is the session's first.
    fn fresh(&self, b: &Batch) -> bool {
        b.rows() == self.first
    }

    /// The session's id, starting a row.
    fn id<'b>(&self, b: &'b mut Batch) -> &'b mut Batch {
        if self.fresh(b) {
            b.str(Some(&self.row.id))
        } else {
            b.repeat(1)
        }
    }

    /// The session's facets, ending a row.
    fn facets(&self, src: &Source, b: &mut Batch) {
        if self.fresh(b) {
            src.facets(b, self.row);
        } else {
            b.repeat(FACETS.len());
        }
    }
}

/// A session's line, checked to still be that session's.
fn parse<'b, T: Scanned<'b> + serde::Deserialize<'b>>(
    name: &str,
    row: &SessionRow,
    bytes: &'b [u8],
) -> Result<Line<'b, T>, String> {
    let line = match Line::scan(bytes) {
        Some(line) => line,
        None => {
            let text = std::str::from_utf8(bytes).map_err(|_| format!("{name}:{}: not UTF-8", row.loc.line))?;
            serde_json::from_str(text)
                .map_err(|e| format!("{name}:{}: {}", row.loc.line, crate::corpus::json_reason(&e)))?
        }
    };
    if *line.id != *row.id {
        return Err(format!(
            "{name}:{}: the file changed since it was loaded (this line is now session {:?}, not {:?})",
            row.loc.line, line.id, row.id
        ));
    }
    Ok(line)
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
