//! Code and tool actions the user dictated: a signature written out, content in quotes, a
//! memory or task entry.

use super::Finding;
use super::dictated::Dictated;
use super::human_exec::named_files;
use super::text::any_phrase;
use super::words::exec::*;
use crate::model::{Actor, Kind};

/// A signature written out ("multiply(a: int, b: int) -> int"), or content dictated in
/// quotes ("change the text to 'done'").
pub fn dictated_code(c: &str, d: &mut Dictated, out: &mut Vec<Finding>) {
    for (i, _) in c.match_indices('(') {
        let name_start = c[..i]
            .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
            .map_or(0, |s| s + 1);
        let name = &c[name_start..i];
        let Some(close) = c[i..].find(')') else { continue };
        let inside = &c[i + 1..i + close];
        let after = c[i + close + 1..].trim_start();
        let typed = inside.contains(':') || after.starts_with("->") || after.starts_with(':');
        if name.len() >= 2 && !c[..name_start].ends_with('`') && typed && !inside.contains('(') {
            let end = if let Some(rest) = after.strip_prefix("->") {
                let rest = rest.trim_start();
                let t = rest
                    .find(|ch: char| ch.is_whitespace() || ch == ',')
                    .unwrap_or(rest.len());
                c.len() - rest.len() + t
            } else {
                i + close + 1
            };
            out.push(Finding::new(
                Actor::Human,
                Kind::Execution,
                "code",
                "H-CODE",
                format!("user dictated the signature of {name}"),
                &c[name_start..end],
                0.8,
            ));
            return;
        }
    }
    let l = c.to_lowercase();
    let verb = any_phrase(
        &l,
        &["change", "set", "replace", "update", "rename", "make it say", "write"],
    );
    for q in ['"', '\'', '“'] {
        let close = if q == '“' { '”' } else { q };
        let Some(open) = c.find(q) else { continue };
        let Some(len) = c[open + q.len_utf8()..].find(close) else {
            continue;
        };
        let before = l[..open].trim_end();
        let literal = &c[open..open + q.len_utf8() + len + close.len_utf8()];
        if verb
            && (before.ends_with(" to")
                || before.ends_with(" with")
                || before.ends_with("say")
                || before.ends_with("says")
                || before.ends_with("content"))
        {
            d.content_files.extend(
                named_files(c)
                    .into_iter()
                    .map(|f| f.rsplit('/').next().unwrap_or(&f).to_owned()),
            );
            out.push(Finding::new(
                Actor::Human,
                Kind::Execution,
                "code",
                "H-CODE",
                "user dictated the content".into(),
                literal,
                0.8,
            ));
            return;
        }
    }
}

/// "note this in memory", "add it as a task", "open an issue for it".
pub fn tool_dictation(w: &[String]) -> Option<&'static str> {
    let verbs = TOOL_VERBS;
    let targets: &[(&[&str], &str)] = &[
        (&["memory", "memories"], "memory"),
        (&["task", "tasks", "todo", "to-do", "todos"], "task"),
        (&["issue", "ticket", "tracker", "backlog"], "tracker"),
    ];
    let v = w.iter().position(|x| verbs.contains(&x.as_str()))?;
    let window = &w[v + 1..w.len().min(v + 7)];
    let prep = window
        .iter()
        .position(|x| matches!(x.as_str(), "in" | "to" | "into" | "as" | "a" | "an"))?;
    targets
        .iter()
        .find(|(names, _)| window[prep..].iter().any(|x| names.contains(&x.as_str())))
        .map(|(_, t)| *t)
}
