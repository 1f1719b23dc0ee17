//! The one-line prompts: `i` goes to a session by id, `/` in the turn view finds text inside
//! the open session (`n`/`N` go through the matches, turn by turn).

use crate::model::Session;

use super::action::{Mode, Panel};
use super::app::App;
use super::keys::State;

/// A find inside the open session: the text, and where its matches are.
#[derive(Debug, Clone, Default)]
pub struct Find {
    pub text: String,
    /// (turn, line of that turn's text) of each match, in reading order.
    pub hits: Vec<(usize, usize)>,
    /// The match shown.
    pub at: usize,
}

impl App {
    pub fn key_state(&self) -> State {
        State {
            mode: self.mode,
            focus: self.focus,
            finding: self.find.as_ref().is_some_and(|f| !f.hits.is_empty()),
        }
    }

    pub fn prompt_start(&mut self, mode: Mode) {
        self.prompt.clear();
        self.status = None;
        self.mode = mode;
    }

    /// Enter on a prompt.
    pub fn prompt_accept(&mut self) {
        let text = self.prompt.trim().to_string();
        let mode = std::mem::replace(&mut self.mode, Mode::Browse);
        if text.is_empty() {
            return;
        }
        match mode {
            Mode::Goto => self.goto(&text),
            Mode::Find => self.find_in_session(text),
            _ => {}
        }
    }

    /// Selects the session with id `id` (or the only one whose id starts so), clearing the
    /// filters and the query if they hide it.
    fn goto(&mut self, id: &str) {
        let rows = &self.corpus.rows;
        let row = self.corpus.index_of(id).or_else(|| {
            let mut starts = rows.iter().enumerate().filter(|(_, r)| r.id.starts_with(id));
            match (starts.next(), starts.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        });
        let Some(row) = row else {
            self.status = Some(format!(
                "no session has the id {id:?} (nor is it the start of exactly one)"
            ));
            return;
        };
        let row = row as u32;
        let found = rows[row as usize].id.to_string();
        if !self.visible.contains(&row) {
            self.filter = Default::default();
            self.search.text.clear();
            self.search.query = None;
            self.search.scores = None;
            self.search.pass += 1;
            self.recount();
            self.status = Some(format!("{found}: filters and query cleared to show it"));
        } else {
            self.status = Some(format!("went to {found}"));
        }
        if let Some(pos) = self.visible.iter().position(|&i| i == row) {
            self.cursor = pos;
            self.select_cursor();
            self.focus = Panel::List;
        }
    }

    /// Finds `text` (case-insensitive) in the open session and shows the first match at or
    /// after the current turn.
    fn find_in_session(&mut self, text: String) {
        let Some(o) = &self.opened else { return };
        let Ok(s) = &o.session else { return };
        let hits = find_hits(s, &text);
        let cur = o.turn;
        let at = hits.iter().position(|&(t, _)| t >= cur).unwrap_or(0);
        self.find = Some(Find { text, hits, at });
        self.show_find();
    }

    /// `n` / `N`: the next / previous match, wrapping.
    pub fn find_step(&mut self, d: isize) {
        if let Some(f) = &mut self.find
            && !f.hits.is_empty()
        {
            f.at = (f.at as isize + d).rem_euclid(f.hits.len() as isize) as usize;
            self.show_find();
        }
    }

    fn show_find(&mut self) {
        let Some(f) = &self.find else { return };
        let Some(&(turn, line)) = f.hits.get(f.at) else {
            self.status = Some(format!("{:?} is nowhere in this session", f.text));
            return;
        };
        self.status = Some(format!(
            "{:?}: match {} of {} (turn {}) · n next · N previous",
            f.text,
            f.at + 1,
            f.hits.len(),
            turn + 1
        ));
        let w = self.areas.map_or(40, |a| a.turn.width.saturating_sub(2));
        // Unfold what the match may be in, then scroll to its line.
        self.folds = super::view::turn::Folds {
            response: false,
            subagents: false,
        };
        if let Some(o) = &mut self.opened {
            o.turn = turn;
        }
        let rows = super::view::turn::rows_before(self, turn, line, w);
        if let Some(o) = &mut self.opened {
            o.scroll = rows.saturating_sub(1).min(usize::from(u16::MAX)) as u16;
        }
        self.focus = Panel::Turn;
    }
}

/// Every line of every turn (prompt, decisions, response, actions) holding `text`, ignoring
/// case: (turn, line within the turn's lines as the turn view lays them out, unwrapped).
pub fn find_hits(s: &Session, text: &str) -> Vec<(usize, usize)> {
    let needle = text.to_lowercase();
    let mut out = Vec::new();
    for ti in 0..s.turns.len() {
        for (li, line) in super::view::turn::plain_lines(s, ti).iter().enumerate() {
            if line.to_lowercase().contains(&needle) {
                out.push((ti, li));
            }
        }
    }
    out
}
