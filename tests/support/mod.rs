//! Helpers shared by integration tests. Each test binary compiles its own copy and uses a
//! part of it, so the rest is not dead code.
#![allow(dead_code)]

pub mod export;
pub mod fuzz;
pub mod pty;
