//! A Claude Code line's `message`, typed: its content blocks are read field by field, and
//! what leash does not use (thinking text, signatures, images) is skipped without building
//! a JSON tree, the import's largest cost before.

use std::fmt;

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::import::lines::lenient_str;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Message {
    #[serde(deserialize_with = "lenient_str")]
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient_str")]
    pub model: Option<String>,
    pub content: Content,
    pub usage: Option<Value>,
}

/// `message.content`: a string, or blocks.
#[derive(Default)]
pub(crate) enum Content {
    #[default]
    None,
    Text(String),
    Blocks(Vec<Block>),
}

/// One content block; fields a block of its type does not have are `None`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Block {
    #[serde(rename = "type", deserialize_with = "lenient_str")]
    pub ty: Option<String>,
    #[serde(deserialize_with = "lenient_str")]
    pub text: Option<String>,
    #[serde(deserialize_with = "lenient_str")]
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient_str")]
    pub name: Option<String>,
    pub input: Option<Value>,
    #[serde(deserialize_with = "lenient_str")]
    pub tool_use_id: Option<String>,
    pub content: Option<Value>,
    pub is_error: Option<Value>,
}

impl Block {
    pub fn is(&self, ty: &str) -> bool {
        self.ty.as_deref() == Some(ty)
    }
}

impl<'de> Deserialize<'de> for Content {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ContentVisitor)
    }
}

struct ContentVisitor;

impl<'de> Visitor<'de> for ContentVisitor {
    type Value = Content;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or content blocks")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Content, E> {
        Ok(Content::Text(s.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Content, E> {
        Ok(Content::Text(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Content, A::Error> {
        let mut blocks = Vec::new();
        while let Some(b) = seq.next_element::<MaybeBlock>()? {
            blocks.extend(b.0);
        }
        Ok(Content::Blocks(blocks))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Content, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Content::None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Content, E> {
        Ok(Content::None)
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Content, E> {
        Ok(Content::None)
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Content, E> {
        Ok(Content::None)
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Content, E> {
        Ok(Content::None)
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Content, E> {
        Ok(Content::None)
    }
}

/// A block, or nothing for an element that is not an object.
struct MaybeBlock(Option<Block>);

impl<'de> Deserialize<'de> for MaybeBlock {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MaybeBlock;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a content block")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MaybeBlock, A::Error> {
                Block::deserialize(MapAccessDeserializer::new(map)).map(|b| MaybeBlock(Some(b)))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeBlock, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(MaybeBlock(None))
            }

            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<MaybeBlock, E> {
                Ok(MaybeBlock(None))
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<MaybeBlock, E> {
                Ok(MaybeBlock(None))
            }

            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<MaybeBlock, E> {
                Ok(MaybeBlock(None))
            }

            fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<MaybeBlock, E> {
                Ok(MaybeBlock(None))
            }

            fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<MaybeBlock, E> {
                Ok(MaybeBlock(None))
            }

            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<MaybeBlock, E> {
                Ok(MaybeBlock(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// For `#[serde(deserialize_with)]`: a `message` that is an object, else `None` (a line whose
/// `message` is a string or a number is read as having none, not rejected).
pub(crate) fn lenient_message<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Message>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<Message>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a message")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Message>, A::Error> {
            Message::deserialize(MapAccessDeserializer::new(map)).map(Some)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<Message>, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }

        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Option<Message>, E> {
            Ok(None)
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Option<Message>, E> {
            Ok(None)
        }

        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Option<Message>, E> {
            Ok(None)
        }

        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Option<Message>, E> {
            Ok(None)
        }

        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Option<Message>, E> {
            Ok(None)
        }

        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Option<Message>, E> {
            Ok(None)
        }
    }
    d.deserialize_any(V)
}
