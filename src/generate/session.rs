//! Builds one synthetic session from (seed, index).

use rand::RngExt;
use rand_pcg::Pcg64;

use super::calib::{self, Calibration, Regime, Strata};
use super::text::{self, LANGS, Lang};
use crate::model::{Action, Actor, Decision, Expertise, Kind, Outcome, Session, Turn, count_words};

const MODES: &[(&str, u32)] = &[
    ("fix", 28),
    ("create", 22),
    ("test", 8),
    ("understand", 10),
    ("operate", 7),
    ("orchestrate", 5),
    ("plan", 7),
    ("analyze", 7),
    ("write", 6),
];

const TOOLS: [&str; 9] = [
    "Read",
    "Edit",
    "Write",
    "Bash",
    "Grep",
    "Glob",
    "TodoWrite",
    "WebFetch",
    "Task",
];

/// Tool weights per mode, in the order of [`TOOLS`].
fn tool_weights(mode: &str) -> [u32; 9] {
    match mode {
        "fix" => [30, 25, 2, 25, 10, 3, 3, 1, 1],
        "create" => [20, 25, 15, 20, 5, 5, 5, 3, 2],
        "test" => [20, 15, 10, 40, 5, 3, 3, 1, 3],
        "understand" => [50, 0, 0, 10, 25, 12, 1, 2, 0],
        "operate" => [10, 8, 3, 70, 3, 2, 2, 2, 0],
        "orchestrate" => [15, 15, 5, 15, 5, 3, 12, 2, 28],
        "plan" => [40, 3, 8, 5, 20, 10, 12, 2, 0],
        "analyze" => [35, 3, 2, 30, 20, 7, 1, 2, 0],
        _ => [30, 20, 30, 5, 8, 5, 1, 1, 0],
    }
}

fn pick<'a, T: ?Sized>(rng: &mut Pcg64, xs: &'a [&'a T]) -> &'a T {
    xs[rng.random_range(0..xs.len())]
}

fn weighted(rng: &mut Pcg64, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut x = rng.random_range(0..total);
    for (i, &w) in weights.iter().enumerate() {
        if x < w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

/// Splits `total` into parts proportional to `weights`, summing exactly to `total`.
pub fn split(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    let mut parts: Vec<u64> = weights
        .iter()
        .map(|w| (total as f64 * w / sum).floor() as u64)
        .collect();
    let mut rest = total - parts.iter().sum::<u64>().min(total);
    let n = parts.len();
    let mut i = 0;
    while rest > 0 {
        parts[i % n] += 1;
        rest -= 1;
        i += 1;
    }
    parts
}

fn rfc3339(secs: i64) -> String {
    crate::text::rfc3339_utc(secs.max(0) as u64)
}

fn confidence(rng: &mut Pcg64, actor: Actor) -> f64 {
    let c: f64 = if rng.random_bool(0.1) {
        rng.random_range(0.25..0.5)
    } else if actor == Actor::Human {
        rng.random_range(0.7..0.99)
    } else {
        rng.random_range(0.5..0.95)
    };
    (c * 100.0).round() / 100.0
}

/// Human count among `n` decisions for a wanted share, randomly rounded, kept in `[lo, hi]`.
fn humans(rng: &mut Pcg64, n: u64, share: f64, lo: u64, hi: u64) -> u64 {
    let h = (share * n as f64 + rng.random::<f64>()).floor() as u64;
    h.clamp(lo.min(hi), hi).min(n)
}

/// What a session is about: the fixed ingredients its texts are made from.
struct Task {
    mode: &'static str,
    lang: &'static Lang,
    files: Vec<String>,
    stem: &'static str,
    bug: &'static str,
    feature: &'static str,
    topic: &'static str,
    approach: &'static str,
    done: &'static str,
    code: &'static str,
    test_cmd: &'static str,
    build_cmd: &'static str,
}

impl Task {
    fn new(rng: &mut Pcg64, mode: &'static str, lang: &'static Lang) -> Task {
        let n = rng.random_range(3..9);
        let files = (0..n)
            .map(|_| {
                let dir = pick(rng, lang.dirs);
                let stem = pick(rng, text::STEMS);
                if dir == "tests" {
                    match lang.ext {
                        "py" => format!("tests/test_{stem}.py"),
                        "ts" => format!("tests/{stem}.test.ts"),
                        _ => format!("tests/{stem}.{}", lang.ext),
                    }
                } else {
                    format!("{dir}/{stem}.{}", lang.ext)
                }
            })
            .collect();
        Task {
            mode,
            lang,
            files,
            stem: pick(rng, text::STEMS),
            bug: pick(rng, text::BUGS),
            feature: pick(rng, text::FEATURES),
            topic: pick(rng, text::TOPICS),
            approach: pick(rng, text::APPROACHES),
            done: pick(rng, text::DONE),
            code: pick(rng, text::CODE),
            test_cmd: pick(rng, lang.test),
            build_cmd: pick(rng, lang.build),
        }
    }

    fn file(&self) -> &str {
        &self.files[0]
    }

    fn fill(&self, template: &str) -> String {
        template
            .replace("{bug}", self.bug)
            .replace("{feature}", self.feature)
            .replace("{topic}", self.topic)
            .replace("{stem}", self.stem)
            .replace("{file}", self.file())
    }

    fn title(&self, rng: &mut Pcg64) -> String {
        let templates = text::TITLES_BY_MODE
            .iter()
            .find(|(m, _)| *m == self.mode)
            .map_or(&["Session"][..], |(_, t)| t);
        let mut t = self.fill(pick(rng, templates));
        if let Some(c) = t.get(..1) {
            t = c.to_uppercase() + &t[1..];
        }
        t
    }

    /// The object of the goal, for summaries.
    fn goal(&self) -> String {
        match self.mode {
            "fix" => format!("fixing the bug where {}", self.bug),
            "create" => format!("adding {}", self.feature),
            "plan" => format!("a plan for {}", self.feature),
            "write" => format!("documenting {}", self.feature),
            "orchestrate" => format!("splitting {} into parallel subtasks", self.feature),
            "understand" => format!("explaining {}", self.topic),
            "test" => format!("tests for {}", self.file()),
            "operate" => format!("deploying the {} fix", self.stem),
            "analyze" => format!("finding why {} is slow", self.stem),
            _ => format!("the {} code", self.stem),
        }
    }

    /// A prompt sentence that states a human decision of this category, and its summary.
    fn human_sentence(&self, rng: &mut Pcg64, category: &str, later: bool) -> (String, String) {
        // Later turns revise the plan: another approach or criterion than the first.
        let approach = if later {
            pick(rng, text::APPROACHES)
        } else {
            self.approach
        };
        let done = if later { pick(rng, text::DONE) } else { self.done };
        match category {
            "goal" => {
                let sentence = match self.mode {
                    "fix" => format!("Fix the bug where {}.", self.bug),
                    "create" => format!("Add {} to the {} module.", self.feature, self.stem),
                    "test" => format!("Write tests for {} that cover the error paths.", self.file()),
                    "understand" => format!("Explain {}.", self.topic),
                    "operate" => format!("Deploy the {} fix to staging and check the logs.", self.stem),
                    "orchestrate" => format!("Split {} into subtasks and run them in parallel.", self.feature),
                    "plan" => format!("Write a plan for {}, no code yet.", self.feature),
                    "analyze" => format!("Find out why {} is slow under load.", self.stem),
                    _ => format!("Document {} in the README.", self.feature),
                };
                (sentence, format!("User sets the goal: {}", self.goal()))
            }
            "approach" => {
                let sentence = match rng.random_range(0..3) {
                    0 => format!("I want you to {approach}."),
                    1 => format!("Please {approach}."),
                    _ => format!("Approach: {approach}."),
                };
                (sentence, format!("User picks the approach: {approach}"))
            }
            "done" => (format!("It's done when {done}."), format!("User defines done: {done}")),
            "files" => {
                let f = pick_file(rng, &self.files);
                match rng.random_range(0..3) {
                    0 => (format!("Only touch {f}."), format!("User limits the change to {f}")),
                    1 => (format!("Put the change in {f}."), format!("User picks the file: {f}")),
                    _ => (format!("Leave {f} alone."), format!("User rules out changing {f}")),
                }
            }
            "code" => (
                format!("Please {}.", self.code),
                format!("User dictates the code: {}", self.code),
            ),
            _ => match rng.random_range(0..3) {
                0 => (
                    format!("Run `{}` before you finish.", self.test_cmd),
                    format!("User names the check: {}", self.test_cmd),
                ),
                1 => (
                    format!("Use `{}` to check.", self.build_cmd),
                    format!("User names the check: {}", self.build_cmd),
                ),
                _ => {
                    let msg = pick(rng, text::COMMIT_MSGS);
                    (
                        format!("Commit with the message \"{msg}\"."),
                        format!("User dictates the commit: {msg}"),
                    )
                }
            },
        }
    }

    /// A vague opening that leaves the goal to the agent.
    fn vague_goal(&self, rng: &mut Pcg64) -> String {
        match rng.random_range(0..4) {
            0 => format!("something is off with {}, can you take a look?", self.stem),
            1 => format!("{} is a mess.", self.file()),
            2 => format!("help me with the {} stuff.", self.stem),
            _ => format!("ideas for {}?", self.stem),
        }
    }

    /// The agent's sentence that states an agent planning decision, and its summary.
    fn agent_sentence(&self, category: &str) -> (String, String) {
        match category {
            "goal" => (
                format!("I'll focus on this first: {}.", self.goal()),
                format!("Agent sets the goal: {}", self.goal()),
            ),
            "approach" => (
                format!("My plan: {}.", self.approach),
                format!("Agent picks the approach: {}", self.approach),
            ),
            _ => (
                format!("I'll consider this done when {}.", self.done),
                format!("Agent defines done: {}", self.done),
            ),
        }
    }
}

fn pick_file<'a>(rng: &mut Pcg64, files: &'a [String]) -> &'a str {
    &files[rng.random_range(0..files.len())]
}

fn action(rng: &mut Pcg64, task: &Task, weights: &[u32; 9]) -> Action {
    let tool = TOOLS[weighted(rng, weights)];
    let (target, ok) = match tool {
        "Read" => {
            let t = if rng.random_bool(0.1) {
                pick(rng, task.lang.configs).to_owned()
            } else {
                pick_file(rng, &task.files).to_owned()
            };
            (t, None)
        }
        "Edit" => (pick_file(rng, &task.files).to_owned(), Some(!rng.random_bool(0.03))),
        "Write" => {
            let f = pick_file(rng, &task.files);
            let t = if rng.random_bool(0.3) {
                f.replacen('.', "_new.", 1)
            } else {
                f.to_owned()
            };
            (t, Some(true))
        }
        "Bash" => {
            let t = match rng.random_range(0..10) {
                0..=3 => task.test_cmd.to_owned(),
                4..=5 => task.build_cmd.to_owned(),
                6 => "git status".to_owned(),
                7 => "git diff --stat".to_owned(),
                8 => format!("git commit -am \"{}\"", pick(rng, text::COMMIT_MSGS)),
                _ => format!("ls {}", pick(rng, task.lang.dirs)),
            };
            (t, Some(!rng.random_bool(0.12)))
        }
        "Grep" => (
            format!("\"{}\" {}", pick(rng, text::SEARCHES), pick(rng, task.lang.dirs)),
            None,
        ),
        "Glob" => (format!("{}/**/*.{}", pick(rng, task.lang.dirs), task.lang.ext), None),
        "TodoWrite" => (format!("{} todos", rng.random_range(2..8)), None),
        "WebFetch" => (pick(rng, text::WEB).to_owned(), Some(!rng.random_bool(0.05))),
        _ => (
            format!(
                "subagent: {} in {}",
                pick(rng, &["review", "explore", "implement", "test"]),
                task.stem
            ),
            None,
        ),
    };
    Action {
        tool: tool.to_owned(),
        target: Some(target),
        ok,
    }
}

/// One decision before its text is written.
#[derive(Clone, Copy)]
struct Pending {
    kind: Kind,
    actor: Actor,
}

/// Where a session stands in the stratification (see [`Strata`]).
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    /// Its 0-based position in the corpus.
    pub index: u64,
    pub cell: usize,
    /// How many earlier sessions are in the same cell.
    pub rank: u64,
    /// How many earlier sessions have the same expertise level.
    pub level_rank: u64,
}

/// Builds the session at `slot` of the corpus for `seed`.
pub fn session(cal: &Calibration, strata: &Strata, seed: u64, slot: &Slot) -> Session {
    let index = slot.index;
    let q = |d| strata.within(slot.cell, slot.rank, d);
    let cell = cal.cells[slot.cell];
    let state =
        (u128::from(calib::splitmix64(seed)) << 64) | u128::from(calib::splitmix64(index ^ seed.rotate_left(29)));
    let mut rng = Pcg64::new(state, u128::from(index));
    let rng = &mut rng;

    let (project, lang) = text::PROJECTS[rng.random_range(0..text::PROJECTS.len())];
    let mode = MODES[weighted(rng, &MODES.iter().map(|m| m.1).collect::<Vec<_>>())].0;
    let task = Task::new(rng, mode, LANGS[lang]);
    let level = cell.level;
    let expertise = Expertise((level < 5).then_some(level as u8 + 1));
    let start = 1_736_121_600 + rng.random_range(0..650 * 86_400i64); // from 2025-01-06
    let mut s = Session {
        id: format!("s-{:06}", index + 1),
        title: rng.random_bool(0.75).then(|| task.title(rng)),
        project: Some(project.to_owned()),
        started_at: Some(rfc3339(start)),
        model: Some(pick(rng, text::MODELS).to_owned()),
        expertise,
        mode: Some(mode.to_owned()),
        outcome: None,
        turns: Vec::new(),
        ..Session::default()
    };
    if cell.empty {
        s.title = Some("Untitled session".to_owned());
        return s;
    }
    let uo = strata.quota(cell.level, slot.level_rank);
    if uo < calib::KNOWN_OUTCOME {
        let v = uo / calib::KNOWN_OUTCOME;
        let verified = calib::VERIFIED[level];
        s.outcome = Some(if v < verified {
            Outcome::VerifiedSuccess
        } else if (v - verified) / (1.0 - verified) < calib::PLAIN_SUCCESS {
            Outcome::Success
        } else {
            Outcome::Failure
        });
    }

    // Turns, actions and words: the calibrated session totals.
    let (ut, ua) = (q(calib::D_TURNS), q(calib::D_APP));
    let (n, actions) = if cell.tail {
        let n: u64 = if ut < 0.5 { 1 } else { 2 };
        let app = calib::TAIL_APP_MIN - calib::TAIL_APP_EXTRA_MEAN * (1.0 - ua).max(1e-9).ln();
        (n, (app.min(400.0) * n as f64).ceil() as u64)
    } else {
        let extra = ((1.0 - ut).max(1e-12).ln() / (1.0 - cal.turns_p).ln()).floor();
        let n = 1 + extra.min(24.0) as u64; // a bounded tail, see `calib::spread`
        let app = (cal.app[level][cell.regime as usize] * calib::spread(ua)).min(calib::APP_CAP);
        (n, (app * n as f64).round() as u64)
    };
    let words_mean = (calib::WORDS_TARGET[level] * calib::spread(q(calib::D_WORDS))).min(40_000.0);
    let words_total = (words_mean * n as f64).round() as u64;
    let aw: Vec<f64> = (0..n)
        .map(|t| rng.random_range(0.2..1.8) * if t == 0 { 1.4 } else { 1.0 })
        .collect();
    let per_turn_actions = split(actions, &aw);
    let ww: Vec<f64> = aw.iter().map(|a| 0.5 * a + rng.random_range(0.2..1.0)).collect();
    let per_turn_words = split(words_total, &ww);

    // Decisions: counts per turn, then who made them, fixed at session level by the regime.
    let mut planning_n: Vec<u64> = Vec::with_capacity(n as usize);
    let mut execution_n: Vec<u64> = Vec::with_capacity(n as usize);
    for (t, &turn_actions) in per_turn_actions.iter().enumerate() {
        planning_n.push(if t == 0 {
            2 + u64::from(rng.random_bool(0.5))
        } else {
            [0, 0, 0, 0, 0, 0, 1, 1, 1, 2][rng.random_range(0..10)]
        });
        execution_n.push(1 + (turn_actions / 6).min(3));
    }
    let (np, nx): (u64, u64) = (planning_n.iter().sum(), execution_n.iter().sum());
    let (up, ux) = (q(calib::D_PLANNING), q(calib::D_EXECUTION));
    let below_fifth = |n: u64| (n as f64 * 0.2).ceil() as u64; // h >= this keeps share >= 0.2
    let at_most_four_fifths = |n: u64| (n as f64 * 0.8).floor() as u64; // h <= this keeps share <= 0.8
    let (hp, hx) = match cell.regime {
        Regime::Keeps => (
            humans(rng, np, 0.6 + 0.4 * up, below_fifth(np), np),
            humans(rng, nx, 0.85 + 0.15 * ux, at_most_four_fifths(nx) + 1, nx),
        ),
        Regime::Shared => (
            humans(rng, np, calib::SHARED_PLANNING + 0.4 * (up - 0.5), below_fifth(np), np),
            humans(rng, nx, 2.0 * calib::SHARED_EXECUTION * ux, 0, at_most_four_fifths(nx)),
        ),
        Regime::AgentPlans => (
            humans(rng, np, 0.15 * up, 0, below_fifth(np).saturating_sub(1)),
            humans(rng, nx, 0.1 * ux, 0, at_most_four_fifths(nx)),
        ),
    };
    let mut planning_actors = shuffled(rng, np, hp);
    let mut execution_actors = shuffled(rng, nx, hx);

    let mut next_id = 1;
    for t in 0..n as usize {
        let mut slots: Vec<Pending> = Vec::new();
        for _ in 0..planning_n[t] {
            slots.push(Pending {
                kind: Kind::Planning,
                actor: planning_actors.pop().unwrap_or(Actor::Agent),
            });
        }
        for _ in 0..execution_n[t] {
            slots.push(Pending {
                kind: Kind::Execution,
                actor: execution_actors.pop().unwrap_or(Actor::Agent),
            });
        }
        let turn = build_turn(
            rng,
            &task,
            t,
            &slots,
            per_turn_actions[t],
            per_turn_words[t],
            &mut next_id,
            &mut s.turns,
        );
        s.turns.push(turn);
    }
    s
}

/// `n` actors of which `h` are human, in random order.
fn shuffled(rng: &mut Pcg64, n: u64, h: u64) -> Vec<Actor> {
    let mut v: Vec<Actor> = (0..n)
        .map(|i| if i < h { Actor::Human } else { Actor::Agent })
        .collect();
    for i in (1..v.len()).rev() {
        v.swap(i, rng.random_range(0..=i));
    }
    v
}

#[allow(clippy::too_many_arguments)]
fn build_turn(
    rng: &mut Pcg64,
    task: &Task,
    t: usize,
    slots: &[Pending],
    actions: u64,
    words: u64,
    next_id: &mut u32,
    earlier: &mut [Turn],
) -> Turn {
    let weights = tool_weights(task.mode);
    let actions: Vec<Action> = (0..actions).map(|_| action(rng, task, &weights)).collect();

    // Categories: the first turn states the goal, later ones refine approach and done.
    let mut planning_cats = if t == 0 {
        vec!["goal", "approach", "done"]
    } else {
        vec!["approach", "done", "approach"]
    };
    planning_cats.reverse();
    let mut decisions = Vec::with_capacity(slots.len());
    let mut prompt_parts: Vec<String> = Vec::new();
    let mut reply_parts: Vec<String> = Vec::new();
    let mut goal_human = false;
    for (k, slot) in slots.iter().enumerate() {
        let category = match slot.kind {
            Kind::Planning => planning_cats.pop().unwrap_or("approach"),
            Kind::Execution => ["files", "code", "commands"][(k + t) % 3],
        };
        let (summary, evidence) = match (slot.kind, slot.actor) {
            (_, Actor::Human) => {
                let (sentence, summary) = task.human_sentence(rng, category, t > 0);
                goal_human |= category == "goal";
                prompt_parts.push(sentence.clone());
                (summary, sentence)
            }
            (Kind::Planning, Actor::Agent) => {
                let (sentence, summary) = task.agent_sentence(category);
                if reply_parts.len() < 2 {
                    reply_parts.push(sentence.clone());
                }
                (summary, sentence)
            }
            (Kind::Execution, Actor::Agent) => agent_execution(rng, task, category, &actions),
        };
        decisions.push(Decision {
            id: format!("d{next_id}"),
            kind: slot.kind,
            actor: slot.actor,
            category: Some(category.to_owned()),
            summary: Some(summary),
            evidence: Some(evidence),
            confidence: Some(confidence(rng, slot.actor)),
            ratified: None,
            rule: None,
        });
        *next_id += 1;
    }

    let prompt = if t == 0 {
        first_prompt(rng, task, goal_human, &prompt_parts)
    } else if !prompt_parts.is_empty() {
        let mut p = prompt_parts.join(" ");
        if rng.random_bool(0.3) {
            let lead = pick(rng, text::FOLLOW_UPS);
            let stop = if lead.ends_with(['.', '?', '!']) { "" } else { "." };
            p = format!("{lead}{stop} {p}");
        }
        p
    } else if let Some(prev) = earlier.last_mut()
        && prev
            .decisions
            .iter()
            .any(|d| d.kind == Kind::Planning && d.actor == Actor::Agent)
        && rng.random_bool(0.5)
    {
        for d in &mut prev.decisions {
            if d.kind == Kind::Planning && d.actor == Actor::Agent {
                d.ratified = Some(true);
            }
        }
        pick(rng, text::ASSENT).to_owned()
    } else {
        pick(rng, text::FOLLOW_UPS).to_owned()
    };

    if reply_parts.len() < 2 {
        reply_parts.push(match actions.len() {
            0 => "Here is what I found.".to_owned(),
            1 => format!("Looked at {}.", actions[0].target.as_deref().unwrap_or("the code")),
            n => {
                let status = if rng.random_bool(0.8) { "passes" } else { "still fails" };
                format!("Done in {n} steps; `{}` {status}.", task.test_cmd)
            }
        });
    }
    let response = reply_parts.join(" ");
    let response_words = words.max(count_words(&response));
    Turn {
        prompt,
        actions,
        response: Some(response),
        response_words: Some(response_words),
        decisions,
        ..Turn::default()
    }
}

fn agent_execution(rng: &mut Pcg64, task: &Task, category: &str, actions: &[Action]) -> (String, String) {
    let find = |tools: &[&str]| actions.iter().find(|a| tools.contains(&a.tool.as_str()));
    match category {
        "commands" => match find(&["Bash"]) {
            Some(a) => (
                format!("Agent chooses to run {}", a.target.as_deref().unwrap_or("")),
                format!("Bash {}", a.target.as_deref().unwrap_or("")),
            ),
            None => (
                format!("Agent decides not to run {}", task.test_cmd),
                format!("skipped `{}`", task.test_cmd),
            ),
        },
        "files" => match find(&["Edit", "Write"]) {
            Some(a) => (
                format!("Agent chooses to change {}", a.target.as_deref().unwrap_or("")),
                format!("{} {}", a.tool, a.target.as_deref().unwrap_or("")),
            ),
            None => {
                let f = pick_file(rng, &task.files);
                (format!("Agent chooses to look at {f} first"), format!("Read {f}"))
            }
        },
        _ => {
            let target = find(&["Edit", "Write"])
                .and_then(|a| a.target.as_deref())
                .unwrap_or(task.file());
            (
                format!("Agent decides to {}", pick(rng, text::CODE)),
                format!("Edit {target}"),
            )
        }
    }
}

fn first_prompt(rng: &mut Pcg64, task: &Task, goal_human: bool, parts: &[String]) -> String {
    let mut parts: Vec<String> = parts.to_vec();
    if !goal_human {
        parts.insert(0, task.vague_goal(rng));
    }
    match rng.random_range(0..10) {
        // Short: the sentences as they are.
        0..=3 => parts.join(" "),
        // Medium: with some context.
        4..=7 => {
            parts.insert(1.min(parts.len()), pick(rng, text::FILLERS).to_owned());
            parts.join(" ")
        }
        // Long: a multi-paragraph spec with a requirement list.
        _ => {
            let head = parts.remove(0);
            let i = rng.random_range(0..text::FILLERS.len());
            let j = (i + rng.random_range(1..text::FILLERS.len())) % text::FILLERS.len();
            let mut p = format!("{head}\n\n{} {}\n\n", text::FILLERS[i], text::FILLERS[j]);
            if !parts.is_empty() {
                p.push_str("Requirements:\n");
                for r in &parts {
                    p.push_str("- ");
                    p.push_str(r);
                    p.push('\n');
                }
                p.push('\n');
            }
            p.push_str("Ask me if anything is unclear before you start.");
            p
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_exact_and_proportional() {
        assert_eq!(split(10, &[1.0, 1.0]), vec![5, 5]);
        let p = split(101, &[0.3, 1.7, 1.0]);
        assert_eq!(p.iter().sum::<u64>(), 101);
        assert!(p[1] > p[2] && p[2] > p[0]);
        assert_eq!(split(0, &[1.0]), vec![0]);
    }

    #[test]
    fn rfc3339_dates_are_valid() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_736_121_600 + 3661), "2025-01-06T01:01:01Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}
