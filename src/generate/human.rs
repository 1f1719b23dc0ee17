//! The human side of a turn: the sentences of a prompt and the decisions they state, as the
//! annotation guidelines count them (a goal, each constraint, approach or done criterion, a
//! correction, an answer; a file named to change, a dictated command or code, a run of the
//! user's own, a veto).

use rand::RngExt;
use rand_pcg::Pcg64;

use super::scenario::{Change, Scenario};

/// How a human execution decision shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HumanExec {
    /// Names the file to change.
    Files,
    /// Dictates a command.
    Command,
    /// Dictates code (a signature).
    Code,
    /// Reports a run of the user's own.
    Ran,
    /// Refuses one of the agent's calls.
    Veto,
}

impl HumanExec {
    pub fn pick(rng: &mut Pcg64) -> HumanExec {
        match rng.random_range(0..10) {
            0..=2 => HumanExec::Files,
            3..=5 => HumanExec::Command,
            6..=7 => HumanExec::Code,
            8 => HumanExec::Ran,
            _ => HumanExec::Veto,
        }
    }

    /// Whether the agent carries it out with a change of the turn.
    pub fn needs_change(self) -> bool {
        !matches!(self, HumanExec::Ran | HumanExec::Veto)
    }
}

/// A sentence of the prompt and the decision it states: (category, summary, sentence).
pub type Said = (&'static str, String, String);

/// What the previous turns left for this prompt to react to.
#[derive(Debug, Default, Clone, Copy)]
pub struct Story {
    /// The last check run failed.
    pub check_failed: bool,
    /// The agent asked a question at the end of its last reply.
    pub question: bool,
    /// The agent chose an approach in its last reply.
    pub choice: bool,
    /// The agent made any planning decision in its last reply.
    pub agent_planned: bool,
    /// A goal was set (by the user, or by the agent after an opening without one).
    pub goal_stated: bool,
    /// A file was changed.
    pub edited: bool,
    /// The agent already asked its question.
    pub asked: bool,
    /// The agent already laid out a to-do list.
    pub todo: bool,
    /// The agent chose the approach once (it does not choose it again).
    pub agent_chose: bool,
    /// The user chose the approach (so the agent does not choose it again).
    pub approach_set: bool,
    /// The agent's planning forms already stated, as bits.
    pub agent_said: u8,
    /// The later constraints already stated, as bits of their index.
    pub used: u32,
}

/// The human planning sentences of a turn, `n` of them.
pub fn planning(rng: &mut Pcg64, sc: &Scenario, story: &mut Story, n: usize) -> Vec<Said> {
    if n == 0 {
        return Vec::new();
    }
    let s = sc.subject;
    let (approach, alternative) = sc.approach();
    let done = sc.done();
    let mut out: Vec<Said> = Vec::with_capacity(n);
    let later = [
        (
            "approach",
            format!("User picks the approach: {approach}"),
            format!("Please {approach} rather than {alternative}."),
        ),
        (
            "done",
            format!("User defines done: {done}"),
            format!("It's done when {done}."),
        ),
        (
            "approach",
            "User rules out new dependencies".to_owned(),
            "Don't add any new dependencies.".to_owned(),
        ),
        (
            "approach",
            "User keeps the public API as it is".to_owned(),
            "Keep the public API unchanged.".to_owned(),
        ),
        (
            "goal",
            format!("User widens the scope: {}", s.offer),
            format!("Also {}.", s.offer),
        ),
    ];
    if n > 0 && !story.goal_stated {
        out.push(("goal", format!("User sets the goal: {}", sc.aim()), sc.goal()));
    }
    if n > 0 && story.question {
        let (a, b) = (s.options[0], s.options[1]);
        out.push((
            "approach",
            format!("User answers the agent's question: {a}"),
            format!("Go with {a}, not {b}."),
        ));
    }
    if n > 0 && story.choice && !story.approach_set && rng.random_bool(0.5) {
        out.push((
            "approach",
            format!("User corrects the approach: {alternative}"),
            format!("No, {alternative} instead."),
        ));
    }
    // The first prompt picks an approach or a criterion; later ones add constraints.
    if story.approach_set || story.agent_chose {
        story.used |= 1; // the approach is settled: not stated again
    }
    let start = if story.goal_stated { 2 } else { rng.random_range(0..2) };
    let mut order: Vec<usize> = (0..later.len()).map(|i| (start + i) % later.len()).collect();
    order.sort_by_key(|i| story.used >> i & 1); // unsaid first
    for i in order.into_iter().cycle().take(n.saturating_sub(out.len())) {
        story.used |= 1 << i;
        out.push(later[i].clone());
    }
    out.truncate(n);
    story.approach_set |= out
        .iter()
        .any(|s| s.1.starts_with("User picks") || s.1.starts_with("User corrects"));
    out
}

/// The sentence of a human execution decision about `change`: (category, summary, sentence).
/// `t` varies the wording from turn to turn.
pub fn execution(form: HumanExec, sc: &Scenario, change: Option<&Change>, story: &Story, t: usize) -> Said {
    let v = t % 3;
    match (form, change) {
        (HumanExec::Code, Some(Change::Edit(f))) if *f == sc.module => (
            "code",
            format!("User dictates the signature in {f}"),
            format!("Add `{}` to {f}.", sc.signature),
        ),
        (_, Some(Change::Edit(f) | Change::Write(f))) => (
            "files",
            format!("User names the file to change: {f}"),
            [
                format!("Make the change in {f}."),
                format!("Put it in {f}."),
                format!("Edit {f} for this."),
            ][v]
                .clone(),
        ),
        (_, Some(Change::Commit)) => (
            "commands",
            "User asks for a commit".to_owned(),
            ["Then commit it.", "Commit when it's green.", "Commit that."][v].to_owned(),
        ),
        (_, Some(c)) => {
            let cmd = sc.command(c);
            (
                "commands",
                format!("User dictates the command: {cmd}"),
                [
                    format!("Run `{cmd}` when you're done."),
                    format!("Then run `{cmd}`."),
                    format!("Check it with `{cmd}`."),
                ][v]
                    .clone(),
            )
        }
        (_, None) if !story.edited && matches!(sc.mode, "fix" | "test") => (
            "commands",
            format!("User reports a run of their own: {}", sc.test),
            format!("I ran `{}` on main and it fails.", sc.test),
        ),
        (_, None) if story.check_failed => (
            "commands",
            format!("User reports a run of their own: {}", sc.test),
            format!("I ran `{}` locally and got the same failure.", sc.test),
        ),
        (_, None) => (
            "commands",
            format!("User reports a run of their own: {}", sc.lint),
            format!("I ran `{}` on my machine and it's clean.", sc.lint),
        ),
    }
}

/// An opening that states no goal: a pasted run, or a pointer, leaving the goal to the agent.
pub fn vague_opening(sc: &Scenario) -> String {
    match sc.mode {
        "fix" | "test" | "analyze" => format!(
            "dev@laptop:~/{}$ {}\nFAILED {}",
            sc.project.name, sc.test, sc.subject.failing
        ),
        "operate" => format!("the {} deploy, whenever you're ready", sc.subject.stem),
        _ => format!("thoughts on {}?", sc.subject.stem),
    }
}

/// A prompt that only moves the work on: bare assent (which ratifies the agent's plan) when
/// `assent`, else a bare request to continue.
pub fn carry_on(rng: &mut Pcg64, assent: bool) -> &'static str {
    const ASSENT: &[&str] = &[
        "yes, go ahead",
        "sounds good, do it",
        "ok",
        "yes",
        "go for it 👍",
        "perfect, proceed",
    ];
    const ON: &[&str] = &["continue", "go on", "keep going"];
    let xs = if assent { ASSENT } else { ON };
    xs[rng.random_range(0..xs.len())]
}

/// A question about the work (a clarification, no decision), for a turn without actions.
pub fn question(sc: &Scenario) -> String {
    format!("what does this change for existing {} data?", sc.subject.stem)
}
