//! What the human dictated in a turn, so that the agent carrying it out is not counted as
//! the agent's decision: "When the agent carries out a command or edit that the user fully
//! dictated, the decision is the user's" (the guidelines).

use super::shell::{Effect, effect, parts, words};

#[derive(Debug, Default, Clone)]
pub struct Dictated {
    /// Purpose keys of commands the user named (`just check`, `git commit`, `install`).
    pub commands: Vec<String>,
    /// "run it": running what the agent just wrote is the user's.
    pub run_it: bool,
    /// "run the tests": the agent's test runs are the user's.
    pub tests: bool,
    /// Extensions of files the user said to delete ("delete the Python files" → `py`).
    pub remove_exts: Vec<String>,
    /// Files whose whole new content the user dictated.
    pub content_files: Vec<String>,
    /// The user asked for sub-agents: the agent's delegations carry that out.
    pub delegation: bool,
    /// The user dictated a task or memory entry: the agent's to-do items carry that out.
    pub tool: bool,
}

fn is_test_key(key: &str) -> bool {
    ["test", "pytest", "jest", "vitest", "mocha", "rspec", "check", "nextest"]
        .iter()
        .any(|t| key.contains(t))
}

impl Dictated {
    /// Whether a shell command carries out what the user dictated. `written` are the files the
    /// agent wrote or edited so far in the session, earlier turns' and this one's ("run it"
    /// runs one of them).
    pub fn covers_command(&self, key: &str, cmd: &str, written: [&[String]; 2]) -> bool {
        // Staging the changes is part of the commit the user asked for.
        let part_of = |k: &str| k == "git commit" && (key.starts_with("git commit") || key == "git add");
        if self.commands.iter().any(|k| k == key || part_of(k)) {
            return true;
        }
        if self.tests && is_test_key(key) {
            return true;
        }
        let names = || {
            written
                .iter()
                .flat_map(|w| w.iter())
                .map(|w| w.rsplit('/').next().unwrap_or(w))
        };
        if self.run_it
            && parts(cmd).iter().any(|p| {
                words(p)
                    .iter()
                    .any(|w| names().any(|n| !n.is_empty() && w.ends_with(n)))
            })
        {
            return true;
        }
        if key == "remove" && !self.remove_exts.is_empty() {
            let targets: Vec<String> = parts(cmd)
                .iter()
                .filter(|p| matches!(effect(p), Effect::Change { ref key, .. } if key == "remove"))
                .flat_map(|p| words(p).into_iter().skip(1).filter(|w| !w.starts_with('-')))
                .collect();
            return !targets.is_empty()
                && targets.iter().all(|t| {
                    let ext = t.rsplit_once('.').map_or("", |(_, e)| e);
                    self.remove_exts.iter().any(|e| e == ext) || t.ends_with('/') || !t.contains('.')
                });
        }
        false
    }

    /// Whether an edit of `file` writes content the user dictated.
    pub fn covers_edit(&self, file: &str) -> bool {
        self.content_files
            .iter()
            .any(|f| file == f || file.ends_with(&format!("/{f}")))
    }
}
