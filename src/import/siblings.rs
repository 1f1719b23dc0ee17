//! The sub-agent files of Claude Code sessions, found with one listing per folder: a
//! project folder of many sessions is read in time linear in its files, not quadratic.
//!
//! Newer versions write `<session>/subagents/agent-<id>.jsonl` (with `agent-<id>.meta.json`,
//! and workflow runs under `subagents/workflows/<run>/`); older ones `agent-<id>.jsonl`
//! beside the sessions, each naming its session in its lines' `sessionId`.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::claude::Line;
use super::lines::JsonLines;
use super::subagents::{is_agent_file, is_compaction_agent};

/// Where a sub-agent file was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `<session>/subagents/` (the workflow run's id when under `workflows/<run>/`).
    Subagents(Option<String>),
    /// Beside the sessions.
    Legacy,
}

/// Legacy sub-agent files of some folders, by folder and the session they name.
#[derive(Debug, Default)]
pub struct Siblings {
    legacy: HashMap<(PathBuf, String), Vec<PathBuf>>,
}

impl Siblings {
    /// Lists each folder once and reads the first lines of each legacy sub-agent file in it.
    pub fn scan<'a>(dirs: impl IntoIterator<Item = &'a Path>) -> Siblings {
        let mut dirs: Vec<&Path> = dirs.into_iter().collect();
        dirs.sort();
        dirs.dedup();
        let files: Vec<PathBuf> = dirs
            .iter()
            .filter_map(|d| std::fs::read_dir(d).ok())
            .flat_map(|rd| rd.flatten().map(|e| e.path()))
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(wanted))
            .collect();
        let named: Vec<(PathBuf, Option<String>)> = files
            .into_par_iter()
            .map(|p| {
                let id = peek_session_id(&p);
                (p, id)
            })
            .collect();
        let mut legacy: HashMap<(PathBuf, String), Vec<PathBuf>> = HashMap::new();
        for (p, id) in named {
            if let (Some(dir), Some(id)) = (p.parent(), id) {
                legacy.entry((dir.to_path_buf(), id)).or_default().push(p);
            }
        }
        Siblings { legacy }
    }

    /// Every legacy sub-agent file found, by folder and the session it names.
    pub fn legacy(&self) -> impl Iterator<Item = (&(PathBuf, String), &Vec<PathBuf>)> {
        self.legacy.iter()
    }

    /// The sub-agent files that may belong to the session read from `file` whose id is
    /// `id`, sorted: its `subagents/` folders (by file name and by id) and the legacy files
    /// beside it that name `id`.
    pub fn files_for(&self, file: &Path, id: &str) -> Vec<(PathBuf, Place)> {
        let dir = file.parent().unwrap_or(Path::new("."));
        let stem = super::detect::stem(file);
        let mut out = Vec::new();
        for name in [stem.as_str(), id] {
            list_subagents(&dir.join(name).join("subagents"), None, &mut out);
            if stem == id {
                break;
            }
        }
        if let Some(l) = self.legacy.get(&(dir.to_path_buf(), id.to_owned())) {
            out.extend(l.iter().map(|p| (p.clone(), Place::Legacy)));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out.dedup_by(|a, b| a.0 == b.0);
        out
    }
}

fn wanted(name: &str) -> bool {
    is_agent_file(name) && !is_compaction_agent(name)
}

/// The agent files under a `subagents/` folder, and under its `workflows/<run>/` folders.
fn list_subagents(dir: &Path, workflow: Option<&str>, out: &mut Vec<(PathBuf, Place)>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name();
        let name = name.to_string_lossy();
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            if workflow.is_none() && name == "workflows" {
                for run in std::fs::read_dir(&p).into_iter().flatten().flatten() {
                    let id = run.file_name().to_string_lossy().into_owned();
                    list_subagents(&run.path(), Some(&id), out);
                }
            }
        } else if wanted(&name) {
            out.push((p, Place::Subagents(workflow.map(str::to_owned))));
        }
    }
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
