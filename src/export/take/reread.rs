//! A line the loader's scanner gives up on, read by serde_json (the reference reading, which
//! also words the errors): the same rows, from the keys each table needs.

use super::LineRows;
use crate::corpus::Reread;
use crate::export::Table;
use crate::export::line::{Line, TurnActions, TurnDecisions, TurnLine};
use crate::model::count_words;

impl Reread for LineRows<'_> {
    /// A line the scanner gave up on, read by serde_json as the export read lines again.
    fn reread(&mut self, line: &[u8]) -> Result<(), String> {
        self.b.truncate(self.mark);
        (self.turn, self.action) = (1, 1);
        let fail = |e: serde_json::Error| crate::corpus::json_reason(&e);
        match self.table {
            Table::Turns => {
                let l: Line<TurnLine> = serde_json::from_slice(line).map_err(fail)?;
                for t in &l.turns {
                    let words = t
                        .response_words
                        .unwrap_or_else(|| t.response.as_deref().map_or(0, count_words));
                    let failed = t.actions.iter().filter(|a| a.ok == Some(false)).count() as u64;
                    self.turn_row(
                        &t.prompt,
                        words,
                        t.actions.len() as u64,
                        failed,
                        t.decisions.len() as u64,
                    );
                    self.next_turn();
                }
            }
            Table::Decisions => {
                let l: Line<TurnDecisions> = serde_json::from_slice(line).map_err(fail)?;
                for t in &l.turns {
                    for d in &t.decisions {
                        let texts = [d.category.as_deref(), d.summary.as_deref(), d.evidence.as_deref()];
                        let ratified = d.ratified == Some(true);
                        self.decision_row(&d.id, d.kind, d.actor, ratified, texts, d.confidence, d.rule.as_deref());
                    }
                    self.next_turn();
                }
            }
            _ => {
                let l: Line<TurnActions> = serde_json::from_slice(line).map_err(fail)?;
                for t in &l.turns {
                    for a in &t.actions {
                        self.action_row(&a.tool, a.target.as_deref(), a.ok);
                    }
                    self.next_turn();
                }
            }
        }
        Ok(())
    }
}
