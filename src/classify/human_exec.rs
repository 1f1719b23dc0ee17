//! Human execution: the files, commands and code a message dictates, in backticks or in
//! prose; runs of the user's own (a pasted shell session, "it worked"); vetoes.

use super::Finding;
use super::dictated::{Dictated, LANGUAGES};
use super::human::human;
use super::prose::{Prompt, Role, role};
use super::shell::{Effect, effect};
use super::text::{code_spans, has_phrase, is_code, is_command, paths};
use crate::model::{Kind};
use crate::transcript::tools::{ToolKind, command, files, kind};
use crate::transcript::RawTurn;

/// Verbs that make a named file one to change, not only to read.
const CHANGE_VERBS: &[&str] = &[
    "add", "change", "update", "edit", "modify", "fix", "write", "create", "delete", "remove", "rename", "move",
    "keep", "refactor", "replace", "rewrite", "implement", "append", "insert", "put", "save", "generate", "import",
    "copy", "patch", "document", "clean", "convert", "port", "migrate", "init", "initialize", "touch", "overwrite",
    "amend", "extend", "split", "called", "named", "set up", "bump", "adjust", "tweak",
];
/// The same in Japanese, Chinese and a few other scripts, matched as substrings.
const CHANGE_MARKS: &[&str] = &["更新", "アップデート", "修正", "追加", "作成", "削除", "変更", "編集", "書き", "新建", "修改", "删除", "添加"];

/// Files people name without an extension.
const BARE_FILES: &[&str] = &[
    "Justfile", "justfile", "Makefile", "makefile", "Dockerfile", "Containerfile", "Gemfile", "Rakefile", "Procfile",
    "Vagrantfile", "Jenkinsfile", "Brewfile", "Podfile", "Caddyfile", "Taskfile", "README", "LICENSE", "CHANGELOG",
    "CODEOWNERS", ".gitignore", ".env", ".dockerignore", ".editorconfig", ".npmrc", ".bashrc", ".zshrc",
];
/// Verbs by which a message dictates a tool action ("note this in memory").
const TOOL_VERBS: &[&str] = &["note", "save", "store", "remember", "record", "add", "put", "create", "file", "open", "log"];
/// Verbs by which a message dictates a run.
const RUN_VERBS: &[&str] = &["run", "rerun", "re-run", "execute", "exec", "invoke", "launch"];

fn changes(c: &str) -> bool {
    CHANGE_VERBS.iter().any(|v| has_phrase(c, v)) || CHANGE_MARKS.iter().any(|m| c.contains(m))
}

/// Files a clause names: paths, extensionless names, absolute folders.
fn named_files(c: &str) -> Vec<String> {
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
    c.split_whitespace().map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '-').to_lowercase()).collect()
}

/// Reads one clause for execution the user dictated; returns whether the clause does
/// nothing else ("Run just check", "Commit the change": no planning goal beside it).
pub fn clause_exec(c: &str, next: Option<&str>, out: &mut Vec<Finding>, d: &mut Dictated) -> bool {
    let w = words_lower(c);
    let lead = w.iter().map(String::as_str).find(|x| !matches!(*x, "please" | "now" | "then" | "and" | "also" | "just" | "ok" | "so" | "can" | "you" | "could" | ""));
    let mut exec_only = false;
    // The user asked for sub-agents: delegating is carrying that out.
    d.delegation |= w.iter().any(|x| x.contains("subagent") || x.contains("sub-agent") || x == "agents");
    // Files to change.
    if changes(c) || next.is_some_and(changes) {
        for f in named_files(c) {
            let base = f.rsplit('/').next().unwrap_or(&f).to_owned();
            if out.iter().any(|o| o.rule == "H-FILES" && o.evidence.rsplit('/').next() == Some(base.as_str())) {
                continue;
            }
            out.push(human(Kind::Execution, "files", "H-FILES", format!("user named {f} to change"), &f, 0.8));
        }
    }
    // "Delete all the Python source files".
    let delete_at = w.iter().position(|x| matches!(x.as_str(), "delete" | "remove" | "drop"));
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
        let from = lower.find(w[i].as_str()).filter(|f| c.is_char_boundary(*f)).unwrap_or(0);
        let to = lower[from..].find("file").map_or(c.len(), |t| from + t + if lower[from + t..].starts_with("files") { 5 } else { 4 });
        let what = if c.is_char_boundary(to) { &c[from..to] } else { c };
        out.push(human(Kind::Execution, "files", "H-FILES", "user said which files to delete".into(), what, 0.7));
    }
    // Commands in backticks or blocks.
    let (inline, _) = code_spans(c);
    for span in inline.iter().filter(|s| is_command(s)) {
        if let Effect::Change { key, .. } = effect(span) {
            d.commands.push(key);
        }
        out.push(human(Kind::Execution, "commands", "H-COMMANDS", format!("user named the command `{span}`"), span, 0.8));
    }
    // A command in backticks is already the one named; "run" around it adds nothing.
    if !inline.iter().any(|s| is_command(s)) {
        exec_only |= prose_commands(c, &w, lead, out, d);
    } else {
        exec_only |= lead.is_some_and(|l| RUN_VERBS.contains(&l));
    }
    for span in inline.iter().filter(|s| is_code(s) && !is_command(s)) {
        out.push(human(Kind::Execution, "code", "H-CODE", "user wrote code for the agent to use".into(), span, 0.6));
    }
    dictated_code(c, d, out);
    if let Some(t) = tool_dictation(&w) {
        d.tool = true;
        exec_only |= lead.is_some_and(|l| TOOL_VERBS.contains(&l));
        out.push(human(Kind::Execution, "commands", "H-TOOL", format!("user dictated a tool action ({t})"), c, 0.6));
    }
    exec_only
}

/// "Run just check", "and run it", "commit the change", "install jq": commands in prose.
fn prose_commands(c: &str, w: &[String], lead: Option<&str>, out: &mut Vec<Finding>, d: &mut Dictated) -> bool {
    let lower = c.to_lowercase();
    for (i, v) in w.iter().enumerate() {
        let obj: Vec<&str> = w[i + 1..].iter().map(String::as_str).take_while(|x| !matches!(*x, "to" | "and" | "so" | "if" | "when" | "in" | "until")).collect();
        // "update it to run the tests" says what something is for, "why won't you run it?"
        // challenges: neither dictates a run.
        let purpose = i > 0 && w[i - 1] == "to" && !(i > 1 && matches!(w[i - 2].as_str(), "need" | "have" | "you" | "sure" | "remember" | "forget"));
        let (summary, key) = if RUN_VERBS.contains(&v.as_str()) && !obj.is_empty() && !purpose && lead != Some("why") {
            if obj.iter().any(|x| x.contains("agent")) {
                continue;
            }
            match obj[0] {
                "it" | "them" | "this" | "that" => {
                    d.run_it = true;
                    ("user asked to run it".to_owned(), None)
                }
                "the" | "all" | "tests" | "test" if obj.iter().any(|x| x.starts_with("test") || *x == "suite" || *x == "checks") => {
                    d.tests = true;
                    ("user asked to run the tests".to_owned(), None)
                }
                _ => {
                    let cmd = obj.join(" ");
                    let key = match effect(&cmd) { Effect::Change { key, .. } => key, Effect::Read => cmd.clone() };
                    (format!("user named the command {cmd:?}"), Some(key))
                }
            }
        } else if matches!(v.as_str(), "commit" | "push") && (lead == Some(v.as_str()) || i > 0 && matches!(w[i - 1].as_str(), "and" | "then" | "please" | "also")) {
            (format!("user asked to {v}"), Some(format!("git {v}")))
        } else if v == "install" && lead == Some("install") {
            ("user asked to install".to_owned(), Some("install".to_owned()))
        } else {
            continue;
        };
        if let Some(k) = key {
            d.commands.push(k);
        }
        let at = lower.find(v.as_str()).unwrap_or(0);
        let evidence = &c[at.min(c.len())..];
        let evidence = if c.is_char_boundary(at) { evidence } else { c };
        out.push(human(Kind::Execution, "commands", "H-COMMANDS", summary, evidence, 0.7));
        return lead == Some(v.as_str());
    }
    false
}

/// A signature written out ("multiply(a: int, b: int) -> int"), or content dictated in
/// quotes ("change the text to 'done'").
fn dictated_code(c: &str, d: &mut Dictated, out: &mut Vec<Finding>) {
    for (i, _) in c.match_indices('(') {
        let name_start = c[..i].rfind(|ch: char| !(ch.is_alphanumeric() || ch == '_')).map_or(0, |s| s + 1);
        let name = &c[name_start..i];
        let Some(close) = c[i..].find(')') else { continue };
        let inside = &c[i + 1..i + close];
        let after = c[i + close + 1..].trim_start();
        let typed = inside.contains(':') || after.starts_with("->") || after.starts_with(':');
        if name.len() >= 2 && !c[..name_start].ends_with('`') && typed && !inside.contains('(') {
            let end = if after.starts_with("->") {
                let rest = &after[2..].trim_start();
                let t = rest.find(|ch: char| ch.is_whitespace() || ch == ',').unwrap_or(rest.len());
                c.len() - rest.len() + t
            } else {
                i + close + 1
            };
            out.push(human(Kind::Execution, "code", "H-CODE", format!("user dictated the signature of {name}"), &c[name_start..end], 0.8));
            return;
        }
    }
    let l = c.to_lowercase();
    let verb = ["change", "set", "replace", "update", "rename", "make it say", "write"].iter().any(|v| has_phrase(&l, v));
    for q in ['"', '\'', '“'] {
        let close = if q == '“' { '”' } else { q };
        let Some(open) = c.find(q) else { continue };
        let Some(len) = c[open + q.len_utf8()..].find(close) else { continue };
        let before = l[..open].trim_end();
        let literal = &c[open..open + q.len_utf8() + len + close.len_utf8()];
        if verb && (before.ends_with(" to") || before.ends_with(" with") || before.ends_with("say") || before.ends_with("says") || before.ends_with("content")) {
            d.content_files.extend(named_files(c).into_iter().map(|f| f.rsplit('/').next().unwrap_or(&f).to_owned()));
            out.push(human(Kind::Execution, "code", "H-CODE", "user dictated the content".into(), literal, 0.8));
            return;
        }
    }
}

/// "note this in memory", "add it as a task", "open an issue for it".
fn tool_dictation(w: &[String]) -> Option<&'static str> {
    let verbs = TOOL_VERBS;
    let targets: &[(&[&str], &str)] = &[
        (&["memory", "memories"], "memory"),
        (&["task", "tasks", "todo", "to-do", "todos"], "task"),
        (&["issue", "ticket", "tracker", "backlog"], "tracker"),
    ];
    let v = w.iter().position(|x| verbs.contains(&x.as_str()))?;
    let window = &w[v + 1..w.len().min(v + 7)];
    let prep = window.iter().position(|x| matches!(x.as_str(), "in" | "to" | "into" | "as" | "a" | "an"))?;
    targets
        .iter()
        .find(|(names, _)| window[prep..].iter().any(|x| names.contains(&x.as_str())))
        .map(|(_, t)| *t)
}

/// The user ran commands themselves: a pasted shell session, or a report of a run.
pub fn pasted_or_reported(p: &Prompt, out: &mut Vec<Finding>) {
    if !p.pasted_commands.is_empty() {
        let cmds: Vec<&str> = p.pasted_commands.iter().map(String::as_str).take(3).collect();
        let summary = format!("user ran {} command(s) themselves and pasted the output", p.pasted_commands.len());
        out.push(human(Kind::Execution, "commands", "H-RAN", summary, &cmds.join("; "), 0.8));
    } else if let Some(c) = p.clauses.iter().find(|c| role(c) == Role::Report) {
        out.push(human(Kind::Execution, "commands", "H-RAN", "user reports a run of their own".into(), c, 0.6));
    }
}

/// The user refused a call, or interrupted one that was changing something: a veto.
pub fn vetoes(turn: &RawTurn, out: &mut Vec<Finding>) {
    for c in turn.calls.iter().filter(|c| c.rejected) {
        let (k, category, what) = match kind(&c.tool) {
            ToolKind::Plan => (Kind::Planning, "approach", "the agent's plan".to_owned()),
            ToolKind::Shell => (Kind::Execution, "commands", command(c).unwrap_or_else(|| c.tool.clone())),
            _ => (Kind::Execution, "files", files(c).first().cloned().unwrap_or_else(|| c.tool.clone())),
        };
        out.push(human(k, category, "H-VETO", format!("user rejected {}", super::text::quote(&what, 60)), &what, 0.9));
    }
    let last = turn.calls.last().filter(|c| !c.rejected && turn.interrupted);
    if let Some(c) = last {
        let changing = match kind(&c.tool) {
            ToolKind::Edit | ToolKind::Write => true,
            ToolKind::Shell => command(c).is_some_and(|cmd| effect(&cmd) != Effect::Read),
            _ => false,
        };
        if changing {
            let what = command(c).or_else(|| files(c).first().cloned()).unwrap_or_else(|| c.tool.clone());
            out.push(human(Kind::Execution, "commands", "H-INTERRUPT", "user interrupted the agent's change".into(), &what, 0.7));
        }
    }
}
