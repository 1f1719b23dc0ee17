//! Words by which the agent plans in prose, and the sub-agents that only read.

/// Sub-agent types that only read (the formats file: `Explore`, `Plan`).
#[rustfmt::skip]
pub const READ_ONLY_AGENTS: &[&str] = &[
    "explore", "plan", "claude-code-guide", "statusline-setup", "output-style-setup",
];

/// A brief that opens with one of these asks for research, not work.
#[rustfmt::skip]
pub const RESEARCH: &[&str] = &[
    "explore", "investigate", "research", "analyze", "analyse", "find", "search", "review", "understand", "look",
    "read", "summarize", "summarise", "check", "inspect", "audit", "examine", "map", "survey", "identify", "locate",
    "gather", "study", "scan", "discover", "determine", "list",
];

/// "the cause is X", "found two issues": the agent decided what is wrong.
#[rustfmt::skip]
pub const DIAGNOSIS: &[&str] = &[
    "the root cause", "the cause is", "the cause was", "the issue is", "the issue was", "the problem is",
    "the problem was", "the bug is", "the bug was", "is caused by", "was caused by", "this is because",
    "that's because", "this happens because", "the reason is", "turns out", "found the issue", "found the problem",
    "found the bug", "found two issues", "found two problems", "found several issues", "found a few issues",
    "doesn't actually", "does not actually", "isn't actually", "is not actually", "never actually", "must also",
    "the fix is", "so the fix", "the culprit",
];

/// "I'll use an enum": the agent chose among alternatives.
#[rustfmt::skip]
pub const CHOICE: &[&str] = &[
    "i'll use", "i will use", "i'll go with", "i'm going to use", "let's use", "let's go with", "i chose",
    "i've chosen", "i decided", "i recommend", "i'd recommend", "i suggest", "i'd suggest", "my recommendation",
    "the best approach", "a better approach", "a cleaner approach", "a simpler approach", "the approach",
    "my approach", "here's the plan", "here is the plan", "here's my plan", "my plan", "the plan is", "step-by-step",
    "instead of", "rather than", "i'll take the approach",
];

/// "Want me to add X?": the agent offered further work.
#[rustfmt::skip]
pub const OFFER: &[&str] = &[
    "i can also", "i could also", "me to also", "i can additionally", "shall i also", "should i also",
    "would you like help", "if you'd like, i can", "if you'd like i can", "if you want, i can", "if you want i can",
    "want me to", "would you like me to", "do you want me to", "shall i ", "i can help", "happy to help",
    "let me know if you'd like me to", "let me know if you want me to",
    // Chinese: "do you need me to", "shall I", "if you like, I can", "I can help you".
    "需要我", "要不要我", "是否需要我", "如果你愿意", "如果你需要，我可以", "我可以帮你", "我可以继续",
];

/// Choice cues that only contrast: a choice only with someone choosing ([`CHOOSERS`]).
#[rustfmt::skip]
pub const CONTRAST: &[&str] = &["instead of", "rather than"];

/// Who chooses in a sentence: the agent, the two of them, or an imperative to use or keep.
#[rustfmt::skip]
pub const CHOOSERS: &[&str] = &[
    "i", "i'll", "i'm", "i've", "i'd", "we", "we'll", "let's", "let me", "use", "keep", "switch", "go with",
];

/// An offer with these asks to go on with work already proposed: no offer of its own.
#[rustfmt::skip]
pub const PROCEED: &[&str] = &["proceed", "go ahead", "continue with", "move forward", "start implementing"];

/// Openings of narration.
#[rustfmt::skip]
pub const NARRATION: &[&str] = &[
    "now ", "let me ", "next, ", "first, ", "then ", "now let me", "i'll now", "i will now", "great", "perfect",
];

/// Words of looking: "I'll use rg to find the callers" narrates a search, it chooses no approach.
#[rustfmt::skip]
pub const LOOKING: &[&str] = &[
    "search", "find", "read", "look", "inspect", "grep", "rg", "scan", "explore", "locate", "examine", "browse",
    "investigate",
];

/// Headings that announce a plan or a design.
#[rustfmt::skip]
pub const HEADINGS: &[&str] = &[
    "plan", "approach", "design", "structure", "strategy", "proposal", "proposed", "recommendation", "recommended",
    "architecture", "options", "steps", "walkthrough", "diagnosis", "root cause", "solution",
];

/// Headings that report what was done, or boilerplate: not a plan.
#[rustfmt::skip]
pub const DONE_HEADINGS: &[&str] = &[
    "created", "ported", "added", "implemented", "updated", "fixed", "completed", "complete", "done", "summary",
    "changes", "results", "ready", "next steps", "new ", "what i", "what was", "verified", "passed",
];
