//! A new output file named for what it holds, for exports that pick their own name (the
//! browser's `E`): never an existing file, never through a link.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// `dir/STEM.EXT`, else `dir/STEM-2.EXT`, `-3`, ...: the first that does not exist, created
/// (no-follow, so a link planted at the name is refused rather than written through). The
/// stem keeps letters, digits, `.`, `_` and `-` of `stem` (others become `_`), at most 80.
pub fn create_new(dir: &Path, stem: &str, ext: &str) -> io::Result<(PathBuf, File)> {
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    let stem = stem.trim_start_matches('.');
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match crate::safe_fs::open_no_follow(OpenOptions::new().write(true).create_new(true), &path, None) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("a thousand files of that name already exist"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_or_link_is_never_reused_and_odd_chars_leave_the_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a_b.csv"), "keep").unwrap();
        std::os::unix::fs::symlink("/nonexistent/target", dir.path().join("a_b-2.csv")).unwrap();
        let (p, _) = create_new(dir.path(), "a/b", "csv").unwrap();
        assert_eq!(p, dir.path().join("a_b-3.csv"));
        assert_eq!(std::fs::read_to_string(dir.path().join("a_b.csv")).unwrap(), "keep");
        let (p, _) = create_new(dir.path(), "../..x\u{1b}", "csv").unwrap();
        assert_eq!(p, dir.path().join("_..x_.csv"));
    }
}
