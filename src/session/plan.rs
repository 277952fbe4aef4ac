//! What a session will ask: the mode's rules and the items, one at a time.

use crate::bank::{Avoid, Point};
use crate::drill::{AnswerRules, Mode, millis};

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
    /// What the answer is read against for content; `None` with
    /// `--no-content`.
    pub content: Option<ContentSpec>,
}

/// A question's points and dodges, owned, so the runner can read each
/// answer for content (`content::analyze`) without the banks.
#[derive(Debug, Clone, Default)]
pub struct ContentSpec {
    /// The points that apply (`Bank::points_for`): the bank's, then the
    /// question's own.
    pub points: Vec<Point>,
    /// Where the question's own points start in `points` (they come last).
    pub own_from: usize,
    /// The dodges that apply (`Bank::avoid_for`).
    pub avoid: Vec<Avoid>,
    /// Whether the question's text names `{company}`.
    pub names_company: bool,
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
    /// The session clock shown beside each question: (time used, budget),
    /// for a plan with a time budget (a rehearsal). `None` by default.
    fn clock(&self, so_far: &[Answered]) -> Option<(u64, u64)> {
        let _ = so_far;
        None
    }
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
    #[must_use]
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

/// A plan with a time budget (the rehearsal): questions fixed in advance,
/// each with an optional follow-up that is asked, right after its
/// question, only while the budget allows. The budget counts answer
/// limits, not time spent reading: the questions' limits are reserved
/// first, and what they leave (`slack`) pays for follow-ups in order.
#[derive(Debug, Clone)]
pub struct BudgetPlan {
    rules: ModeRules,
    items: std::collections::VecDeque<(Item, Option<Item>)>,
    pending: Option<Item>,
    budget_ms: u64,
    slack_ms: u64,
    total: usize,
}

impl BudgetPlan {
    /// A plan of `items` (each question with its follow-up, if any) in a
    /// budget of `budget_ms` of answer limits. The questions' own limits
    /// must fit in it.
    #[must_use]
    pub fn new(rules: ModeRules, items: Vec<(Item, Option<Item>)>, budget_ms: u64) -> Self {
        let reserved: u64 = items.iter().map(|(q, _)| millis(q.rules.limit)).sum();
        let slack_ms = budget_ms.saturating_sub(reserved);
        // Which follow-ups will be asked depends on limits alone, so the
        // total is known from the start ("Question 3 of 14" never grows).
        let mut left = slack_ms;
        let mut followups = 0;
        for f in items.iter().filter_map(|(_, f)| f.as_ref()) {
            let cost = millis(f.rules.limit);
            if cost <= left {
                left -= cost;
                followups += 1;
            }
        }
        Self {
            rules,
            total: items.len() + followups,
            items: items.into(),
            pending: None,
            budget_ms,
            slack_ms,
        }
    }
}

impl Plan for BudgetPlan {
    fn rules(&self) -> ModeRules {
        self.rules
    }

    fn next(&mut self, _so_far: &[Answered]) -> Option<Item> {
        if let Some(f) = self.pending.take() {
            let cost = millis(f.rules.limit);
            if cost <= self.slack_ms {
                self.slack_ms -= cost;
                return Some(f);
            }
        }
        let (question, followup) = self.items.pop_front()?;
        self.pending = followup;
        Some(question)
    }

    fn total(&self, _so_far: &[Answered]) -> usize {
        self.total
    }

    fn clock(&self, so_far: &[Answered]) -> Option<(u64, u64)> {
        let used = so_far
            .iter()
            .map(|a| a.record.think_ms.saturating_add(a.record.answer_ms))
            .sum();
        Some((used, self.budget_ms))
    }
}
