//! Importing one transcript file: its cached line or reading when nothing changed, else
//! its reading (Claude Code with its sub-agent files), classified into its corpus line.

use std::io::BufRead;
use std::path::Path;

use super::builder::{Counts, LineBuilder};
use super::forks::TurnKeys;
use super::parts::Parts;
use super::spool::{self, Line, Spool};
use super::{FileKind, ImportOptions, Imported, Siblings, build_line, cache, detect};
use crate::corpus::LoadError;
use crate::transcript::{Format, RawSession};

fn format_of(kind: FileKind) -> Format {
    match kind {
        FileKind::Codex => Format::Codex,
        _ => Format::ClaudeCode,
    }
}

/// The cache key of a transcript: its size and mtime and those of every file that may be
/// read with it (Claude Code sub-agent files and their `meta.json`; a Codex rollout has none
/// there, so the key needs no knowing which it is).
fn fingerprint(path: &Path, sib: &Siblings) -> Option<String> {
    let mut related = Vec::new();
    for (f, _) in sib.files_for(path, &detect::stem(path)) {
        related.push(f.with_extension("meta.json"));
        related.push(f);
    }
    cache::fingerprint(path, &related)
}

/// What the lines path keeps of an imported transcript: its session id, file, bad lines,
/// corpus line and the turns' keys (for [`super::forks`]).
#[derive(Debug)]
pub(super) struct LineOf {
    pub id: String,
    pub file: String,
    pub warnings: Vec<String>,
    pub line: Line,
    pub keys: TurnKeys,
    /// Turns, actions and sub-agents (zero for a line read from the cache).
    pub counts: Counts,
}

/// The cached line of a file, if the cache is on and nothing it depends on changed.
pub(super) fn cached_line(path: &Path, opts: &ImportOptions, sib: &Siblings) -> Option<Option<LineOf>> {
    let d = opts.cache_dir.as_ref()?;
    let fp = fingerprint(path, sib)?;
    let built = cache::built_under(opts.expertise_map.digest());
    let c = cache::get_line(d, path, &fp, &built, spool::keep(opts.hold))?;
    let line = c.line?;
    let file = path.display().to_string();
    let (id, keys) = match (c.id, c.keys, line.as_text()) {
        (Some(id), Some(keys), _) => (id, TurnKeys { fork: c.fork, keys }),
        // An entry without them (written by an earlier leash): read from the line.
        (_, _, Some(text)) => (id_of(text), TurnKeys::of_line(text)),
        (_, _, None) => return None,
    };
    Some(Some(LineOf {
        id,
        file,
        warnings: c.warnings,
        line,
        keys,
        counts: Counts::default(),
    }))
}

/// The session id of a corpus line.
fn id_of(line: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Id {
        id: String,
    }
    serde_json::from_str::<Id>(line).map(|i| i.id).unwrap_or_default()
}

/// [`import_file`] for [`super::open_inputs`]: the transcript read a part at a time and its
/// line built as the parts come ([`super::parts`]); only the line, the session id, the
/// warnings and the turns' keys are kept, and cached (the lookup is [`cached_line`]).
pub(super) fn import_line(
    path: &Path,
    kind: FileKind,
    opts: &ImportOptions,
    sib: &Siblings,
    reader: Option<Box<dyn BufRead + Send>>,
) -> Result<Option<LineOf>, String> {
    let built = cache::built_under(opts.expertise_map.digest());
    let key = (opts.cache_dir.as_ref()).and_then(|d| Some((d, fingerprint(path, sib)?)));
    let name = path.display().to_string();
    let fail = |e| failed(&name, e);
    let mut parts = Parts::new(
        path,
        sib,
        Some(LineBuilder::new(false, Spool::new(spool::keep(opts.hold)))),
        opts.hold,
    );
    let raw = parts.read(reader, &name, format_of(kind)).map_err(fail)?;
    let b = parts.builder.take().expect("given above");
    let read = if is_empty(&raw) {
        None
    } else {
        let mut b = b;
        raw.turns.iter().try_for_each(|t| b.push(t)).map_err(fail)?;
        let built = b.finish(&raw, opts).map_err(fail)?;
        Some(LineOf {
            id: raw.id,
            file: raw.file,
            warnings: raw.warnings,
            line: built.line,
            keys: built.keys,
            counts: built.counts,
        })
    };
    let mut read = read;
    if let Some((d, fp)) = &key {
        let (warnings, store) = match &mut read {
            Some(r) => {
                let store = cache::LineToCache {
                    id: &r.id,
                    fork: r.keys.fork,
                    keys: &r.keys.keys,
                    line: &mut r.line,
                };
                (&r.warnings[..], Some(store))
            }
            None => (&[][..], None),
        };
        cache::put_line(d, path, fp, &built, warnings, store);
    }
    Ok(read)
}

/// An I/O error reading or building a transcript's line, naming the file.
fn failed(name: &str, e: std::io::Error) -> String {
    format!("{name}: {}", LoadError::new("", e).message)
}

/// A reading of no prompt and no tool call.
fn is_empty(raw: &RawSession) -> bool {
    raw.turns.is_empty() && raw.turns_before == 0 && raw.actions_before_first_prompt == 0
}

/// Imports one transcript file; `Ok(None)` when it holds no prompt and no tool call.
pub(crate) fn import_file(
    path: &Path,
    kind: FileKind,
    opts: &ImportOptions,
    sib: &Siblings,
) -> Result<Option<Imported>, String> {
    import_with(path, kind, opts, sib, None)
}

/// [`import_file`], the whole reading kept (and cached); `reader`, when given, reads the
/// file from its start.
pub(super) fn import_with(
    path: &Path,
    kind: FileKind,
    opts: &ImportOptions,
    sib: &Siblings,
    reader: Option<Box<dyn BufRead + Send>>,
) -> Result<Option<Imported>, String> {
    let name = path.display().to_string();
    let key = (opts.cache_dir.as_ref()).and_then(|d| Some((d, fingerprint(path, sib)?)));
    let cached = key.as_ref().and_then(|(d, fp)| cache::get(d, path, fp));
    let raw = match cached {
        Some(raw) => raw,
        None => {
            let raw = Parts::new(path, sib, None, None)
                .read(reader, &name, format_of(kind))
                .map_err(|e| failed(&name, e))?;
            if let Some((d, fp)) = key.as_ref() {
                cache::put(d, path, fp, &raw);
            }
            raw
        }
    };
    if is_empty(&raw) {
        return Ok(None);
    }
    let (session, line) = build_line(&raw, opts);
    Ok(Some(Imported { raw, session, line }))
}
