//! Where corpus bytes come from: a plain file (re-read in place), or bytes held in memory
//! (gzip files, standard input, the embedded demo, imported transcripts).

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::LoadError;

#[derive(Debug, Clone)]
pub enum SourceData {
    File(PathBuf),
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

/// Decompresses one or more concatenated gzip members.
fn gunzip(from: impl Read) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    flate2::read::MultiGzDecoder::new(from).read_to_end(&mut buf)?;
    Ok(buf)
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
            let mut buf = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| LoadError::new("<stdin>", e))?;
            if buf.starts_with(GZIP_MAGIC) {
                buf = gunzip(&buf[..]).map_err(|e| LoadError::new("<stdin>", e))?;
            }
            return Ok(Source::memory("<stdin>", buf));
        }
        let meta = std::fs::metadata(path).map_err(|e| LoadError::new(&name, e))?;
        if meta.is_dir() {
            return Err(LoadError {
                file: name,
                message: "is a folder, not a corpus file".into(),
            });
        }
        let mut file = File::open(path).map_err(|e| LoadError::new(&name, e))?;
        let mut magic = [0; 2];
        let gzip = path.extension().is_some_and(|e| e == "gz")
            || (file.read_exact(&mut magic).is_ok() && &magic == GZIP_MAGIC);
        if gzip {
            let file = File::open(path).map_err(|e| LoadError::new(&name, e))?;
            let buf = gunzip(io::BufReader::new(file)).map_err(|e| LoadError::new(&name, e))?;
            return Ok(Source::memory(&name, buf));
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
        }
    }
}
