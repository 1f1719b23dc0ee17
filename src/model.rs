//! The v1 corpus model (`docs/corpus-format.md`): owned, serde-ready types.
//!
//! These are used to write corpora (generator, importer) and to hold the one session a
//! person has opened. Bulk loading never builds them: it aggregates each line straight into
//! a [`crate::corpus::SessionRow`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Who made a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    Human,
    Agent,
}

/// Planning (what to do, which approach, what counts as done) or execution (which files,
/// what code, which commands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Planning,
    Execution,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    VerifiedSuccess,
    Success,
    Failure,
}

impl Actor {
    pub const ALL: [Actor; 2] = [Actor::Human, Actor::Agent];
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn name(self) -> &'static str {
        match self {
            Actor::Human => "human",
            Actor::Agent => "agent",
        }
    }
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Planning, Kind::Execution];
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn name(self) -> &'static str {
        match self {
            Kind::Planning => "planning",
            Kind::Execution => "execution",
        }
    }
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::VerifiedSuccess, Outcome::Success, Outcome::Failure];
    pub fn name(self) -> &'static str {
        match self {
            Outcome::VerifiedSuccess => "verified_success",
            Outcome::Success => "success",
            Outcome::Failure => "failure",
        }
    }
    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.name() == s)
    }
}

/// Names of the 5-point expertise scale, index 0 = level 1.
pub const EXPERTISE_NAMES: [&str; 5] = ["novice", "beginner", "intermediate", "advanced", "expert"];

/// The name of an expertise level (1-5), or `unknown`.
pub fn expertise_name(level: Option<u8>) -> &'static str {
    match level {
        Some(l @ 1..=5) => EXPERTISE_NAMES[l as usize - 1],
        _ => "unknown",
    }
}

/// Parses a level given as a number (`3`) or a name (`intermediate`). `unknown` is not a
/// level: callers that accept it handle it themselves.
pub fn parse_expertise(s: &str) -> Option<u8> {
    let s = s.trim();
    if let Ok(n) = s.parse::<u8>() {
        return (1..=5).contains(&n).then_some(n);
    }
    EXPERTISE_NAMES
        .iter()
        .position(|n| n.eq_ignore_ascii_case(s))
        .map(|i| i as u8 + 1)
}

/// Expertise as stored in a corpus line: an integer 1-5, a level name, or null.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Expertise(pub Option<u8>);

impl Serialize for Expertise {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(l) => s.serialize_u8(l),
            None => s.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for Expertise {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Expertise;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an expertise level 1-5, a level name, or null")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Expertise, E> {
                match v {
                    1..=5 => Ok(Expertise(Some(v as u8))),
                    _ => Err(E::custom(format_args!("expertise {v} is outside 1-5"))),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Expertise, E> {
                Err(E::custom(format_args!("expertise {v} is outside 1-5")))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Expertise, E> {
                Err(E::custom(format_args!("expertise {v} is not an integer 1-5")))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Expertise, E> {
                match parse_expertise(v) {
                    Some(l) if v.parse::<u8>().is_err() => Ok(Expertise(Some(l))),
                    _ => Err(E::custom(format_args!("unknown expertise level {v:?}"))),
                }
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Expertise, E> {
                Ok(Expertise(None))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Expertise, E> {
                Ok(Expertise(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// One session: a line of a v1 corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Session {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "is_unknown")]
    pub expertise: Expertise,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    pub turns: Vec<Turn>,
    /// Not part of v1 (readers ignore it): the fields leash's importer estimated
    /// (`expertise`, `outcome`) rather than read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub estimated: Vec<String>,
    /// Not part of v1: tool calls made by sub-agents, counted apart from `actions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subagent_actions: Option<u64>,
}

impl Session {
    /// The title, else the first line of the first prompt (as v1 says), else the id.
    pub fn display_title(&self) -> &str {
        self.title
            .as_deref()
            .or_else(|| self.turns.first().map(|t| first_line(&t.prompt)))
            .filter(|t| !t.is_empty())
            .unwrap_or(&self.id)
    }

    pub fn is_estimated(&self, field: &str) -> bool {
        self.estimated.iter().any(|f| f == field)
    }
}

fn is_unknown(e: &Expertise) -> bool {
    e.0.is_none()
}

/// One user prompt and everything the agent did until the next one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Turn {
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_words: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Not part of v1: the sub-agents this turn started, with their own tool calls.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subagent: Vec<SubagentRun>,
}

/// A sub-agent (Claude Code's Task/Agent tool) and the tool calls it made; never counted
/// among the main chain's actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SubagentRun {
    /// The main chain's call that started it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the importer found it: `inline`, `subagents` or `legacy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    #[serde(default)]
    pub actions: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<Action>,
}

impl Turn {
    /// Words the agent wrote: `response_words`, else the tokens of `response`, else 0.
    pub fn words(&self) -> u64 {
        self.response_words
            .unwrap_or_else(|| self.response.as_deref().map_or(0, count_words))
    }
}

/// Whitespace-separated tokens, the fallback for `response_words`.
pub fn count_words(s: &str) -> u64 {
    s.split_whitespace().count() as u64
}

/// One tool call of the agent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Action {
    pub tool: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ok: Option<bool>,
}

/// One labelled decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub id: String,
    pub kind: Kind,
    pub actor: Actor,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratified: Option<bool>,
    /// Not part of v1: the classifier rule that produced it (kept by readers as an unknown key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl Decision {
    pub fn is_ratified(&self) -> bool {
        self.ratified == Some(true)
    }
}

/// The first line of a prompt, the default title.
pub fn first_line(s: &str) -> &str {
    s.trim_start().lines().next().unwrap_or("").trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expertise_accepts_numbers_names_null_and_rejects_the_rest() {
        let p = |s: &str| serde_json::from_str::<Expertise>(s).map(|e| e.0);
        assert_eq!(p("3").unwrap(), Some(3));
        assert_eq!(p("\"expert\"").unwrap(), Some(5));
        assert_eq!(p("null").unwrap(), None);
        assert!(p("9").is_err());
        assert!(p("0").is_err());
        assert!(p("2.5").is_err());
        assert!(p("\"guru\"").is_err());
        assert!(p("\"3\"").is_err(), "a number in a string is not a level name");
    }

    #[test]
    fn a_session_without_title_is_named_by_its_first_prompt() {
        let mut s = Session {
            id: "s-1".into(),
            turns: vec![Turn {
                prompt: "\n  Fix the login bug\nand more".into(),
                ..Turn::default()
            }],
            ..Session::default()
        };
        assert_eq!(s.display_title(), "Fix the login bug");
        s.title = Some("Login".into());
        assert_eq!(s.display_title(), "Login");
        s.title = None;
        s.turns.clear();
        assert_eq!(s.display_title(), "s-1");
    }

    #[test]
    fn words_fall_back_to_response_tokens() {
        let mut t = Turn {
            response: Some("one two\nthree".into()),
            ..Turn::default()
        };
        assert_eq!(t.words(), 3);
        t.response_words = Some(10);
        assert_eq!(t.words(), 10);
        assert_eq!(Turn::default().words(), 0);
    }
}
