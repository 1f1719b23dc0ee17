//! Whole screens on a `TestBackend`, snapshotted.
