//! A Codex line's `payload`, reduced as it is read to the fields the reader uses.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Map, Value};

/// The payload fields the reader uses; the rest (base and developer instructions,
/// encrypted reasoning, rate limits, …, often many KB a line) is skipped unread.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Payload {
    #[serde(rename = "type")]
    ty: Option<Value>,
    id: Option<Value>,
    timestamp: Option<Value>,
    cwd: Option<Value>,
    model: Option<Value>,
    collaboration_mode: Option<Mode>,
    source: Option<Value>,
    originator: Option<Value>,
    forked_from_id: Option<Value>,
    message: Option<Value>,
    reason: Option<Value>,
    info: Option<Info>,
    role: Option<Value>,
    content: Option<Value>,
    call_id: Option<Value>,
    name: Option<Value>,
    arguments: Option<Value>,
    input: Option<Value>,
    action: Option<Value>,
    output: Option<Value>,
}

/// `collaboration_mode`: `{mode, settings}` (the settings' instructions skipped), or a string.
#[derive(Default)]
struct Mode(Option<String>);

impl<'de> Deserialize<'de> for Mode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum M {
            Name(String),
            Object {
                #[serde(default)]
                mode: Option<String>,
            },
            Other(IgnoredAny),
        }
        Ok(Mode(match M::deserialize(d)? {
            M::Name(n) => Some(n),
            M::Object { mode } => mode,
            M::Other(_) => None,
        }))
    }
}

/// `token_count` info: only the running total.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Info {
    total_token_usage: Option<Value>,
}

/// Reads a payload as a JSON object of the fields the reader uses (absent: `null`).
pub(super) fn payload<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
    let p = Payload::deserialize(d)?;
    let mut m = Map::new();
    let fields = [
        ("type", p.ty),
        ("id", p.id),
        ("timestamp", p.timestamp),
        ("cwd", p.cwd),
        ("model", p.model),
        (
            "collaboration_mode",
            p.collaboration_mode
                .and_then(|c| c.0)
                .map(|c| serde_json::json!({ "mode": c })),
        ),
        ("source", p.source),
        ("originator", p.originator),
        ("forked_from_id", p.forked_from_id),
        ("message", p.message),
        ("reason", p.reason),
        (
            "info",
            p.info
                .map(|i| serde_json::json!({ "total_token_usage": i.total_token_usage })),
        ),
        ("role", p.role),
        ("content", p.content),
        ("call_id", p.call_id),
        ("name", p.name),
        ("arguments", p.arguments),
        ("input", p.input),
        ("action", p.action),
        ("output", p.output),
    ];
    for (k, v) in fields {
        if let Some(v) = v {
            m.insert(k.into(), v);
        }
    }
    Ok(Value::Object(m))
}
