//! What a tool call does, across both tools' names: its kind, target, command, files.

use serde_json::Value;

use super::Call;
use crate::model::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolKind {
    /// Changes part of an existing file (Edit, MultiEdit, NotebookEdit, apply_patch updates).
    Edit,
    /// Creates or replaces a whole file (Write, apply_patch adds).
    Write,
    /// Runs a shell command (Bash, exec_command, shell, local_shell).
    Shell,
    /// Reads or searches: gathers information, changes nothing.
    Look,
    /// ExitPlanMode.
    Plan,
    /// TodoWrite, TaskCreate, TaskUpdate, update_plan.
    Todo,
    /// AskUserQuestion.
    Ask,
    /// Task / Agent: starts a sub-agent.
    SubAgent,
    Other,
}

pub fn kind(tool: &str) -> ToolKind {
    match tool {
        "Edit" | "MultiEdit" | "NotebookEdit" | "str_replace_based_edit_tool" => ToolKind::Edit,
        "apply_patch" => ToolKind::Edit,
        "Write" => ToolKind::Write,
        "Bash" | "exec_command" | "shell" | "local_shell" | "container.exec" | "shell_command" => ToolKind::Shell,
        "Read" | "Glob" | "Grep" | "LS" | "WebSearch" | "WebFetch" | "NotebookRead" | "BashOutput" | "web_search"
        | "view_image" | "read_file" | "list_dir" | "grep_files" => ToolKind::Look,
        "ExitPlanMode" => ToolKind::Plan,
        "TodoWrite" | "TaskCreate" | "TaskUpdate" | "update_plan" => ToolKind::Todo,
        "AskUserQuestion" => ToolKind::Ask,
        "Task" | "Agent" => ToolKind::SubAgent,
        _ => ToolKind::Other,
    }
}

fn s<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

/// The shell command of a call, as one string.
pub fn command(call: &Call) -> Option<String> {
    let i = &call.input;
    for k in ["command", "cmd"] {
        match i.get(k) {
            Some(Value::String(c)) => return Some(c.clone()),
            Some(Value::Array(a)) => {
                let parts: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
                // `["bash", "-lc", "cargo test"]`, `["powershell.exe", "-NoProfile", "-Command",
                // "Get-ChildItem"]`: a shell given a command line runs that line, whole.
                let shell = parts.first().map(|p| {
                    let name = p.rsplit(['/', '\\']).next().unwrap_or(p).to_ascii_lowercase();
                    name.trim_end_matches(".exe").to_owned()
                });
                let runs =
                    |f: &str| matches!(f, "-c" | "-lc" | "-ic" | "/c" | "/C") || f.eq_ignore_ascii_case("-command");
                if shell.is_some_and(|s| {
                    matches!(
                        s.as_str(),
                        "bash" | "sh" | "zsh" | "dash" | "pwsh" | "powershell" | "cmd"
                    )
                }) && let Some(at) = parts.iter().position(|p| runs(p)).filter(|&at| at + 1 < parts.len())
                {
                    return Some(parts[at + 1..].join(" "));
                }
                return Some(parts.join(" "));
            }
            _ => {}
        }
    }
    None
}

/// Files a call changes: `file_path`/`path`/`notebook_path`, or the files of a patch.
pub fn files(call: &Call) -> Vec<String> {
    let i = &call.input;
    if let Some(p) = s(i, "file_path").or(s(i, "notebook_path")).or(s(i, "path")) {
        return vec![p.to_owned()];
    }
    let patch = match i {
        Value::String(p) => Some(p.as_str()),
        _ => s(i, "input").or(s(i, "patch")),
    };
    patch
        .map(patch_files)
        .unwrap_or_default()
        .into_iter()
        .map(|(f, _)| f)
        .collect()
}

/// The files of an apply_patch body, with whether each is added (a new file).
pub fn patch_files(patch: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for line in patch.lines() {
        for (prefix, added) in [
            ("*** Add File: ", true),
            ("*** Update File: ", false),
            ("*** Delete File: ", false),
        ] {
            if let Some(f) = line.strip_prefix(prefix) {
                out.push((f.trim().to_owned(), added));
            }
        }
    }
    out
}

/// The code a call writes: `content`, `new_string`, the edits' new strings, or a patch.
pub fn code(call: &Call) -> Option<String> {
    let i = &call.input;
    if let Some(c) = s(i, "content").or(s(i, "new_string")).or(s(i, "new_source")) {
        return Some(c.to_owned());
    }
    if let Some(edits) = i.get("edits").and_then(Value::as_array) {
        let parts: Vec<&str> = edits.iter().filter_map(|e| s(e, "new_string")).collect();
        return Some(parts.join("\n"));
    }
    let text = match i {
        Value::String(p) => Some(p.as_str()),
        _ => s(i, "input"),
    }?;
    if !text.trim_start().starts_with("*** Begin Patch") {
        return Some(text.to_owned());
    }
    // A patch: the lines it adds.
    let added: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix('+')).collect();
    Some(added.join("\n"))
}

/// The v1 action of a call.
pub fn action(call: &Call) -> Action {
    let i = &call.input;
    let target = match kind(&call.tool) {
        ToolKind::Shell => command(call),
        ToolKind::Edit | ToolKind::Write => files(call).first().cloned(),
        _ => None,
    }
    .or_else(|| {
        [
            "file_path",
            "path",
            "pattern",
            "query",
            "url",
            "description",
            "command",
            "cmd",
        ]
        .iter()
        .find_map(|k| s(i, k).map(str::to_owned))
    })
    .map(|t| super::truncate(&t, 300).to_owned());
    Action {
        tool: call.tool.clone(),
        target,
        ok: call.is_error.map(|e| !e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmd(input: Value) -> Option<String> {
        command(&Call {
            input,
            ..Call::default()
        })
    }

    #[test]
    fn a_shell_given_a_line_runs_the_line() {
        use serde_json::json;
        assert_eq!(cmd(json!({"cmd": "cargo test"})).as_deref(), Some("cargo test"));
        assert_eq!(
            cmd(json!({"command": ["bash", "-lc", "cargo test -q"]})).as_deref(),
            Some("cargo test -q")
        );
        assert_eq!(
            cmd(json!({"command": ["/bin/zsh", "-c", "ls -la"]})).as_deref(),
            Some("ls -la")
        );
        assert_eq!(
            cmd(json!({"command": ["powershell.exe", "-NoProfile", "-Command", "Get-ChildItem src"]})).as_deref(),
            Some("Get-ChildItem src")
        );
        assert_eq!(
            cmd(json!({"command": ["cmd.exe", "/c", "dir"]})).as_deref(),
            Some("dir")
        );
        // Not a shell: `-c` is the program's own flag.
        assert_eq!(
            cmd(json!({"command": ["grep", "-c", "fn", "a.rs"]})).as_deref(),
            Some("grep -c fn a.rs")
        );
    }
}
