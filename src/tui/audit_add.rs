//! Audit mode's hand-made lines (`docs/audit.md`): a decision the classifier missed, added
//! with its kind, actor, category and evidence picked from the turn; a turn marked complete;
//! the session's expertise rated. The state of the "add" overlay lives here; `update` changes
//! it, the audit view draws it.

use crate::model::{Actor, Kind, Turn};

/// What the auditor asks for beyond the spec's verdicts (one `Action::Hand`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hand {
    /// `+`: add a decision the classifier missed in the turn in front.
    AddStart,
    AddKind(Kind),
    AddActor(Actor),
    /// The next (`true`) or previous category of the kind chosen.
    AddCategory(bool),
    /// Move the evidence picked by this many candidates.
    AddPick(isize),
    AddSave,
    /// `c`: every decision of the turn in front is now judged.
    Complete,
    /// `E`: rate the session's expertise; then a level, or `None` for "cannot tell".
    RateStart,
    Rate(Option<u8>),
}

/// The categories of the guidelines (`decision-guidelines.md`), per kind.
pub fn categories(kind: Option<Kind>) -> &'static [&'static str] {
    match kind {
        Some(Kind::Planning) => &["goal", "approach", "done"],
        Some(Kind::Execution) => &["files", "code", "commands"],
        None => &["-"],
    }
}

/// Where a piece of evidence was quoted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    Prompt,
    Response,
    Action,
}

impl From {
    pub fn name(self) -> &'static str {
        match self {
            From::Prompt => "prompt",
            From::Response => "response",
            From::Action => "action",
        }
    }
}

/// One piece of the turn the auditor can pick as evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub from: From,
    pub text: String,
}

/// The "add a missed decision" overlay.
#[derive(Debug, Clone, PartialEq)]
pub struct Adding {
    /// Session row and 0-based turn the decision goes in.
    pub row: usize,
    pub turn: usize,
    pub kind: Option<Kind>,
    pub actor: Option<Actor>,
    /// Index into [`categories`] of the kind.
    pub category: usize,
    pub candidates: Vec<Candidate>,
    pub pick: usize,
}

impl Adding {
    pub fn new(row: usize, turn: usize, t: &Turn) -> Adding {
        Adding {
            row,
            turn,
            kind: None,
            actor: None,
            category: 0,
            candidates: candidates(t),
            pick: 0,
        }
    }

    pub fn category(&self) -> &'static str {
        let c = categories(self.kind);
        c[self.category.min(c.len() - 1)]
    }
}

/// Longest piece offered whole; longer lines are cut at sentence ends.
const PIECE: usize = 160;

/// A text's lines, long ones cut into sentences, trimmed, empty ones left out.
fn pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.chars().count() <= PIECE {
            out.push(line.to_owned());
            continue;
        }
        let mut start = 0;
        for (i, _) in line.match_indices(['.', '?', '!']) {
            let end = i + 1;
            if line[end..].starts_with(' ') && end > start {
                out.push(line[start..end].trim().to_owned());
                start = end;
            }
        }
        if start < line.len() {
            out.push(line[start..].trim().to_owned());
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// What the auditor can pick as evidence: the prompt's lines (sentences), the response's, and
/// each action's target (a file path or a command), without repeats.
pub fn candidates(t: &Turn) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut push = |from: From, text: String| {
        if !out.iter().any(|c| c.text == text) {
            out.push(Candidate { from, text });
        }
    };
    for p in pieces(&t.prompt) {
        push(From::Prompt, p);
    }
    for p in pieces(t.response.as_deref().unwrap_or("")) {
        push(From::Response, p);
    }
    for a in &t.actions {
        if let Some(target) = a.target.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            push(From::Action, target.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Action;

    #[test]
    fn candidates_are_prompt_sentences_response_lines_and_action_targets() {
        let long = format!("{}Then run the tests. Done?", "Use rg, not grep. ".repeat(10));
        let t = Turn {
            prompt: format!("fix the login bug\n\n{long}"),
            response: Some("I will edit src/login.rs.\nfix the login bug".into()),
            actions: vec![
                Action {
                    tool: "Edit".into(),
                    target: Some("src/login.rs".into()),
                    ok: Some(true),
                },
                Action {
                    tool: "TodoWrite".into(),
                    ..Action::default()
                },
            ],
            ..Turn::default()
        };
        let c = candidates(&t);
        let texts: Vec<(&str, &str)> = c.iter().map(|c| (c.from.name(), c.text.as_str())).collect();
        assert_eq!(texts[0], ("prompt", "fix the login bug"));
        assert_eq!(
            texts[1],
            ("prompt", "Use rg, not grep."),
            "a long line is cut at sentence ends"
        );
        assert!(texts.contains(&("prompt", "Then run the tests.")), "{texts:?}");
        assert!(texts.contains(&("response", "I will edit src/login.rs.")), "{texts:?}");
        assert_eq!(texts.last(), Some(&("action", "src/login.rs")));
        assert_eq!(
            texts.iter().filter(|t| t.1 == "fix the login bug").count(),
            1,
            "no repeats"
        );
    }
}
