//! The browser's whole state. Only `update` changes it; `view` reads it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;

use crate::corpus::{Batch, Corpus, RatifiedAs, Source};
use crate::filter::Filter;
use crate::model::{Outcome, Session};
use crate::search::{Progress, Query};
use crate::stats::columns::Columns;
use crate::stats::{Regime, Report};

use super::action::{Cohorts, Mode, Msg, Panel, SortKey};
use super::audit::Audit;
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

/// One line of the facet overlay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Facet {
    Expertise(usize),
    Mode(u16),
    Outcome(Option<Outcome>),
    Regime(Regime),
    AppMin,
    AppMax,
    /// The first and last day of the date range (UTC days; ← → step a day).
    Since,
    Until,
    /// A project / model, by its id in [`super::meta::Meta`].
    Project(u32),
    Model(u32),
}

/// The steps a bound of the actions-per-prompt range moves through (`None` = open).
pub const APP_STEPS: [Option<f64>; 9] = [
    None,
    Some(1.0),
    Some(2.0),
    Some(5.0),
    Some(10.0),
    Some(20.0),
    Some(50.0),
    Some(100.0),
    Some(200.0),
];

/// The session open in the turn view (read lazily, one at a time).
pub struct Opened {
    pub row: u32,
    pub session: Result<Session, String>,
    pub turn: usize,
    pub scroll: u16,
}

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

    /// The config file's defaults: sort, order, histograms, search mode, facets.
    fn configure(&mut self, c: &super::config::Config) {
        if let Some(k) = c.sort.as_deref().and_then(super::config::sort_key) {
            self.sort = k;
        }
        self.descending = c.descending.unwrap_or(false);
        if let Some(h) = c.histograms {
            self.show_hist = h;
            self.areas = super::layout::Areas::with(self.size.0, self.size.1, h);
        }
        if c.search.as_deref() == Some("fuzzy") {
            self.search.mode = crate::search::Mode::Fuzzy;
        }
        let f = &c.filters;
        let slot = |e: u8| if e == 0 { 5 } else { usize::from(e) - 1 };
        self.filter.expertise.extend(f.expertise.iter().map(|&e| slot(e)));
        self.filter.modes.extend(f.modes.iter().cloned());
        self.filter.projects.extend(f.projects.iter().cloned());
        self.filter.models.extend(f.models.iter().cloned());
    }

    /// What a terminal event asks for: a key the config binds (while browsing), else the
    /// key table's action.
    pub fn action_of(&self, ev: &crossterm::event::Event) -> Option<super::Action> {
        use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
        if self.mode == Mode::Browse
            && let Event::Key(k) = ev
            && k.kind != KeyEventKind::Release
            && !k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            && let KeyCode::Char(c) = k.code
            && let Some(a) = self.keymap.get(&c).and_then(|n| super::config::key_action(n))
        {
            return Some(a);
        }
        super::keys::action(self.key_state(), ev)
    }

    /// The facet overlay's lines: levels, modes seen so far, outcomes, regimes, range.
    pub fn rebuild_facets(&mut self) {
        let mut f: Vec<Facet> = (0..6).map(Facet::Expertise).collect();
        f.extend((0..self.corpus.modes.len() as u16).map(Facet::Mode));
        f.extend(Outcome::ALL.map(Some).into_iter().chain([None]).map(Facet::Outcome));
        f.extend(Regime::ALL.map(Facet::Regime));
        f.extend([Facet::AppMin, Facet::AppMax, Facet::Since, Facet::Until]);
        f.extend((0..self.meta.projects.len() as u32).map(Facet::Project));
        f.extend((0..self.meta.models.len() as u32).map(Facet::Model));
        self.facets = f;
        self.facet_cursor = self.facet_cursor.min(self.facets.len() - 1);
    }

    pub fn row_count(&self) -> usize {
        self.corpus.rows.len()
    }

    /// Whether a facet is on.
    pub fn facet_on(&self, f: Facet) -> bool {
        match f {
            Facet::Expertise(s) => self.filter.expertise.contains(&s),
            Facet::Mode(m) => self.filter.modes.iter().any(|n| *n == *self.corpus.modes[m as usize]),
            Facet::Outcome(o) => self.filter.outcomes.contains(&o),
            Facet::Regime(r) => self.filter.regimes.contains(&r),
            Facet::AppMin => self.filter.app_min.is_some(),
            Facet::AppMax => self.filter.app_max.is_some(),
            Facet::Since => self.filter.since.is_some(),
            Facet::Until => self.filter.until.is_some(),
            Facet::Project(p) => self
                .filter
                .projects
                .iter()
                .any(|n| **n == *self.meta.projects.names[p as usize]),
            Facet::Model(m) => self
                .filter
                .models
                .iter()
                .any(|n| **n == *self.meta.models.names[m as usize]),
        }
    }
}
