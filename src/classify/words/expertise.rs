//! Words by which the expertise estimate reads the user's own words (`docs/classifier.md`,
//! "Expertise"): asking the agent to check its work, catching its mistakes, asking to be
//! taught, and pinning down how or when a task is done. Every phrase is matched as whole
//! words, after file names, code spans and pasted text are set aside.

/// A clause asks the agent to check its work when it contains one of these.
#[rustfmt::skip]
pub const VERIFY: &[&str] = &[
    "verify", "double-check", "double check", "make sure it works", "make sure that it works",
    "make sure the tests", "make sure tests", "make sure it builds", "make sure it compiles",
    "check that", "check if", "check whether", "check it", "check your", "check the output", "confirm that",
    "run the tests", "run the test suite", "run tests", "run the test", "run all tests", "run all the tests",
    "run the linter", "run lint", "run the build", "tests pass", "tests still pass", "test passes",
    "all tests pass", "does it build", "does it compile", "do the tests pass", "did the tests pass",
    "test it", "test this", "test that", "try it out", "how sure are we", "are you sure", "is that everything",
    "did you check", "did you test", "did you verify", "100% coverage", "full coverage",
];

/// ... unless the clause only asks for a test to be written: a task, not a check.
#[rustfmt::skip]
pub const WRITE_TEST: &[&str] = &[
    "add a test", "add tests", "add unit tests", "add a unit test", "write a test", "write tests",
    "write unit tests", "create a test", "create tests", "add test", "new test",
];

/// Words that open a clause which tells the agent it got something wrong.
#[rustfmt::skip]
pub const CORRECT_OPENERS: &[&str] = &[
    "no,", "no.", "no!", "nope", "not the", "not that", "not this", "not what", "wrong", "that's not",
    "that is not", "this is not", "this isn't", "that isn't", "it's not", "it is not", "actually,",
    "revert", "undo", "you forgot", "you missed", "you didn't", "you did not", "you broke", "you changed",
    "you removed", "you deleted", "that's wrong", "this is wrong", "don't change", "do not change",
    "don't touch", "do not touch", "why did you",
];

/// Phrases anywhere in a clause that catch a mistake.
#[rustfmt::skip]
pub const CORRECT_PHRASES: &[&str] = &[
    "is wrong", "was wrong", "are wrong", "isn't right", "is not right", "not what i asked", "not what i meant",
    "not what i wanted", "there isn't a", "there isnt a", "there is no", "there's no", "you shouldn't have",
    "should not have", "shouldn't have", "that's incorrect", "is incorrect", "you misunderstood",
    "i said", "i meant", "i asked for", "instead", "rather than",
];

/// A clause asks to be taught when it contains one of these.
#[rustfmt::skip]
pub const LEARN: &[&str] = &[
    "explain", "help me understand", "what is a", "what is an", "what's a", "what's an", "what does",
    "how does", "how do i", "i don't know", "i dont know", "i'm new", "i am new", "i'm not sure how",
    "teach me", "walk me through", "what do you mean", "what are the steps", "eli5", "in simple terms",
    "i'm a beginner", "i am a beginner", "never used",
];

/// Phrases that pin down how the work is done or when it is done: a constraint or an
/// acceptance criterion (beside `words::prose::DONE` and `APPROACH`).
#[rustfmt::skip]
pub const PINS: &[&str] = &[
    "without", "instead of", "rather than", "don't", "do not", "must", "must not", "never", "only",
    "keep", "so that", "until", "make sure", "ensure", "backwards compatibility", "backward compatibility",
    "tests pass", "coverage", "no bindings", "no dependencies", "standalone", "signature", "edge case",
    "edge cases", "performance", "thread-safe", "idempotent", "in place", "type hints", "typed",
];
