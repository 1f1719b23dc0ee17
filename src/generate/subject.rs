//! What a session's work is about: one subject gives the bug, the feature, the cause, the
//! fix, the choices and the question that a session's texts all share, so that its title,
//! prompts, files, commands and replies tell one story. The subjects themselves are data,
//! in `subjects.txt`.

use std::sync::LazyLock;

pub struct Subject {
    /// The module's stem: `upload` gives `src/upload.rs`, `tests/test_upload.py`, ...
    pub stem: &'static str,
    pub bug: &'static str,
    /// The failing test's name and what it reports.
    pub failing: &'static str,
    pub feature: &'static str,
    pub topic: &'static str,
    /// The diagnosis: what causes the bug, and the fix it decides.
    pub cause: &'static str,
    pub fix: &'static str,
    /// Two ways to fix the bug: the one chosen, and the one set aside.
    pub approach: &'static str,
    pub alternative: &'static str,
    pub done: &'static str,
    /// A question the agent may ask, with its two options.
    pub question: &'static str,
    pub options: [&'static str; 2],
    /// How to build the feature, and the way set aside.
    pub design: [&'static str; 2],
    /// Further work the agent may offer.
    pub offer: &'static str,
}

const KEYS: [&str; 15] = [
    "stem",
    "bug",
    "failing",
    "feature",
    "topic",
    "cause",
    "fix",
    "approach",
    "alternative",
    "done",
    "question",
    "option",
    "other option",
    "design",
    "other design",
];

/// The subjects, in the order of `subjects.txt` (the indices of `stack.rs` count on it).
pub static SUBJECTS: LazyLock<Vec<Subject>> = LazyLock::new(|| parse(include_str!("subjects.txt")));

fn parse(text: &'static str) -> Vec<Subject> {
    text.split("\n\n")
        .map(|block| {
            let lines: Vec<&str> = block.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
            lines
        })
        .filter(|lines| !lines.is_empty())
        .map(|lines| {
            assert_eq!(
                lines.len(),
                KEYS.len(),
                "a subject has {} fields: {lines:?}",
                KEYS.len()
            );
            let f: Vec<&'static str> = lines
                .iter()
                .zip(KEYS)
                .map(|(line, key)| {
                    let value = line.strip_prefix(key).and_then(|l| l.strip_prefix(": "));
                    value.unwrap_or_else(|| panic!("expected `{key}: ` in {line:?}"))
                })
                .collect();
            Subject {
                stem: f[0],
                bug: f[1],
                failing: f[2],
                feature: f[3],
                topic: f[4],
                cause: f[5],
                fix: f[6],
                approach: f[7],
                alternative: f[8],
                done: f[9],
                question: f[10],
                options: [f[11], f[12]],
                design: [f[13], f[14]],
                offer: "add a regression test for the edge case",
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subject_is_read_whole_with_a_distinct_stem() {
        assert_eq!(SUBJECTS.len(), 14);
        let mut stems: Vec<&str> = SUBJECTS.iter().map(|s| s.stem).collect();
        stems.sort_unstable();
        stems.dedup();
        assert_eq!(stems.len(), SUBJECTS.len());
        assert_eq!(SUBJECTS[6].done, "\"jose\" finds José");
        assert!(
            SUBJECTS
                .iter()
                .all(|s| s.question.ends_with('?') && !s.design[1].is_empty())
        );
    }
}
