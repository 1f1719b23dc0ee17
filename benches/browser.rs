//! What the browser costs at the study's scale, measured on the real `App` driven headless:
//! the first frame, a facet change (filter + header figures + three histograms, computed in
//! `update`), a search keystroke (the worker's match pass, then its ranking pass), and a
//! whole redraw. Run: `cargo bench --bench browser` (LEASH_BENCH_SESSIONS sets the corpus
//! size, default 400,000; the corpus is generated once under target/bench/).
//! Targets: first frame <= 100 ms; facet change <= 16 ms; search p50 <= 50 ms.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use leash::corpus::{Source, load_sources};
use leash::generate::{GenOptions, generate};
use leash::search::{Mode, Progress, Query, deep};
use leash::tui::{Action, App, TuiOptions, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn corpus_file(n: u64) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("corpus-{n}.jsonl"));
    if !path.exists() {
        eprintln!("generating {n} sessions into {} ...", path.display());
        let tmp = path.with_extension("tmp");
        let out = std::io::BufWriter::new(std::fs::File::create(&tmp).unwrap());
        generate(&GenOptions { sessions: n, seed: 1 }, out).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
    }
    path
}

fn summary(mut d: Vec<Duration>) -> String {
    d.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "p50 {:>7.2} ms   max {:>7.2} ms   (n={})",
        ms(d[d.len() / 2]),
        ms(d[d.len() - 1]),
        d.len()
    )
}

fn main() {
    let n: u64 = std::env::var("LEASH_BENCH_SESSIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(400_000);
    let sources = vec![Source::open(&corpus_file(n)).unwrap()];
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();

    // First frame: the app over a corpus not loaded yet, drawn.
    let t = Instant::now();
    let mut app = App::new(sources.clone(), TuiOptions::default(), None);
    term.draw(|f| view(f, &app)).unwrap();
    let first = t.elapsed();
    println!(
        "first frame       {:>7.2} ms   (target <= 100 ms; loading starts behind it)",
        first.as_secs_f64() * 1000.0
    );

    let t = Instant::now();
    let mut batches = Vec::new();
    load_sources(&sources, |b| batches.push(b)).unwrap();
    // Figures in `update` itself (the app hands them to a worker above a size threshold).
    app.async_reports = usize::MAX;
    update(&mut app, Action::Loaded(batches));
    println!(
        "load              {:>7.2} s    ({} sessions)",
        t.elapsed().as_secs_f64(),
        app.row_count()
    );

    // Facet changes: open the facet panel, then toggle and step through its rows.
    update(&mut app, Action::OpenFacets);
    let mut times = Vec::new();
    for round in 0..4 {
        for step in 0..8 {
            let t = Instant::now();
            update(&mut app, Action::FacetToggle);
            times.push(t.elapsed());
            let t = Instant::now();
            update(&mut app, Action::FacetToggle);
            times.push(t.elapsed());
            update(
                &mut app,
                if (round + step) % 2 == 0 {
                    Action::FacetDown
                } else {
                    Action::FacetUp
                },
            );
        }
        let t = Instant::now();
        update(&mut app, Action::CycleRatified);
        times.push(t.elapsed());
        let t = Instant::now();
        update(&mut app, Action::CycleCohorts);
        times.push(t.elapsed());
    }
    update(&mut app, Action::Close);
    let [filter, hist, reports, selection] = app.recount_us;
    println!(
        "facet change      {}   (filter + header + 3 histograms; target <= 16 ms)",
        summary(times)
    );
    println!(
        "  the last one:   filter {filter} us, histograms {hist} us, figures {reports} us, selection {selection} us"
    );

    // Search keystrokes as the worker runs them: which sessions match (the list and
    // histograms follow this), then the second pass: in words mode every prompt, file and
    // command of the others, then the scores; in fuzzy mode the scores and their floor.
    let cancel = AtomicBool::new(false);
    for mode in [Mode::Words, Mode::Fuzzy] {
        let (mut matching, mut second) = (Vec::new(), Vec::new());
        for q in ["refactor parser", "fix flaky test", "auth", "migrate schema"] {
            // As the app does: each keystroke goes on from where the last one's matches ended.
            let mut prev: Option<Progress> = None;
            for end in 1..=q.len() {
                let query = Query::with_mode(&q[..end], mode);
                let t = Instant::now();
                let progress = query.progress(&app.corpus.rows, prev.as_ref(), &cancel).unwrap();
                let mut member = progress.member();
                matching.push(t.elapsed());
                // The second pass runs once typing pauses; time it on whole words only.
                if end == q.len() || q.as_bytes()[end] == b' ' {
                    let t = Instant::now();
                    deep::widen(&query, &app.corpus, &mut member, &cancel).unwrap();
                    std::hint::black_box(query.score_matches(&app.corpus.rows, member, &cancel));
                    second.push(t.elapsed());
                }
                prev = Some(progress);
            }
        }
        let name = mode.name();
        println!(
            "search keystroke  {}   ({name}: matches, on the worker; target p50 <= 50 ms)",
            summary(matching)
        );
        let what = if mode == Mode::Words {
            "every prompt, file, command, then scores"
        } else {
            "fuzzy scores and floor"
        };
        println!(
            "  second pass     {}   ({what}, after the matches are shown)",
            summary(second)
        );
    }

    let mut times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        term.draw(|f| view(f, &app)).unwrap();
        times.push(t.elapsed());
        update(&mut app, Action::Down);
    }
    println!("redraw 200x50     {}", summary(times));
}
