//! The browser's list, histograms and figures, counted from the core's packed columns, pinned
//! on the demo corpus to the plain computations over the corpus's own rows: `Filter::passes`,
//! `Report::compute` and the bins of each row's figures.

use std::io::Read;

use crate::corpus::{RatifiedAs, SessionRow, Source, load_sources};
use crate::filter::expertise_slot;
use crate::model::Kind;
use crate::stats::{Regime, Report};
use crate::tui::action::Cohorts;
use crate::tui::app::{App, Facet, TuiOptions};
use crate::tui::hist::{Metric, app_bin, share_bin};
use crate::tui::{Action as A, update};

use super::updates::on_facet;

/// The demo corpus as four sources, loaded batch by batch so that the columns grow.
fn demo_app() -> App {
    let mut text = String::new();
    let mut gz = Vec::new();
    std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.jsonl.gz"))
        .and_then(|mut f| f.read_to_end(&mut gz))
        .unwrap();
    flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut text).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let sources: Vec<Source> = lines
        .chunks(lines.len().div_ceil(4))
        .map(|c| Source::memory("<demo part>", (c.join("\n") + "\n").into_bytes()))
        .collect();
    let mut app = App::new(sources, TuiOptions::default(), None);
    let mut batches = Vec::new();
    load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
    for b in batches {
        update(&mut app, A::Loaded(vec![b]));
    }
    assert_eq!(app.row_count(), 3000);
    app
}

/// The cohorts of a row, from the row itself.
fn cohort(cohorts: Cohorts, r: &SessionRow, how: RatifiedAs) -> [bool; 2] {
    match cohorts {
        Cohorts::All => [true, false],
        Cohorts::Expertise => [expertise_slot(r.expertise) == 0, expertise_slot(r.expertise) == 4],
        Cohorts::Regimes => Regime::ALL.map(|g| g.holds(r, how)),
    }
}

/// Everything the browser shows for the current filter, against the plain computations.
fn check(app: &App) {
    let (rows, how) = (&app.corpus.rows, app.how);
    assert_eq!(app.members, app.filter.apply(&app.corpus, how), "{:?}", app.filter);
    let set: Vec<&SessionRow> = app.members.iter().map(|&i| &rows[i as usize]).collect();
    assert_eq!(app.report, Report::compute(set.iter().copied(), how, 0));
    for (g, group) in app.groups.iter().enumerate() {
        let cohort: Vec<&SessionRow> = set.iter().copied().filter(|r| cohort(app.cohorts, r, how)[g]).collect();
        if app.cohorts != Cohorts::All {
            assert_eq!(
                group.report,
                Report::compute(cohort.iter().copied(), how, 0),
                "{}",
                group.name
            );
        }
        for h in &group.hists {
            let mut bins = vec![0; h.metric.bins()];
            let mut apart = 0;
            for r in &cohort {
                let bin = match h.metric {
                    Metric::ActionsPerPrompt => r.app().map(app_bin),
                    Metric::PlanningShare => r.tally.human_share(Kind::Planning, how).map(share_bin),
                    Metric::ExecutionShare => r.tally.human_share(Kind::Execution, how).map(share_bin),
                };
                match bin {
                    Some(b) => bins[b] += 1,
                    None => apart += 1,
                }
            }
            assert_eq!((&h.bins, h.apart), (&bins, apart), "{} {:?}", group.name, h.metric);
        }
    }
}

#[test]
fn list_histograms_and_figures_equal_the_plain_computations_on_the_demo_corpus() {
    let mut app = demo_app();
    for _ in 0..3 {
        for _ in 0..3 {
            check(&app);
            for f in [
                Facet::Expertise(0),
                Facet::Expertise(5),
                Facet::Mode(0),
                Facet::Regime(Regime::UserKeepsExecution),
                Facet::AppMin,
            ] {
                on_facet(&mut app, f, A::FacetToggle);
                check(&app);
            }
            update(&mut app, A::ClearFilters);
            update(&mut app, A::CycleCohorts);
        }
        update(&mut app, A::CycleRatified);
    }
    assert_eq!(app.how, RatifiedAs::Recorded);
}
