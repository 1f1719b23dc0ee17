//! What the expertise estimate rests on: the signals that fired, quoted, and how much
//! evidence there was; and the short account of it the browser shows beside the level.

/// What the user's words show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    /// Pins down how or when the work is done: an identifier, code, a command, a constraint,
    /// a criterion, a path with its folder.
    Precise,
    /// Asks the agent to check its work.
    Verify,
    /// Tells the agent it got something wrong.
    Correct,
    /// Asks to be taught.
    Learn,
    /// Names a file (shown, but a bare file name is not precise direction by itself).
    NamesFile,
}

/// One signal that fired: in which turn (1-based) and on which words of the user. Fields in
/// the order of their names: a corpus line's keys are sorted, and the evidence is written
/// without a JSON tree (`import::build`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Signal {
    pub quote: String,
    pub signal: SignalKind,
    pub turn: usize,
}

/// How much the estimate rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Too little evidence: the level is unknown.
    #[default]
    None,
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn name(self) -> &'static str {
        ["none", "low", "medium", "high"][self as usize]
    }
}

/// The estimate with what it rests on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Estimate {
    pub level: Option<u8>,
    pub confidence: Confidence,
    /// Messages of the user's own words read (prompts and mid-turn messages).
    pub messages: usize,
    /// Words of the user's own in them.
    pub words: usize,
    pub evidence: Vec<Signal>,
}

impl Estimate {
    pub fn count(&self, k: SignalKind) -> usize {
        self.evidence.iter().filter(|s| s.signal == k).count()
    }
}

/// A short account of the evidence, as a person would say it: "names 4 files, directs
/// precisely 3 times, asks to verify twice, corrects once"; empty when nothing fired.
pub fn describe(evidence: &[Signal]) -> String {
    let times = |n: usize| match n {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    };
    let count = |k: SignalKind| evidence.iter().filter(|s| s.signal == k).count();
    let mut files: Vec<&str> = evidence
        .iter()
        .filter(|s| s.signal == SignalKind::NamesFile)
        .map(|s| s.quote.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    let mut parts = Vec::new();
    match files.len() {
        0 => {}
        1 => parts.push("names 1 file".to_owned()),
        n => parts.push(format!("names {n} files")),
    }
    for (k, what) in [
        (SignalKind::Precise, "directs precisely"),
        (SignalKind::Verify, "asks to verify"),
        (SignalKind::Correct, "corrects"),
        (SignalKind::Learn, "asks to be taught"),
    ] {
        let n = count(k);
        if n > 0 {
            parts.push(format!("{what} {}", times(n)));
        }
    }
    parts.join(", ")
}

/// The account of a corpus line's `expertise_evidence`, with its `expertise_confidence`:
/// "low confidence: names 1 file", "too little to tell: no signal"; `None` when the line carries neither key.
pub fn describe_line(line: &serde_json::Value) -> Option<String> {
    let confidence = line.get("expertise_confidence").and_then(|c| c.as_str());
    let evidence: Vec<Signal> = line
        .get("expertise_evidence")
        .and_then(|e| serde_json::from_value(e.clone()).ok())
        .unwrap_or_default();
    if confidence.is_none() && evidence.is_empty() {
        return None;
    }
    let said = describe(&evidence);
    let said = if said.is_empty() { "no signal".to_owned() } else { said };
    Some(match confidence {
        Some("none") => format!("too little to tell: {said}"),
        Some(c) => format!("{c} confidence: {said}"),
        None => said,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_as_a_person_would() {
        let s = |signal, quote: &str| Signal {
            signal,
            turn: 1,
            quote: quote.to_owned(),
        };
        let ev = vec![
            s(SignalKind::NamesFile, "src/a.rs"),
            s(SignalKind::NamesFile, "src/b.rs"),
            s(SignalKind::NamesFile, "src/a.rs"),
            s(SignalKind::Verify, "run the tests"),
            s(SignalKind::Verify, "did you test it?"),
            s(SignalKind::Correct, "no, the other one"),
        ];
        assert_eq!(describe(&ev), "names 2 files, asks to verify twice, corrects once");
        let line = serde_json::json!({"expertise_confidence": "high", "expertise_evidence": ev});
        assert_eq!(
            describe_line(&line).as_deref(),
            Some("high confidence: names 2 files, asks to verify twice, corrects once")
        );
        let none = serde_json::json!({"expertise_confidence": "none", "expertise_evidence": []});
        assert_eq!(describe_line(&none).as_deref(), Some("too little to tell: no signal"));
        assert_eq!(describe_line(&serde_json::json!({"id": "x"})), None);
    }
}
