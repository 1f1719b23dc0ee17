//! The search's part of `update`: a changed query cancels the pass in flight and starts the
//! next on a worker (matches first, then the deeper pass and the scores).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::search::Query;

use super::super::action::{Action, Msg};
use super::super::app::App;
use super::update;

/// The query changed: cancel the pass in flight and start a new one (or drop the query).
pub(super) fn requery(app: &mut App) {
    let q = Query::with_mode(&app.search.text, app.search.mode);
    if q.is_empty() {
        if let Some(c) = app.search.cancel.take() {
            c.store(true, Ordering::Relaxed);
        }
        app.search.query = None;
        app.search.scores = None;
        app.search.progress = None;
        app.search.pass += 1;
        app.search.running = false;
        app.search.ranking = false;
        app.recount();
        return;
    }
    app.search.query = Some(q);
    app.start_search();
}

impl App {
    /// Starts a search pass over the corpus on a worker thread (inline without a channel),
    /// cancelling the one in flight.
    pub fn start_search(&mut self) {
        if let Some(c) = self.search.cancel.take() {
            c.store(true, Ordering::Relaxed);
        }
        let Some(q) = &self.search.query else { return };
        self.search.pass += 1;
        self.search.running = true;
        self.search.ranking = false;
        let pass = self.search.pass;
        let text = q.text().to_owned();
        let mode = q.mode();
        // Typing on extends the query: each row's search goes on from where the last one ended.
        let prev = (self.search.progress.clone()).filter(|p| p.leads_to(q, self.corpus.rows.len()));
        let Some(tx) = self.tx.clone() else {
            let never = AtomicBool::new(false);
            let progress = q.progress(&self.corpus.rows, prev.as_deref(), &never).map(Arc::new);
            let scores = progress.as_ref().and_then(|p| {
                let mut member = p.member();
                crate::search::deep::widen(q, &self.corpus, &mut member, &never)?;
                q.score_matches(&self.corpus.rows, member, &never)
            });
            update(self, Action::SearchDone { pass, scores, progress });
            return;
        };
        let cancel = Arc::new(AtomicBool::new(false));
        self.search.cancel = Some(cancel.clone());
        let corpus = self.corpus.clone();
        // While rows load, every batch starts the search again over the new rows; ranking
        // each time would take the cores from loading, so it waits for the last batch.
        let rank = self.loading.done;
        std::thread::spawn(move || {
            // Two steps: which sessions match (fast: the list and histograms follow at once),
            // then their fuzzy scores, to rank the list. A newer keystroke cancels either.
            let q = Query::with_mode(&text, mode);
            let scores = search_pool().install(|| {
                q.progress(&corpus.rows, prev.as_deref(), &cancel).and_then(|progress| {
                    let member = progress.member();
                    // A copy to rank only when ranking follows (not while rows load).
                    let to_rank = rank.then(|| member.clone());
                    let _ = tx.send(Msg::Act(Action::SearchDone {
                        pass,
                        scores: Some(member),
                        progress: Some(Arc::new(progress)),
                    }));
                    // Then, in words mode, every prompt, file and command of the others; then
                    // the scores (a fuzzy floor drops the weakest).
                    to_rank.and_then(|mut m| {
                        crate::search::deep::widen(&q, &corpus, &mut m, &cancel)?;
                        q.score_matches(&corpus.rows, m, &cancel)
                    })
                })
            });
            // Let go of the corpus before the last report (even a cancelled pass sends one),
            // so that loading held back meanwhile can go on.
            drop(corpus);
            let _ = tx.send(Msg::Act(Action::SearchDone {
                pass,
                scores,
                progress: None,
            }));
        });
    }
}

/// The threads that search runs on, apart from rayon's global pool: ranking 400K sessions
/// keeps a pool busy for most of a second, and `update`'s own parallel passes (the filter,
/// the histograms) queued behind it would freeze the screen meanwhile.
fn search_pool() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("leash-search-{i}"))
            .build()
            .expect("a thread pool for search")
    })
}
