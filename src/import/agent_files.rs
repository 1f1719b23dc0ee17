//! A Claude Code session's sub-agent files (`<session>/subagents/agent-*.jsonl`, older
//! `agent-*.jsonl` beside it), read before they are attached: to the turns of the whole
//! reading at once, or, for a transcript too big to hold, to each part of its turns as the
//! reader hands it on ([`Agents::attach_part`]) and the rest at the end.

use std::collections::HashMap;
use std::path::Path;

use super::claude::Tokens;
use super::siblings::{Place, Siblings};
use super::subagents::{attach, find_call, is_read_only, read_agent_file};
use crate::transcript::{RawSession, SubAgent, Usage};

/// One file's agent, and the call its `meta.json` names (`toolUseId`).
type Read = (SubAgent, Option<String>);

/// The sub-agent files of one session, not yet all attached.
pub struct Agents {
    /// `None` once attached.
    agents: Vec<Option<Read>>,
    /// The root of each agent's chain (who started whom) and its depth below it.
    chains: Vec<(usize, u32)>,
    /// Tokens the sub-agents used.
    tokens: Option<Usage>,
}

impl Agents {
    /// Reads the sub-agent files of the session `id` read from `session_file`. Unreadable
    /// files and bad lines become warnings.
    pub fn read(session_file: &Path, id: &str, siblings: &Siblings, warnings: &mut Vec<String>) -> Agents {
        let mut agents: Vec<Read> = Vec::new();
        let mut tokens = Tokens::default();
        for (path, place) in siblings.files_for(session_file, id) {
            let origin = match place {
                Place::Legacy => "legacy",
                Place::Subagents(_) => "subagents",
            };
            match read_agent_file(&path, origin, &mut tokens) {
                Ok((mut agent, bad)) => {
                    warnings.extend(bad);
                    agent.workflow = match place {
                        Place::Subagents(w) => w,
                        Place::Legacy => None,
                    };
                    let call = read_meta(&path, &mut agent);
                    agents.push((agent, call));
                }
                Err(e) => warnings.push(format!("{e} (sub-agent file skipped)")),
            }
        }
        // Which agent made each call, to find who started whom.
        let mut owner: HashMap<&str, usize> = HashMap::new();
        for (i, (a, _)) in agents.iter().enumerate() {
            owner.extend(a.call_ids.iter().filter(|c| !c.is_empty()).map(|c| (c.as_str(), i)));
        }
        let parent: Vec<Option<usize>> = agents
            .iter()
            .enumerate()
            .map(|(i, (_, call))| call.as_deref().and_then(|c| owner.get(c).copied()).filter(|&p| p != i))
            .collect();
        // The root of each chain and the depth below it (a cycle stops at 16 levels).
        let root_of = |mut i: usize| {
            let mut depth = 0;
            while let Some(p) = parent[i].filter(|_| depth < 16) {
                (i, depth) = (p, depth + 1);
            }
            (i, depth)
        };
        let chains = (0..agents.len()).map(root_of).collect();
        Agents {
            agents: agents.into_iter().map(Some).collect(),
            chains,
            tokens: tokens.total(),
        }
    }

    /// Attaches the agents started from a call among `part`'s turns, and the agents they
    /// started in turn (a part of a transcript too big to hold: its other agents wait).
    pub fn attach_part(&mut self, part: &mut RawSession) {
        self.attach(part, false);
    }

    /// Attaches every agent left to `s` (the whole reading, or its last part), as
    /// [`attach`] does: by call, else by the turn running when it started, else unattached;
    /// the sub-agents' tokens are added to the session's.
    pub fn attach_rest(mut self, s: &mut RawSession) {
        self.attach(s, true);
        if let Some(u) = self.tokens {
            let mine = s.usage.unwrap_or_default();
            s.usage = Some(Usage {
                input: mine.input + u.input,
                output: mine.output + u.output,
                cache_read: mine.cache_read + u.cache_read,
                cache_creation: mine.cache_creation + u.cache_creation,
            });
        }
    }

    /// One started by another sub-agent goes to the turn of the agent that started the
    /// chain, one level deeper.
    fn attach(&mut self, s: &mut RawSession, all: bool) {
        let mut turn_of_root: HashMap<usize, Option<usize>> = HashMap::new();
        for i in 0..self.agents.len() {
            let Some((agent, call)) = self.agents[i].as_ref().filter(|_| self.chains[i].1 == 0) else {
                continue;
            };
            if !all && find_call(s, agent, call.as_deref()).is_none() {
                continue;
            }
            let (agent, call) = self.agents[i].take().expect("not attached yet");
            turn_of_root.insert(i, attach(s, agent, call.as_deref(), None));
        }
        for i in 0..self.agents.len() {
            let (root, depth) = self.chains[i];
            // At the end, one whose root went to no turn (or is no root: a cycle) goes with it.
            let turn = match turn_of_root.get(&root) {
                Some(&t) => t,
                None if all => None,
                None => continue,
            };
            let Some((mut agent, call)) = self.agents[i].take() else {
                continue;
            };
            agent.depth = depth;
            agent.call_id = call;
            agent.read_only = is_read_only(&agent);
            match turn {
                Some(t) => s.turns[t].subagents.push(agent),
                None => s.unattached_subagents.push(agent),
            }
        }
    }
}

/// The `toolUseId`, `agentType`, `description` of `agent-<id>.meta.json`, if present.
fn read_meta(agent_file: &Path, agent: &mut SubAgent) -> Option<String> {
    let meta = agent_file.with_extension("meta.json");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(meta).ok()?).ok()?;
    let field = |k: &str| v.get(k).and_then(serde_json::Value::as_str).map(str::to_owned);
    agent.agent_type = field("agentType");
    agent.description = field("description");
    field("toolUseId")
}
