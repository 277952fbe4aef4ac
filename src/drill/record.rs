//! The history records, exactly as stored: one JSON object per line, each
//! with `"v": 1` and a `"kind"`. Pure data; `history/` does the I/O.
//!
//! Every field added after the first documented shape is optional on read
//! (`#[serde(default)]`): a record written by an older version, another
//! tool or by hand in the documented shape reads as fully as a new one.

use serde::{Deserialize, Serialize};

use super::answer::Measured;
use super::event::InputMode;
pub use super::stamp::Stamp;

/// The record format version written by this build.
pub const VERSION: u32 = 1;

/// Which kind of session produced a record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// `hotseat drill`.
    #[default]
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
    /// When the pause began, in ms since the first key (optional on read:
    /// not in the first documented shape).
    #[serde(default)]
    pub at_ms: Option<u64>,
}

impl Pause {
    /// Whether this is a spoken stumble the user marked with Space (no
    /// place, no length) rather than a measured silence: typed pauses have
    /// a place in the text, voice pauses a length.
    #[must_use]
    pub fn is_mark(&self) -> bool {
        self.at_word.is_none() && self.ms == 0
    }
}

/// One finished (or skipped) answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// Format version, [`VERSION`].
    pub v: u32,
    /// Session id.
    pub session: String,
    /// When the answer finished (RFC 3339, local offset, milliseconds).
    pub at: Stamp,
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
    /// Words in the answer, pasted ones included; `None` (null) when not
    /// measured — voice answers have no transcript. Readers and averages
    /// skip a `None`, never count it as zero.
    #[serde(default)]
    pub words: Option<u32>,
    /// Of `words`, those made only of pasted text (optional on read: 0
    /// when not stored, as in records from before pastes were told apart).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub pasted_words: u32,
    /// Typed words per minute of typing time, when there was typing time
    /// and most words were typed (two decimals).
    #[serde(default, serialize_with = "two_decimals")]
    pub wpm: Option<f64>,
    /// How many filler words and phrases; `None` (null) when not measured
    /// (voice), as for `words`.
    #[serde(default)]
    pub fillers: Option<u32>,
    /// Which fillers, in order.
    #[serde(default)]
    pub filler_words: Vec<String>,
    /// Characters deleted.
    pub revisions: u32,
    /// Tips shown.
    pub hint: bool,
    /// Self-rating 1–5, if given with the answer (a later `rating` record
    /// overrides it; see [`Rating`]).
    #[serde(default)]
    pub rating: Option<u8>,
    /// The answer text (empty when spoken).
    pub text: String,
    /// The think-time target the answer was held to; readers fall back to
    /// [`DEFAULT_THINK_TARGET_MS`] (see [`AnswerRecord::think_target`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub think_target_ms: Option<u64>,
    /// 1, 2… for a follow-up asked as its own answer (rehearsal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followup: Option<u32>,
    /// The answer text was cut at the length cap.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    /// Path of a kept recording (voice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<String>,
    /// The value filled into `{company}`, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// The value filled into `{role}`, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// The think-time target assumed where a record does not say which one it
/// was held to (the built-in banks' default).
pub const DEFAULT_THINK_TARGET_MS: u64 = 10_000;

/// Whether a count is zero (then it is left out of the stored line).
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// `wpm` is stored to two decimals: more digits are noise.
#[allow(
    clippy::ref_option,
    reason = "serde's serialize_with passes a reference"
)]
fn two_decimals<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.is_finite() => s.serialize_f64((x * 100.0).round() / 100.0),
        _ => s.serialize_none(),
    }
}

/// A self-rating given after the answer was saved (saved records are never
/// rewritten). Readers attach it to the answer with the same `session`,
/// `question` and `at`; the last one wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// Format version, [`VERSION`].
    pub v: u32,
    /// Session id of the rated answer.
    pub session: String,
    /// `category/id` of the rated answer.
    pub question: String,
    /// The rated answer's `at`.
    pub answer_at: Stamp,
    /// 1–5.
    pub rating: u8,
}

/// Closes a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Format version, [`VERSION`].
    pub v: u32,
    /// Session id.
    pub session: String,
    /// When the first question was drawn.
    pub started: Stamp,
    /// When the session ended.
    pub ended: Stamp,
    /// Session kind.
    pub mode: Mode,
    /// Answers given (not skipped).
    pub answered: u32,
    /// Questions skipped.
    pub skipped: u32,
    /// Ended early by Ctrl-C, a signal or end of input.
    pub interrupted: bool,
    /// A rehearsal's time budget of answer limits, ms (absent elsewhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_ms: Option<u64>,
}

/// One line of `history.jsonl`.
// Answers are the common case; boxing them would only add an allocation
// per record to every read.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Record {
    /// An answer.
    Answer(AnswerRecord),
    /// The end of a session.
    Session(SessionRecord),
    /// A self-rating given after its answer was saved.
    Rating(Rating),
}

/// What the caller knows about an answer that the engine does not.
#[derive(Debug, Clone)]
pub struct AnswerContext {
    /// Session id.
    pub session: String,
    /// When the answer finished.
    pub at: Stamp,
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
    /// The think-time target the answer was held to, ms.
    pub think_target_ms: u64,
    /// 1, 2… when this answers a follow-up.
    pub followup: Option<u32>,
    /// `--company`, when given.
    pub company: Option<String>,
    /// `--role`, when given.
    pub role: Option<String>,
}

impl AnswerRecord {
    /// The think-time target this answer was held to: the stored one, or
    /// [`DEFAULT_THINK_TARGET_MS`] for a record that does not say.
    #[must_use]
    pub fn think_target(&self) -> u64 {
        self.think_target_ms.unwrap_or(DEFAULT_THINK_TARGET_MS)
    }

    /// Whether this answer moves the daily schedule: drill and daily
    /// answers do; rehearsal answers and follow-ups do not.
    #[must_use]
    pub fn moves_schedule(&self) -> bool {
        matches!(self.mode, Mode::Drill | Mode::Daily) && self.followup.is_none()
    }

    /// Builds the stored record from the engine's measurements.
    #[must_use]
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
            // Not measured is null, never zero (voice: no transcript).
            words: ctx.input.counts_words().then_some(m.words),
            pasted_words: m.pasted_words,
            wpm: m.wpm,
            fillers: ctx
                .input
                .counts_words()
                .then(|| u32::try_from(m.fillers.len()).unwrap_or(u32::MAX)),
            filler_words: m.fillers,
            revisions: m.revisions,
            hint: m.hint,
            rating: ctx.rating,
            text: m.text,
            think_target_ms: Some(ctx.think_target_ms),
            followup: ctx.followup,
            truncated: m.truncated,
            audio: None,
            company: ctx.company,
            role: ctx.role,
        }
    }
}

/// Builds an [`AnswerRecord`] field by field, for tests, examples and
/// benchmarks: a record literal names all 27 fields, so a test would bury
/// the two it is about. Starts as a typed drill answer to one question
/// (category taken from the `category/id`), every measurement zero or
/// unset; set only what the test is about.
///
/// ```
/// use hotseat::drill::record::{AnswerRecord, Mode};
/// let r = AnswerRecord::builder("weaknesses/greatest")
///     .mode(Mode::Daily)
///     .think_ms(4_000)
///     .text("I tend to over prepare")
///     .build();
/// assert_eq!((r.category.as_str(), r.think_ms), ("weaknesses", 4_000));
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct AnswerBuilder(AnswerRecord);

impl AnswerRecord {
    /// A builder for an answer to `question` (`category/id`); see
    /// [`AnswerBuilder`].
    pub fn builder(question: &str) -> AnswerBuilder {
        let category = question.split('/').next().unwrap_or_default();
        AnswerBuilder(Self {
            v: VERSION,
            question: question.to_string(),
            category: category.to_string(),
            ..Self::default()
        })
    }
}

impl AnswerBuilder {
    /// The session id.
    pub fn session(mut self, session: &str) -> Self {
        self.0.session = session.to_string();
        self
    }
    /// When the answer finished.
    pub fn at(mut self, at: Stamp) -> Self {
        self.0.at = at;
        self
    }
    /// The session kind (default drill).
    pub fn mode(mut self, mode: Mode) -> Self {
        self.0.mode = mode;
        self
    }
    /// How it was answered (default typed).
    pub fn input(mut self, input: InputMode) -> Self {
        self.0.input = input;
        self
    }
    /// Question drawn → first key, ms.
    pub fn think_ms(mut self, ms: u64) -> Self {
        self.0.think_ms = ms;
        self
    }
    /// First key → submit, ms.
    pub fn answer_ms(mut self, ms: u64) -> Self {
        self.0.answer_ms = ms;
        self
    }
    /// The limit in force, ms.
    pub fn limit_ms(mut self, ms: u64) -> Self {
        self.0.limit_ms = ms;
        self
    }
    /// Went past the limit.
    pub fn overran(mut self) -> Self {
        self.0.overran = true;
        self
    }
    /// Skipped.
    pub fn skipped(mut self) -> Self {
        self.0.skipped = true;
        self
    }
    /// The pauses, in order.
    pub fn pauses(mut self, pauses: Vec<Pause>) -> Self {
        self.0.pauses = pauses;
        self
    }
    /// Words measured (unset: `None`, as for a voice answer).
    pub fn words(mut self, words: u32) -> Self {
        self.0.words = Some(words);
        self
    }
    /// Typed words per minute.
    pub fn wpm(mut self, wpm: f64) -> Self {
        self.0.wpm = Some(wpm);
        self
    }
    /// The fillers heard, in order; their count too (unset: `None`).
    pub fn fillers(mut self, fillers: &[&str]) -> Self {
        self.0.fillers = Some(u32::try_from(fillers.len()).unwrap_or(u32::MAX));
        self.0.filler_words = fillers.iter().map(|f| (*f).to_string()).collect();
        self
    }
    /// Characters deleted.
    pub fn revisions(mut self, revisions: u32) -> Self {
        self.0.revisions = revisions;
        self
    }
    /// Tips were shown.
    pub fn hint(mut self) -> Self {
        self.0.hint = true;
        self
    }
    /// Self-rating 1–5 given with the answer.
    pub fn rating(mut self, rating: u8) -> Self {
        self.0.rating = Some(rating);
        self
    }
    /// The answer text.
    pub fn text(mut self, text: &str) -> Self {
        self.0.text = text.to_string();
        self
    }
    /// The think-time target the answer was held to, ms.
    pub fn think_target_ms(mut self, ms: u64) -> Self {
        self.0.think_target_ms = Some(ms);
        self
    }
    /// Answers follow-up `n` (1, 2…) of a rehearsal question.
    pub fn followup(mut self, n: u32) -> Self {
        self.0.followup = Some(n);
        self
    }
    /// The `--company` filled in.
    pub fn company(mut self, company: &str) -> Self {
        self.0.company = Some(company.to_string());
        self
    }
    /// The record.
    #[must_use]
    pub fn build(self) -> AnswerRecord {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_words_is_stored_only_when_there_were_some() {
        let mut a = AnswerRecord {
            v: VERSION,
            words: Some(5),
            ..Default::default()
        };
        let line = serde_json::to_string(&Record::Answer(a.clone())).unwrap();
        assert!(!line.contains("pasted_words"), "{line}");
        a.pasted_words = 3;
        let line = serde_json::to_string(&Record::Answer(a.clone())).unwrap();
        assert!(line.contains(r#""pasted_words":3"#), "{line}");
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, Record::Answer(a));
    }

    #[test]
    fn unmeasured_words_and_fillers_are_null_and_numbers_still_read() {
        let a = AnswerRecord {
            v: VERSION,
            input: InputMode::Voice,
            ..Default::default()
        };
        let line = serde_json::to_string(&Record::Answer(a.clone())).unwrap();
        assert!(line.contains(r#""words":null"#), "{line}");
        assert!(line.contains(r#""fillers":null"#), "{line}");
        assert!(line.contains(r#""input":"voice""#), "{line}");
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, Record::Answer(a));
        // The documented shape, with numbers, reads as before.
        let typed = line
            .replace(r#""words":null"#, r#""words":7"#)
            .replace(r#""fillers":null"#, r#""fillers":2"#);
        let Record::Answer(t) = serde_json::from_str(&typed).unwrap() else {
            panic!("an answer");
        };
        assert_eq!((t.words, t.fillers), (Some(7), Some(2)));
    }
}
