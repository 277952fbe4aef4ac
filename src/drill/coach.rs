//! Feedback in words: what one answer's numbers say, and the single thing
//! to work on next after a session. Reports what happened in numbers and
//! places, then one concrete step; never a verdict on the person.

use super::record::AnswerRecord;

/// Plain-text lines describing one answer (think time, pauses with the word
/// they fell after, words and wpm, fillers, overrun). `think_target_ms` is
/// the target the answer was held to.
pub fn answer_feedback(_rec: &AnswerRecord, _think_target_ms: u64) -> Vec<String> {
    unimplemented!("engine helper")
}

/// The one line naming the single thing to work on next: the worst signal
/// of the session. `None` when there were no answers.
pub fn next_step(_answers: &[AnswerRecord]) -> Option<String> {
    unimplemented!("engine helper")
}
