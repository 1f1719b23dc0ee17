//! Human execution: the files, commands and code a message dictates, in backticks or in
//! prose; runs of the user's own (a pasted shell session, "it worked"); vetoes.

use super::words::exec::*;

use super::Finding;
use super::dictated::Dictated;
use super::human_code::{dictated_code, tool_dictation};
use super::prose_commands::prose_commands;
use super::shell::{Effect, effect};
use super::text::{any_phrase, code_spans, is_code, is_command, paths};
use crate::model::{Actor, Kind};

fn changes(c: &str) -> bool {
    let lower = c.to_lowercase();
    any_phrase(&lower, CHANGE_VERBS) || CHANGE_MARKS.iter().any(|m| c.contains(m))
}

/// Files a clause names: paths, extensionless names, absolute folders.
pub fn named_files(c: &str) -> Vec<String> {
    let mut out = paths(c);
    for w in c.split(|ch: char| ch.is_whitespace() || matches!(ch, '`' | '"' | '\'' | '(' | ')' | ',')) {
        let w = w.trim_end_matches(['.', ':', ';', '!', '?']);
        let abs = w.starts_with('/') && w.matches('/').count() >= 2 && w.len() > 4 && !w.contains("//");
        if (BARE_FILES.contains(&w) || abs) && !out.iter().any(|o| o == w) {
            out.push(w.to_owned());
        }
    }
    out
}

fn words_lower(c: &str) -> Vec<String> {
    c.split_whitespace()
        .map(|w| {
            w.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '-')
                .to_lowercase()
        })
        .collect()
}

/// Reads one clause for execution the user dictated; returns whether the clause does
/// nothing else ("Run just check", "Commit the change": no planning goal beside it).
pub fn clause_exec(c: &str, next: Option<&str>, out: &mut Vec<Finding>, d: &mut Dictated) -> bool {
    let w = words_lower(c);
    let lead = w.iter().map(String::as_str).find(|x| {
        !matches!(
            *x,
            "please"
                | "now"
                | "then"
                | "and"
                | "also"
                | "just"
                | "ok"
                | "okay"
                | "so"
                | "can"
                | "you"
                | "could"
                | "let's"
                | "lets"
                | ""
        )
    });
    let mut exec_only = false;
    // The user asked for sub-agents: delegating is carrying that out.
    d.delegation |= w
        .iter()
        .any(|x| x.contains("subagent") || x.contains("sub-agent") || x == "agents");
    // Files to change.
    if changes(c) || next.is_some_and(changes) {
        for f in named_files(c) {
            let base = f.rsplit('/').next().unwrap_or(&f).to_owned();
            if out
                .iter()
                .any(|o| o.rule == "H-FILES" && o.evidence.rsplit('/').next() == Some(base.as_str()))
            {
                continue;
            }
            out.push(Finding::new(
                Actor::Human,
                Kind::Execution,
                "files",
                "H-FILES",
                format!("user named {f} to change"),
                &f,
                0.8,
            ));
        }
    }
    // "Delete all the Python source files".
    let delete_at = w
        .iter()
        .position(|x| matches!(x.as_str(), "delete" | "remove" | "drop"));
    if let Some(i) = delete_at
        && let Some(j) = w[i..].iter().take(7).position(|x| x == "files" || x == "file")
    {
        for (lang, exts) in LANGUAGES {
            if w[i..i + j].iter().any(|x| x == lang) {
                d.remove_exts.extend(exts.iter().map(|e| (*e).to_owned()));
            }
        }
        exec_only |= lead.is_some_and(|l| l == w[i]);
        let lower = c.to_lowercase();
        let from = lower
            .find(w[i].as_str())
            .filter(|f| c.is_char_boundary(*f))
            .unwrap_or(0);
        let to = lower[from..].find("file").map_or(c.len(), |t| {
            from + t + if lower[from + t..].starts_with("files") { 5 } else { 4 }
        });
        let what = if c.is_char_boundary(to) { &c[from..to] } else { c };
        out.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "files",
            "H-FILES",
            "user said which files to delete".into(),
            what,
            0.7,
        ));
    }
    // Commands in backticks or blocks.
    let (inline, _) = code_spans(c);
    for span in inline.iter().filter(|s| is_command(s)) {
        if let Effect::Change { key, .. } = effect(span) {
            d.commands.push(key);
        }
        out.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "commands",
            "H-COMMANDS",
            format!("user named the command `{span}`"),
            span,
            0.8,
        ));
    }
    // A command in backticks is already the one named; "run" around it adds nothing.
    if !inline.iter().any(|s| is_command(s)) {
        exec_only |= prose_commands(c, &w, lead, out, d);
    } else {
        exec_only |= lead.is_some_and(|l| RUN_VERBS.contains(&l));
    }
    for span in inline.iter().filter(|s| is_code(s) && !is_command(s)) {
        out.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "code",
            "H-CODE",
            "user wrote code for the agent to use".into(),
            span,
            0.6,
        ));
    }
    dictated_code(c, d, out);
    if let Some(t) = tool_dictation(&w) {
        d.tool = true;
        exec_only |= lead.is_some_and(|l| TOOL_VERBS.contains(&l));
        out.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "commands",
            "H-TOOL",
            format!("user dictated a tool action ({t})"),
            c,
            0.6,
        ));
    }
    exec_only
}
