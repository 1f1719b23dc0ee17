//! What a clause of a prompt does: a filler, a report, a status or clarification question,
//! a request (directive), or context.

use super::Role;
use crate::classify::text::any_phrase;
use crate::classify::words::prose::*;

/// Discourse words that open a clause without changing what it does.
fn strip_openers(c: &str) -> String {
    let mut l = c.trim().to_lowercase();
    loop {
        let before = l.len();
        for o in [
            "however,", "so,", "well,", "ok,", "okay,", "ok so", "ok ", "okay ", "also,", "also ", "and ", "then ",
            "now ", "please ", "pls ", "just ", "so ", "but ", "wait,", "wait ",
        ] {
            if let Some(r) = l.strip_prefix(o) {
                l = r.trim_start().to_owned();
            }
        }
        if l.len() == before {
            return l;
        }
    }
}

/// Whether a question asks for work or an analysis: it opens with a request ("how do we…",
/// "where's the log?", "can you…"), or one of its comma-separated parts does ("chrome is
/// installed, how do we link it?").
fn asks_for_work(bare: &str) -> bool {
    bare.split([',', ';', ':']).enumerate().any(|(i, seg)| {
        let seg = seg.trim();
        let first = seg.split_whitespace().next().unwrap_or("");
        // "where's", "what're", "how'd": the question word with its verb.
        let word = first.split(['\'', '’']).next().unwrap_or(first);
        let opens = REQUEST_OPENERS
            .iter()
            .any(|o| seg == *o || seg.starts_with(&format!("{o} ")));
        let wh = matches!(word, "how" | "what" | "why" | "which" | "where" | "when" | "who");
        // A later part counts only when it is itself a question with a verb after it.
        (opens || wh) && (i == 0 || seg.split_whitespace().count() >= 3)
    })
}

/// A question that opens with a question word ("where can I put them?").
pub fn wh_question(clause: &str) -> bool {
    let l = strip_openers(clause);
    let first = l.split_whitespace().next().unwrap_or("");
    let word = first.split(['\'', '’']).next().unwrap_or(first);
    clause.trim_end().ends_with('?') && matches!(word, "how" | "what" | "why" | "which" | "where" | "when" | "who")
}

/// A bare id (a commit hash, a UUID) with no words around it asks for nothing.
fn is_identifier(words: &[&str]) -> bool {
    let [w] = words else { return false };
    w.len() >= 7 && w.chars().any(|c| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

/// "A few more things before I switch": an announcement, unless a request follows in it.
fn announces(bare: &str) -> bool {
    ANNOUNCEMENTS.iter().any(|a| bare.starts_with(a))
        && !bare.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            IMPERATIVES.contains(&w) || REQUEST_OPENERS.contains(&w)
        })
        && !any_phrase(bare, DIRECTIVE_CUES)
}

/// What a clause does.
pub fn role(clause: &str) -> Role {
    let l = strip_openers(clause);
    let bare = l.trim_end_matches(['.', '!', '?', ' ', ',']);
    let words: Vec<&str> = bare.split_whitespace().collect();
    if words.is_empty()
        || words
            .iter()
            .all(|w| FILLERS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        || META.iter().any(|m| bare.starts_with(m))
        || is_identifier(&words)
        || announces(bare)
    {
        return Role::Filler;
    }
    if REPORTS.iter().any(|r| bare.starts_with(r)) && (words.len() <= 12 || bare.starts_with("i ")) {
        return Role::Report;
    }
    let first = words[0].trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    let opens = |list: &[&str]| list.iter().any(|o| bare == *o || bare.starts_with(&format!("{o} ")));
    if clause.trim_end().ends_with('?') {
        let cues: Vec<&str> = DIRECTIVE_CUES
            .iter()
            .copied()
            .filter(|c| !NECESSITY.contains(c))
            .collect();
        if asks_for_work(bare) || any_phrase(bare, &cues) {
            return Role::Directive;
        }
        return if opens(STATUS_OPENERS) && words.len() <= 15 {
            Role::Status
        } else {
            Role::Clarification
        };
    }
    if IMPERATIVES.contains(&first) || opens(&["can", "could"]) || any_phrase(bare, DIRECTIVE_CUES) {
        return Role::Directive;
    }
    Role::Context
}
