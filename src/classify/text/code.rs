//! Code in a text: the file paths it names, its code spans, and whether a span is a shell
//! command, code, or holds identifiers.

/// Extensions that make a word a file name.
const EXTS: &[&str] = &[
    "rs",
    "md",
    "py",
    "ts",
    "tsx",
    "js",
    "jsx",
    "json",
    "toml",
    "yaml",
    "yml",
    "go",
    "java",
    "c",
    "h",
    "cpp",
    "hpp",
    "cs",
    "rb",
    "php",
    "swift",
    "kt",
    "txt",
    "lock",
    "sh",
    "css",
    "scss",
    "html",
    "sql",
    "proto",
    "vue",
    "svelte",
    "ini",
    "cfg",
    "conf",
    "xml",
    "gradle",
    "ex",
    "exs",
    "lua",
    "zig",
    "env",
    "dockerfile",
];

/// File paths a text names: `@CLAUDE.md`, `src/main.rs`, `package.json`, `./docs/`.
pub fn paths(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split(|c: char| c.is_whitespace() || matches!(c, '`' | '"' | '\'' | '(' | ')' | ',' | '<' | '>')) {
        let w = w.trim_end_matches([':', ';', '.', '!', '?']);
        let w = w.strip_prefix('@').unwrap_or(w);
        if w.len() < 3 || w.contains("://") {
            continue;
        }
        let ext = w.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        let base_ok = w
            .rsplit('/')
            .next()
            .is_some_and(|b| b.len() > 1 && !b.starts_with('.') || b.len() > 2);
        // `Next.js`, `Node.js`: a framework's name, not a file.
        let framework = !w.contains('/') && w.ends_with(".js") && w.starts_with(|c: char| c.is_uppercase());
        let is_file = ext.is_some_and(|e| EXTS.contains(&e.as_str())) && base_ok && !framework;
        let is_dir =
            (w.starts_with("./") || w.starts_with("src/") || w.ends_with('/') && w.contains('/')) && w.len() > 3;
        if (is_file || is_dir) && !out.iter().any(|o| o == w) {
            out.push(w.to_owned());
        }
    }
    out
}

/// Inline code spans (`` `x` ``) and fenced blocks (```` ``` ````) of a text.
pub fn code_spans(text: &str) -> (Vec<&str>, Vec<&str>) {
    let mut inline = Vec::new();
    let mut fenced = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('`') {
        if rest[i..].starts_with("```") {
            let body = &rest[i + 3..];
            let end = body.find("```").unwrap_or(body.len());
            let block = body[..end].split_once('\n').map_or("", |(_, b)| b);
            fenced.push(block.trim());
            rest = body.get(end + 3..).unwrap_or("");
        } else {
            let body = &rest[i + 1..];
            match body.find('`') {
                Some(end) if !body[..end].contains('\n') => {
                    inline.push(body[..end].trim());
                    rest = &body[end + 1..];
                }
                _ => rest = body,
            }
        }
    }
    (inline, fenced)
}

/// Programs whose name at the start of a span makes it a shell command.
const PROGRAMS: &[&str] = &[
    "cargo",
    "npm",
    "npx",
    "pnpm",
    "yarn",
    "bun",
    "deno",
    "git",
    "python",
    "python3",
    "pytest",
    "pip",
    "uv",
    "make",
    "go",
    "docker",
    "kubectl",
    "node",
    "bash",
    "sh",
    "ls",
    "rm",
    "mv",
    "cp",
    "mkdir",
    "curl",
    "rustc",
    "gradle",
    "mvn",
    "terraform",
    "psql",
    "jest",
    "vitest",
    "tsc",
    "eslint",
    "ruff",
    "gh",
    "brew",
    "apt",
    "apt-get",
    "sudo",
    "cd",
    "cat",
    "grep",
    "rg",
    "find",
    "sed",
    "just",
    "poetry",
    "rake",
    "bundle",
];

pub fn is_command(span: &str) -> bool {
    let first = span.split_whitespace().next().unwrap_or("");
    PROGRAMS.contains(&first) && span.split_whitespace().count() >= 2
}

/// Whether a span looks like code rather than prose or a name.
pub fn is_code(span: &str) -> bool {
    ["(", "=", "{", "::", "->", "=>", ";"].iter().any(|c| span.contains(c)) && span.len() >= 3
}

/// Identifiers such as `parse_line`, `SessionRow`, `getUser`.
pub fn identifiers(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| {
            let snake = w.len() > 3 && w.contains('_') && !w.starts_with('_');
            let camel =
                w.len() > 3 && w.chars().next().is_some_and(char::is_lowercase) && w.chars().any(char::is_uppercase);
            let pascal = w.len() > 3
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_uppercase)
                && w.chars().any(char::is_lowercase);
            snake || camel || pascal
        })
        .count()
}
