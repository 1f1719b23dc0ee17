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
}
