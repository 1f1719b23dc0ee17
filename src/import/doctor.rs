//! `leash doctor`: what leash understood of each transcript file, so that format drift is
//! seen instead of silently skewing figures. Per file: the format and versions, sessions and
//! turns found, line types and content blocks with counts (the unknown ones listed), lines
//! skipped and why, redaction, sub-agent files attached or orphaned.

use std::collections::{BTreeMap, HashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use super::doctor_known::{known_block, known_line, version_of};
use super::{FileKind, ImportOptions, Siblings, detect, file, walk};

/// What leash made of one file.
#[derive(Debug, Default, Serialize)]
pub struct FileReport {
    pub file: String,
    /// The session id read from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// `claude-code`, `codex`, `codex-2025`, `v1-corpus`, `sub-agent` or `unknown`.
    pub format: String,
    /// `gzip` or `zstd` when compressed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compressed: Option<String>,
    /// Tool versions named in the file (`version`, `cli_version`).
    pub versions: Vec<String>,
    pub lines: u64,
    pub sessions: u64,
    pub turns: u64,
    pub actions: u64,
    /// Line types seen, with counts (`system/turn_duration`, `event_msg/token_count`, …).
    pub line_types: BTreeMap<String, u64>,
    /// Content blocks seen in messages, with counts.
    pub blocks: BTreeMap<String, u64>,
    /// Line types and blocks leash does not know (read as nothing).
    pub unknown: Vec<String>,
    /// Lines skipped, each `FILE:LINE: reason`.
    pub skipped: Vec<String>,
    /// Lines holding a redaction marker (`[REDACTED`): text was removed before sharing.
    pub redacted_lines: u64,
    pub subagents_attached: u64,
    /// Sub-agent files that belong to no session read (an entry of their own).
    pub subagents_orphaned: Vec<String>,
}

/// Examines every path (files, or folders walked as the importer walks them).
pub fn examine(paths: &[PathBuf]) -> Vec<FileReport> {
    let mut files = Vec::new();
    let mut notes = Vec::new();
    for p in paths {
        if p.is_dir() {
            files.extend(walk(p, &mut notes));
        } else {
            files.push(p.clone());
        }
    }
    let dirs: Vec<&Path> = files.iter().filter_map(|f| f.parent()).collect();
    let sib = Siblings::scan(dirs);
    let mut out: Vec<FileReport> = files.iter().map(|f| examine_file(f, &sib)).collect();
    let lost = orphans(&files, &sib, &out);
    out.extend(lost);
    out
}

fn examine_file(path: &Path, sib: &Siblings) -> FileReport {
    let mut r = FileReport {
        file: path.display().to_string(),
        ..FileReport::default()
    };
    let kind = match detect::detect(path) {
        Ok(k) => k,
        Err(e) => {
            r.format = "unknown".into();
            r.skipped.push(format!("{}: cannot read: {e}", r.file));
            return r;
        }
    };
    r.compressed = compression(path);
    census(path, &mut r);
    r.format = match kind {
        FileKind::Corpus => "v1-corpus",
        FileKind::Claude => "claude-code",
        FileKind::Codex if r.line_types.contains_key("header") => "codex-2025",
        FileKind::Codex => "codex",
        FileKind::SubAgent => "sub-agent",
        FileKind::Unknown => "unknown",
    }
    .into();
    if matches!(kind, FileKind::Claude | FileKind::Codex) {
        // Read a part at a time, as the app reads it: a huge transcript is counted in
        // bounded memory.
        match file::import_line(path, kind, &ImportOptions::default(), sib, None) {
            Ok(Some(i)) => {
                r.sessions = 1;
                r.session_id = Some(i.id);
                r.turns = i.counts.turns;
                r.actions = i.counts.actions;
                r.subagents_attached = i.counts.subagents;
                r.skipped = i.warnings;
            }
            Ok(None) => r
                .skipped
                .push(format!("{}: no prompt and no tool call: no session", r.file)),
            Err(e) => r.skipped.push(e),
        }
    }
    r
}

fn compression(path: &Path) -> Option<String> {
    let mut head = [0u8; 4];
    let n = std::io::Read::read(&mut std::fs::File::open(path).ok()?, &mut head).ok()?;
    match &head[..n] {
        [0x1f, 0x8b, ..] => Some("gzip".into()),
        [0x28, 0xb5, 0x2f, 0xfd] => Some("zstd".into()),
        _ => None,
    }
}

/// Counts line types, blocks, versions and redactions, line by line.
fn census(path: &Path, r: &mut FileReport) {
    let Ok(mut reader) = detect::open(path) else { return };
    let (mut buf, mut versions, mut unknown) = (Vec::new(), HashSet::new(), HashSet::new());
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let text = buf.trim_ascii();
        if text.is_empty() {
            continue;
        }
        r.lines += 1;
        if memchr::memmem::find(text, b"[REDACTED").is_some() {
            r.redacted_lines += 1;
        }
        let Ok(v) = serde_json::from_slice::<Value>(text) else {
            continue;
        };
        let ty = line_type(&v);
        if !known_line(&ty) {
            unknown.insert(format!("line type {ty}"));
        }
        *r.line_types.entry(ty).or_default() += 1;
        if let Some(ver) = version_of(&v) {
            versions.insert(ver);
        }
        for b in blocks(&v) {
            if !known_block(&b) {
                unknown.insert(format!("block {b}"));
            }
            *r.blocks.entry(b).or_default() += 1;
        }
    }
    r.versions = versions.into_iter().collect();
    r.versions.sort();
    r.unknown = unknown.into_iter().collect();
    r.unknown.sort();
}

/// A line's type as the census names it.
fn line_type(v: &Value) -> String {
    let s = |p: &str| v.pointer(p).and_then(Value::as_str);
    match (s("/type"), v.get("payload")) {
        _ if v.get("turns").is_some() => "session".into(),
        (Some(t), Some(_)) => match s("/payload/type") {
            Some(pt) => format!("{t}/{pt}"),
            None => t.into(),
        },
        (Some(t @ "system"), None) => format!("{t}/{}", s("/subtype").unwrap_or("-")),
        (Some(t @ "attachment"), None) => format!("{t}/{}", s("/attachment/type").unwrap_or("-")),
        (Some(t), None) if v.get("sessionId").is_none() && super::detect::OLD_CODEX_ITEMS.contains(&t) => {
            format!("item/{t}")
        }
        (Some(t), None) => t.into(),
        (None, _) if v.get("record_type").is_some() => "state".into(),
        (None, _) if v.get("instructions").is_some() => "header".into(),
        (None, _) => "(no type)".into(),
    }
}

/// The content blocks of a message line (Claude Code `message.content`, Codex item content).
fn blocks(v: &Value) -> Vec<String> {
    let content = v
        .pointer("/message/content")
        .or_else(|| v.pointer("/payload/content"))
        .or_else(|| v.get("content").filter(|_| v.get("role").is_some()));
    match content {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|b| b.get("type")?.as_str().map(str::to_owned))
            .collect(),
        Some(Value::String(_)) if v.get("message").is_some() => vec!["string".into()],
        _ => Vec::new(),
    }
}

/// Sub-agent files under the examined folders that no session read took: `<id>/subagents/`
/// folders with no session file `<id>`, and legacy `agent-*.jsonl` files naming a session
/// not read. Each becomes an entry of its own.
fn orphans(files: &[PathBuf], sib: &Siblings, reports: &[FileReport]) -> Vec<FileReport> {
    let mut taken: HashSet<String> = files.iter().map(|f| detect::stem(f)).collect();
    taken.extend(reports.iter().filter_map(|r| r.session_id.clone()));
    let dirs: HashSet<&Path> = files.iter().filter_map(|f| f.parent()).collect();
    let mut lost: Vec<String> = Vec::new();
    for d in &dirs {
        let Ok(rd) = std::fs::read_dir(d) else { continue };
        for e in rd.flatten() {
            let sub = e.path().join("subagents");
            if sub.is_dir() && !taken.contains(&*e.file_name().to_string_lossy()) {
                lost.push(sub.display().to_string());
            }
        }
    }
    for ((dir, id), agent_files) in sib.legacy() {
        if dirs.contains(dir.as_path()) && !taken.contains(id) {
            lost.extend(agent_files.iter().map(|f| f.display().to_string()));
        }
    }
    lost.sort();
    lost.into_iter()
        .map(|f| FileReport {
            format: "sub-agent".into(),
            subagents_orphaned: vec![f.clone()],
            file: f,
            ..FileReport::default()
        })
        .collect()
}
