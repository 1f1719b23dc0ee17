//! Importing one transcript file: its cached line or reading when nothing changed, else
//! its reading (Claude Code with its sub-agent files), classified into its corpus line.

use std::io::BufRead;
use std::path::Path;

use super::forks::TurnKeys;
use super::{FileKind, ImportOptions, Imported, Siblings, build_line, cache, claude, codex, detect, subagents};
use crate::corpus::LoadError;
use crate::model::Session;
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

/// The cached line of a file, if the cache is on and nothing it depends on changed.
pub(super) fn cached_line(path: &Path, opts: &ImportOptions, sib: &Siblings) -> Option<Option<Imported>> {
    let d = opts.cache_dir.as_ref()?;
    let fp = fingerprint(path, sib)?;
    let built = cache::built_under(opts.expertise_map.digest());
    let (warnings, line) = cache::get_line(d, path, &fp, &built)?;
    Some(line.map(|l| slim(path, warnings, l)))
}

/// An [`Imported`] holding only the line, the session id (read from the line), the file and
/// the warnings.
fn slim(path: &Path, warnings: Vec<String>, line: String) -> Imported {
    #[derive(serde::Deserialize)]
    struct Id {
        id: String,
    }
    let id = serde_json::from_str::<Id>(&line).map(|i| i.id).unwrap_or_default();
    Imported {
        raw: RawSession {
            id,
            file: path.display().to_string(),
            warnings,
            ..RawSession::default()
        },
        session: Session::default(),
        line,
    }
}

/// [`import_file`] for [`super::open_inputs`]: only the corpus line, the session id and the
/// warnings are kept, with the turns' keys, and the line is cached (the lookup is
/// [`cached_line`]).
pub(super) fn import_line(
    path: &Path,
    kind: FileKind,
    opts: &ImportOptions,
    sib: &Siblings,
    reader: Option<Box<dyn BufRead + Send>>,
) -> Result<Option<(Imported, TurnKeys)>, String> {
    let built = cache::built_under(opts.expertise_map.digest());
    let key = (opts.cache_dir.as_ref()).and_then(|d| Some((d, fingerprint(path, sib)?)));
    // Only the line is cached here: one file written per session, not two.
    let read = import_with(path, kind, opts, sib, false, reader)?;
    if let Some((d, fp)) = &key {
        let warnings = read.as_ref().map_or(&[][..], |i| &i.raw.warnings[..]);
        cache::put_line(d, path, fp, &built, warnings, read.as_ref().map(|i| i.line.as_str()));
    }
    Ok(read.map(|i| {
        let keys = TurnKeys::of_raw(&i.raw);
        let line = Imported {
            raw: RawSession {
                id: i.raw.id,
                file: i.raw.file,
                warnings: i.raw.warnings,
                ..RawSession::default()
            },
            session: Session::default(),
            line: i.line,
        };
        (line, keys)
    }))
}

/// Imports one transcript file; `Ok(None)` when it holds no prompt and no tool call.
pub(crate) fn import_file(
    path: &Path,
    kind: FileKind,
    opts: &ImportOptions,
    sib: &Siblings,
) -> Result<Option<Imported>, String> {
    import_with(path, kind, opts, sib, true, None)
}

/// [`import_file`]; `store_raw` caches the reading itself (for library callers that keep it);
/// `reader`, when given, reads the file from its start.
pub(super) fn import_with(
    path: &Path,
    kind: FileKind,
    opts: &ImportOptions,
    sib: &Siblings,
    store_raw: bool,
    reader: Option<Box<dyn BufRead + Send>>,
) -> Result<Option<Imported>, String> {
    let name = path.display().to_string();
    let format = format_of(kind);
    let key = (opts.cache_dir.as_ref()).and_then(|d| Some((d, fingerprint(path, sib)?)));
    let cached = key.as_ref().and_then(|(d, fp)| cache::get(d, path, fp));
    let raw = match cached {
        Some(raw) => raw,
        None => {
            let f = match reader {
                Some(r) => r,
                None => detect::open(path).map_err(|e| format!("{name}: {}", LoadError::new("", e).message))?,
            };
            let raw = read_transcript(f, path, &name, format, sib);
            if let Some((d, fp)) = key.as_ref().filter(|_| store_raw) {
                cache::put(d, path, fp, &raw);
            }
            raw
        }
    };
    if raw.turns.is_empty() && raw.actions_before_first_prompt == 0 {
        return Ok(None);
    }
    let (session, line) = build_line(&raw, opts);
    Ok(Some(Imported { raw, session, line }))
}

fn read_transcript(
    reader: Box<dyn BufRead + Send>,
    path: &Path,
    name: &str,
    format: Format,
    sib: &Siblings,
) -> RawSession {
    let stem = detect::stem(path);
    let mut raw = match format {
        Format::Codex => codex::parse(reader, name, &stem),
        Format::ClaudeCode => claude::parse(reader, name, &stem),
    };
    if format == Format::ClaudeCode {
        let mut w = Vec::new();
        subagents::attach_files(&mut raw, path, sib, &mut w);
        claude::resolve_persisted(&mut raw, path);
        raw.warnings.extend(w);
    }
    raw
}
