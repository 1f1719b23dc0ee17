//! `update` driven by Action sequences; assertions on the state.

use crate::corpus::RatifiedAs;
use crate::model::Kind;
use crate::stats::{Regime, Report};
use crate::tui::action::{Cohorts, Mode, Panel, SortKey};
use crate::tui::app::{App, Facet};
use crate::tui::hist::Metric;
use crate::tui::{Action as A, update};

use super::fixture::{app, drive, ids, selected_id};

/// Moves the facet cursor to `f` with arrow actions, then applies `then`.
pub(super) fn on_facet(app: &mut App, f: Facet, then: A) {
    let pos = app.facets.iter().position(|&x| x == f).expect("facet listed");
    update(app, A::OpenFacets);
    for _ in 0..app.facets.len() {
        update(app, A::FacetUp);
    }
    for _ in 0..pos {
        update(app, A::FacetDown);
    }
    update(app, then);
    update(app, A::Close);
}

pub(super) fn report_of(app: &App) -> Report {
    let rows = &app.corpus.rows;
    Report::compute(app.visible.iter().map(|&i| &rows[i as usize]), app.how, 0)
}

#[test]
fn loading_fills_list_header_and_histograms_and_selects_the_first() {
    let app = app();
    assert_eq!(ids(&app), ["s1", "s2", "s3", "s4", "s5"]);
    assert_eq!(app.report.sessions, 5);
    assert_eq!(app.report.actions, 3 + 1 + 12 + 250 + 1);
    assert_eq!(selected_id(&app), Some("s1"));
    assert!(app.opened.as_ref().unwrap().session.is_ok());
    let g = &app.groups[0];
    let [appm, plan, exec] = &g.hists;
    assert_eq!((appm.total(), appm.apart), (5, 1), "s5 has no turns");
    assert_eq!(appm.bins[10], 1, "s3's APP of 125 is in the >100 bin");
    assert_eq!(plan.apart, 2, "s4 and s5 have no planning decision");
    assert_eq!(exec.bins[9], 2, "s2 and s4: all execution by the human");
    assert_eq!(plan.selected, Some(9), "s1: all planning human");
    assert_eq!(appm.study, Some(5), "the study's 10 is in the 8-12 bin");
}

#[test]
fn facets_narrow_the_set_and_recount_header_and_histograms() {
    let mut app = app();
    on_facet(&mut app, Facet::Expertise(0), A::FacetToggle);
    assert_eq!(ids(&app), ["s1"]);
    on_facet(&mut app, Facet::Expertise(4), A::FacetToggle);
    assert_eq!(ids(&app), ["s1", "s2"]);
    assert_eq!(app.report, report_of(&app));
    assert_eq!(app.report.sessions, 2);
    assert_eq!(app.groups[0].hists[0].total(), 2);
    on_facet(&mut app, Facet::Expertise(0), A::FacetToggle);
    assert_eq!(ids(&app), ["s2"]);
    update(&mut app, A::ClearFilters);
    assert_eq!(app.visible.len(), 5);
    let fix = app.corpus.mode_id("fix").unwrap();
    on_facet(&mut app, Facet::Mode(fix), A::FacetToggle);
    assert_eq!(ids(&app), ["s1", "s4"]);
    on_facet(&mut app, Facet::Outcome(None), A::FacetToggle);
    assert_eq!(ids(&app), ["s4"], "fix and outcome unknown");
    update(&mut app, A::ClearFilters);
    on_facet(&mut app, Facet::Regime(Regime::AgentControlsPlanning), A::FacetToggle);
    assert_eq!(ids(&app), ["s2", "s3"]);
    update(&mut app, A::ClearFilters);
    on_facet(&mut app, Facet::Regime(Regime::UserKeepsExecution), A::FacetToggle);
    assert_eq!(ids(&app), ["s2", "s4"]);
}

#[test]
fn app_range_steps_through_bounds() {
    let mut app = app();
    // at least 5 actions per prompt: up three steps (1, 2, 5).
    on_facet(&mut app, Facet::AppMin, A::FacetMore);
    on_facet(&mut app, Facet::AppMin, A::FacetMore);
    on_facet(&mut app, Facet::AppMin, A::FacetMore);
    assert_eq!(app.filter.app_min, Some(5.0));
    assert_eq!(ids(&app), ["s2", "s3"]);
    // at most 100: s3 (125) drops out.
    on_facet(&mut app, Facet::AppMax, A::FacetLess);
    on_facet(&mut app, Facet::AppMax, A::FacetLess);
    assert_eq!(app.filter.app_max, Some(100.0));
    assert_eq!(ids(&app), ["s2"]);
    on_facet(&mut app, Facet::AppMin, A::FacetLess);
    assert_eq!(app.filter.app_min, Some(2.0));
}

#[test]
fn selection_survives_filtering_while_its_session_stays() {
    let mut app = app();
    drive(&mut app, [A::Down]);
    assert_eq!(selected_id(&app), Some("s2"));
    on_facet(&mut app, Facet::Expertise(4), A::FacetToggle);
    assert_eq!((selected_id(&app), app.cursor), (Some("s2"), 0));
    on_facet(&mut app, Facet::Expertise(0), A::FacetToggle);
    assert_eq!(selected_id(&app), Some("s2"));
    assert_eq!(app.cursor, 1);
    on_facet(&mut app, Facet::Expertise(4), A::FacetToggle);
    assert_eq!(selected_id(&app), Some("s1"), "s2 left: the row under the cursor");
    update(&mut app, A::ClearFilters);
    assert_eq!(selected_id(&app), Some("s1"));
}

#[test]
fn search_narrows_highlights_and_esc_clears() {
    let mut app = app();
    drive(&mut app, [A::StartSearch]);
    assert_eq!(app.mode, Mode::Search);
    for c in "pars".chars() {
        update(&mut app, A::SearchInput(c));
    }
    assert_eq!(ids(&app), ["s2"]);
    assert_eq!(selected_id(&app), Some("s2"));
    let q = app.search.query.as_ref().unwrap();
    assert_eq!(q.indices("Add parser tests"), [4, 5, 6, 7]);
    assert_eq!(app.report.sessions, 1, "the header follows the query");
    drive(&mut app, [A::SearchInput('z'), A::SearchInput('z')]);
    assert!(app.visible.is_empty());
    assert_eq!(app.selected, None);
    assert!(app.opened.is_none());
    drive(&mut app, [A::SearchBackspace, A::SearchBackspace, A::SearchAccept]);
    assert_eq!((app.mode, ids(&app)), (Mode::Browse, vec!["s2"]));
    update(&mut app, A::Close);
    assert_eq!(app.visible.len(), 5, "Esc while browsing drops the query");
    assert_eq!(selected_id(&app), Some("s2"));
}

#[test]
fn stepping_turns_and_scrolling_stay_in_bounds() {
    let mut app = app();
    let turn = |app: &App| app.opened.as_ref().unwrap().turn;
    drive(&mut app, [A::NextTurn]);
    assert_eq!(turn(&app), 1);
    drive(&mut app, [A::NextTurn, A::NextTurn]);
    assert_eq!(turn(&app), 1, "s1 has two turns");
    drive(&mut app, [A::PrevTurn, A::PrevTurn]);
    assert_eq!(turn(&app), 0);
    drive(&mut app, [A::Open, A::Down, A::Down]);
    assert_eq!(app.focus, Panel::Turn);
    assert_eq!(selected_id(&app), Some("s1"), "arrows scroll the turn view now");
    let o = app.opened.as_ref().unwrap();
    assert!(o.scroll <= 2);
    for _ in 0..100 {
        update(&mut app, A::Down);
    }
    assert!(
        app.opened.as_ref().unwrap().scroll < 20,
        "scroll is bounded by the content"
    );
    drive(&mut app, [A::FocusNext, A::FocusNext, A::Down]);
    assert_eq!(app.focus, Panel::List);
    assert_eq!(selected_id(&app), Some("s2"));
    assert_eq!(turn(&app), 0, "a newly selected session opens at its first turn");
    drive(&mut app, [A::Bottom]);
    assert_eq!(selected_id(&app), Some("s5"));
    drive(&mut app, [A::NextTurn]);
    assert_eq!(turn(&app), 0, "no turns to step to");
}

#[test]
fn sort_keys_cycle_and_reverse() {
    let mut app = app();
    let mut seen = vec![];
    for _ in 0..SortKey::ALL.len() {
        update(&mut app, A::CycleSort);
        seen.push(app.sort);
        if app.sort == SortKey::ActionsPerPrompt {
            // s5 has no APP and sorts first; then 1.0... s1 = 4/2 = 2, s4 = 1, s2 = 12, s3 = 125.
            assert_eq!(ids(&app), ["s5", "s4", "s1", "s2", "s3"]);
            update(&mut app, A::ReverseSort);
            assert_eq!(ids(&app), ["s3", "s2", "s1", "s4", "s5"]);
            update(&mut app, A::ReverseSort);
        }
        if app.sort == SortKey::Turns {
            assert_eq!(ids(&app), ["s5", "s2", "s4", "s1", "s3"]);
        }
    }
    assert_eq!(seen.last(), Some(&SortKey::Natural));
    assert_eq!(ids(&app), ["s1", "s2", "s3", "s4", "s5"]);
}

#[test]
fn cohorts_split_the_histograms() {
    let mut app = app();
    update(&mut app, A::CycleCohorts);
    assert_eq!(app.cohorts, Cohorts::Expertise);
    let names: Vec<_> = app.groups.iter().map(|g| (g.name, g.report.sessions)).collect();
    assert_eq!(names, [("novice", 1), ("expert", 1)]);
    assert_eq!(app.groups[1].hists[0].bins[5], 1, "s2's APP 12 is in 8-12");
    assert_eq!(app.groups[1].hists[0].study, Some(5), "the experts' 12");
    assert_eq!(app.groups[0].hists[0].study, Some(4), "the novices' 5");
    update(&mut app, A::CycleCohorts);
    let names: Vec<_> = app.groups.iter().map(|g| (g.name, g.report.sessions)).collect();
    assert_eq!(names, [("user execs", 2), ("agent plans", 2)]);
    update(&mut app, A::CycleCohorts);
    assert_eq!(app.groups.len(), 1);
}

#[test]
fn ratified_toggle_moves_shares_histograms_and_regimes() {
    let mut app = app();
    on_facet(&mut app, Facet::Regime(Regime::AgentControlsPlanning), A::FacetToggle);
    assert_eq!(ids(&app), ["s2", "s3"]);
    let before = app.report.planning_human_share.pooled.unwrap();
    assert_eq!(before, 0.0);
    update(&mut app, A::CycleRatified);
    assert_eq!(app.how, RatifiedAs::Human);
    // s2's and s3's planning decisions were ratified agent proposals: now human, so the
    // agent no longer controls planning anywhere.
    assert!(app.visible.is_empty());
    update(&mut app, A::ClearFilters);
    assert_eq!(app.report, report_of(&app));
    assert_eq!(app.report.planning_human_share.pooled, Some(1.0));
    assert_eq!(app.share(2, Kind::Planning), Some(1.0));
    assert_eq!(app.groups[0].hists[1].bins[9], 3);
    assert_eq!(app.groups[0].hists[1].metric, Metric::PlanningShare);
    update(&mut app, A::CycleRatified);
    assert_eq!(app.how, RatifiedAs::Agent);
    update(&mut app, A::CycleRatified);
    assert_eq!(app.report.planning_human_share.pooled, Some(1.0 / 3.0));
}

#[test]
fn mouse_clicks_select_and_focus() {
    let mut app = app();
    let a = app.areas.unwrap();
    // The third session's row: border, column header, then rows.
    update(
        &mut app,
        A::Click {
            col: a.list.x + 3,
            row: a.list.y + 2 + 2,
        },
    );
    assert_eq!(selected_id(&app), Some("s3"));
    update(
        &mut app,
        A::Click {
            col: a.turn.x + 3,
            row: a.turn.y + 3,
        },
    );
    assert_eq!(app.focus, Panel::Turn);
    update(
        &mut app,
        A::Wheel {
            col: a.list.x + 3,
            row: a.list.y + 3,
            down: true,
        },
    );
    assert_eq!((app.focus, selected_id(&app)), (Panel::List, Some("s5")));
}

#[test]
fn help_overlay_and_quit() {
    let mut app = app();
    update(&mut app, A::ToggleHelp);
    assert_eq!(app.mode, Mode::Help);
    update(&mut app, A::Close);
    assert_eq!(app.mode, Mode::Browse);
    update(&mut app, A::Quit);
    assert!(app.quit);
}

#[test]
fn strip_window_centres_the_current_turn() {
    use crate::tui::app::strip_window;
    let label = crate::tui::app::STRIP_LABEL.len();
    assert_eq!(strip_window(0, 5, label + 20), (0, 20));
    assert_eq!(strip_window(50, 100, label + 20), (40, 20));
    assert_eq!(strip_window(99, 100, label + 20), (80, 20));
}

#[test]
fn sessions_loaded_batch_by_batch_take_their_place_in_the_sort() {
    use crate::corpus::{Source, load_sources};
    use crate::tui::app::TuiOptions;
    use crate::tui::tests::fixture::lines;
    for key in SortKey::ALL {
        for descending in [false, true] {
            // One batch per session, arriving while the list is already sorted.
            let sources: Vec<Source> = lines()
                .iter()
                .map(|l| Source::memory("<one>", format!("{l}\n").into_bytes()))
                .collect();
            let mut app = App::new(sources, TuiOptions::default(), None);
            while app.sort != key {
                update(&mut app, A::CycleSort);
            }
            if descending {
                update(&mut app, A::ReverseSort);
            }
            let mut batches = Vec::new();
            load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
            for b in batches {
                update(&mut app, A::Loaded(vec![b]));
            }
            let streamed: Vec<String> = ids(&app).iter().map(|s| s.to_string()).collect();
            app.resort();
            app.recount();
            assert_eq!(streamed, ids(&app), "{key:?}, descending {descending}");
        }
    }
}
