//! What a session will ask: the mode's rules and the items, one at a time.

use crate::drill::{AnswerRules, Mode};

use super::Answered;

/// Rules that hold for a whole session, set by its mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModeRules {
    /// The mode written in every record.
    pub mode: Mode,
    /// Show the measured figures, follow-ups and tips after each answer
    /// (drill, daily); a rehearsal saves them for its final report.
    pub feedback: bool,
    /// Ask "How did that feel? 1–5" after each answer (`--rate`).
    pub rate: bool,
}

/// One question as the session will ask it: everything already filled
/// and decided, so the runner only asks and records.
#[derive(Debug, Clone)]
pub struct Item {
    /// The question's category.
    pub category: String,
    /// The question's id within its category.
    pub id: String,
    /// The bank's title, shown above the question.
    pub title: String,
    /// The question, placeholders filled.
    pub text: String,
    /// Tips, placeholders filled (shown on Tab and after the answer).
    pub tips: Vec<String>,
    /// Follow-up questions, placeholders filled (shown after the answer).
    pub followups: Vec<String>,
    /// How this answer is timed (input, limit, think target, pause, strict).
    pub rules: AnswerRules,
    /// 1, 2… when this item asks a follow-up as its own answer.
    pub followup: Option<u32>,
    /// `--company`, stored with the answer when given.
    pub company: Option<String>,
    /// `--role`, stored with the answer when given.
    pub role: Option<String>,
}

/// A session's questions. `next` is asked before each question with the
/// answers so far, so a plan can decide as it goes (a rehearsal adds a
/// follow-up only while its time budget allows).
pub trait Plan {
    /// The session's rules.
    fn rules(&self) -> ModeRules;
    /// The next item, or `None` when the session is complete.
    fn next(&mut self, so_far: &[Answered]) -> Option<Item>;
    /// How many questions the session is expected to have, for
    /// "Question 2 of 5" (may grow as the plan adds items).
    fn total(&self, so_far: &[Answered]) -> usize;
}

/// A plan fixed in advance: drill and daily.
#[derive(Debug, Clone)]
pub struct FixedPlan {
    rules: ModeRules,
    items: std::collections::VecDeque<Item>,
    len: usize,
}

impl FixedPlan {
    /// A plan asking `items` in order.
    pub fn new(rules: ModeRules, items: Vec<Item>) -> Self {
        Self {
            rules,
            len: items.len(),
            items: items.into(),
        }
    }
}

impl Plan for FixedPlan {
    fn rules(&self) -> ModeRules {
        self.rules
    }

    fn next(&mut self, _so_far: &[Answered]) -> Option<Item> {
        self.items.pop_front()
    }

    fn total(&self, _so_far: &[Answered]) -> usize {
        self.len
    }
}
