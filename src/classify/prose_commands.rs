//! Commands a message dictates in prose: "run just check", "and run it", "commit the
//! change", "install jq", "create a worktree".

use super::words::exec::RUN_VERBS;

use super::Finding;
use super::dictated::Dictated;
use super::shell::{Effect, effect};
use crate::model::{Actor, Kind};

/// "Create a worktree", "make a new branch": the git commands (purpose keys) they name.
fn git_noun(verb: &str, obj: &[&str]) -> Option<&'static [&'static str]> {
    if !matches!(verb, "create" | "make" | "add" | "open" | "start") || obj.len() > 3 {
        return None;
    }
    match *obj.last()? {
        "worktree" => Some(&["git worktree"]),
        "branch" => Some(&["git branch", "git checkout", "git switch"]),
        _ => None,
    }
}

/// "Run just check", "and run it", "commit the change", "install jq": commands in prose.
/// Answers whether the clause only dictates (its first command opens it): then it sets no goal.
pub fn prose_commands(c: &str, w: &[String], lead: Option<&str>, out: &mut Vec<Finding>, d: &mut Dictated) -> bool {
    let lower = c.to_lowercase();
    // "Let's commit and push": each git command named is one; the clause's verdict is the
    // first's.
    let mut git: Option<bool> = None;
    for (i, v) in w.iter().enumerate() {
        let obj: Vec<&str> = w[i + 1..]
            .iter()
            .map(String::as_str)
            .take_while(|x| !matches!(*x, "to" | "and" | "so" | "if" | "when" | "in" | "until"))
            .collect();
        // "update it to run the tests" says what something is for, "why won't you run it?"
        // challenges: neither dictates a run.
        let purpose = i > 0
            && w[i - 1] == "to"
            && !(i > 1
                && matches!(
                    w[i - 2].as_str(),
                    "need" | "have" | "you" | "sure" | "remember" | "forget"
                ));
        // A verb, not a noun or a description: it opens the clause or follows "and", "then",
        // "please", "you" ("can you run"), "I" (a run of the user's own), "to" (see above);
        // "the tests run slowly" and "a dry run" dictate nothing.
        let verb = i == 0
            || Some(v.as_str()) == lead
            || matches!(
                w[i - 1].as_str(),
                "and" | "then" | "please" | "also" | "just" | "now" | "you" | "i" | "to" | "pls"
            );
        let (summary, key) =
            if RUN_VERBS.contains(&v.as_str()) && verb && !obj.is_empty() && !purpose && lead != Some("why") {
                if obj.iter().any(|x| x.contains("agent")) {
                    continue;
                }
                match obj[0] {
                    "it" | "them" | "this" | "that" => {
                        d.run_it = true;
                        ("user asked to run it".to_owned(), None)
                    }
                    "the" | "all" | "tests" | "test"
                        if obj
                            .iter()
                            .any(|x| x.starts_with("test") || *x == "suite" || *x == "checks") =>
                    {
                        d.tests = true;
                        ("user asked to run the tests".to_owned(), None)
                    }
                    _ => {
                        let cmd = obj.join(" ");
                        let key = match effect(&cmd) {
                            Effect::Change { key, .. } => key,
                            Effect::Read => cmd.clone(),
                        };
                        (format!("user named the command {cmd:?}"), Some(key))
                    }
                }
            } else if matches!(v.as_str(), "commit" | "push")
                && (lead == Some(v.as_str())
                    || i > 0
                        && matches!(
                            w[i - 1].as_str(),
                            "and" | "then" | "please" | "also" | "let's" | "lets" | "pls" | "now" | "just"
                        ))
            {
                (format!("user asked to {v}"), Some(format!("git {v}")))
            } else if let Some(keys) = git_noun(v, &obj) {
                // "create a worktree", "make a new branch": a git command named in prose.
                d.commands.extend(keys.iter().map(|k| (*k).to_owned()));
                (format!("user asked to {v} a {}", obj.last().unwrap_or(&"")), None)
            } else if v == "install" && lead == Some("install") {
                ("user asked to install".to_owned(), Some("install".to_owned()))
            } else {
                continue;
            };
        if let Some(k) = &key {
            d.commands.push(k.clone());
        }
        let at = lower.find(v.as_str()).unwrap_or(0);
        let evidence = &c[at.min(c.len())..];
        let evidence = if c.is_char_boundary(at) { evidence } else { c };
        out.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "commands",
            "H-COMMANDS",
            summary,
            evidence,
            0.7,
        ));
        if matches!(v.as_str(), "commit" | "push") && key.is_some() {
            git.get_or_insert(lead == Some(v.as_str()));
            continue;
        }
        // "create a worktree and review the branch": the request after "and" is a goal.
        let more = git_noun(v, &obj).is_some() && w.len() > i + 1 + obj.len();
        return git.unwrap_or(lead == Some(v.as_str()) && !more);
    }
    git.unwrap_or(false)
}
