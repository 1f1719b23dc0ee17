//! The estimate of the user's expertise (1-5), read from the user's own words in every
//! prompt and mid-turn message, with the signals that fired (quoted) and how much evidence
//! there was; `None` below a minimum of evidence. See `docs/classifier.md`, "Expertise".

use super::assent::is_bare_assent;
use super::prose::{self, Role};
use super::text::{any_phrase, code_spans, first_phrase, has_phrase, identifiers, is_code, is_command, paths, quote};
use super::words::expertise::*;
use crate::transcript::{RawSession, RawTurn};

mod evidence;
pub use evidence::{Confidence, Estimate, Signal, SignalKind, describe, describe_line};

/// Below this many messages of the user's own words, or this many words (two messages of
/// a few words each; "fix it" and "try again" are not enough), the estimate is
/// unknown: one scripted prompt says too little about who wrote it.
pub const MIN_MESSAGES: usize = 2;
pub const MIN_WORDS: usize = 8;

/// Expertise 1-5 from how the user directs the agent, or `None` when they said too little.
pub fn expertise(s: &RawSession) -> Option<u8> {
    estimate(s).level
}

/// The estimate, its evidence and its confidence.
pub fn estimate(s: &RawSession) -> Estimate {
    let mut tally = Tally::default();
    s.turns.iter().for_each(|t| tally.turn(t));
    tally.finish()
}

/// What [`estimate`] needs of the turns seen so far (a big transcript's turns are read once,
/// in order, and not held).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    e: Estimate,
    precise_messages: usize,
    turns: usize,
}

impl Tally {
    /// The session's next turn: its prompt and the messages typed while it ran.
    pub fn turn(&mut self, t: &RawTurn) {
        self.turns += 1;
        let e = &mut self.e;
        let prompt = match &t.slash {
            Some(name) => t.prompt.trim().strip_prefix(name.as_str()).unwrap_or(&t.prompt),
            None => &t.prompt,
        };
        for m in std::iter::once(prompt).chain(t.mid_turn.iter().map(String::as_str)) {
            let first = e.messages == 0;
            let Some((words, precise)) = read_message(m, self.turns, first, &mut e.evidence) else {
                continue;
            };
            e.messages += 1;
            e.words += words;
            self.precise_messages += usize::from(precise);
        }
    }

    pub fn finish(self) -> Estimate {
        let Tally {
            mut e,
            precise_messages,
            ..
        } = self;
        if e.messages < MIN_MESSAGES || e.words < MIN_WORDS {
            return e;
        }
        let fired: Vec<SignalKind> = e.evidence.iter().map(|x| x.signal).collect();
        let has = |k| fired.contains(&k);
        let mut level: i32 = 3;
        level += i32::from(precise_messages * 2 >= e.messages);
        level += i32::from(has(SignalKind::Verify)) + i32::from(has(SignalKind::Correct));
        level -= i32::from(has(SignalKind::Learn));
        level -= i32::from(precise_messages == 0 && e.words < 8 * e.messages);
        e.level = Some(level.clamp(1, 5) as u8);
        let kinds = [
            SignalKind::Precise,
            SignalKind::Verify,
            SignalKind::Correct,
            SignalKind::Learn,
        ]
        .into_iter()
        .filter(|k| has(*k))
        .count();
        e.confidence = if e.messages >= 6 && kinds >= 2 {
            Confidence::High
        } else if e.messages >= 3 && kinds >= 1 || e.messages >= 6 {
            Confidence::Medium
        } else {
            Confidence::Low
        };
        e
    }
}

/// Reads one message: `None` when it holds no words of the user's own (bare assent, a bare
/// slash command, only pasted text, a redaction marker); else its own words and whether it
/// directs precisely.
fn read_message(m: &str, turn: usize, first: bool, out: &mut Vec<Signal>) -> Option<(usize, bool)> {
    let m = m.trim();
    if m.is_empty() || is_bare_assent(m) || super::agent::redacted(m) {
        return None;
    }
    let read = prose::read(m);
    let own: Vec<&str> = read
        .clauses
        .iter()
        .copied()
        .filter(|c| prose::role(c) != Role::Filler)
        .collect();
    if own.is_empty() {
        return None;
    }
    let words = own.iter().map(|c| c.split_whitespace().count()).sum();
    let mut precise = false;
    let mut push = |signal, clause: &str| out.push(signal_at(signal, turn, clause));
    for c in own {
        let files = paths(c);
        let plain = words_only(c);
        for f in &files {
            push(SignalKind::NamesFile, f);
        }
        if pins(c, &plain, &files) {
            precise = true;
            push(SignalKind::Precise, c);
        }
        if verifies(c, &plain) {
            push(SignalKind::Verify, c);
        }
        if !first && corrects(&plain) {
            push(SignalKind::Correct, c);
        }
        if first_phrase(&plain, LEARN).is_some() {
            push(SignalKind::Learn, c);
        }
    }
    Some((words, precise))
}

fn signal_at(signal: SignalKind, turn: usize, words: &str) -> Signal {
    Signal {
        signal,
        turn,
        quote: quote(&crate::text::clean(words), 120),
    }
}

/// A clause with its file names, code spans, URLs and `/paths` blanked: what is left are the
/// words a person reads as words (`test.txt` is a file, not the word "test").
fn words_only(c: &str) -> String {
    let (inline, _) = code_spans(c);
    let mut s = c.to_owned();
    for span in inline {
        s = s.replacen(&format!("`{span}`"), " ", 1);
    }
    s.split_whitespace()
        .filter(|w| paths(w).is_empty() && !w.contains("://") && !w.starts_with('@') && !w.starts_with('/'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Precise direction: a code identifier, code, a command, a path with its folder, or a
/// directive that sets a constraint or a criterion.
fn pins(c: &str, plain: &str, files: &[String]) -> bool {
    let (inline, _) = code_spans(c);
    let folder = files.iter().any(|f| f.trim_start_matches("./").contains('/'))
        || c.split_whitespace().any(|w| w.starts_with('/') && w[1..].contains('/'));
    identifiers(plain) > 0
        || inline.iter().any(|s| is_code(s) || is_command(s))
        || folder
        || prose::role(c) == Role::Directive && first_phrase(plain, PINS).is_some()
}

/// Asking the agent to check its work; asking for a test to be written is a task, not a check.
fn verifies(c: &str, plain: &str) -> bool {
    let (inline, _) = code_spans(c);
    let checks = |w: &str| any_phrase(w, &["test", "tests", "check", "lint", "build", "ci"]);
    let run_check = (plain.to_lowercase().starts_with("run ") || has_phrase(plain, "and run")) && checks(plain)
        || inline.iter().any(|s| is_command(s) && checks(s));
    (first_phrase(plain, VERIFY).is_some() || run_check) && first_phrase(plain, WRITE_TEST).is_none()
}

/// A clause that tells the agent it got something wrong, wherever it stands in the message.
fn corrects(plain: &str) -> bool {
    let lower = plain.to_lowercase();
    let c = lower.trim_start_matches(|ch: char| !ch.is_alphanumeric());
    let c = [
        "but ", "and ", "ok ", "ok, ", "hmm ", "wait, ", "wait ", "well, ", "also ",
    ]
    .iter()
    .fold(c, |c, o| c.strip_prefix(o).unwrap_or(c));
    CORRECT_OPENERS.iter().any(|o| c.starts_with(o)) || first_phrase(c, CORRECT_PHRASES).is_some()
}

#[cfg(test)]
mod tests;
