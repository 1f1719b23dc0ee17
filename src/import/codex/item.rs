//! One Codex rollout line, in the current `{timestamp, type, payload}` form or the old
//! (2025) one of bare items, and what a tool call and its output say.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Map, Value};

use crate::transcript::{Call, result_text, trim_value};

/// The fields read from a line. Old rollouts have no `payload`: the line is the item itself
/// (`{type: "message", role, content}`, `function_call`, …), or the header `{id, timestamp,
/// instructions, git}`, or `{record_type: "state"}`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Line {
    pub timestamp: Option<String>,
    #[serde(rename = "type")]
    pub ty: Option<String>,
    #[serde(deserialize_with = "super::payload::payload")]
    pub payload: Value,
    // The old form's item fields.
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    pub id: Option<String>,
    pub instructions: Option<IgnoredAny>,
    pub record_type: Option<IgnoredAny>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    role: Option<String>,
    content: Value,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    name: Option<String>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    arguments: Option<String>,
    #[serde(deserialize_with = "crate::import::lines::lenient_str")]
    call_id: Option<String>,
    output: Value,
    input: Value,
    action: Value,
}

impl Line {
    /// An old-form item line turned into the current form: `("response_item", payload)`.
    /// `None` for a current-form line (or any other line).
    pub fn old_item(&mut self) -> Option<Value> {
        let ty = self.ty.as_deref()?;
        if !self.payload.is_null() || !super::super::detect::OLD_CODEX_ITEMS.contains(&ty) {
            return None;
        }
        let mut p = Map::new();
        p.insert("type".into(), Value::String(ty.to_owned()));
        let strings = [
            ("role", self.role.take()),
            ("name", self.name.take()),
            ("arguments", self.arguments.take()),
            ("call_id", self.call_id.take()),
            ("id", self.id.take()),
        ];
        for (k, v) in strings {
            if let Some(v) = v {
                p.insert(k.into(), Value::String(v));
            }
        }
        for (k, v) in [
            ("content", &mut self.content),
            ("output", &mut self.output),
            ("input", &mut self.input),
            ("action", &mut self.action),
        ] {
            if !v.is_null() {
                p.insert(k.into(), v.take());
            }
        }
        Some(Value::Object(p))
    }
}

pub(super) fn str_of<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

/// An RFC 3339 UTC timestamp as `(seconds part, nanoseconds)`, comparable whatever its
/// number of fraction digits.
pub(super) fn ts_key(ts: &Option<String>) -> Option<(&str, u32)> {
    let ts = ts.as_deref()?;
    let secs = ts.get(..19)?;
    let frac = ts[19..].strip_prefix('.').unwrap_or("");
    let digits: String = frac.chars().take_while(char::is_ascii_digit).take(9).collect();
    let nanos = format!("{digits:0<9}").parse().ok()?;
    Some((secs, nanos))
}

/// A tool call item as a [`Call`]. A patch run through the shell (`["apply_patch", patch]`,
/// or an `apply_patch <<'EOF'` heredoc, as most edits of 2025 were) is the `apply_patch`
/// call it stands for, so that it counts as an edit of the patch's files.
pub(super) fn call_of(pty: &str, p: &Value, id: String) -> Call {
    let mut tool = match pty {
        "local_shell_call" => "local_shell".to_owned(),
        "web_search_call" => "web_search".to_owned(),
        _ => str_of(p, "name").unwrap_or("?").to_owned(),
    };
    let mut input = match pty {
        "function_call" => {
            let args = str_of(p, "arguments").unwrap_or("");
            serde_json::from_str(args).unwrap_or_else(|_| Value::String(args.to_owned()))
        }
        "custom_tool_call" => p.get("input").cloned().unwrap_or(Value::Null),
        _ => p.get("action").cloned().unwrap_or(Value::Null),
    };
    if let Some(patch) = shell_patch(&input) {
        tool = "apply_patch".to_owned();
        input = serde_json::json!({ "input": patch });
    }
    trim_value(&mut input);
    Call {
        id,
        tool,
        input,
        ..Call::default()
    }
}

/// The patch of a shell command that runs `apply_patch`, if it is one.
fn shell_patch(input: &Value) -> Option<String> {
    let parts: Vec<&str> = input
        .get("command")?
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let script = match parts.as_slice() {
        [cmd, patch] if is_apply_patch(cmd) => return Some((*patch).to_owned()),
        [_, "-lc" | "-c", script] => *script,
        _ => return None,
    };
    let script = script.trim_start();
    if !is_apply_patch(script.split_whitespace().next()?) {
        return None;
    }
    let start = script.find("*** Begin Patch")?;
    let end = script
        .find("*** End Patch")
        .map_or(script.len(), |e| e + "*** End Patch".len());
    Some(script[start..end.max(start)].to_owned())
}

fn is_apply_patch(cmd: &str) -> bool {
    matches!(cmd, "apply_patch" | "applypatch")
}

/// A tool output's text, and whether it failed (a non-zero exit code, from the older
/// rollouts' `metadata.exit_code` or from the text).
pub(super) fn output_of(v: &Value) -> (String, Option<bool>) {
    let text = match v {
        Value::String(s) => {
            // Older rollouts wrap output as a JSON string `{"output": ..., "metadata": ...}`.
            match serde_json::from_str::<Value>(s) {
                Ok(Value::Object(o)) if o.contains_key("output") => {
                    let code = o
                        .get("metadata")
                        .and_then(|m| m.get("exit_code"))
                        .and_then(Value::as_i64);
                    let text = result_text(&o["output"]);
                    let failed = code.map(|c| c != 0).or_else(|| exit_failed(&text));
                    return (text, failed);
                }
                _ => result_text(v),
            }
        }
        _ => result_text(v.get("content").unwrap_or(v)),
    };
    let failed = exit_failed(&text);
    (text, failed)
}

/// Is this tool output Codex saying the user refused the call at the approval prompt
/// (`patch rejected by user`, `exec command rejected by user`)?
pub fn is_rejection(out: &str) -> bool {
    let t = out.trim();
    t.len() < 200 && t.ends_with("rejected by user")
}

/// `Some(true)` when a shell output reports a non-zero exit code.
fn exit_failed(out: &str) -> Option<bool> {
    let i = out.find("exit code: ").or_else(|| out.find("Exit code: "))?;
    let code: String = out[i + 11..].chars().take_while(|c| c.is_ascii_digit()).collect();
    Some(code.parse::<i64>().ok()? != 0)
}
