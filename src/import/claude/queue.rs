//! Messages the user typed while Claude Code worked, delivered into the running turn.
//!
//! Two records say so: `queue-operation` lines (`enqueue` when typed; `dequeue` when sent as
//! the next prompt, which then appears as a user line; `remove` when folded into the running
//! turn; `popAll` when pulled back into the input box to edit, not sent), and in newer
//! versions an `attachment` line with `attachment.type: "queued_command"` written where the
//! message reached the agent. One message can leave both (an attachment, then its `remove`):
//! it counts once. A removed message that later shows up as a user line was a prompt after
//! all; a user line repeating an attachment's message opens no turn.

use std::collections::VecDeque;

use serde_json::Value;

use super::super::prompt::is_claude_injected;

struct Delivered {
    line: u64,
    turn: usize,
    text: String,
    by_attachment: bool,
    /// A matching record of the other kind was seen (one message, two records).
    paired: bool,
    /// A user line carried it after all: a prompt, not a mid-turn message.
    dropped: bool,
    /// A user line repeated this attachment's message (and was not counted again).
    echoed: bool,
}

/// The queue of one session file.
#[derive(Default)]
pub(super) struct Queue {
    waiting: VecDeque<String>,
    delivered: Vec<Delivered>,
}

/// The user's words in a `queued_command` attachment, or `None` for any other attachment,
/// a queued task notification, or a message from something other than the person.
pub(super) fn queued_prompt(attachment: &Value) -> Option<String> {
    let field = |k: &str| attachment.get(k).and_then(Value::as_str);
    if field("type") != Some("queued_command")
        || attachment.get("isMeta").and_then(Value::as_bool) == Some(true)
        || field("commandMode").is_some_and(|m| m != "prompt")
        || attachment
            .pointer("/origin/kind")
            .and_then(Value::as_str)
            .is_some_and(|k| k != "human")
    {
        return None;
    }
    words(attachment.get("prompt")?)
}

/// The text of a queued message (a string or `text` blocks), unless empty or injected.
pub(super) fn words(v: &Value) -> Option<String> {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Array(blocks) => {
            let t: Vec<&str> = blocks
                .iter()
                .filter(|b| b.get("type").and_then(Value::as_str) == Some("text"))
                .filter_map(|b| b.get("text").and_then(Value::as_str))
                .collect();
            t.join("\n")
        }
        _ => return None,
    };
    (!text.trim().is_empty() && !is_claude_injected(&text)).then_some(text)
}

impl Queue {
    /// A `queue-operation` line. Returns the message when it was delivered while no turn
    /// was running: the caller opens a turn with it.
    pub fn operation(&mut self, op: &str, content: Option<&Value>, line: u64, turn: Option<usize>) -> Option<String> {
        let text = content.and_then(Value::as_str);
        match op {
            "enqueue" => self.waiting.push_back(text?.to_owned()),
            "dequeue" => drop(self.waiting.pop_front()),
            "popAll" => self.waiting.clear(),
            "remove" => {
                let at = match text {
                    Some(t) => self.waiting.iter().position(|w| w == t),
                    None => (!self.waiting.is_empty()).then_some(0),
                };
                let removed = at.and_then(|i| self.waiting.remove(i)).or(text.map(str::to_owned))?;
                let words = words(&Value::String(removed))?;
                return self.deliver(words, line, turn, false);
            }
            _ => {}
        }
        None
    }

    /// A `queued_command` attachment's words; see [`Queue::operation`] for the result.
    pub fn attachment(&mut self, text: String, line: u64, turn: Option<usize>) -> Option<String> {
        self.deliver(text, line, turn, true)
    }

    fn deliver(&mut self, text: String, line: u64, turn: Option<usize>, by_attachment: bool) -> Option<String> {
        let Some(turn) = turn else {
            return Some(text);
        };
        let twin = self
            .delivered
            .iter_mut()
            .find(|d| d.turn == turn && d.text == text && d.by_attachment != by_attachment && !d.paired && !d.dropped);
        if let Some(d) = twin {
            d.paired = true;
            // The attachment's record is the one a later user line cannot overrule.
            d.by_attachment = true;
            return None;
        }
        self.delivered.push(Delivered {
            line,
            turn,
            text,
            by_attachment,
            paired: false,
            dropped: false,
            echoed: false,
        });
        None
    }

    /// A real prompt line: `true` when it repeats a message an attachment already delivered
    /// into `turn` (it opens no turn); a removed message it matches becomes this prompt.
    pub fn user_line(&mut self, text: &str, turn: Option<usize>) -> bool {
        let live = |d: &&mut Delivered| !d.dropped && d.text.trim() == text.trim();
        let echo = |d: &&mut Delivered| d.by_attachment && !d.echoed && Some(d.turn) == turn;
        if let Some(d) = self.delivered.iter_mut().filter(live).find(echo) {
            d.echoed = true;
            return true;
        }
        if let Some(d) = self.delivered.iter_mut().filter(live).find(|d| !d.by_attachment) {
            d.dropped = true;
        }
        false
    }

    /// The messages delivered into turns before `turn`, in file order, as `(turn, text)`:
    /// taken out, as [`Queue::finish`] would give them (a reader hands those turns on).
    pub fn settle(&mut self, turn: usize) -> Vec<(usize, String)> {
        let (before, after) = std::mem::take(&mut self.delivered)
            .into_iter()
            .partition(|d| d.turn < turn);
        self.delivered = after;
        Queue {
            waiting: VecDeque::new(),
            delivered: before,
        }
        .finish()
    }

    /// Each delivered message, in file order, as `(turn, text)`.
    pub fn finish(mut self) -> Vec<(usize, String)> {
        self.delivered.retain(|d| !d.dropped);
        self.delivered.sort_by_key(|d| d.line);
        self.delivered.into_iter().map(|d| (d.turn, d.text)).collect()
    }
}
