//! Styles. Every distinction drawn in colour is also drawn in text or a modifier, and with
//! `NO_COLOR` set no colour is emitted at all.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{Actor, Kind};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    /// Colours for a light background (the config's `theme = "light"`): yellow and cyan,
    /// unreadable on white, become darker tones.
    pub light: bool,
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if !self.color {
            return Style::new();
        }
        let c = match (self.light, c) {
            (true, Color::Yellow) => Color::Indexed(130),
            (true, Color::Cyan) => Color::Blue,
            (true, Color::Green) => Color::Indexed(28),
            (_, c) => c,
        };
        Style::new().fg(c)
    }
    pub fn plain(self) -> Style {
        Style::new()
    }
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn highlight(self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => self.fg(Color::Cyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            _ => self.dim(),
        }
    }
    pub fn actor(self, a: Actor) -> Style {
        match a {
            Actor::Human => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Actor::Agent => self.fg(Color::Magenta),
        }
    }
    pub fn kind(self, k: Kind) -> Style {
        match k {
            Kind::Planning => self.fg(Color::Blue),
            Kind::Execution => self.fg(Color::Yellow),
        }
    }
    pub fn bad(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }
    pub fn bar(self) -> Style {
        self.fg(Color::Cyan)
    }
    pub fn study(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    /// A line holding the text found in the session (reversed: visible without colour).
    pub fn found(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn mark(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
}
