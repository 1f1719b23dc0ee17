use super::*;

#[test]
fn expertise_accepts_numbers_names_null_and_rejects_the_rest() {
    let p = |s: &str| serde_json::from_str::<Expertise>(s).map(|e| e.0);
    assert_eq!(p("3").unwrap(), Some(3));
    assert_eq!(p("\"expert\"").unwrap(), Some(5));
    assert_eq!(p("null").unwrap(), None);
    assert!(p("9").is_err());
    assert!(p("0").is_err());
    assert!(p("2.5").is_err());
    assert!(p("\"guru\"").is_err());
    assert!(p("\"3\"").is_err(), "a number in a string is not a level name");
}

#[test]
fn a_session_without_title_is_named_by_its_first_prompt() {
    let mut s = Session {
        id: "s-1".into(),
        turns: vec![Turn {
            prompt: "\n  Fix the login bug\nand more".into(),
            ..Turn::default()
        }],
        ..Session::default()
    };
    assert_eq!(s.display_title(), "Fix the login bug");
    s.title = Some("Login".into());
    assert_eq!(s.display_title(), "Login");
    s.title = None;
    s.turns.clear();
    assert_eq!(s.display_title(), "s-1");
}

#[test]
fn words_fall_back_to_response_tokens() {
    let mut t = Turn {
        response: Some("one two\nthree".into()),
        ..Turn::default()
    };
    assert_eq!(t.words(), 3);
    t.response_words = Some(10);
    assert_eq!(t.words(), 10);
    assert_eq!(Turn::default().words(), 0);
}
