//! Every user intent and every worker report, named: the only input `update` accepts.

use std::sync::Arc;

use crate::corpus::Batch;
use crate::search::Progress;
use crate::stats::Report;

pub use super::sort::{Cohorts, SortKey};

/// What the keyboard is talking to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Browse,
    /// Typing a fuzzy query.
    Search,
    /// The facet filter overlay.
    Facets,
    /// The help overlay.
    Help,
    /// The audit setup overlay: queue order, N, seed, blind (or why audit cannot start).
    AuditSetup,
    /// Auditing: one decision in context at a time.
    Audit,
    /// Typing an audit note.
    AuditNote,
    /// The agreement panel.
    Agreement,
    /// Adding a decision the classifier missed (kind, actor, category, evidence).
    AuditAdd,
    /// `E` pressed in audit mode: the next key rates the session's expertise.
    AuditRate,
    /// Typing a session id to go to (`i`).
    Goto,
    /// Typing text to find inside the open session (`/` with the turn view focused).
    Find,
    /// `y` pressed: the next key says what to copy.
    Copy,
}

impl Action {
    /// Whether it comes from the keyboard or mouse (a footer status gives way to it).
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            Action::Loaded(_)
                | Action::Tick
                | Action::LoadFinished(_)
                | Action::SearchDone { .. }
                | Action::ReportsDone { .. }
                | Action::AuditQueued { .. }
                | Action::Resize(..)
        )
    }
}

impl Mode {
    /// Whether the audit screen is the one drawn under this mode.
    pub fn is_audit(self) -> bool {
        matches!(
            self,
            Mode::Audit | Mode::AuditNote | Mode::Agreement | Mode::AuditAdd | Mode::AuditRate
        )
    }
}

/// The panel that arrows and the mouse wheel act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    List,
    Turn,
    Hist,
}

impl Panel {
    pub fn next(self) -> Panel {
        match self {
            Panel::List => Panel::Turn,
            Panel::Turn => Panel::Hist,
            Panel::Hist => Panel::List,
        }
    }
    pub fn prev(self) -> Panel {
        self.next().next()
    }
}

#[derive(Debug)]
pub enum Action {
    Quit,
    /// Arrows / `j` `k`: the list's selection, or the turn view's scroll, by focus.
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextTurn,
    PrevTurn,
    FocusNext,
    FocusPrev,
    /// Open the selected session in the turn view.
    Open,
    CycleSort,
    ReverseSort,
    StartSearch,
    SearchInput(char),
    SearchBackspace,
    /// Keep the query and go back to browsing.
    SearchAccept,
    /// Drop the query.
    SearchClear,
    /// Tab while typing: words / fuzzy.
    SearchMode,
    OpenFacets,
    FacetUp,
    FacetDown,
    /// Toggle the facet under the cursor (or step a range bound up).
    FacetToggle,
    /// Step the range bound under the cursor down/up.
    FacetLess,
    FacetMore,
    ClearFilters,
    CycleCohorts,
    /// Cycle how ratified decisions count: as recorded, as human, as agent.
    CycleRatified,
    ToggleHelp,
    /// Close whatever overlay is open.
    Close,
    Click {
        col: u16,
        row: u16,
    },
    Wheel {
        col: u16,
        row: u16,
        down: bool,
    },
    Resize(u16, u16),
    /// `i`: go to a session by id; `/` in the turn view: find in the session. Both read a
    /// line: its keys, Enter (go / find), Esc (Close) cancels.
    GotoStart,
    FindStart,
    PromptInput(char),
    PromptBackspace,
    PromptAccept,
    /// `n` / `N` with a find active in the turn view: the next / previous match.
    FindNext,
    FindPrev,
    /// `y`, then `i` id, `p` where it is (file:line), `t` the prompt, `d` the decisions.
    CopyStart,
    Copy(char),
    /// `o`: the open session in `$PAGER` (else `$EDITOR`, else less).
    Page,
    /// `E`: the filtered sessions (or, with the turn view focused, the open session's
    /// decisions) to a CSV file in the working directory.
    Export,
    /// `H`: hide / show the histograms.
    ToggleHist,
    /// `w` / `z`: fold or unfold the response text / the sub-agents' calls in the turn view.
    FoldResponse,
    FoldSubagents,
    /// `a`: open the audit setup over the filtered sessions, or go back to the queue begun.
    AuditEnter,
    /// Setup overlay: move between fields, change the field's value, type a digit.
    SetupUp,
    SetupDown,
    SetupLess,
    SetupMore,
    SetupDigit(char),
    SetupBackspace,
    /// `o` in audit mode: the setup again, for a new queue over the current filters.
    AuditSetup,
    /// Build the queue and start (or resume) auditing.
    AuditStart,
    /// Open a locked audit file without the lock, for the agreement panel only.
    AuditReadOnly,
    /// `y`/Enter: confirm the label (or commit the label chosen with `h g p e`).
    AuditConfirm,
    /// The auditor's actor / kind for the decision in front.
    AuditActor(crate::model::Actor),
    AuditKind(crate::model::Kind),
    /// Not a decision at all.
    AuditReject,
    /// Undo this auditor's last verdict still in force.
    AuditUndo,
    AuditNext,
    AuditPrev,
    /// Start typing a note; its keys; Enter keeps it; Esc drops it.
    NoteStart,
    NoteInput(char),
    NoteBackspace,
    NoteAccept,
    NoteCancel,
    /// The agreement panel (toggle).
    AuditAgreement,
    /// A missed decision added, a turn marked complete, an expertise rating.
    Hand(super::audit_add::Hand),
    /// A worker got further (the audit queue's build): redraw.
    Tick,
    /// Worker reports.
    /// The audit queue, built on a worker (sessions re-read), with the order and blindness
    /// it was asked with.
    AuditQueued {
        queue: crate::audit::queue::Queue,
        order: crate::audit::queue::Order,
        blind: bool,
    },
    Loaded(Vec<Batch>),
    LoadFinished(Result<(), String>),
    SearchDone {
        pass: u64,
        scores: Option<Vec<Option<i64>>>,
        /// Sent with the matches (before they are ranked), for the next keystroke.
        progress: Option<Arc<Progress>>,
    },
    /// The header's and the cohorts' reports of one recount.
    ReportsDone {
        pass: u64,
        report: Box<Report>,
        groups: Vec<Report>,
    },
}

/// What arrives over the event loop's channel.
pub enum Msg {
    Input(crossterm::event::Event),
    Act(Action),
}
