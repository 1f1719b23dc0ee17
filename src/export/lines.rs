//! Sessions' lines read again by location, each source's file opened once per batch rather
//! than once per line.

use std::fs::File;
use std::os::unix::fs::FileExt;

use crate::corpus::{Location, Source, SourceData};

pub struct Lines<'a> {
    sources: &'a [Source],
    open: Vec<Option<File>>,
    buf: Vec<u8>,
}

impl<'a> Lines<'a> {
    pub fn new(sources: &'a [Source]) -> Lines<'a> {
        Lines {
            sources,
            open: (0..sources.len()).map(|_| None).collect(),
            buf: Vec::new(),
        }
    }

    /// The source's name and the line's bytes (valid until the next read).
    pub fn read(&mut self, loc: &Location) -> Result<(&'a str, &[u8]), String> {
        let src = &self.sources[loc.source as usize];
        let fail = |e: std::io::Error| format!("{}:{}: cannot re-read: {e}", src.name, loc.line);
        self.buf.resize(loc.len as usize, 0);
        match &src.data {
            SourceData::File(p) => {
                let slot = &mut self.open[loc.source as usize];
                if slot.is_none() {
                    *slot = Some(crate::safe_fs::open_regular(p).map_err(fail)?);
                }
                let f = slot.as_ref().expect("opened above");
                f.read_exact_at(&mut self.buf, loc.offset).map_err(fail)?;
            }
            SourceData::Spilled(f) => f.read_exact_at(&mut self.buf, loc.offset).map_err(fail)?,
            SourceData::Memory(b) => {
                let at = loc.offset as usize;
                self.buf.copy_from_slice(&b[at..at + loc.len as usize]);
            }
        }
        Ok((&src.name, &self.buf))
    }
}
