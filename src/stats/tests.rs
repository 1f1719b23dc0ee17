//! Every metric against a small corpus computed by hand.

use super::*;
use crate::corpus::{Corpus, Source};

/// s1 novice, verified: 2 turns (4 actions, 100 + 3 words); P-human, E-agent, P-agent (ratified), E-human.
/// s2 expert, failure: 1 turn, 0 actions, two E-agent and no planning decision.
/// s3 unknown expertise, no outcome, no turns at all.
/// s4 expert, success: 1 turn, 250 actions, 500 words; P-agent, P-agent, E-human.
const CORPUS: &str = r#"
{"id":"s1","expertise":1,"outcome":"verified_success","turns":[
  {"prompt":"fix auth","response_words":100,"actions":[{"tool":"Read"},{"tool":"Edit","ok":false},{"tool":"Bash"}],
   "decisions":[{"id":"d1","kind":"planning","actor":"human"},{"id":"d2","kind":"execution","actor":"agent"}]},
  {"prompt":"yes","response":"a b  c","actions":[{"tool":"Bash","target":"cargo test"}],
   "decisions":[{"id":"d3","kind":"planning","actor":"agent","ratified":true},{"id":"d4","kind":"execution","actor":"human"}]}]}
{"id":"s2","expertise":"expert","outcome":"failure","turns":[{"prompt":"p","decisions":[
  {"id":"d1","kind":"execution","actor":"agent"},{"id":"d2","kind":"execution","actor":"agent"}]}]}
{"id":"s3","expertise":null,"outcome":null,"turns":[]}
{"id":"s4","expertise":5,"outcome":"success","turns":[{"prompt":"big","response_words":500,"actions":[ACTIONS],
  "decisions":[{"id":"d1","kind":"planning","actor":"agent"},{"id":"d2","kind":"planning","actor":"agent"},
  {"id":"d3","kind":"execution","actor":"human"}]}]}
"#;

fn corpus() -> Corpus {
    let actions = vec![r#"{"tool":"Grep"}"#; 250].join(",");
    // One session per line: join each session's continuation lines.
    let mut lines = String::new();
    for l in CORPUS.replace("ACTIONS", &actions).lines() {
        if l.starts_with("{\"id\"") && !lines.is_empty() {
            lines.push('\n');
        }
        lines.push_str(l.trim());
    }
    let mut skips = Vec::new();
    let c = Corpus::load(vec![Source::memory("t", lines.into_bytes())], |s| {
        skips.push(s.to_string())
    })
    .unwrap();
    assert!(skips.is_empty(), "{skips:?}");
    assert_eq!(c.rows.len(), 4);
    c
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("defined");
    assert!((a - b).abs() < 1e-12, "{a} != {b}");
}

#[test]
fn totals_and_pooled_means() {
    let c = corpus();
    let r = Report::compute(&c.rows, RatifiedAs::Recorded, 0);
    assert_eq!((r.sessions, r.turns, r.actions), (4, 4, 254));
    assert_eq!(r.decisions.planning, ActorCounts { human: 1, agent: 3 });
    assert_eq!(r.decisions.execution, ActorCounts { human: 2, agent: 3 });
    close(r.turns_per_session.mean, 1.0);
    // turns 0,1,1,2: an even count, the mean of the middle two.
    close(r.turns_per_session.median, 1.0);
    close(r.actions_per_prompt.mean, 254.0 / 4.0);
    // APP of the sessions with turns: 2, 0, 250 (s3 takes no part).
    close(r.actions_per_prompt.median_session, 2.0);
    close(r.actions_per_prompt.share_sessions_over_100, 1.0 / 3.0);
    close(r.words_per_turn.mean, 603.0 / 4.0);
    close(r.verified_success_rate, 1.0 / 3.0);
}

#[test]
fn shares_medians_leave_out_sessions_without_decisions_of_the_kind() {
    let c = corpus();
    let r = Report::compute(&c.rows, RatifiedAs::Recorded, 0);
    close(r.planning_human_share.pooled, 0.25);
    // s1 0.5, s4 0.0; s2 and s3 have no planning decision.
    close(r.planning_human_share.median_session, 0.25);
    close(r.execution_human_share.pooled, 0.4);
    // s1 0.5, s2 0.0, s4 1.0.
    close(r.execution_human_share.median_session, 0.5);
}

#[test]
fn by_expertise_pools_each_level_and_leaves_empty_ones_null() {
    let c = corpus();
    let r = Report::compute(&c.rows, RatifiedAs::Recorded, 0);
    let n = &r.by_expertise.novice;
    assert_eq!(n.sessions, 1);
    close(n.actions_per_prompt, 2.0);
    close(n.words_per_turn, 51.5);
    close(n.planning_human_share, 0.5);
    close(n.execution_human_share, 0.5);
    close(n.verified_success_rate, 1.0);
    let e = &r.by_expertise.expert;
    assert_eq!(e.sessions, 2);
    close(e.actions_per_prompt, 125.0);
    close(e.words_per_turn, 250.0);
    close(e.planning_human_share, 0.0);
    close(e.execution_human_share, 1.0 / 3.0);
    close(e.verified_success_rate, 0.0);
    let u = &r.by_expertise.unknown;
    assert_eq!(u.sessions, 1);
    assert_eq!(
        (
            u.actions_per_prompt,
            u.words_per_turn,
            u.planning_human_share,
            u.verified_success_rate
        ),
        (None, None, None, None)
    );
    assert_eq!(r.by_expertise.beginner.sessions, 0);
    assert_eq!(r.by_expertise.beginner.actions_per_prompt, None);
}

#[test]
fn regimes_count_sessions_and_pool_their_actions() {
    let c = corpus();
    let r = Report::compute(&c.rows, RatifiedAs::Recorded, 0);
    // Only s4 keeps execution (1.0 > 0.8) and hands planning to the agent (0.0 < 0.2).
    assert_eq!(r.regimes.user_keeps_execution.sessions, 1);
    close(r.regimes.user_keeps_execution.actions_per_prompt, 250.0);
    assert_eq!(r.regimes.agent_controls_planning.sessions, 1);
    close(r.regimes.agent_controls_planning.actions_per_prompt, 250.0);
}

#[test]
fn ratified_decisions_move_when_asked() {
    let c = corpus();
    let r = Report::compute(&c.rows, RatifiedAs::Human, 0);
    assert_eq!(r.decisions.planning, ActorCounts { human: 2, agent: 2 });
    close(r.planning_human_share.pooled, 0.5);
    // s1 now 1.0, s4 0.0.
    close(r.planning_human_share.median_session, 0.5);
    let r = Report::compute(&c.rows, RatifiedAs::Agent, 0);
    assert_eq!(
        r.decisions.planning,
        ActorCounts { human: 1, agent: 3 },
        "the ratified one was already the agent's"
    );
}

#[test]
fn an_empty_set_has_null_figures_not_zero() {
    let r = Report::compute(&[], RatifiedAs::Recorded, 3);
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["sessions"], 0);
    assert!(v["turns_per_session"]["mean"].is_null());
    assert!(v["actions_per_prompt"]["median_session"].is_null());
    assert!(v["verified_success_rate"].is_null());
    assert!(v["by_expertise"]["unknown"]["planning_human_share"].is_null());
    assert_eq!(v["skipped_lines"], 3);
}

#[test]
fn median_of_odd_and_even_counts() {
    assert_eq!(median(&mut []), None);
    assert_eq!(median(&mut [3.0]), Some(3.0));
    assert_eq!(median(&mut [5.0, 1.0, 3.0]), Some(3.0));
    assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
}

#[test]
fn the_parallel_fold_gives_the_same_report() {
    let c = corpus();
    // Enough members to span several chunks, in an order other than the rows'.
    let members: Vec<u32> = (0..40_000u32).map(|i| (i * 7) % 4).collect();
    let rows: Vec<&SessionRow> = members.iter().map(|&i| &c.rows[i as usize]).collect();
    for how in [RatifiedAs::Recorded, RatifiedAs::Human] {
        assert_eq!(
            Report::compute_members(&c.rows, &members, how, 2),
            Report::compute(rows.iter().copied(), how, 2)
        );
    }
    assert_eq!(
        Report::compute_members(&c.rows, &[], RatifiedAs::Recorded, 0),
        Report::compute([], RatifiedAs::Recorded, 0)
    );
}
