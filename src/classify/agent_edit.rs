//! The agent's edits: one decision per file per turn, however the patch was delivered (an
//! edit tool, `apply_patch` as a tool or through a shell, a heredoc).

use serde_json::Value;

use super::Finding;
use super::agent::redacted;
use super::dictated::Dictated;
use super::shell::words;
use super::text::quote;
use crate::model::{Actor, Kind};
use crate::transcript::Call;
use crate::transcript::tools::{ToolKind, code, files, kind, patch_files};

/// `cat > FILE <<EOF`, `tee FILE <<EOF`: a whole file written through the shell.
fn heredoc_target(cmd: &str) -> Option<String> {
    let first = cmd.lines().next()?;
    if !first.contains("<<") {
        return None;
    }
    let w = words(first);
    let prog = w.first()?.as_str();
    let i = w.iter().position(|x| x == ">" || x == ">>");
    match (prog, i) {
        ("cat", Some(i)) => w.get(i + 1).cloned(),
        ("tee", _) => w
            .iter()
            .skip(1)
            .find(|x| !x.starts_with('-') && !x.starts_with("<<"))
            .cloned(),
        _ => None,
    }
}

/// Files a call changes, with whether each is written whole; `None` when it cannot be read.
pub fn edit_targets(c: &Call, cmd: Option<&str>) -> Option<Vec<(String, bool)>> {
    let patch = match &c.input {
        Value::String(p) => Some(p.as_str()),
        v => v.get("input").or(v.get("patch")).and_then(Value::as_str),
    }
    .or(cmd);
    if let Some(p) = patch.filter(|p| p.contains("*** Begin Patch")) {
        return Some(patch_files(p));
    }
    if let Some(t) = cmd.and_then(heredoc_target) {
        return Some(vec![(t, true)]);
    }
    if cmd.is_some() {
        return None;
    }
    let f = files(c);
    (!f.is_empty()).then(|| f.into_iter().map(|f| (f, kind(&c.tool) == ToolKind::Write)).collect())
}

/// One decision per file per turn; plan-mode plan files and content the user dictated are not.
pub fn edits(c: &Call, targets: Vec<(String, bool)>, d: &Dictated, written: &mut Vec<String>, out: &mut Vec<Finding>) {
    for (file, whole) in targets {
        if written.contains(&file) || file.contains("/.claude/plans/") || d.covers_edit(&file) {
            written.push(file);
            continue;
        }
        let snippet = code(c).map(|s| quote(s.lines().find(|l| !l.trim().is_empty()).unwrap_or(""), 100));
        let evidence = match snippet {
            Some(s) if !s.is_empty() && !redacted(&s) => format!("{file}: {s}"),
            _ => file.clone(),
        };
        let (rule, category, verb) = if whole {
            ("A-WRITE", "files", "wrote")
        } else {
            ("A-EDIT", "code", "edited")
        };
        out.push(Finding::new(
            Actor::Agent,
            Kind::Execution,
            category,
            rule,
            format!("agent {verb} {file}"),
            &evidence,
            0.9,
        ));
        written.push(file);
    }
}
