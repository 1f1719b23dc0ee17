//! Words mode, deeper: every prompt, file and command of a session (any text value of its
//! corpus line), for the sessions its id, title, project, model and first prompt did not
//! match. The browser runs it after showing the quick matches, as a second pass.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::Query;
use super::words::find;
use crate::corpus::{Corpus, SourceData};

/// Rows per unit of parallel work (and per check for cancellation).
const CHUNK: usize = 1024;

/// Where a source's lines are read from for the pass: memory as held, a file by offset (read,
/// never mapped: a corpus truncated meanwhile must not fault the browser).
enum Lines<'a> {
    Held(&'a [u8]),
    File(std::fs::File),
    Spilled(&'a std::fs::File),
    Missing,
}

impl Lines<'_> {
    /// The bytes of one line, into `buf` when read from a file.
    fn get<'b>(&'b self, loc: &crate::corpus::Location, buf: &'b mut Vec<u8>) -> Option<&'b [u8]> {
        use std::os::unix::fs::FileExt;
        let (offset, len) = (loc.offset as usize, loc.len as usize);
        let file = match self {
            Lines::Held(b) => return b.get(offset..).and_then(|b| b.get(..len)),
            Lines::File(f) => f,
            Lines::Spilled(f) => f,
            Lines::Missing => return None,
        };
        buf.resize(len, 0);
        file.read_exact_at(buf, loc.offset).ok()?;
        Some(&buf[..])
    }
}

/// Marks `Some(1)` the rows of `member` that were `None` and whose line holds every word of
/// the query in its text values (not in its keys); `None` if cancelled. Fuzzy queries and
/// rows beyond `member` are left alone.
pub fn widen(q: &Query, corpus: &Corpus, member: &mut [Option<i64>], cancel: &AtomicBool) -> Option<()> {
    if q.mode() != super::Mode::Words || q.is_empty() {
        return Some(());
    }
    let sources: Vec<Lines> = corpus
        .sources
        .iter()
        .map(|s| match &s.data {
            SourceData::Memory(b) => Lines::Held(b),
            SourceData::Spilled(f) => Lines::Spilled(f),
            SourceData::File(p) => std::fs::File::open(p).map_or(Lines::Missing, Lines::File),
        })
        .collect();
    let rows = &corpus.rows;
    member.par_chunks_mut(CHUNK).enumerate().for_each(|(c, chunk)| {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        let mut buf = Vec::new();
        for (j, m) in chunk.iter_mut().enumerate() {
            let Some(row) = rows.get(c * CHUNK + j) else { return };
            if m.is_none() {
                let line = sources[row.loc.source as usize].get(&row.loc, &mut buf);
                if line.is_some_and(|l| in_values(q, l)) {
                    *m = Some(1);
                }
            }
        }
    });
    (!cancel.load(Ordering::Relaxed)).then_some(())
}

/// Whether every word occurs in a string value of a JSON line (an occurrence inside a key,
/// a string followed by `:`, does not count).
pub fn in_values(q: &Query, line: &[u8]) -> bool {
    q.terms().iter().all(|t| {
        let mut from = 0;
        while let Some(i) = find(&line[from..], t, q.is_case_sensitive()) {
            let end = from + i + t.len();
            if !is_key(line, end) {
                return true;
            }
            from = from + i + 1;
        }
        false
    })
}

/// Whether the string around offset `at` is an object key: its closing quote is followed by
/// `:` (JSON writes no space there in a corpus line; one is allowed).
fn is_key(line: &[u8], at: usize) -> bool {
    let mut i = at;
    while i < line.len() {
        match line[i] {
            b'\\' => i += 2,
            b'"' => {
                let rest = line[i + 1..].iter().find(|b| !b.is_ascii_whitespace());
                return rest == Some(&b':');
            }
            _ => i += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Mode;

    #[test]
    fn words_in_values_count_words_in_keys_do_not() {
        let line =
            br#"{"id":"s1","turns":[{"prompt":"fix the Parser","actions":[{"tool":"Edit","target":"src/lexer.rs"}]}]}"#;
        let q = |t: &str| Query::with_mode(t, Mode::Words);
        assert!(in_values(&q("parser lexer.rs"), line));
        assert!(in_values(&q("edit"), line));
        assert!(!in_values(&q("prompt"), line), "a key is not text of the session");
        assert!(!in_values(&q("target"), line));
        assert!(!in_values(&q("parser cache"), line), "every word must occur");
        assert!(!in_values(&q("parser Fix"), line), "a capital makes it case-sensitive");
    }
}
