//! The classifier's vocabularies, apart from the rules that use them, so that each list can
//! be read, reviewed and extended in one place (`docs/classifier.md` quotes them).

pub mod agent;
pub mod exec;
pub mod expertise;
pub mod prose;
pub mod shell;
