//! The estimate of the session's outcome, and the map that overrides the expertise estimate
//! (`expertise.rs`) per project or session.

use std::collections::HashMap;
use std::path::Path;

use super::shell::{Effect, effect};
use super::text::first_phrase;
use crate::model::{Outcome, parse_expertise};
use crate::transcript::RawSession;
use crate::transcript::tools::{ToolKind, command, kind};

const CONFIRM: &[&str] = &[
    "it works",
    "works now",
    "that works",
    "that fixed it",
    "looks good",
    "lgtm",
    "perfect",
    "all good",
    "works great",
    "great, thanks",
    "thanks, that",
];
const FAILED: &[&str] = &[
    "doesn't work",
    "does not work",
    "not working",
    "still failing",
    "still fails",
    "still broken",
    "broken",
    "didn't work",
    "did not work",
    "still doesn't",
];
const TEST_CMDS: &[&str] = &[
    "cargo test",
    "cargo nextest",
    "pytest",
    "npm test",
    "npm run test",
    "yarn test",
    "pnpm test",
    "go test",
    "jest",
    "vitest",
    "make test",
    "rspec",
    "mvn test",
    "gradle test",
    "bun test",
    "deno test",
];

/// `verified_success` on a commit, a passing test run, or the user's explicit confirmation;
/// `failure` when the user says it does not work or the last test run failed; `success` when
/// the agent changed files or ran commands without either; `None` otherwise.
pub fn outcome(s: &RawSession) -> Option<Outcome> {
    let calls = || s.turns.iter().flat_map(|t| &t.calls);
    let shell = |c: &&crate::transcript::Call| kind(&c.tool) == ToolKind::Shell;
    let committed = calls().filter(shell).any(|c| {
        command(c).is_some_and(|cmd| cmd.contains("git commit"))
            && c.is_error != Some(true)
            && c.result.as_deref().is_some_and(|r| !r.contains("nothing to commit"))
    });
    let last_test = calls()
        .filter(shell)
        .filter(|c| command(c).is_some_and(|cmd| TEST_CMDS.iter().any(|t| cmd.contains(t))))
        .rfind(|c| c.result.is_some())
        .map(|c| {
            let r = c.result.as_deref().unwrap_or("");
            c.is_error != Some(true) && !r.contains("FAILED") && !r.contains("failed;") && !r.contains(" failed")
        });
    let later = || s.turns.iter().skip(1).map(|t| t.prompt.to_lowercase());
    let confirmed = later().any(|p| CONFIRM.iter().any(|c| p.contains(c)));
    let complained = s
        .turns
        .last()
        .filter(|_| s.turns.len() > 1)
        .is_some_and(|t| first_phrase(&t.prompt, FAILED).is_some());
    if complained {
        return Some(Outcome::Failure);
    }
    if committed || last_test == Some(true) || confirmed {
        return Some(Outcome::VerifiedSuccess);
    }
    if last_test == Some(false) {
        return Some(Outcome::Failure);
    }
    // A change is an edit, a write or a command that changes state; one the user refused,
    // stopped by an interrupt, or that failed changed nothing.
    let stopped: Vec<*const crate::transcript::Call> = s
        .turns
        .iter()
        .filter_map(|t| super::human_run::interrupted_change(t).map(|c| c as *const _))
        .collect();
    let changes: Vec<&crate::transcript::Call> = calls()
        .filter(|c| match kind(&c.tool) {
            ToolKind::Edit | ToolKind::Write => true,
            ToolKind::Shell => command(c).is_some_and(|cmd| effect(&cmd) != Effect::Read),
            _ => false,
        })
        .collect();
    let landed = changes
        .iter()
        .any(|c| !c.rejected && c.is_error != Some(true) && !stopped.contains(&(*c as *const _)));
    match (changes.is_empty(), landed) {
        (true, _) => None,
        (false, true) => Some(Outcome::Success),
        (false, false) => Some(Outcome::Failure),
    }
}

/// Expertise levels given by hand, per project (cwd, or its last path component) or per
/// session id. See `docs/classifier.md` for the file format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExpertiseMap(pub HashMap<String, u8>);

impl ExpertiseMap {
    /// A digest of the map's entries (order-free), so cached lines built under another map
    /// are not reused.
    pub fn digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut entries: Vec<(&String, &u8)> = self.0.iter().collect();
        entries.sort();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        entries.hash(&mut h);
        h.finish()
    }

    /// Reads `key = level` lines (`#` comments) or a JSON object `{"key": level}`; a level is
    /// 1-5 or a name (`novice` … `expert`).
    pub fn load(path: &Path) -> Result<ExpertiseMap, String> {
        let name = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
        Self::parse(&text).map_err(|e| format!("{name}: {e}"))
    }

    pub fn parse(text: &str) -> Result<ExpertiseMap, String> {
        let mut map = HashMap::new();
        if text.trim_start().starts_with('{') {
            let obj: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(text).map_err(|e| format!("not a JSON object: {e}"))?;
            for (k, v) in obj {
                let level = match &v {
                    serde_json::Value::Number(n) => parse_expertise(&n.to_string()),
                    serde_json::Value::String(s) => parse_expertise(s),
                    _ => None,
                };
                map.insert(
                    k.clone(),
                    level.ok_or(format!("{k:?}: {v} is not a level 1-5 or a level name"))?,
                );
            }
            return Ok(ExpertiseMap(map));
        }
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (k, v) = line
                .rsplit_once('=')
                .ok_or(format!("line {}: expected `project-or-session-id = level`", i + 1))?;
            let level = parse_expertise(v).ok_or(format!(
                "line {}: {:?} is not a level 1-5 or a level name",
                i + 1,
                v.trim()
            ))?;
            map.insert(k.trim().to_owned(), level);
        }
        Ok(ExpertiseMap(map))
    }

    /// The level for a session: by id, else by project path, else by its last component.
    pub fn lookup(&self, id: &str, project: Option<&str>) -> Option<u8> {
        if self.0.is_empty() {
            return None;
        }
        self.0.get(id).copied().or_else(|| {
            let p = project?;
            let base = p.trim_end_matches('/').rsplit('/').next().unwrap_or(p);
            self.0.get(p).or_else(|| self.0.get(base)).copied()
        })
    }
}
