//! Synthetic v1 corpora (placeholder until the generator lands).
