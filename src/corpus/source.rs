//! Where corpus bytes come from: a plain file (re-read in place), a private spill file
//! (gzip files and standard input, decompressed as they stream, so that memory never holds
//! them whole), or bytes held in memory (the embedded demo, imported transcripts).

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::LoadError;

#[derive(Debug, Clone)]
pub enum SourceData {
    File(PathBuf),
    /// An unnamed temporary file (0600, gone when leash exits) holding what was streamed in.
    Spilled(Arc<File>),
    Memory(Arc<[u8]>),
}

/// A named source of corpus lines.
#[derive(Debug, Clone)]
pub struct Source {
    /// What error messages call it: the path as given, `<stdin>` or `<demo>`.
    pub name: String,
    pub data: SourceData,
    /// Its length in bytes (decompressed for memory sources).
    pub len: u64,
    /// What produced its lines: a v1 corpus as written, or leash's own import of
    /// transcripts (whose expertise and outcome are estimates).
    pub kind: SourceKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceKind {
    #[default]
    Corpus,
    Imported,
}

/// Where a session's line lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Location {
    pub source: u32,
    pub offset: u64,
    pub len: u32,
    /// 1-based line number, for messages.
    pub line: u64,
}

/// The first bytes of every gzip stream.
const GZIP_MAGIC: &[u8; 2] = &[0x1f, 0x8b];

/// Streams `from` (decompressing one or more concatenated gzip members when it starts with
/// gzip's magic bytes, or when `gzip`) into an unnamed private temporary file.
fn spill(name: &str, from: impl Read, gzip: bool) -> Result<Source, LoadError> {
    let mut from = io::BufReader::with_capacity(1 << 16, from);
    let fail = |e| LoadError::new(name, e);
    let gzip = gzip || io::BufRead::fill_buf(&mut from).map_err(fail)?.starts_with(GZIP_MAGIC);
    let mut file = tempfile::tempfile().map_err(fail)?;
    let len = if gzip {
        io::copy(&mut flate2::bufread::MultiGzDecoder::new(from), &mut file)
    } else {
        io::copy(&mut from, &mut file)
    }
    .map_err(fail)?;
    Ok(Source {
        name: name.to_owned(),
        data: SourceData::Spilled(Arc::new(file)),
        len,
        kind: SourceKind::Corpus,
    })
}

/// The demo corpus, compressed into the binary.
static DEMO_GZ: &[u8] = include_bytes!("../../assets/demo.jsonl.gz");

impl Source {
    /// Opens a path: `-` is standard input, gzip (a `.gz` name, or gzip's magic bytes) is
    /// decompressed into memory, anything else is read in place. Nothing is ever written to
    /// it.
    pub fn open(path: &Path) -> Result<Source, LoadError> {
        let name = path.display().to_string();
        if path == Path::new("-") {
            // Rust reads a closed standard input as empty: say so instead of 0 sessions.
            if crate::safe_fs::std_fd_closed(0) {
                return Err(LoadError {
                    file: "<stdin>".into(),
                    message: "standard input is closed".into(),
                });
            }
            return spill("<stdin>", io::stdin().lock(), false);
        }
        let meta = std::fs::metadata(path).map_err(|e| LoadError::new(&name, e))?;
        if meta.is_dir() {
            return Err(LoadError {
                file: name,
                message: "is a folder, not a corpus file".into(),
            });
        }
        let mut file = File::open(path).map_err(|e| LoadError::new(&name, e))?;
        if !meta.is_file() {
            // A pipe (`leash <(zcat c.jsonl.gz)`) cannot be read twice: stream it in once.
            return spill(&name, file, false);
        }
        let mut magic = [0; 2];
        let gzip = path.extension().is_some_and(|e| e == "gz")
            || (file.read_exact(&mut magic).is_ok() && &magic == GZIP_MAGIC);
        if gzip {
            let file = File::open(path).map_err(|e| LoadError::new(&name, e))?;
            return spill(&name, file, true);
        }
        Ok(Source {
            name,
            data: SourceData::File(path.to_path_buf()),
            len: meta.len(),
            kind: SourceKind::Corpus,
        })
    }

    pub fn memory(name: &str, bytes: Vec<u8>) -> Source {
        Source {
            name: name.to_owned(),
            len: bytes.len() as u64,
            data: SourceData::Memory(bytes.into()),
            kind: SourceKind::Corpus,
        }
    }

    /// The built-in demo corpus.
    pub fn demo() -> Source {
        let mut buf = Vec::new();
        flate2::read::GzDecoder::new(DEMO_GZ)
            .read_to_end(&mut buf)
            .expect("the embedded demo corpus is valid gzip");
        Source::memory("<demo>", buf)
    }

    /// The bytes of one line.
    pub fn read_at(&self, loc: &Location) -> io::Result<Vec<u8>> {
        match &self.data {
            SourceData::Memory(b) => Ok(b[loc.offset as usize..][..loc.len as usize].to_vec()),
            SourceData::File(p) => {
                use std::io::{Seek, SeekFrom};
                let mut f = File::open(p)?;
                f.seek(SeekFrom::Start(loc.offset))?;
                let mut buf = vec![0; loc.len as usize];
                f.read_exact(&mut buf)?;
                Ok(buf)
            }
            SourceData::Spilled(f) => {
                let mut buf = vec![0; loc.len as usize];
                At {
                    file: f,
                    pos: loc.offset,
                }
                .read_exact(&mut buf)?;
                Ok(buf)
            }
        }
    }

    /// All its bytes, from the start, as a stream.
    pub fn reader(&self) -> io::Result<Box<dyn io::BufRead + Send + '_>> {
        const CAP: usize = 1 << 16;
        Ok(match &self.data {
            SourceData::Memory(b) => Box::new(&b[..]),
            SourceData::File(p) => Box::new(io::BufReader::with_capacity(CAP, File::open(p)?)),
            SourceData::Spilled(f) => Box::new(io::BufReader::with_capacity(CAP, At { file: f, pos: 0 })),
        })
    }
}

/// Reads a shared file from its own position (`pread`), never moving the file's offset.
struct At<'a> {
    file: &'a File,
    pos: u64,
}

impl Read for At<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        #[cfg(unix)]
        let n = std::os::unix::fs::FileExt::read_at(self.file, buf, self.pos)?;
        #[cfg(windows)]
        let n = std::os::windows::fs::FileExt::seek_read(self.file, buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}
