//! Old `summary` lines (`{summary, leafUuid}`) as a session's title. Claude Code 1.0 wrote, at
//! the top of a new session file, the summaries of earlier sessions of the project: a summary
//! titles the session that holds its leaf message (`leafUuid` among the file's `uuid`s), not
//! the file it was written into.

use super::line::Line;

/// The summaries met, and whether each one's leaf is in this file.
#[derive(Default)]
pub(super) struct Summaries {
    found: Vec<(String, Option<String>, bool)>,
}

impl Summaries {
    pub(super) fn add(&mut self, line: &Line) {
        if let Some(text) = &line.summary {
            self.found.push((text.clone(), line.leaf_uuid.clone(), false));
        }
    }

    /// A line's `uuid`: the leaf of the summaries that name it.
    pub(super) fn seen(&mut self, uuid: Option<&str>) {
        let Some(uuid) = uuid else { return };
        for (_, leaf, held) in &mut self.found {
            *held |= leaf.as_deref() == Some(uuid);
        }
    }

    /// The first summary of this file's own messages; with no leaf named at all, the first.
    pub(super) fn title(self) -> Option<String> {
        if self.found.iter().all(|(_, leaf, _)| leaf.is_none()) {
            return self.found.into_iter().next().map(|(text, ..)| text);
        }
        self.found.into_iter().find(|(.., held)| *held).map(|(text, ..)| text)
    }
}
