//! Commands as Windows and wrapping shells give them: `bash -c "…"`, `cmd /c "…"` and
//! `powershell -Command "…"` are judged by what they run, and PowerShell cmdlets and cmd's
//! own commands by what they do (`Get-ChildItem`, `dir`, `where`, `findstr` only look).

/// A program name as written, reduced to what it is: no folder (`/` or `\`), no `.exe`,
/// lower case (Windows names and cmdlets are case-insensitive).
pub fn base_name(first: &str) -> String {
    let name = first.rsplit(['/', '\\']).next().unwrap_or(first);
    let lower = name.to_ascii_lowercase();
    lower.strip_suffix(".exe").map(str::to_owned).unwrap_or(lower)
}

/// The command line a wrapping shell runs, if `prog` is one and was given one: `bash -c X`,
/// `sh -lc X`, `cmd /c X`, `powershell [-NoProfile …] -Command X` (its default), or
/// `powershell -File script.ps1 ARGS` (the script run with its arguments).
pub fn wrapped(prog: &str, args: &[String]) -> Option<String> {
    match prog {
        "bash" | "sh" | "zsh" | "dash" | "ksh" => {
            let at = args
                .iter()
                .position(|a| a.starts_with('-') && !a.starts_with("--") && a.ends_with('c'))?;
            args.get(at + 1).cloned()
        }
        "cmd" => {
            let at = args
                .iter()
                .position(|a| matches!(a.to_ascii_lowercase().as_str(), "/c" | "/k"))?;
            Some(args[at + 1..].join(" ")).filter(|s| !s.is_empty())
        }
        "powershell" | "pwsh" => {
            let mut i = 0;
            while i < args.len() {
                let a = args[i].to_ascii_lowercase();
                if !a.starts_with('-') {
                    return Some(args[i..].join(" "));
                }
                let flag = a.trim_start_matches('-');
                if !flag.is_empty() && "command".starts_with(flag) {
                    return Some(args[i + 1..].join(" ")).filter(|s| !s.is_empty());
                }
                if flag == "file" || flag == "f" {
                    return Some(args[i + 1..].join(" ")).filter(|s| !s.is_empty());
                }
                // Flags that take a value skip it.
                let valued = [
                    "executionpolicy",
                    "ep",
                    "windowstyle",
                    "w",
                    "outputformat",
                    "inputformat",
                    "configurationname",
                    "workingdirectory",
                    "wd",
                    "version",
                    "psconsolefile",
                    "encodedcommand",
                    "ec",
                ];
                i += if valued.contains(&flag) { 2 } else { 1 };
            }
            None
        }
        _ => None,
    }
}

/// cmd's and PowerShell's commands that only look (lower case; aliases included).
#[rustfmt::skip]
const READS: &[&str] = &[
    "dir", "where", "findstr", "type", "more", "tree", "ver", "vol", "systeminfo", "tasklist", "ipconfig",
    "echo", "set", "gci", "gc", "sls", "gi", "gp", "gcm", "gps", "gsv", "gl", "rvpa", "select", "measure", "sort",
    "ft", "fl", "fw", "write-host", "write-output", "write-verbose", "write-information", "out-host", "out-string",
    "out-null", "cls",
];

/// PowerShell verbs whose cmdlets only look (`Get-ChildItem`, `Test-Path`, `Select-String`).
#[rustfmt::skip]
const READ_VERBS: &[&str] = &[
    "get", "test", "select", "measure", "format", "resolve", "compare", "find", "where", "sort", "group",
    "convertto", "convertfrom", "search", "show", "read", "trace", "wait",
];

/// Whether a cmd or PowerShell command only looks (`name` as written; cmdlets are told by
/// their capitalised `Verb-Noun` form, so `test-runner` is not `Test-Path`).
pub fn is_read(name: &str) -> bool {
    let prog = base_name(name);
    if READS.contains(&prog.as_str()) {
        return true;
    }
    let cmdlet = name.starts_with(|c: char| c.is_ascii_uppercase());
    let Some((verb, noun)) = prog.split_once('-') else {
        return false;
    };
    if !cmdlet || noun.is_empty() || !noun.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    if prog == "out-file" || prog == "tee-object" {
        return false;
    }
    READ_VERBS.contains(&verb) || matches!(verb, "write" | "out") && noun != "file"
}

/// Where the command of a compound statement's head starts: `if [not] exist X CMD` (cmd),
/// `if CMD`, `while CMD`, `then CMD`, `do CMD` (sh); `None` for a head with no command of its
/// own (`fi`, `done`, `for x in …`), which only looks.
pub fn statement_body(w: &[String]) -> Option<usize> {
    let head = w.first()?.to_ascii_lowercase();
    match head.as_str() {
        "if" | "elif" | "while" | "until" | "then" | "else" | "do" | "{" | "!" => {
            let mut i = 1;
            if w.get(i).is_some_and(|a| a.eq_ignore_ascii_case("/i")) {
                i += 1;
            }
            if head == "if" && w.get(i).is_some_and(|a| a.eq_ignore_ascii_case("not")) {
                i += 1;
            }
            if head == "if"
                && w.get(i)
                    .is_some_and(|a| matches!(a.to_ascii_lowercase().as_str(), "exist" | "defined" | "errorlevel"))
            {
                i += 2;
            }
            (i < w.len()).then_some(i)
        }
        // cmd's `for %f in (…) do CMD`; sh's `for x in …` heads a loop whose body follows.
        "for" => w
            .iter()
            .position(|a| a.eq_ignore_ascii_case("do"))
            .map(|d| d + 1)
            .filter(|&d| d < w.len()),
        _ => None,
    }
}

/// Whether a word opens or closes a compound statement (its part is judged by its body).
pub fn is_keyword(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "if" | "elif"
            | "while"
            | "until"
            | "then"
            | "else"
            | "do"
            | "{"
            | "!"
            | "for"
            | "fi"
            | "done"
            | "esac"
            | "}"
            | "case"
            | "select"
    )
}

/// The purpose of a PowerShell cmdlet that changes something, for those with a common one:
/// file operations, removal, downloads.
pub fn cmdlet_purpose(prog: &str, args: &[String]) -> Option<(&'static str, u8)> {
    match prog {
        "remove-item" | "rm" | "del" | "erase" | "rd" | "rmdir" | "ri" => Some(("remove", 1)),
        "new-item" | "ni" | "md" | "mkdir" => Some(("files", 0)),
        "set-content" | "add-content" | "out-file" | "copy-item" | "move-item" | "rename-item" | "copy" | "move"
        | "ren" | "xcopy" | "robocopy" | "cpi" | "mi" | "sc" | "ac" => Some(("files", 1)),
        "invoke-webrequest" | "iwr" | "start-bitstransfer" => Some(("download", 3)),
        "invoke-restmethod" | "irm" if args.iter().any(|a| a.eq_ignore_ascii_case("-outfile")) => Some(("download", 3)),
        _ => None,
    }
}

/// Windows names for "nowhere" as a redirect target.
pub fn is_null_device(target: &str) -> bool {
    matches!(target.to_ascii_lowercase().as_str(), "nul" | "$null" | "/dev/null")
}
