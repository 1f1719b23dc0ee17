//! Time, project and model: the list's date sort, the date, project and model facets, and
//! the same verdicts as the core's `Filter::passes`.

use crate::corpus::RatifiedAs;
use crate::tui::Action as A;
use crate::tui::action::SortKey;
use crate::tui::app::{App, Facet};

use super::fixture::{app, drive, ids};
use super::updates::on_facet;

fn sort_by(app: &mut App, key: SortKey) {
    while app.sort != key {
        drive(app, [A::CycleSort]);
    }
}

/// The rows the core's filter passes, in row order.
fn core_ids(app: &App) -> Vec<&str> {
    let modes = app.filter.mode_ids(&app.corpus);
    let rows = &app.corpus.rows;
    rows.iter()
        .filter(|r| app.filter.passes(r, &modes, RatifiedAs::Recorded))
        .map(|r| &*r.id)
        .collect()
}

#[test]
fn date_sort_puts_sessions_without_a_time_first_then_by_instant() {
    let mut app = app();
    sort_by(&mut app, SortKey::Date);
    // s2 started 2026-03-05T09:00+02:00 (07:00Z), after s1 (2026-03-03T10:00Z).
    assert_eq!(ids(&app), ["s3", "s4", "s5", "s1", "s2"]);
    drive(&mut app, [A::ReverseSort]);
    assert_eq!(ids(&app)[..2], ["s2", "s1"]);
}

#[test]
fn the_date_facet_steps_by_day_from_the_latest_and_matches_the_core() {
    let mut app = app();
    // Space sets "from" to the latest day seen (2026-03-05): only s2.
    on_facet(&mut app, Facet::Since, A::FacetToggle);
    assert_eq!(ids(&app), ["s2"]);
    assert_eq!(ids(&app), core_ids(&app));
    // Two days earlier (2026-03-03): s1 too; sessions without a time never pass.
    on_facet(&mut app, Facet::Since, A::FacetLess);
    on_facet(&mut app, Facet::Since, A::FacetLess);
    assert_eq!(ids(&app), ["s1", "s2"]);
    // "to" the latest day, then a day earlier: s2 drops out.
    on_facet(&mut app, Facet::Until, A::FacetToggle);
    assert_eq!(ids(&app), ["s1", "s2"]);
    on_facet(&mut app, Facet::Until, A::FacetLess);
    assert_eq!(ids(&app), ["s1"]);
    assert_eq!(ids(&app), core_ids(&app));
    // Space on a set bound clears it.
    on_facet(&mut app, Facet::Until, A::FacetToggle);
    on_facet(&mut app, Facet::Since, A::FacetToggle);
    assert_eq!(ids(&app).len(), 5);
}

#[test]
fn project_and_model_facets_list_each_name_and_narrow_to_it() {
    let mut app = app();
    let p = app.meta.projects.get("parser").expect("the project is listed");
    on_facet(&mut app, Facet::Project(p), A::FacetToggle);
    assert_eq!(ids(&app), ["s2"]);
    assert_eq!(ids(&app), core_ids(&app));
    drive(&mut app, [A::ClearFilters]);
    let m = app.meta.models.get("claude-opus-4-1").expect("the model is listed");
    on_facet(&mut app, Facet::Model(m), A::FacetToggle);
    assert_eq!(ids(&app), ["s1"]);
    assert_eq!(ids(&app), core_ids(&app));
    // Sessions without a project share the empty one; it is a facet like any other.
    assert!(app.facets.iter().filter(|f| matches!(f, Facet::Project(_))).count() >= 2);
}

#[test]
fn the_origin_extension_key_is_a_facet_and_a_filter() {
    use crate::corpus::{Source, load_sources};
    use crate::tui::app::TuiOptions;
    use crate::tui::update;
    let lines = [
        r#"{"id":"a","origin":"claude","turns":[]}"#,
        r#"{"id":"b","origin":"codex","turns":[]}"#,
        r#"{"id":"c","turns":[]}"#,
        r#"{"id":"d","origin":5,"turns":[]}"#,
    ];
    let src = Source::memory("<origins>", (lines.join("\n") + "\n").into_bytes());
    let mut app = App::new(vec![src], TuiOptions::default(), None);
    let mut batches = Vec::new();
    load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
    let skipped: usize = batches.iter().map(|b| b.skipped.len()).sum();
    assert_eq!(skipped, 1, "an origin that is not a string makes the line a bad line");
    update(&mut app, A::Loaded(batches));
    assert_eq!(ids(&app), ["a", "b", "c"]);
    let codex = app.meta.origins.get("codex").expect("listed");
    on_facet(&mut app, Facet::Origin(codex), A::FacetToggle);
    assert_eq!(ids(&app), ["b"]);
    assert_eq!(ids(&app), core_ids(&app));
}

#[test]
fn the_footer_names_the_date_project_and_model_filters() {
    let mut app = super::fixture::app_sized(160, 30);
    on_facet(&mut app, Facet::Since, A::FacetToggle);
    let p = app.meta.projects.get("parser").unwrap();
    on_facet(&mut app, Facet::Project(p), A::FacetToggle);
    let (s, _) = super::screens::screen(&app);
    let footer = s.lines().last().unwrap();
    assert!(footer.contains("started 2026-03-05.. · project parser"), "{footer}");
}
