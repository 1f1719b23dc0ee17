//! What a Claude Code session says about itself: who ran it, and the tokens it used.

use std::collections::HashMap;

use super::Line;
use crate::import::origin;
use crate::transcript::Usage;

/// What the lines say about who ran the session.
#[derive(Default)]
pub(super) struct Who {
    entrypoint: Option<String>,
    sdk_prompt: bool,
    background: bool,
}

impl Who {
    pub fn line(&mut self, line: &Line) {
        if self.entrypoint.is_none() {
            self.entrypoint = line.entrypoint.clone();
        }
        self.sdk_prompt |= line.prompt_source.as_deref() == Some("sdk");
        self.background |= line.session_kind.as_deref() == Some("bg");
    }

    pub fn origin(&self) -> Option<String> {
        let o = if self.background {
            origin::FORK
        } else if let Some(e) = &self.entrypoint {
            origin::claude_entrypoint(e)
        } else if self.sdk_prompt {
            origin::SDK
        } else {
            return None;
        };
        Some(o.to_owned())
    }
}

/// Each API response's usage at its largest, by (`message.id`, `requestId`): streaming
/// writes a response over several lines while its counts grow. A big transcript's reading
/// ages the responses ([`Tokens::age`]): those not seen again since the age before are
/// summed and forgotten.
#[derive(Default)]
pub(crate) struct Tokens {
    now: HashMap<(String, String), Usage>,
    old: HashMap<(String, String), Usage>,
    done: Option<Usage>,
}

fn add(a: Usage, b: Usage) -> Usage {
    Usage {
        input: a.input + b.input,
        output: a.output + b.output,
        cache_read: a.cache_read + b.cache_read,
        cache_creation: a.cache_creation + b.cache_creation,
    }
}

impl Tokens {
    pub fn age(&mut self) {
        let old = std::mem::replace(&mut self.old, std::mem::take(&mut self.now));
        self.done = old.into_values().chain(self.done).reduce(add);
    }

    pub fn line(&mut self, line: &Line) {
        if let Some((key, u)) = line.usage() {
            let e = match self.old.get_mut(&key) {
                Some(e) => e,
                None => self.now.entry(key).or_default(),
            };
            *e = Usage {
                input: e.input.max(u.input),
                output: e.output.max(u.output),
                cache_read: e.cache_read.max(u.cache_read),
                cache_creation: e.cache_creation.max(u.cache_creation),
            };
        }
    }

    /// The session's usage: each response once, at its largest.
    pub fn total(self) -> Option<Usage> {
        (self.done.into_iter())
            .chain(self.old.into_values())
            .chain(self.now.into_values())
            .reduce(add)
    }
}
