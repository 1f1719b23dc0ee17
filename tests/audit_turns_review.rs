//! The two queues made for recall and for settling: whole turns stratified by expertise and
//! source format (turns the classifier found nothing in included), and the decisions where
//! auditors disagree with each other or with the classifier.

use std::collections::{BTreeMap, HashSet};

use leash::audit::forms::turn_id;
use leash::audit::queue::{Item, Order, build, disagreements};
use leash::audit::{AuditLog, Verdict, judgement};
use leash::corpus::{Corpus, Source};
use leash::model::{Actor, Kind};

/// Four strata (novice/expert × claude-code/codex), two sessions each, three turns each:
/// turn 1 with two decisions, turn 2 with none, turn 3 with one.
fn corpus() -> Corpus {
    let mut text = String::new();
    let mut n = 0;
    for exp in [1, 5] {
        for format in ["claude-code", "codex"] {
            for _ in 0..2 {
                n += 1;
                let d = |id: &str| format!(r#"{{"id":"{id}","kind":"planning","actor":"human","evidence":"{id}"}}"#);
                text += &format!(
                    r#"{{"id":"s{n}","expertise":{exp},"source_format":"{format}","turns":[{{"prompt":"a","decisions":[{},{}]}},{{"prompt":"b"}},{{"prompt":"c","decisions":[{}]}}]}}"#,
                    d("d1"),
                    d("d2"),
                    d("d3")
                );
                text.push('\n');
            }
        }
    }
    Corpus::load(vec![Source::memory("t.jsonl", text.into_bytes())], |s| panic!("{s}")).unwrap()
}

fn all(c: &Corpus) -> Vec<usize> {
    (0..c.rows.len()).collect()
}

/// The turns of a queue, in order: (session row, turn), each once, with their items.
fn turns(items: &[Item]) -> Vec<((usize, usize), Vec<&Item>)> {
    let mut out: Vec<((usize, usize), Vec<&Item>)> = Vec::new();
    for it in items {
        match out.last_mut() {
            Some((k, v)) if *k == (it.session, it.turn) => v.push(it),
            _ => out.push(((it.session, it.turn), vec![it])),
        }
    }
    out
}

#[test]
fn whole_turns_keep_every_decision_end_with_the_turn_and_share_the_strata() {
    let c = corpus();
    let q = build(&c, &all(&c), Order::Turns { n: 8, seed: 4 }).items;
    let t = turns(&q);
    assert_eq!(t.len(), 8, "eight whole turns, each contiguous");
    let distinct: HashSet<(usize, usize)> = t.iter().map(|(k, _)| *k).collect();
    assert_eq!(distinct.len(), 8, "no turn split in two");
    for ((row, turn), items) in &t {
        // Every decision of the turn in order, then the turn itself (where the missed ones
        // are added and the turn is marked complete); a turn without decisions too.
        let want: &[&str] = [&["d1", "d2", ""][..], &[""], &["d3", ""]][*turn];
        let ids: Vec<&str> = items.iter().map(|i| i.decision.as_str()).collect();
        assert_eq!(ids, want, "s{} turn {}", row + 1, turn + 1);
        let kinds: Vec<bool> = items.iter().map(|i| i.is_turn()).collect();
        assert_eq!(kinds.iter().filter(|&&k| k).count(), 1);
        assert_eq!(kinds.last(), Some(&true));
    }
    // Two turns from each stratum (expertise × source format).
    let mut per: BTreeMap<(Option<u8>, bool), usize> = BTreeMap::new();
    for ((row, _), _) in &t {
        *per.entry((c.rows[*row].expertise, *row % 4 < 2)).or_default() += 1;
    }
    assert_eq!(per.values().copied().collect::<Vec<_>>(), [2, 2, 2, 2], "{per:?}");
    // Seeded: the same seed, the same turns; another seed, others.
    assert_eq!(q, build(&c, &all(&c), Order::Turns { n: 8, seed: 4 }).items);
    assert_ne!(q, build(&c, &all(&c), Order::Turns { n: 8, seed: 5 }).items);
    // More than there are: every turn once.
    let every = build(&c, &all(&c), Order::Turns { n: 1000, seed: 1 }).items;
    assert_eq!(turns(&every).len(), 24);
}

#[test]
fn a_turn_item_is_done_once_the_turn_is_marked_complete() {
    let c = corpus();
    let q = build(&c, &[0], Order::Turns { n: 3, seed: 1 }).items;
    let empty = q.iter().find(|i| i.is_turn() && i.turn == 1).unwrap();
    let none = AuditLog::parse("a.jsonl".as_ref(), b"");
    assert!(empty.verdict(&c, &none).is_none());
    let line = serde_json::to_string(&Verdict::complete("s1", 2).with_auditor("ana").at("x")).unwrap();
    let log = AuditLog::parse("a.jsonl".as_ref(), format!("{line}\n").as_bytes());
    assert_eq!(
        empty.verdict(&c, &log).map(|v| v.decision.as_str()),
        Some(turn_id(2).as_str())
    );
}

#[test]
fn the_review_queue_holds_the_disagreements_until_settled() {
    let c = corpus();
    let s = c.session(0).unwrap();
    let ds = &s.turns[0].decisions;
    let j = |ti: usize, d: &leash::model::Decision, v: Verdict, who: &str| {
        serde_json::to_string(&judgement(&s, ti, d, v).with_auditor(who).at("x")).unwrap()
    };
    let (h, p) = (Actor::Human, Kind::Planning);
    let d3 = &s.turns[2].decisions[0];
    let mut lines = vec![
        // d1: ana and bob disagree with each other.
        j(0, &ds[0], Verdict::confirm("s1", "d1", h, p), "ana"),
        j(0, &ds[0], Verdict::relabel("s1", "d1", Actor::Agent, p), "bob"),
        // d2: ana alone rejects it: she disagrees with the classifier.
        j(0, &ds[1], Verdict::reject("s1", "d2"), "ana"),
        // d3: both agree with the classifier.
        j(2, d3, Verdict::confirm("s1", "d3", h, p), "ana"),
        j(2, d3, Verdict::confirm("s1", "d3", h, p), "bob"),
    ];
    let queue = |lines: &[String]| {
        let log = AuditLog::parse("a.jsonl".as_ref(), (lines.join("\n") + "\n").as_bytes());
        let items = build(&c, &[0], Order::Disagreements).items;
        let kept = disagreements(items, &c, &log);
        kept.iter().map(|i| i.decision.clone()).collect::<Vec<_>>()
    };
    assert_eq!(queue(&lines), ["d1", "d2"]);
    // cy settles d1 (a new line, marked): it leaves the queue; d2 stays.
    let mut settle = judgement(&s, 0, &ds[0], Verdict::relabel("s1", "d1", Actor::Agent, p));
    settle.settles = true;
    lines.push(serde_json::to_string(&settle.with_auditor("cy").at("y")).unwrap());
    assert_eq!(queue(&lines), ["d2"]);
}
