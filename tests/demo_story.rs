//! The demo corpus tells coherent stories: decisions follow the annotation guidelines and
//! each turn's own content, titles name files the session shows, outcomes agree with the
//! last check. Checked over the embedded demo and over a corpus of another seed.

use std::io::Read;

use leash::generate::{GenOptions, generate};
use leash::model::{Action, Actor, Kind, Outcome, Session, Turn};

fn demo() -> Vec<Session> {
    let gz = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.jsonl.gz")).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut text).unwrap();
    parse(&text)
}

fn generated(sessions: u64, seed: u64) -> Vec<Session> {
    let mut out = Vec::new();
    generate(&GenOptions { sessions, seed }, &mut out).unwrap();
    parse(std::str::from_utf8(&out).unwrap())
}

fn parse(text: &str) -> Vec<Session> {
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// A shell command that only looks (the guidelines' reads).
fn is_read_command(cmd: &str) -> bool {
    ["git status", "git diff", "git log", "ls", "cat ", "grep ", "rg "]
        .iter()
        .any(|p| cmd.starts_with(p))
}

/// A call that changes state or verifies the work, and went through.
fn changes(a: &Action) -> bool {
    a.ok == Some(true)
        && match a.tool.as_str() {
            "Edit" | "Write" => true,
            "Bash" => !is_read_command(a.target.as_deref().unwrap_or("")),
            _ => false,
        }
}

/// A call that is someone's execution decision: a change, or a check run (passing or not).
fn decided(a: &Action) -> bool {
    changes(a) || is_check(a)
}

fn is_check(a: &Action) -> bool {
    a.tool == "Bash"
        && !is_read_command(a.target.as_deref().unwrap_or(""))
        && !a.target.as_deref().unwrap_or("").starts_with("git ")
}

/// Every inconsistency of one session, described.
fn faults(s: &Session) -> Vec<String> {
    let mut out = Vec::new();
    let mut fault = |t: usize, what: String| out.push(format!("{} turn {t}: {what}", s.id));
    for (t, turn) in s.turns.iter().enumerate() {
        turn_faults(turn, &mut |w| fault(t, w));
        // Bare assent: a short prompt that states no decision of its own.
        let next_is_assent = s.turns.get(t + 1).is_some_and(|n| {
            n.prompt.len() < 20
                && !n.prompt.contains('?')
                && !n
                    .decisions
                    .iter()
                    .any(|d| d.actor == Actor::Human && d.evidence.as_deref().is_some_and(|e| n.prompt.contains(e)))
        });
        for d in turn.decisions.iter().filter(|d| d.is_ratified()) {
            if d.actor != Actor::Agent || d.kind != Kind::Planning || !next_is_assent {
                fault(t, format!("{} is ratified without bare assent after it", d.id));
            }
        }
    }
    // A title's file is one the session shows.
    if let Some(title) = &s.title {
        for word in title.split_whitespace().filter(|w| w.contains('/')) {
            let seen = s
                .turns
                .iter()
                .any(|t| t.prompt.contains(word) || t.actions.iter().any(|a| a.target.as_deref() == Some(word)));
            if !seen {
                out.push(format!("{}: title names {word}, which the session never shows", s.id));
            }
        }
    }
    // The outcome is the story's: the last check decides.
    let last_check = s.turns.iter().flat_map(|t| &t.actions).rfind(|a| is_check(a));
    let closing = s
        .turns
        .iter()
        .rev()
        .find_map(|t| t.actions.iter().rev().find(|a| changes(a) || is_check(a)));
    match s.outcome {
        Some(Outcome::Success | Outcome::VerifiedSuccess) if last_check.is_some_and(|a| a.ok != Some(true)) => {
            out.push(format!("{}: {:?} ends on a failing check", s.id, s.outcome))
        }
        Some(Outcome::Failure) if last_check.is_none_or(|a| a.ok != Some(false)) => {
            out.push(format!("{}: failure without a failing last check", s.id))
        }
        Some(Outcome::VerifiedSuccess)
            if !closing.is_some_and(|a| {
                a.tool == "Bash"
                    && a.ok == Some(true)
                    && (a.target.as_deref().unwrap_or("").starts_with("git commit")
                        || a.target.as_deref().unwrap_or("").contains("test"))
            }) =>
        {
            out.push(format!(
                "{}: verified success not closed by a passing test or a commit",
                s.id
            ))
        }
        _ => {}
    }
    out
}

fn turn_faults(turn: &Turn, fault: &mut dyn FnMut(String)) {
    let response = turn.response.as_deref().unwrap_or("");
    let mut agent_evidence: Vec<&str> = Vec::new();
    for d in &turn.decisions {
        let ev = d.evidence.as_deref().unwrap_or("");
        let cat = d.category.as_deref().unwrap_or("");
        let cats: &[&str] = match d.kind {
            Kind::Planning => &["goal", "approach", "done"],
            Kind::Execution => &["files", "code", "commands"],
        };
        if !cats.contains(&cat) || d.summary.as_deref().is_none_or(str::is_empty) {
            fault(format!(
                "{}: category {cat:?} or summary does not fit a {:?} decision",
                d.id, d.kind
            ));
        }
        let who = if d.actor == Actor::Human { "User " } else { "Agent " };
        if !d.summary.as_deref().unwrap_or("").starts_with(who) {
            fault(format!("{}: summary {:?} credits another actor", d.id, d.summary));
        }
        match (d.actor, d.kind) {
            (Actor::Human, _) => {
                let vetoed = turn
                    .actions
                    .iter()
                    .any(|a| a.ok == Some(false) && a.target.as_deref() == Some(ev) && !is_check(a));
                if ev.is_empty() || !(turn.prompt.contains(ev) || vetoed) {
                    fault(format!(
                        "{}: human evidence {ev:?} is neither in the prompt nor a refused call",
                        d.id
                    ));
                }
            }
            (Actor::Agent, Kind::Execution) => {
                if !turn
                    .actions
                    .iter()
                    .any(|a| decided(a) && a.target.as_deref() == Some(ev))
                {
                    fault(format!("{}: agent execution {ev:?} is no change of the turn", d.id));
                }
                if agent_evidence.contains(&ev) {
                    fault(format!("{}: a second agent decision for {ev:?}", d.id));
                }
                agent_evidence.push(ev);
            }
            (Actor::Agent, Kind::Planning) => {
                if ev.is_empty() || !ev.split("; ").all(|part| response.contains(part)) {
                    fault(format!("{}: agent planning {ev:?} is not in the reply", d.id));
                }
            }
        }
    }
    // And the other way round: every change is someone's decision.
    for a in turn.actions.iter().filter(|a| decided(a)) {
        let target = a.target.as_deref().unwrap_or("");
        let named = turn
            .decisions
            .iter()
            .any(|d| d.kind == Kind::Execution && d.evidence.as_deref().is_some_and(|e| e.contains(target)))
            || (target.starts_with("git commit")
                && turn
                    .decisions
                    .iter()
                    .any(|d| d.evidence.as_deref().is_some_and(|e| e.contains("ommit"))));
        if !named {
            fault(format!("{} {target:?} has no decision naming it", a.tool));
        }
    }
}

fn assert_coherent(sessions: &[Session]) {
    let all: Vec<String> = sessions.iter().flat_map(faults).collect();
    assert!(
        all.is_empty(),
        "{} faults, the first: {:#?}",
        all.len(),
        &all[..all.len().min(12)]
    );
}

#[test]
fn every_demo_session_holds_together() {
    let sessions = demo();
    assert!(sessions.len() >= 2000);
    assert_coherent(&sessions);
}

#[test]
fn sessions_of_another_seed_hold_together_too() {
    assert_coherent(&generated(1500, 11));
}

/// The checks above can fail: a session with the contradictions is caught.
#[test]
fn the_checks_catch_a_contradictory_session() {
    let mut s = generated(40, 3)
        .into_iter()
        .find(|s| s.outcome == Some(Outcome::Success) && s.turns.len() > 1)
        .unwrap();
    assert!(faults(&s).is_empty());
    s.title = Some("Fix failing test in src/pages/auth.ts".into());
    let last = s.turns.len() - 1;
    s.turns[last].actions.push(Action {
        tool: "Bash".into(),
        target: Some("npx playwright test".into()),
        ok: Some(false),
    });
    let t = &mut s.turns[0];
    t.actions.push(Action {
        tool: "Edit".into(),
        target: Some("tests/search.test.ts".into()),
        ok: Some(true),
    });
    if let Some(d) = t.decisions.iter_mut().find(|d| d.actor == Actor::Human) {
        d.evidence = Some("Keep the public signature unchanged".into());
    }
    let f = faults(&s);
    for want in [
        "title names src/pages/auth.ts",
        "ends on a failing check",
        "neither in the prompt",
        "has no decision naming it",
    ] {
        assert!(f.iter().any(|x| x.contains(want)), "{want:?} not among {f:#?}");
    }
}
