//! Reading a prompt as a person does: set aside what was pasted (shell sessions, logs, stack
//! traces, code blocks), cut the rest into clauses, and tell what each clause does.

use super::words::prose::*;

use super::text::{any_phrase, sentences};

/// What a clause of a prompt does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// "Thanks!", "sorry to interrupt", "this is what I got".
    Filler,
    /// A question about where things stand ("did you push?", "are they still running?").
    Status,
    /// A question that is neither a request nor a status check ("is there supposed to be a
    /// json file?"): the user asks, the agent answers, nothing is decided.
    Clarification,
    /// The user reports a run of their own ("it worked!", "still no").
    Report,
    /// A request for work or analysis: an imperative, a wish, a question that asks for work.
    Directive,
    /// Anything else: what the user observed, explained or described.
    Context,
}

/// A prompt with its pasted parts set aside.
#[derive(Debug, Default)]
pub struct Prompt<'a> {
    /// The user's own words, clause by clause.
    pub clauses: Vec<&'a str>,
    /// Commands of pasted shell sessions (`user@host:~/app$ cargo test`, `$ make`).
    pub pasted_commands: Vec<String>,
    /// Fenced code blocks that are not logs.
    pub code_blocks: Vec<&'a str>,
}

/// Words that open a shell prompt line: `user@host:/path$ cmd`, `(venv) u@h:~$ cmd`, `$ cmd`.
pub fn shell_prompt_command(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let t = if t.starts_with('(') {
        t.split_once(") ").map_or(t, |(_, r)| r)
    } else {
        t
    };
    if let Some(rest) = t.strip_prefix("$ ").or_else(|| t.strip_prefix("% ")) {
        return Some(rest.trim()).filter(|r| !r.is_empty());
    }
    let (head, rest) = t.split_once("$ ").or_else(|| t.split_once("# "))?;
    let looks =
        head.contains('@') && !head.contains(' ') || head.ends_with(':') || head.contains(":~") || head.contains(":/");
    (looks && !head.is_empty())
        .then(|| rest.trim())
        .filter(|r| !r.is_empty())
}

/// A line that is output or a log, not the user's prose.
fn is_log_line(line: &str) -> bool {
    let t = line.trim();
    let starts = [
        "Traceback (most recent call last)",
        "File \"",
        "at ",
        "error[",
        "error:",
        "Error:",
        "warning:",
        "WARN",
        "ERROR",
        "INFO",
        "DEBUG",
        "panicked at",
        "thread '",
        "npm ERR!",
        "FAILED",
        "PASSED",
        "E   ",
        ">>>",
        "--> ",
        "|",
        "Caused by",
        "Exception",
        "    at ",
        "  File ",
    ];
    starts.iter().any(|s| t.starts_with(s))
        || t.len() > 12 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit) && t.as_bytes()[4] == b'-'
        || is_exception(t)
        || t.starts_with('{') && t.ends_with('}')
        || t.starts_with('[') && t.contains("] ")
}

/// `ValueError: …`, `java.lang.IllegalStateException …`.
fn is_exception(t: &str) -> bool {
    t.split([':', ' '])
        .next()
        .is_some_and(|w| w.len() > 5 && (w.ends_with("Error") || w.ends_with("Exception")))
}

/// Cuts a prompt into clauses of the user's own words and the pasted parts.
pub fn read(prompt: &str) -> Prompt<'_> {
    let mut p = Prompt::default();
    let mut in_fence = false;
    let mut fence_start = 0;
    let mut in_paste = false;
    let mut in_trace = false;
    let mut offset = 0;
    let mut own: Vec<(usize, usize)> = Vec::new();
    for line in prompt.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let t = line.trim();
        if t.starts_with("```") {
            if in_fence {
                let body = prompt[fence_start..start].trim();
                if !body.lines().any(is_log_line) && shell_prompt_command(body.lines().next().unwrap_or("")).is_none() {
                    p.code_blocks.push(body);
                } else {
                    p.pasted_commands
                        .extend(body.lines().filter_map(shell_prompt_command).map(str::to_owned));
                }
            } else {
                fence_start = start + line.len();
            }
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if let Some(cmd) = shell_prompt_command(line) {
            p.pasted_commands.push(cmd.to_owned());
            in_paste = true;
            continue;
        }
        if t.is_empty() {
            in_paste = false;
            continue;
        }
        if in_trace || in_paste || is_log_line(line) {
            // A Python stack trace runs on to its exception line.
            in_trace = t.starts_with("Traceback") || in_trace && !is_exception(t);
            continue;
        }
        own.push((start, start + line.len()));
    }
    for (s, e) in own {
        for sent in sentences(&prompt[s..e]) {
            p.clauses.extend(clauses(sent));
        }
    }
    p
}

/// A sentence cut where a new instruction starts: ", then", "; then", "; ".
fn clauses(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = sentence;
    loop {
        let cut = [(", then ", 2), ("; then ", 2), (", and then ", 6), ("; ", 2)]
            .iter()
            .filter_map(|(m, skip)| rest.find(m).map(|i| (i, *skip)))
            .min();
        let Some((i, skip)) = cut else { break };
        out.push(rest[..i].trim());
        rest = &rest[i + skip..];
    }
    out.push(rest.trim());
    out.retain(|c| !c.is_empty());
    out
}

/// Discourse words that open a clause without changing what it does.
fn strip_openers(c: &str) -> String {
    let mut l = c.trim().to_lowercase();
    loop {
        let before = l.len();
        for o in [
            "however,", "so,", "well,", "ok,", "okay,", "ok so", "ok ", "okay ", "also,", "also ", "and ", "then ",
            "now ", "please ", "pls ", "just ", "so ", "but ", "wait,", "wait ",
        ] {
            if let Some(r) = l.strip_prefix(o) {
                l = r.trim_start().to_owned();
            }
        }
        if l.len() == before {
            return l;
        }
    }
}

/// Whether a question asks for work or an analysis: it opens with a request ("how do we…",
/// "where's the log?", "can you…"), or one of its comma-separated parts does ("chrome is
/// installed, how do we link it?").
fn asks_for_work(bare: &str) -> bool {
    bare.split([',', ';', ':']).enumerate().any(|(i, seg)| {
        let seg = seg.trim();
        let first = seg.split_whitespace().next().unwrap_or("");
        // "where's", "what're", "how'd": the question word with its verb.
        let word = first.split(['\'', '’']).next().unwrap_or(first);
        let opens = REQUEST_OPENERS
            .iter()
            .any(|o| seg == *o || seg.starts_with(&format!("{o} ")));
        let wh = matches!(word, "how" | "what" | "why" | "which" | "where" | "when" | "who");
        // A later part counts only when it is itself a question with a verb after it.
        (opens || wh) && (i == 0 || seg.split_whitespace().count() >= 3)
    })
}

/// What a clause does.
pub fn role(clause: &str) -> Role {
    let l = strip_openers(clause);
    let bare = l.trim_end_matches(['.', '!', '?', ' ', ',']);
    let words: Vec<&str> = bare.split_whitespace().collect();
    if words.is_empty()
        || words
            .iter()
            .all(|w| FILLERS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        || META.iter().any(|m| bare.starts_with(m))
    {
        return Role::Filler;
    }
    if REPORTS.iter().any(|r| bare.starts_with(r)) && (words.len() <= 12 || bare.starts_with("i ")) {
        return Role::Report;
    }
    let first = words[0].trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    let opens = |list: &[&str]| list.iter().any(|o| bare == *o || bare.starts_with(&format!("{o} ")));
    if clause.trim_end().ends_with('?') {
        if asks_for_work(bare) || any_phrase(bare, DIRECTIVE_CUES) {
            return Role::Directive;
        }
        return if opens(STATUS_OPENERS) && words.len() <= 15 {
            Role::Status
        } else {
            Role::Clarification
        };
    }
    if IMPERATIVES.contains(&first) || opens(&["can", "could"]) || any_phrase(bare, DIRECTIVE_CUES) {
        return Role::Directive;
    }
    Role::Context
}

#[cfg(test)]
mod tests;
