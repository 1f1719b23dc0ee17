//! The projects of the synthetic v1 corpus: each has one language and stack, a file tree
//! laid out as that stack lays it out, and the subjects its work is about; and the modes
//! of work.

use rand::RngExt;
use rand_pcg::Pcg64;

/// A language and its tooling: where a subject's module and its tests live, and the
/// commands that check them.
pub struct Stack {
    /// The module of a subject, `{s}` being its stem.
    pub module: &'static str,
    /// The module's tests.
    pub test_file: &'static str,
    /// The project's configuration module (every project has one).
    pub config: &'static str,
    /// The manifest read to learn the stack.
    pub manifest: &'static str,
    /// The module's tests alone.
    pub test: &'static str,
    /// The whole project's lint or type check.
    pub lint: &'static str,
    /// A benchmark of the module.
    pub bench: &'static str,
    /// Where the tests' source folder is searched.
    pub src: &'static str,
    /// Reference documentation the agent may fetch.
    pub docs_url: &'static str,
    /// A signature in the language, `{s}` being the stem and `{S}` its capitalised form.
    pub signature: &'static str,
}

pub const RUST: Stack = Stack {
    module: "src/{s}.rs",
    test_file: "tests/{s}.rs",
    config: "src/config.rs",
    manifest: "Cargo.toml",
    test: "cargo test --test {s}",
    lint: "cargo clippy --all-targets -- -D warnings",
    bench: "cargo bench --bench {s}",
    src: "src",
    docs_url: "https://doc.rust-lang.org/std/result/",
    signature: "pub fn {s}_limit(cfg: &Config) -> Result<usize, {S}Error>",
};

pub const PYTHON: Stack = Stack {
    module: "app/{s}.py",
    test_file: "tests/test_{s}.py",
    config: "app/settings.py",
    manifest: "pyproject.toml",
    test: "pytest tests/test_{s}.py",
    lint: "ruff check app tests",
    bench: "python -m cProfile -s cumtime scripts/bench_{s}.py",
    src: "app",
    docs_url: "https://docs.python.org/3/library/datetime.html",
    signature: "def {s}_limit(settings: Settings) -> int:",
};

pub const TYPESCRIPT: Stack = Stack {
    module: "src/lib/{s}.ts",
    test_file: "src/lib/{s}.test.ts",
    config: "src/lib/config.ts",
    manifest: "package.json",
    test: "npx vitest run src/lib/{s}.test.ts",
    lint: "npx tsc --noEmit",
    bench: "npx vitest bench src/lib/{s}.bench.ts",
    src: "src",
    docs_url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status",
    signature: "export function {s}Limit(config: Config): number",
};

pub const GO: Stack = Stack {
    module: "internal/{s}/{s}.go",
    test_file: "internal/{s}/{s}_test.go",
    config: "internal/config/config.go",
    manifest: "go.mod",
    test: "go test ./internal/{s}/",
    lint: "go vet ./...",
    bench: "go test -bench . ./internal/{s}/",
    src: "internal",
    docs_url: "https://pkg.go.dev/net/http",
    signature: "func {S}Limit(cfg *config.Config) (int, error)",
};

/// A repository: its name, its stack and the subjects (indices into
/// [`super::subject::SUBJECTS`]) its sessions work on.
pub struct Project {
    pub name: &'static str,
    pub stack: &'static Stack,
    pub subjects: &'static [usize],
}

// Subject indices, named for readability (see `subject.rs`).
const UPLOAD: usize = 0;
const LOGIN: usize = 1;
const EXPORT: usize = 2;
const CACHE: usize = 3;
const RETRY: usize = 4;
const QUEUE: usize = 5;
const SEARCH: usize = 6;
const PAGES: usize = 7;
const WEBHOOK: usize = 8;
const INVOICE: usize = 9;
const SCHEDULE: usize = 10;
const MIGRATE: usize = 11;
const THEME: usize = 12;
const SOCKET: usize = 13;

const fn p(name: &'static str, stack: &'static Stack, subjects: &'static [usize]) -> Project {
    Project { name, stack, subjects }
}

pub const PROJECTS: &[Project] = &[
    p("billing-api", &RUST, &[INVOICE, WEBHOOK, RETRY, EXPORT]),
    p("ledger-core", &RUST, &[INVOICE, MIGRATE, EXPORT, CACHE]),
    p("edge-proxy", &RUST, &[CACHE, RETRY, UPLOAD, LOGIN]),
    p("termchat", &RUST, &[SOCKET, SEARCH, RETRY]),
    p("ml-pipeline", &PYTHON, &[QUEUE, SCHEDULE, CACHE, EXPORT]),
    p("support-bot", &PYTHON, &[WEBHOOK, SEARCH, RETRY, LOGIN]),
    p("data-warehouse-etl", &PYTHON, &[SCHEDULE, MIGRATE, EXPORT, QUEUE]),
    p("django-shop", &PYTHON, &[INVOICE, LOGIN, SEARCH, PAGES, UPLOAD]),
    p("fastapi-notes", &PYTHON, &[LOGIN, SEARCH, PAGES, UPLOAD]),
    p("web-dashboard", &TYPESCRIPT, &[THEME, PAGES, EXPORT, SOCKET, LOGIN]),
    p("admin-console", &TYPESCRIPT, &[LOGIN, PAGES, SEARCH, THEME, UPLOAD]),
    p("design-system", &TYPESCRIPT, &[THEME, PAGES]),
    p("mobile-companion", &TYPESCRIPT, &[LOGIN, SOCKET, CACHE, THEME]),
    p("payments-gateway", &GO, &[WEBHOOK, RETRY, INVOICE, LOGIN]),
    p("log-shipper", &GO, &[QUEUE, RETRY, UPLOAD, SCHEDULE]),
    p("url-shortener", &GO, &[CACHE, PAGES, MIGRATE]),
    p("inventory-service", &GO, &[SEARCH, MIGRATE, EXPORT, QUEUE, PAGES]),
];

/// The session modes and their weights.
pub const MODES: [(&str, u32); 9] = [
    ("fix", 28),
    ("create", 22),
    ("test", 8),
    ("understand", 10),
    ("operate", 7),
    ("orchestrate", 5),
    ("plan", 7),
    ("analyze", 7),
    ("write", 6),
];

/// An index drawn with the given weights.
pub fn weighted(rng: &mut Pcg64, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut x = rng.random_range(0..total);
    for (i, &w) in weights.iter().enumerate() {
        if x < w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

/// `template` with `{s}` replaced by `stem` and `{S}` by its capitalised form.
pub fn fill(template: &str, stem: &str) -> String {
    let mut cap = stem.to_owned();
    if let Some(c) = cap.get_mut(..1) {
        c.make_ascii_uppercase();
    }
    template.replace("{S}", &cap).replace("{s}", stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_project_names_subjects_that_exist() {
        for p in PROJECTS {
            assert!(!p.subjects.is_empty());
            assert!(p.subjects.iter().all(|&s| s < super::super::subject::SUBJECTS.len()));
        }
        assert_eq!(fill("{s}: {S}Error", "upload"), "upload: UploadError");
    }
}
