//! `leash audit export`: the audited decisions joined with the classifier's labels (CSV,
//! JSON Lines), or the complete turns as gold. Reads only; writes only its output.

use std::io::{self, Write};
use std::path::PathBuf;

use super::super::{EXIT_FAILURE, EXIT_USAGE};
use super::{ExportArgs, ExportFormat, Failure, in_time, load, report_errors, report_unscored};
use crate::audit::export::{Row, write_csv, write_jsonl};
use crate::audit::join;
use crate::safe_fs::{OutputError, create_output, shown};

pub(super) fn export(args: ExportArgs) -> Result<i32, Failure> {
    let (corpus, log, _) = load(&args.input)?;
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let file = match output {
        Some(path) => {
            let read = || {
                let mut set = args.input.inputs.read_set();
                set.add(log.path());
                set
            };
            let file = create_output(path, None, read).map_err(|e| match e {
                OutputError::Refused(m) => (EXIT_USAGE, format!("{}: {m}", shown(path))),
                OutputError::Io(m) => (EXIT_FAILURE, format!("{}: {m}", shown(path))),
            })?;
            Some(file)
        }
        None => None,
    };
    let mut joined = join(&corpus, &log.latest());
    in_time(&mut joined, &corpus, &args.input.time);
    let code = report_errors(&joined.errors);
    report_unscored(&joined, "not exported");
    let gone = joined.orphans - joined.stale - joined.unmatched.len();
    if gone > 0 {
        eprintln!("leash audit: {gone} line(s) name a session, turn or decision the corpus lacks; not exported");
    }
    let mut rows: Vec<Row> = joined.audited.iter().map(|a| Row::new(&corpus, a)).collect();
    rows.extend(joined.added.iter().map(|&(r, v)| Row::added(&corpus, r, v)));
    let complete = crate::audit::complete::complete(&joined);
    // Gold sources are relative to the gold file's folder (the current one for stdout).
    let folder = match output.and_then(|p| p.parent()) {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let write = |out: &mut dyn Write| -> io::Result<()> {
        let mut out = io::BufWriter::new(out);
        match args.format {
            ExportFormat::Csv => write_csv(&mut out, &rows)?,
            ExportFormat::Jsonl => write_jsonl(&mut out, &rows)?,
            ExportFormat::Gold => {
                let (n, left_out) = crate::audit::gold::write(&mut out, &complete, &folder)?;
                eprintln!("leash audit: {n} complete turn(s) written as gold");
                if !left_out.is_empty() {
                    eprintln!(
                        "leash audit: complete turns of {} session(s) left out: not imported from a transcript (no source_file), which leash eval needs: {}",
                        left_out.len(),
                        crate::text::clean(&left_out.join(", "))
                    );
                }
            }
        }
        out.flush()
    };
    let (name, result) = match (output, file) {
        (Some(path), Some(mut f)) => (shown(path), write(&mut f)),
        _ => ("<stdout>".to_owned(), write(&mut io::stdout().lock())),
    };
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err((EXIT_FAILURE, format!("{name}: {e}"))),
        _ => Ok(code),
    }
}
