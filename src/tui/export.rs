//! `E`: the current view to a CSV file in the working directory, named on screen: the
//! sessions table of the filtered list (the header's filters and query, in the list's
//! order), or, with the turn view focused, the open session's decisions.

use super::action::Panel;
use super::app::App;
use crate::export::{Format, Table, file::create_new, write};

impl App {
    pub fn export(&mut self) {
        let (table, rows, stem) = match (&self.opened, self.focus) {
            (Some(o), Panel::Turn) => {
                let id = &self.corpus.rows[o.row as usize].id;
                (Table::Decisions, vec![o.row], format!("leash-decisions-{id}"))
            }
            _ => {
                let secs = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                // 2026-11-30T16:30:00Z -> 20261130-163000
                let stamp: String = crate::text::rfc3339_utc(secs)
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                let stamp = format!("{}-{}", &stamp[..8], &stamp[8..]);
                (Table::Sessions, self.visible.clone(), format!("leash-sessions-{stamp}"))
            }
        };
        let dir = std::env::current_dir().unwrap_or_else(|_| ".".into());
        let done = create_new(&dir, &stem, "csv")
            .map_err(|e| crate::safe_fs::describe(&e))
            .and_then(|(path, f)| {
                let out = std::io::BufWriter::new(f);
                write(&self.corpus, &rows, self.how, table, Format::Csv, out)
                    .map(|w| (path, w))
                    .map_err(|e| e.to_string())
            });
        self.status = Some(match done {
            Ok((path, w)) => {
                let what = match table {
                    Table::Decisions => format!("{} decision(s) of this session", w.rows),
                    _ => format!("{} session(s) of the filtered view", w.rows),
                };
                let name = path.file_name().map_or(path.clone(), Into::into);
                format!("exported {what} to {}", crate::text::clean(&name.to_string_lossy()))
            }
            Err(e) => format!("export failed: {}", crate::text::clean(&e)),
        });
    }
}
