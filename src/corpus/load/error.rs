//! What loading reports: a line skipped (file, line, why) and a source that could not be
//! read at all; both print safely to a terminal.

use std::fmt;
use std::io;

/// A line that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub file: String,
    pub line: u64,
    pub reason: String,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // The reason may quote the line (an unknown variant, say): never raw to a terminal.
        let clean = crate::text::clean;
        write!(f, "{}:{}: {}", clean(&self.file), self.line, clean(&self.reason))
    }
}

/// A source that could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub message: String,
}

impl LoadError {
    pub fn new(file: &str, e: io::Error) -> LoadError {
        let message = match e.kind() {
            io::ErrorKind::NotFound => "no such file".to_owned(),
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => e.to_string(),
        };
        LoadError {
            file: file.to_owned(),
            message,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            crate::text::clean(&self.file),
            crate::text::clean(&self.message)
        )
    }
}

impl std::error::Error for LoadError {}
