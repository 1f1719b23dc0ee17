//! Sub-agent transcripts of a Claude Code session: `<session>/subagents/agent-*.jsonl`
//! (newer), `agent-*.jsonl` beside the sessions (older), and inline sidechains. Each is tied
//! to the Task/Agent call that started it and counted apart from the main chain.

use std::collections::HashSet;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde_json::Value;

use super::claude::{Line, Tokens, count_tool_uses};
use super::lines::JsonLines;
use crate::transcript::{FIELD_KEEP, RawSession, SubAgent, ToolKind, kind, truncate};

/// Tools that start a sub-agent.
pub fn is_agent_tool(tool: &str) -> bool {
    matches!(tool, "Task" | "Agent")
}

/// Is this file name a sub-agent transcript (not a session)?
pub fn is_agent_file(name: &str) -> bool {
    name.starts_with("agent-") && name.ends_with(".jsonl")
}

/// A compaction's summarising call: not a sub-agent the user asked for.
pub fn is_compaction_agent(name: &str) -> bool {
    name.starts_with("agent-acompact-")
}

/// The turn and the Task/Agent call that started `agent`: the call `call_id` names, else the
/// one whose prompt it received (and that started no other sub-agent).
pub(super) fn find_call<'a>(
    s: &'a RawSession,
    agent: &SubAgent,
    call_id: Option<&str>,
) -> Option<(usize, &'a crate::transcript::Call)> {
    let taken: HashSet<String> = s
        .turns
        .iter()
        .flat_map(|t| t.subagents.iter().filter_map(|a| a.call_id.clone()))
        .collect();
    let want = truncate(agent.prompt.trim(), FIELD_KEEP);
    for (ti, t) in s.turns.iter().enumerate() {
        for c in &t.calls {
            let by_id = call_id.is_some_and(|id| id == c.id);
            let by_prompt = call_id.is_none()
                && is_agent_tool(&c.tool)
                && !taken.contains(&c.id)
                && !want.is_empty()
                && c.input.get("prompt").and_then(Value::as_str).map(str::trim) == Some(want);
            if by_id || by_prompt {
                return Some((ti, c));
            }
        }
    }
    None
}

/// Adds a sub-agent to the session: to the call `call_id` names, else to the Task/Agent call
/// whose prompt it received, else to `turn`, else to the turn running when it started.
/// Returns the turn it went to, `None` when it is unattached.
pub fn attach(s: &mut RawSession, mut agent: SubAgent, call_id: Option<&str>, turn: Option<usize>) -> Option<usize> {
    let found = find_call(s, &agent, call_id);
    let ti = if let Some((ti, c)) = found {
        agent.call_id = Some(c.id.clone());
        let field = |k: &str| c.input.get(k).and_then(Value::as_str).map(str::to_owned);
        agent.agent_type = agent.agent_type.or_else(|| field("subagent_type"));
        agent.description = agent.description.or_else(|| field("description"));
        Some(ti)
    } else {
        turn.or_else(|| {
            let at = agent.first_timestamp.as_deref()?;
            s.turns
                .iter()
                .rposition(|t| t.started_at.as_deref().is_some_and(|st| st <= at))
        })
    };
    agent.read_only = is_read_only(&agent);
    match ti {
        Some(ti) => s.turns[ti].subagents.push(agent),
        None => s.unattached_subagents.push(agent),
    }
    ti
}

/// Agent types that only look: Claude Code's `Explore` and `Plan`.
const READ_ONLY_TYPES: &[&str] = &["Explore", "Plan"];

/// An `Explore`/`Plan` agent, or one whose every call was a look.
pub(super) fn is_read_only(a: &SubAgent) -> bool {
    let typed = a
        .agent_type
        .as_deref()
        .is_some_and(|t| READ_ONLY_TYPES.iter().any(|r| r.eq_ignore_ascii_case(t)));
    let looked = !a.calls.is_empty() && a.calls.iter().all(|c| kind(&c.tool) == ToolKind::Look);
    typed || looked
}

/// Reads a sub-agent file: its prompt, first timestamp, action count, the tokens it used
/// (added to `tokens`), and the bad lines it held (`FILE:LINE`).
pub(crate) fn read_agent_file(
    path: &Path,
    origin: &'static str,
    tokens: &mut Tokens,
) -> Result<(SubAgent, Vec<String>), String> {
    let name = path.display().to_string();
    let f = File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let mut lines = JsonLines::new(BufReader::new(f), &name);
    let mut agent = SubAgent {
        origin: origin.to_owned(),
        ..SubAgent::default()
    };
    let mut seen = HashSet::new();
    while let Some((_, line)) = lines.next_value::<Line>() {
        if agent.first_timestamp.is_none() {
            agent.first_timestamp = line.timestamp.clone();
        }
        match line.ty.as_deref() {
            Some("user") if agent.prompt.is_empty() => agent.prompt = line.user_text().unwrap_or_default(),
            Some("assistant") => {
                count_tool_uses(&line, &mut seen, &mut agent);
                tokens.line(&line);
            }
            _ => {}
        }
    }
    Ok((agent, lines.warnings))
}
