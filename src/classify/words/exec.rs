//! Words by which a prompt dictates execution: verbs of change, files without an
//! extension, verbs of running, tool actions, languages and their extensions.

/// Verbs that make a named file one to change, not only to read.
#[rustfmt::skip]
pub const CHANGE_VERBS: &[&str] = &[
    "add", "change", "update", "edit", "modify", "fix", "write", "create", "delete", "remove", "rename", "move",
    "keep", "refactor", "replace", "rewrite", "implement", "append", "insert", "put", "save", "generate", "import",
    "copy", "patch", "document", "clean", "convert", "port", "migrate", "init", "initialize", "touch", "overwrite",
    "amend", "extend", "split", "called", "named", "set up", "bump", "adjust", "tweak",
];

/// The same in Japanese, Chinese and a few other scripts, matched as substrings.
#[rustfmt::skip]
pub const CHANGE_MARKS: &[&str] = &[
    "更新", "アップデート", "修正", "追加", "作成", "削除", "変更", "編集", "書き", "新建", "修改", "删除", "添加",
];

/// Files people name without an extension.
#[rustfmt::skip]
pub const BARE_FILES: &[&str] = &[
    "Justfile", "justfile", "Makefile", "makefile", "Dockerfile", "Containerfile", "Gemfile", "Rakefile", "Procfile",
    "Vagrantfile", "Jenkinsfile", "Brewfile", "Podfile", "Caddyfile", "Taskfile", "README", "LICENSE", "CHANGELOG",
    "CODEOWNERS", ".gitignore", ".env", ".dockerignore", ".editorconfig", ".npmrc", ".bashrc", ".zshrc",
];

/// Verbs by which a message dictates a tool action ("note this in memory").
#[rustfmt::skip]
pub const TOOL_VERBS: &[&str] = &[
    "note", "save", "store", "remember", "record", "add", "put", "create", "file", "open", "log",
];

/// Verbs by which a message dictates a run.
#[rustfmt::skip]
pub const RUN_VERBS: &[&str] = &[
    "run", "rerun", "re-run", "execute", "exec", "invoke", "launch",
];

/// Languages by the name people use, with their file extensions.
#[rustfmt::skip]
pub const LANGUAGES: &[(&str, &[&str])] = &[
    ("python", &["py", "pyi"]), ("rust", &["rs"]), ("javascript", &["js", "mjs", "cjs"]),
    ("typescript", &["ts", "tsx"]), ("go", &["go"]), ("java", &["java"]), ("ruby", &["rb"]), ("c", &["c", "h"]),
    ("c++", &["cpp", "hpp", "cc"]), ("markdown", &["md"]), ("shell", &["sh"]), ("test", &[]),
];
