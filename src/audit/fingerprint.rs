//! Which decision a verdict was given on, beyond its ids: generated corpora all reuse
//! `s-000001…` and `d1…`, and a corpus may be regenerated or rewritten under its sidecar, so
//! ids alone would score a verdict against whatever decision now bears them.
//!
//! Each verdict leash writes carries `fingerprint`: a hash of the session id, the decision's
//! turn (its index and prompt), and the decision's id and evidence. Labels, confidence and
//! summaries are left out, so that re-running the classifier over the same transcripts
//! keeps the verdicts. Verdicts without one (older sidecars, other tools) are matched by ids
//! alone, as before.

use crate::model::{Decision, Session};

/// The fingerprint of decision `d` in turn `turn` of `s`: `fnv1a64:` and 16 hex digits.
pub fn fingerprint(s: &Session, turn: usize, d: &Decision) -> String {
    let mut h = Fnv::default();
    h.field(s.id.as_bytes());
    h.field(&(turn as u64).to_le_bytes());
    h.field(s.turns.get(turn).map_or(&b""[..], |t| t.prompt.as_bytes()));
    h.field(d.id.as_bytes());
    h.field(d.evidence.as_deref().unwrap_or("").as_bytes());
    format!("fnv1a64:{:016x}", h.0)
}

/// The key of decision `d` in turn `turn` of `s`, which does not depend on the decision's
/// position: a hash of the session id, the turn (index and prompt), the classifier rule and
/// the evidence, and, should several decisions of the turn share rule and evidence, which
/// of them it is. A new classifier that renumbers the decisions keeps their keys; one that
/// drops a decision, or changes its rule or evidence, leaves its verdicts unmatched.
pub fn key(s: &Session, turn: usize, d: &Decision) -> String {
    let same = |o: &&Decision| o.rule == d.rule && o.evidence == d.evidence;
    let decisions = s.turns.get(turn).map_or(&[][..], |t| &t.decisions[..]);
    let nth = decisions
        .iter()
        .filter(same)
        // The decision itself, or (given a copy) the one with its id.
        .position(|o| std::ptr::eq(o, d) || o.id == d.id)
        .unwrap_or(0);
    let mut h = Fnv::default();
    h.field(s.id.as_bytes());
    h.field(&(turn as u64).to_le_bytes());
    h.field(s.turns.get(turn).map_or(&b""[..], |t| t.prompt.as_bytes()));
    h.field(d.rule.as_deref().unwrap_or("").as_bytes());
    h.field(d.evidence.as_deref().unwrap_or("").as_bytes());
    h.field(&(nth as u64).to_le_bytes());
    format!("key:{:016x}", h.0)
}

/// The fingerprint of turn `turn` of `s` (its session id, index and prompt), carried by the
/// lines about a turn (a decision added to it, its completion): a sidecar made on another
/// corpus that reuses the ids does not mark this one's turns.
pub fn of_turn(s: &Session, turn: usize) -> String {
    let mut h = Fnv::default();
    h.field(b"turn");
    h.field(s.id.as_bytes());
    h.field(&(turn as u64).to_le_bytes());
    h.field(s.turns.get(turn).map_or(&b""[..], |t| t.prompt.as_bytes()));
    format!("fnv1a64:{:016x}", h.0)
}

/// The fingerprint of the decision with id `decision` in `s`, if it has one.
pub fn of_decision(s: &Session, decision: &str) -> Option<String> {
    s.turns.iter().enumerate().find_map(|(i, t)| {
        let d = t.decisions.iter().find(|d| d.id == decision)?;
        Some(fingerprint(s, i, d))
    })
}

/// FNV-1a, 64 bits: stable across Rust and leash versions, which a sidecar outlives.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Hashes one field, its length first, so that fields cannot run into each other.
    fn field(&mut self, bytes: &[u8]) {
        for b in (bytes.len() as u64).to_le_bytes().iter().chain(bytes) {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(prompt: &str) -> Session {
        let line = format!(
            r#"{{"id":"s-1","turns":[{{"prompt":{prompt:?},"decisions":[{{"id":"d1","kind":"planning","actor":"human","evidence":"e"}}]}}]}}"#
        );
        serde_json::from_str(&line).unwrap()
    }

    #[test]
    fn a_fingerprint_is_stable_and_tells_sessions_apart() {
        let a = of_decision(&session("add a cache"), "d1").unwrap();
        // Fixed: a sidecar written today is read by later versions.
        assert_eq!(a, "fnv1a64:66f7b8d5d8b2c5fb");
        assert_ne!(Some(a), of_decision(&session("remove the cache"), "d1"));
        assert_eq!(of_decision(&session("x"), "d9"), None);
    }

    #[test]
    fn a_key_survives_renumbering_but_not_a_new_rule() {
        let mut s = session("add a cache");
        let k = key(&s, 0, &s.turns[0].decisions[0]);
        assert_eq!(k, "key:22f5de962abc2bb0");
        s.turns[0].decisions[0].id = "d7".into();
        assert_eq!(key(&s, 0, &s.turns[0].decisions[0]), k);
        let mut twin = s.turns[0].decisions[0].clone();
        twin.id = "d8".into();
        s.turns[0].decisions.push(twin);
        assert_ne!(
            key(&s, 0, &s.turns[0].decisions[1]),
            k,
            "a second alike decision has its own key"
        );
        s.turns[0].decisions[0].rule = Some("H-GOAL".into());
        assert_ne!(key(&s, 0, &s.turns[0].decisions[0]), k);
    }
}
