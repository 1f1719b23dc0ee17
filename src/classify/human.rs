//! Rules on what the human decided: in each prompt and each message typed mid-turn (goal,
//! approach, done criterion, correction; files, commands and code dictated; runs of their
//! own), in answers to the agent's questions, and in vetoes of the agent's calls.

use super::words::prose::*;

use super::Finding;
use super::assent::is_bare_assent;
use super::dictated::Dictated;
use super::human_exec::clause_exec;
use super::human_run::{answers, pasted_or_reported, vetoes};
use super::prose::{self, Role, role};
use super::text::{first_phrase, quote};
use crate::model::{Actor, Kind};
use crate::transcript::RawTurn;

/// At most this many constraints are read from one message: a long pasted spec is one goal
/// with a few conditions, not fifty decisions.
const MAX_CONSTRAINTS: usize = 4;

/// Every human decision of one turn, and what the human dictated (so the agent's carrying
/// it out is not counted as the agent's).
pub fn rules(turn: &RawTurn, out: &mut Vec<Finding>) -> Dictated {
    let mut d = Dictated::default();
    let prompt = turn.prompt.trim();
    match &turn.slash {
        Some(name) => slash(name, prompt, out, &mut d),
        None => message(prompt, false, out, &mut d),
    }
    for m in &turn.mid_turn {
        message(m.trim(), true, out, &mut d);
    }
    answers(turn, out);
    vetoes(turn, out);
    if !turn.user_commands.is_empty() {
        let cmds = turn.user_commands.join("; ");
        let summary = format!("user ran {} shell command(s) themselves", turn.user_commands.len());
        out.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "commands",
            "H-SHELL",
            summary,
            &cmds,
            1.0,
        ));
    }
    d
}

/// A slash command: a built-in task is the goal; a custom command run bare is a procedure
/// the user dictated; with arguments, the command is the workflow chosen and the arguments
/// are read as a prompt.
fn slash(name: &str, prompt: &str, out: &mut Vec<Finding>, d: &mut Dictated) {
    let args = prompt.strip_prefix(name).unwrap_or(prompt).trim();
    if BUILTIN_TASKS.contains(&name) {
        if args.is_empty() {
            out.push(Finding::new(
                Actor::Human,
                Kind::Planning,
                "goal",
                "H-GOAL",
                format!("user ran {name}"),
                name,
                0.7,
            ));
        } else {
            message(args, false, out, d);
        }
        return;
    }
    if args.is_empty() {
        let summary = format!("user invoked the {name} command");
        out.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "commands",
            "H-SLASH",
            summary,
            name,
            0.6,
        ));
        return;
    }
    let summary = format!("user chose the {name} workflow");
    out.push(Finding::new(
        Actor::Human,
        Kind::Planning,
        "approach",
        "H-SLASH",
        summary,
        name,
        0.6,
    ));
    message(args, false, out, d);
}

/// One message of the user's: a prompt, or a message typed while the agent worked.
fn message(text: &str, mid: bool, out: &mut Vec<Finding>, d: &mut Dictated) {
    // "clear", "exit": a session command typed as a prompt decides nothing.
    let session_command = matches!(text.trim().to_lowercase().as_str(), "clear" | "exit" | "quit" | "cls");
    if text.is_empty() || is_bare_assent(text) || session_command {
        return;
    }
    let p = prose::read(text);
    let start = out.len();
    // Execution is read first (a clause that only dictates a run sets no goal) but listed
    // after the planning, as a person would list them.
    let mut exec = Vec::new();
    let mut exec_only = vec![false; p.clauses.len()];
    for (i, c) in p.clauses.iter().enumerate() {
        exec_only[i] = clause_exec(c, p.clauses.get(i + 1).copied(), &mut exec, d);
    }
    for b in p.code_blocks.iter().take(1) {
        let summary = "user wrote code for the agent to use".to_owned();
        exec.push(Finding::new(
            Actor::Human,
            Kind::Execution,
            "code",
            "H-CODE",
            summary,
            b,
            0.7,
        ));
    }
    // Code the user wrote for the agent is one decision however many snippets hold it.
    let mut code = false;
    exec.retain(|f| f.rule != "H-CODE" || !std::mem::replace(&mut code, true));
    pasted_or_reported(&p, &mut exec);
    planning(&p.clauses, &exec_only, mid, out, d);
    out.append(&mut exec);
    if mid {
        for f in &mut out[start..] {
            f.summary.push_str(" (typed while the agent worked)");
        }
    }
}

fn planning(clauses: &[&str], exec_only: &[bool], mid: bool, out: &mut Vec<Finding>, d: &mut Dictated) {
    let roles: Vec<Role> = clauses.iter().map(|c| role(c)).collect();
    let directive = |i: usize| roles[i] == Role::Directive && !exec_only[i];
    // A request, else what the user described or pointed at ("@spec.md really think this
    // through"): a message that is not filler, a report or a status question sets a goal.
    let goal = (0..clauses.len())
        .find(|&i| directive(i))
        .or_else(|| (0..clauses.len()).find(|&i| roles[i] == Role::Context && !exec_only[i]));
    let Some(g) = goal else { return };
    goal_clause(clauses[g], roles[g] == Role::Directive, mid, out, d);
    // A later question that asks where, how or why asks more about the goal: no constraint.
    let constraint = |i: usize| directive(i) && !prose::wh_question(clauses[i]);
    for (n, i) in (g + 1..clauses.len()).filter(|&i| constraint(i)).enumerate() {
        if n == MAX_CONSTRAINTS {
            break;
        }
        let c = clauses[i];
        let (category, rule) = match first_phrase(c, DONE) {
            Some(_) => ("done", "H-DONE"),
            None => ("approach", "H-APPROACH"),
        };
        let summary = format!(
            "user set {}: {}",
            if rule == "H-DONE" {
                "a done criterion"
            } else {
                "an approach"
            },
            quote(c, 60)
        );
        out.push(Finding::new(
            Actor::Human,
            Kind::Planning,
            category,
            rule,
            summary,
            c,
            0.6,
        ));
    }
}

/// The goal, with the method the user chose for it set apart ("spawn a subagent to search
/// the web to find X": the delegation is an approach, finding X the goal) and a technology
/// named at its end ("create a TODO app by Next.js").
fn goal_clause(c: &str, directive: bool, mid: bool, out: &mut Vec<Finding>, d: &mut Dictated) {
    let conf = if directive { 0.7 } else { 0.5 };
    let l = c.to_lowercase();
    let delegates = ["subagent", "sub-agent", "sub agent", "agents"]
        .iter()
        .any(|a| l.contains(a))
        && ["spawn", "use ", "launch", "start ", "run "]
            .iter()
            .any(|v| l.contains(v));
    let mut goal = c;
    if delegates && let Some(i) = l.rfind(" to ") {
        let method = &c[..i];
        goal = &c[i + 4..];
        d.delegation = true;
        out.push(Finding::new(
            Actor::Human,
            Kind::Planning,
            "approach",
            "H-APPROACH",
            format!("user chose how: {}", quote(method, 60)),
            method,
            0.6,
        ));
    }
    for p in [" by ", " using ", " with ", " via "] {
        if let Some(i) = goal.rfind(p)
            && goal[i + p.len()..].starts_with(|ch: char| ch.is_uppercase())
            && goal[i + p.len()..].split_whitespace().count() <= 3
        {
            let tech = &goal[i + 1..];
            out.push(Finding::new(
                Actor::Human,
                Kind::Planning,
                "approach",
                "H-APPROACH",
                format!("user chose the technology: {}", quote(tech, 40)),
                tech,
                0.6,
            ));
            goal = &goal[..i];
            break;
        }
    }
    // A message typed while the agent worked steers the turn's goal: it adds an approach.
    let (category, rule, what) = if mid {
        ("approach", "H-APPROACH", "user steered the running turn")
    } else {
        ("goal", "H-GOAL", "user set the goal")
    };
    out.push(Finding::new(
        Actor::Human,
        Kind::Planning,
        category,
        rule,
        format!("{what}: {}", quote(goal, 80)),
        goal,
        conf,
    ));
}
