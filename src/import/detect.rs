//! What a file is: a v1 corpus, a Claude Code session, a Codex rollout, or none of these;
//! and the walk that finds transcript files in a folder.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::subagents::is_agent_file;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Corpus,
    Claude,
    Codex,
    /// A Claude Code sub-agent transcript: read with its session, not on its own.
    SubAgent,
    Unknown,
}

#[derive(Deserialize)]
struct Peek {
    #[serde(rename = "type")]
    ty: Option<IgnoredAny>,
    turns: Option<IgnoredAny>,
    payload: Option<IgnoredAny>,
    #[serde(rename = "sessionId")]
    session_id: Option<IgnoredAny>,
    uuid: Option<IgnoredAny>,
    #[serde(rename = "leafUuid")]
    leaf_uuid: Option<IgnoredAny>,
    /// `file-history-snapshot` lines, which often open a session file, carry only this.
    #[serde(rename = "messageId")]
    message_id: Option<IgnoredAny>,
}

/// Lines looked at before giving up on a file.
const PEEK_LINES: usize = 8;

/// Detects a file's kind from its name, gzip's magic bytes, and its first parseable lines.
pub fn detect(path: &Path) -> std::io::Result<FileKind> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.ends_with(".gz") {
        return Ok(FileKind::Corpus);
    }
    let mut r = BufReader::new(File::open(path)?);
    // Compressed without the name saying so: a corpus (transcripts are never compressed).
    if r.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        return Ok(FileKind::Corpus);
    }
    let mut buf = Vec::new();
    let mut looked = 0;
    while looked < PEEK_LINES {
        buf.clear();
        if r.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        let t = buf.trim_ascii();
        if t.is_empty() {
            continue;
        }
        looked += 1;
        let Ok(p) = serde_json::from_slice::<Peek>(t) else {
            continue;
        };
        if p.turns.is_some() {
            return Ok(FileKind::Corpus);
        }
        if p.payload.is_some() && p.ty.is_some() {
            return Ok(FileKind::Codex);
        }
        if p.ty.is_some()
            && (p.session_id.is_some() || p.uuid.is_some() || p.leaf_uuid.is_some() || p.message_id.is_some())
        {
            return Ok(if is_agent_file(name) {
                FileKind::SubAgent
            } else {
                FileKind::Claude
            });
        }
    }
    Ok(FileKind::Unknown)
}

/// Every `*.jsonl` / `*.jsonl.gz` file under `dir`, sorted, sub-agent files left out.
/// Folders that cannot be listed become warnings.
pub fn walk(dir: &Path, warnings: &mut Vec<String>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = match std::fs::read_dir(&d) {
            Ok(rd) => rd,
            Err(e) => {
                warnings.push(format!("{}: cannot list folder: {e} (skipped)", d.display()));
                continue;
            }
        };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(ft) = e.file_type() else { continue };
            let name = e.file_name();
            let name = name.to_string_lossy();
            if ft.is_dir() {
                // `<session>/subagents/` is read with its session.
                if name != "subagents" {
                    stack.push(p);
                }
            } else if (name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")) && !is_agent_file(&name) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
