//! Tests of the browser: `update` driven by Actions over small fixture corpora, and
//! snapshots of whole screens drawn on a `TestBackend`.

mod audit;
mod audit_blind;
mod audit_flow;
mod audit_panels;
mod audit_review;
mod audit_screens;
mod figures;
pub(super) mod fixture;
mod keytable;
mod reading;
pub(super) mod screens;
mod searchmodes;
mod timeplace;
mod updates;
mod workers;
