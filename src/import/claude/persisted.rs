//! `<persisted-output>` markers: tool outputs kept in `tool-results/` beside the session.

use std::path::Path;

use crate::transcript::RawSession;

/// A tool output too large for the transcript is replaced there by a `<persisted-output>`
/// marker (a preview and the path of the full output) and kept in
/// `<session>/tool-results/`. Each such result becomes the start of the kept output when the
/// file is there (looked up by name beside this session: the marker's path is the writer's
/// machine's), else the marker's preview.
pub fn resolve_persisted(s: &mut RawSession, session_file: &Path) {
    let dir = session_file.parent().unwrap_or(Path::new("."));
    let folders = [dir.join(crate::import::detect::stem(session_file)), dir.join(&s.id)];
    for call in s.turns.iter_mut().flat_map(|t| t.calls.iter_mut()) {
        let Some(r) = call
            .result
            .as_deref()
            .filter(|r| r.trim_start().starts_with("<persisted-output>"))
        else {
            continue;
        };
        let saved = r
            .lines()
            .find_map(|l| l.split_once("saved to: ").map(|(_, p)| p.trim()));
        let file = saved.and_then(|p| Path::new(p).file_name());
        let full = file.and_then(|f| folders.iter().find_map(|d| read_head(&d.join("tool-results").join(f))));
        let preview = r
            .split_once("Preview")
            .map(|(_, p)| p.split_once(':').map_or(p, |x| x.1));
        let preview = preview.map(|p| p.replace("</persisted-output>", "").trim().to_owned());
        if let Some(text) = full.or(preview) {
            call.result = Some(text);
        }
    }
}

/// The first [`FIELD_KEEP`](crate::transcript::FIELD_KEEP) bytes of a file, as text.
fn read_head(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut buf = Vec::new();
    let f = std::fs::File::open(path).ok()?;
    f.take(crate::transcript::FIELD_KEEP as u64)
        .read_to_end(&mut buf)
        .ok()?;
    let text = String::from_utf8_lossy(&buf);
    Some(crate::transcript::truncate(&text, crate::transcript::FIELD_KEEP).to_owned())
}
