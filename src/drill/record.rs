//! The history records, exactly as stored: one JSON object per line, each
//! with `"v": 1` and a `"kind"`. Pure data; `history/` does the I/O.

use serde::{Deserialize, Serialize};

use super::answer::Measured;
use super::event::InputMode;

/// The record format version written by this build.
pub const VERSION: u32 = 1;

/// Which kind of session produced a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// `hotseat drill`.
    Drill,
    /// `hotseat daily`.
    Daily,
    /// `hotseat rehearse`.
    Rehearse,
}

/// Where a pause happened and how long it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    /// Words completed before the pause (None for a spoken stumble mark).
    pub at_word: Option<u32>,
    /// Characters (Unicode scalar values) typed before the pause (None for
    /// a spoken stumble mark).
    pub at_char: Option<u32>,
    /// Length of the gap; 0 for a spoken stumble mark.
    pub ms: u64,
    /// When the pause began, in ms since the first key.
    pub at_ms: u64,
}

/// One finished (or skipped) answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// Format version, [`VERSION`].
    pub v: u32,
    /// Session id.
    pub session: String,
    /// When the answer finished (RFC 3339).
    pub at: jiff::Timestamp,
    /// Session kind.
    pub mode: Mode,
    /// `category/id`.
    pub question: String,
    /// The category alone.
    pub category: String,
    /// How the answer was given.
    pub input: InputMode,
    /// Question drawn → first key.
    pub think_ms: u64,
    /// First key → submit.
    pub answer_ms: u64,
    /// The limit in force.
    pub limit_ms: u64,
    /// Went past the limit.
    pub overran: bool,
    /// Skipped.
    pub skipped: bool,
    /// Pauses in order.
    pub pauses: Vec<Pause>,
    /// Words in the answer.
    pub words: u32,
    /// Words per minute, when there was answer time.
    #[serde(default)]
    pub wpm: Option<f64>,
    /// How many filler words and phrases.
    pub fillers: u32,
    /// Which fillers, in order.
    #[serde(default)]
    pub filler_words: Vec<String>,
    /// Characters deleted.
    pub revisions: u32,
    /// Tips shown.
    pub hint: bool,
    /// Self-rating 1–5, if given.
    pub rating: Option<u8>,
    /// The answer text (empty when spoken).
    pub text: String,
}

/// Closes a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Format version, [`VERSION`].
    pub v: u32,
    /// Session id.
    pub session: String,
    /// When the first question was drawn.
    pub started: jiff::Timestamp,
    /// When the session ended.
    pub ended: jiff::Timestamp,
    /// Session kind.
    pub mode: Mode,
    /// Answers given (not skipped).
    pub answered: u32,
    /// Questions skipped.
    pub skipped: u32,
    /// Ended early by Ctrl-C, a signal or end of input.
    pub interrupted: bool,
}

/// One line of `history.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Record {
    /// An answer.
    Answer(AnswerRecord),
    /// The end of a session.
    Session(SessionRecord),
}

/// What the caller knows about an answer that the engine does not.
#[derive(Debug, Clone)]
pub struct AnswerContext {
    /// Session id.
    pub session: String,
    /// When the answer finished.
    pub at: jiff::Timestamp,
    /// Session kind.
    pub mode: Mode,
    /// The question's category.
    pub category: String,
    /// The question's id.
    pub id: String,
    /// How it was answered.
    pub input: InputMode,
    /// Self-rating, if given.
    pub rating: Option<u8>,
}

impl AnswerRecord {
    /// Builds the stored record from the engine's measurements.
    pub fn new(m: Measured, ctx: AnswerContext) -> Self {
        Self {
            v: VERSION,
            question: format!("{}/{}", ctx.category, ctx.id),
            session: ctx.session,
            at: ctx.at,
            mode: ctx.mode,
            category: ctx.category,
            input: ctx.input,
            think_ms: m.think_ms,
            answer_ms: m.answer_ms,
            limit_ms: m.limit_ms,
            overran: m.overran,
            skipped: m.skipped,
            pauses: m.pauses,
            words: m.words,
            wpm: m.wpm,
            fillers: u32::try_from(m.fillers.len()).unwrap_or(u32::MAX),
            filler_words: m.fillers,
            revisions: m.revisions,
            hint: m.hint,
            rating: ctx.rating,
            text: m.text,
        }
    }
}
