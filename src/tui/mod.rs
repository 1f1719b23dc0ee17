//! The terminal browser (placeholder until the browser lands).
