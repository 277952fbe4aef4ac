//! What an answer says: points heard (the bank's `listen_for` cues),
//! dodges (`avoid`), and built-in signals — hedges, fillers, overselling,
//! figures, long sentences, repetition, whether the company was named, and
//! questions for the interviewer that are only about pay and perks.
//!
//! Pure: text and a question's points in, findings with word positions
//! out. Every finding quotes the words it rests on. Content is derived from
//! the stored text and the banks in use, never stored, and never moves the
//! daily schedule. Uses `bank` only for its point types.
//!
//! Not here: printing (the terminal layer and `report/` render findings).

use serde::Serialize;

use crate::bank::{Avoid, Point};

/// What one answer is read against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The question's category (`questions-to-ask` answers get `pay_only`).
    pub category: &'a str,
    /// The question as asked (its own words are not "repetition").
    pub question: &'a str,
    /// Whether the question's text names `{company}`.
    pub names_company: bool,
    /// `--company`, when given.
    pub company: Option<&'a str>,
    /// `--role`, when given.
    pub role: Option<&'a str>,
}

/// The language an answer was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English: every rule applies.
    English,
    /// Anything else: no findings (never "0 hedges").
    Other,
}

/// Words quoted from the answer, and where they start (0-based word index,
/// by the engine's word rule).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The words as written.
    pub text: String,
    /// Index of the first of them among the answer's words.
    pub at_word: u32,
}

/// A sentence over the length threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LongSentence {
    /// How many words it has.
    pub words: u32,
    /// Where it starts.
    pub at_word: u32,
    /// Its first words, for quoting.
    #[serde(skip)]
    pub opening: String,
}

/// A content word used too often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repeated {
    /// The word as first written.
    pub word: String,
    /// How often (forms folded by stemming).
    pub count: u32,
}

/// Whether a point was heard, with the words that show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointFinding {
    /// The point's label.
    pub point: String,
    /// Whether any cue matched.
    pub heard: bool,
    /// The matched words with a little context; `None` when not heard.
    pub evidence: Option<String>,
    /// The next step when not heard (the point's hint, or "Add: <point>").
    #[serde(skip)]
    pub hint: String,
    /// Written on the question itself (not the bank).
    #[serde(skip)]
    pub own: bool,
}

/// A dodge heard in the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AvoidFinding {
    /// The matched words.
    pub text: String,
    /// Why it lands badly.
    pub why: String,
    /// Where it starts.
    pub at_word: u32,
}

/// Everything read from one answer. Field names are those of
/// `review --json`'s `content` object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Findings {
    /// English or other (then every list below is empty).
    pub language: Language,
    /// Words in the answer.
    pub words: u32,
    /// Hedges that weaken a claim.
    pub hedges: Vec<Span>,
    /// Superlative claims about oneself.
    pub oversell: Vec<Span>,
    /// Figures (digits, percentages, money, spelled-out numbers, durations).
    pub specifics: Vec<Span>,
    /// Sentences over the length threshold.
    pub long_sentences: Vec<LongSentence>,
    /// Content words used too often.
    pub repeated: Vec<Repeated>,
    /// Each point that applies, heard or not.
    pub points: Vec<PointFinding>,
    /// Dodges heard.
    pub avoid: Vec<AvoidFinding>,
    /// Whether the company was named; `None` without `--company` or when
    /// the question does not name `{company}`.
    pub company_named: Option<bool>,
    /// In `questions-to-ask`: whether every question was about pay, perks
    /// or time off; `None` elsewhere.
    pub pay_only: Option<bool>,
}

/// Reads `text` against `points` and `avoid` (a question's, as
/// `Bank::points_for`/`avoid_for` give them). `None` for an answer with no
/// text (a skip, a voice answer).
pub fn analyze(
    text: &str,
    points: &[&Point],
    avoid: &[&Avoid],
    ctx: &Context<'_>,
) -> Option<Findings> {
    if text.trim().is_empty() {
        return None;
    }
    // The analyzer proper is being built; until then nothing is found.
    let _ = (points, avoid, ctx);
    Some(Findings {
        language: Language::English,
        words: crate::drill::answer::count_words(text),
        hedges: Vec::new(),
        oversell: Vec::new(),
        specifics: Vec::new(),
        long_sentences: Vec::new(),
        repeated: Vec::new(),
        points: Vec::new(),
        avoid: Vec::new(),
        company_named: None,
        pay_only: None,
    })
}
