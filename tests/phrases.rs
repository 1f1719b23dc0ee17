//! The classifier's phrase tests (`has_phrase`, `any_phrase`, `first_phrase`) search without
//! building a searcher; they must answer as the plain definition does: the phrase, lowercase,
//! found as whole words in the text lowercased (a phrase ending in a space needs no edge after).

use leash::classify::text::{any_phrase, first_phrase, has_phrase};
use proptest::prelude::*;

/// The definition, written with the standard library's search.
fn reference(text: &str, phrase: &str) -> bool {
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(phrase) {
        let at = from + i;
        let before = lower[..at].chars().next_back();
        let after = lower[at + phrase.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_');
        if edge(before) && (phrase.ends_with(' ') || edge(after)) {
            return true;
        }
        from = at + phrase.len().max(1);
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

const PHRASES: &[&str] = &["run", "run the tests", "it ", "ça", "test", "é", "ß", "and run", "_x"];

#[test]
fn known_cases() {
    assert!(has_phrase("Please RUN the tests", "run the tests"));
    assert!(!has_phrase("rerun it", "run"));
    assert!(!has_phrase("run_it", "run"));
    assert!(has_phrase("Ça va", "ça"));
    assert!(has_phrase("do it now", "it "));
    assert!(!has_phrase("testing", "test"));
    assert_eq!(first_phrase("and RUN it", PHRASES), Some("run"));
    assert!(!any_phrase("nothing here", PHRASES));
}

proptest! {
    #[test]
    fn phrase_tests_answer_as_the_definition(
        text in "[a-zA-Z_ .éÉßİÇç]{0,40}",
        picks in proptest::collection::vec(0..PHRASES.len(), 1..4),
    ) {
        let list: Vec<&str> = picks.iter().map(|&k| PHRASES[k]).collect();
        for p in &list {
            prop_assert_eq!(has_phrase(&text, p), reference(&text, p), "{:?} in {:?}", p, text);
        }
        prop_assert_eq!(any_phrase(&text, &list), list.iter().any(|p| reference(&text, p)));
        let lower = text.to_lowercase();
        prop_assert_eq!(first_phrase(&text, &list), list.iter().copied().find(|p| reference(&lower, p)));
    }
}
