use super::*;

fn key(cmd: &str) -> Option<String> {
    match effect(cmd) {
        Effect::Read => None,
        Effect::Change { key, .. } => Some(key),
    }
}

#[test]
fn reads_are_not_decisions() {
    for cmd in [
        "ls -la",
        "cat src/main.rs | head -20",
        "git status && git log --oneline -5",
        "git diff HEAD~1",
        "tail -n 50 /tmp/out.log",
        "sqlite3 ~/.claude/__store.db \"SELECT COUNT(*) FROM base\"",
        "cargo --help",
        "cd /repo && grep -rn foo src/ 2>/dev/null | wc -l",
        "find . -name '*.py' -type f",
        "echo \"=== files ===\" && ls ~/.claude/todos/ | grep -E \"^[0-9a-f-]{36}\" | head -5",
        "sed -n 1,40p src/lib.rs",
        "git branch -a",
        "head -5 ~/.claude/history.jsonl | jq -c '.'",
    ] {
        assert_eq!(key(cmd), None, "{cmd}");
    }
}

#[test]
fn changes_have_a_purpose() {
    assert_eq!(key("cargo test 2>&1"), Some("cargo test".into()));
    assert_eq!(key("python -m pytest tests/ -v"), Some("pytest".into()));
    assert_eq!(key("pytest -q"), Some("pytest".into()));
    assert_eq!(key("just check 2>&1"), Some("just check".into()));
    assert_eq!(key("npm run build"), Some("npm build".into()));
    assert_eq!(key("git add -A && git commit -m 'x'"), Some("git commit".into()));
    assert_eq!(
        key("git init && git add test.txt && git status"),
        Some("git init".into())
    );
    assert_eq!(key("rm -rf build/"), Some("remove".into()));
    assert_eq!(key("mkdir -p a && cp x a/y"), Some("files".into()));
    assert_eq!(key("echo '{\"a\":1}' >> ~/.claude/history.jsonl"), Some("files".into()));
    assert_eq!(key("sed -i 's/a/b/' f.txt"), Some("files".into()));
    assert_eq!(key("sed 's|a|b|g' in.jsonl > out.jsonl"), Some("files".into()));
    assert_eq!(key("sqlite3 db.sqlite 'DELETE FROM t'"), Some("sqlite3".into()));
    assert_eq!(
        key("cd /tmp/x && python3 /repo/export.py --max-age 9"),
        Some("script export.py".into())
    );
    assert_eq!(key("python3 -c 'print(1)'"), Some("python3 inline".into()));
    assert_eq!(key("uv run pytest"), Some("pytest".into()));
}

#[test]
fn every_install_attempt_is_one_purpose() {
    for cmd in [
        "pip install pytest-cov",
        "apt-get update && apt-get install -y python3-pytest",
        "uv add --dev pytest",
        "npm install lodash",
        "sudo apt install -y jq",
    ] {
        assert_eq!(key(cmd), Some("install".into()), "{cmd}");
    }
}

#[test]
fn quotes_and_redirects_do_not_cut_or_mislead() {
    assert_eq!(parts("echo 'a && b' && ls"), vec!["echo 'a && b'", "ls"]);
    assert_eq!(parts("cargo test 2>&1 | tail -5"), vec!["cargo test 2>&1", "tail -5"]);
    assert_eq!(key("ls > /dev/null 2>&1"), None);
    assert_eq!(key("grep foo bar.txt > matches.txt"), Some("files".into()));
}

#[test]
fn windows_and_wrapped_commands_are_judged_by_what_they_run() {
    for cmd in [
        "where claude 2>nul",
        "dir /s /b \"C:\\Program Files\" | findstr /i \".exe\"",
        "cmd /c \"dir C:\\Users\\me\\icons\\*.ico\"",
        "powershell -NoProfile -Command \"Get-ChildItem -Recurse | Select-String foo\"",
        "powershell -Command \"Test-Path C:\\x.ico; Get-Content x.txt | Out-Null\"",
        "bash -lc 'ls -la && cat README.md'",
        "find . -name '*.log' -exec ls -lh {} \\;",
        "if [ -f Cargo.toml ]; then cat Cargo.toml; fi",
        "for f in *.rs; do wc -l $f; done",
    ] {
        assert_eq!(key(cmd), None, "{cmd}");
    }
    assert_eq!(
        key("cmd /c \"if not exist C:\\tools mkdir C:\\tools\""),
        Some("files".into())
    );
    assert_eq!(
        key("powershell -Command \"Remove-Item -Recurse build\""),
        Some("remove".into())
    );
    assert_eq!(
        key("powershell -ExecutionPolicy Bypass -File create-shortcut.ps1"),
        Some("script create-shortcut.ps1".into())
    );
    assert_eq!(key("find . -name '*.tmp' -exec rm {} \\;"), Some("remove".into()));
    assert_eq!(key("find . -name '*.tmp' -delete"), Some("remove".into()));
    assert_eq!(key("bash -c 'cargo test 2>&1 | tail'"), Some("cargo test".into()));
    // Downloads are one purpose, whichever tool tries.
    assert_eq!(
        key("curl -L -o logo.png https://example.com/logo.png"),
        Some("download".into())
    );
    assert_eq!(
        key("powershell -Command \"Invoke-WebRequest -Uri https://x/logo.png -OutFile logo.png\""),
        Some("download".into())
    );
    assert_eq!(key("wget https://x/y.tar.gz"), Some("download".into()));
    assert_eq!(key("echo hi > out.txt"), Some("files".into()));
    assert_eq!(key("echo hi > nul"), None);
    // A Unix program with a dash is no cmdlet.
    assert_eq!(key("test-runner --all"), Some("test-runner".into()));
}
