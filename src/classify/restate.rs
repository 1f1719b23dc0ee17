//! Whether a to-do list only restates the prompt: "A list that only changes statuses or
//! restates the user's plan is not new" (the guidelines). Codex opens most tasks with an
//! `update_plan` whose steps are the request's own words ("Review the DSLint codebase",
//! "Update constitution.md"), and Claude Code often writes the user's asks as to-dos with a
//! step of looking first ("Examine the current configuration").

/// Steps that only look: reading is not planning.
const LOOKING: &[&str] = &[
    "examine",
    "review",
    "read",
    "check",
    "look",
    "explore",
    "investigate",
    "understand",
    "inspect",
    "analyze",
    "analyse",
    "find",
    "locate",
    "identify",
    "research",
    "gather",
];

/// Words that say nothing of what a step is about: linking words, and the verbs of doing
/// that any step opens with ("Remove pane labels from config" is about pane labels).
const EMPTY: &[&str] = &[
    "from",
    "with",
    "into",
    "onto",
    "that",
    "this",
    "these",
    "those",
    "them",
    "then",
    "when",
    "what",
    "which",
    "there",
    "their",
    "your",
    "have",
    "will",
    "should",
    "would",
    "could",
    "also",
    "just",
    "more",
    "some",
    "each",
    "every",
    "sure",
    "make",
    "remove",
    "delete",
    "update",
    "change",
    "create",
    "implement",
    "write",
    "apply",
    "ensure",
    "modify",
    "edit",
    "adjust",
    "improve",
    "issue",
    "issues",
    "current",
    "existing",
    "needed",
];

/// Words of four letters or more, lowercased, but the empty ones: what a step is about.
fn content(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|w| !EMPTY.contains(&w.as_str()))
        .collect()
}

/// The same word, give or take an ending ("labels" / "label", "configure" / "configuration").
fn same(a: &str, b: &str) -> bool {
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    a.chars().count() >= 5 && b.chars().count() >= 5 && stem(a) == stem(b) || a == b
}

/// Whether every step is a look or mostly the prompt's own words (two thirds of its words).
pub fn restates(prompt: &str, steps: &[String]) -> bool {
    let said = content(prompt);
    if said.is_empty() || steps.is_empty() {
        return false;
    }
    steps.iter().all(|s| {
        let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
        if LOOKING.contains(&first.as_str()) {
            return true;
        }
        let words = content(s);
        let known = words.iter().filter(|w| said.iter().any(|p| same(w, p))).count();
        !words.is_empty() && known * 3 >= words.len() * 2
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn the_users_asks_written_as_steps_restate_the_prompt() {
        let prompt = "Great! My zellij config is a bit off. There shouldn't be any pane labels. \
                      And the color scheme is really bad";
        let list = steps(&[
            "Examine current zellij configuration",
            "Remove pane labels from config",
            "Fix color scheme issues",
        ]);
        assert!(restates(prompt, &list));
    }

    #[test]
    fn steps_of_the_agents_own_are_a_plan() {
        let prompt = "Add a --dry-run flag to the migrate command";
        let list = steps(&[
            "Read internal/migrate/migrate.go",
            "Thread a DryRun option through Runner",
            "Print the SQL instead of executing it",
            "Add a test for the dry run",
        ]);
        assert!(!restates(prompt, &list));
        assert!(!restates("", &list));
    }
}
