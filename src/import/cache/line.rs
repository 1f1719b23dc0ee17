//! The finished corpus line of each reading, beside its entry (`<hash>.line`): a JSON header
//! (what it was built from, its warnings, the session id and turns' keys), then the line as
//! it is.

use std::fs;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{entry_path, write_private};
use crate::import::spool::Line;

#[derive(Serialize, Deserialize)]
struct LineHeader {
    path: String,
    fingerprint: String,
    /// Classifier version, leash version and expertise-map digest the line was built under.
    built: String,
    warnings: Vec<String>,
    /// The transcript held no prompt and no tool call: there is no line.
    empty: bool,
    /// The session's id, whether it is a fork and its turns' keys (hex), so that a cached
    /// line need not be parsed (an entry written without them is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(default)]
    fork: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    keys: Option<Vec<Option<String>>>,
}

/// A cached line and what is known of it.
pub struct CachedLine {
    pub warnings: Vec<String>,
    /// `None` for a transcript of no prompt and no tool call.
    pub line: Option<Line>,
    /// The session id, fork mark and turns' keys, when the entry has them.
    pub id: Option<String>,
    pub fork: bool,
    pub keys: Option<Vec<Option<u128>>>,
}

/// What [`put_line`] stores of a session: its id, fork mark, turns' keys and line.
pub struct LineToCache<'a> {
    pub id: &'a str,
    pub fork: bool,
    pub keys: &'a [Option<u128>],
    pub line: &'a mut Line,
}

/// What the finished line of a reading depends on besides the transcript itself.
pub fn built_under(map_digest: u64) -> String {
    format!(
        "{}/{}/{map_digest:016x}",
        crate::classify::VERSION,
        env!("CARGO_PKG_VERSION")
    )
}

/// The cached corpus line of `path` (with its warnings; no line for an empty transcript),
/// if nothing it depends on changed. A line longer than `keep` bytes is left in the cache
/// file and read from there.
pub fn get_line(dir: &Path, path: &Path, fingerprint: &str, built: &str, keep: usize) -> Option<CachedLine> {
    use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
    let mut f = BufReader::new(fs::File::open(entry_path(dir, path).with_extension("line")).ok()?);
    let mut head = Vec::new();
    f.read_until(b'\n', &mut head).ok()?;
    let h: LineHeader = serde_json::from_slice(head.strip_suffix(b"\n")?).ok()?;
    if h.path != path.display().to_string() || h.fingerprint != fingerprint || h.built != built {
        return None;
    }
    let start = head.len() as u64;
    let len = f.get_ref().metadata().ok()?.len().checked_sub(start)?;
    let line = if h.empty {
        None
    } else if len > keep as u64 {
        let mut file = f.into_inner();
        file.seek(SeekFrom::Start(start)).ok()?;
        Some(Line::File { file, start, len })
    } else {
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).ok()?;
        Some(Line::Text(String::from_utf8(bytes).ok()?))
    };
    let keys = h
        .keys
        .map(|k| k.iter().map(|k| u128::from_str_radix(k.as_deref()?, 16).ok()).collect());
    Some(CachedLine {
        warnings: h.warnings,
        line,
        id: h.id,
        fork: h.fork,
        keys,
    })
}

/// Stores the finished line of a reading (`None`: the transcript was empty); failures are
/// ignored.
pub fn put_line(
    dir: &Path,
    path: &Path,
    fingerprint: &str,
    built: &str,
    warnings: &[String],
    read: Option<LineToCache>,
) {
    let target = entry_path(dir, path).with_extension("line");
    let header = LineHeader {
        path: path.display().to_string(),
        fingerprint: fingerprint.to_owned(),
        built: built.to_owned(),
        warnings: warnings.to_vec(),
        empty: read.is_none(),
        id: read.as_ref().map(|r| r.id.to_owned()),
        fork: read.as_ref().is_some_and(|r| r.fork),
        keys: read
            .as_ref()
            .map(|r| r.keys.iter().map(|k| k.map(|k| format!("{k:x}"))).collect()),
    };
    let Ok(mut head) = serde_json::to_vec(&header) else {
        return;
    };
    head.push(b'\n');
    write_private(&target, |f| {
        f.write_all(&head)?;
        match read {
            Some(r) => r.line.copy_to(f),
            None => Ok(()),
        }
    });
}
