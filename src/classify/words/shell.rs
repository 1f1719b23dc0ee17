//! Programs and subcommands by what they do to the machine: look, install, move files.

/// Programs that only look (with no redirect into a file, and no in-place flag).
#[rustfmt::skip]
pub const READS: &[&str] = &[
    "ls", "cat", "head", "tail", "less", "more", "grep", "egrep", "fgrep", "rg", "ag", "ack", "fd", "wc", "pwd",
    "which", "whereis", "type", "file", "stat", "du", "df", "tree", "echo", "printf", "true", "false", "sleep",
    "date", "whoami", "id", "uname", "env", "printenv", "ps", "pgrep", "top", "jq", "yq", "diff", "cmp", "sort",
    "uniq", "cut", "tr", "awk", "sed", "column", "nl", "basename", "dirname", "realpath", "readlink", "xxd",
    "hexdump", "od", "strings", "md5sum", "sha1sum", "sha256sum", "shasum", "test", "[", "cd", "pushd", "popd",
    "export", "set", "unset", "history", "man", "help", "lsof", "netstat", "ss", "nproc", "free", "uptime",
    "hostname", "locale", "bat", "eza", "exa", "lsd", "zcat", "zgrep", "gzip -l", "tldr", "command", "hash",
    "declare", "local", "read", "wait", "clear", "nvidia-smi", "free", "stty", "tput", "seq", "yes", "xargs", "fzf",
    "ldd", "nm", "objdump", "sqlite3", "psql", "mysql", "curl", "http", "dig", "nslookup", "ping", "host", "whois",
    "open", "xdg-open", "system_profiler", "sw_vers", "mdfind", "mdls", "fc-list", "lscpu", "lsblk", "lsusb",
    "lspci",
];

/// Git subcommands that only look.
#[rustfmt::skip]
pub const GIT_READS: &[&str] = &[
    "status", "diff", "log", "show", "rev-parse", "ls-files", "ls-tree", "blame", "describe", "reflog", "shortlog",
    "grep", "cat-file", "rev-list", "fetch", "remote", "branch", "tag", "config", "stash list", "worktree list",
    "help", "--version", "name-rev", "merge-base", "whatchanged", "check-ignore",
];

/// Package managers' install verbs: every attempt to install is one purpose.
#[rustfmt::skip]
pub const INSTALLS: &[(&str, &[&str])] = &[
    ("pip", &["install"]), ("pip3", &["install"]), ("uv", &["add", "pip", "sync"]),
    ("apt-get", &["install", "update"]), ("apt", &["install", "update"]), ("brew", &["install"]),
    ("npm", &["install", "i", "add", "ci"]), ("pnpm", &["install", "i", "add"]), ("yarn", &["add", "install"]),
    ("bun", &["add", "install", "i"]), ("cargo", &["install", "add"]), ("poetry", &["add", "install"]),
    ("gem", &["install"]), ("go", &["get", "install"]), ("conda", &["install"]), ("pipx", &["install"]),
];

/// Programs that move files around: preparing, one purpose per turn.
#[rustfmt::skip]
pub const FILE_OPS: &[&str] = &[
    "mkdir", "cp", "mv", "ln", "chmod", "chown", "touch", "rsync", "tar", "unzip", "tee", "install",
];
