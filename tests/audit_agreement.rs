//! Agreement math against confusion tables worked out by hand, and the join with a corpus.

use leash::audit::agreement::{band, kappa};
use leash::audit::{Audited, Verdict, agreement, by_confidence, by_expertise, inter_auditor, join};
use leash::corpus::{Corpus, Source};
use leash::model::{Actor, Kind};

use Actor::{Agent as A, Human as H};
use Kind::{Execution as E, Planning as P};

fn close(x: Option<f64>, want: f64) -> bool {
    x.is_some_and(|x| (x - want).abs() < 1e-12)
}

fn item(v: &Verdict, actor: Actor, kind: Kind, expertise: Option<u8>, confidence: Option<f64>) -> Audited<'_> {
    Audited {
        session: 0,
        expertise,
        decision: v.decision.clone(),
        turn: 0,
        rule: None,
        format: "v1".into(),
        actor,
        kind,
        confidence,
        verdict: v,
    }
}

/// Ten verdicts: four confirms, four relabels, two rejects.
fn ten() -> (Vec<Verdict>, Vec<(Actor, Kind)>) {
    let labels = vec![
        (H, P),
        (H, P),
        (A, E),
        (A, E),
        (A, P),
        (A, E),
        (H, E),
        (A, P),
        (H, P),
        (A, E),
    ];
    let verdicts = vec![
        Verdict::confirm("s", "1", H, P),
        Verdict::confirm("s", "2", H, P),
        Verdict::confirm("s", "3", A, E),
        Verdict::confirm("s", "4", A, E),
        Verdict::relabel("s", "5", H, P),
        Verdict::relabel("s", "6", H, E),
        Verdict::relabel("s", "7", H, P),
        Verdict::relabel("s", "8", A, E),
        Verdict::reject("s", "9"),
        Verdict::reject("s", "10"),
    ];
    (verdicts, labels)
}

#[test]
fn counts_confusion_accuracy_and_kappa_match_the_hand_worked_table() {
    let (verdicts, labels) = ten();
    let items: Vec<Audited> = verdicts
        .iter()
        .zip(&labels)
        .map(|(v, &(a, k))| item(v, a, k, None, None))
        .collect();
    let g = agreement(&items, 3);
    assert_eq!(
        (g.audited, g.confirmed, g.relabelled, g.rejected, g.orphans),
        (10, 4, 4, 2, 3)
    );
    // Actor: rows classifier, columns auditor. H: 1,2,7 -> H. A: 3,4,8 -> A; 5,6 -> H.
    assert_eq!(g.actor.confusion.counts, [[3, 0], [2, 3]]);
    assert!(close(g.actor.accuracy, 0.75));
    // p_o = 6/8, p_e = (3*5 + 5*3)/64 = 30/64, kappa = (48-30)/(64-30) = 9/17.
    assert!(close(g.actor.kappa, 9.0 / 17.0), "{:?}", g.actor.kappa);
    // Kind: P: 1,2,5 -> P, 8 -> E. E: 3,4,6 -> E, 7 -> P. p_e = 1/2, kappa = 1/2.
    assert_eq!(g.kind.confusion.counts, [[3, 1], [1, 3]]);
    assert!(close(g.kind.accuracy, 0.75));
    assert!(close(g.kind.kappa, 0.5));
}

#[test]
fn kappa_is_null_when_chance_agreement_is_one_or_nothing_was_audited() {
    let v = Verdict::confirm("s", "d", H, P);
    let items = vec![item(&v, H, P, None, None); 4];
    let g = agreement(&items, 0);
    assert_eq!(g.actor.confusion.counts, [[4, 0], [0, 0]]);
    assert_eq!((g.actor.accuracy, g.actor.kappa), (Some(1.0), None));
    assert_eq!((g.kind.accuracy, g.kind.kappa), (Some(1.0), None));

    let none = agreement(&[], 2);
    assert_eq!((none.audited, none.orphans), (0, 2));
    assert_eq!(
        (none.actor.accuracy, none.actor.kappa, none.kind.kappa),
        (None, None, None)
    );

    assert_eq!(kappa(&[[2, 0], [0, 2]]), Some(1.0));
    assert_eq!(kappa(&[[0, 2], [2, 0]]), Some(-1.0));
    assert_eq!(kappa(&[[0, 3], [0, 0]]), Some(0.0), "p_e = 0, p_o = 0");
}

#[test]
fn all_rejected_counts_but_has_no_accuracy() {
    let v = Verdict::reject("s", "d");
    let items = vec![item(&v, A, E, None, None); 3];
    let g = agreement(&items, 0);
    assert_eq!((g.audited, g.rejected, g.confirmed), (3, 3, 0));
    assert_eq!(g.actor.confusion.counts, [[0, 0], [0, 0]]);
    assert_eq!(
        (g.actor.accuracy, g.actor.kappa, g.kind.accuracy, g.kind.kappa),
        (None, None, None, None)
    );
}

#[test]
fn stats_json_has_the_contract_keys_in_order_with_nulls() {
    let g = agreement(&[], 1);
    let json = serde_json::to_string(&g).unwrap();
    assert_eq!(
        json,
        r#"{"audited":0,"confirmed":0,"relabelled":0,"rejected":0,"orphans":1,"actor":{"accuracy":null,"kappa":null,"confusion":{"human":{"human":0,"agent":0},"agent":{"human":0,"agent":0}}},"kind":{"accuracy":null,"kappa":null,"confusion":{"planning":{"planning":0,"execution":0},"execution":{"planning":0,"execution":0}}}}"#
    );
}

#[test]
fn breakdowns_group_by_expertise_and_confidence_band() {
    assert_eq!(
        [
            None,
            Some(0.0),
            Some(0.49),
            Some(0.5),
            Some(0.7),
            Some(0.89),
            Some(0.9),
            Some(1.0)
        ]
        .map(band),
        [
            "none", "<0.5", "<0.5", "0.5-0.7", "0.7-0.9", "0.7-0.9", ">=0.9", ">=0.9"
        ]
    );
    let ok = Verdict::confirm("s", "d", H, P);
    let fix = Verdict::relabel("s", "d", A, P);
    let items = vec![
        item(&ok, H, P, Some(1), Some(0.95)),
        item(&fix, H, P, Some(1), Some(0.3)),
        item(&ok, H, P, None, Some(0.92)),
    ];
    let e = by_expertise(&items);
    let groups: Vec<_> = e
        .iter()
        .map(|b| (b.group.as_str(), b.stats.audited, b.stats.actor.accuracy))
        .collect();
    assert_eq!(groups, [("novice", 2, Some(0.5)), ("unknown", 1, Some(1.0))]);
    let c = by_confidence(&items);
    let groups: Vec<_> = c
        .iter()
        .map(|b| (b.group.as_str(), b.stats.audited, b.stats.relabelled))
        .collect();
    assert_eq!(groups, [("<0.5", 1, 1), (">=0.9", 2, 0)]);
}

#[test]
fn inter_auditor_kappa_treats_reject_as_a_third_category() {
    let mk = |d: &str, who: &str, v: Verdict| Verdict {
        decision: d.into(),
        ..v.with_auditor(who)
    };
    let vs = [
        mk("1", "ana", Verdict::confirm("s", "", H, P)),
        mk("2", "ana", Verdict::confirm("s", "", H, P)),
        mk("3", "ana", Verdict::relabel("s", "", A, P)),
        mk("4", "ana", Verdict::reject("s", "")),
        mk("1", "bob", Verdict::confirm("s", "", H, P)),
        mk("2", "bob", Verdict::relabel("s", "", A, E)),
        mk("3", "bob", Verdict::relabel("s", "", A, P)),
        mk("4", "bob", Verdict::reject("s", "")),
        mk("9", "cy", Verdict::reject("s", "")),
    ];
    let items: Vec<Audited> = vs.iter().map(|v| item(v, H, P, None, None)).collect();
    let pairs = inter_auditor(&items);
    assert_eq!(pairs.len(), 1, "cy shares no decision with anyone");
    let p = &pairs[0];
    assert_eq!((p.a.as_str(), p.b.as_str(), p.shared), ("ana", "bob", 4));
    // Actor [[1,1,0],[0,1,0],[0,0,1]]: p_o 3/4, p_e 5/16 -> 7/11.
    assert!(close(p.actor_kappa, 7.0 / 11.0), "{:?}", p.actor_kappa);
    // Kind [[2,1,0],[0,0,0],[0,0,1]]: p_o 3/4, p_e 7/16 -> 5/9.
    assert!(close(p.kind_kappa, 5.0 / 9.0), "{:?}", p.kind_kappa);
    assert!(close(p.actor_agreement, 0.75) && close(p.kind_agreement, 0.75));
}

#[test]
fn join_matches_verdicts_to_labels_and_counts_orphans() {
    let corpus_text = concat!(
        r#"{"id":"s-1","expertise":"expert","turns":[{"prompt":"p","decisions":["#,
        r#"{"id":"d1","kind":"planning","actor":"human","confidence":0.95},"#,
        r#"{"id":"d2","kind":"execution","actor":"agent","confidence":0.4}]}]}"#,
        "\n",
        r#"{"id":"s-2","turns":[{"prompt":"q","decisions":[{"id":"d1","kind":"execution","actor":"agent"}]}]}"#,
        "\n"
    );
    let corpus = Corpus::load(vec![Source::memory("c.jsonl", corpus_text.into())], |s| panic!("{s}")).unwrap();
    let vs = [
        Verdict::confirm("s-1", "d1", H, P),
        Verdict::relabel("s-2", "d1", H, E),
        Verdict::reject("s-1", "d9"),
        Verdict::confirm("s-3", "d1", H, P),
    ];
    let refs: Vec<&Verdict> = vs.iter().collect();
    let j = join(&corpus, &refs);
    assert!(j.errors.is_empty());
    assert_eq!(j.orphans, 2);
    let got: Vec<_> = j
        .audited
        .iter()
        .map(|a| (a.session, a.actor, a.kind, a.confidence, a.expertise))
        .collect();
    assert_eq!(got, [(0, H, P, Some(0.95), Some(5)), (1, A, E, None, None)]);
    let g = agreement(&j.audited, j.orphans);
    assert_eq!((g.audited, g.orphans), (2, 2));
    assert_eq!(g.actor.confusion.counts, [[1, 0], [1, 0]]);
    assert_eq!(g.kind.confusion.counts, [[1, 0], [0, 1]]);
}
