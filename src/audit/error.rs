//! Errors of the audit store: each names the file it is about.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::safe_fs::shown;

#[derive(Debug)]
pub enum StoreError {
    /// The file could not be opened, read, written or synced.
    Io { path: PathBuf, message: String },
    /// Another writer holds the file's lock.
    Locked(PathBuf),
    /// The audit path given is a corpus file (or a link to one).
    IsCorpus(PathBuf),
    /// The audit path is a symbolic link, a FIFO, a device or a folder.
    NotAFile { path: PathBuf, why: &'static str },
    /// A verdict that may not be written (say, a relabel without its correction).
    Invalid(String),
}

/// Why an audit path is refused before it is opened.
pub(super) const SYMLINK: &str = "is a symbolic link; leash does not write through links (give the file it points to)";
pub(super) const NOT_REGULAR: &str = "is not a regular file (a FIFO, device or folder?); refusing it";

impl StoreError {
    pub fn io(path: &Path, e: io::Error) -> StoreError {
        let message = match e.kind() {
            io::ErrorKind::NotFound => "no such file".to_owned(),
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => crate::safe_fs::describe(&e),
        };
        StoreError::Io {
            path: path.to_path_buf(),
            message,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            StoreError::Io { path, message } => write!(f, "{}: {message}", shown(path)),
            StoreError::NotAFile { path, why } => write!(f, "{}: {why}", shown(path)),
            StoreError::Locked(path) => write!(
                f,
                "{}: is already open for auditing in another leash (locked); close that one, or open this read-only",
                shown(path)
            ),
            StoreError::IsCorpus(path) => write!(
                f,
                "{}: is a corpus file (or a link to one); audit verdicts go in a separate file (default <corpus>.audit.jsonl)",
                shown(path)
            ),
            StoreError::Invalid(why) => write!(f, "invalid verdict: {why}"),
        }
    }
}

impl std::error::Error for StoreError {}
