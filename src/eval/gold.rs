//! The gold format (`../shared/gold/README.md`): one JSON line per human turn, with the
//! decisions a person labelled in it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{Actor, Kind};

/// One hand-labelled decision.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldDecision {
    pub kind: Kind,
    pub actor: Actor,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub summary: String,
    /// The quoted span the decision rests on (for an edit, the file path).
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub ratified: bool,
    #[serde(default)]
    pub mid_turn: bool,
}

/// One labelled human turn of one transcript.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldTurn {
    /// The transcript, relative to the gold file's folder.
    pub source: String,
    #[serde(default)]
    pub session: String,
    /// 1-based index of the human prompt in that file.
    pub turn: usize,
    #[serde(default)]
    pub prompt_head: String,
    pub decisions: Vec<GoldDecision>,
    #[serde(default)]
    pub note: String,
    /// Where it was read: `gold.jsonl:12`.
    #[serde(skip)]
    pub at: String,
    /// `source` resolved against the gold file's folder.
    #[serde(skip)]
    pub path: PathBuf,
}

/// A gold file, read: its turns, and the lines that could not be read (`FILE:LINE: why`).
#[derive(Debug, Default)]
pub struct Gold {
    pub turns: Vec<GoldTurn>,
    pub warnings: Vec<String>,
}

/// Reads a gold file. A bad line is skipped and named; an unreadable file is an error.
pub fn read(path: &Path) -> Result<Gold, String> {
    let name = path.display().to_string();
    let text = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    let base = path.parent().unwrap_or(Path::new("."));
    Ok(parse(&String::from_utf8_lossy(&text), &name, base))
}

/// Parses gold lines; `name` labels warnings and `base` resolves the sources.
pub fn parse(text: &str, name: &str, base: &Path) -> Gold {
    let mut gold = Gold::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{name}:{}", i + 1);
        match serde_json::from_str::<GoldTurn>(line) {
            Ok(t) if t.turn == 0 => gold.warnings.push(format!("{at}: turn numbers start at 1 (skipped)")),
            Ok(mut t) => {
                t.path = base.join(&t.source);
                t.at = at;
                gold.turns.push(t);
            }
            Err(e) => gold.warnings.push(format!("{at}: {e} (skipped)")),
        }
    }
    gold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_turns_and_names_bad_lines() {
        let text = r#"{"source":"a.jsonl","turn":1,"decisions":[{"kind":"planning","actor":"human","evidence":"x"}]}
not json
{"source":"a.jsonl","turn":0,"decisions":[]}
{"source":"b.jsonl","turn":2,"decisions":[{"kind":"execution","actor":"agent","category":"files","evidence":"f.rs","ratified":true}],"extra":1}"#;
        let g = parse(text, "g.jsonl", Path::new("/gold"));
        assert_eq!(g.turns.len(), 2);
        assert_eq!(g.turns[0].at, "g.jsonl:1");
        assert_eq!(g.turns[1].path, Path::new("/gold/b.jsonl"));
        assert!(g.turns[1].decisions[0].ratified);
        assert_eq!(g.warnings.len(), 2);
        assert!(g.warnings[0].starts_with("g.jsonl:2: "), "{:?}", g.warnings);
        assert!(g.warnings[1].starts_with("g.jsonl:3: turn numbers"), "{:?}", g.warnings);
    }
}
