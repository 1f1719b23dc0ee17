//! Small text tools for the rules: sentences, whole-word phrase search, paths, code spans.

/// Sentences (and lines) of a text, trimmed, non-empty.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        let b = line.as_bytes();
        for (i, c) in line.char_indices() {
            let next = i + c.len_utf8();
            // A CJK full stop ends a sentence with no space after it.
            let end_mark = matches!(c, '。' | '！' | '？')
                || matches!(c, '.' | '!' | '?') && b.get(next).is_none_or(|c| *c == b' ');
            if end_mark {
                push(&mut out, &line[start..next]);
                start = next;
            }
        }
        push(&mut out, &line[start..]);
    }
    out
}

fn push<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s);
    }
}

/// Whether `phrase` (lowercase) occurs in `text` as whole words, ignoring case.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    phrase_in(&lowered(text), phrase)
}

/// Whether any of `phrases` occurs in `text` ([`has_phrase`] of each, `text` lowered once).
pub fn any_phrase(text: &str, phrases: &[&str]) -> bool {
    let lower = lowered(text);
    phrases.iter().any(|p| phrase_in(&lower, p))
}

/// The first phrase of `phrases` found in `text`.
pub fn first_phrase<'p>(text: &str, phrases: &[&'p str]) -> Option<&'p str> {
    let lower = text.to_lowercase();
    let lower = lowered(&lower);
    phrases.iter().copied().find(|p| phrase_in(&lower, p))
}

/// `text` lowercased: most texts the rules test are lowercased already (or have no
/// capital), and are not copied. ASCII text (most of it) is checked byte by byte.
fn lowered(text: &str) -> std::borrow::Cow<'_, str> {
    let upper =
        text.bytes().any(|b| b.is_ascii_uppercase()) || (!text.is_ascii() && text.chars().any(char::is_uppercase));
    if upper { text.to_lowercase().into() } else { text.into() }
}

/// Whether `phrase` occurs in `lower` as whole words.
fn phrase_in(lower: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(i) = find(&lower.as_bytes()[from..], phrase.as_bytes()) {
        let at = from + i;
        let before = lower[..at].chars().next_back();
        let after = lower[at + phrase.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_');
        if edge(before) && (phrase.ends_with(' ') || edge(after)) {
            return true;
        }
        from = at + phrase.len().max(1);
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Where `needle` first occurs in `hay`. No searcher is built: the rules test short phrases
/// against short clauses, where building one (the standard library's two-way searcher, or
/// memchr's) was most of the time. A match of UTF-8 in UTF-8 starts at a char boundary.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some(&b0) = needle.first() else {
        return Some(0);
    };
    let mut i = 0;
    while let Some(k) = memchr::memchr(b0, &hay[i..]) {
        let at = i + k;
        // Compared inline: a call to `memcmp` per candidate cost more than the comparison.
        if hay.len() - at >= needle.len() && hay[at..].iter().zip(needle).all(|(a, b)| a == b) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Cuts a quote to `max` chars, adding `…` when cut.
pub fn quote(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut q: String = s.chars().take(max).collect();
    q.push('…');
    q
}

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
