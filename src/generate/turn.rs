//! One turn of a synthetic session: which changes it makes and who decided each, the
//! prompt, the agent's tool calls and its reply, all from the session's scenario.

use rand::RngExt;
use rand_pcg::Pcg64;

use super::agent::{self, Plan};
use super::calls;
use super::human::{self, HumanExec, Said, Story};
use super::scenario::{Change, Scenario};
use crate::model::{Actor, Decision, Kind, Outcome, Turn, count_words};

/// What the session's skeleton fixed for a turn.
pub struct Shape<'a> {
    pub t: usize,
    pub planning: &'a [Actor],
    pub execution: &'a [Actor],
    pub actions: u64,
    pub words: u64,
    /// For the turn that closes the work (the last one with actions): the outcome.
    pub closing: Option<Option<Outcome>>,
    /// The session succeeds without verification: no test run of it fails.
    pub plain_success: bool,
    /// The next turn has a human planning decision (which can answer a question).
    pub next_answers: bool,
}

/// A change of the turn and who decided it.
pub struct Owned {
    pub change: Change,
    pub human: Option<HumanExec>,
    /// The final result of a check: passes or not.
    pub passes: bool,
}

/// Picks `m` distinct changes for the turn, kept true to the outcome when it closes.
fn changes(rng: &mut Pcg64, sc: &Scenario, m: usize, shape: &Shape, story: &Story) -> Vec<Change> {
    let (all, spare) = (sc.changes(), sc.spare());
    let unused = |chosen: &[Change]| {
        spare
            .iter()
            .find(|c| !chosen.contains(c))
            .cloned()
            .expect("four spare files")
    };
    // A deploy, a benchmark or a new file happens once: later turns start from the rest.
    let skip = usize::from(shape.t > 0 && matches!(all[0], Change::Deploy | Change::Bench | Change::Write(_)));
    let mut chosen: Vec<Change> = all.iter().skip(skip).chain(&all[..skip]).take(m).cloned().collect();
    while chosen.len() < m {
        chosen.push(unused(&chosen));
    }
    let replace_last = |chosen: &mut Vec<Change>, with: Change| {
        if !chosen.contains(&with)
            && let Some(i) = chosen.iter().rposition(|c| *c != Change::Test)
        {
            chosen[i] = with;
        }
    };
    match shape.closing {
        // Modes that change no code close with a commit of their document, unless a test
        // failed on the way (then it has to pass at the end).
        // (A commit needs something to commit: an edit before it, in this turn or earlier.)
        Some(Some(Outcome::VerifiedSuccess))
            if matches!(sc.mode, "plan" | "write" | "understand")
                && !story.check_failed
                && (m >= 2 || story.edited) =>
        {
            replace_last(&mut chosen, Change::Commit);
        }
        Some(Some(Outcome::VerifiedSuccess)) => {
            if m >= 3 && rng.random_bool(0.5) {
                replace_last(&mut chosen, Change::Commit);
            }
            replace_last(&mut chosen, Change::Test);
        }
        Some(Some(Outcome::Failure)) => replace_last(&mut chosen, Change::Test),
        Some(Some(Outcome::Success)) => {
            if let Some(i) = chosen.iter().position(|c| *c == Change::Test) {
                chosen[i] = if chosen.contains(&Change::Lint) {
                    unused(&chosen)
                } else {
                    Change::Lint
                };
            }
        }
        Some(None) => {
            for i in 0..chosen.len() {
                if chosen[i].is_check() {
                    chosen[i] = unused(&chosen);
                }
            }
        }
        None => {}
    }
    chosen
}

/// Builds turn `shape.t`; `story` says what came before and is updated for the next turn.
/// Also says whether its prompt is bare assent (which ratifies the plan of the turn before).
pub fn build(rng: &mut Pcg64, sc: &Scenario, shape: &Shape, story: &mut Story, next_id: &mut u32) -> (Turn, bool) {
    let k = shape.actions as usize;
    // Human execution: the form of each, then the changes the turn needs.
    let mut forms: Vec<HumanExec> = shape
        .execution
        .iter()
        .filter(|a| **a == Actor::Human)
        .map(|_| HumanExec::pick(rng))
        .collect();
    let agents = shape.execution.len() - forms.len();
    let mut m = agents + forms.iter().filter(|f| f.needs_change()).count();
    // The turn that closes the work changes something: the outcome is about that change.
    if m == 0 && shape.closing.is_some() && !forms.is_empty() {
        forms[0] = HumanExec::Command;
        m = 1;
    }
    let chosen = changes(rng, sc, m, shape, story);
    // A change for each human form that needs one (commands to Command, edits to the rest).
    let mut owned: Vec<Owned> = chosen
        .into_iter()
        .map(|change| Owned {
            passes: true,
            change,
            human: None,
        })
        .collect();
    for f in forms.iter_mut().filter(|f| f.needs_change()) {
        let wants_cmd = *f == HumanExec::Command;
        let fits = |o: &Owned| {
            o.human.is_none()
                && match &o.change {
                    Change::Edit(path) if *f == HumanExec::Code => *path == sc.module,
                    Change::Edit(_) | Change::Write(_) => !wants_cmd,
                    _ => wants_cmd,
                }
        };
        let i = owned
            .iter()
            .position(fits)
            .or_else(|| owned.iter().position(|o| o.human.is_none()));
        match i {
            Some(i) => owned[i].human = Some(*f),
            None => *f = HumanExec::Ran,
        }
    }
    // In the order they happen: edits, then checks with the tests last, then the commit.
    owned.sort_by_key(|o| match o.change {
        Change::Edit(_) | Change::Write(_) => 0,
        Change::Lint | Change::Bench | Change::Deploy => 1,
        Change::Test => 2,
        Change::Commit => 3,
    });
    // Check results: the closing turn's as the outcome says; others may fail on the way.
    let fail = match shape.closing {
        Some(Some(Outcome::Failure)) => true,
        Some(_) => false,
        None => !shape.plain_success && rng.random_bool(0.3),
    };
    for o in owned.iter_mut().filter(|o| o.change == Change::Test) {
        o.passes = !fail;
    }

    // The prompt.
    let human_planning = shape.planning.iter().filter(|a| **a == Actor::Human).count();
    let said: Vec<Said> = human::planning(rng, sc, story, human_planning);
    let mut exec_said: Vec<Said> = Vec::new();
    for o in owned.iter().filter(|o| o.human.is_some()) {
        exec_said.push(human::execution(o.human.unwrap(), sc, Some(&o.change), story, shape.t));
    }
    let vetoed = forms.iter().filter(|f| **f == HumanExec::Veto).count();
    for _ in forms.iter().filter(|f| **f == HumanExec::Ran) {
        exec_said.push(human::execution(HumanExec::Ran, sc, None, story, shape.t));
    }
    let assent = said.is_empty() && exec_said.is_empty() && story.agent_planned && rng.random_bool(0.6);
    let prompt = if shape.t == 0 && said.is_empty() {
        let mut p = human::vague_opening(sc);
        for s in &exec_said {
            p.push('\n');
            p.push_str(&s.2);
        }
        p
    } else if said.is_empty() && exec_said.is_empty() {
        if k == 0 {
            human::question(sc)
        } else {
            human::carry_on(rng, assent).to_owned()
        }
    } else {
        let parts: Vec<&str> = said.iter().chain(&exec_said).map(|s| s.2.as_str()).collect();
        parts.join(" ")
    };
    story.goal_stated |= said.iter().any(|s| s.0 == "goal");

    // The agent's plan, calls and reply.
    let agent_planning = shape.planning.len() - human_planning;
    let plan = Plan::new(rng, sc, shape, story, agent_planning, k, owned.len() + vetoed);
    let (actions, vetoes) = calls::actions(rng, sc, shape, &plan, &owned, vetoed);
    let edited = story.edited
        || owned
            .iter()
            .any(|o| matches!(o.change, Change::Edit(_) | Change::Write(_)));
    let prompt_decides = !said.is_empty() || !exec_said.is_empty();
    let response = calls::reply(edited, prompt_decides, sc, shape, &plan, &owned, &actions);
    let response_words = shape.words.max(count_words(&response));

    // Decisions: the prompt's planning, then its execution, then the agent's.
    let mut decisions = Vec::with_capacity(shape.planning.len() + shape.execution.len());
    let mut push = |kind, actor, (category, summary, evidence): Said, rng: &mut Pcg64| {
        decisions.push(Decision {
            id: format!("d{next_id}"),
            kind,
            actor,
            category: Some(category.to_owned()),
            summary: Some(summary),
            evidence: Some(evidence),
            confidence: Some(agent::confidence(rng, actor)),
            ratified: None,
            rule: None,
        });
        *next_id += 1;
    };
    for s in said {
        push(Kind::Planning, Actor::Human, s, rng);
    }
    for s in exec_said {
        push(Kind::Execution, Actor::Human, s, rng);
    }
    for v in vetoes {
        push(Kind::Execution, Actor::Human, v, rng);
    }
    for s in plan.decisions() {
        push(Kind::Planning, Actor::Agent, s, rng);
    }
    for o in owned.iter().filter(|o| o.human.is_none()) {
        push(Kind::Execution, Actor::Agent, agent::execution(sc, &o.change), rng);
    }
    story.check_failed = owned.iter().any(|o| o.change.is_check() && !o.passes)
        || (story.check_failed && !owned.iter().any(|o| o.change.is_check()));
    story.edited |= owned
        .iter()
        .any(|o| matches!(o.change, Change::Edit(_) | Change::Write(_)));
    story.question = plan.question;
    story.choice = plan.has_choice();
    story.agent_planned = agent_planning > 0;
    let turn = Turn {
        prompt,
        actions,
        response: Some(response),
        response_words: Some(response_words),
        decisions,
        ..Turn::default()
    };
    (turn, assent && k > 0)
}
