//! Assent: a prompt that only accepts what the agent proposed, barely ("yes", "go ahead")
//! or nearly ("proceed until it's done", "yes please, go with your plan"). Assent that adds
//! a condition ("yes but use sqlite") is not assent: the condition is the user's planning.

use super::words::prose::*;

/// Whether a prompt only assents, barely or nearly.
pub fn is_bare_assent(prompt: &str) -> bool {
    let p = prompt.trim().to_lowercase();
    let words: Vec<&str> = p
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '!' | ';' | ':' | '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 12
        && words.iter().any(|w| CORE.contains(w))
        && words.iter().all(|w| CORE.contains(w) || TAIL.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assent_is_bare_or_near_bare() {
        for p in [
            "Yes, go ahead.",
            "lgtm",
            "ok",
            "proceed until it's done",
            "go ahead and finish it",
            "looks good to me!",
            "do it",
            "continue",
        ] {
            assert!(is_bare_assent(p), "{p}");
        }
        for p in [
            "yes but use sqlite instead",
            "ok, now add a test",
            "go ahead, but don't touch the API",
            "thanks",
            "sorry to interrupt",
            "no",
        ] {
            assert!(!is_bare_assent(p), "{p}");
        }
    }
}
