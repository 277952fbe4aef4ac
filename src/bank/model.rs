//! The banks' model: what a bank file becomes once it is read and checked.

use std::fmt;
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
    /// The history this question assumes (`employment-gap`, `layoff`, …):
    /// drawn only when the user says the situation applies (see
    /// [`situation`]). `None` for a question that fits everyone.
    pub situation: Option<String>,
    /// What an interviewer listens for in an answer to this question, on
    /// top of its bank's [`Bank::listen_for`].
    pub listen_for: Vec<Point>,
    /// Bank-level points (by label) that do not fit this question.
    pub skip_points: Vec<String>,
    /// Dodges an interviewer hears in an answer to this question, on top of
    /// its bank's [`Bank::avoid`].
    pub avoid: Vec<Avoid>,
}

/// A point an interviewer listens for: heard when any cue matches.
///
/// A cue is a phrase of whole words, case-insensitive, apostrophes ignored;
/// a word may start or end with `*`, a lone `*` is any one word, `#figure`
/// is any figure; `{company}`/`{role}` are filled, and a cue whose
/// placeholder has no value is skipped. No regular expressions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The point's label, e.g. "the result" (unique within its bank).
    #[allow(
        clippy::struct_field_names,
        reason = "the bank format's own key, `point:`"
    )]
    pub point: String,
    /// The phrases that show it was made.
    pub cues: Vec<String>,
    /// The next step shown when it was not heard ("Add: <point>" without).
    pub hint: Option<String>,
}

/// A dodge an interviewer hears: matched like a point's cues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Avoid {
    /// The phrases.
    pub cues: Vec<String>,
    /// Why it lands badly, shown with the match.
    pub why: String,
}

/// Where a bank came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Embedded in the binary from `question-banks/`.
    BuiltIn,
    /// A user file.
    File(PathBuf),
    /// A bank whose questions come from several places: the first is where
    /// the category came from (built-in or a file), then each user file that
    /// added or replaced questions, in load order. Never nested.
    Merged(Vec<Source>),
}

impl Source {
    /// This source with `later`'s questions merged in.
    #[must_use]
    pub fn and(self, later: Source) -> Source {
        let mut parts = match self {
            Source::Merged(parts) => parts,
            one => vec![one],
        };
        match later {
            Source::Merged(more) => parts.extend(more),
            one => parts.push(one),
        }
        Source::Merged(parts)
    }

    /// Each place, flattened: `built-in` or a file path.
    pub fn parts(&self) -> Vec<String> {
        match self {
            Source::BuiltIn => vec!["built-in".to_string()],
            Source::File(p) => vec![p.display().to_string()],
            Source::Merged(parts) => parts.iter().flat_map(Source::parts).collect(),
        }
    }
}

/// `built-in`, a path, or for a merged bank `built-in + a.yaml + b.yaml`.
impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.parts().join(" + "))
    }
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
    /// What an interviewer listens for in every answer of the category.
    pub listen_for: Vec<Point>,
    /// Dodges an interviewer hears in any answer of the category.
    pub avoid: Vec<Avoid>,
}

/// Answer limit when neither question nor bank sets one.
pub const DEFAULT_LIMIT: Duration = Duration::from_secs(90);
/// Target think time when neither question nor bank sets one.
pub const DEFAULT_THINK: Duration = Duration::from_secs(10);

impl Bank {
    /// The points that apply to `q`: the bank's, less those `q` skips, then
    /// the question's own.
    #[must_use]
    pub fn points_for<'a>(&'a self, q: &'a Question) -> Vec<&'a Point> {
        self.listen_for
            .iter()
            .filter(|p| !q.skip_points.contains(&p.point))
            .chain(q.listen_for.iter())
            .collect()
    }

    /// The dodges that apply to `q`: the bank's, then the question's own.
    #[must_use]
    pub fn avoid_for<'a>(&'a self, q: &'a Question) -> Vec<&'a Avoid> {
        self.avoid.iter().chain(q.avoid.iter()).collect()
    }

    /// The answer limit that applies to `q`: the question's, else the bank's,
    /// else [`DEFAULT_LIMIT`].
    #[must_use]
    pub fn limit_for(&self, q: &Question) -> Duration {
        q.limit.or(self.limit).unwrap_or(DEFAULT_LIMIT)
    }

    /// The target think time that applies to `q`.
    #[must_use]
    pub fn think_for(&self, q: &Question) -> Duration {
        q.think.or(self.think).unwrap_or(DEFAULT_THINK)
    }
}
