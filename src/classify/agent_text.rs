//! Agent planning in prose: a diagnosis that decides the fix, a choice of approach or design
//! the user left open, an offer of further work. Narration of the next step ("Now I'll run
//! the tests", "Let me read the file") is not a plan.

use super::words::agent::*;

use super::Finding;
use super::text::{any_phrase, has_phrase, sentences};
use crate::model::{Actor, Kind};

const LAID_OUT: &str = "agent laid out a plan or design";

/// Every agent planning decision in a turn's prose: at most one of each kind.
pub fn rules(text: &str, out: &mut Vec<Finding>) {
    let mut found = [false; 4];
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if let Some(h) = heading(line) {
            let l = h.to_lowercase();
            if !found[3] && HEADINGS.iter().any(|k| l.contains(k)) && !DONE_HEADINGS.iter().any(|k| l.contains(k)) {
                found[3] = true;
                // The design is the whole structured answer: quote its first heading.
                let first = text.lines().find_map(heading).unwrap_or(h);
                out.push(Finding::new(
                    Actor::Agent,
                    Kind::Planning,
                    "approach",
                    "A-PLAN-TEXT",
                    LAID_OUT.into(),
                    first,
                    0.5,
                ));
            }
            continue;
        }
        for s in sentences(line) {
            let l = s.to_lowercase();
            let l = l.trim_start_matches(|c: char| !c.is_alphanumeric());
            let narration = NARRATION.iter().any(|n| l.starts_with(n)) || any_phrase(l, LOOKING);
            for (i, (cues, rule, summary)) in [
                (DIAGNOSIS, "A-PLAN-DIAGNOSIS", "agent diagnosed the cause"),
                (CHOICE, "A-PLAN-TEXT", "agent chose an approach"),
                (OFFER, "A-PLAN-OFFER", "agent offered further work"),
            ]
            .into_iter()
            .enumerate()
            {
                if found[i] || narration && i == 1 || !cues.iter().any(|c| l.contains(c)) {
                    continue;
                }
                // "Shall I proceed with the plan?" asks assent to work proposed, it offers none.
                if i == 2 && PROCEED.iter().any(|p| l.contains(p)) {
                    continue;
                }
                // "CLAUDE.md lives at the root rather than in .claude/" describes; a choice has
                // someone choosing ("I'll use X instead of Y", "let's keep Y rather than Z").
                if i == 1 && !CHOICE.iter().any(|c| !CONTRAST.contains(c) && l.contains(c)) && !any_phrase(l, CHOOSERS)
                {
                    continue;
                }
                found[i] = true;
                out.push(Finding::new(
                    Actor::Agent,
                    Kind::Planning,
                    "approach",
                    rule,
                    summary.into(),
                    s,
                    0.5,
                ));
            }
        }
    }
}

/// An offer in a turn where the agent laid out a plan (a structured design, a to-do list, a
/// plan-mode plan, a delegation) offers to carry out that plan, and one after a diagnosis
/// offers to apply the fix ("I can *also* …" offers more): one decision, the plan's. The offer
/// goes, and the plan's evidence quotes it too when both fit (people quote either).
pub fn drop_restating_offer(found: &mut Vec<Finding>) {
    let Some(offer) = found.iter().position(|f| f.rule == "A-PLAN-OFFER") else {
        return;
    };
    let more = has_phrase(&found[offer].evidence, "also");
    let laid_out =
        |f: &Finding| matches!(f.rule, "A-PLAN-EXIT" | "A-PLAN-TODO" | "A-PLAN-DELEGATE") || f.summary == LAID_OUT;
    let Some(plan) = found
        .iter()
        .position(laid_out)
        .or_else(|| found.iter().position(|f| f.rule == "A-PLAN-DIAGNOSIS" && !more))
    else {
        return;
    };
    let both = format!("{} … {}", found[plan].evidence, found[offer].evidence);
    if both.len() <= 240 {
        found[plan].evidence = both;
    }
    found.remove(offer);
}

/// A markdown heading or a line that is only bold text.
fn heading(line: &str) -> Option<&str> {
    let t = line.trim();
    if let Some(h) = t.strip_prefix('#') {
        return Some(h.trim_start_matches('#').trim()).filter(|h| !h.is_empty());
    }
    let inner = t
        .strip_prefix("**")?
        .strip_suffix("**")
        .or_else(|| t.strip_prefix("**")?.strip_suffix("**:"))?;
    (!inner.contains("**")).then_some(inner.trim())
}
