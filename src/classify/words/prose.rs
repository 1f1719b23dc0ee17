//! Words by which a prompt is read: fillers, reports, openers of requests and status
//! questions, imperatives, directive cues, done criteria, assent.

#[rustfmt::skip]
pub const FILLERS: &[&str] = &[
    "thanks", "thank you", "thx", "great", "perfect", "nice", "cool", "awesome", "ok", "okay", "hmm", "sorry",
    "wait", "oh", "ah", "wow", "good", "excellent", "hi", "hello", "hey", "alright", "right",
];

#[rustfmt::skip]
pub const META: &[&str] = &[
    "sorry to interrupt", "i'll tell you", "ill tell you", "i will tell you", "let me explain", "here is what",
    "here's what", "this is what i got", "this is what i see", "see below", "here is the output",
    "here's the output", "here is the error", "here's the error", "i got this", "i get this",
];

/// "A few more things before I go": the user announces requests still to come.
#[rustfmt::skip]
pub const ANNOUNCEMENTS: &[&str] = &[
    "a few more things", "a couple more things", "one more thing", "a few things", "some more things",
    "a few questions", "a couple of questions", "a few more questions",
];

/// Cues of necessity: in a question they ask whether something must be ("it has to be
/// global?"), they do not ask for work.
#[rustfmt::skip]
pub const NECESSITY: &[&str] = &["should", "must", "need to", "needs to", "have to", "has to"];

#[rustfmt::skip]
pub const REPORTS: &[&str] = &[
    "it worked", "it works", "that worked", "works now", "it's working", "its working", "still no", "still not",
    "still didn't", "still didnt", "still doesn't", "still doesnt", "still fails", "still failing", "still broken",
    "still getting", "still get", "still the same", "same error", "same problem", "same issue", "i ran", "i've run",
    "i have run", "i tried", "i've tried", "i reverted", "i restarted", "i deleted", "i removed", "i installed",
    "i reinstalled", "i tested", "i just ran", "i re-ran", "i reran", "didn't work", "didnt work", "did not work",
    "no luck", "nope, same",
];

#[rustfmt::skip]
pub const REQUEST_OPENERS: &[&str] = &[
    "how", "what", "why", "which", "where", "when", "who", "can", "could", "would you", "will you", "should we",
    "shall we", "should i", "is it possible", "any idea", "do you know", "explain", "tell me",
];

#[rustfmt::skip]
pub const STATUS_OPENERS: &[&str] = &[
    "is", "are", "was", "were", "did", "does", "do", "has", "have", "had", "isn't", "didn't", "aren't", "doesn't",
];

/// Words that open an imperative.
#[rustfmt::skip]
pub const IMPERATIVES: &[&str] = &[
    "add", "fix", "create", "make", "write", "implement", "build", "update", "change", "remove", "delete", "rename",
    "refactor", "move", "port", "convert", "migrate", "replace", "use", "run", "test", "check", "verify", "ensure",
    "investigate", "find", "look", "explain", "show", "tell", "describe", "summarize", "summarise", "review",
    "analyze", "analyse", "debug", "help", "set", "setup", "configure", "install", "deploy", "commit", "push",
    "merge", "keep", "stop", "start", "try", "clean", "document", "generate", "improve", "optimize", "simplify",
    "split", "extract", "read", "open", "list", "compare", "walk", "do", "give", "put", "include", "exclude",
    "allow", "support", "handle", "wire", "connect", "enable", "disable", "ignore", "skip", "spawn", "launch",
    "plan", "design", "draft", "propose", "research", "search", "go", "get", "call", "return", "print", "log",
    "save", "load", "parse", "format", "lint", "upgrade", "revert", "undo", "restore", "reset", "retry", "rerun",
    "finish", "complete", "ship", "release", "publish", "prepare", "increase", "decrease", "reduce", "limit", "sort",
    "filter", "rewrite", "redo", "reorganize", "tidy", "polish", "fill", "translate", "determine", "figure",
    "identify", "evaluate", "measure", "benchmark", "profile", "audit", "validate", "don't", "do not", "dont",
    "never", "always", "avoid", "continue", "proceed", "resume", "work", "append", "insert", "introduce",
];

#[rustfmt::skip]
pub const DIRECTIVE_CUES: &[&str] = &[
    "should", "must", "need to", "needs to", "have to", "has to", "i want", "i'd like", "i would like", "we want",
    "we would want", "we'd want", "would want", "let's", "lets", "make sure", "ensure", "don't", "do not", "never",
    "always", "avoid", "i am looking for", "i'm looking for", "the goal is", "i need", "we need", "try to",
    "can you", "could you", "please", "instead", "rather than", "until", "without", "i expect", "it would be nice",
];

/// Phrases that make a constraint a done criterion rather than an approach.
#[rustfmt::skip]
pub const DONE: &[&str] = &[
    "until", "so that", "make sure", "ensure", "tests pass", "test passes", "tests are passing", "should pass",
    "must pass", "all tests", "done when", "finished when", "without breaking", "coverage", "stop", "add a test",
    "add tests", "write tests", "write a test", "tests are green", "is green", "i am looking for", "i'm looking for",
];

/// Phrases that make a constraint an approach (informative: the kind is planning either way).
#[rustfmt::skip]
pub const APPROACH: &[&str] = &[
    "use", "using", "don't", "do not", "dont", "never", "instead of", "rather than", "avoid", "prefer", "must not",
    "stick to", "without", "keep", "only change", "only touch", "should",
];

/// Slash commands of the tool itself that send the agent a task.
#[rustfmt::skip]
pub const BUILTIN_TASKS: &[&str] = &[
    "/init", "/review", "/pr-comments", "/security-review", "/pr_comments",
];

/// Words that say yes.
#[rustfmt::skip]
pub const CORE: &[&str] = &[
    "yes", "y", "yep", "yeah", "yup", "ok", "okay", "k", "kk", "sure", "go", "lgtm", "proceed", "continue",
    "approved", "approve", "agreed", "agree", "ship", "fine", "great", "perfect", "alright", "absolutely",
    "definitely", "cool", "nice", "good", "works", "do", "please", "correct", "right", "exactly", "yes!", "sgtm",
    "pls", "plz", "yess", "yea", "ya",
];

/// Words that may stand beside them without adding a condition.
#[rustfmt::skip]
pub const TAIL: &[&str] = &[
    "ahead", "for", "it", "on", "to", "me", "that", "thanks", "thank", "you", "looks", "sounds", "carry", "keep",
    "going", "until", "it's", "its", "is", "done", "finished", "complete", "completed", "the", "end", "all", "way",
    "with", "plan", "your", "and", "finish", "through", "let's", "lets", "this", "sounds", "one", "option", "just",
    "now", "then", "a", "be", "fine", "by", "as", "proposed", "suggested", "planned", "so", "far", "work", "doing",
    "thx", "ty",
];
