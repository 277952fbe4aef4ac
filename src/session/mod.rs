//! The one session runner that `drill`, `daily` (and next `rehearse` and
//! the voice mode) share: a [`Plan`] goes in, each item is asked through a
//! [`Ui`], each answer is saved to a [`Sink`] *before* its feedback is
//! shown, a closing session record is written with the plan's mode on
//! every exit path, and a [`Report`] comes out, from which the
//! end-of-session summary is printed and the exit code is decided.
//!
//! Commands only build plans. The runner owns the order of things that
//! must never change: save, then show; a failure while a signal is pending
//! is that signal's doing; the closing record is always attempted.
//!
//! Not here: drawing (`term`), timing rules (`drill::answer`), choosing
//! questions (`drill::select`, `drill::schedule`), the file (`history`).

mod plan;
mod sink;

#[cfg(test)]
mod tests;

use std::io;

use crate::content::{self, Findings};
use crate::drill::{
    AnswerRecord, Rating, Record, SessionRecord, Stamp, coach, millis, record::AnswerContext,
    record::VERSION,
};
use crate::history::HistoryError;
use crate::report::content as content_view;
use crate::term::ui::{Interrupt, Outcome, Prompt, RateOutcome, Ui};
use crate::text::duration::measured;
use crate::text::{Label, Line};

pub use plan::{BudgetPlan, ContentSpec, FixedPlan, Item, ModeRules, Plan};
pub use sink::{MemorySink, Sink};

/// What the runner needs from outside besides the plan, the UI and the
/// sink: the session's id, a clock for record times, and a way to ask
/// whether a signal is pending.
pub struct Env<'a> {
    /// The session id written in every record.
    pub session: String,
    /// The wall clock for record times (`Stamp::now` outside tests).
    pub now: &'a dyn Fn() -> Stamp,
    /// The signal waiting to end the session, if any.
    pub pending_signal: &'a dyn Fn() -> Option<i32>,
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every item was asked.
    Completed,
    /// Ended early (Ctrl-C, a signal, end of line input).
    Interrupted(Interrupt),
}

/// One asked item and what came of it.
#[derive(Debug, Clone)]
pub struct Answered {
    /// The record as saved (with a rating attached when one was given
    /// after the answer; the stored answer itself is never rewritten).
    pub record: AnswerRecord,
    /// The question as it was asked (placeholders filled).
    pub question: String,
    /// The bank's title.
    pub title: String,
    /// What the answer said (`content::analyze`), for answers read for
    /// content: `None` with `--no-content`, for a skip, or without text.
    pub content: Option<Findings>,
}

/// What a session produced.
#[derive(Debug)]
pub struct Report {
    /// The closing record as written.
    pub closing: SessionRecord,
    /// Every finished answer, in order.
    pub answers: Vec<Answered>,
    /// How it ended.
    pub ending: Ending,
    /// Whether the terminal was given back cleanly.
    pub restored: io::Result<()>,
}

impl Report {
    /// The process exit code for this ending: 0 for a completed session or
    /// ended line input; 128 + signal (130 for Ctrl-C) otherwise.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self.ending {
            Ending::Completed => crate::exit::SUCCESS,
            Ending::Interrupted(why) => why.exit_code(),
        }
    }

    /// The saved records alone.
    #[must_use]
    pub fn records(&self) -> Vec<AnswerRecord> {
        self.answers.iter().map(|a| a.record.clone()).collect()
    }
}

/// Why a session could not run to a report.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// An answer, rating or the closing record could not be saved.
    #[error("{what} could not be saved: {source}")]
    Save {
        /// "your answer", "the session"…
        what: &'static str,
        /// The store's own message (path and remedy).
        #[source]
        source: HistoryError,
    },
    /// The terminal failed (not because of a signal).
    #[error("the terminal failed during the session: {0}")]
    Terminal(#[source] io::Error),
}

/// Runs a whole session. Every finished answer is in the sink before its
/// feedback is shown; the closing record is written on every path that
/// still can (an answer that could not be saved ends the session at once,
/// since the history is then not writable).
pub fn run(
    plan: &mut dyn Plan,
    ui: &mut dyn Ui,
    sink: &mut dyn Sink,
    env: &Env<'_>,
) -> Result<Report, SessionError> {
    let started = (env.now)();
    let rules = plan.rules();
    let mut answers: Vec<Answered> = Vec::new();
    let mut interrupted: Option<Interrupt> = None;
    let mut ui_error: Option<io::Error> = None;
    let mut number = 0usize;
    // "Content feedback is English-only" is said once per session.
    let mut said_english_only = false;

    'items: while let Some(item) = plan.next(&answers) {
        if number > 0 {
            match ui.next_gate() {
                Ok(None) => {}
                Ok(Some(why)) => {
                    interrupted = Some(why);
                    break;
                }
                Err(e) => {
                    ui_error = Some(e);
                    break;
                }
            }
        }
        number += 1;
        let title = match plan.clock(&answers) {
            Some((used, budget)) => format!(
                "{} · interview clock {} of {}",
                item.title,
                measured(used),
                measured(budget)
            ),
            None => item.title.clone(),
        };
        let question = format!("{}/{}", item.category, item.id);
        let prompt = Prompt {
            question: &question,
            number,
            total: plan.total(&answers).max(number),
            title: &title,
            text: &item.text,
            tips: &item.tips,
        };
        let think_target_ms = millis(item.rules.think_target);
        let pause_ms = millis(item.rules.pause_threshold);
        // `Some` when the session cannot go on after this answer.
        let mut end_after: Option<Interrupt> = None;
        let measured = match ui.ask(&prompt, item.rules.clone()) {
            Ok(Outcome::Finished(m)) => m,
            Ok(Outcome::FinishedThenEnd(m, why)) => {
                end_after = Some(why);
                m
            }
            Ok(Outcome::Interrupted(why)) => {
                interrupted = Some(why);
                break;
            }
            Err(e) => {
                ui_error = Some(e);
                break;
            }
        };
        let mut record = AnswerRecord::new(
            measured,
            AnswerContext {
                session: env.session.clone(),
                at: (env.now)(),
                mode: rules.mode,
                category: item.category.clone(),
                id: item.id.clone(),
                input: item.rules.input,
                rating: None,
                think_target_ms,
                followup: item.followup,
                company: item.company.clone(),
                role: item.role.clone(),
            },
        );
        record.audio = ui.take_audio();
        // Saved before anything else is shown: a crash from here on loses
        // nothing.
        sink.append(&Record::Answer(record.clone()))
            .map_err(|source| SessionError::Save {
                what: "your answer",
                source,
            })?;
        let findings = read_content(&record, &item);
        if rules.feedback {
            let mut lines: Vec<Line> =
                coach::answer_feedback_with_threshold(&record, item.rules.strict, Some(pause_ms))
                    .into_iter()
                    .map(Line::plain)
                    .collect();
            if let Some(f) = &findings {
                lines.extend(content_view::session_lines(
                    f,
                    item.company.as_deref(),
                    &mut said_english_only,
                ));
            }
            let labelled = |label, texts: &[String]| {
                texts
                    .iter()
                    .map(move |t| Line::labelled(label, t.as_str()))
                    .collect::<Vec<_>>()
            };
            lines.extend(labelled(Label::FollowUp, &item.followups));
            // Tips opened with Tab are still on screen above the feedback.
            if !record.hint {
                lines.extend(labelled(Label::Tip, &item.tips));
            }
            if let Err(e) = ui.show(&lines) {
                ui_error = Some(e);
                answers.push(answered(record, item, findings));
                break;
            }
        }
        if let Some(why) = end_after {
            interrupted = Some(why);
            answers.push(answered(record, item, findings));
            break;
        }
        if rules.rate && !record.skipped {
            match ui.rate() {
                Ok(RateOutcome::Rated(rating)) => {
                    sink.append(&Record::Rating(Rating {
                        v: VERSION,
                        session: env.session.clone(),
                        question: record.question.clone(),
                        answer_at: record.at,
                        rating,
                    }))
                    .map_err(|source| SessionError::Save {
                        what: "your rating",
                        source,
                    })?;
                    record.rating = Some(rating);
                }
                Ok(RateOutcome::Skipped) => {}
                Ok(RateOutcome::Interrupted(why)) => {
                    interrupted = Some(why);
                    answers.push(answered(record, item, findings));
                    break 'items;
                }
                Err(e) => {
                    ui_error = Some(e);
                    answers.push(answered(record, item, findings));
                    break 'items;
                }
            }
        }
        answers.push(answered(record, item, findings));
    }

    // A failed read or write while a signal is pending is the signal's
    // doing (a hung-up terminal): end as interrupted by it, not as an error.
    if ui_error.is_some()
        && let Some(sig) = (env.pending_signal)()
    {
        ui_error = None;
        interrupted = Some(Interrupt::Signal(sig));
    }
    let restored = ui.finish();

    let skipped = answers.iter().filter(|a| a.record.skipped).count();
    let closing = SessionRecord {
        v: VERSION,
        session: env.session.clone(),
        started,
        ended: (env.now)(),
        mode: rules.mode,
        answered: u32::try_from(answers.len() - skipped).unwrap_or(u32::MAX),
        skipped: u32::try_from(skipped).unwrap_or(u32::MAX),
        interrupted: interrupted.is_some() || ui_error.is_some(),
        budget_ms: plan.clock(&answers).map(|(_, budget)| budget),
    };
    sink.append(&Record::Session(closing.clone()))
        .map_err(|source| SessionError::Save {
            what: "the session",
            source,
        })?;
    if let Some(e) = ui_error {
        return Err(SessionError::Terminal(e));
    }
    Ok(Report {
        closing,
        answers,
        ending: interrupted.map_or(Ending::Completed, Ending::Interrupted),
        restored,
    })
}

fn answered(record: AnswerRecord, item: Item, content: Option<Findings>) -> Answered {
    Answered {
        record,
        question: item.text,
        title: item.title,
        content,
    }
}

/// What a finished answer said, when the item asks for content and the
/// answer has text: one `content::analyze` call. A skip is not read.
fn read_content(record: &AnswerRecord, item: &Item) -> Option<Findings> {
    let spec = item.content.as_ref()?;
    if record.skipped {
        return None;
    }
    let points: Vec<&crate::bank::Point> = spec.points.iter().collect();
    let avoid: Vec<&crate::bank::Avoid> = spec.avoid.iter().collect();
    content::analyze_own(
        &record.text,
        &points,
        spec.own_from,
        &avoid,
        &content::Context {
            category: &item.category,
            question: &item.text,
            names_company: spec.names_company,
            company: item.company.as_deref(),
            role: item.role.as_deref(),
        },
    )
}
