//! Every documented key, in every mode it is documented for, through the real key table
//! (`keys::action`): the help overlays and `docs/browser.md` list no key that does nothing.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::tui::action::Mode;
use crate::tui::keys::{self, AUDIT_HELP, HELP};

/// A key as the docs spell it, as the terminal delivers it.
fn event(token: &str) -> Event {
    let (code, mods) = match token {
        "↑" => (KeyCode::Up, KeyModifiers::NONE),
        "↓" => (KeyCode::Down, KeyModifiers::NONE),
        "←" => (KeyCode::Left, KeyModifiers::NONE),
        "→" => (KeyCode::Right, KeyModifiers::NONE),
        "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
        "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
        "Home" => (KeyCode::Home, KeyModifiers::NONE),
        "End" => (KeyCode::End, KeyModifiers::NONE),
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "Shift-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
        "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
        "Ctrl-C" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
        t if t.chars().count() == 1 => {
            let c = t.chars().next().unwrap();
            let m = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), m)
        }
        t => panic!("a documented key this test cannot type: {t:?}"),
    };
    Event::Key(KeyEvent::new(code, mods))
}

/// (mode, key, the action it must give, as `Debug` prints it).
const TABLE: &[(Mode, &str, &str)] = &[
    (Mode::Browse, "↑", "Up"),
    (Mode::Browse, "↓", "Down"),
    (Mode::Browse, "k", "Up"),
    (Mode::Browse, "j", "Down"),
    (Mode::Browse, "PgUp", "PageUp"),
    (Mode::Browse, "PgDn", "PageDown"),
    (Mode::Browse, "g", "Top"),
    (Mode::Browse, "G", "Bottom"),
    (Mode::Browse, "Home", "Top"),
    (Mode::Browse, "End", "Bottom"),
    (Mode::Browse, "←", "PrevTurn"),
    (Mode::Browse, "→", "NextTurn"),
    (Mode::Browse, "h", "PrevTurn"),
    (Mode::Browse, "l", "NextTurn"),
    (Mode::Browse, "p", "PrevTurn"),
    (Mode::Browse, "n", "NextTurn"),
    (Mode::Browse, "Enter", "Open"),
    (Mode::Browse, "Tab", "FocusNext"),
    (Mode::Browse, "Shift-Tab", "FocusPrev"),
    (Mode::Browse, "/", "StartSearch"),
    (Mode::Browse, "s", "CycleSort"),
    (Mode::Browse, "S", "ReverseSort"),
    (Mode::Browse, "f", "OpenFacets"),
    (Mode::Browse, "x", "ClearFilters"),
    (Mode::Browse, "c", "CycleCohorts"),
    (Mode::Browse, "r", "CycleRatified"),
    (Mode::Browse, "a", "AuditEnter"),
    (Mode::Browse, "?", "ToggleHelp"),
    (Mode::Browse, "q", "Quit"),
    (Mode::Browse, "Ctrl-C", "Quit"),
    (Mode::Browse, "Esc", "Close"),
    (Mode::Browse, "i", "GotoStart"),
    (Mode::Browse, "y", "CopyStart"),
    (Mode::Browse, "H", "ToggleHist"),
    (Mode::Browse, "o", "Page"),
    (Mode::Browse, "E", "Export"),
    (Mode::Copy, "i", "Copy('i')"),
    (Mode::Copy, "p", "Copy('p')"),
    (Mode::Copy, "t", "Copy('t')"),
    (Mode::Copy, "d", "Copy('d')"),
    (Mode::Copy, "Esc", "Close"),
    (Mode::Browse, "w", "FoldResponse"),
    (Mode::Browse, "z", "FoldSubagents"),
    (Mode::Browse, "N", "PrevTurn"),
    (Mode::Goto, "Enter", "PromptAccept"),
    (Mode::Goto, "Esc", "Close"),
    (Mode::Goto, "Backspace", "PromptBackspace"),
    (Mode::Goto, "q", "PromptInput('q')"),
    (Mode::Find, "Enter", "PromptAccept"),
    (Mode::Find, "n", "PromptInput('n')"),
    // Typing a query: text is text, and the list still moves under it.
    (Mode::Search, "Enter", "SearchAccept"),
    (Mode::Search, "Esc", "SearchClear"),
    (Mode::Search, "Backspace", "SearchBackspace"),
    (Mode::Search, "q", "SearchInput('q')"),
    (Mode::Search, "j", "SearchInput('j')"),
    (Mode::Search, "↑", "Up"),
    (Mode::Search, "↓", "Down"),
    (Mode::Search, "PgUp", "PageUp"),
    (Mode::Search, "PgDn", "PageDown"),
    (Mode::Search, "Home", "Top"),
    (Mode::Search, "End", "Bottom"),
    (Mode::Search, "Ctrl-C", "Quit"),
    (Mode::Search, "Tab", "SearchMode"),
    (Mode::Facets, "↑", "FacetUp"),
    (Mode::Facets, "↓", "FacetDown"),
    (Mode::Facets, "k", "FacetUp"),
    (Mode::Facets, "j", "FacetDown"),
    (Mode::Facets, "Space", "FacetToggle"),
    (Mode::Facets, "←", "FacetLess"),
    (Mode::Facets, "→", "FacetMore"),
    (Mode::Facets, "x", "ClearFilters"),
    (Mode::Facets, "Esc", "Close"),
    (Mode::Facets, "f", "Close"),
    (Mode::Facets, "?", "ToggleHelp"),
    (Mode::Facets, "q", "Quit"),
    (Mode::Help, "?", "Close"),
    (Mode::Help, "↓", "Down"),
    (Mode::Help, "PgUp", "PageUp"),
    (Mode::Help, "Esc", "Close"),
    (Mode::Help, "q", "Quit"),
    (Mode::Audit, "y", "AuditConfirm"),
    (Mode::Audit, "Enter", "AuditConfirm"),
    (Mode::Audit, "h", "AuditActor(Human)"),
    (Mode::Audit, "g", "AuditActor(Agent)"),
    (Mode::Audit, "p", "AuditKind(Planning)"),
    (Mode::Audit, "e", "AuditKind(Execution)"),
    (Mode::Audit, "x", "AuditReject"),
    (Mode::Audit, "N", "NoteStart"),
    (Mode::Audit, "u", "AuditUndo"),
    (Mode::Audit, "s", "AuditNext"),
    (Mode::Audit, "→", "AuditNext"),
    (Mode::Audit, "b", "AuditPrev"),
    (Mode::Audit, "←", "AuditPrev"),
    (Mode::Audit, "↑", "Up"),
    (Mode::Audit, "↓", "Down"),
    (Mode::Audit, "k", "Up"),
    (Mode::Audit, "j", "Down"),
    (Mode::Audit, "PgUp", "PageUp"),
    (Mode::Audit, "PgDn", "PageDown"),
    (Mode::Audit, "Home", "Top"),
    (Mode::Audit, "End", "Bottom"),
    (Mode::Audit, "A", "AuditAgreement"),
    (Mode::Audit, "o", "AuditSetup"),
    (Mode::Audit, "Esc", "Close"),
    (Mode::Audit, "?", "ToggleHelp"),
    (Mode::Audit, "q", "Quit"),
    (Mode::Audit, "Ctrl-C", "Quit"),
    (Mode::AuditNote, "Enter", "NoteAccept"),
    (Mode::AuditNote, "Esc", "NoteCancel"),
    (Mode::AuditNote, "Backspace", "NoteBackspace"),
    (Mode::AuditNote, "q", "NoteInput('q')"),
    (Mode::Audit, "+", "Hand(AddStart)"),
    (Mode::Audit, "m", "Hand(AddStart)"),
    (Mode::Audit, "c", "Hand(Complete)"),
    (Mode::Audit, "E", "Hand(RateStart)"),
    (Mode::AuditAdd, "p", "Hand(AddKind(Planning))"),
    (Mode::AuditAdd, "g", "Hand(AddActor(Agent))"),
    (Mode::AuditAdd, "→", "Hand(AddCategory(true))"),
    (Mode::AuditAdd, "←", "Hand(AddCategory(false))"),
    (Mode::AuditAdd, "↓", "Hand(AddPick(1))"),
    (Mode::AuditAdd, "↑", "Hand(AddPick(-1))"),
    (Mode::AuditAdd, "Enter", "Hand(AddSave)"),
    (Mode::AuditAdd, "Esc", "Close"),
    (Mode::AuditRate, "4", "Hand(Rate(Some(4)))"),
    (Mode::AuditRate, "0", "Hand(Rate(None))"),
    (Mode::AuditRate, "Esc", "Close"),
    (Mode::AuditSetup, "↑", "SetupUp"),
    (Mode::AuditSetup, "↓", "SetupDown"),
    (Mode::AuditSetup, "←", "SetupLess"),
    (Mode::AuditSetup, "→", "SetupMore"),
    (Mode::AuditSetup, "7", "SetupDigit('7')"),
    (Mode::AuditSetup, "Backspace", "SetupBackspace"),
    (Mode::AuditSetup, "Enter", "AuditStart"),
    (Mode::AuditSetup, "r", "AuditReadOnly"),
    (Mode::AuditSetup, "Esc", "Close"),
    (Mode::Agreement, "↑", "Up"),
    (Mode::Agreement, "↓", "Down"),
    (Mode::Agreement, "PgDn", "PageDown"),
    (Mode::Agreement, "End", "Bottom"),
    (Mode::Agreement, "A", "AuditAgreement"),
    (Mode::Agreement, "q", "Quit"),
];

fn expected(mode: Mode, token: &str) -> Option<&'static str> {
    TABLE.iter().find(|(m, t, _)| *m == mode && *t == token).map(|r| r.2)
}

#[test]
fn every_key_in_the_table_gives_its_action_through_the_key_table() {
    let mut wrong = Vec::new();
    for &(mode, token, want) in TABLE {
        let got = keys::action(mode, &event(token)).map(|a| format!("{a:?}"));
        if got.as_deref() != Some(want) {
            wrong.push(format!("{mode:?} {token}: {got:?}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The keys of a help line ("PgUp PgDn  g G"), without the words that are not keys.
fn help_tokens(keys: &str) -> impl Iterator<Item = &str> {
    keys.split_whitespace().filter(|t| !matches!(*t, "mouse" | "blind"))
}

/// The keys in backticks in the first column of the table after `heading` in the docs.
fn doc_tokens(heading: &str) -> Vec<String> {
    let doc = include_str!("../../../docs/browser.md");
    let section = doc.split(heading).nth(1).expect("the heading is in docs/browser.md");
    let mut out = Vec::new();
    for line in section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
    {
        let first = line.split('|').nth(1).unwrap_or("");
        for quoted in first.split('`').skip(1).step_by(2) {
            out.extend(quoted.split_whitespace().map(str::to_string));
        }
    }
    assert!(out.len() > 10, "the keys table after {heading} was read: {out:?}");
    out
}

/// Keys whose meaning depends on the focus: `/` and, while a find is active, `n` `N`.
#[test]
fn in_the_turn_view_slash_finds_and_n_goes_through_the_matches() {
    use crate::tui::action::Panel;
    use crate::tui::keys::State;
    let turn = |finding| State {
        mode: Mode::Browse,
        focus: Panel::Turn,
        finding,
    };
    let got = |s: State, t: &str| keys::action(s, &event(t)).map(|a| format!("{a:?}"));
    assert_eq!(got(turn(false), "/").as_deref(), Some("FindStart"));
    assert_eq!(got(Mode::Browse.into(), "/").as_deref(), Some("StartSearch"));
    assert_eq!(got(turn(true), "n").as_deref(), Some("FindNext"));
    assert_eq!(got(turn(true), "N").as_deref(), Some("FindPrev"));
    assert_eq!(got(turn(false), "n").as_deref(), Some("NextTurn"));
    let list_finding = State {
        focus: Panel::List,
        ..turn(true)
    };
    assert_eq!(got(list_finding, "n").as_deref(), Some("NextTurn"));
}

#[test]
fn every_key_the_help_overlays_list_is_in_the_table() {
    for (mode, help) in [(Mode::Browse, HELP), (Mode::Audit, AUDIT_HELP)] {
        for (k, _) in help {
            for t in help_tokens(k) {
                assert!(expected(mode, t).is_some(), "{mode:?}: `{t}` from the help overlay");
            }
        }
    }
}

#[test]
fn every_key_docs_browser_md_lists_is_in_the_table() {
    for (mode, heading) in [(Mode::Browse, "## Keys"), (Mode::Audit, "## Audit mode")] {
        for t in doc_tokens(heading) {
            assert!(expected(mode, &t).is_some(), "{mode:?}: `{t}` from docs/browser.md");
        }
    }
}

#[test]
fn the_moving_keys_do_something_in_every_mode_that_scrolls() {
    for mode in [Mode::Browse, Mode::Search, Mode::Audit, Mode::Agreement] {
        for t in ["↑", "↓", "PgUp", "PgDn", "Home", "End"] {
            assert!(keys::action(mode, &event(t)).is_some(), "{mode:?}: {t} does nothing");
        }
    }
}
