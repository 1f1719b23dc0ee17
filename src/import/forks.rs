//! Claude Code forks (`--fork-session`, background forks) replay their parent's whole chain
//! into a new file, byte for byte but for the `sessionId`, with no pointer back. The leading
//! turns of a session whose opening lines (same `uuid`, same prompt) were already read in
//! another session are that replay: counted once, in the parent (a session not marked as a
//! fork, else the first read).

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::{Value, json};

use super::Imported;

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

/// Removes replayed turns from the sessions' lines (a session that is nothing but a replay
/// is left out), with a warning naming each file.
pub fn drop_replays(imported: &mut Vec<Imported>, warnings: &mut Vec<String>) {
    let ids: Vec<Turns> = imported
        .iter()
        .map(|i| {
            serde_json::from_str(&i.line).unwrap_or(Turns {
                origin: None,
                turns: Vec::new(),
            })
        })
        .collect();
    let mut order: Vec<usize> = (0..imported.len()).collect();
    order.sort_by_key(|&k| (ids[k].origin.as_deref() == Some("fork"), k));
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let mut drop = vec![false; imported.len()];
    for k in order {
        let keys: Vec<Option<(&str, &str)>> = ids[k]
            .turns
            .iter()
            .map(|t| Some((t.uuid.as_deref()?, t.prompt.as_str())))
            .collect();
        // A replay is the start of the chain: the leading turns already read elsewhere
        // (same opening line, same prompt).
        let n = keys
            .iter()
            .take_while(|key| key.is_some_and(|key| seen.contains(&key)))
            .count();
        let replayed: Vec<usize> = (0..n).collect();
        seen.extend(keys.iter().flatten());
        if replayed.is_empty() {
            continue;
        }
        let file = &imported[k].raw.file;
        if replayed.len() == keys.len() {
            warnings.push(format!(
                "{file}: only replays turns of another session (a fork; left out)"
            ));
            drop[k] = true;
            continue;
        }
        warnings.push(format!(
            "{file}: {} turn(s) replayed from another session (a fork) counted there only",
            replayed.len()
        ));
        let i = &mut imported[k];
        i.line = without_turns(&i.line, &replayed);
        // A kept reading (library callers) loses the same turns.
        for t in replayed.iter().rev() {
            if *t < i.raw.turns.len() && i.session.turns.len() == i.raw.turns.len() {
                i.raw.turns.remove(*t);
                i.session.turns.remove(*t);
            }
        }
    }
    let mut k = 0;
    imported.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// A corpus line without the turns at `gone` (sorted), its sub-agent total updated.
fn without_turns(line: &str, gone: &[usize]) -> String {
    let Ok(mut v) = serde_json::from_str::<Value>(line) else {
        return line.to_owned();
    };
    if let Some(Value::Array(turns)) = v.get_mut("turns") {
        let mut t = 0;
        turns.retain(|_| {
            t += 1;
            gone.binary_search(&(t - 1)).is_err()
        });
        let sub: u64 = turns.iter().filter_map(|t| t.get("subagent_actions")?.as_u64()).sum();
        v["subagent_actions"] = json!(sub);
        v["replayed_turns_skipped"] = json!(gone.len());
    }
    v.to_string()
}
