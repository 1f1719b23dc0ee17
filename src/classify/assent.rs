//! Assent: a prompt that only accepts what the agent proposed.

/// A prompt that only assents to what the agent proposed ("yes", "go ahead", "lgtm").
pub fn is_bare_assent(prompt: &str) -> bool {
    const ASSENT: &[&str] = &[
        "yes",
        "y",
        "yep",
        "yeah",
        "ok",
        "okay",
        "sure",
        "go",
        "go ahead",
        "go for it",
        "do it",
        "lgtm",
        "looks good",
        "sounds good",
        "proceed",
        "continue",
        "approved",
        "yes please",
        "please do",
        "ship it",
        "perfect",
        "great",
        "fine",
        "agreed",
        "yes go ahead",
        "ok go ahead",
        "okay go ahead",
        "yes do it",
        "yes, go ahead",
        "looks good to me",
        "sounds good to me",
        "that works",
        "go on",
    ];
    let p: String = prompt
        .trim()
        .trim_end_matches(['.', '!', ' '])
        .to_lowercase()
        .replace(',', "");
    let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
    !p.is_empty() && ASSENT.iter().any(|a| a.replace(',', "") == p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assent_is_bare() {
        assert!(is_bare_assent("Yes, go ahead."));
        assert!(is_bare_assent("lgtm"));
        assert!(!is_bare_assent("yes but use sqlite instead"));
    }
}
