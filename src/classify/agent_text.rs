//! Agent planning in prose: a diagnosis that decides the fix, a choice of approach or design
//! the user left open, an offer of further work. Narration of the next step ("Now I'll run
//! the tests", "Let me read the file") is not a plan.

use super::Finding;
use super::agent::agent;
use super::text::sentences;
use crate::model::Kind;

/// "the cause is X", "found two issues": the agent decided what is wrong.
pub const DIAGNOSIS: &[&str] = &[
    "the root cause", "the cause is", "the cause was", "the issue is", "the issue was", "the problem is",
    "the problem was", "the bug is", "the bug was", "is caused by", "was caused by", "this is because",
    "that's because", "this happens because", "the reason is", "turns out", "found the issue", "found the problem",
    "found the bug", "found two issues", "found two problems", "found several issues", "found a few issues",
    "doesn't actually", "does not actually", "isn't actually", "is not actually", "never actually", "must also",
    "the fix is", "so the fix", "the culprit",
];
/// "I'll use an enum": the agent chose among alternatives.
pub const CHOICE: &[&str] = &[
    "i'll use", "i will use", "i'll go with", "i'm going to use", "let's use", "let's go with", "i chose",
    "i've chosen", "i decided", "i recommend", "i'd recommend", "i suggest", "i'd suggest", "my recommendation",
    "the best approach", "a better approach", "a cleaner approach", "a simpler approach", "the approach",
    "my approach", "here's the plan", "here is the plan", "here's my plan", "my plan", "the plan is",
    "step-by-step", "instead of", "rather than", "i'll take the approach",
];
/// "Want me to add X?": the agent offered further work.
pub const OFFER: &[&str] = &["i can also", "i could also", "me to also", "i can additionally", "shall i also", "should i also"];
/// Openings of narration.
const NARRATION: &[&str] = &["now ", "let me ", "next, ", "first, ", "then ", "now let me", "i'll now", "i will now", "great", "perfect"];
/// Headings that announce a plan or a design.
const HEADINGS: &[&str] = &[
    "plan", "approach", "design", "structure", "strategy", "proposal", "proposed", "recommendation", "recommended",
    "architecture", "options", "steps", "walkthrough", "diagnosis", "root cause", "solution",
];
/// Headings that report what was done, or boilerplate: not a plan.
const DONE_HEADINGS: &[&str] = &[
    "created", "ported", "added", "implemented", "updated", "fixed", "completed", "complete", "done", "summary",
    "changes", "results", "ready", "next steps", "new ", "what i", "what was", "verified", "passed",
];

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
                out.push(agent(Kind::Planning, "approach", "A-PLAN-TEXT", "agent laid out a plan or design".into(), first, 0.5));
            }
            continue;
        }
        for s in sentences(line) {
            let l = s.to_lowercase();
            let l = l.trim_start_matches(|c: char| !c.is_alphanumeric());
            let narration = NARRATION.iter().any(|n| l.starts_with(n));
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
                found[i] = true;
                out.push(agent(Kind::Planning, "approach", rule, summary.into(), s, 0.5));
            }
        }
    }
}

/// A markdown heading or a line that is only bold text.
fn heading(line: &str) -> Option<&str> {
    let t = line.trim();
    if let Some(h) = t.strip_prefix('#') {
        return Some(h.trim_start_matches('#').trim()).filter(|h| !h.is_empty());
    }
    let inner = t.strip_prefix("**")?.strip_suffix("**").or_else(|| t.strip_prefix("**")?.strip_suffix("**:"))?;
    (!inner.contains("**")).then_some(inner.trim())
}
