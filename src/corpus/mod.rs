//! A loaded corpus: one compact row of aggregates per session, plus where its line lives so
//! that the full session can be re-read when a person opens it.

pub(crate) mod fast;
mod load;
mod parse;
mod row;
pub(crate) mod scan;
mod source;

use std::collections::hash_map::Entry;
use std::sync::Arc;

pub use load::{Batch, Extract, LoadError, Sessions, Skip, load_sources, load_sources_with};
/// Generated v1 lines, well-typed, mistyped and damaged, for the property tests of readers.
#[cfg(test)]
pub(crate) use parse::fuzz::{cases as fuzz_cases, line as fuzz_line};
pub use parse::{ESTIMATED_EXPERTISE, ESTIMATED_OUTCOME, FIRST_PROMPT_KEEP, ParsedSession, json_reason, parse_line};
pub(crate) use parse::{Reread, parse_line_with};
pub use row::{DecisionTally, RatifiedAs, SessionRow};
pub use source::{Location, Source, SourceData, SourceKind};

use crate::model::Session;

// Ids and names hash many times per load; foldhash is several times faster than SipHash.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// The sessions of one or more sources, in the order read, first id winning.
#[derive(Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    pub rows: Vec<SessionRow>,
    /// Distinct `mode` strings in order of first appearance.
    pub modes: Vec<Box<str>>,
    mode_ids: HashMap<Box<str>, u16>,
    by_id: HashMap<Arc<str>, u32>,
    /// Projects and models, which repeat across many rows, each held once.
    strings: HashSet<Arc<str>>,
    /// Every skipped line is counted; the first [`Corpus::KEPT_SKIPS`] are kept for display.
    pub skipped: usize,
    pub skips: Vec<Skip>,
}

impl Corpus {
    pub const KEPT_SKIPS: usize = 1000;

    pub fn new(sources: Vec<Source>) -> Corpus {
        Corpus {
            sources,
            ..Corpus::default()
        }
    }

    /// Loads every source, reporting each skipped line to `on_skip` as it is found.
    pub fn load(sources: Vec<Source>, mut on_skip: impl FnMut(&Skip)) -> Result<Corpus, LoadError> {
        let mut corpus = Corpus::new(sources);
        let sources = corpus.sources.clone();
        load_sources(&sources, |batch| {
            for s in corpus.absorb(batch) {
                on_skip(&s);
            }
        })?;
        Ok(corpus)
    }

    /// Adds a batch of parsed lines, returning the lines skipped in it (bad lines and
    /// repeated ids) in file order.
    pub fn absorb(&mut self, batch: Batch) -> Vec<Skip> {
        let mut skips = batch.skipped;
        for (parsed, loc) in batch.rows {
            let id = parsed.id;
            let slot = match self.by_id.entry(id.clone()) {
                Entry::Occupied(first) => {
                    let first = &self.rows[*first.get() as usize].loc;
                    skips.push(Skip {
                        file: self.sources[loc.source as usize].name.clone(),
                        line: loc.line,
                        reason: format!(
                            "session id {id:?} repeats the one at {}:{} (the first stands)",
                            self.sources[first.source as usize].name, first.line
                        ),
                    });
                    continue;
                }
                Entry::Vacant(slot) => slot,
            };
            slot.insert(self.rows.len() as u32);
            let mode = parsed.mode.map(|m| self.intern_mode(m));
            let project = self.intern(&parsed.project);
            let model = parsed.model.map(|m| self.intern(&m));
            let origin = parsed.origin.map(|o| self.intern(&o));
            self.rows.push(SessionRow {
                id,
                title: parsed.title,
                project,
                first_prompt: parsed.first_prompt,
                started_at: parsed.started_at,
                model,
                origin,
                expertise: parsed.expertise,
                mode,
                outcome: parsed.outcome,
                turns: parsed.turns,
                actions: parsed.actions,
                failed_actions: parsed.failed_actions,
                words: parsed.words,
                max_turn_actions: parsed.max_turn_actions,
                tally: parsed.tally,
                estimated: parsed.estimated,
                subagent_actions: parsed.subagent_actions,
                redacted: parsed.redacted,
                loc,
            });
        }
        skips.sort_by_key(|s| s.line);
        self.skipped += skips.len();
        let room = Self::KEPT_SKIPS.saturating_sub(self.skips.len());
        self.skips.extend(skips.iter().take(room).cloned());
        skips
    }

    /// The one shared copy of a repeating string.
    fn intern(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.strings.get(s) {
            return a.clone();
        }
        let a: Arc<str> = s.into();
        self.strings.insert(a.clone());
        a
    }

    fn intern_mode(&mut self, m: String) -> u16 {
        if let Some(&i) = self.mode_ids.get(m.as_str()) {
            return i;
        }
        let i = self.modes.len() as u16;
        self.modes.push(m.clone().into());
        self.mode_ids.insert(m.into(), i);
        i
    }

    pub fn mode_name(&self, row: &SessionRow) -> Option<&str> {
        row.mode.map(|m| &*self.modes[m as usize])
    }

    pub fn mode_id(&self, name: &str) -> Option<u16> {
        self.mode_ids.get(name).copied()
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).map(|&i| i as usize)
    }

    /// Re-reads and fully parses one session (lazily, when it is opened).
    pub fn session(&self, index: usize) -> Result<Session, String> {
        self.session_from(index, &self.line(index)?)
    }

    /// Re-reads one session's line as it is in its file.
    pub fn line(&self, index: usize) -> Result<Vec<u8>, String> {
        let loc = &self.rows[index].loc;
        let src = &self.sources[loc.source as usize];
        src.read_at(loc)
            .map_err(|e| format!("{}:{}: cannot re-read: {e}", src.name, loc.line))
    }

    /// Fully parses a line re-read by [`Corpus::line`] as the session of row `index`.
    pub fn session_from(&self, index: usize, line: &[u8]) -> Result<Session, String> {
        let loc = &self.rows[index].loc;
        let src = &self.sources[loc.source as usize];
        let s: Session =
            serde_json::from_slice(line).map_err(|e| format!("{}:{}: {}", src.name, loc.line, json_reason(&e)))?;
        // A corpus rewritten in place since it was loaded: never show or audit one session
        // under another's id.
        let id = &*self.rows[index].id;
        if s.id != id {
            return Err(format!(
                "{}:{}: the file changed since it was loaded (this line is now session {:?}, not {id:?}); open it again",
                src.name, loc.line, s.id
            ));
        }
        Ok(s)
    }
}
