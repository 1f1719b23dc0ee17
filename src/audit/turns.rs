//! Sampling whole turns for recall (`docs/audit.md`): recall needs turns judged in full, not
//! single decisions, so this queue picks turns (each with all its decisions, and turns where
//! the classifier found none), an equal share per stratum of expertise level × source format.

use std::collections::HashMap;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_pcg::Pcg64Mcg;

use super::queue::{Item, fill};
use crate::corpus::Corpus;

/// The source format of a session's line (`claude-code`, `codex`, or `v1`), read from the
/// importer's `source_format` key.
pub fn format_of(corpus: &Corpus, row: usize) -> String {
    #[derive(serde::Deserialize)]
    struct Provenance {
        source_format: Option<String>,
    }
    let loc = &corpus.rows[row].loc;
    let line = corpus.sources[loc.source as usize].read_at(loc).unwrap_or_default();
    serde_json::from_slice::<Provenance>(&line)
        .ok()
        .and_then(|p| p.source_format)
        .unwrap_or_else(|| "v1".to_owned())
}

/// `n` whole turns of the items (as [`super::queue::read`] gives them, empty turns
/// included), split as equally as possible between the strata present (a stratum with too
/// few passes the rest of its share on), seeded; turns in random order, each turn's
/// decisions together and in transcript order.
pub fn whole_turns(corpus: &Corpus, items: Vec<Item>, n: usize, seed: u64) -> Vec<Item> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    // Turns in order of first appearance, each with its items.
    let mut turns: Vec<Vec<Item>> = Vec::new();
    let mut at: HashMap<(usize, usize), usize> = HashMap::new();
    for it in items {
        let i = *at.entry((it.session, it.turn)).or_insert_with(|| {
            turns.push(Vec::new());
            turns.len() - 1
        });
        turns[i].push(it);
    }
    let mut formats: HashMap<usize, String> = HashMap::new();
    /// Expertise level and source format.
    type Stratum = (Option<u8>, String);
    let mut strata: Vec<(Stratum, Vec<Vec<Item>>)> = Vec::new();
    for t in turns {
        let row = t[0].session;
        let format = formats.entry(row).or_insert_with(|| format_of(corpus, row)).clone();
        let key = (corpus.rows[row].expertise, format);
        match strata.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => g.push(t),
            None => strata.push((key, vec![t])),
        }
    }
    // A stable order of strata, so that the seed alone decides the sample.
    strata.sort_by(|a, b| a.0.cmp(&b.0));
    let groups: Vec<Vec<Vec<Item>>> = strata.into_iter().map(|(_, g)| g).collect();
    let mut picked = fill(groups, n, &mut rng);
    picked.shuffle(&mut rng);
    picked.into_iter().flatten().collect()
}
