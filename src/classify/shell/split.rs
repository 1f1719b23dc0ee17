//! Cutting a command line as a shell would, closely enough to tell its parts and redirects.

/// Cuts a command line into its parts at unquoted `&&`, `||`, `;`, `|`, `&` and newlines.
pub fn parts(cmd: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut sq, mut dq) = (false, false);
    let mut chars = cmd.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' if !dq => sq = !sq,
            '"' if !sq => dq = !dq,
            '\\' if !sq => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                continue;
            }
            ';' | '|' | '&' | '\n' if !sq && !dq => {
                // `2>&1` and `&>` are redirects, not separators.
                if c == '&' && (cur.ends_with('>') || chars.peek() == Some(&'>')) {
                    cur.push(c);
                    continue;
                }
                if chars.peek() == Some(&c) {
                    chars.next();
                }
                if !cur.trim().is_empty() {
                    out.push(std::mem::take(&mut cur).trim().to_owned());
                }
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_owned());
    }
    out
}

/// Words of one part, quotes removed (a light shell-words split).
pub fn words(part: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut sq, mut dq, mut any) = (false, false, false);
    for c in part.chars() {
        match c {
            '\'' if !dq => (sq, any) = (!sq, true),
            '"' if !sq => (dq, any) = (!dq, true),
            c if c.is_whitespace() && !sq && !dq => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            c => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether a part writes into a file through a redirect (`> f`, `>> f`; not `/dev/null`).
pub fn redirects_to_file(part: &str) -> bool {
    let w = words(part);
    w.iter().enumerate().any(|(i, t)| {
        let target = if let Some(rest) = t.strip_prefix(">>").or_else(|| t.strip_prefix('>')) {
            if rest.is_empty() {
                w.get(i + 1).map_or("", String::as_str)
            } else {
                rest
            }
        } else if let Some((_, rest)) = t.split_once(">>").or_else(|| t.split_once('>')) {
            // `1>out.txt`, but not `2>&1` or `2>/dev/null`.
            if t.starts_with(|c: char| c.is_ascii_digit()) {
                rest
            } else {
                return false;
            }
        } else {
            return false;
        };
        !target.is_empty() && !target.starts_with('&') && !super::windows::is_null_device(target)
    })
}
