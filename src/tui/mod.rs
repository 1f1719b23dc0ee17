//! The terminal browser: every session of a corpus, who decides in each turn, and how the
//! filtered set compares with the study — live while the corpus loads.
//!
//! Architecture: terminal events (a reader thread) and worker reports (loader, search) reach
//! one loop over an mpsc channel; each becomes an [`Action`]; [`update`] is the only place
//! state changes, recomputing derived data (visible rows, report, histograms) as it goes;
//! [`view`] only draws. ratatui and crossterm are used nowhere else in the crate.

pub mod action;
pub mod app;
pub mod audit;
pub mod audit_add;
pub mod config;
mod derive;
mod export;
mod facets;
pub mod hist;
pub mod keys;
mod keys_audit;
pub mod layout;
pub mod meta;
mod opened;
pub mod outside;
mod prompt;
mod reports;
pub mod sanitize;
mod sort;
mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::corpus::{Source, load_sources};

pub use action::{Action, Mode, Msg};
pub use app::{App, TuiOptions};
pub use update::update;
pub use view::view;

/// Runs the browser over `sources` until the user quits. The first frame is drawn at once;
/// the corpus streams in behind it.
pub fn run(sources: Vec<Source>, mut opts: TuiOptions) -> color_eyre::Result<()> {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        opts.no_color = true;
    }
    let _ = color_eyre::install();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableMouseCapture) {
        restore();
        return Err(e.into());
    }
    let result = event_loop(sources, opts);
    restore();
    result
}

/// Leaves the alternate screen and raw mode (on quit, error and panic).
fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Carries out a copy (an OSC 52 sequence to the terminal) or runs the pager with the
/// terminal handed over, then takes it back.
fn hand_over(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    app: &mut App,
    out: outside::Outside,
    paused: &AtomicBool,
) -> color_eyre::Result<()> {
    use std::io::Write;
    match out {
        outside::Outside::Copy(text) => {
            let mut o = io::stdout();
            o.write_all(outside::osc52(&text).as_bytes())?;
            o.flush()?;
        }
        outside::Outside::Page(path) => {
            paused.store(true, Ordering::SeqCst);
            // The reader's poll in flight ends within its timeout.
            std::thread::sleep(Duration::from_millis(60));
            restore();
            let cmd = outside::pager();
            let status = std::process::Command::new(&cmd[0]).args(&cmd[1..]).arg(&path).status();
            let _ = std::fs::remove_file(&path);
            enable_raw_mode()?;
            execute!(
                io::stdout(),
                EnterAlternateScreen,
                EnableMouseCapture,
                crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
            )?;
            // Both buffers blank: the next frame is drawn whole. (Terminal::clear would ask
            // the terminal where its cursor is, and wait for the answer.)
            terminal.swap_buffers();
            paused.store(false, Ordering::SeqCst);
            if let Err(e) = status {
                app.status = Some(format!("cannot run {}: {e}", cmd[0]));
            }
        }
    }
    Ok(())
}

fn event_loop(sources: Vec<Source>, opts: TuiOptions) -> color_eyre::Result<()> {
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let (tx, rx) = mpsc::channel::<Msg>();
    let mut app = App::new(sources.clone(), opts, Some(tx.clone()));
    let size = terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    terminal.draw(|f| view(f, &app))?;

    let loader = tx.clone();
    std::thread::spawn(move || {
        let r = load_sources(&sources, |b| {
            let _ = loader.send(Msg::Act(Action::Loaded(vec![b])));
        });
        let _ = loader.send(Msg::Act(Action::LoadFinished(r.map_err(|e| e.to_string()))));
    });
    let input = tx;
    // Set while a pager has the terminal: the reader leaves its keys alone.
    let paused = Arc::new(AtomicBool::new(false));
    let pause = paused.clone();
    std::thread::spawn(move || {
        loop {
            if pause.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            match event::poll(Duration::from_millis(50)) {
                Ok(true) => match event::read() {
                    Ok(ev) => {
                        if input.send(Msg::Input(ev)).is_err() {
                            return;
                        }
                    }
                    Err(_) => return,
                },
                Ok(false) => {}
                Err(_) => return,
            }
        }
    });

    while !app.quit {
        let Ok(first) = rx.recv() else { break };
        // Handle everything already waiting before drawing once; consecutive loaded
        // batches are absorbed together.
        let mut batches = Vec::new();
        for msg in std::iter::once(first).chain(std::iter::from_fn(|| rx.try_recv().ok())) {
            let action = match msg {
                Msg::Act(Action::Loaded(b)) => {
                    batches.extend(b);
                    continue;
                }
                Msg::Act(a) => Some(a),
                Msg::Input(ev) => app.action_of(&ev),
            };
            if !batches.is_empty() {
                update(&mut app, Action::Loaded(std::mem::take(&mut batches)));
            }
            if let Some(a) = action {
                update(&mut app, a);
            }
            if app.quit {
                break;
            }
        }
        if !batches.is_empty() {
            update(&mut app, Action::Loaded(batches));
        }
        if let Some(out) = app.outside.take() {
            hand_over(&mut terminal, &mut app, out, &paused)?;
        }
        if !app.quit {
            terminal.draw(|f| view(f, &app))?;
        }
    }
    Ok(())
}
