//! The browser's whole state. Only `update` changes it; `view` reads it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;

use crate::corpus::{Batch, Corpus, RatifiedAs, Source};
use crate::filter::Filter;
use crate::search::{Progress, Query};
use crate::stats::Report;
use crate::stats::columns::Columns;

use super::action::{Cohorts, Mode, Msg, Panel, SortKey};
use super::audit::Audit;
pub use super::facets::{APP_STEPS, Facet};
use super::hist::{BinTables, Hist};
use super::layout::Areas;

/// What the browser is started with.
#[derive(Debug, Clone)]
pub struct TuiOptions {
    /// How ratified decisions count at start (`r` cycles it).
    pub ratified_as: RatifiedAs,
    /// Draw without colours (set from `NO_COLOR` by [`super::run`]).
    pub no_color: bool,
    /// The audit file (`--audit`, or the default beside one corpus file), or why there is
    /// none (shown when audit mode is asked for).
    pub audit_path: Result<PathBuf, String>,
    /// The auditor's name (`--auditor`; else `$USER`…, see [`crate::audit::auditor_name`]).
    pub auditor: Option<String>,
    /// The corpus files read: the audit store refuses to write to one of them.
    pub corpus_paths: Vec<PathBuf>,
    /// The filters at start (`--since`/`--until`).
    pub filter: Filter,
    /// The config file's settings (theme, sort, facets, keys).
    pub config: super::config::Config,
}

impl Default for TuiOptions {
    fn default() -> TuiOptions {
        TuiOptions {
            ratified_as: RatifiedAs::default(),
            no_color: false,
            audit_path: Err("no audit file: pass --audit FILE".into()),
            auditor: None,
            corpus_paths: Vec::new(),
            filter: Filter::default(),
            config: Default::default(),
        }
    }
}

pub use super::opened::Opened;

/// The label before the turn strip (the strip is the third line inside the turn view).
pub const STRIP_LABEL: &str = "actions/turn ";

/// The first turn the strip shows and how many fit in `width` columns: a window around the
/// current turn when a session has more turns than columns.
pub fn strip_window(cur: usize, turns: usize, width: usize) -> (usize, usize) {
    let room = width.saturating_sub(STRIP_LABEL.len()).max(1);
    let start = cur.saturating_sub(room / 2).min(turns.saturating_sub(room));
    (start, room)
}

/// One cohort of the histogram panel: its name, figures and histograms.
pub struct Group {
    pub name: &'static str,
    pub report: Report,
    /// The study's actions per prompt for this cohort, when it published one.
    pub study_app: Option<f64>,
    pub hists: [Hist; 3],
}

/// Streaming progress.
#[derive(Debug, Default)]
pub struct Loading {
    pub bytes: u64,
    pub total: u64,
    pub done: bool,
    pub error: Option<String>,
    /// Corpus lines skipped as unreadable (or repeating an id) so far.
    pub skipped: usize,
}

/// The fuzzy search: the query, the latest pass's scores and the pass in flight.
#[derive(Default)]
pub struct Search {
    pub text: String,
    /// Words (substrings, then every prompt, file and command) or fuzzy; Tab switches.
    pub mode: crate::search::Mode,
    pub query: Option<Query>,
    /// Score per row of the last finished pass (may cover fewer rows than loaded since).
    pub scores: Option<Vec<Option<i64>>>,
    /// Where the last finished pass's matches ended, for the next keystroke to go on from.
    pub progress: Option<Arc<Progress>>,
    pub pass: u64,
    pub cancel: Option<Arc<AtomicBool>>,
    pub running: bool,
    /// The current pass has shown its matches and its worker is ranking them, holding the
    /// corpus: loaded batches cancel it rather than wait (most of a second at 400K).
    pub ranking: bool,
}

pub struct App {
    pub corpus: Arc<Corpus>,
    /// Batches that arrived while a search worker held the corpus.
    pub pending: Vec<Batch>,
    pub how: RatifiedAs,
    pub mode: Mode,
    pub focus: Panel,
    pub filter: Filter,
    pub facets: Vec<Facet>,
    pub facet_cursor: usize,
    pub search: Search,
    pub sort: SortKey,
    pub descending: bool,
    /// Every row's figures under `how`, grown as rows load: the filter, the histograms and
    /// the header count from these (shared with the reports worker).
    pub figures: Arc<Columns>,
    /// Every row's start time, project and model (sorting by date, the date, project and
    /// model facets), grown as rows load.
    pub meta: super::meta::Meta,
    /// The histogram bin of each of the figures' distinct values.
    pub bins: BinTables,
    /// All rows in the current sort order (rebuilt on sort change and load).
    pub order: Vec<u32>,
    /// The rows passing the filters and the query, in row order.
    pub members: Vec<u32>,
    /// The same rows in the sort order: the list.
    pub visible: Vec<u32>,
    pub cursor: usize,
    pub list_offset: usize,
    pub selected: Option<u32>,
    pub opened: Option<Opened>,
    pub report: Report,
    /// The report pass in flight (see `start_reports`), and whether its figures are awaited.
    pub report_pass: u64,
    pub reports_pending: bool,
    /// Sets at least this large get their reports on a worker.
    pub async_reports: usize,
    pub cohorts: Cohorts,
    pub groups: Vec<Group>,
    pub loading: Loading,
    pub size: (u16, u16),
    pub areas: Option<Areas>,
    pub color: bool,
    /// Colours for a light background.
    pub light: bool,
    /// Keys the config file binds to actions (browsing only).
    pub keymap: std::collections::BTreeMap<char, String>,
    pub quit: bool,
    /// Audit mode's state: the store, the queue and where the auditor is in it.
    pub audit: Audit,
    /// The line typed at a prompt (`i` go to an id, `/` in the turn view).
    pub prompt: String,
    /// The find inside the open session, while it lasts (cleared with the session).
    pub find: Option<super::prompt::Find>,
    /// A one-line message in the footer (a jump, a find, a copy), until the next key.
    pub status: Option<String>,
    /// A copy or a pager the event loop is to carry out.
    pub outside: Option<super::outside::Outside>,
    /// What the turn view folds (`w` the response, `z` the sub-agents' calls).
    pub folds: super::view::turn::Folds,
    /// Whether the histograms are drawn (`H`; the panels above take their rows when not).
    pub show_hist: bool,
    /// How far the help overlay is scrolled (a small terminal shows it in parts).
    pub help_scroll: u16,
    /// The mode the help overlay returns to.
    pub help_from: Mode,
    /// Where workers send their reports (`None`: search runs inline, for tests).
    pub tx: Option<Sender<Msg>>,
    /// Wall time of the last recount in microseconds: filter, histograms, reports (or
    /// starting their worker), selection (shown in the help overlay).
    pub recount_us: [u128; 4],
}

impl App {
    pub fn new(sources: Vec<Source>, opts: TuiOptions, tx: Option<Sender<Msg>>) -> App {
        let total = sources.iter().map(|s| s.len).sum();
        let mut app = App {
            corpus: Arc::new(Corpus::new(sources)),
            pending: Vec::new(),
            how: opts.ratified_as,
            mode: Mode::Browse,
            focus: Panel::List,
            filter: opts.filter.clone(),
            facets: Vec::new(),
            facet_cursor: 0,
            search: Search::default(),
            sort: SortKey::Natural,
            descending: false,
            figures: Arc::new(Columns::new(opts.ratified_as)),
            meta: Default::default(),
            bins: BinTables::default(),
            order: Vec::new(),
            members: Vec::new(),
            visible: Vec::new(),
            cursor: 0,
            list_offset: 0,
            selected: None,
            opened: None,
            report: Report::compute([], opts.ratified_as, 0),
            report_pass: 0,
            reports_pending: false,
            async_reports: super::reports::ASYNC_REPORTS,
            cohorts: Cohorts::All,
            groups: Vec::new(),
            loading: Loading {
                total,
                ..Loading::default()
            },
            size: (80, 24),
            areas: Areas::of(80, 24),
            color: !opts.no_color && opts.config.theme != Some(super::config::ThemeName::None),
            light: opts.config.theme == Some(super::config::ThemeName::Light),
            keymap: opts.config.keys.clone(),
            quit: false,
            audit: Audit::new(opts.audit_path, opts.auditor, opts.corpus_paths),
            help_from: Mode::Browse,
            help_scroll: 0,
            show_hist: true,
            prompt: String::new(),
            find: None,
            outside: None,
            status: None,
            folds: super::view::turn::Folds {
                response: true,
                subagents: false,
            },
            tx,
            recount_us: [0; 4],
        };
        app.configure(&opts.config);
        app.rebuild_facets();
        app.recount();
        app
    }

    pub fn row_count(&self) -> usize {
        self.corpus.rows.len()
    }
}
