//! A user line on the main chain: tool results (and the user's refusals), interrupts, the
//! user's own shell commands, slash commands, IDE wrappers, and prompts.

use serde_json::Value;

use super::{Line, PendingSlash, State, is_rejection};
use crate::import::prompt::{is_claude_injected, is_local_command, slash_command, strip_claude_ide, tag};
use crate::transcript::result_text;

impl State {
    /// A user line on the main chain: tool results, then maybe a prompt.
    pub(super) fn user(&mut self, line: &Line) {
        for b in line.blocks() {
            if !b.is("tool_result") {
                continue;
            }
            let id = b.tool_use_id.as_deref().unwrap_or("");
            let held = |&(t, c): &(usize, usize)| Some((t.checked_sub(self.s.turns_before)?, c));
            if let Some((t, c)) = self.call_at.get(id).and_then(held) {
                let call = &mut self.s.turns[t].calls[c];
                let text = result_text(b.content.as_ref().unwrap_or(&Value::Null));
                call.rejected = is_rejection(&text);
                self.rejected_last |= call.rejected;
                call.result = Some(text);
                call.is_error = b.is_error.as_ref().and_then(Value::as_bool);
            }
        }
        let Some(text) = line.user_text() else {
            return;
        };
        if line.is_compact_summary == Some(true) {
            return;
        }
        if line.is_meta == Some(true) {
            // The expansion of a prompt command: the command was the user's prompt.
            if let Some(p) = self.pending.take() {
                self.open_turn(p.text, Some(p.name), p.timestamp, p.uuid);
            }
            return;
        }
        if let Some((name, full)) = slash_command(&text) {
            self.pending = (!is_local_command(&name)).then_some(PendingSlash {
                uuid: line.uuid.clone(),
                name,
                text: full,
                timestamp: line.timestamp.clone(),
            });
            return;
        }
        let (text, ide) = match strip_claude_ide(&text) {
            ("", Some(ctx)) => {
                self.ide_context = Some(ctx);
                return;
            }
            (rest, Some(ctx)) => (rest.to_owned(), Some(ctx)),
            (_, None) => (text, None),
        };
        if is_claude_injected(&text) {
            self.injected(&text);
            return;
        }
        self.pending = None;
        if self.queue.user_line(&text, self.turns().checked_sub(1)) {
            return;
        }
        if ide.is_some() {
            self.ide_context = ide;
        }
        self.open_turn(text, None, line.timestamp.clone(), line.uuid.clone());
    }

    /// Text the tool put in a user line: interrupts, the user's own shell commands.
    fn injected(&mut self, text: &str) {
        let t = text.trim();
        let turn = self.s.turns.last_mut();
        if t.starts_with("[Request interrupted by user") {
            let part_of_rejection = t.starts_with("[Request interrupted by user for tool use") && self.rejected_last;
            if let Some(turn) = turn
                && !part_of_rejection
            {
                turn.interrupted = true;
            }
            self.rejected_last = false;
            return;
        }
        if let Some(cmd) = tag(text, "bash-input")
            && let Some(turn) = turn
        {
            turn.user_commands.push(cmd.to_owned());
        }
        // Local command output: the pending command was local after all.
        if t.starts_with("<local-command") {
            self.pending = None;
        }
    }
}
