//! Errors of the audit store: each names the file it is about.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum StoreError {
    /// The file could not be opened, read, written or synced.
    Io { path: PathBuf, message: String },
    /// Another writer holds the file's lock.
    Locked(PathBuf),
    /// The audit path given is a corpus file.
    IsCorpus(PathBuf),
    /// A verdict that may not be written (say, a relabel without its correction).
    Invalid(String),
}

impl StoreError {
    pub fn io(path: &Path, e: io::Error) -> StoreError {
        let message = match e.kind() {
            io::ErrorKind::NotFound => "no such file".to_owned(),
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => e.to_string(),
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
            StoreError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            StoreError::Locked(path) => write!(
                f,
                "{}: is already open for auditing in another leash (locked); close that one, or open this read-only",
                path.display()
            ),
            StoreError::IsCorpus(path) => write!(
                f,
                "{}: is a corpus file; audit verdicts go in a separate file (default <corpus>.audit.jsonl)",
                path.display()
            ),
            StoreError::Invalid(why) => write!(f, "invalid verdict: {why}"),
        }
    }
}

impl std::error::Error for StoreError {}
