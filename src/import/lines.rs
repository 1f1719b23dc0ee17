//! Streams a JSON Lines file one line at a time, so memory stays a small multiple of the
//! longest line, never of the file.

use std::io::BufRead;

use serde::de::DeserializeOwned;

/// Yields `(line number, parsed value)`; bad lines become warnings naming `file:line`.
/// A last line cut short (no trailing newline, not valid JSON) is dropped silently: it is
/// what a transcript being written looks like.
pub struct JsonLines<R> {
    reader: R,
    name: String,
    buf: Vec<u8>,
    line: u64,
    /// Bytes read so far.
    pub bytes: u64,
    pub warnings: Vec<String>,
}

/// Warnings kept per file; further ones are counted in a last summary line.
const MAX_WARNINGS: usize = 20;

impl<R: BufRead> JsonLines<R> {
    pub fn new(reader: R, name: &str) -> Self {
        JsonLines {
            reader,
            name: name.to_owned(),
            buf: Vec::new(),
            line: 0,
            bytes: 0,
            warnings: Vec::new(),
        }
    }

    fn warn(&mut self, msg: String) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(msg);
        } else if self.warnings.len() == MAX_WARNINGS {
            self.warnings
                .push(format!("{}: further bad lines not shown", self.name));
        }
    }

    /// The next parsed line, skipping blank and bad ones.
    pub fn next_value<T: DeserializeOwned>(&mut self) -> Option<(u64, T)> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    let msg = format!("{}:{}: read error: {e}", self.name, self.line + 1);
                    self.warn(msg);
                    return None;
                }
            }
            self.line += 1;
            self.bytes += self.buf.len() as u64;
            let complete = self.buf.last() == Some(&b'\n');
            let text = self.buf.trim_ascii();
            if text.is_empty() {
                continue;
            }
            match parse::<T>(text) {
                Ok(v) => {
                    // Release the memory of an exceptionally long line.
                    if self.buf.capacity() > 1 << 20 {
                        self.buf = Vec::new();
                    }
                    return Some((self.line, v));
                }
                Err(_) if !complete => return None,
                Err(e) if !text.starts_with(b"{") && !e.is_syntax() && !e.is_eof() => {
                    let msg = format!("{}:{}: skipped: not a JSON object", self.name, self.line);
                    self.warn(msg);
                }
                Err(e) => {
                    let msg = format!(
                        "{}:{}: skipped: {}",
                        self.name,
                        self.line,
                        crate::corpus::json_reason(&e)
                    );
                    self.warn(msg);
                }
            }
        }
    }
}

/// A line parsed: its UTF-8 checked at once (SIMD), then parsed as text, where parsing the
/// bytes checked each string apart; bytes that are not UTF-8 are parsed as bytes, for the
/// error's words.
pub(crate) fn parse<T: DeserializeOwned>(text: &[u8]) -> serde_json::Result<T> {
    match simdutf8::basic::from_utf8(text) {
        Ok(s) => serde_json::from_str(s),
        Err(_) => serde_json::from_slice(text),
    }
}

/// For `#[serde(deserialize_with)]`: a field that is a string in the lines leash reads but
/// may be anything in a line type it does not know: anything else is `None`, not a bad line.
pub fn lenient_str<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::Deserialize;
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Some(s),
        _ => None,
    })
}
