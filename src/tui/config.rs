//! The browser's config file: `config.toml` in the platform's config directory
//! (`$XDG_CONFIG_HOME/leash/` or `~/.config/leash/` on Linux, `~/Library/Application
//! Support/leash/` on macOS), or the file `LEASH_CONFIG` names. Every key is optional; an
//! unknown key or a bad value is an error naming the file and line.
//!
//! ```toml
//! theme = "light"          # dark (default), light, or none (no colour)
//! sort = "date"            # order relevance date title expertise turns actions/prompt
//!                          # planning execution
//! descending = true
//! histograms = false       # start with the histograms hidden (H shows them)
//! search = "fuzzy"         # words (default) or fuzzy
//!
//! [filters]                # facets on at start
//! expertise = [4, 5]       # 1-5, or 0 for unknown
//! modes = ["fix"]
//! projects = ["billing-api"]
//! models = ["gpt-5"]
//!
//! [keys]                   # a key (a character) for a browser action
//! J = "down"
//! K = "up"
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::action::{Action, Mode, SortKey};
use super::app::App;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub theme: Option<ThemeName>,
    pub sort: Option<String>,
    pub descending: Option<bool>,
    pub histograms: Option<bool>,
    pub search: Option<String>,
    #[serde(default)]
    pub filters: Filters,
    #[serde(default)]
    pub keys: std::collections::BTreeMap<char, String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    Dark,
    Light,
    None,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    #[serde(default)]
    pub expertise: Vec<u8>,
    #[serde(default)]
    pub modes: Vec<String>,
    #[serde(default)]
    pub projects: Vec<String>,
    #[serde(default)]
    pub models: Vec<String>,
}

/// Where the config is read from: `LEASH_CONFIG`, else the platform's config directory.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("LEASH_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    dirs::config_dir().map(|d| d.join("leash").join("config.toml"))
}

/// Reads the config: none when the file does not exist; an error `FILE:LINE: what` when
/// it is not valid.
pub fn load(path: &Path) -> Result<Option<Config>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    parse(&text)
        .map(Some)
        .map_err(|(line, msg)| format!("{}:{line}: {msg}", path.display()))
}

/// Parses and checks a config's text: the error is (1-based line, what is wrong).
pub fn parse(text: &str) -> Result<Config, (usize, String)> {
    let c: Config = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map_or(1, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        (line, e.message().trim().to_string())
    })?;
    // Values toml accepts but leash does not: name the line of the key.
    let line_of = |key: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(1, |i| i + 1)
    };
    if let Some(s) = &c.sort
        && sort_key(s).is_none()
    {
        let names: Vec<&str> = SortKey::ALL.iter().map(|k| k.config_name()).collect();
        return Err((
            line_of("sort"),
            format!("sort {s:?} is not one of {}", names.join(", ")),
        ));
    }
    if let Some(s) = &c.search
        && !matches!(s.as_str(), "words" | "fuzzy")
    {
        return Err((line_of("search"), format!("search {s:?} is not words or fuzzy")));
    }
    if let Some(e) = c.filters.expertise.iter().find(|&&e| e > 5) {
        return Err((
            line_of("expertise"),
            format!("expertise {e} is not 1-5 (or 0, unknown)"),
        ));
    }
    for (k, a) in &c.keys {
        if key_action(a).is_none() {
            return Err((
                line_of(&k.to_string()),
                format!("key {k:?}: {a:?} is not an action ({})", ACTIONS.join(", ")),
            ));
        }
    }
    Ok(c)
}

impl App {
    /// The config file's defaults: sort, order, histograms, search mode, facets.
    pub(super) fn configure(&mut self, c: &super::config::Config) {
        if let Some(k) = c.sort.as_deref().and_then(sort_key) {
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
    pub fn action_of(&self, ev: &crossterm::event::Event) -> Option<Action> {
        use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
        if self.mode == Mode::Browse
            && let Event::Key(k) = ev
            && k.kind != KeyEventKind::Release
            && !k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            && let KeyCode::Char(c) = k.code
            && let Some(a) = self.keymap.get(&c).and_then(|n| key_action(n))
        {
            return Some(a);
        }
        super::keys::action(self.key_state(), ev)
    }
}

pub fn sort_key(name: &str) -> Option<SortKey> {
    SortKey::ALL.into_iter().find(|k| k.config_name() == name)
}

/// The actions a key can be bound to, by name.
const ACTIONS: [&str; 16] = [
    "up",
    "down",
    "page-up",
    "page-down",
    "top",
    "bottom",
    "next-turn",
    "prev-turn",
    "open",
    "search",
    "sort",
    "filters",
    "cohorts",
    "histograms",
    "help",
    "quit",
];

pub fn key_action(name: &str) -> Option<Action> {
    use Action as A;
    Some(match name {
        "up" => A::Up,
        "down" => A::Down,
        "page-up" => A::PageUp,
        "page-down" => A::PageDown,
        "top" => A::Top,
        "bottom" => A::Bottom,
        "next-turn" => A::NextTurn,
        "prev-turn" => A::PrevTurn,
        "open" => A::Open,
        "search" => A::StartSearch,
        "sort" => A::CycleSort,
        "filters" => A::OpenFacets,
        "cohorts" => A::CycleCohorts,
        "histograms" => A::ToggleHist,
        "help" => A::ToggleHelp,
        "quit" => A::Quit,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_reads_and_a_bad_one_names_its_line() {
        let c = parse("theme = \"light\"\nsort = \"date\"\n[keys]\nJ = \"down\"\n").unwrap();
        assert_eq!(c.theme, Some(ThemeName::Light));
        assert_eq!(c.keys.get(&'J').map(String::as_str), Some("down"));
        assert_eq!(parse("\n\ntheme = \"blue\"\n").unwrap_err().0, 3);
        assert_eq!(parse("theme = \"dark\"\ncolour = 1\n").unwrap_err().0, 2, "unknown key");
        assert_eq!(parse("theme = \"dark\"\nsort = \n").unwrap_err().0, 2, "broken toml");
        let (line, msg) = parse("theme = \"dark\"\nsort = \"size\"\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(msg.contains("not one of order, relevance, date"), "{msg}");
        assert_eq!(parse("[keys]\nJ = \"fly\"\n").unwrap_err().0, 2);
        assert_eq!(parse("[filters]\nexpertise = [7]\n").unwrap_err().0, 2);
    }
}
