//! The per-answer state machine: feed it `(elapsed, event)` pairs, read
//! the measurements when it is done. All timing rules live here.

use std::time::Duration;

use super::event::{Event, InputMode};
use super::record::Pause;

/// The rules one answer is timed by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRules {
    /// How answers are given.
    pub input: InputMode,
    /// Time allowed from the question being drawn to submitting.
    pub limit: Duration,
    /// Target think time (a slower start is flagged, never enforced).
    pub think_target: Duration,
    /// A gap between key presses longer than this is a pause.
    pub pause_threshold: Duration,
    /// Submit at the limit instead of only marking the answer overran.
    pub strict: bool,
}

/// Where an answer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Question shown, no key yet.
    Thinking,
    /// Answering since the first key.
    Answering,
    /// Submitted, skipped, or cut off at the limit (strict).
    Done,
}

/// What was measured for one finished answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// Question drawn → first key / Space / line.
    pub think_ms: u64,
    /// First key → submit.
    pub answer_ms: u64,
    /// The limit in force.
    pub limit_ms: u64,
    /// Whether think + answer went past the limit.
    pub overran: bool,
    /// Whether the user skipped.
    pub skipped: bool,
    /// Pauses in order.
    pub pauses: Vec<Pause>,
    /// Words in the final text.
    pub words: u32,
    /// Words per minute of answer time (None when there is no answer time).
    pub wpm: Option<f64>,
    /// Filler words and phrases found, in order, lower-case.
    pub fillers: Vec<String>,
    /// Characters deleted while answering.
    pub revisions: u32,
    /// Whether the tips were shown.
    pub hint: bool,
    /// The final text (empty for spoken answers).
    pub text: String,
}

/// One answer in progress.
#[derive(Debug, Clone)]
pub struct Answer {
    rules: AnswerRules,
    // fields added by the engine implementation
}

impl Answer {
    /// Starts an answer at elapsed zero (the question fully drawn).
    pub fn new(rules: AnswerRules) -> Self {
        Self { rules }
    }

    /// Feeds one event at `at` (elapsed since the question was drawn).
    /// Events after `Done` are ignored. Returns the phase after the event.
    pub fn feed(&mut self, _at: Duration, _event: Event) -> Phase {
        unimplemented!("engine helper")
    }

    /// Time passes with no input. In strict mode this submits the answer at
    /// exactly the limit once `at` reaches it. Returns the phase.
    pub fn tick(&mut self, _at: Duration) -> Phase {
        unimplemented!("engine helper")
    }

    /// The current phase.
    pub fn phase(&self) -> Phase {
        unimplemented!("engine helper")
    }

    /// The text typed so far, for drawing.
    pub fn text(&self) -> &str {
        unimplemented!("engine helper")
    }

    /// The rules this answer runs under.
    pub fn rules(&self) -> &AnswerRules {
        &self.rules
    }

    /// The measurements, once the phase is `Done`; `None` before (an answer
    /// interrupted mid-way is not recorded).
    pub fn measured(&self) -> Option<Measured> {
        unimplemented!("engine helper")
    }
}
