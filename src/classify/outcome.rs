//! The estimate of the session's outcome, tallied turn by turn (a big transcript's turns are
//! classified as they are read, never all held).

use super::shell::{Effect, effect};
use super::text::first_phrase;
use crate::model::Outcome;
use crate::transcript::tools::{ToolKind, command, kind};
use crate::transcript::{Call, RawSession, RawTurn};

const CONFIRM: &[&str] = &[
    "it works",
    "works now",
    "that works",
    "that fixed it",
    "looks good",
    "lgtm",
    "perfect",
    "all good",
    "works great",
    "great, thanks",
    "thanks, that",
];
const FAILED: &[&str] = &[
    "doesn't work",
    "does not work",
    "not working",
    "still failing",
    "still fails",
    "still broken",
    "broken",
    "didn't work",
    "did not work",
    "still doesn't",
];
const TEST_CMDS: &[&str] = &[
    "cargo test",
    "cargo nextest",
    "pytest",
    "npm test",
    "npm run test",
    "yarn test",
    "pnpm test",
    "go test",
    "jest",
    "vitest",
    "make test",
    "rspec",
    "mvn test",
    "gradle test",
    "bun test",
    "deno test",
];

/// `verified_success` on a commit, a passing test run, or the user's explicit confirmation;
/// `failure` when the user says it does not work or the last test run failed; `success` when
/// the agent changed files or ran commands without either; `None` otherwise.
pub fn outcome(s: &RawSession) -> Option<Outcome> {
    let mut tally = OutcomeTally::default();
    s.turns.iter().for_each(|t| tally.turn(t));
    tally.finish()
}

/// What [`outcome`] needs of the turns seen so far.
#[derive(Debug, Clone, Default)]
pub struct OutcomeTally {
    turns: usize,
    committed: bool,
    /// Whether the last test run that came back passed.
    last_test: Option<bool>,
    /// A prompt after the first confirms that it works.
    confirmed: bool,
    /// The last prompt says it does not work.
    last_complains: bool,
    /// A change was made (an edit, a write or a command that changes state) ...
    changes: bool,
    /// ... and one of them landed: not refused, not failed, not stopped by an interrupt.
    landed: bool,
}

impl OutcomeTally {
    /// The session's next turn.
    pub fn turn(&mut self, t: &RawTurn) {
        if self.turns > 0 {
            let p = t.prompt.to_lowercase();
            self.confirmed |= CONFIRM.iter().any(|c| p.contains(c));
        }
        self.turns += 1;
        self.last_complains = first_phrase(&t.prompt, FAILED).is_some();
        let stopped = super::human_run::interrupted_change(t).map(|c| c as *const Call);
        for c in &t.calls {
            let shell = kind(&c.tool) == ToolKind::Shell;
            let cmd = if shell { command(c) } else { None };
            if let Some(cmd) = &cmd {
                self.committed |= cmd.contains("git commit")
                    && c.is_error != Some(true)
                    && c.result.as_deref().is_some_and(|r| !r.contains("nothing to commit"));
                if let Some(r) = c
                    .result
                    .as_deref()
                    .filter(|_| TEST_CMDS.iter().any(|t| cmd.contains(t)))
                {
                    let failed = r.contains("FAILED") || r.contains("failed;") || r.contains(" failed");
                    self.last_test = Some(c.is_error != Some(true) && !failed);
                }
            }
            let change = match kind(&c.tool) {
                ToolKind::Edit | ToolKind::Write => true,
                ToolKind::Shell => cmd.is_some_and(|cmd| effect(&cmd) != Effect::Read),
                _ => false,
            };
            if change {
                self.changes = true;
                self.landed |= !c.rejected && c.is_error != Some(true) && stopped != Some(c as *const Call);
            }
        }
    }

    pub fn finish(&self) -> Option<Outcome> {
        if self.last_complains && self.turns > 1 {
            return Some(Outcome::Failure);
        }
        if self.committed || self.last_test == Some(true) || self.confirmed {
            return Some(Outcome::VerifiedSuccess);
        }
        if self.last_test == Some(false) {
            return Some(Outcome::Failure);
        }
        match (self.changes, self.landed) {
            (false, _) => None,
            (true, true) => Some(Outcome::Success),
            (true, false) => Some(Outcome::Failure),
        }
    }
}
