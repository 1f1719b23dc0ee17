//! Tests of the browser: `update` driven by Actions over small fixture corpora, and
//! snapshots of whole screens drawn on a `TestBackend`.

mod fixture;
mod screens;
mod updates;
mod workers;
