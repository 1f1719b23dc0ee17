//! What a file is: a v1 corpus, a Claude Code session, a Codex rollout, or none of these;
//! the reader that decompresses it; and the walk that finds transcript files in a folder.
//!
//! A file is classified by what most of its first lines are, not by its first line: damaged
//! lines at the top, or a stray line of another shape, do not decide.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

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
    ty: Option<Value>,
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
    /// Old Codex rollouts (2025): `{record_type: "state"}` lines between the items…
    record_type: Option<IgnoredAny>,
    /// …and a header line `{id, timestamp, instructions, git}`.
    instructions: Option<IgnoredAny>,
}

/// Bare response items of old Codex rollouts.
pub(crate) const OLD_CODEX_ITEMS: &[&str] = &[
    "message",
    "reasoning",
    "function_call",
    "function_call_output",
    "custom_tool_call",
    "custom_tool_call_output",
    "local_shell_call",
    "web_search_call",
];

impl Peek {
    fn kind(&self) -> Option<FileKind> {
        let ty = self.ty.as_ref().and_then(Value::as_str);
        let claude_keys =
            self.session_id.is_some() || self.uuid.is_some() || self.leaf_uuid.is_some() || self.message_id.is_some();
        if self.turns.is_some() {
            Some(FileKind::Corpus)
        } else if self.payload.is_some() && ty.is_some() {
            Some(FileKind::Codex)
        } else if ty.is_some() && claude_keys {
            Some(FileKind::Claude)
        } else if self.record_type.is_some()
            || self.instructions.is_some()
            || ty.is_some_and(|t| OLD_CODEX_ITEMS.contains(&t))
        {
            Some(FileKind::Codex)
        } else {
            None
        }
    }
}

/// Lines of a recognised shape after which the vote is taken.
const VOTES: usize = 32;
/// Lines (of any shape) read at most before giving up.
const MAX_LINES: usize = 2000;

/// A buffered reader of a file's text: gzip and zstd (by their magic bytes) decompressed
/// as they are read, so a compressed rollout is streamed, never held whole.
pub fn open(path: &Path) -> std::io::Result<Box<dyn BufRead + Send>> {
    let mut r = BufReader::with_capacity(1 << 16, File::open(path)?);
    let head = r.fill_buf()?;
    Ok(if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(r)))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Box::new(BufReader::with_capacity(
            1 << 16,
            zstd::stream::read::Decoder::with_buffer(r)?,
        ))
    } else {
        Box::new(r)
    })
}

/// Detects a file's kind by a vote of its first lines of a recognised shape (gzip and zstd
/// are looked into). A Claude Code file named `agent-*.jsonl` is a sub-agent.
pub fn detect(path: &Path) -> std::io::Result<FileKind> {
    Ok(vote(&mut open(path)?, path)?.0)
}

/// [`detect`], and a reader of the file from its start: for a plain file, the one the vote
/// read, moved back (within its buffer for a file of up to 64 KiB: the file is opened and
/// read once); a compressed file is opened again.
pub fn detect_open(path: &Path) -> std::io::Result<(FileKind, Box<dyn BufRead + Send>)> {
    let mut r = BufReader::with_capacity(1 << 16, File::open(path)?);
    let head = r.fill_buf()?;
    if head.starts_with(&[0x1f, 0x8b]) || head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        return Ok((detect(path)?, open(path)?));
    }
    match vote(&mut r, path)? {
        (kind, Some(consumed)) => {
            r.seek_relative(-i64::try_from(consumed).map_err(std::io::Error::other)?)?;
            Ok((kind, Box::new(r)))
        }
        // A read failed part way: where the reader stands is not known.
        (kind, None) => Ok((kind, open(path)?)),
    }
}

/// The vote of [`detect`] over a reader; also the bytes it consumed (`None` after a read
/// error).
fn vote(r: &mut dyn BufRead, path: &Path) -> std::io::Result<(FileKind, Option<u64>)> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut first = None;
    let (mut buf, mut read, mut consumed, mut failed) = (Vec::new(), 0, 0u64, false);
    // A kind with more than half the votes wins whatever the rest would be: stop there.
    while read < MAX_LINES && counts.iter().sum::<usize>() < VOTES && counts.iter().all(|&c| 2 * c <= VOTES) {
        buf.clear();
        // A compressed file that is not valid compressed data is of no known kind.
        match r.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(n) => {
                read += 1;
                consumed += n as u64;
            }
            Err(_) if counts == [0; 3] => return Ok((FileKind::Unknown, None)),
            Err(_) => {
                failed = true;
                break;
            }
        }
        let Ok(p) = super::lines::parse::<Peek>(buf.trim_ascii()) else {
            continue;
        };
        let Some(k) = p.kind() else { continue };
        first.get_or_insert(k);
        counts[k as usize] += 1;
    }
    let best = [FileKind::Corpus, FileKind::Claude, FileKind::Codex]
        .into_iter()
        .filter(|k| counts[*k as usize] > 0)
        // Most votes; a tie goes to the kind seen first.
        .max_by_key(|k| (counts[*k as usize], Some(*k) == first));
    let kind = match best {
        // The corpus loader reads gzip itself; a compressed transcript is read through `open`.
        Some(FileKind::Corpus) => FileKind::Corpus,
        Some(FileKind::Claude) if is_agent_file(name) => FileKind::SubAgent,
        Some(k) => k,
        None => FileKind::Unknown,
    };
    Ok((kind, (!failed).then_some(consumed)))
}

/// The session name a transcript file's name gives: without `.jsonl` and any compression
/// suffix.
pub fn stem(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(name);
    name.strip_suffix(".jsonl").unwrap_or(name).to_owned()
}

/// Is this a file name the walk picks up?
pub fn is_transcript_name(name: &str) -> bool {
    [".jsonl", ".jsonl.gz", ".jsonl.zst"].iter().any(|s| name.ends_with(s))
}

/// Every `*.jsonl`, `*.jsonl.gz`, `*.jsonl.zst` file under `dir`, sorted, sub-agent files
/// left out. Folders that cannot be listed become warnings.
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
                // `<session>/subagents/` is read with its session; `tool-results/` holds
                // persisted tool outputs, not transcripts.
                if name != "subagents" && name != "tool-results" {
                    stack.push(p);
                }
            } else if is_transcript_name(&name) && !is_agent_file(&name) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
