//! A session's corpus line while it is built: in memory, or in a private temporary file once
//! it outgrows the import's hold ([`keep`]: 8 MiB by default; a transcript of a hundred thousand turns makes a line of hundreds of
//! MB; holding it would make an import's memory grow with one transcript's size).

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

/// Bytes of a line kept in memory, for an import that holds `hold` bytes of a transcript's
/// lines at a time ([`crate::transcript::HOLD`] when `None`); a longer line goes to a file.
pub fn keep(hold: Option<u64>) -> usize {
    usize::try_from(hold.unwrap_or(crate::transcript::HOLD)).unwrap_or(usize::MAX)
}

/// A finished corpus line (without its newline).
#[derive(Debug)]
pub enum Line {
    Text(String),
    /// `len` bytes of UTF-8 in a file (a private temporary one, or the cache's), from `start`.
    File {
        file: File,
        start: u64,
        len: u64,
    },
}

impl Line {
    /// The line as text: a line in a file is read whole (library callers that keep it).
    pub fn into_text(self) -> io::Result<String> {
        match self {
            Line::Text(s) => Ok(s),
            Line::File { mut file, start, len } => {
                let mut buf = Vec::with_capacity(usize::try_from(len).map_err(io::Error::other)?);
                file.seek(SeekFrom::Start(start))?;
                file.take(len).read_to_end(&mut buf)?;
                String::from_utf8(buf).map_err(io::Error::other)
            }
        }
    }

    /// Copies the line as it is to `out`.
    pub fn copy_to(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self {
            Line::Text(s) => out.write_all(s.as_bytes()),
            Line::File { file, start, len } => {
                file.seek(SeekFrom::Start(*start))?;
                let n = io::copy(&mut (&mut *file).take(*len), out)?;
                if n == *len {
                    Ok(())
                } else {
                    Err(io::ErrorKind::UnexpectedEof.into())
                }
            }
        }
    }

    /// The line in memory, `None` when it is in a file.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Line::Text(s) => Some(s),
            Line::File { .. } => None,
        }
    }

    /// Writes the line to `out` with the chars a terminal or an editor would act on escaped
    /// ([`crate::text::json_safe`]), a piece at a time; returns the bytes written.
    pub fn write_safe(&mut self, out: &mut impl Write) -> io::Result<u64> {
        match self {
            Line::Text(s) => {
                let safe = crate::text::json_safe(s.as_bytes());
                out.write_all(safe.as_bytes())?;
                Ok(safe.len() as u64)
            }
            Line::File { file, start, len } => {
                file.seek(SeekFrom::Start(*start))?;
                let mut r = file.take(*len);
                let (mut buf, mut kept, mut written) = (vec![0; 1 << 20], 0, 0u64);
                loop {
                    let n = r.read(&mut buf[kept..])?;
                    let end = kept + n;
                    if end == 0 {
                        return Ok(written);
                    }
                    // Up to the last whole char: a char cut in two would be taken as invalid.
                    let cut = if n == 0 { end } else { char_end(&buf[..end]) };
                    let safe = crate::text::json_safe(&buf[..cut]);
                    out.write_all(safe.as_bytes())?;
                    written += safe.len() as u64;
                    buf.copy_within(cut..end, 0);
                    kept = end - cut;
                }
            }
        }
    }
}

/// The end of the last char that is whole in `b`: `b.len()` unless `b` ends inside one.
fn char_end(b: &[u8]) -> usize {
    let tail = b.len().saturating_sub(3);
    match (tail..b.len()).rev().find(|&i| b[i] & 0xc0 != 0x80) {
        Some(i) => {
            let need = match b[i] {
                x if x >= 0xf0 => 4,
                x if x >= 0xe0 => 3,
                x if x >= 0xc0 => 2,
                _ => 1,
            };
            if i + need > b.len() { i } else { b.len() }
        }
        None => b.len(),
    }
}

/// The bytes of a line being built: in memory up to a limit, then in a temporary file.
pub struct Spool {
    mem: Vec<u8>,
    file: Option<BufWriter<File>>,
    keep: usize,
}

impl Spool {
    /// A spool that keeps `keep` bytes in memory.
    pub fn new(keep: usize) -> Spool {
        Spool {
            mem: Vec::new(),
            file: None,
            keep,
        }
    }

    pub fn push(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.file.is_none() && self.mem.len() + bytes.len() > self.keep {
            let mut f = BufWriter::with_capacity(1 << 16, tempfile::tempfile()?);
            f.write_all(&self.mem)?;
            self.mem = Vec::new();
            self.file = Some(f);
        }
        match &mut self.file {
            Some(f) => f.write_all(bytes),
            None => {
                self.mem.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    /// The line `prefix`, what was pushed, `suffix`.
    pub fn into_line(self, prefix: &str, suffix: &str) -> io::Result<Line> {
        let Some(f) = self.file else {
            let mut s = String::with_capacity(prefix.len() + self.mem.len() + suffix.len());
            s.push_str(prefix);
            s.push_str(std::str::from_utf8(&self.mem).map_err(io::Error::other)?);
            s.push_str(suffix);
            return Ok(Line::Text(s));
        };
        let mut body = f.into_inner().map_err(|e| e.into_error())?;
        body.seek(SeekFrom::Start(0))?;
        let mut out = BufWriter::with_capacity(1 << 16, tempfile::tempfile()?);
        out.write_all(prefix.as_bytes())?;
        let len = prefix.len() as u64 + io::copy(&mut body, &mut out)? + suffix.len() as u64;
        out.write_all(suffix.as_bytes())?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        Ok(Line::File { file, start: 0, len })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_goes_to_a_file_and_reads_back_the_same() {
        let mut s = Spool::new(10);
        for _ in 0..100 {
            s.push("é\u{202e}x".as_bytes()).unwrap();
        }
        let mut line = s.into_line("[", "]").unwrap();
        assert!(line.as_text().is_none(), "over the limit: in a file");
        let mut safe = Vec::new();
        let n = line.write_safe(&mut safe).unwrap();
        let want = format!("[{}]", "é\\u202ex".repeat(100));
        assert_eq!(String::from_utf8(safe).unwrap(), want);
        assert_eq!(n, want.len() as u64);
        assert_eq!(line.into_text().unwrap(), format!("[{}]", "é\u{202e}x".repeat(100)));
    }

    #[test]
    fn a_short_line_stays_in_memory() {
        let mut s = Spool::new(1 << 10);
        s.push(b"abc").unwrap();
        assert_eq!(s.into_line("<", ">").unwrap().as_text(), Some("<abc>"));
    }

    #[test]
    fn chars_are_never_cut() {
        let b = "aé€😀".as_bytes();
        for cut in 0..=b.len() {
            let end = char_end(&b[..cut]);
            assert!(std::str::from_utf8(&b[..end]).is_ok(), "cut at {cut} -> {end}");
            assert!(cut - end < 4);
        }
    }
}
