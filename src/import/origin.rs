//! Who ran a session: the interactive CLI, an IDE extension, the SDK or a headless run, or
//! a background fork. The study leash reproduces counted interactive CLI sessions only.

use serde_json::Value;

/// The interactive terminal.
pub const CLI: &str = "cli";
/// An IDE extension or a desktop app.
pub const IDE: &str = "ide";
/// The SDK, `claude -p`, `codex exec`, an MCP server: no person at the keyboard.
pub const SDK: &str = "sdk";
/// A background or forked session.
pub const FORK: &str = "fork";

/// Every origin, in the order reports list them.
pub const ALL: &[&str] = &[CLI, IDE, SDK, FORK];

/// What `--origin` accepts: the origins, `unknown` (the file did not say) and `all`.
pub const CHOICES: &[&str] = &[CLI, IDE, SDK, FORK, "unknown", "all"];

/// A Claude Code `entrypoint` value as an origin: `cli` is the terminal; `sdk-*` (and
/// `sdk`, `headless`, `print`) the SDK or `claude -p`; any other value an IDE or app
/// integration (`claude-vscode`, `claude-desktop`, …).
pub fn claude_entrypoint(entrypoint: &str) -> &'static str {
    match entrypoint {
        "cli" => CLI,
        e if e.starts_with("sdk") || matches!(e, "headless" | "print" | "github-action") => SDK,
        _ => IDE,
    }
}

/// A Codex session's origin from its first `session_meta`: a fork (`forked_from_id`, or a
/// `source` naming a sub-agent), else `source` (`cli`, `vscode`, `exec`, `mcp`), else
/// `originator` (`codex_cli_rs`, `codex_vscode`, `codex_exec`, …).
pub fn codex(meta: &Value) -> Option<&'static str> {
    if meta.get("forked_from_id").is_some_and(|f| !f.is_null()) || meta.pointer("/source/subagent").is_some() {
        return Some(FORK);
    }
    let by_source = match meta.get("source").and_then(Value::as_str) {
        Some("cli") => Some(CLI),
        Some("vscode" | "ide" | "desktop") => Some(IDE),
        Some("exec" | "mcp" | "sdk") => Some(SDK),
        _ => None,
    };
    by_source.or_else(|| {
        let o = meta.get("originator").and_then(Value::as_str)?.to_ascii_lowercase();
        Some(if o.contains("exec") || o.contains("sdk") || o.contains("mcp") {
            SDK
        } else if o.contains("vscode") || o.contains("desktop") || o.contains("ide") || o.contains("jetbrains") {
            IDE
        } else {
            CLI
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn origins_from_each_tool_s_fields() {
        assert_eq!(claude_entrypoint("cli"), CLI);
        assert_eq!(claude_entrypoint("sdk-cli"), SDK);
        assert_eq!(claude_entrypoint("sdk-ts"), SDK);
        assert_eq!(claude_entrypoint("claude-vscode"), IDE);
        assert_eq!(
            codex(&json!({"source": "cli", "originator": "codex_cli_rs"})),
            Some(CLI)
        );
        assert_eq!(
            codex(&json!({"source": "vscode", "originator": "Codex Desktop"})),
            Some(IDE)
        );
        assert_eq!(codex(&json!({"originator": "codex_vscode"})), Some(IDE));
        assert_eq!(codex(&json!({"source": "exec"})), Some(SDK));
        assert_eq!(codex(&json!({"source": "cli", "forked_from_id": "x"})), Some(FORK));
        assert_eq!(codex(&json!({"id": "x"})), None);
    }
}
