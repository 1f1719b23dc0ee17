//! A cache of what was read from each transcript file, so that importing a large history
//! again only re-reads the files that changed.
//!
//! One JSON file per transcript under `<cache dir>/import-vN/` (N from
//! [`READER_VERSION`](super::READER_VERSION)), named by a hash of the
//! transcript's path, holding a fingerprint of the transcript and of the sub-agent files that
//! may belong to it, and the [`RawSession`] read from it. A fingerprint is size, mtime, ctime,
//! device and inode (ctime cannot be set back, so an edit that keeps the size and restores the
//! mtime still shows) plus a hash of the first and last 64 KiB, for file systems whose times
//! are coarse. The cache holds prompt text: its folder is 0700 and its files 0600, written
//! without following links. Classification
//! runs again on every import, so rule changes apply at once. The cache never lives inside
//! transcript folders; anything wrong with it (missing, stale, unreadable) means the file is
//! simply read again.
//!
//! Beside each entry, `<hash>.line` keeps the finished corpus line of that reading (a JSON
//! header, then the line as it is), keyed also by the classifier's [`VERSION`](crate::classify::VERSION),
//! leash's version and the expertise map: opening an unchanged history then reads no
//! transcript, parses no cached reading and classifies nothing.

mod line;

pub use line::{CachedLine, LineToCache, built_under, get_line, put_line};

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::transcript::RawSession;

/// Bumped whenever [`RawSession`] or the reading rules change.
const VERSION: &str = super::READER_VERSION;

/// leash's default cache folder: `dirs::cache_dir()/leash`.
pub fn default_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("leash"))
}

#[derive(Serialize, Deserialize)]
struct Entry {
    path: String,
    fingerprint: String,
    raw: RawSession,
}

fn stamp(p: &Path) -> Option<String> {
    let m = fs::metadata(p).ok()?;
    let mtime = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    #[cfg(unix)]
    let node = {
        use std::os::unix::fs::MetadataExt;
        format!("{}.{:09}:{}:{}", m.ctime(), m.ctime_nsec(), m.dev(), m.ino())
    };
    #[cfg(not(unix))]
    let node = "";
    let sample = sample_hash(p, m.len()).ok()?;
    Some(format!(
        "{}:{}.{:09}:{node}:{sample:016x}",
        m.len(),
        mtime.as_secs(),
        mtime.subsec_nanos()
    ))
}

/// A hash of the first and last [`SAMPLE`] bytes of a file.
fn sample_hash(p: &Path, len: u64) -> std::io::Result<u64> {
    use std::io::{Read, Seek, SeekFrom};
    const SAMPLE: u64 = 64 << 10;
    let mut f = fs::File::open(p)?;
    let mut buf = Vec::with_capacity(2 * SAMPLE as usize);
    (&mut f).take(SAMPLE).read_to_end(&mut buf)?;
    if len > SAMPLE {
        f.seek(SeekFrom::Start(len.saturating_sub(SAMPLE).max(SAMPLE)))?;
        f.take(SAMPLE).read_to_end(&mut buf)?;
    }
    let mut h = DefaultHasher::new();
    buf.hash(&mut h);
    Ok(h.finish())
}

/// Size and mtime of a transcript and of the files read with it (`related`: for Claude
/// Code its sub-agent files and their `meta.json`, as found by the caller; a missing one
/// counts as empty).
pub fn fingerprint(path: &Path, related: &[PathBuf]) -> Option<String> {
    let mut fp = stamp(path)?;
    for p in related {
        fp.push_str(&format!("|{}={}", p.display(), stamp(p).unwrap_or_default()));
    }
    Some(fp)
}

pub(super) fn entry_path(dir: &Path, path: &Path) -> PathBuf {
    let mut h = DefaultHasher::new();
    fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .hash(&mut h);
    dir.join(VERSION).join(format!("{:016x}.json", h.finish()))
}

/// The cached reading of `path`, if its fingerprint still matches.
pub fn get(dir: &Path, path: &Path, fingerprint: &str) -> Option<RawSession> {
    let bytes = fs::read(entry_path(dir, path)).ok()?;
    let e: Entry = serde_json::from_slice(&bytes).ok()?;
    (e.path == path.display().to_string() && e.fingerprint == fingerprint).then_some(e.raw)
}

/// Stores a reading; failures are ignored (the file will be read again next time).
pub fn put(dir: &Path, path: &Path, fingerprint: &str, raw: &RawSession) {
    let target = entry_path(dir, path);
    let entry = Entry {
        path: path.display().to_string(),
        fingerprint: fingerprint.to_owned(),
        raw: raw.clone(),
    };
    if let Ok(bytes) = serde_json::to_vec(&entry) {
        write_private(&target, |f| f.write_all(&bytes));
    }
}

/// Writes a cache file whole (a private temporary file renamed over it), its folder made
/// private first; failures are ignored.
pub(super) fn write_private(
    target: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<fs::File>) -> std::io::Result<()>,
) {
    let Some(parent) = target.parent() else {
        return;
    };
    if !private_dir(parent) {
        return;
    }
    let tmp = target.with_extension(format!("tmp{}", std::process::id()));
    let _ = fs::remove_file(&tmp);
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    let Ok(f) = crate::safe_fs::open_no_follow(&mut opts, &tmp, Some(0o600)) else {
        return;
    };
    let mut f = std::io::BufWriter::new(f);
    let written = write(&mut f).and_then(|()| f.flush());
    if written.is_err() || fs::rename(&tmp, target).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// Creates `dir` (and its parents) 0700, and makes an existing one 0700 again: it holds
/// prompt text. `false` when it is not a real folder of ours.
fn private_dir(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        if fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).is_err() {
            return false;
        }
        // The folder itself, never through a link.
        for d in [dir.parent(), Some(dir)].into_iter().flatten() {
            match fs::symlink_metadata(d) {
                Ok(m) if m.is_dir() => {
                    if m.permissions().mode() & 0o077 != 0 {
                        let _ = fs::set_permissions(d, fs::Permissions::from_mode(0o700));
                    }
                }
                _ => return false,
            }
        }
        true
    }
    #[cfg(not(unix))]
    fs::create_dir_all(dir).is_ok()
}
