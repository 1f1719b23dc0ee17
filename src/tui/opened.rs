//! The session open in the turn view: its line re-read from the corpus file, parsed in full,
//! and what leash's import added to it beyond v1 that the header shows.

use crate::corpus::Corpus;
use crate::model::Session;

/// The session open in the turn view (read lazily, one at a time).
pub struct Opened {
    pub row: u32,
    pub session: Result<Session, String>,
    /// Why the importer estimated the expertise it did, when the line says
    /// ("medium confidence: names 4 files, asks to verify twice").
    pub expertise_said: Option<String>,
    /// The transcript the session was imported from (the line's `source_file`), if any.
    pub source_file: Option<String>,
    pub turn: usize,
    pub scroll: u16,
}

impl Opened {
    /// Row `row` of the corpus, re-read from its file.
    pub fn read(corpus: &Corpus, row: u32) -> Opened {
        let line = corpus.line(row as usize);
        let session = line
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|l| corpus.session_from(row as usize, l));
        let keys = line.ok().and_then(|l| serde_json::from_slice::<Keys>(&l).ok());
        Opened {
            row,
            session,
            expertise_said: keys.as_ref().and_then(Keys::expertise_said),
            source_file: keys.and_then(|k| k.source_file?.as_str().map(str::to_owned)),
            turn: 0,
            scroll: 0,
        }
    }
}

/// The extension keys of a line the header reads; any type is taken (v1 readers ignore
/// them), what is not understood is not shown.
#[derive(serde::Deserialize)]
struct Keys {
    expertise_confidence: Option<serde_json::Value>,
    expertise_evidence: Option<serde_json::Value>,
    source_file: Option<serde_json::Value>,
}

impl Keys {
    fn expertise_said(&self) -> Option<String> {
        let v = serde_json::json!({
            "expertise_confidence": self.expertise_confidence,
            "expertise_evidence": self.expertise_evidence,
        });
        crate::classify::expertise::describe_line(&v)
    }
}
