//! Audit mode's state (`docs/audit.md`, `docs/browser.md`): the open store, the setup
//! overlay's choices, the queue and the item in front of the auditor. Only `update` changes
//! it; the audit views read it.

use std::path::PathBuf;

use crate::audit::queue::{Item, Order};
use crate::audit::stats::Stats;
use crate::audit::{AuditLog, Store};
use crate::model::{Actor, Decision, Kind, Session};

/// The queue orders the setup overlay offers, in its order.
pub const ORDERS: [&str; 6] = [
    "in order",
    "random sample of N",
    "stratified by expertise, N",
    "lowest confidence first",
    "N whole turns, by expertise and source (for recall)",
    "disagreements to settle",
];

/// The fields of the setup overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Order,
    N,
    Seed,
    Blind,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Order, Field::N, Field::Seed, Field::Blind];
}

/// The setup overlay's choices.
#[derive(Debug, Clone)]
pub struct Setup {
    /// Index into [`ORDERS`].
    pub order: usize,
    pub n: usize,
    pub seed: u64,
    pub blind: bool,
    pub field: Field,
    /// Digits typed into the field under the cursor since it was reached: the first one
    /// replaces the value (typing 50 over 200 gives 50, not 20050).
    pub typing: bool,
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            order: 0,
            n: 200,
            seed: 1,
            blind: false,
            field: Field::Order,
            typing: false,
        }
    }
}

impl Setup {
    pub fn order(&self) -> Order {
        let (n, seed) = (self.n, self.seed);
        match self.order {
            1 => Order::Sample { n, seed },
            2 => Order::Stratified { n, seed },
            3 => Order::LowestConfidence,
            4 => Order::Turns { n, seed },
            5 => Order::Disagreements,
            _ => Order::InOrder,
        }
    }

    /// Whether N and the seed mean anything for the chosen order.
    pub fn sized(&self) -> bool {
        matches!(self.order, 1 | 2 | 4)
    }
}

/// Why audit mode cannot write: no file, or it is locked by another leash.
#[derive(Debug, Clone, PartialEq)]
pub enum Blocked {
    /// No audit file to default to (demo, stdin, several inputs, transcripts): the reason.
    NoFile(String),
    /// Another leash holds the lock on this file (read-only is offered).
    Locked(PathBuf),
    /// Any other failure opening it.
    Failed(String),
}

/// The last thing the audit did, for the status line. `Saved` is set only once
/// `Store::append` (or undo) returned Ok.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Saved(String),
    Info(String),
    Error(String),
}

/// What a blind auditor (or a relabelling one) has chosen so far for the item in front.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Staged {
    pub actor: Option<Actor>,
    pub kind: Option<Kind>,
}

/// Figures of the agreement panel, computed by `crate::audit` when the panel opens: those of
/// `leash audit stats`.
#[derive(Debug, Clone)]
pub struct Figures {
    pub stats: Stats,
    /// Sessions that could not be re-read while joining.
    pub errors: usize,
    /// Read-only: the file was locked by another leash and read without a lock.
    pub read_only: bool,
}

/// The session of the item in front, read lazily and kept while items stay in it.
pub struct Open {
    pub row: usize,
    pub session: Result<Session, String>,
}

pub struct Audit {
    pub path: Result<PathBuf, String>,
    pub auditor: Option<String>,
    pub corpus_paths: Vec<PathBuf>,
    pub store: Option<Store>,
    /// Why the store is not open, when it was asked for and refused.
    pub blocked: Option<Blocked>,
    /// Read without a lock, for the agreement panel only.
    pub read_only: Option<AuditLog>,
    pub setup: Setup,
    /// Whether the queue in use is blind (fixed when it starts).
    pub blind: bool,
    pub queue: Vec<Item>,
    /// Sessions the queue could not re-read.
    pub queue_errors: Vec<String>,
    /// The order the queue was built with (for the header).
    pub order: Option<Order>,
    /// Index of the item in front (`queue.len()` when done).
    pub pos: usize,
    pub open: Option<Open>,
    pub staged: Staged,
    /// The note typed with `N`, going with the next verdict.
    pub note: String,
    /// The "add a missed decision" overlay, while it is open.
    pub adding: Option<super::audit_add::Adding>,
    pub status: Option<Status>,
    /// Queue items with a verdict in force, and how many of those are rejects.
    pub audited: usize,
    pub rejected: usize,
    /// Scroll of the context (prompt and actions).
    pub scroll: u16,
    pub figures: Option<Figures>,
    /// A queue is being built on a worker.
    pub building: bool,
    /// How far the context can scroll, as last drawn (the view knows the wrapping; `update`
    /// clamps to it so that ↑ after End moves at once).
    pub scroll_max: std::cell::Cell<u16>,
    /// Sessions re-read so far / in all while the queue is built (shared with the worker).
    pub built: std::sync::Arc<[std::sync::atomic::AtomicUsize; 2]>,
}

impl Audit {
    pub fn new(path: Result<PathBuf, String>, auditor: Option<String>, corpus_paths: Vec<PathBuf>) -> Audit {
        Audit {
            path,
            auditor,
            corpus_paths,
            store: None,
            blocked: None,
            read_only: None,
            setup: Setup::default(),
            blind: false,
            queue: Vec::new(),
            queue_errors: Vec::new(),
            order: None,
            pos: 0,
            open: None,
            staged: Staged::default(),
            note: String::new(),
            adding: None,
            status: None,
            audited: 0,
            rejected: 0,
            scroll: 0,
            figures: None,
            building: false,
            scroll_max: std::cell::Cell::new(u16::MAX),
            built: Default::default(),
        }
    }

    /// Whether a queue has been started (then `a` goes straight back to it).
    pub fn started(&self) -> bool {
        self.order.is_some()
    }

    pub fn item(&self) -> Option<&Item> {
        self.queue.get(self.pos)
    }

    /// The item's session, its turn index and its decision, once read.
    pub fn decision(&self) -> Option<(&Session, usize, &Decision)> {
        let it = self.item()?;
        let o = self.open.as_ref().filter(|o| o.row == it.session)?;
        let s = o.session.as_ref().ok()?;
        s.turns
            .iter()
            .enumerate()
            .find_map(|(ti, t)| t.decisions.iter().find(|d| d.id == it.decision).map(|d| (s, ti, d)))
    }

    /// The item's session and turn (for a decision, its turn; for a turn the classifier found
    /// no decision in, that turn), once read.
    pub fn turn(&self) -> Option<(&Session, usize)> {
        let it = self.item()?;
        let o = self.open.as_ref().filter(|o| o.row == it.session)?;
        let s = o.session.as_ref().ok()?;
        (it.turn < s.turns.len()).then_some((s, it.turn))
    }

    /// The log of verdicts: the store's, else the read-only one.
    pub fn log(&self) -> Option<&AuditLog> {
        self.store.as_deref().or(self.read_only.as_ref())
    }

    /// The auditor's name as written into verdicts.
    pub fn auditor_name(&self) -> String {
        self.store.as_ref().map_or_else(
            || crate::audit::auditor_name(self.auditor.as_deref()),
            |s| s.auditor().to_owned(),
        )
    }
}
