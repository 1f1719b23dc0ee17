//! The columns of each exported table, in order: names, types and whether they can be null.
//! `docs/export.md` documents the same list (a test holds the two together).

/// One of the four tables `leash export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Sessions,
    Turns,
    Decisions,
    Actions,
}

impl Table {
    pub const ALL: [Table; 4] = [Table::Sessions, Table::Turns, Table::Decisions, Table::Actions];

    pub fn name(self) -> &'static str {
        match self {
            Table::Sessions => "sessions",
            Table::Turns => "turns",
            Table::Decisions => "decisions",
            Table::Actions => "actions",
        }
    }

    pub fn parse(s: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == s)
    }

    /// Its columns, in order.
    pub fn columns(self) -> Vec<Col> {
        match self {
            // The session's id and title, its facets, then its figures.
            Table::Sessions => [&SESSIONS[..2], FACETS, &SESSIONS[2..]].concat(),
            // A flat file of turns, decisions or actions filters and groups without a join.
            Table::Turns => [TURNS, FACETS].concat(),
            Table::Decisions => [DECISIONS, FACETS].concat(),
            Table::Actions => [ACTIONS, FACETS].concat(),
        }
    }
}

/// A column's type: text (UTF-8), a 64-bit integer, a 64-bit float, or a boolean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Str,
    Int,
    Float,
    Bool,
}

impl Type {
    pub fn name(self) -> &'static str {
        match self {
            Type::Str => "string",
            Type::Int => "int64",
            Type::Float => "double",
            Type::Bool => "bool",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    pub name: &'static str,
    pub ty: Type,
    pub nullable: bool,
}

const fn req(name: &'static str, ty: Type) -> Col {
    Col {
        name,
        ty,
        nullable: false,
    }
}

const fn opt(name: &'static str, ty: Type) -> Col {
    Col {
        name,
        ty,
        nullable: true,
    }
}

use Type::{Bool, Float, Int, Str};

/// The sessions table without its facets (which come after the title).
const SESSIONS: &[Col] = &[
    req("session_id", Str),
    req("title", Str),
    req("redacted", Bool),
    req("turns", Int),
    req("actions", Int),
    req("failed_actions", Int),
    req("subagent_actions", Int),
    req("words", Int),
    req("planning_human", Int),
    req("planning_agent", Int),
    req("execution_human", Int),
    req("execution_agent", Int),
    opt("actions_per_prompt", Float),
    opt("words_per_turn", Float),
    opt("planning_human_share", Float),
    opt("execution_human_share", Float),
    req("user_keeps_execution", Bool),
    req("agent_controls_planning", Bool),
];

const TURNS: &[Col] = &[
    req("session_id", Str),
    req("turn", Int),
    req("prompt", Str),
    req("words", Int),
    req("actions", Int),
    req("failed_actions", Int),
    req("decisions", Int),
];

const DECISIONS: &[Col] = &[
    req("session_id", Str),
    req("turn", Int),
    req("decision_id", Str),
    req("kind", Str),
    req("actor", Str),
    opt("counted_actor", Str),
    req("ratified", Bool),
    opt("category", Str),
    opt("summary", Str),
    opt("evidence", Str),
    opt("confidence", Float),
    opt("rule", Str),
];

const ACTIONS: &[Col] = &[
    req("session_id", Str),
    req("turn", Int),
    req("action", Int),
    req("tool", Str),
    opt("target", Str),
    opt("ok", Bool),
];

/// The session's facets, repeated on every row of the turns, decisions and actions tables.
pub const FACETS: &[Col] = &[
    req("project", Str),
    opt("started_at", Str),
    opt("model", Str),
    opt("origin", Str),
    opt("expertise", Int),
    req("expertise_name", Str),
    opt("mode", Str),
    opt("outcome", Str),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `docs/export.md` lists every table's columns, in order, each with its type.
    #[test]
    fn the_documentation_lists_every_column_with_its_type() {
        let doc = include_str!("../../docs/export.md");
        for t in Table::ALL {
            let head = format!("### `{}`", t.name());
            let at = doc.find(&head).unwrap_or_else(|| panic!("docs/export.md lacks {head}"));
            let section = doc[at + head.len()..].split("\n### ").next().unwrap();
            let listed: Vec<(String, String)> = section
                .lines()
                .filter_map(|l| {
                    let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                    let name = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
                    Some((name.to_owned(), cells.get(2)?.to_string()))
                })
                .collect();
            let ours: Vec<(String, String)> = t
                .columns()
                .iter()
                .map(|c| {
                    let ty = if c.nullable {
                        format!("{} (null)", c.ty.name())
                    } else {
                        c.ty.name().to_owned()
                    };
                    (c.name.to_owned(), ty)
                })
                .collect();
            assert_eq!(listed, ours, "table {}", t.name());
        }
    }
}
