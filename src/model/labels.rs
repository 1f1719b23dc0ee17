//! The labels of the v1 model: who decided, what kind of decision, how a session ended,
//! and the expertise level (a number 1-5 or its name on the line).

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
