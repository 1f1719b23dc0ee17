//! Session filters.
