//! Whole screens drawn on a `TestBackend`, snapshotted with insta. Each snapshot was read
//! and checked by hand: see the assertions beside them for what matters.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use crate::tui::app::{App, TuiOptions};
use crate::tui::{Action as A, update, view};

use super::fixture::{app_sized, drive, selected_id};

pub(super) fn screen(app: &App) -> (String, ratatui::buffer::Buffer) {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    (t.backend().to_string(), buf)
}

fn text(app: &App) -> String {
    screen(app).0
}

#[test]
fn list_and_turn_view_80x24() {
    let app = app_sized(80, 24);
    let s = text(&app);
    insta::assert_snapshot!("browse_80x24", s);
    assert!(s.contains("Fix login bug"));
    assert!(s.contains("PLAN HUMAN goal"));
    // The second decision and the action chain are below: scroll the turn view to them.
    let mut app = app;
    drive(&mut app, [A::Open, A::Down, A::Down]);
    assert!(text(&app).contains("EXEC AGENT code"));
    drive(&mut app, [A::Down, A::Down, A::Down, A::Down]);
    let s = text(&app);
    assert!(s.contains("1 ✗ FAILED Bash cargo test 0"), "{s}");
    assert!(s.contains("2 ✓ Bash cargo test 1"), "{s}");
}

#[test]
fn turn_view_second_turn_and_large_terminal() {
    let mut app = app_sized(140, 40);
    drive(&mut app, [A::Down, A::Down, A::NextTurn]);
    let s = text(&app);
    insta::assert_snapshot!("browse_140x40_s3_turn2", s);
    assert!(s.contains("turn 2/2"));
}

#[test]
fn escaped_control_characters_never_reach_the_terminal() {
    let mut app = app_sized(100, 30);
    drive(&mut app, [A::Down, A::Down, A::Down]);
    assert_eq!(selected_id(&app), Some("s4"));
    let s = text(&app);
    insta::assert_snapshot!("escaped_controls", s);
    assert!(s.contains("\\x1b]0;pwned\\x07"), "{s}");
    assert!(s.contains("\\x1b[2J"), "{s}");
    assert!(s.contains("\\u{9b}31m"), "{s}");
    assert!(s.contains("rm -rf /\\r"), "{s}");
    let (_, buf) = screen(&app);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "raw control char in {:?}",
            cell.symbol()
        );
    }
}

#[test]
fn help_overlay() {
    let mut app = app_sized(100, 30);
    update(&mut app, A::ToggleHelp);
    // Timings vary from run to run.
    app.recount_us = [0; 4];
    let s = text(&app);
    insta::assert_snapshot!("help", s);
    for (k, _) in crate::tui::keys::HELP {
        assert!(s.contains(k), "{k} missing from the help");
    }
}

#[test]
fn empty_search_result() {
    let mut app = app_sized(80, 24);
    drive(
        &mut app,
        [
            A::StartSearch,
            A::SearchInput('q'),
            A::SearchInput('x'),
            A::SearchInput('z'),
        ],
    );
    let s = text(&app);
    insta::assert_snapshot!("search_empty", s);
    assert!(s.contains("no match (Esc clears the query)"));
    assert!(s.contains("0 matches"));
}

#[test]
fn search_highlights_matches() {
    let mut app = app_sized(80, 24);
    drive(&mut app, [A::StartSearch]);
    drive(&mut app, "cache".chars().map(A::SearchInput));
    let (s, buf) = screen(&app);
    insta::assert_snapshot!("search_cache", s);
    // "Refactor cache layer": the matched chars are drawn highlighted (underlined).
    let a = app.areas.unwrap();
    let row = a.list.y + 2;
    let underlined: String = (a.list.x + 1..a.list.x + a.list.width - 1)
        .map(|x| &buf[(x, row)])
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .map(|c| c.symbol().to_string())
        .collect();
    assert_eq!(underlined, "cache");
}

#[test]
fn facets_overlay_and_cohorts() {
    let mut app = app_sized(80, 24);
    drive(&mut app, [A::CycleCohorts, A::OpenFacets, A::FacetDown, A::FacetToggle]);
    let s = text(&app);
    insta::assert_snapshot!("facets_cohorts", s);
    assert!(s.contains("[x] 2 beginner"));
    drive(&mut app, [A::Close, A::ClearFilters]);
    let s = text(&app);
    insta::assert_snapshot!("cohorts_expertise", s);
    assert!(s.contains("novice 2.0"), "{s}");
    assert!(s.contains("expert 12.0"), "{s}");
}

#[test]
fn too_small_terminal_says_so() {
    let app = app_sized(40, 10);
    let s = text(&app);
    insta::assert_snapshot!("too_small", s);
    assert!(s.contains("too small"));
}

#[test]
fn no_color_draws_no_colour() {
    let opts = TuiOptions {
        no_color: true,
        ..TuiOptions::default()
    };
    let mut app = App::new(vec![super::fixture::source()], opts, None);
    update(&mut app, A::Resize(80, 24));
    let mut batches = Vec::new();
    crate::corpus::load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
    update(&mut app, A::Loaded(batches));
    let (_, buf) = screen(&app);
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let (_, coloured) = screen(&app_sized(80, 24));
    assert!(coloured.content().iter().any(|c| c.fg != Color::Reset));
}

#[test]
fn wide_characters_keep_the_columns_aligned() {
    use crate::corpus::{Source, load_sources};
    let lines = [
        r#"{"id":"w1","title":"日本語のタイトルがとても長いセッションです","expertise":4,"turns":[{"prompt":"p","actions":[{"tool":"Read"}]}]}"#,
        r#"{"id":"w2","title":"emoji 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀 rocket","expertise":2,"turns":[{"prompt":"p"}]}"#,
    ];
    let src = Source::memory("<wide>", (lines.join("\n") + "\n").into_bytes());
    let mut app = App::new(vec![src], TuiOptions::default(), None);
    update(&mut app, A::Resize(80, 24));
    let mut batches = Vec::new();
    load_sources(&app.corpus.sources.clone(), |b| batches.push(b)).unwrap();
    update(&mut app, A::Loaded(batches));
    update(&mut app, A::LoadFinished(Ok(())));
    let (s, buf) = screen(&app);
    insta::assert_snapshot!("wide_chars", s);
    // The last column ends at the same cell on every row, whatever the title, and the
    // columns before it are blank between them.
    let a = app.areas.unwrap();
    let col = a.list.x + a.list.width - 2;
    for row in [a.list.y + 2, a.list.y + 3] {
        assert_eq!(buf[(col, row)].symbol(), "–");
        assert_eq!(buf[(col - 1, row)].symbol(), " ");
        assert_eq!(buf[(col - 6, row)].symbol(), "–");
    }
}
