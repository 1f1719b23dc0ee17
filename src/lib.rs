//! leash: who decides in agentic coding sessions, the human or the agent?
//!
//! The core (`model`, `corpus`, `stats`, `filter`, `search`, `generate`, `import`,
//! `classify`, `audit`) never touches the terminal; `tui` is a thin layer over it and `cli`
//! wires both to the command line.

pub mod audit;
pub mod classify;
pub mod cli;
pub mod corpus;
pub mod eval;
pub mod export;
pub mod filter;
pub mod generate;
pub mod import;
pub mod model;
pub mod safe_fs;
pub mod search;
pub mod stats;
pub mod text;
pub mod transcript;
pub mod tui;
