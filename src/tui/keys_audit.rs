//! The keys of audit mode's help, and of its two small modes: adding a missed decision and
//! rating the session's expertise. Keyboard first: every choice is one key.

use crossterm::event::{KeyCode, KeyEvent};

use super::action::{Action, Mode};
use super::audit_add::Hand;
use crate::model::{Actor, Kind};

/// The keys of audit mode, as its help overlay shows them.
pub const AUDIT_HELP: &[(&str, &str)] = &[
    ("y  Enter", "confirm the label (or save the one chosen with h g p e)"),
    ("h  g", "the actor is the human / the agent (relabel; Enter saves)"),
    ("p  e", "the kind is planning / execution (relabel; Enter saves)"),
    ("x", "reject: this is not a decision"),
    ("+  m", "add a decision the classifier missed in this turn"),
    ("c", "mark this turn complete (each decision judged)"),
    ("E", "rate the session's expertise: 1-5, 0 cannot tell"),
    ("N", "type a note (Enter keeps it; it goes with the next verdict)"),
    ("u", "undo your last line (appends; nothing is rewritten)"),
    ("s  →", "skip to the next decision"),
    ("b  ←", "back to the previous decision"),
    ("↑ ↓  k j  PgUp PgDn  Home End", "scroll the prompt and actions"),
    ("A", "agreement: kappa, confusion, recall, breakdowns"),
    ("o", "a new queue over the current filters (order, N, seed, blind)"),
    ("Esc", "back to browsing (a resumes)"),
    ("blind", "the label is hidden: choose h/g and p/e, then Enter"),
    ("?", "this help"),
    ("q  Ctrl-C", "quit (every saved verdict is already on disk)"),
];

/// The key tables of [`Mode::AuditAdd`] and [`Mode::AuditRate`].
pub(super) fn key(mode: Mode, k: &KeyEvent) -> Option<Action> {
    use Action as A;
    let h = |h: Hand| Some(A::Hand(h));
    if mode == Mode::AuditRate {
        return match k.code {
            KeyCode::Char(c @ '1'..='5') => h(Hand::Rate(Some(c as u8 - b'0'))),
            KeyCode::Char('0') => h(Hand::Rate(None)),
            KeyCode::Esc => Some(A::Close),
            _ => None,
        };
    }
    match k.code {
        KeyCode::Char('p') => h(Hand::AddKind(Kind::Planning)),
        KeyCode::Char('e') => h(Hand::AddKind(Kind::Execution)),
        KeyCode::Char('h') => h(Hand::AddActor(Actor::Human)),
        KeyCode::Char('g') => h(Hand::AddActor(Actor::Agent)),
        KeyCode::Right | KeyCode::Tab | KeyCode::Char('l') => h(Hand::AddCategory(true)),
        KeyCode::Left | KeyCode::BackTab => h(Hand::AddCategory(false)),
        KeyCode::Down | KeyCode::Char('j') => h(Hand::AddPick(1)),
        KeyCode::Up | KeyCode::Char('k') => h(Hand::AddPick(-1)),
        KeyCode::PageDown => h(Hand::AddPick(10)),
        KeyCode::PageUp => h(Hand::AddPick(-10)),
        KeyCode::End => h(Hand::AddPick(isize::MAX / 2)),
        KeyCode::Home => h(Hand::AddPick(isize::MIN / 2)),
        KeyCode::Enter => h(Hand::AddSave),
        KeyCode::Esc => Some(A::Close),
        KeyCode::Char('?') => Some(A::ToggleHelp),
        KeyCode::Char('q') => Some(A::Quit),
        _ => None,
    }
}
