//! Which of leash's decisions is which hand-labelled one, within one turn.
//!
//! The rule (also in `docs/eval.md`): a gold and a leash decision are *candidates* when their
//! evidence agrees, whatever their labels:
//! - when either evidence names a file (an edit's path), the two name the same file: equal
//!   paths, or one is the other's tail at a `/` (`/repo/src/a.rs` and `src/a.rs`);
//! - otherwise the quoted spans overlap: after folding case, quotes, backticks and white
//!   space, one contains the other, or at least half of the shorter one's words (and at
//!   least two, or its only word) are in the other.
//!
//! Candidates are paired greedily, one to one, best first: same kind and actor before
//! different, then same category, then the larger overlap. A pair whose kind and actor agree
//! is a hit; a pair that disagrees counts as a miss in both classes, and its labels feed the
//! kappas of actor and kind.

use std::collections::HashSet;

use super::gold::GoldDecision;
use crate::model::Decision;

/// Lowercase words of a text, quotes and punctuation folded away.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, '`' | '"' | '\'' | ',' | ';' | '(' | ')' | '…'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '/' | '.' | '_' | '-')))
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn folded(s: &str) -> String {
    words(s).join(" ")
}

/// The file paths a text names: tokens with a `/` or an extension, cut at `:`.
fn file_tokens(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, '`' | '"' | '\'' | ',' | ';' | '(' | ')'))
        .map(|w| w.split(':').next().unwrap_or(""))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '@' | '!' | '?')))
        .map(|w| w.trim_start_matches("./"))
        .filter(|w| {
            let base = w.rsplit('/').next().unwrap_or("");
            w.len() >= 2 && (w.contains('/') || base.contains('.') && !base.ends_with('.'))
        })
        .map(str::to_owned)
        .collect()
}

fn same_file(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_end_matches('/'), b.trim_end_matches('/'));
    a == b || a.ends_with(&format!("/{b}")) || b.ends_with(&format!("/{a}"))
}

/// Is the whole of a gold evidence a file path (an edit's label)?
fn is_path_label(s: &str) -> bool {
    let t = s.trim();
    !t.contains(char::is_whitespace) && file_tokens(t).len() == 1
}

/// How well two evidences agree: `None` when they are not candidates, else a similarity in
/// (0, 1].
pub fn overlap(gold: &str, leash: &str) -> Option<f64> {
    if is_path_label(gold) || is_path_label(leash) {
        let (g, l) = (file_tokens(gold), file_tokens(leash));
        let hit = g.iter().any(|a| l.iter().any(|b| same_file(a, b)));
        if hit {
            return Some(1.0);
        }
        if is_path_label(gold) && is_path_label(leash) {
            return None;
        }
    }
    let (g, l) = (folded(gold), folded(leash));
    if g.is_empty() || l.is_empty() {
        return None;
    }
    if g.contains(&l) || l.contains(&g) {
        let (short, long) = if g.len() <= l.len() { (&g, &l) } else { (&l, &g) };
        return (short.len() >= 3).then(|| 0.5 + 0.5 * short.len() as f64 / long.len() as f64);
    }
    let (gw, lw): (HashSet<String>, HashSet<String>) =
        (words(gold).into_iter().collect(), words(leash).into_iter().collect());
    let common = gw.intersection(&lw).count();
    let small = gw.len().min(lw.len());
    let enough = common >= 2 || small == 1 && common == 1;
    (enough && common * 2 >= small).then(|| 0.5 * common as f64 / small as f64)
}

/// The pairs `(gold index, leash index)` of one turn.
pub fn pair(gold: &[GoldDecision], leash: &[Decision]) -> Vec<(usize, usize)> {
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (li, l) in leash.iter().enumerate() {
            let Some(o) = overlap(&g.evidence, l.evidence.as_deref().unwrap_or("")) else {
                continue;
            };
            let class = f64::from(u8::from(g.kind == l.kind && g.actor == l.actor)) * 2.0;
            let cat = f64::from(u8::from(l.category.as_deref() == Some(g.category.as_str())));
            cands.push((class + cat + o, gi, li));
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gu, mut lu) = (vec![false; gold.len()], vec![false; leash.len()]);
    let mut out = Vec::new();
    for (_, gi, li) in cands {
        if !gu[gi] && !lu[li] {
            gu[gi] = true;
            lu[li] = true;
            out.push((gi, li));
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_match_by_their_tail() {
        assert!(overlap("/path/to/Demo/CLAUDE.md", "CLAUDE.md").is_some());
        assert!(overlap("src/a.rs", "/repo/src/a.rs: fn main() {").is_some());
        assert!(overlap("src/a.rs", "src/b.rs").is_none());
        assert!(overlap("a.rs", "xa.rs").is_none());
    }

    #[test]
    fn spans_match_by_containment_or_shared_words() {
        assert!(overlap("create TODO app", "/orchestrator create TODO app by Next.js").is_some());
        assert!(overlap("run `cargo test`", "cargo test --lib").is_some());
        assert!(overlap("Keep the Justfile", "please keep the justfile as it is").is_some());
        assert!(overlap("use sqlite", "the tests are green").is_none());
        assert!(
            overlap("a", "a b c").is_none(),
            "a one-letter containment is no evidence"
        );
    }
}
