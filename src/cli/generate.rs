//! `leash generate`: write a synthetic v1 corpus.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::generate::tree::{TreeFormat, write_tree};
use crate::generate::{GenOptions, generate};

#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  leash generate --sessions 1000 --seed 7 > corpus.jsonl
  leash generate --sessions 400000 --seed 1 -o big.jsonl.gz
  leash generate --format claude-code --sessions 5000 -o /tmp/claude-projects
  leash generate --format codex --sessions 5000 -o /tmp/codex-home
  leash report /tmp/claude-projects          read the generated tree like a real history

The same --sessions and --seed always give the same bytes. A large corpus reproduces the
study's figures (see `leash report`).")]
pub struct Args {
    /// What to write: a v1 corpus (one file), or a folder tree of realistic Claude Code
    /// project folders or Codex rollouts (`-o DIR` required; the folder must not exist or be
    /// empty).
    #[arg(long, value_name = "FORMAT", default_value = "v1", value_parser = ["v1", "claude-code", "codex"])]
    pub format: String,
    /// How many sessions to write.
    #[arg(long, default_value_t = 1000)]
    pub sessions: u64,
    /// Seed of the generator: the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write to FILE instead of standard output (`-`; gzip-compressed when it ends in
    /// `.gz`; an existing file is overwritten, a symbolic link is refused).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args) -> i32 {
    let tree = match args.format.as_str() {
        "claude-code" => Some(TreeFormat::ClaudeCode),
        "codex" => Some(TreeFormat::Codex),
        _ => None,
    };
    if let Some(format) = tree {
        let Some(dir) = args.output else {
            eprintln!("leash: --format {} writes a folder: give it with -o DIR", args.format);
            return super::EXIT_USAGE;
        };
        return match write_tree(&dir, format, args.sessions, args.seed) {
            Ok(c) => {
                eprintln!(
                    "leash: wrote {} sessions ({} files, {} bytes) under {}",
                    c.sessions,
                    c.files,
                    c.bytes,
                    dir.display()
                );
                super::EXIT_OK
            }
            Err(e) => {
                eprintln!("leash: cannot write the tree under {}: {e}", dir.display());
                super::EXIT_FAILURE
            }
        };
    }
    let opts = GenOptions {
        sessions: args.sessions,
        seed: args.seed,
    };
    let Some(path) = args.output.filter(|p| p.as_os_str() != "-") else {
        if super::stdout_closed() {
            eprintln!("leash: standard output is closed; nothing written");
            return super::EXIT_FAILURE;
        }
        let stdout = io::stdout().lock();
        return match generate(&opts, BufWriter::with_capacity(1 << 20, stdout)) {
            Ok(()) => super::EXIT_OK,
            // `leash generate | head` is not a failure.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => super::EXIT_OK,
            Err(e) => {
                eprintln!("leash: cannot write to standard output: {e}");
                super::EXIT_FAILURE
            }
        };
    };
    let name = crate::safe_fs::shown(&path);
    // generate reads no file: nothing to compare with beyond links and non-files.
    let file = match crate::safe_fs::create_output(&path, None, Default::default) {
        Ok(f) => BufWriter::with_capacity(1 << 20, f),
        Err(e) => {
            eprintln!("leash: cannot create {name}: {e}");
            return match e {
                crate::safe_fs::OutputError::Refused(_) => super::EXIT_USAGE,
                crate::safe_fs::OutputError::Io(_) => super::EXIT_FAILURE,
            };
        }
    };
    let result = if path.extension().is_some_and(|e| e == "gz") {
        // Level 3: about twice as fast as the default for a fifth more bytes; the writer is the
        // bottleneck of a big corpus. (The demo asset is made with `gzip -9`.)
        let mut gz = GzEncoder::new(file, Compression::new(3));
        generate(&opts, &mut gz)
            .and_then(|()| gz.finish())
            .and_then(|mut f| f.flush())
    } else {
        let mut file = file;
        generate(&opts, &mut file).and_then(|()| file.flush())
    };
    match result {
        Ok(()) => super::EXIT_OK,
        Err(e) => {
            eprintln!("leash: cannot write {name}: {}", crate::safe_fs::describe(&e));
            super::EXIT_FAILURE
        }
    }
}
