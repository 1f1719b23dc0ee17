//! Handing a Claude Code reading's earlier turns on (a transcript too big to hold), finished
//! as the end of the file would finish them.

use super::State;
use crate::transcript::{Format, KEEP_TURNS, RawSession, RawTurn, TurnSink};

/// The session id is the `sessionId` its lines carry: the file name when some line names it
/// (lines copied from a resumed session keep the old id, the file name does not), else the
/// last one seen, else the file name.
pub(super) fn session_id(last: Option<String>, stem_named: bool, file_stem: &str) -> String {
    match last {
        Some(id) if !stem_named => id,
        _ => file_stem.to_owned(),
    }
}

impl State {
    /// Hands every turn but the last [`KEEP_TURNS`] on to `sink`, finished as the end of
    /// the file would finish them: the messages typed during them, their inline sidechains.
    pub(super) fn hand_on(&mut self, sink: &mut dyn TurnSink, file_stem: &str) {
        let base = self.s.turns_before;
        let n = self.s.turns.len() - KEEP_TURNS;
        for (t, text) in self.queue.settle(base + n) {
            self.s.turns[t - base].mid_turn.push(text);
        }
        let turns: Vec<RawTurn> = self.s.turns.drain(..n).collect();
        for c in turns.iter().flat_map(|t| &t.calls) {
            self.call_at.remove(&c.id);
            self.seen_calls.remove(&c.id);
        }
        let mut part = RawSession {
            id: session_id(self.last_session_id.clone(), self.stem_named, file_stem),
            format: Format::ClaudeCode,
            file: self.s.file.clone(),
            project: self.s.project.clone(),
            turns,
            turns_before: base,
            ..RawSession::default()
        };
        for chain in self.side.take_before(base + n) {
            let turn = chain.turn.map(|t| t - base);
            crate::import::subagents::attach(&mut part, chain.agent, None, turn);
        }
        self.s.turns_before = base + n;
        self.usage.age();
        sink.take(part);
    }
}
