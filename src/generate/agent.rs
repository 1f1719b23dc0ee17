//! The agent's decisions in a turn: its planning (a to-do list, a stated choice, a
//! diagnosis, a done criterion, an offer, a scope) and its execution (the changes it made).

use rand::RngExt;
use rand_pcg::Pcg64;

use super::human::{Said, Story};
use super::scenario::{Change, Scenario};
use super::turn::Shape;
use crate::model::Actor;

/// How an agent planning decision shows in the reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Form {
    Goal,
    Todo,
    Choice,
    Diagnosis,
    Done,
    Offer,
    Scope,
}

/// The agent's planning in a turn.
pub struct Plan {
    pub(super) forms: Vec<Form>,
    /// The reply ends with a question the next prompt answers.
    pub question: bool,
    pub(super) sentences: Vec<Said>,
}

fn diagnoses(sc: &Scenario) -> bool {
    matches!(sc.mode, "fix" | "test" | "analyze" | "operate")
}

impl Plan {
    /// `n` planning decisions; a to-do list only when the turn has room for its call.
    pub fn new(
        rng: &mut Pcg64,
        sc: &Scenario,
        shape: &Shape,
        story: &mut Story,
        n: usize,
        k: usize,
        needed: usize,
    ) -> Plan {
        let mut pool = Vec::with_capacity(7);
        if !story.goal_stated {
            pool.push(Form::Goal);
        }
        if !story.todo && k > needed {
            pool.push(Form::Todo);
        }
        if diagnoses(sc) && story.goal_stated {
            pool.push(Form::Diagnosis);
        }
        if !story.approach_set && !story.agent_chose {
            pool.push(Form::Choice);
        }
        pool.extend([Form::Done, Form::Offer, Form::Scope]);
        // What the agent already said comes last: repeated only when nothing else is left.
        pool.sort_by_key(|f| story.agent_said >> *f as u8 & 1);
        let forms: Vec<Form> = pool.into_iter().take(n).collect();
        for f in &forms {
            story.agent_said |= 1 << *f as u8;
            if *f == Form::Goal && diagnoses(sc) {
                story.agent_said |= 1 << Form::Diagnosis as u8; // the goal was the diagnosis
            }
        }
        story.todo |= forms.contains(&Form::Todo);
        story.goal_stated |= forms.contains(&Form::Goal);
        story.agent_chose |= forms.contains(&Form::Choice);
        let question = !story.asked && shape.next_answers && shape.closing.is_none() && rng.random_bool(0.4);
        story.asked |= question;
        if forms.is_empty() {
            return Plan {
                forms,
                question,
                sentences: Vec::new(),
            };
        }
        let s = sc.subject;
        let (approach, alternative) = sc.approach();
        let done = sc.done();
        let diagnosis = format!("The cause is that {}, so I'll {}.", s.cause, s.fix);
        let sentences = forms
            .iter()
            .map(|f| match f {
                Form::Goal if diagnoses(sc) => (
                    "goal",
                    format!("Agent diagnoses the failure and sets the goal: {}", s.fix),
                    diagnosis.clone(),
                ),
                Form::Goal => (
                    "goal",
                    format!("Agent sets the goal: {}", sc.aim()),
                    format!("I'll {} first.", sc.aim()),
                ),
                Form::Todo => (
                    "approach",
                    "Agent lays out a to-do list".to_owned(),
                    todo(sc).join("; "),
                ),
                Form::Diagnosis => (
                    "approach",
                    format!("Agent diagnoses the cause: {}", s.cause),
                    diagnosis.clone(),
                ),
                Form::Choice => (
                    "approach",
                    format!("Agent chooses to {approach} rather than {alternative}"),
                    format!("I'll {approach} rather than {alternative}."),
                ),
                Form::Done => (
                    "done",
                    format!("Agent defines done: {done}"),
                    format!("I'll call it done when {done}."),
                ),
                Form::Offer => (
                    "goal",
                    format!("Agent offers further work: {}", s.offer),
                    format!("I can also {}; want me to?", s.offer),
                ),
                Form::Scope => (
                    "goal",
                    format!("Agent keeps the change inside {}", sc.module),
                    format!(
                        "I'll keep the change inside {} and leave the callers as they are.",
                        sc.module
                    ),
                ),
            })
            .collect();
        Plan {
            forms,
            question,
            sentences,
        }
    }

    pub fn has_todo(&self) -> bool {
        self.forms.contains(&Form::Todo)
    }

    pub fn has_choice(&self) -> bool {
        self.forms.contains(&Form::Choice)
    }

    pub fn decisions(&self) -> Vec<Said> {
        self.sentences.clone()
    }
}

pub(super) fn todo(sc: &Scenario) -> Vec<String> {
    let read = format!("1. Read {}", sc.module);
    let step = format!("2. {}", capitalised(&sc.step()));
    if matches!(sc.mode, "plan" | "write" | "understand") {
        return vec![read, step, "3. Check it against the code".to_owned()];
    }
    vec![
        read,
        step,
        format!("3. Cover it in {}", sc.test_file),
        format!("4. Run {}", sc.test),
    ]
}

fn capitalised(s: &str) -> String {
    let mut s = s.to_owned();
    if let Some(c) = s.get_mut(..1) {
        c.make_ascii_uppercase();
    }
    s
}

/// The agent's execution decision for a change it made: (category, summary, evidence).
pub fn execution(sc: &Scenario, c: &Change) -> Said {
    match c {
        Change::Edit(f) => ("code", format!("Agent edits {f}"), f.clone()),
        Change::Write(f) => ("files", format!("Agent writes {f}"), f.clone()),
        Change::Commit => ("commands", "Agent commits the change".to_owned(), sc.command(c)),
        Change::Deploy => ("commands", "Agent deploys to staging".to_owned(), sc.command(c)),
        _ => ("commands", format!("Agent runs {}", sc.command(c)), sc.command(c)),
    }
}

/// A decision's confidence: high for the human's stated choices, lower for the agent's.
pub fn confidence(rng: &mut Pcg64, actor: Actor) -> f64 {
    let c: f64 = if rng.random_bool(0.1) {
        rng.random_range(0.25..0.5)
    } else if actor == Actor::Human {
        rng.random_range(0.7..0.99)
    } else {
        rng.random_range(0.5..0.95)
    };
    (c * 100.0).round() / 100.0
}
