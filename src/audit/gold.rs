//! `leash audit export --format gold`: complete turns written in the gold format of
//! `../shared/gold/README.md`, so that a hand audit is the set `leash eval` scores the next
//! classifier against.

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use super::complete::Complete;
use crate::eval::GoldDecision;

#[derive(Serialize)]
struct Decision<'a> {
    kind: &'static str,
    actor: &'static str,
    category: &'a str,
    summary: &'a str,
    evidence: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    ratified: bool,
}

#[derive(Serialize)]
struct Line<'a> {
    source: String,
    session: &'a str,
    turn: usize,
    prompt_head: &'a str,
    decisions: Vec<Decision<'a>>,
    counts: Counts,
    note: &'static str,
}

#[derive(Serialize)]
struct Counts {
    planning_human: usize,
    planning_agent: usize,
    execution_human: usize,
    execution_agent: usize,
}

fn counts(ds: &[GoldDecision]) -> Counts {
    use crate::model::{Actor, Kind};
    let n = |k: Kind, a: Actor| ds.iter().filter(|d| d.kind == k && d.actor == a).count();
    Counts {
        planning_human: n(Kind::Planning, Actor::Human),
        planning_agent: n(Kind::Planning, Actor::Agent),
        execution_human: n(Kind::Execution, Actor::Human),
        execution_agent: n(Kind::Execution, Actor::Agent),
    }
}

/// `to` relative to folder `from` (both made absolute against the current folder; symbolic
/// links resolved where they exist), with `..` where needed.
pub fn relative(to: &Path, from: &Path) -> PathBuf {
    let abs =
        |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| std::env::current_dir().unwrap_or_default().join(p));
    let (to, from) = (abs(to), abs(from));
    let (t, f): (Vec<Component>, Vec<Component>) = (to.components().collect(), from.components().collect());
    let common = t.iter().zip(&f).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..f.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c);
    }
    out
}

/// Writes one gold line per complete turn whose session came from a transcript, `source`
/// relative to `folder` (where the gold file goes). Returns how many turns were written and
/// the sessions left out for want of a transcript.
pub fn write(out: &mut impl Write, c: &Complete, folder: &Path) -> io::Result<(usize, Vec<String>)> {
    let (mut written, mut left_out) = (0, Vec::new());
    for (t, (session, file)) in c.turns.iter().zip(&c.origin) {
        let Some(file) = file else {
            if !left_out.contains(session) {
                left_out.push(session.clone());
            }
            continue;
        };
        let g = &t.gold;
        let line = Line {
            source: relative(Path::new(file), folder).to_string_lossy().into_owned(),
            session,
            turn: g.turn,
            prompt_head: &g.prompt_head,
            decisions: g
                .decisions
                .iter()
                .map(|d| Decision {
                    kind: d.kind.name(),
                    actor: d.actor.name(),
                    category: &d.category,
                    summary: &d.summary,
                    evidence: &d.evidence,
                    ratified: d.ratified,
                })
                .collect(),
            counts: counts(&g.decisions),
            note: "exported from a leash hand audit (complete turn)",
        };
        let bytes = serde_json::to_vec(&line)?;
        out.write_all(crate::text::json_safe(&bytes).as_bytes())?;
        out.write_all(b"\n")?;
        written += 1;
    }
    Ok((written, left_out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_and_descend() {
        assert_eq!(
            relative(Path::new("/a/b/c.jsonl"), Path::new("/a/d")),
            Path::new("../b/c.jsonl")
        );
        assert_eq!(
            relative(Path::new("/a/b/c.jsonl"), Path::new("/a/b")),
            Path::new("c.jsonl")
        );
    }
}
