//! Reading a prompt as a person does: set aside what was pasted (shell sessions, logs, stack
//! traces, code blocks), cut the rest into clauses, and tell what each clause does.

use super::text::sentences;

mod role;
pub use role::{role, wh_question};

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

#[cfg(test)]
mod tests;
