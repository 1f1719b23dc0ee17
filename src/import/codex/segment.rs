//! From a rollout's events to turns, each prompt and each piece of prose once. Which copy of
//! the prompts and of the prose counts is decided on the events first seen: the whole file's
//! for a rollout read at once, the first part's for one too big to hold.

use super::is_rejection;
use super::{Copy, Ev};
use crate::import::prompt::{is_codex_injected, strip_codex_ide};
use crate::transcript::{RawSession, RawTurn, push_text};

pub(super) struct Segmenter {
    prompt_copy: Copy,
    text_copy: Copy,
    /// Without `task_started` events (older rollouts) a `turn_context` is its turn's only mark.
    tasks: bool,
    /// Plan mode seen since the last `task_started`, and whether the running turn's prompt
    /// came after it (a `turn_context` is written before or after its prompt).
    plan: bool,
    turn_in_task: bool,
}

impl Segmenter {
    /// The event copies are used when there are any, and the response-item copies otherwise.
    pub fn new(evs: &[Ev]) -> Segmenter {
        let prompt_copy = if evs.iter().any(|e| matches!(e, Ev::Prompt(Copy::Event, ..))) {
            Copy::Event
        } else {
            Copy::Item
        };
        let text_copy = if evs.iter().any(|e| matches!(e, Ev::Text(Copy::Item, _))) {
            Copy::Item
        } else {
            Copy::Event
        };
        Segmenter {
            prompt_copy,
            text_copy,
            tasks: evs.iter().any(|e| matches!(e, Ev::TaskStarted)),
            plan: false,
            turn_in_task: false,
        }
    }

    /// Whether the events decide as the whole file would: a prompt's event copy, a piece of
    /// prose's item copy and a `task_started` seen (what a current rollout has).
    pub fn sure(evs: &[Ev]) -> bool {
        let has = |f: fn(&Ev) -> bool| evs.iter().any(f);
        has(|e| matches!(e, Ev::Prompt(Copy::Event, ..)))
            && has(|e| matches!(e, Ev::Text(Copy::Item, _)))
            && has(|e| matches!(e, Ev::TaskStarted))
    }

    /// Adds the events' turns to `s`.
    pub fn events(&mut self, s: &mut RawSession, evs: Vec<Ev>) {
        for ev in evs {
            match ev {
                Ev::Prompt(c, text, at) if c == self.prompt_copy && !is_codex_injected(&text) => {
                    let (request, ide_context) = strip_codex_ide(&text);
                    if request.trim().is_empty() {
                        continue;
                    }
                    self.turn_in_task = true;
                    s.turns.push(RawTurn {
                        prompt: request.to_owned(),
                        started_at: at,
                        ide_context,
                        plan_mode: self.plan,
                        ..RawTurn::default()
                    });
                    self.plan &= self.tasks;
                }
                Ev::TaskStarted => (self.plan, self.turn_in_task) = (false, false),
                Ev::Plan => {
                    self.plan = true;
                    if let Some(t) = s.turns.last_mut().filter(|_| self.turn_in_task) {
                        t.plan_mode = true;
                    }
                }
                Ev::Aborted => {
                    if let Some(t) = s.turns.last_mut() {
                        t.interrupted = true;
                    }
                }
                Ev::Text(c, text) if c == self.text_copy => {
                    if let Some(t) = s.turns.last_mut() {
                        push_text(t, &text);
                    }
                }
                Ev::Call(call) => match s.turns.last_mut() {
                    Some(t) => t.calls.push(call),
                    None => s.actions_before_first_prompt += 1,
                },
                Ev::Output(id, out, failed) => {
                    let calls = s.turns.iter_mut().rev().flat_map(|t| t.calls.iter_mut());
                    if let Some(c) = calls.into_iter().find(|c| c.id == id) {
                        c.is_error = failed;
                        c.rejected = is_rejection(&out);
                        c.result = Some(out);
                    }
                }
                _ => {}
            }
        }
    }
}
