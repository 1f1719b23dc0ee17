use super::*;

/// Lines spread over many pieces and several blocks keep their numbers and offsets, bad
/// and blank lines included, whether the file is read in place or held in memory.
#[test]
fn line_numbers_and_offsets_hold_across_pieces_and_blocks() {
    let pad = "x".repeat(3000);
    let mut text = Vec::new();
    let mut expect_rows = Vec::new();
    let mut expect_skips = Vec::new();
    for n in 1..=7000u64 {
        let line = match n % 997 {
            0 => "{not json".to_owned(),
            500 => String::new(),
            _ => format!(r#"{{"id":"s{n}","title":"{pad}","turns":[]}}"#),
        };
        if n % 997 == 0 {
            expect_skips.push(n);
        } else if !line.is_empty() {
            expect_rows.push((format!("s{n}"), n, text.len() as u64));
        }
        text.extend_from_slice(line.as_bytes());
        text.extend_from_slice(if n % 3 == 0 { b"\r\n" } else { b"\n" });
    }
    assert!(text.len() > 2 * BLOCK, "spans blocks");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    std::fs::write(&path, &text).unwrap();
    for source in [Source::memory("mem", text.clone()), Source::open(&path).unwrap()] {
        let (mut rows, mut skips) = (Vec::new(), Vec::new());
        load_sources(std::slice::from_ref(&source), |b| {
            rows.extend(b.rows.into_iter().map(|(p, l)| (p.id.to_string(), l.line, l.offset)));
            skips.extend(b.skipped.into_iter().map(|s| s.line));
        })
        .unwrap();
        assert_eq!(skips, expect_skips);
        assert_eq!(rows, expect_rows);
    }
}
