//! Execution of the user's own: runs they made themselves (a pasted shell session, "it
//! worked!") and vetoes of the agent's calls (a refusal, an interrupt that stops a change).

use super::Finding;
use super::human::human;
use super::prose::{Prompt, Role, role};
use super::shell::{Effect, effect};
use crate::model::Kind;
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
        out.push(human(
            Kind::Execution,
            "commands",
            "H-RAN",
            summary,
            &cmds.join("; "),
            0.8,
        ));
    } else if let Some(c) = p.clauses.iter().find(|c| role(c) == Role::Report) {
        out.push(human(
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
    for c in turn.calls.iter().filter(|c| c.rejected) {
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
        out.push(human(
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
        out.push(human(
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
