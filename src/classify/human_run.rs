//! The user's decisions outside their prompt's prose: runs they made themselves (a pasted
//! shell session, "it worked!"), vetoes of the agent's calls (a refusal, an interrupt that
//! stops a change), and answers to the agent's questions.

use serde_json::Value;

use super::Finding;
use super::prose::{Prompt, Role, role};
use super::shell::{Effect, effect};
use super::text::quote;
use crate::model::{Actor, Kind};
use crate::transcript::tools::{ToolKind, command, files, kind};
use crate::transcript::{Call, RawTurn};

/// The user ran commands themselves: a pasted shell session, or a report of a run.
pub fn pasted_or_reported(p: &Prompt, out: &mut Vec<Finding>) {
    if !p.pasted_commands.is_empty() {
        let cmds: Vec<&str> = p.pasted_commands.iter().map(String::as_str).take(3).collect();
        let summary = format!(
            "user ran {} command(s) themselves and pasted the output",
            p.pasted_commands.len()
        );
        out.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "commands",
            "H-RAN",
            summary,
            &cmds.join("; "),
            0.8,
        ));
    } else if let Some(c) = p.clauses.iter().find(|c| role(c) == Role::Report) {
        out.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "commands",
            "H-RAN",
            "user reports a run of their own".into(),
            c,
            0.6,
        ));
    }
}

/// The user refused a call, or interrupted one that was changing something: a veto.
pub fn vetoes(turn: &RawTurn, out: &mut Vec<Finding>) {
    // Calls rejected one after another were refused at one prompt (a "no" refuses every
    // call the agent had queued): one veto.
    let first_of_run = turn
        .calls
        .iter()
        .enumerate()
        .filter(|(i, c)| c.rejected && (*i == 0 || !turn.calls[i - 1].rejected));
    for (_, c) in first_of_run {
        let (k, category, what) = match kind(&c.tool) {
            ToolKind::Plan => (Kind::Planning, "approach", "the agent's plan".to_owned()),
            ToolKind::Shell => (
                Kind::Execution,
                "commands",
                command(c).unwrap_or_else(|| c.tool.clone()),
            ),
            _ => (
                Kind::Execution,
                "files",
                files(c).first().cloned().unwrap_or_else(|| c.tool.clone()),
            ),
        };
        out.push(Finding::new(
            Actor::Human,
            k,
            category,
            "H-VETO",
            format!("user rejected {}", super::text::quote(&what, 60)),
            &what,
            0.9,
        ));
    }
    if let Some(c) = interrupted_change(turn) {
        let what = command(c)
            .or_else(|| files(c).first().cloned())
            .unwrap_or_else(|| c.tool.clone());
        out.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "commands",
            "H-INTERRUPT",
            "user interrupted the agent's change".into(),
            &what,
            0.7,
        ));
    }
}

/// The change the user stopped by interrupting the turn: its last call, when that call
/// changes something (an edit, a write, a command that is no read). The veto is the user's,
/// so the call is not also the agent's decision.
pub fn interrupted_change(turn: &RawTurn) -> Option<&Call> {
    let c = turn.calls.last().filter(|c| !c.rejected && turn.interrupted)?;
    let changing = match kind(&c.tool) {
        ToolKind::Edit | ToolKind::Write => true,
        ToolKind::Shell => command(c).is_some_and(|cmd| effect(&cmd) != Effect::Read),
        _ => false,
    };
    changing.then_some(c)
}

/// Answers to `AskUserQuestion`: one decision per question answered.
pub fn answers(turn: &RawTurn, out: &mut Vec<Finding>) {
    for c in &turn.calls {
        if kind(&c.tool) != ToolKind::Ask || c.is_error == Some(true) || c.rejected {
            continue;
        }
        let Some(answer) = c.result.as_deref().filter(|r| !r.trim().is_empty()) else {
            continue;
        };
        let questions: Vec<&str> = c
            .input
            .get("questions")
            .and_then(Value::as_array)
            .map(|q| {
                q.iter()
                    .filter_map(|q| q.get("question").and_then(Value::as_str))
                    .collect()
            })
            .unwrap_or_default();
        let questions = if questions.is_empty() {
            vec!["the agent's question"]
        } else {
            questions
        };
        for q in questions {
            // The answer text quotes each question: `"Q"="A"`; keep that question's part.
            let part = answer.find(q).map_or(answer, |i| {
                answer[i.saturating_sub(1)..].split("\", \"").next().unwrap_or(answer)
            });
            out.push(Finding::new(
                Actor::Human,
                Kind::Planning,
                "approach",
                "H-ANSWER",
                format!("user answered: {}", quote(q, 80)),
                part,
                0.9,
            ));
        }
    }
}
