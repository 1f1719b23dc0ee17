//! The real `leash` binary in a pseudo-terminal, its screen read by a terminal emulator
//! (`vt100`): tests send the bytes a terminal sends for each key and wait for what a person
//! would see. Every wait is for a screen condition, with a deadline, never a fixed sleep.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a screen condition may take before the test fails (generous: CI shares cores).
const DEADLINE: Duration = Duration::from_secs(20);

/// The bytes a terminal sends for a key, as the docs name them.
pub fn key(name: &str) -> &'static [u8] {
    match name {
        "Up" => b"\x1b[A",
        "Down" => b"\x1b[B",
        "Right" => b"\x1b[C",
        "Left" => b"\x1b[D",
        "PgUp" => b"\x1b[5~",
        "PgDn" => b"\x1b[6~",
        "Home" => b"\x1b[H",
        "End" => b"\x1b[F",
        "Enter" => b"\r",
        "Esc" => b"\x1b",
        "Tab" => b"\t",
        "Backspace" => b"\x7f",
        "Space" => b" ",
        other => panic!("no bytes for key {other}"),
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal has rows and columns")
}

pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Bytes read from the program so far: a screen is read only once they stop coming, so
    /// no assertion sees half a frame.
    seen: Arc<AtomicU64>,
    /// Every byte the program wrote (sequences the emulator does not keep, such as OSC 52).
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Term {
    /// Starts `leash ARGS` at `cols`×`rows` in `dir`, with its config and home in `dir` too.
    pub fn spawn(args: &[&str], cols: u16, rows: u16, dir: &Path) -> Term {
        Term::spawn_env(args, cols, rows, dir, &[])
    }

    /// [`Term::spawn`] with more environment variables.
    pub fn spawn_env(args: &[&str], cols: u16, rows: u16, dir: &Path, env: &[(&str, &str)]) -> Term {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_leash"));
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", dir);
        cmd.env("XDG_CONFIG_HOME", dir.join("config"));
        cmd.env("USER", "tester");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("PAGER");
        cmd.env_remove("LEASH_CONFIG");
        cmd.env_remove("EDITOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("leash starts");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let p = Arc::clone(&parser);
        let seen = Arc::new(AtomicU64::new(0));
        let count = Arc::clone(&seen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let all = Arc::clone(&raw);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                all.lock().unwrap().extend_from_slice(&buf[..n]);
                count.fetch_add(n as u64, Ordering::SeqCst);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Term {
            parser,
            seen,
            raw,
            writer,
            master: pair.master,
            child,
        }
    }

    /// Sends raw bytes (keys, text) as typed.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends one named key (see [`key`]).
    pub fn press(&mut self, name: &str) {
        self.send(key(name));
    }

    /// The screen as lines of text.
    pub fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Row `r` of the screen, as text.
    pub fn row(&self, r: u16) -> String {
        let p = self.parser.lock().unwrap();
        let (_, cols) = p.screen().size();
        p.screen().rows(0, cols.get()).nth(usize::from(r)).unwrap_or_default()
    }

    /// The rows drawn in reverse video between columns `from` and `to` (the selection).
    pub fn reversed_rows(&self, from: u16, to: u16) -> Vec<u16> {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        let (rows, _) = s.size();
        (0..rows.get())
            .filter(|&r| (from..to).any(|c| s.cell(r, c).is_some_and(|cell| cell.inverse())))
            .collect()
    }

    /// Waits until no output has arrived for a moment (the frame being drawn is complete).
    fn settle(&self) {
        let start = Instant::now();
        let mut last = self.seen.load(Ordering::SeqCst);
        loop {
            std::thread::sleep(Duration::from_millis(15));
            let now = self.seen.load(Ordering::SeqCst);
            if now == last || start.elapsed() > DEADLINE {
                return;
            }
            last = now;
        }
    }

    /// Waits until `cond` holds of the screen text; fails with the screen and `what` if
    /// it does not within the deadline.
    pub fn wait(&self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            self.settle();
            let t = self.text();
            if cond(&t) {
                return t;
            }
            assert!(start.elapsed() < DEADLINE, "waited for {what}; the screen:\n{t}");
        }
    }

    /// Waits until the screen shows `needle`.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait(&format!("{needle:?}"), |t| t.contains(needle))
    }

    /// Waits until a computed value of the screen satisfies `ok`, and returns it.
    pub fn wait_until<T: std::fmt::Debug>(&self, what: &str, get: impl Fn(&Term) -> T, ok: impl Fn(&T) -> bool) -> T {
        let start = Instant::now();
        loop {
            self.settle();
            let v = get(self);
            if ok(&v) {
                return v;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "waited for {what}; last {v:?}; the screen:\n{}",
                self.text()
            );
        }
    }

    /// Whether the program has written `bytes` (anywhere in its output so far).
    pub fn wrote(&self, bytes: &[u8]) -> bool {
        self.raw.lock().unwrap().windows(bytes.len()).any(|w| w == bytes)
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        self.master.resize(size).unwrap();
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
    }

    /// Waits for the program to exit and returns whether it exited successfully.
    pub fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            assert!(start.elapsed() < DEADLINE, "leash did not exit:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether the screen is back from the alternate screen (the terminal restored).
    pub fn restored(&self) -> bool {
        !self.parser.lock().unwrap().screen().alternate_screen()
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
