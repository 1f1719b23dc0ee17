//! Terminal events to [`Action`]s, by mode. The help overlay lists the same keys.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::action::{Action, Mode, Panel};
use super::audit_add::Hand;
use crate::model::{Actor, Kind};

/// The keys, as the help overlay shows them: (keys, what they do).
pub const HELP: &[(&str, &str)] = &[
    ("↑ ↓  k j", "move in the list / scroll the turn view (by focus)"),
    ("PgUp PgDn  g G  Home End", "page / first / last"),
    (
        "← →  h l  p n",
        "previous / next turn of the selected session (N n too)",
    ),
    ("Enter", "focus the turn view (▶ marks the focused panel)"),
    ("Esc", "turn view: end find, focus list · list: clear the query"),
    ("Tab  Shift-Tab", "next / previous panel"),
    ("/", "search sessions: words, Tab fuzzy (Enter keeps, Esc clears)"),
    (
        "/  n  N",
        "in the turn view: find in this session, next / previous match",
    ),
    ("i", "go to a session by its id (or the start of one)"),
    ("w  z", "fold / unfold the response text / the sub-agents' calls"),
    ("y", "copy (then i id, p file:line, t prompt, d decisions), by OSC 52"),
    ("o", "the open session in $PAGER (else $EDITOR, else less)"),
    ("E", "CSV of the filtered sessions here (turn view: its decisions)"),
    ("s  S", "cycle sort key / reverse order"),
    ("f", "facet filters (Space toggles, ← → step a range, x clears)"),
    ("x", "clear all facet filters"),
    ("c", "histograms: all / novice vs expert / the two regimes"),
    ("H", "hide / show the histograms (more room for the list)"),
    ("r", "count ratified decisions as recorded / human / agent"),
    ("mouse", "click selects (a session, a turn on the strip), wheel scrolls"),
    ("a", "audit the decisions of the filtered sessions"),
    ("?", "this help"),
    ("q  Ctrl-C", "quit"),
];

pub use super::keys_audit::AUDIT_HELP;

/// What, beyond the mode, decides what a key means: `/` finds inside the session when the
/// turn view has the focus, and `n`/`N` go through the matches while a find is active there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub mode: Mode,
    pub focus: Panel,
    pub finding: bool,
}

impl From<Mode> for State {
    fn from(mode: Mode) -> State {
        State {
            mode,
            focus: Panel::List,
            finding: false,
        }
    }
}

pub fn action(state: impl Into<State>, ev: &Event) -> Option<Action> {
    let state = state.into();
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(state, k),
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

fn key(state: State, k: &KeyEvent) -> Option<Action> {
    use Action as A;
    let State { mode, focus, finding } = state;
    let finding = finding && focus == Panel::Turn;
    if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c') {
        return Some(A::Quit);
    }
    // The keys every scrolling mode shares; each mode's own table falls back to them (the
    // mode's match must not `return None` before they are consulted).
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
            KeyCode::Tab => A::SearchMode,
            // Alt/Ctrl chords are not text (a fast Esc-then-key can arrive as Alt+key).
            KeyCode::Char(_) if k.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::CONTROL) => {
                return None;
            }
            KeyCode::Char(c) => A::SearchInput(c),
            _ => return common,
        }),
        Mode::AuditSetup => Some(match k.code {
            KeyCode::Esc => A::Close,
            KeyCode::Enter => A::AuditStart,
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => A::SetupUp,
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => A::SetupDown,
            KeyCode::Left | KeyCode::Char('h') | KeyCode::Char('-') => A::SetupLess,
            KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') | KeyCode::Char('+') => A::SetupMore,
            KeyCode::Backspace => A::SetupBackspace,
            KeyCode::Char(c) if c.is_ascii_digit() => A::SetupDigit(c),
            KeyCode::Char('r') => A::AuditReadOnly,
            KeyCode::Char('q') => A::Quit,
            _ => return None,
        }),
        Mode::Audit => Some(match k.code {
            KeyCode::Char('y') | KeyCode::Enter => A::AuditConfirm,
            KeyCode::Char('h') => A::AuditActor(Actor::Human),
            KeyCode::Char('g') => A::AuditActor(Actor::Agent),
            KeyCode::Char('p') => A::AuditKind(Kind::Planning),
            KeyCode::Char('e') => A::AuditKind(Kind::Execution),
            KeyCode::Char('x') => A::AuditReject,
            KeyCode::Char('N') => A::NoteStart,
            KeyCode::Char('u') => A::AuditUndo,
            KeyCode::Char('s') | KeyCode::Right => A::AuditNext,
            KeyCode::Char('b') | KeyCode::Left => A::AuditPrev,
            KeyCode::Char('k') => A::Up,
            KeyCode::Char('j') => A::Down,
            KeyCode::Char('A') => A::AuditAgreement,
            KeyCode::Char('o') => A::AuditSetup,
            KeyCode::Char('+') | KeyCode::Char('m') => A::Hand(Hand::AddStart),
            KeyCode::Char('c') => A::Hand(Hand::Complete),
            KeyCode::Char('E') => A::Hand(Hand::RateStart),
            KeyCode::Char('?') => A::ToggleHelp,
            KeyCode::Char('q') => A::Quit,
            KeyCode::Esc => A::Close,
            _ => return common,
        }),
        Mode::Goto | Mode::Find => Some(match k.code {
            KeyCode::Esc => A::Close,
            KeyCode::Enter => A::PromptAccept,
            KeyCode::Backspace => A::PromptBackspace,
            KeyCode::Char(_) if k.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::CONTROL) => {
                return None;
            }
            KeyCode::Char(c) => A::PromptInput(c),
            _ => return None,
        }),
        Mode::Copy => Some(match k.code {
            KeyCode::Char(c) if "iptd".contains(c) => A::Copy(c),
            _ => A::Close,
        }),
        Mode::AuditAdd | Mode::AuditRate => super::keys_audit::key(mode, k),
        Mode::AuditNote => Some(match k.code {
            KeyCode::Esc => A::NoteCancel,
            KeyCode::Enter => A::NoteAccept,
            KeyCode::Backspace => A::NoteBackspace,
            KeyCode::Char(_) if k.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::CONTROL) => {
                return None;
            }
            KeyCode::Char(c) => A::NoteInput(c),
            _ => return None,
        }),
        Mode::Agreement => Some(match k.code {
            KeyCode::Char('q') => A::Quit,
            KeyCode::Char('k') => A::Up,
            KeyCode::Char('j') => A::Down,
            KeyCode::Char('?') => A::ToggleHelp,
            _ if common.is_some() => return common,
            _ => A::AuditAgreement,
        }),
        // Arrows scroll a help taller than the terminal; any other key closes it.
        Mode::Help => Some(match k.code {
            KeyCode::Char('q') => A::Quit,
            KeyCode::Char('k') => A::Up,
            KeyCode::Char('j') => A::Down,
            _ if common.is_some() => return common,
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
        Mode::Browse => Some(match k.code {
            KeyCode::Char('q') => A::Quit,
            KeyCode::Char('k') => A::Up,
            KeyCode::Char('j') => A::Down,
            KeyCode::Char('g') => A::Top,
            KeyCode::Char('G') => A::Bottom,
            KeyCode::Char('n') if finding => A::FindNext,
            KeyCode::Char('N') if finding => A::FindPrev,
            KeyCode::Left | KeyCode::Char('h') | KeyCode::Char('p') | KeyCode::Char('N') => A::PrevTurn,
            KeyCode::Right | KeyCode::Char('l') | KeyCode::Char('n') => A::NextTurn,
            KeyCode::Enter => A::Open,
            KeyCode::Tab => A::FocusNext,
            KeyCode::BackTab => A::FocusPrev,
            KeyCode::Char('/') if focus == Panel::Turn => A::FindStart,
            KeyCode::Char('/') => A::StartSearch,
            KeyCode::Char('i') => A::GotoStart,
            KeyCode::Char('y') => A::CopyStart,
            KeyCode::Char('H') => A::ToggleHist,
            KeyCode::Char('o') => A::Page,
            KeyCode::Char('E') => A::Export,
            KeyCode::Char('w') => A::FoldResponse,
            KeyCode::Char('z') => A::FoldSubagents,
            KeyCode::Char('s') => A::CycleSort,
            KeyCode::Char('S') => A::ReverseSort,
            KeyCode::Char('f') => A::OpenFacets,
            KeyCode::Char('x') => A::ClearFilters,
            KeyCode::Char('c') => A::CycleCohorts,
            KeyCode::Char('r') => A::CycleRatified,
            KeyCode::Char('?') => A::ToggleHelp,
            KeyCode::Char('a') => A::AuditEnter,
            KeyCode::Esc => A::Close,
            _ => return common,
        }),
    }
}
