//! Export of every audited decision joined with the classifier's label, and of every decision
//! the auditors added, as CSV or JSON Lines.

use std::io::{self, Write};

use serde::Serialize;

use super::Audited;
use crate::corpus::Corpus;
use crate::model::expertise_name;

/// One exported row; the CSV header is these names in this order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row<'a> {
    pub session: &'a str,
    pub decision: &'a str,
    pub expertise: &'static str,
    /// The classifier's label; none for a decision the auditor added (it missed it).
    pub classifier_actor: Option<&'static str>,
    pub classifier_kind: Option<&'static str>,
    pub confidence: Option<f64>,
    pub verdict: &'static str,
    /// The auditor's label: the classifier's for a confirm, the correction for a relabel,
    /// none for a reject.
    pub audit_actor: Option<&'static str>,
    pub audit_kind: Option<&'static str>,
    pub note: Option<&'a str>,
    pub auditor: &'a str,
    pub at: &'a str,
}

pub const HEADER: [&str; 12] = [
    "session",
    "decision",
    "expertise",
    "classifier_actor",
    "classifier_kind",
    "confidence",
    "verdict",
    "audit_actor",
    "audit_kind",
    "note",
    "auditor",
    "at",
];

impl<'a> Row<'a> {
    pub fn new(corpus: &'a Corpus, a: &Audited<'a>) -> Row<'a> {
        let label = a.auditor_label();
        let v = a.verdict;
        Row {
            session: &v.session,
            decision: &v.decision,
            expertise: expertise_name(corpus.rows[a.session].expertise),
            classifier_actor: Some(a.actor.name()),
            classifier_kind: Some(a.kind.name()),
            confidence: a.confidence,
            verdict: v.verdict.name(),
            audit_actor: label.map(|l| l.0.name()),
            audit_kind: label.map(|l| l.1.name()),
            note: v.note.as_deref(),
            auditor: &v.auditor,
            at: &v.at,
        }
    }

    /// A decision the classifier missed, added by the auditor (`verdict` is `add`).
    pub fn added(corpus: &'a Corpus, row: usize, v: &'a super::Verdict) -> Row<'a> {
        Row {
            session: &v.session,
            decision: &v.decision,
            expertise: expertise_name(corpus.rows[row].expertise),
            classifier_actor: None,
            classifier_kind: None,
            confidence: None,
            verdict: v.verdict.name(),
            audit_actor: v.actor.map(crate::model::Actor::name),
            audit_kind: v.kind.map(crate::model::Kind::name),
            note: v.note.as_deref(),
            auditor: &v.auditor,
            at: &v.at,
        }
    }

    fn fields(&self) -> [String; 12] {
        let opt = |o: Option<&str>| o.unwrap_or("").to_owned();
        [
            self.session.to_owned(),
            self.decision.to_owned(),
            self.expertise.to_owned(),
            opt(self.classifier_actor),
            opt(self.classifier_kind),
            self.confidence.map_or(String::new(), |c| c.to_string()),
            self.verdict.to_owned(),
            opt(self.audit_actor),
            opt(self.audit_kind),
            opt(self.note),
            self.auditor.to_owned(),
            self.at.to_owned(),
        ]
    }
}

/// Writes a header line and one CSV line per row through leash's one CSV writer,
/// [`crate::export::csv::SafeCsv`] (no formula reaches a spreadsheet, no control char a terminal).
pub fn write_csv(out: &mut impl Write, rows: &[Row]) -> io::Result<()> {
    let mut w = crate::export::csv::SafeCsv::new(out);
    w.record(HEADER)?;
    for r in rows {
        w.record(r.fields().iter().map(String::as_str))?;
    }
    w.flush()
}

/// Writes one JSON object per row, C1 controls and bidi overrides escaped.
pub fn write_jsonl(out: &mut impl Write, rows: &[Row]) -> io::Result<()> {
    for r in rows {
        let line = serde_json::to_vec(r)?;
        out.write_all(crate::text::json_safe(&line).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
