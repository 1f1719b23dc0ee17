//! What a shell command does: only look (a read, never a decision), or change something, and
//! for what purpose (the key that folds retries and variants into one decision).
//!
//! A command line is cut at unquoted `&&`, `||`, `;`, `|` and newlines; it is a read when
//! every part is (`ls`, `cat`, `grep`, `git status`, `SELECT`, `--help`, …, with no redirect
//! into a file). Otherwise its purpose is that of its most significant part: a commit or
//! push, then a test, build, lint or install, then anything else that changes state; `git
//! add`, `cd` and `mkdir` only prepare.

mod split;
mod windows;

pub use split::{parts, redirects_to_file, words};

use super::words::shell::*;

/// What a command does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Only looks.
    Read,
    /// Changes state or verifies the work; the purpose key folds variants of one purpose.
    Change { key: String, rank: u8 },
}

/// The program and its arguments, past `sudo`, `env`, `time`, variable assignments.
fn program(w: &[String]) -> (String, Vec<String>) {
    let mut i = 0;
    while i < w.len() {
        let t = w[i].as_str();
        let assignment = t.contains('=') && !t.starts_with('-') && !t.starts_with('=');
        if matches!(t, "sudo" | "time" | "nohup" | "exec" | "command" | "builtin") || assignment {
            i += 1;
        } else if t.starts_with('$') && w.get(i + 1).is_some_and(|n| n == "=") {
            // PowerShell's `$x = Cmdlet …`.
            i += 2;
        } else if t == "timeout" {
            i += 2;
        } else {
            break;
        }
    }
    let Some(first) = w.get(i) else {
        return (String::new(), Vec::new());
    };
    let prog = first.rsplit('/').next().unwrap_or(first).to_owned();
    (prog, w[i + 1..].to_vec())
}

fn first_arg(args: &[String]) -> Option<&str> {
    args.iter().map(String::as_str).find(|a| !a.starts_with('-'))
}

/// The effect of one part.
pub fn part_effect(part: &str) -> Effect {
    let w = words(part);
    let (prog, args) = program(&w);
    let change = |key: String, rank: u8| Effect::Change { key, rank };
    if prog.is_empty() {
        return Effect::Read;
    }
    // `if … then CMD`, `cmd /c CMD`, `powershell -Command CMD`: judged by what they run.
    if windows::is_keyword(&prog) {
        let at = w.len() - args.len() - 1;
        return windows::statement_body(&w[at..]).map_or(Effect::Read, |i| part_effect(&w[at + i..].join(" ")));
    }
    let win = windows::base_name(&prog);
    if let Some(inner) = windows::wrapped(&win, &args) {
        return effect(&inner);
    }
    let writes = redirects_to_file(part);
    let help = args.iter().any(|a| matches!(a.as_str(), "--help" | "--version"))
        || args.len() == 1 && matches!(args[0].as_str(), "-h" | "-V" | "help");
    if help {
        return Effect::Read;
    }
    if prog == "git" {
        let sub = first_arg(&args).unwrap_or("");
        let listing = match sub {
            "branch" | "tag" | "remote" => args
                .iter()
                .skip(1)
                .all(|a| a.starts_with('-') && !matches!(a.as_str(), "-d" | "-D" | "-m" | "-M" | "--delete")),
            "stash" => args.get(1).is_some_and(|a| a == "list" || a == "show"),
            "config" => args.iter().any(|a| a == "--get" || a == "--list" || a == "-l") || args.len() <= 2,
            _ => GIT_READS.contains(&sub),
        };
        if listing && !writes {
            return Effect::Read;
        }
        let rank = match sub {
            "commit" | "push" | "merge" | "rebase" | "reset" | "revert" | "cherry-pick" | "tag" => 4,
            "add" | "stage" => 0,
            _ => 2,
        };
        return change(format!("git {sub}"), rank);
    }
    let sql_write = |a: &[String]| {
        let s = a.join(" ").to_uppercase();
        [
            "INSERT", "UPDATE ", "DELETE", "CREATE", "DROP", "ALTER", "REPLACE", ".IMPORT",
        ]
        .iter()
        .any(|k| s.contains(k))
    };
    let in_place = |a: &[String]| {
        a.iter()
            .any(|x| x == "-i" || x.starts_with("-i") && prog == "sed" || x == "--in-place" || x == "inplace")
    };
    let download = |a: &[String]| {
        a.iter()
            .any(|x| matches!(x.as_str(), "-o" | "-O" | "--output" | "--remote-name"))
    };
    if prog == "wget" || prog == "curl" && download(&args) {
        return change("download".into(), 3);
    }
    // macOS settings: `defaults read` looks, `defaults write` changes.
    let settings_read = prog == "defaults" && args.first().is_some_and(|a| matches!(a.as_str(), "read" | "domains"));
    let read_prog = (READS.contains(&prog.as_str()) || windows::is_read(&prog) || settings_read)
        && !(matches!(prog.as_str(), "sqlite3" | "psql" | "mysql") && sql_write(&args))
        && !(matches!(prog.as_str(), "sed" | "awk") && in_place(&args))
        && !(prog == "curl"
            && args
                .iter()
                .any(|a| matches!(a.as_str(), "-X" | "-d" | "--data" | "-T" | "-F")));
    if prog == "find" && !writes {
        // `find … -exec ls {} \;` looks; `-delete` and `-exec rm` remove.
        let execs = args
            .iter()
            .enumerate()
            .filter(|(_, a)| matches!(a.as_str(), "-exec" | "-execdir" | "-ok"));
        let mut effects = execs.map(|(i, _)| {
            let cmd: Vec<&str> = args[i + 1..]
                .iter()
                .map(String::as_str)
                .take_while(|a| !matches!(*a, ";" | "\\;" | "+"))
                .collect();
            part_effect(&cmd.join(" "))
        });
        if !args.iter().any(|a| a == "-delete") {
            return effects.find(|e| *e != Effect::Read).unwrap_or(Effect::Read);
        }
    }
    if read_prog {
        return if writes {
            change("files".into(), 1)
        } else {
            Effect::Read
        };
    }
    if matches!(prog.as_str(), "sed" | "awk") {
        return change("files".into(), 1);
    }
    if matches!(prog.as_str(), "rm" | "rmdir" | "unlink" | "find" | "trash") {
        return change("remove".into(), 1);
    }
    if FILE_OPS.contains(&prog.as_str()) {
        return change("files".into(), if prog == "mkdir" { 0 } else { 1 });
    }
    if let Some((key, rank)) = windows::cmdlet_purpose(&win, &args) {
        return change(key.into(), rank);
    }
    if let Some((_, verbs)) = INSTALLS.iter().find(|(p, _)| *p == prog)
        && first_arg(&args).is_some_and(|a| verbs.contains(&a))
    {
        return change("install".into(), 3);
    }
    change(purpose(&prog, &args), 3)
}

/// The purpose key of a program run: the program and, for tools with subcommands or module
/// runners, what they run (`cargo test`, `pytest`, `just check`, `script export.py`).
fn purpose(prog: &str, args: &[String]) -> String {
    let sub = first_arg(args).unwrap_or("");
    let base = |s: &str| s.rsplit('/').next().unwrap_or(s).to_owned();
    match prog {
        "python" | "python3" | "node" | "ruby" | "perl" | "bash" | "sh" | "zsh" | "deno" | "bun" | "php" => {
            if args.first().is_some_and(|a| a == "-m") {
                // `python -m pip install x` is pip's purpose.
                return match part_effect(&args[1..].join(" ")) {
                    Effect::Change { key, .. } => key,
                    Effect::Read => args.get(1).map_or(prog.to_owned(), |m| base(m)),
                };
            }
            if args.first().is_some_and(|a| a == "-c" || a == "-e") {
                return format!("{prog} inline");
            }
            if sub.is_empty() {
                prog.to_owned()
            } else {
                format!("script {}", base(sub))
            }
        }
        "npx" | "pnpx" | "bunx" | "uvx" => base(sub),
        "uv" | "poetry" | "pipenv" | "bundle" if matches!(sub, "run" | "exec") => {
            let rest: Vec<String> = args.iter().skip_while(|a| a.as_str() != sub).skip(1).cloned().collect();
            let (p, a) = program(&rest);
            purpose(&p, &a)
        }
        "cargo" | "npm" | "pnpm" | "yarn" | "just" | "make" | "go" | "docker" | "kubectl" | "gh" | "mvn" | "gradle"
        | "dotnet" | "mix" | "rake" | "terraform" | "helm" | "swift" | "zig" | "flutter" | "dart" | "claude"
        | "codex" => {
            let sub = if matches!(sub, "run" | "run-script") && prog != "cargo" && prog != "go" {
                args.iter()
                    .map(String::as_str)
                    .filter(|a| !a.starts_with('-'))
                    .nth(1)
                    .unwrap_or(sub)
            } else {
                sub
            };
            if sub.is_empty() {
                prog.to_owned()
            } else {
                format!("{prog} {sub}")
            }
        }
        p if p.starts_with("./") || [".sh", ".py", ".ps1", ".bat", ".cmd"].iter().any(|e| p.ends_with(e)) => {
            format!("script {}", base(p))
        }
        _ => prog.to_owned(),
    }
}

/// The effect of a whole command line: a read when every part is, else the purpose of its
/// most significant part (the first of the highest rank).
pub fn effect(cmd: &str) -> Effect {
    let mut best: Option<(String, u8)> = None;
    for p in parts(cmd) {
        if let Effect::Change { key, rank } = part_effect(&p)
            && best.as_ref().is_none_or(|(_, r)| rank > *r)
        {
            best = Some((key, rank));
        }
    }
    best.map_or(Effect::Read, |(key, rank)| Effect::Change { key, rank })
}

#[cfg(test)]
mod tests;
