//! Membership, going on from the last keystroke, rows loaded since.
use super::*;

#[test]
fn membership_is_the_fuzzy_matchers_rule() {
    let hays = [
        "Fix the flaky login test",
        "refactor auth/session.rs",
        "acme/web",
        "Ünïcode prompt with émoji 🚀",
        "",
    ];
    let queries = [
        "fix", "FIX", "Fix", "flt", "ltf", "auth", "rs", "ses.rs", "web", "acme web", "émoji", "ÜNÏ", "🚀", "x y",
    ];
    let skim = SkimMatcherV2::default().smart_case();
    for q in queries {
        let query = Query::new(q);
        for h in hays {
            assert_eq!(
                query.matches_text(h),
                skim.fuzzy_match(h, q).is_some(),
                "query {q:?} on {h:?}"
            );
        }
    }
}

/// Typing a query character by character, each pass going on from the last, finds the
/// rows that the plain rule finds for the whole query, whatever was typed before.
#[test]
fn going_on_from_the_last_keystroke_finds_the_same_rows() {
    use crate::corpus::{Corpus, Source};
    let c = Corpus::load(vec![Source::demo()], |_| {}).unwrap();
    let never = AtomicBool::new(false);
    for typed in ["refactor the parser", "fix Flaky", "auth é x", "  migrate schema"] {
        let mut prev: Option<Progress> = None;
        let mut resumed = 0;
        for end in (1..=typed.len()).filter(|&e| typed.is_char_boundary(e)) {
            let q = Query::new(&typed[..end]);
            if q.is_empty() {
                continue;
            }
            resumed += usize::from(prev.as_ref().is_some_and(|p| p.leads_to(&q, c.rows.len())));
            let p = q.progress(&c.rows, prev.as_ref(), &never).unwrap();
            let plain: Vec<Option<i64>> = c.rows.iter().map(|r| q.matches(r).then_some(0)).collect();
            assert_eq!(p.member(), plain, "after {:?}", q.text());
            prev = Some(p);
        }
        assert!(resumed > 3, "{typed:?} went on from earlier keystrokes");
    }
    let some = Query::new("parser").progress(&c.rows, None, &never).unwrap().member();
    assert!(some.iter().any(Option::is_some) && some.iter().any(Option::is_none));
}

/// Rows loaded after a pass are searched from the start; the rows it covered go on from
/// where they were.
#[test]
fn rows_loaded_since_are_searched_whole() {
    use crate::corpus::{Corpus, Source};
    let c = Corpus::load(vec![Source::demo()], |_| {}).unwrap();
    let never = AtomicBool::new(false);
    for (before, after) in [("cache", "cache"), ("fi", "fix flaky"), ("au", "auth")] {
        let early = Query::new(before).progress(&c.rows[..1000], None, &never).unwrap();
        let q = Query::new(after);
        assert!(early.leads_to(&q, c.rows.len()));
        let p = q.progress(&c.rows, Some(&early), &never).unwrap();
        let plain: Vec<Option<i64>> = c.rows.iter().map(|r| q.matches(r).then_some(0)).collect();
        assert_eq!(p.member(), plain, "{before:?} then {after:?}");
        assert_eq!(p, q.progress(&c.rows, None, &never).unwrap());
    }
}

#[test]
fn going_on_only_when_the_query_extends_over_as_many_rows_or_more() {
    use crate::corpus::{Corpus, Source};
    let c = Corpus::load(vec![Source::demo()], |_| {}).unwrap();
    let never = AtomicBool::new(false);
    let p = Query::new("au").progress(&c.rows, None, &never).unwrap();
    assert!(p.leads_to(&Query::new("aut"), c.rows.len()));
    assert!(!p.leads_to(&Query::new("a"), c.rows.len()));
    assert!(!p.leads_to(&Query::new("auT"), c.rows.len()), "a capital turns on case");
    assert!(p.leads_to(&Query::new("aut"), c.rows.len() + 1), "rows loaded since");
    assert!(!p.leads_to(&Query::new("aut"), c.rows.len() - 1));
    let e = Query::new("é").progress(&c.rows, None, &never).unwrap();
    assert!(
        !e.leads_to(&Query::new("éa"), c.rows.len()),
        "fuzzy-matcher's verdicts give no offset"
    );
}
