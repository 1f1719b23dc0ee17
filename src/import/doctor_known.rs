//! The line types and content blocks leash knows, for `leash doctor`'s unknown list.

use serde_json::Value;

/// Claude Code line types (with `system/` and `attachment/` subtypes), Codex line types
/// (`type/payload.type`), old Codex forms and v1 corpus lines.
const KNOWN_LINES: &[&str] = &[
    "user",
    "assistant",
    "summary",
    "file-history-snapshot",
    "queue-operation",
    "progress",
    "ai-title",
    "custom-title",
    "last-prompt",
    "mode",
    "permission-mode",
    "pr-link",
    "bridge-session",
    "agent-name",
    "agent-color",
    "agent-setting",
    "atis-latch",
    "system/compact_boundary",
    "system/stop_hook_summary",
    "system/local_command",
    "system/turn_duration",
    "system/api_error",
    "system/away_summary",
    "system/informational",
    "system/bridge_status",
    "attachment/queued_command",
    "attachment/hook_success",
    "attachment/file",
    "attachment/skill_listing",
    "attachment/task_reminder",
    "session_meta",
    "turn_context",
    "compacted",
    "response_item/message",
    "response_item/reasoning",
    "response_item/function_call",
    "response_item/function_call_output",
    "response_item/custom_tool_call",
    "response_item/custom_tool_call_output",
    "response_item/local_shell_call",
    "response_item/web_search_call",
    "event_msg/user_message",
    "event_msg/agent_message",
    "event_msg/agent_reasoning",
    "event_msg/token_count",
    "event_msg/task_started",
    "event_msg/task_complete",
    "event_msg/turn_aborted",
    "event_msg/exec_command_end",
    "header",
    "state",
    "item/message",
    "item/reasoning",
    "item/function_call",
    "item/function_call_output",
    "item/custom_tool_call",
    "item/custom_tool_call_output",
    "item/local_shell_call",
    "item/web_search_call",
    "session",
];

/// Content blocks of both tools.
const KNOWN_BLOCKS: &[&str] = &[
    "text",
    "thinking",
    "redacted_thinking",
    "tool_use",
    "tool_result",
    "image",
    "document",
    "server_tool_use",
    "web_search_tool_result",
    "string",
    "input_text",
    "output_text",
    "input_image",
];

pub fn known_line(ty: &str) -> bool {
    KNOWN_LINES.contains(&ty)
}

pub fn known_block(b: &str) -> bool {
    KNOWN_BLOCKS.contains(&b)
}

/// The tool version a line names: Claude Code `version`, Codex `session_meta` `cli_version`.
pub fn version_of(v: &Value) -> Option<String> {
    let s = v
        .get("version")
        .or_else(|| v.pointer("/payload/cli_version"))?
        .as_str()?;
    Some(s.to_owned())
}
