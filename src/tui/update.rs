//! `update`: the one place the browser's state changes.

use crate::corpus::RatifiedAs;

use super::action::{Action, Mode, Panel};
use super::app::App;
use super::layout::{Areas, hit};

mod audit;
mod facets;
mod motion;
mod queue;
mod search;

use facets::facet;
use motion::{click, page, step, turn};
use search::requery;

pub fn update(app: &mut App, action: Action) {
    use Action as A;
    if action.is_input() && !matches!(action, A::FindNext | A::FindPrev) {
        app.status = None;
    }
    // In the audit screens the arrows scroll the decision's context.
    if app.mode.is_audit() {
        let d = match action {
            A::Up => Some(-1),
            A::Down => Some(1),
            A::PageUp => Some(-10),
            A::PageDown => Some(10),
            A::Top => Some(-10_000),
            A::Bottom => Some(10_000),
            A::Wheel { down, .. } => Some(if down { 3 } else { -3 }),
            // The browser's panels are not on screen: a click has nothing to select.
            A::Click { .. } => Some(0),
            _ => None,
        };
        if let Some(d) = d {
            audit::scroll(app, d);
            return;
        }
    }
    if app.mode == Mode::Help {
        let d: i32 = match action {
            A::Up => -1,
            A::Down => 1,
            A::PageUp | A::Top => -100,
            A::PageDown | A::Bottom => 100,
            _ => 0,
        };
        if d != 0 {
            app.help_scroll = (i32::from(app.help_scroll) + d).clamp(0, 100) as u16;
            return;
        }
    }
    match action {
        A::AuditEnter
        | A::SetupUp
        | A::SetupDown
        | A::SetupLess
        | A::SetupMore
        | A::SetupDigit(_)
        | A::SetupBackspace
        | A::AuditSetup
        | A::AuditStart
        | A::AuditReadOnly
        | A::AuditConfirm
        | A::AuditActor(_)
        | A::AuditKind(_)
        | A::AuditReject
        | A::AuditUndo
        | A::AuditNext
        | A::AuditPrev
        | A::NoteStart
        | A::NoteInput(_)
        | A::NoteBackspace
        | A::NoteAccept
        | A::NoteCancel
        | A::AuditAgreement
        | A::Hand(_)
        | A::AuditQueued { .. } => audit::update(app, action),
        A::GotoStart => app.prompt_start(Mode::Goto),
        A::FindStart => app.prompt_start(Mode::Find),
        A::PromptInput(c) => app.prompt.push(c),
        A::PromptBackspace => drop(app.prompt.pop()),
        A::PromptAccept => app.prompt_accept(),
        A::FindNext => app.find_step(1),
        A::FindPrev => app.find_step(-1),
        A::CopyStart => {
            app.mode = Mode::Copy;
            app.status = Some("copy: i session id · p file:line · t prompt · d decisions · Esc nothing".into());
        }
        A::Copy(c) => app.copy(c),
        A::Page => app.page(),
        A::Export => app.export(),
        A::ToggleHist => {
            app.show_hist = !app.show_hist;
            app.areas = Areas::with(app.size.0, app.size.1, app.show_hist);
            if app.focus == Panel::Hist && !app.show_hist {
                app.focus = Panel::List;
            }
            app.select_cursor();
        }
        A::FoldResponse => app.folds.response = !app.folds.response,
        A::FoldSubagents => app.folds.subagents = !app.folds.subagents,
        A::Quit => app.quit = true,
        A::Up => step(app, -1),
        A::Down => step(app, 1),
        A::PageUp => step(app, -page(app)),
        A::PageDown => step(app, page(app)),
        A::Top => step(app, isize::MIN / 2),
        A::Bottom => step(app, isize::MAX / 2),
        A::NextTurn => turn(app, 1),
        A::PrevTurn => turn(app, -1),
        A::FocusNext => app.focus = app.focus.next(),
        A::FocusPrev => app.focus = app.focus.prev(),
        A::Open => app.focus = Panel::Turn,
        A::CycleSort => {
            app.sort = app.sort.next();
            app.resort();
            app.recount();
        }
        A::ReverseSort => {
            app.descending = !app.descending;
            app.recount();
        }
        A::StartSearch => app.mode = Mode::Search,
        A::SearchInput(c) => {
            app.search.text.push(c);
            requery(app);
        }
        A::SearchBackspace => {
            app.search.text.pop();
            requery(app);
        }
        A::SearchAccept => app.mode = Mode::Browse,
        A::SearchMode => {
            app.search.mode = match app.search.mode {
                crate::search::Mode::Words => crate::search::Mode::Fuzzy,
                crate::search::Mode::Fuzzy => crate::search::Mode::Words,
            };
            app.search.progress = None;
            requery(app);
        }
        A::SearchClear => {
            app.search.text.clear();
            requery(app);
            app.mode = Mode::Browse;
        }
        A::OpenFacets => app.mode = Mode::Facets,
        A::FacetUp => app.facet_cursor = app.facet_cursor.saturating_sub(1),
        A::FacetDown => app.facet_cursor = (app.facet_cursor + 1).min(app.facets.len() - 1),
        A::FacetToggle => facet(app, 0),
        A::FacetLess => facet(app, -1),
        A::FacetMore => facet(app, 1),
        A::ClearFilters => {
            app.filter = Default::default();
            app.recount();
        }
        A::CycleCohorts => {
            app.cohorts = app.cohorts.next();
            app.recount();
        }
        A::CycleRatified => {
            app.how = match app.how {
                RatifiedAs::Recorded => RatifiedAs::Human,
                RatifiedAs::Human => RatifiedAs::Agent,
                RatifiedAs::Agent => RatifiedAs::Recorded,
            };
            app.restat();
            app.resort();
            app.recount();
        }
        A::ToggleHelp => {
            if app.mode == Mode::Help {
                app.mode = app.help_from;
            } else {
                app.help_from = app.mode;
                app.help_scroll = 0;
                app.mode = Mode::Help;
            }
        }
        A::Close if matches!(app.mode, Mode::Goto | Mode::Find | Mode::Copy) => app.mode = Mode::Browse,
        // Esc in the turn view ends a find, then gives the focus back to the list.
        A::Close if app.mode == Mode::Browse && app.focus != Panel::List => {
            if app.find.take().is_none() {
                app.focus = Panel::List;
            }
        }
        // Esc while browsing with a query kept drops the query.
        A::Close if app.mode == Mode::Browse && !app.search.text.is_empty() => update(app, A::SearchClear),
        A::Close if app.mode == Mode::Help => app.mode = std::mem::replace(&mut app.help_from, Mode::Browse),
        A::Close if app.mode == Mode::AuditNote => audit::update(app, A::NoteCancel),
        A::Close if app.mode == Mode::Agreement => audit::update(app, A::AuditAgreement),
        A::Close if matches!(app.mode, Mode::AuditAdd | Mode::AuditRate) => audit::cancel_hand(app),
        // The setup of a new queue, closed: back to the queue in use.
        A::Close if app.mode == Mode::AuditSetup && app.audit.started() && app.audit.store.is_some() => {
            app.mode = Mode::Audit
        }
        // Leaving audit mode keeps the store open: `a` comes back to the same queue.
        A::Close => app.mode = Mode::Browse,
        A::Click { col, row } => click(app, col, row),
        A::Wheel { col, row, down } => {
            if let Some(a) = app.areas {
                app.focus = if hit(a.turn, col, row) {
                    Panel::Turn
                } else {
                    Panel::List
                };
                let d = if down { 3 } else { -3 };
                step(app, d);
            }
        }
        A::Resize(w, h) => {
            app.size = (w, h);
            app.areas = Areas::with(w, h, app.show_hist);
            app.select_cursor();
        }
        A::Loaded(batches) => app.absorb(batches),
        A::Tick => {}
        A::LoadFinished(r) => {
            app.loading.done = true;
            app.loading.error = r.err();
            // Matches were not ranked while rows kept coming: rank them now.
            if app.search.query.is_some() {
                app.start_search();
            }
        }
        A::ReportsDone { pass, report, groups } => {
            app.apply_reports(pass, *report, groups);
            app.absorb(Vec::new());
        }
        A::SearchDone { pass, scores, progress } => {
            if pass == app.search.pass {
                app.search.running = false;
                // The matches come with their progress; the ranked scores, or a cancelled
                // pass's end, without.
                app.search.ranking = progress.is_some() && app.tx.is_some();
                if progress.is_some() {
                    app.search.progress = progress;
                }
                if scores.is_some() {
                    app.search.scores = scores;
                    app.recount();
                }
            }
            // The worker has let go of the corpus: batches held back can go in now.
            app.absorb(Vec::new());
        }
    }
}
