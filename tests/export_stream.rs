//! `leash export` takes the turns, decisions and actions tables from each line as the corpus
//! loads (one reading); a flag only the loaded corpus decides (`--low-confidence-expertise
//! drop`, which drops nothing in these corpora) sends it the other way: the sessions selected
//! once loaded, each line read again. Both must write the same bytes.

mod support;

use std::path::{Path, PathBuf};

use support::export::{TRICKY, file, generated, leash};

/// The export of `inputs` by both ways, which must succeed; answers the two files' bytes.
fn both_ways(dir: &Path, inputs: &[PathBuf], table: &str, ext: &str, flags: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let run = |name: &str, extra: &[&str]| {
        let out = dir.join(format!("{table}-{name}.{ext}"));
        let o = leash()
            .arg("export")
            .args(inputs)
            .args(["--table", table, "-o"])
            .arg(&out)
            .args(flags)
            .args(extra)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::read(out).unwrap()
    };
    (run("one", &[]), run("two", &["--low-confidence-expertise", "drop"]))
}

#[test]
fn one_reading_writes_the_same_files_as_two_over_several_blocks_and_batches() {
    let dir = tempfile::tempdir().unwrap();
    // About 20 MB: three blocks of the loader, three batches (row groups) of the export.
    let corpus = generated(dir.path(), 4500, 5);
    for table in ["turns", "decisions", "actions"] {
        let (one, two) = both_ways(dir.path(), std::slice::from_ref(&corpus), table, "parquet", &[]);
        assert!(one.len() > 100_000, "{table}: {} bytes", one.len());
        assert!(one == two, "{table}: the two ways differ");
    }
    let flags = [
        "--mode",
        "fix",
        "--ratified-as",
        "agent",
        "--since",
        "2026-02-01",
        "--query",
        "test",
    ];
    for table in ["turns", "decisions", "actions"] {
        let (one, two) = both_ways(dir.path(), std::slice::from_ref(&corpus), table, "csv", &flags);
        assert!(
            one.iter().filter(|&&b| b == b'\n').count() > 10,
            "{table}: rows are kept"
        );
        assert!(one == two, "{table} filtered: the two ways differ");
    }
}

/// A line the loader's scanner gives up on (an escaped key) is read by serde_json instead;
/// a bad line and a repeated id (in another file) give no rows, the first of an id stands.
#[test]
fn refused_bad_and_repeated_lines_are_taken_as_the_loader_takes_them() {
    let dir = tempfile::tempdir().unwrap();
    // The scanner has told of the first turn's rows when it meets the escaped key: they are
    // forgotten, and serde_json's reading of the line stands.
    let escaped = concat!(
        r#"{"id":"e1","mode":"fix","turns":[{"prompt":"p1","actions":[{"tool":"Read"}],"decisions":[{"id":"d0","kind":"execution","actor":"human"}]},"#,
        r#"{"\u0070rompt":"p","actions":[{"tool":"Bash","target":"ls","ok":false}],"response":"a b","decisions":[{"id":"d1","kind":"planning","actor":"agent","ratified":true,"summary":"s"}]}]}"#
    );
    let a = file(
        dir.path(),
        "a.jsonl",
        &format!("{TRICKY}{escaped}\n{{\"id\":\"bad\",\"turns\":[{{}}]}}\n"),
    );
    let repeat = r#"{"id":"t1","turns":[{"prompt":"not this one","actions":[{"tool":"X"}],"decisions":[{"id":"z","kind":"planning","actor":"human"}]}]}"#;
    let b = file(
        dir.path(),
        "b.jsonl",
        &format!("{repeat}\n{{\"id\":\"b1\",\"turns\":[{{\"prompt\":\"q\"}}]}}\n"),
    );
    let inputs = [a, b];
    for table in ["turns", "decisions", "actions"] {
        for flags in [&[][..], &["--ratified-as", "human"], &["--mode", "fix"]] {
            let (one, two) = both_ways(dir.path(), &inputs, table, "jsonl", flags);
            let text = String::from_utf8(one.clone()).unwrap();
            assert!(one == two, "{table} {flags:?}: the two ways differ:\n{text}");
            assert!(
                text.contains("\"e1\""),
                "{table} {flags:?}: the escaped key's line is in:\n{text}"
            );
            let e1 = text.lines().filter(|l| l.contains(r#""e1""#)).count();
            assert_eq!(e1, 2, "{table} {flags:?}: each of e1's rows once:\n{text}");
            assert!(
                !text.contains("not this one") && !text.contains("\"X\""),
                "the first t1 stands"
            );
        }
    }
}
