//! What orders the session list and what the histogram panel compares.

/// The session list's sort key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Corpus order.
    #[default]
    Natural,
    /// Best match first while a query is active (else corpus order): chosen, never imposed,
    /// so the list does not re-sort itself under the cursor when the ranking comes in.
    Relevance,
    /// When the session started (sessions without a time first).
    Date,
    Title,
    Expertise,
    Turns,
    ActionsPerPrompt,
    PlanningShare,
    ExecutionShare,
}

impl SortKey {
    pub const ALL: [SortKey; 9] = [
        SortKey::Natural,
        SortKey::Relevance,
        SortKey::Date,
        SortKey::Title,
        SortKey::Expertise,
        SortKey::Turns,
        SortKey::ActionsPerPrompt,
        SortKey::PlanningShare,
        SortKey::ExecutionShare,
    ];
    /// Whether the list is in corpus order (relevance without a query is too).
    pub fn is_natural(self) -> bool {
        matches!(self, SortKey::Natural | SortKey::Relevance)
    }
    pub fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|&k| k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }
    /// The name the config file uses.
    pub fn config_name(self) -> &'static str {
        match self {
            SortKey::ActionsPerPrompt => "actions/prompt",
            SortKey::PlanningShare => "planning",
            SortKey::ExecutionShare => "execution",
            k => k.name(),
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Natural => "order",
            SortKey::Relevance => "relevance",
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Expertise => "expertise",
            SortKey::Turns => "turns",
            SortKey::ActionsPerPrompt => "actions/prompt",
            SortKey::PlanningShare => "human planning",
            SortKey::ExecutionShare => "human execution",
        }
    }
}

/// What the histogram panel compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cohorts {
    /// The whole filtered set.
    #[default]
    All,
    /// Novices (level 1) beside experts (level 5).
    Expertise,
    /// User keeps execution beside agent controls planning.
    Regimes,
}

impl Cohorts {
    pub fn next(self) -> Cohorts {
        match self {
            Cohorts::All => Cohorts::Expertise,
            Cohorts::Expertise => Cohorts::Regimes,
            Cohorts::Regimes => Cohorts::All,
        }
    }
}
