//! The agent's tool calls in a turn and its reply, drawn from the turn's changes and plan.

use rand::RngExt;
use rand_pcg::Pcg64;

use super::agent::{Form, Plan, todo};
use super::human::Said;
use super::scenario::{Change, Scenario};
use super::turn::{Owned, Shape};
use crate::model::{Action, Outcome};

fn act(tool: &str, target: String, ok: Option<bool>) -> Action {
    Action {
        tool: tool.to_owned(),
        target: Some(target),
        ok,
    }
}

/// The turn's `shape.actions` tool calls: reads, the to-do list, each change (with repeats:
/// edits reworked, a test run again after a failure), the vetoed call; and the vetoes'
/// decisions.
pub fn actions(
    rng: &mut Pcg64,
    sc: &Scenario,
    shape: &Shape,
    plan: &Plan,
    owned: &[Owned],
    vetoed: usize,
) -> (Vec<Action>, Vec<Said>) {
    let k = shape.actions as usize;
    let required = owned.len() + vetoed + usize::from(plan.has_todo());
    let spare = k.saturating_sub(required);
    let edited: Vec<&str> = owned
        .iter()
        .filter_map(|o| match &o.change {
            Change::Edit(f) | Change::Write(f) => Some(f.as_str()),
            _ => None,
        })
        .collect();
    let test = owned.iter().find(|o| o.change == Change::Test);
    let reruns = if test.is_some() { spare / 6 } else { 0 };
    let rework = if edited.is_empty() { 0 } else { spare / 5 };
    let reads = spare - reruns - rework;

    let st = sc.project.stack;
    let mut out = Vec::with_capacity(k);
    for i in 0..reads {
        let a = match (shape.t, i, rng.random_range(0..12)) {
            (0, 0, _) | (_, _, 0..=3) => act("Read", sc.module.clone(), None),
            (_, _, 4..=5) => act("Read", sc.test_file.clone(), None),
            (_, _, 6) => act("Read", sc.config.to_owned(), None),
            (_, _, 7) => act("Read", st.manifest.to_owned(), None),
            (_, _, 8) => act("Grep", format!("\"{}\" {}", sc.subject.stem, st.src), None),
            (_, _, 9) => act("Bash", "git diff".to_owned(), Some(true)),
            (_, _, 10) => act("Bash", "git status".to_owned(), Some(true)),
            _ => act("WebFetch", st.docs_url.to_owned(), Some(true)),
        };
        // Sub-agents the user asked for take some of the looking (their briefs are the user's).
        let a = match (sc.mode, i % 4) {
            ("orchestrate", 1) => act("Task", format!("subtask {}: {}", i / 4 + 1, sc.step()), None),
            _ => a,
        };
        out.push(a);
        if i == reads / 2 && plan.has_todo() {
            out.push(act("TodoWrite", format!("{} todos", todo(sc).len()), None));
        }
    }
    if reads == 0 && plan.has_todo() {
        out.push(act("TodoWrite", format!("{} todos", todo(sc).len()), None));
    }
    for o in owned {
        match &o.change {
            Change::Edit(f) => out.push(act("Edit", f.clone(), Some(true))),
            Change::Write(f) => out.push(act("Write", f.clone(), Some(true))),
            _ => {}
        }
    }
    let mut rework_left = rework - rework.min(reruns);
    for i in 0..rework_left {
        out.push(act("Edit", edited[i % edited.len()].to_owned(), Some(true)));
    }
    rework_left = rework.min(reruns);
    let mut vetoes = Vec::new();
    for i in 0..vetoed {
        let (tool, target) = if i % 2 == 0 {
            ("Edit", st.manifest.to_owned())
        } else {
            ("Bash", "git push --force origin main".to_owned())
        };
        let category = if tool == "Edit" { "files" } else { "commands" };
        vetoes.push((category, format!("User rejects the call: {target}"), target.clone()));
        out.push(act(tool, target, Some(false)));
    }
    for o in owned
        .iter()
        .filter(|o| !matches!(o.change, Change::Edit(_) | Change::Write(_)))
    {
        if o.change == Change::Test {
            for _ in 0..reruns {
                out.push(act("Bash", sc.test.clone(), Some(false)));
                if rework_left > 0 {
                    out.push(act("Edit", edited[0].to_owned(), Some(true)));
                    rework_left -= 1;
                }
            }
        }
        out.push(act("Bash", sc.command(&o.change), Some(o.passes)));
    }
    debug_assert_eq!(out.len(), k, "{required} required of {k}");
    (out, vetoes)
}

/// The reply: the plan, what changed, what each check said, what is left.
/// `edited`: a file was changed by now; `prompt_decides`: the prompt stated decisions.
pub fn reply(
    edited: bool,
    prompt_decides: bool,
    sc: &Scenario,
    shape: &Shape,
    plan: &Plan,
    owned: &[Owned],
    actions: &[Action],
) -> String {
    let s = sc.subject;
    let refused = |a: &&Action| a.ok == Some(false) && a.target.as_deref() != Some(sc.test.as_str());
    let mut parts: Vec<String> = Vec::new();
    for (f, said) in plan.forms.iter().zip(&plan.sentences) {
        match f {
            Form::Todo => {}
            Form::Offer => {}
            _ => parts.push(said.2.clone()),
        }
    }
    if actions.is_empty() && prompt_decides {
        parts.push("Noted; nothing to change for that yet.".to_owned());
    } else if actions.is_empty() {
        parts.push(format!(
            "Existing {} data is untouched: only new requests go through the change.",
            s.stem
        ));
    } else if owned.is_empty() && !actions.iter().any(|a| refused(&a)) {
        parts.push(format!("Nothing to change yet: I read through {} first.", sc.module));
    }
    let files: Vec<String> = owned
        .iter()
        .filter_map(|o| match &o.change {
            Change::Edit(f) | Change::Write(f) => Some(format!("`{f}`")),
            _ => None,
        })
        .collect();
    if let Some((last, rest)) = files.split_last() {
        let list = if rest.is_empty() {
            last.clone()
        } else {
            format!("{} and {last}", rest.join(", "))
        };
        parts.push(format!("I changed {list}."));
    }
    for a in actions.iter().filter(refused) {
        parts.push(format!(
            "You declined `{}`, so I left it alone.",
            a.target.as_deref().unwrap_or("")
        ));
    }
    let failed_first = actions
        .iter()
        .any(|a| a.ok == Some(false) && a.target.as_deref() == Some(&sc.test));
    for o in owned {
        let cmd = sc.command(&o.change);
        parts.push(match (&o.change, o.passes) {
            (Change::Test, true) if failed_first => {
                format!("`{cmd}` failed at first ({}); it passes now.", sc.failure(edited))
            }
            (Change::Test, true) => format!("`{cmd}` passes."),
            (Change::Test, false) => format!("`{cmd}` still fails: {}.", sc.failure(edited)),
            (Change::Lint, _) => format!("`{cmd}` is clean."),
            (Change::Bench, _) => format!("`{cmd}` puts most of the time in {}: {}.", s.stem, s.cause),
            (Change::Deploy, _) => format!("Deployed with `{cmd}`; the staging logs show no errors."),
            (Change::Commit, _) => format!("Committed as \"{}\".", sc.commit_msg),
            _ => continue,
        });
    }
    if shape.closing == Some(None) {
        parts.push(format!(
            "I couldn't run `{}` here (it needs services this machine lacks), so this is untested.",
            sc.test
        ));
    } else if shape.closing == Some(Some(Outcome::Success)) {
        parts.push("I haven't rerun the tests after this change.".to_owned());
    }
    if let Some(i) = plan.forms.iter().position(|f| *f == Form::Offer) {
        parts.push(plan.sentences[i].2.clone());
    }
    if plan.question {
        parts.push(s.question.to_owned());
    }
    let text = parts.join(" ");
    match plan.has_todo() {
        true => format!("Plan:\n{}\n\n{text}", todo(sc).join("\n")),
        false => text,
    }
}
