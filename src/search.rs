//! Fuzzy search over title, project and first prompt.
