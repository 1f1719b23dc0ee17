//! Handing on the turns of a transcript too big to hold: a reader given a [`TurnSink`] that
//! holds a part hands its earlier turns on as it reads, so that memory holds a part, not the
//! file.

use super::RawSession;

/// Bytes of lines a reader reads, when it may hand turns on, before it hands on every turn
/// but its last [`KEEP_TURNS`]: about what a big transcript's reading holds at a time.
pub const HOLD: u64 = 8 << 20;
/// Turns a reader keeps when it hands the others on: a tool's result, a sub-agent or a
/// message typed meanwhile may still come for them.
pub const KEEP_TURNS: usize = 8;

/// Where a reader hands the turns of a transcript too big to hold, once it is done with
/// them. The readers' `parse` holds every turn.
pub trait TurnSink {
    /// Bytes of lines the reader reads before it hands turns on (by default [`HOLD`]);
    /// `None`: it holds every turn.
    fn hold(&self) -> Option<u64>;
    /// Turns the reader is done with, in order, as a reading of its own: `part.turns` the
    /// turns, `part.turns_before` how many were handed on before them, its sub-agents that
    /// went to no turn; the id and the other fields are what the lines said so far.
    fn take(&mut self, part: RawSession);
}

/// Holds every turn: nothing is handed on.
pub struct HoldAll;

impl TurnSink for HoldAll {
    fn hold(&self) -> Option<u64> {
        None
    }

    fn take(&mut self, _: RawSession) {
        unreachable!("a reader hands nothing to HoldAll")
    }
}
