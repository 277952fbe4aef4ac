//! Question banks: the model, YAML loading and validation, the built-in
//! banks embedded in the binary, and merging them with the user's banks.
//!
//! This is the only module that parses YAML. It knows nothing of the
//! terminal, the history or the drill.

use std::path::PathBuf;
use std::time::Duration;

/// One question of a bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Kebab-case id, unique within its category.
    pub id: String,
    /// The question as the interviewer asks it; may hold `{company}`/`{role}`.
    pub text: String,
    /// Follow-up questions an interviewer would really ask.
    pub followups: Vec<String>,
    /// How interviewers judge answers to it.
    pub tips: Vec<String>,
    /// Answer limit overriding the bank's.
    pub limit: Option<Duration>,
    /// Target think time overriding the bank's.
    pub think: Option<Duration>,
    /// Free-form tags.
    pub tags: Vec<String>,
}

/// Where a bank came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Embedded in the binary from `question-banks/`.
    BuiltIn,
    /// A user file.
    File(PathBuf),
}

/// One category's questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    /// Kebab-case category name.
    pub category: String,
    /// Human title.
    pub title: String,
    /// What the category practises.
    pub description: Option<String>,
    /// Default answer limit for its questions.
    pub limit: Option<Duration>,
    /// Default target think time for its questions.
    pub think: Option<Duration>,
    /// The questions, in file order.
    pub questions: Vec<Question>,
    /// Where it came from.
    pub source: Source,
}

/// Answer limit when neither question nor bank sets one.
pub const DEFAULT_LIMIT: Duration = Duration::from_secs(90);
/// Target think time when neither question nor bank sets one.
pub const DEFAULT_THINK: Duration = Duration::from_secs(10);

impl Bank {
    /// The answer limit that applies to `q`: the question's, else the bank's,
    /// else [`DEFAULT_LIMIT`].
    pub fn limit_for(&self, q: &Question) -> Duration {
        q.limit.or(self.limit).unwrap_or(DEFAULT_LIMIT)
    }

    /// The target think time that applies to `q`.
    pub fn think_for(&self, q: &Question) -> Duration {
        q.think.or(self.think).unwrap_or(DEFAULT_THINK)
    }
}

/// Parses a duration written `45s`, `2m` or `1m30s`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s.trim())
        .map_err(|e| format!("bad duration {s:?}: {e}; write e.g. 45s, 2m or 1m30s"))
}

/// A problem with a bank file (helper A fleshes this out).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BankError(pub String);
