//! Claude Code forks (`--fork-session`, background forks) replay their parent's whole chain
//! into a new file, byte for byte but for the `sessionId`, with no pointer back. The leading
//! turns of a session whose opening lines (same `uuid`, same prompt) were already read in
//! another session are that replay: counted once, in the parent (a session not marked as a
//! fork, else the first read).
//!
//! [`Replays`] decides session by session, so that a long import can stream: sessions not
//! marked as forks in the order read, then the forks in the order read.

use std::collections::HashSet;
use std::hash::BuildHasher;

use serde::Deserialize;
use serde_json::{Value, json};

use super::Imported;

/// What [`Replays`] needs of a session: whether it is marked as a fork, and a key per turn
/// (its opening line's `uuid` and its prompt; `None` for a turn without a `uuid`).
#[derive(Debug, Default)]
pub(super) struct TurnKeys {
    pub fork: bool,
    pub keys: Vec<Option<u128>>,
}

#[derive(Deserialize)]
struct Turns {
    #[serde(default)]
    origin: Option<String>,
    #[serde(default)]
    turns: Vec<TurnId>,
}

#[derive(Deserialize)]
struct TurnId {
    #[serde(default)]
    uuid: Option<String>,
    #[serde(default)]
    prompt: String,
}

/// A turn's key: 128 bits of hash of its `uuid` and prompt (kept instead of the strings, so
/// that what a long import remembers per turn is 16 bytes).
pub(super) fn key(uuid: &str, prompt: &str) -> u128 {
    let half = |seed: u64| foldhash::quality::FixedState::with_seed(seed).hash_one((uuid, prompt));
    (u128::from(half(0x6c65_6173_6821)) << 64) | u128::from(half(0x666f_726b_7321))
}

impl TurnKeys {
    /// The keys of a corpus line (a line that does not parse has none).
    pub fn of_line(line: &str) -> TurnKeys {
        let Ok(t) = serde_json::from_str::<Turns>(line) else {
            return TurnKeys::default();
        };
        TurnKeys {
            fork: t.origin.as_deref() == Some("fork"),
            keys: t
                .turns
                .iter()
                .map(|t| Some(key(t.uuid.as_deref()?, &t.prompt)))
                .collect(),
        }
    }
}

/// What a session replays.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Replayed {
    Nothing,
    /// Its first `n` turns, not all of them.
    Leading(usize),
    /// Every turn: the session is left out.
    All,
}

/// The turns read so far.
#[derive(Default)]
pub(super) struct Replays {
    seen: HashSet<u128>,
}

impl Replays {
    /// Looks at the next session, pushing a warning naming `file` when it replays turns.
    pub fn check(&mut self, keys: &[Option<u128>], file: &str, warnings: &mut Vec<String>) -> Replayed {
        // A replay is the start of the chain: the leading turns already read elsewhere.
        let n = keys
            .iter()
            .take_while(|k| k.is_some_and(|k| self.seen.contains(&k)))
            .count();
        self.seen.extend(keys.iter().flatten());
        if n == 0 {
            Replayed::Nothing
        } else if n == keys.len() {
            warnings.push(format!(
                "{file}: only replays turns of another session (a fork; left out)"
            ));
            Replayed::All
        } else {
            warnings.push(format!(
                "{file}: {n} turn(s) replayed from another session (a fork) counted there only"
            ));
            Replayed::Leading(n)
        }
    }
}

/// Removes replayed turns from the sessions' lines (a session that is nothing but a replay
/// is left out), with a warning naming each file.
pub fn drop_replays(imported: &mut Vec<Imported>, warnings: &mut Vec<String>) {
    let ids: Vec<TurnKeys> = imported.iter().map(|i| TurnKeys::of_line(&i.line)).collect();
    let mut order: Vec<usize> = (0..imported.len()).collect();
    order.sort_by_key(|&k| (ids[k].fork, k));
    let mut replays = Replays::default();
    let mut drop = vec![false; imported.len()];
    for k in order {
        let n = match replays.check(&ids[k].keys, &imported[k].raw.file, warnings) {
            Replayed::Nothing => continue,
            Replayed::All => {
                drop[k] = true;
                continue;
            }
            Replayed::Leading(n) => n,
        };
        let i = &mut imported[k];
        i.line = without_turns(&i.line, n);
        // A kept reading (library callers) loses the same turns.
        if i.session.turns.len() == i.raw.turns.len() && n <= i.raw.turns.len() {
            i.raw.turns.drain(..n);
            i.session.turns.drain(..n);
        }
    }
    let mut k = 0;
    imported.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// A corpus line without its first `n` turns, its sub-agent total updated.
pub(super) fn without_turns(line: &str, n: usize) -> String {
    let Ok(mut v) = serde_json::from_str::<Value>(line) else {
        return line.to_owned();
    };
    if let Some(Value::Array(turns)) = v.get_mut("turns") {
        turns.drain(..n.min(turns.len()));
        let sub: u64 = turns.iter().filter_map(|t| t.get("subagent_actions")?.as_u64()).sum();
        v["subagent_actions"] = json!(sub);
        v["replayed_turns_skipped"] = json!(n);
    }
    v.to_string()
}
