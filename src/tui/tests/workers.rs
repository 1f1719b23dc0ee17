//! Search and reports on worker threads: their Actions come back over the channel.

use std::sync::mpsc;
use std::time::Duration;

use crate::corpus::load_sources;
use crate::stats::Report;
use crate::tui::action::Msg;
use crate::tui::app::{App, Facet, TuiOptions};
use crate::tui::{Action as A, update};

use super::fixture::{ids, source};
use super::updates::{on_facet, report_of};

/// An app over the fixture whose workers report on the returned channel, nothing loaded
/// yet, and the fixture's batches to load.
fn app_with_workers() -> (App, mpsc::Receiver<Msg>, Vec<crate::corpus::Batch>) {
    let (tx, rx) = mpsc::channel();
    let app = App::new(vec![source()], TuiOptions::default(), Some(tx));
    let mut batches = Vec::new();
    load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
    (app, rx, batches)
}

/// Pumps worker reports while `busy` holds.
fn pump_while(app: &mut App, rx: &mpsc::Receiver<Msg>, busy: impl Fn(&App) -> bool) {
    while busy(app) {
        match rx.recv_timeout(Duration::from_secs(10)).expect("worker report") {
            Msg::Act(a) => update(app, a),
            Msg::Input(_) => {}
        }
    }
}

/// Pumps worker reports until no search pass or report is in flight and every batch is in.
fn settle(app: &mut App, rx: &mpsc::Receiver<Msg>) {
    pump_while(app, rx, |a| {
        a.search.running || a.search.ranking || a.reports_pending || !a.pending.is_empty()
    });
}

#[test]
fn search_on_a_worker_cancels_stale_passes_and_loading_goes_on() {
    let (mut app, rx, batches) = app_with_workers();
    // Type while nothing is loaded yet, then let the rows arrive mid-search.
    for c in "cache".chars() {
        update(&mut app, A::SearchInput(c));
    }
    let pass = app.search.pass;
    update(&mut app, A::Loaded(batches));
    settle(&mut app, &rx);
    assert!(app.search.pass > pass, "new rows start a new pass");
    assert_eq!(app.row_count(), 5);
    assert_eq!(ids(&app), ["s3"]);
    // A stale pass's result is ignored.
    update(
        &mut app,
        A::SearchDone {
            pass: 0,
            scores: Some(vec![Some(1); 5]),
            progress: None,
        },
    );
    assert_eq!(ids(&app), ["s3"]);
}

/// While rows load the worker only finds matches (each batch starts it again); it ranks
/// them once the last batch is in.
#[test]
fn matches_are_ranked_once_loading_finishes() {
    let (mut app, rx, batches) = app_with_workers();
    for c in "cache".chars() {
        update(&mut app, A::SearchInput(c));
    }
    update(&mut app, A::Loaded(batches));
    settle(&mut app, &rx);
    let score = |app: &App| app.search.scores.as_ref().unwrap()[2];
    assert_eq!(ids(&app), ["s3"]);
    assert_eq!(score(&app), Some(0), "matched, not ranked");
    update(&mut app, A::LoadFinished(Ok(())));
    settle(&mut app, &rx);
    assert_eq!(ids(&app), ["s3"]);
    assert!(score(&app).is_some_and(|s| s > 0), "ranked: {:?}", score(&app));
}

/// Rows that arrive while the search worker ranks its matches (holding the corpus) cancel
/// the ranking rather than wait for it; the search then runs again over every row.
#[test]
fn loading_does_not_wait_for_a_search_ranking() {
    let (mut app, rx, mut batches) = app_with_workers();
    let mut first = batches.remove(0);
    let second = crate::corpus::Batch {
        rows: first.rows.split_off(2),
        ..Default::default()
    };
    update(&mut app, A::Loaded(vec![first]));
    settle(&mut app, &rx);
    for c in "cache".chars() {
        update(&mut app, A::SearchInput(c));
    }
    // Up to the current pass's matches: its worker goes on to rank them.
    pump_while(&mut app, &rx, |a| !a.search.ranking);
    // However quick the ranking, the corpus is held here as a ranking worker would hold it.
    let held = app.corpus.clone();
    update(&mut app, A::Loaded(vec![second]));
    assert_eq!(app.pending.len(), 1, "the rows wait for the corpus");
    let cancel = app.search.cancel.clone().expect("a pass in flight");
    assert!(
        cancel.load(std::sync::atomic::Ordering::Relaxed),
        "the ranking is told to stop"
    );
    drop(held);
    settle(&mut app, &rx);
    assert_eq!(app.row_count(), 5);
    assert_eq!(ids(&app), ["s3"], "searched again over every row");
}

#[test]
fn reports_on_a_worker_arrive_and_stale_ones_are_dropped() {
    let (mut app, rx, batches) = app_with_workers();
    app.async_reports = 1;
    update(&mut app, A::Loaded(batches));
    assert!(app.reports_pending, "five sessions are over the threshold of one");
    assert_eq!(app.members.len(), 5, "the list does not wait for the figures");
    settle(&mut app, &rx);
    assert_eq!(app.report, report_of(&app));
    on_facet(&mut app, Facet::Expertise(4), A::FacetToggle);
    let stale = app.report_pass - 1;
    update(&mut app, A::CycleCohorts);
    settle(&mut app, &rx);
    assert_eq!(app.report.sessions, 1);
    assert_eq!(app.groups[1].report.sessions, 1, "the expert cohort");
    assert_eq!(app.groups[0].report.sessions, 0);
    let empty = Box::new(Report::compute([], app.how, 0));
    update(
        &mut app,
        A::ReportsDone {
            pass: stale,
            report: empty,
            groups: vec![],
        },
    );
    assert_eq!(app.report.sessions, 1, "a stale pass changes nothing");
}
