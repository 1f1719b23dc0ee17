//! Rules on what the human decided: in the prompt (goal, approach, done criterion, files,
//! commands, code), in answers to the agent's questions, and in shell commands they ran.

use serde_json::Value;

use super::Finding;
use super::assent::is_bare_assent;
use super::text::{code_spans, first_phrase, is_code, is_command, paths, quote, sentences};
use crate::model::{Actor, Kind};
use crate::transcript::RawTurn;
use crate::transcript::tools::{ToolKind, kind};

/// Phrases that impose an approach.
pub const APPROACH: &[&str] = &[
    "use",
    "using",
    "don't",
    "do not",
    "dont",
    "never",
    "instead of",
    "rather than",
    "avoid",
    "prefer",
    "must not",
    "stick to",
    "without",
    "leave",
    "keep it",
    "only change",
    "only touch",
];

/// Phrases that set a done criterion.
pub const DONE: &[&str] = &[
    "until",
    "so that",
    "make sure",
    "ensure",
    "tests pass",
    "test passes",
    "tests are passing",
    "should pass",
    "must pass",
    "all tests",
    "done when",
    "finished when",
    "without breaking",
    "green",
];

fn human(kind: Kind, category: &str, rule: &'static str, summary: String, evidence: &str, confidence: f64) -> Finding {
    Finding::new(Actor::Human, kind, category, rule, summary, evidence, confidence)
}

/// Every human decision of one turn.
pub fn rules(turn: &RawTurn) -> Vec<Finding> {
    let mut out = Vec::new();
    let prompt = turn.prompt.trim();
    if !prompt.is_empty() && !is_bare_assent(prompt) {
        planning(prompt, &mut out);
        execution(prompt, &mut out);
    }
    answers(turn, &mut out);
    if !turn.user_commands.is_empty() {
        let cmds = turn.user_commands.join("; ");
        out.push(human(
            Kind::Execution,
            "commands",
            "H-SHELL",
            format!("user ran {} shell command(s) themselves", turn.user_commands.len()),
            &cmds,
            1.0,
        ));
    }
    out
}

fn planning(prompt: &str, out: &mut Vec<Finding>) {
    let sents = sentences(prompt);
    // The first sentence with some substance: "Thanks!" or "Great!" is not the goal.
    let first = sents
        .iter()
        .copied()
        .find(|s| s.split_whitespace().count() >= 3)
        .or(sents.first().copied())
        .unwrap_or(prompt);
    let words = prompt.split_whitespace().count();
    let conf = if words >= 4 { 0.7 } else { 0.5 };
    out.push(human(
        Kind::Planning,
        "goal",
        "H-GOAL",
        format!("user set the goal: {}", quote(first, 80)),
        first,
        conf,
    ));
    let mut approach = 0;
    let mut done = 0;
    for s in &sents {
        if approach < 3
            && let Some(p) = first_phrase(s, APPROACH)
        {
            approach += 1;
            out.push(human(
                Kind::Planning,
                "approach",
                "H-APPROACH",
                format!("user imposed an approach ({p:?})"),
                s,
                0.6,
            ));
        }
        if done < 2
            && let Some(p) = first_phrase(s, DONE)
        {
            done += 1;
            out.push(human(
                Kind::Planning,
                "done",
                "H-DONE",
                format!("user set a done criterion ({p:?})"),
                s,
                0.6,
            ));
        }
    }
}

fn execution(prompt: &str, out: &mut Vec<Finding>) {
    let files = paths(prompt);
    if !files.is_empty() {
        let list = files.join(", ");
        out.push(human(
            Kind::Execution,
            "files",
            "H-FILES",
            format!("user named {} file(s)", files.len()),
            &list,
            0.8,
        ));
    }
    let (inline, fenced) = code_spans(prompt);
    let commands: Vec<&str> = inline
        .iter()
        .chain(&fenced)
        .copied()
        .filter(|s| is_command(s))
        .collect();
    if !commands.is_empty() {
        let list = commands.join("; ");
        out.push(human(
            Kind::Execution,
            "commands",
            "H-COMMANDS",
            format!("user named {} command(s)", commands.len()),
            &list,
            0.8,
        ));
    }
    let code: Vec<&str> = fenced
        .iter()
        .copied()
        .filter(|b| !b.is_empty() && !is_command(b))
        .chain(inline.iter().copied().filter(|s| is_code(s) && !is_command(s)))
        .collect();
    if !code.is_empty() {
        let conf = if fenced.iter().any(|b| !b.is_empty() && !is_command(b)) {
            0.8
        } else {
            0.6
        };
        out.push(human(
            Kind::Execution,
            "code",
            "H-CODE",
            "user wrote code for the agent to use".into(),
            code[0],
            conf,
        ));
    }
}

/// Answers to `AskUserQuestion`: the user chose among the agent's options.
fn answers(turn: &RawTurn, out: &mut Vec<Finding>) {
    for c in &turn.calls {
        if kind(&c.tool) != ToolKind::Ask || c.is_error == Some(true) {
            continue;
        }
        let Some(answer) = c.result.as_deref().filter(|r| !r.trim().is_empty()) else {
            continue;
        };
        let question = c
            .input
            .get("questions")
            .and_then(Value::as_array)
            .and_then(|q| q.first())
            .and_then(|q| q.get("question"))
            .and_then(Value::as_str)
            .unwrap_or("the agent's question");
        out.push(human(
            Kind::Planning,
            "approach",
            "H-ANSWER",
            format!("user answered: {}", quote(question, 80)),
            answer,
            0.9,
        ));
    }
}
