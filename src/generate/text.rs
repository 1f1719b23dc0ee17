//! Vocabulary of the synthetic transcript trees (`claude_tree.rs`, `codex_tree.rs`): projects,
//! files, commands, bugs and features. The v1 corpus's scenarios live in `stack.rs` and
//! `subject.rs`.

/// A language stack: where its files live and which commands it runs.
pub struct Lang {
    pub ext: &'static str,
    pub dirs: &'static [&'static str],
    pub test: &'static [&'static str],
    pub build: &'static [&'static str],
    pub configs: &'static [&'static str],
}

pub const RUST: Lang = Lang {
    ext: "rs",
    dirs: &[
        "src",
        "src/api",
        "src/db",
        "src/auth",
        "crates/core/src",
        "crates/cli/src",
        "tests",
    ],
    test: &[
        "cargo test",
        "cargo test -p core",
        "cargo test --lib",
        "cargo nextest run",
        "cargo test -- --nocapture",
    ],
    build: &[
        "cargo build",
        "cargo build --release",
        "cargo clippy --all-targets -- -D warnings",
        "cargo fmt --check",
    ],
    configs: &[
        "Cargo.toml",
        "rust-toolchain.toml",
        ".github/workflows/ci.yml",
        "README.md",
    ],
};

pub const PYTHON: Lang = Lang {
    ext: "py",
    dirs: &["app", "app/models", "app/services", "app/api", "scripts", "tests"],
    test: &[
        "pytest -x",
        "pytest -q tests",
        "pytest -k regression",
        "python -m unittest",
    ],
    build: &[
        "ruff check .",
        "mypy app",
        "pip install -r requirements.txt",
        "black --check .",
    ],
    configs: &[
        "pyproject.toml",
        "requirements.txt",
        "setup.cfg",
        "README.md",
        ".env.example",
    ],
};

pub const TYPESCRIPT: Lang = Lang {
    ext: "ts",
    dirs: &[
        "src",
        "src/components",
        "src/hooks",
        "src/api",
        "src/pages",
        "src/lib",
        "tests",
    ],
    test: &[
        "npm test",
        "npx vitest run",
        "npx jest --watch=false",
        "npx playwright test",
    ],
    build: &["npm run build", "npx tsc --noEmit", "npm run lint", "npm ci"],
    configs: &[
        "package.json",
        "tsconfig.json",
        "vite.config.ts",
        ".eslintrc.json",
        "README.md",
    ],
};

pub const GO: Lang = Lang {
    ext: "go",
    dirs: &[
        "cmd/server",
        "internal/store",
        "internal/http",
        "internal/jobs",
        "pkg/auth",
    ],
    test: &[
        "go test ./...",
        "go test -race ./internal/...",
        "go test -run TestHandler ./internal/http",
    ],
    build: &["go build ./...", "go vet ./...", "golangci-lint run", "go mod tidy"],
    configs: &[
        "go.mod",
        "Makefile",
        "Dockerfile",
        ".github/workflows/ci.yml",
        "README.md",
    ],
};

pub const LANGS: [&Lang; 4] = [&RUST, &PYTHON, &TYPESCRIPT, &GO];

/// Repository names, each with the index of its language in [`LANGS`].
pub const PROJECTS: &[(&str, usize)] = &[
    ("billing-api", 0),
    ("ledger-core", 0),
    ("edge-proxy", 0),
    ("tilemap-rs", 0),
    ("termchat", 0),
    ("ml-pipeline", 1),
    ("support-bot", 1),
    ("data-warehouse-etl", 1),
    ("django-shop", 1),
    ("fastapi-notes", 1),
    ("lab-notebooks", 1),
    ("web-dashboard", 2),
    ("marketing-site", 2),
    ("mobile-companion", 2),
    ("design-system", 2),
    ("admin-console", 2),
    ("chrome-extension", 2),
    ("k8s-operator", 3),
    ("payments-gateway", 3),
    ("log-shipper", 3),
    ("url-shortener", 3),
    ("inventory-service", 3),
];

pub const STEMS: &[&str] = &[
    "auth", "session", "user", "config", "router", "handler", "cache", "parser", "client", "billing", "invoice",
    "queue", "worker", "migrate", "schema", "metrics", "logger", "retry", "upload", "search", "export", "report",
    "token", "payment", "notify", "settings", "storage", "webhook",
];

pub const MODELS: &[&str] = &[
    "claude-sonnet-4-5",
    "claude-sonnet-4-5",
    "claude-opus-4-1",
    "claude-sonnet-4",
    "claude-3-7-sonnet",
    "gpt-5-codex",
    "gpt-5",
];

pub const BUGS: &[&str] = &[
    "the login redirect loops forever",
    "timestamps are off by one hour after the DST change",
    "the CSV export drops the last row",
    "uploads over 10 MB fail with a 413",
    "the retry loop never gives up",
    "pagination returns duplicate items",
    "the cache never evicts expired entries",
    "two workers can claim the same job",
    "names with accents (José, Zoë) break the search",
    "the config loader ignores environment overrides",
    "the invoice total is rounded twice",
    "the websocket drops after 60 seconds idle",
    "the migration fails on an empty database",
    "the dark mode toggle resets on reload",
];

pub const FEATURES: &[&str] = &[
    "rate limiting on the public API",
    "a dark mode toggle",
    "CSV export for invoices",
    "password reset by email",
    "a /health endpoint",
    "retry with exponential backoff for outgoing calls",
    "an audit log of admin actions",
    "pagination for the search results",
    "a --dry-run flag for migrations",
    "webhook signature verification",
    "a settings page for notifications",
    "bulk import from a spreadsheet",
    "a Prometheus metrics endpoint",
    "an undo button for deletions",
];
