//! Sub-agent transcripts of a Claude Code session: `<session>/subagents/agent-*.jsonl`
//! (newer), `agent-*.jsonl` beside the sessions (older), and inline sidechains. Each is tied
//! to the Task/Agent call that started it and counted apart from the main chain.

use std::collections::HashSet;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::claude::{Line, count_tool_uses};
use super::lines::JsonLines;
use crate::transcript::{FIELD_KEEP, RawSession, SubAgent, truncate};

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

/// Adds a sub-agent to the session: to the call `call_id` names, else to the Task/Agent call
/// whose prompt it received, else to `turn`, else to the turn running when it started.
pub fn attach(s: &mut RawSession, mut agent: SubAgent, call_id: Option<&str>, turn: Option<usize>) {
    let taken: HashSet<String> = s
        .turns
        .iter()
        .flat_map(|t| t.subagents.iter().filter_map(|a| a.call_id.clone()))
        .collect();
    let want = truncate(agent.prompt.trim(), FIELD_KEEP);
    let mut found = None;
    for (ti, t) in s.turns.iter().enumerate() {
        for c in &t.calls {
            let by_id = call_id.is_some_and(|id| id == c.id);
            let by_prompt = call_id.is_none()
                && is_agent_tool(&c.tool)
                && !taken.contains(&c.id)
                && !want.is_empty()
                && c.input.get("prompt").and_then(Value::as_str).map(str::trim) == Some(want);
            if by_id || by_prompt {
                found = Some((ti, c));
                break;
            }
        }
        if found.is_some() {
            break;
        }
    }
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
    match ti {
        Some(ti) => s.turns[ti].subagents.push(agent),
        None => s.unattached_subagents.push(agent),
    }
}

/// Reads a sub-agent file: its prompt, first timestamp, session id and action count.
pub fn read_agent_file(path: &Path, origin: &'static str) -> Result<(SubAgent, Option<String>), String> {
    let name = path.display().to_string();
    let f = File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let mut lines = JsonLines::new(BufReader::new(f), &name);
    let mut agent = SubAgent {
        origin: origin.to_owned(),
        ..SubAgent::default()
    };
    let mut session = None;
    let mut seen = HashSet::new();
    while let Some((_, line)) = lines.next_value::<Line>() {
        if session.is_none() {
            session = line.session_id.clone();
        }
        if agent.first_timestamp.is_none() {
            agent.first_timestamp = line.timestamp.clone();
        }
        match line.ty.as_deref() {
            Some("user") if agent.prompt.is_empty() => agent.prompt = line.user_text().unwrap_or_default(),
            Some("assistant") => count_tool_uses(&line, &mut seen, &mut agent),
            _ => {}
        }
    }
    Ok((agent, session))
}

/// The `sessionId` of the first lines of a file that have one.
fn peek_session_id(path: &Path) -> Option<String> {
    let f = File::open(path).ok()?;
    let mut lines = JsonLines::new(BufReader::new(f), "");
    for _ in 0..4 {
        let (_, line) = lines.next_value::<Line>()?;
        if line.session_id.is_some() {
            return line.session_id;
        }
    }
    None
}

/// The `toolUseId`, `agentType`, `description` of `agent-<id>.meta.json`, if present.
fn read_meta(agent_file: &Path, agent: &mut SubAgent) -> Option<String> {
    let meta = agent_file.with_extension("meta.json");
    let v: Value = serde_json::from_slice(&std::fs::read(meta).ok()?).ok()?;
    let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    agent.agent_type = field("agentType");
    agent.description = field("description");
    field("toolUseId")
}

/// Finds and attaches the sub-agent files of the session read from `session_file`.
/// Unreadable ones become warnings.
pub fn attach_files(s: &mut RawSession, session_file: &Path, warnings: &mut Vec<String>) {
    let dir = session_file.parent().unwrap_or(Path::new("."));
    let stem = session_file.file_stem().and_then(|x| x.to_str()).unwrap_or("");
    let mut files: Vec<(PathBuf, &'static str)> = Vec::new();
    for sub in [dir.join(stem).join("subagents"), dir.join(&s.id).join("subagents")] {
        if let Ok(rd) = std::fs::read_dir(&sub) {
            files.extend(rd.flatten().map(|e| (e.path(), "subagents")));
        }
        if stem == s.id {
            break;
        }
    }
    if let Ok(rd) = std::fs::read_dir(dir) {
        files.extend(rd.flatten().map(|e| (e.path(), "legacy")));
    }
    files.sort();
    files.dedup();
    for (path, origin) in files {
        let Some(fname) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !is_agent_file(fname) || is_compaction_agent(fname) || !path.is_file() {
            continue;
        }
        // A legacy file beside the sessions belongs to the session it names: look at its
        // first lines only, so a folder of many sessions is not read over and over.
        if origin == "legacy" && peek_session_id(&path).as_deref() != Some(s.id.as_str()) {
            continue;
        }
        match read_agent_file(&path, origin) {
            Ok((mut agent, session)) => {
                // A legacy file beside the sessions belongs to the session it names.
                if origin == "legacy" && session.as_deref() != Some(s.id.as_str()) {
                    continue;
                }
                let call = read_meta(&path, &mut agent);
                attach(s, agent, call.as_deref(), None);
            }
            Err(e) => warnings.push(format!("{e} (sub-agent file skipped)")),
        }
    }
}
