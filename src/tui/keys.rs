//! Terminal events to [`Action`]s, by mode. The help overlay lists the same keys.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::action::{Action, Mode};

/// The keys, as the help overlay shows them: (keys, what they do).
pub const HELP: &[(&str, &str)] = &[
    ("↑ ↓  k j", "move in the list / scroll the turn view (by focus)"),
    ("PgUp PgDn  g G", "page / first / last"),
    ("← →  h l  p n", "previous / next turn of the selected session"),
    ("Enter", "focus the turn view"),
    ("Tab  Shift-Tab", "next / previous panel"),
    ("/", "fuzzy search (type; Enter keeps, Esc clears)"),
    ("s  S", "cycle sort key / reverse order"),
    ("f", "facet filters (Space toggles, ← → step a range, x clears)"),
    ("x", "clear all facet filters"),
    ("c", "histograms: all / novice vs expert / the two regimes"),
    ("r", "count ratified decisions as recorded / human / agent"),
    ("mouse", "click selects (a session, a turn on the strip), wheel scrolls"),
    ("?", "this help"),
    ("q  Ctrl-C", "quit"),
];

pub fn action(mode: Mode, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(mode, k),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                col: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn key(mode: Mode, k: &KeyEvent) -> Option<Action> {
    use Action as A;
    if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c') {
        return Some(A::Quit);
    }
    let common = match k.code {
        KeyCode::Up => Some(A::Up),
        KeyCode::Down => Some(A::Down),
        KeyCode::PageUp => Some(A::PageUp),
        KeyCode::PageDown => Some(A::PageDown),
        KeyCode::Home => Some(A::Top),
        KeyCode::End => Some(A::Bottom),
        _ => None,
    };
    match mode {
        Mode::Search => Some(match k.code {
            KeyCode::Esc => A::SearchClear,
            KeyCode::Enter => A::SearchAccept,
            KeyCode::Backspace => A::SearchBackspace,
            // Alt/Ctrl chords are not text (a fast Esc-then-key can arrive as Alt+key).
            KeyCode::Char(_) if k.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::CONTROL) => {
                return None;
            }
            KeyCode::Char(c) => A::SearchInput(c),
            _ => return common,
        }),
        Mode::Help => Some(match k.code {
            KeyCode::Char('q') => A::Quit,
            _ => A::Close,
        }),
        Mode::Facets => Some(match k.code {
            KeyCode::Esc | KeyCode::Char('f') | KeyCode::Enter => A::Close,
            KeyCode::Char('q') => A::Quit,
            KeyCode::Up | KeyCode::Char('k') => A::FacetUp,
            KeyCode::Down | KeyCode::Char('j') => A::FacetDown,
            KeyCode::Char(' ') => A::FacetToggle,
            KeyCode::Left | KeyCode::Char('h') => A::FacetLess,
            KeyCode::Right | KeyCode::Char('l') => A::FacetMore,
            KeyCode::Char('x') => A::ClearFilters,
            KeyCode::Char('?') => A::ToggleHelp,
            _ => return None,
        }),
        Mode::Browse => common.or(Some(match k.code {
            KeyCode::Char('q') => A::Quit,
            KeyCode::Char('k') => A::Up,
            KeyCode::Char('j') => A::Down,
            KeyCode::Char('g') => A::Top,
            KeyCode::Char('G') => A::Bottom,
            KeyCode::Left | KeyCode::Char('h') | KeyCode::Char('p') => A::PrevTurn,
            KeyCode::Right | KeyCode::Char('l') | KeyCode::Char('n') => A::NextTurn,
            KeyCode::Enter => A::Open,
            KeyCode::Tab => A::FocusNext,
            KeyCode::BackTab => A::FocusPrev,
            KeyCode::Char('/') => A::StartSearch,
            KeyCode::Char('s') => A::CycleSort,
            KeyCode::Char('S') => A::ReverseSort,
            KeyCode::Char('f') => A::OpenFacets,
            KeyCode::Char('x') => A::ClearFilters,
            KeyCode::Char('c') => A::CycleCohorts,
            KeyCode::Char('r') => A::CycleRatified,
            KeyCode::Char('?') => A::ToggleHelp,
            KeyCode::Esc => A::Close,
            _ => return None,
        })),
    }
}
