//! What the browser hands to the world outside its screen: text copied to the clipboard
//! (OSC 52, which works over SSH), and the open session shown in `$PAGER` / `$EDITOR`.
//! `update` only records the request; the event loop carries it out between frames.

use std::io::Write;
use std::path::PathBuf;

use base64::Engine;

use super::action::Mode;
use super::app::App;

/// A request for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Outside {
    /// Put this text on the clipboard.
    Copy(String),
    /// Show this file in the pager, the terminal handed over meanwhile.
    Page(PathBuf),
}

/// The OSC 52 sequence that puts `text` on the clipboard; the text travels base64-encoded,
/// so nothing in it reaches the terminal as a control.
pub fn osc52(text: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{b64}\x07")
}

/// The pager to run: `$PAGER`, else `$EDITOR`, else `less`, split into words.
pub fn pager() -> Vec<String> {
    let cmd = ["PAGER", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "less".into());
    cmd.split_whitespace().map(str::to_string).collect()
}

impl App {
    /// `y` then a key: what to copy.
    pub fn copy(&mut self, what: char) {
        self.mode = Mode::Browse;
        let Some(o) = &self.opened else { return };
        let row = &self.corpus.rows[o.row as usize];
        let src = &self.corpus.sources[row.loc.source as usize];
        let session = o.session.as_ref().ok();
        let turn = session.and_then(|s| s.turns.get(o.turn));
        let (name, text) = match what {
            'i' => ("the session id", Some(row.id.to_string())),
            'p' => ("where the session is", Some(format!("{}:{}", src.name, row.loc.line))),
            't' => ("the prompt", turn.map(|t| t.prompt.clone())),
            'd' => (
                "the decisions",
                turn.map(|t| {
                    t.decisions
                        .iter()
                        .map(|d| {
                            format!(
                                "{} {} {} {}",
                                d.kind.name(),
                                d.actor.name(),
                                d.category.as_deref().unwrap_or("-"),
                                d.summary.as_deref().unwrap_or("")
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                }),
            ),
            _ => return,
        };
        match text.filter(|t| !t.is_empty()) {
            Some(t) => {
                self.status = Some(format!("copied {name} ({} characters)", t.chars().count()));
                self.outside = Some(Outside::Copy(t));
            }
            None => self.status = Some(format!("nothing to copy: no {name} here")),
        }
    }

    /// `o`: the open session's corpus line, pretty-printed into a new temporary file, for the
    /// pager.
    pub fn page(&mut self) {
        let Some(o) = &self.opened else { return };
        let Ok(s) = &o.session else { return };
        let Ok(json) = serde_json::to_string_pretty(s) else {
            return;
        };
        let path = std::env::temp_dir().join(format!("leash-{}-{}.json", std::process::id(), o.row));
        // A new file only: never through a link, never over a file already there.
        let _ = std::fs::remove_file(&path);
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(json.as_bytes()));
        match written {
            Ok(()) => self.outside = Some(Outside::Page(path)),
            Err(e) => self.status = Some(format!("cannot write {}: {e}", path.display())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_base64_encoded() {
        assert_eq!(osc52("s-1"), "\x1b]52;c;cy0x\x07");
        let evil = osc52("\x1b]0;pwned\x07");
        assert_eq!(evil.matches('\x1b').count(), 1, "only the sequence's own escape");
    }
}
