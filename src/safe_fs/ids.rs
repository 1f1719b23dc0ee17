//! Which file a path is, whatever path reaches it ([`FileId`]), and the set of files a command
//! reads ([`ReadSet`]), against which every output is checked.

use std::collections::HashSet;
use std::fs::File;
use std::io;
use std::path::Path;

/// What identifies a file whatever path reaches it: device and inode.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileId(u64, u64);

impl FileId {
    pub fn of(meta: &std::fs::Metadata) -> FileId {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            FileId(meta.dev(), meta.ino())
        }
        #[cfg(not(unix))]
        {
            // No inodes: size and mtime are the best cheap stand-in.
            let t = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
            FileId(meta.len(), t.map_or(0, |t| t.as_nanos() as u64))
        }
    }

    /// The file a path names, links followed; `None` if it does not exist.
    pub fn of_path(path: &Path) -> Option<FileId> {
        std::fs::metadata(path).ok().map(|m| FileId::of(&m))
    }

    /// The file standard input is redirected from, if it is one.
    pub fn of_stdin() -> Option<FileId> {
        use std::os::fd::AsFd;
        let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
        let meta = File::from(fd).metadata().ok()?;
        meta.is_file().then(|| FileId::of(&meta))
    }
}

/// The files a command reads: its inputs, every file under an input folder, and extras
/// (an audit file, an expertise map).
#[derive(Debug, Default, Clone)]
pub struct ReadSet {
    ids: HashSet<FileId>,
}

impl ReadSet {
    pub fn of_paths<P: AsRef<Path>>(paths: &[P]) -> ReadSet {
        let mut set = ReadSet::default();
        for p in paths {
            set.add(p.as_ref());
        }
        set
    }

    /// Adds a path: `-` is standard input; a folder adds every file under it.
    pub fn add(&mut self, path: &Path) {
        if path == Path::new("-") {
            self.ids.extend(FileId::of_stdin());
            return;
        }
        let mut stack = vec![path.to_path_buf()];
        let mut seen_dirs = HashSet::new();
        while let Some(p) = stack.pop() {
            let Ok(meta) = std::fs::metadata(&p) else { continue };
            let id = FileId::of(&meta);
            if !meta.is_dir() {
                self.ids.insert(id);
            } else if seen_dirs.insert(id)
                && let Ok(rd) = std::fs::read_dir(&p)
            {
                stack.extend(rd.flatten().map(|e| e.path()));
            }
        }
    }

    pub fn contains(&self, id: &FileId) -> bool {
        self.ids.contains(id)
    }
}
