//! The files leash writes (imported corpora, exports, audit sidecars, the import cache) and
//! the rules that keep the user's data safe: leash never writes to a file it reads (compared
//! by device and inode, so a symlink or hardlink to an input is caught too), never writes
//! through a symbolic link, and never opens a FIFO or device as if it were a file (which
//! could block forever).

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

mod ids;

pub use ids::{FileId, ReadSet};

/// The checks of [`create_output`], creating and opening nothing: for a command to refuse a
/// bad output before its (possibly long) work, and without truncating a file it then fails
/// to replace.
pub fn check_output(path: &Path, read: impl FnOnce() -> ReadSet) -> Result<(), OutputError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(OutputError::Refused(LINK.into())),
        Ok(m) if !m.is_file() => Err(OutputError::Refused(NOT_REGULAR.into())),
        Ok(m) if read().contains(&FileId::of(&m)) => Err(OutputError::Refused(IS_INPUT.into())),
        _ => Ok(()),
    }
}

/// Opens `path` for writing (created 0644 less the umask, or `mode` when given), refusing a
/// symbolic link, anything but a regular file, and a file in `read`; only then is it
/// truncated. `read` is only built when the file already exists.
pub fn create_output(path: &Path, mode: Option<u32>, read: impl FnOnce() -> ReadSet) -> Result<File, OutputError> {
    use OutputError::{Io, Refused};
    let existed = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => return Err(Refused(LINK.into())),
        Ok(m) if !m.is_file() => return Err(Refused(NOT_REGULAR.into())),
        Ok(_) => true,
        Err(_) => false,
    };
    let file = open_no_follow(OpenOptions::new().write(true).create(true), path, mode).map_err(|e| {
        if is_loop(&e) {
            Refused(LINK.into())
        } else {
            Io(describe(&e))
        }
    })?;
    let meta = file.metadata().map_err(|e| Io(describe(&e)))?;
    if !meta.is_file() {
        return Err(Refused(NOT_REGULAR.into()));
    }
    if existed && read().contains(&FileId::of(&meta)) {
        return Err(Refused(IS_INPUT.into()));
    }
    file.set_len(0).map_err(|e| Io(describe(&e)))?;
    Ok(file)
}

const LINK: &str = "is a symbolic link; leash does not write through links";
const IS_INPUT: &str = "is one of the inputs (or a link to one); refusing to overwrite it";
const NOT_REGULAR: &str = "is not a regular file; refusing to write to it";

/// Why an output could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputError {
    /// The path is an input, a link or not a file: nothing was written (bad usage).
    Refused(String),
    /// The system refused (no such folder, permission, full disk).
    Io(String),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            OutputError::Refused(m) | OutputError::Io(m) => f.write_str(m),
        }
    }
}

/// An error from opening a symbolic link with no-follow.
pub fn is_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    return e.raw_os_error() == Some(libc::ELOOP);
    #[cfg(not(unix))]
    return false;
}

/// Opens with `opts` plus no-follow (a symlink at `path` fails) and non-blocking (a FIFO
/// does not block the open); callers check that the result is a regular file.
pub fn open_no_follow(opts: &mut OpenOptions, path: &Path, mode: Option<u32>) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
        if let Some(m) = mode {
            opts.mode(m);
        }
    }
    #[cfg(not(unix))]
    let _ = mode;
    opts.open(path)
}

/// Opens a file to read it, refusing (without blocking) a FIFO, a device or a folder.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    let file = opts.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("is not a regular file"));
    }
    Ok(file)
}

/// An io error as a message, without Rust's "(os error N)" suffix.
pub fn describe(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// A path as it may be echoed on a terminal: control chars and bidi overrides escaped.
pub fn shown(path: &Path) -> String {
    crate::text::clean(&path.display().to_string()).into_owned()
}

/// Whether standard descriptor `fd` (0, 1 or 2) was closed when leash started. Rust's runtime
/// reopens a closed one on `/dev/null` read-write, so that output to it would silently
/// vanish (and input read as empty); a shell's `>/dev/null` or `</dev/null` opens it one way
/// only, which tells the two apart.
pub fn std_fd_closed(fd: i32) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::BorrowedFd;
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        // SAFETY: F_GETFL only queries the descriptor's flags.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if flags == -1 {
            return true;
        }
        // SAFETY: the descriptor is open (F_GETFL succeeded) and only borrowed to be duplicated.
        let dup = unsafe { BorrowedFd::borrow_raw(fd) }.try_clone_to_owned();
        let Ok(meta) = dup.map(File::from).and_then(|f| f.metadata()) else {
            return true;
        };
        let null = std::fs::metadata("/dev/null").map(|m| m.rdev()).ok();
        meta.file_type().is_char_device() && Some(meta.rdev()) == null && flags & libc::O_ACCMODE == libc::O_RDWR
    }
    #[cfg(not(unix))]
    {
        let _ = fd;
        false
    }
}

/// An output written to a private temporary file beside its path and moved over it only once
/// complete ([`Staged::commit`]): a run that fails half-way leaves the path as it was (absent,
/// or the earlier file whole). The move replaces the path itself, never a link's target.
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    path: std::path::PathBuf,
}

impl Staged {
    /// A temporary file in `path`'s folder, for an output [`check_output`] accepted.
    pub fn new(path: &Path) -> io::Result<Staged> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = tempfile::Builder::new()
            .prefix(".leash-")
            .suffix(".part")
            .tempfile_in(dir)?;
        Ok(Staged {
            tmp,
            path: path.to_path_buf(),
        })
    }

    /// The file to write.
    pub fn file(&self) -> io::Result<File> {
        self.tmp.as_file().try_clone()
    }

    /// Moves the finished file over the path, with the permissions of the file it replaces
    /// (0644 for a new one).
    pub fn commit(self) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::symlink_metadata(&self.path)
                .ok()
                .filter(|m| m.is_file())
                .map_or(0o644, |m| m.permissions().mode() & 0o7777);
            std::fs::set_permissions(self.tmp.path(), std::fs::Permissions::from_mode(mode))?;
        }
        self.tmp.persist(&self.path).map(drop).map_err(|e| e.error)
    }
}
