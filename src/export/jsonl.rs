//! JSON Lines output: one object per row, keys in column order, a null as `null`; C1
//! controls and bidi overrides escaped as in every JSON leash prints.

use std::io::{self, Write};

use super::batch::{Batch, Cell};

pub struct JsonlSink<W: Write> {
    out: W,
    /// Each key, already quoted and followed by `:`.
    keys: Vec<String>,
    line: Vec<u8>,
}

impl<W: Write> JsonlSink<W> {
    pub fn new(out: W, names: &[&str]) -> JsonlSink<W> {
        let keys = names
            .iter()
            .map(|n| serde_json::to_string(n).expect("a string serializes") + ":")
            .collect();
        JsonlSink {
            out,
            keys,
            line: Vec::new(),
        }
    }

    pub fn write(&mut self, b: &Batch) -> io::Result<()> {
        for row in 0..b.rows() {
            let line = &mut self.line;
            line.clear();
            line.push(b'{');
            for (i, (key, col)) in self.keys.iter().zip(&b.cols).enumerate() {
                if i > 0 {
                    line.push(b',');
                }
                line.extend_from_slice(key.as_bytes());
                match col.cell(row) {
                    Cell::Null => line.extend_from_slice(b"null"),
                    Cell::Str(s) => serde_json::to_writer(&mut *line, s)?,
                    Cell::Int(v) => serde_json::to_writer(&mut *line, &v)?,
                    Cell::Float(v) => serde_json::to_writer(&mut *line, &v)?,
                    Cell::Bool(v) => serde_json::to_writer(&mut *line, &v)?,
                }
            }
            line.extend_from_slice(b"}\n");
            self.out.write_all(crate::text::json_safe(line).as_bytes())?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}
