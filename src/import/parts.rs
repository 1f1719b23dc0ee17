//! Reading one transcript file, whole or a part at a time. For the app and `leash import`
//! the reader hands its turns on every [`HOLD`](crate::transcript::HOLD) bytes of lines, and
//! each part is finished (its sub-agent files attached, persisted outputs resolved),
//! classified and written to the line as it comes: a transcript's memory is a few parts',
//! not the file's (a 1.1 GB session file peaked at 1.3 GB when read whole).

use std::io::{self, BufRead};
use std::path::Path;

use super::agent_files::Agents;
use super::builder::LineBuilder;
use super::{Siblings, claude, codex, detect};
use crate::transcript::{Format, RawSession, SubAgent, TurnSink};

/// What the reader's parts went to.
pub(super) struct Parts<'a> {
    path: &'a Path,
    sib: &'a Siblings,
    /// Where the parts' turns go, and the bytes read before a part is handed on; `None`
    /// holds every turn (the reader hands nothing on).
    pub builder: Option<LineBuilder>,
    hold: u64,
    /// The session's sub-agent files, read when the first part came.
    agents: Option<Agents>,
    /// Bad lines of those files.
    warnings: Vec<String>,
    /// Sub-agents of the parts that went to no turn.
    unattached: Vec<SubAgent>,
    /// The first error writing a part's turns.
    err: Option<io::Error>,
}

impl<'a> Parts<'a> {
    pub fn new(path: &'a Path, sib: &'a Siblings, builder: Option<LineBuilder>, hold: Option<u64>) -> Parts<'a> {
        Parts {
            path,
            sib,
            builder,
            hold: hold.unwrap_or(crate::transcript::HOLD),
            agents: None,
            warnings: Vec::new(),
            unattached: Vec::new(),
            err: None,
        }
    }

    /// Finishes a (part of a) Claude Code reading: its sub-agent files attached, its
    /// `<persisted-output>` markers resolved.
    fn finish_claude(&mut self, part: &mut RawSession, last: bool) {
        let (path, sib, warnings) = (self.path, self.sib, &mut self.warnings);
        let agents = self
            .agents
            .get_or_insert_with(|| Agents::read(path, &part.id, sib, warnings));
        if last {
            self.agents.take().expect("read above").attach_rest(part);
        } else {
            agents.attach_part(part);
        }
        claude::resolve_persisted(part, self.path);
    }

    /// Reads the transcript: the whole reading without a builder, else what the reader held
    /// at the end (its earlier turns went to the builder). Sub-agents of earlier parts that
    /// went to no turn come first among the unattached, bad lines of sub-agent files after
    /// the file's own.
    /// `reader`, when given, reads the file from its start; else the file is opened here.
    pub fn read(
        &mut self,
        reader: Option<Box<dyn BufRead + Send>>,
        name: &str,
        format: Format,
    ) -> io::Result<RawSession> {
        let reader = match reader {
            Some(r) => r,
            None => detect::open(self.path)?,
        };
        let stem = detect::stem(self.path);
        let mut raw = match format {
            Format::Codex => codex::read(reader, name, &stem, self),
            Format::ClaudeCode => claude::read(reader, name, &stem, self),
        };
        if let Some(e) = self.err.take() {
            return Err(e);
        }
        if format == Format::ClaudeCode {
            self.finish_claude(&mut raw, true);
        }
        raw.warnings.append(&mut self.warnings);
        if !self.unattached.is_empty() {
            self.unattached.append(&mut raw.unattached_subagents);
            raw.unattached_subagents = std::mem::take(&mut self.unattached);
        }
        Ok(raw)
    }
}

impl TurnSink for Parts<'_> {
    fn hold(&self) -> Option<u64> {
        self.builder.as_ref().map(|_| self.hold)
    }

    fn take(&mut self, mut part: RawSession) {
        if part.format == Format::ClaudeCode {
            self.finish_claude(&mut part, false);
        }
        self.unattached.append(&mut part.unattached_subagents);
        let Some(b) = &mut self.builder else {
            unreachable!("a reader hands on turns only when the sink holds a part")
        };
        for t in &part.turns {
            if let Err(e) = b.push(t) {
                self.err.get_or_insert(e);
            }
        }
    }
}
