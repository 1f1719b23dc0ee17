//! Search modes over the fixture, counted by hand: words match substrings of the id, title,
//! project, model and first prompt, then every prompt, file and command (never a JSON key);
//! fuzzy keeps only matches above the score floor.

use crate::tui::Action as A;
use crate::tui::app::App;

use super::fixture::{app, drive, ids};

fn search(app: &mut App, q: &str) -> Vec<String> {
    drive(app, [A::SearchClear, A::StartSearch]);
    drive(app, q.chars().map(A::SearchInput));
    ids(app).into_iter().map(str::to_string).collect()
}

#[test]
fn words_match_fields_then_every_prompt_file_and_command() {
    let mut app = app();
    assert_eq!(search(&mut app, "login"), ["s1"], "a title word");
    assert_eq!(search(&mut app, "acme"), ["s1"], "the project");
    assert_eq!(search(&mut app, "gpt"), ["s2"], "the model");
    assert_eq!(search(&mut app, "s3"), ["s3"], "the id");
    assert_eq!(search(&mut app, "500"), ["s1"], "the first prompt");
    // "cargo test N" is every action target of s1, s2 and s3; s4 runs "rm -rf /".
    assert_eq!(search(&mut app, "cargo"), ["s1", "s2", "s3"], "a command, deep");
    assert_eq!(search(&mut app, "rm -rf"), ["s4"], "two words, both in one command");
    assert_eq!(search(&mut app, "now run"), ["s1"], "the second prompt of s1");
    assert_eq!(search(&mut app, "cargo login"), ["s1"], "words from different places");
    assert_eq!(
        search(&mut app, "prompt"),
        Vec::<String>::new(),
        "a JSON key is not text"
    );
    assert_eq!(
        search(&mut app, "Login"),
        Vec::<String>::new(),
        "a capital: case-sensitive"
    );
}

#[test]
fn fuzzy_keeps_only_matches_above_the_floor() {
    let mut app = app();
    drive(&mut app, [A::StartSearch, A::SearchMode]);
    assert_eq!(search(&mut app, "cache"), ["s3"]);
    // "fcy" is a subsequence of "Refactor cache layer" (f-c-y), scattered: below the floor.
    let q = crate::search::Query::new("fcy");
    assert!(q.matches(&app.corpus.rows[2]), "a subsequence of s3's title");
    assert!(q.score(&app.corpus.rows[2]).unwrap() < q.floor());
    assert_eq!(search(&mut app, "fcy"), Vec::<String>::new());
    // Letters starting words score high: an acronym-like query stays.
    assert_eq!(search(&mut app, "fxlg"), ["s1"]);
    assert_eq!(search(&mut app, "fix login"), ["s1"]);
}
