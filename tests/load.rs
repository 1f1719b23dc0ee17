//! The loader against bad lines, gzip, several files and repeated ids.

use std::io::Write;

use leash::corpus::{Corpus, Source};

fn load(sources: Vec<Source>) -> (Corpus, Vec<String>) {
    let mut skips = Vec::new();
    let c = Corpus::load(sources, |s| skips.push(s.to_string())).expect("loads");
    (c, skips)
}

fn mem(text: &str) -> Source {
    Source::memory("c.jsonl", text.as_bytes().to_vec())
}

#[test]
fn bad_lines_are_skipped_whole_and_named_and_the_rest_loads() {
    let text = [
        r#"{"id":"ok1","turns":[]}"#,
        "",
        "not json",
        r#"{"id":"no-turns"}"#,
        r#"{"id":"bad-kind","turns":[{"prompt":"p","decisions":[{"id":"d","kind":"plan","actor":"human"}]}]}"#,
        r#"{"id":"bad-level","expertise":9,"turns":[]}"#,
        r#"{"id":"bad-conf","turns":[{"prompt":"p","decisions":[{"id":"d","kind":"planning","actor":"human","confidence":1.5}]}]}"#,
        "{\"id\":\"nul\",\"turns\":[]}\0",
        r#"{"id":"dup-decision","turns":[{"prompt":"p","decisions":[{"id":"d","kind":"planning","actor":"human"}]},{"prompt":"q","decisions":[{"id":"d","kind":"execution","actor":"agent"}]}]}"#,
        r#"{"id":"bad-time","started_at":"yesterday","turns":[]}"#,
        r#"{"id":"no-prompt","turns":[{"actions":[]}]}"#,
        r#"{"id":"bad-action","turns":[{"prompt":"p","actions":[{"target":"x"}]}]}"#,
        r#"{"id":"ok1","turns":[{"prompt":"again"}]}"#,
        r#"{"id":"ok2","unknown_key":{"nested":[1,2]},"turns":[{"prompt":"p","extra":true,"actions":[{"tool":"Read","new":1}]}]}"#,
        "   ",
    ]
    .join("\n");
    let (c, skips) = load(vec![mem(&text)]);
    let ids: Vec<&str> = c.rows.iter().map(|r| &*r.id).collect();
    assert_eq!(ids, ["ok1", "ok2"]);
    assert_eq!(c.skipped, 11);
    let lines: Vec<&str> = skips.iter().map(|s| s.split(": ").next().unwrap()).collect();
    assert_eq!(
        lines,
        [
            "c.jsonl:3",
            "c.jsonl:4",
            "c.jsonl:5",
            "c.jsonl:6",
            "c.jsonl:7",
            "c.jsonl:8",
            "c.jsonl:9",
            "c.jsonl:10",
            "c.jsonl:11",
            "c.jsonl:12",
            "c.jsonl:13"
        ]
    );
    let reason = |n: usize| skips[n].split_once(": ").unwrap().1.to_owned();
    assert!(reason(0).starts_with("not valid JSON"), "{}", reason(0));
    assert!(reason(1).contains("missing field `turns`"));
    assert!(reason(2).contains("`plan`"));
    assert!(reason(3).contains("expertise 9 is outside 1-5"));
    assert!(reason(4).contains("confidence 1.5"));
    assert!(reason(5).contains("NUL byte"));
    assert!(reason(6).contains("decision id \"d\" repeats"));
    assert!(reason(7).contains("RFC 3339"));
    assert!(reason(10).contains("repeats the one at c.jsonl:1"));
    assert_eq!(c.rows[1].actions, 1, "unknown keys are ignored");
}

#[test]
fn aggregates_per_session_and_lazy_detail_agree() {
    let line = r#"{"id":"s","title":"T","turns":[{"prompt":"first\nsecond","actions":[{"tool":"Read"},{"tool":"Bash","ok":false}],"response":"one two"},{"prompt":"p2","actions":[{"tool":"Edit"}],"response_words":7}]}"#;
    let text = format!("{line}\n{}", line.replace(r#""id":"s","title":"T","#, r#""id":"u","#));
    let (c, _) = load(vec![mem(&text)]);
    let r = &c.rows[0];
    assert_eq!(
        (r.turns, r.actions, r.failed_actions, r.words, r.max_turn_actions),
        (2, 3, 1, 9, 2)
    );
    assert_eq!(&*r.title, "T");
    assert_eq!(
        &*c.rows[1].title, "first",
        "the title defaults to the first prompt's first line"
    );
    let full = c.session(1).unwrap();
    assert_eq!(full.id, "u");
    assert_eq!(full.turns[0].actions.len(), 2);
}

#[test]
fn gzip_files_and_several_paths_make_one_corpus_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("a.jsonl");
    std::fs::write(
        &plain,
        "{\"id\":\"a1\",\"turns\":[]}\r\n{\"id\":\"shared\",\"turns\":[]}\n",
    )
    .unwrap();
    let gz = dir.path().join("b.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(std::fs::File::create(&gz).unwrap(), flate2::Compression::default());
    enc.write_all(b"{\"id\":\"b1\",\"turns\":[{\"prompt\":\"x\"}]}\n{\"id\":\"shared\",\"turns\":[]}")
        .unwrap();
    enc.finish().unwrap();
    let before = std::fs::read(&plain).unwrap();
    let (c, skips) = load(vec![Source::open(&plain).unwrap(), Source::open(&gz).unwrap()]);
    let ids: Vec<&str> = c.rows.iter().map(|r| &*r.id).collect();
    assert_eq!(ids, ["a1", "shared", "b1"]);
    assert_eq!(skips.len(), 1);
    assert!(
        skips[0].starts_with(&format!("{}:2: session id \"shared\" repeats", gz.display())),
        "{}",
        skips[0]
    );
    assert_eq!(
        c.session(2).unwrap().turns[0].prompt,
        "x",
        "detail of a gzip session re-reads from memory"
    );
    assert_eq!(
        c.session(1).unwrap().id,
        "shared",
        "detail of a plain-file session re-reads from disk"
    );
    assert_eq!(std::fs::read(&plain).unwrap(), before, "the input is never written");
}

#[test]
fn long_files_cross_block_boundaries_without_losing_lines() {
    // Lines larger than a few KB over more than one 8 MiB block.
    let pad = "x".repeat(20_000);
    let text: String = (0..900)
        .map(|i| format!("{{\"id\":\"s{i}\",\"title\":\"{pad}\",\"turns\":[]}}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.jsonl");
    std::fs::write(&p, &text).unwrap();
    let (c, skips) = load(vec![Source::open(&p).unwrap()]);
    assert!(skips.is_empty());
    assert_eq!(c.rows.len(), 900);
    assert_eq!(c.rows[899].loc.line, 900);
    assert_eq!(c.session(899).unwrap().id, "s899");
}

#[test]
fn missing_files_and_folders_are_clear_errors() {
    let e = Source::open(std::path::Path::new("/no/such/corpus.jsonl")).unwrap_err();
    assert_eq!(e.to_string(), "/no/such/corpus.jsonl: no such file");
    let dir = tempfile::tempdir().unwrap();
    let e = Source::open(dir.path()).unwrap_err();
    assert!(e.to_string().ends_with("is a folder, not a corpus file"));
}
