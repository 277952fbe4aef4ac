//! Feedback in words: what one answer's numbers say, and the single thing
//! to work on next after a session. Reports what happened in numbers and
//! places, then one concrete step; never a verdict on the person.
//!
//! Also the hesitation score that `daily` and `stats` rank questions by.
//!
//! Every line is plain text built from the record; it may quote a word of
//! the user's answer, so the terminal layer sanitizes it before printing.

use std::time::Duration;

use super::answer::{mostly_pasted, words};
use super::event::InputMode;
use super::record::{AnswerRecord, Pause};
use crate::bank::format_duration;

pub use super::record::DEFAULT_THINK_TARGET_MS;

/// Seconds with one decimal, rounded to the nearest tenth: `14.2 s`.
fn secs(ms: u64) -> String {
    let tenths = ms.saturating_add(50) / 100;
    format!("{}.{} s", tenths / 10, tenths % 10)
}

/// A target in whole seconds when it is one (`10 s`), else like [`secs`].
fn target(ms: u64) -> String {
    if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        secs(ms)
    }
}

/// A limit the way banks write it: `1m30s`.
fn limit(ms: u64) -> String {
    format_duration(Duration::from_millis(ms))
}

/// `1 pause` / `2 pauses`.
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Whether a record is a blank answer: submitted with nothing said or
/// typed (skips are not blanks).
fn is_blank(rec: &AnswerRecord) -> bool {
    if rec.skipped {
        return false;
    }
    match rec.input {
        InputMode::Spoken => rec.answer_ms == 0 && rec.pauses.is_empty(),
        InputMode::Typed | InputMode::Line => rec.words == 0,
    }
}

/// The longest pause that has a place in the text (typed); the first of
/// equals.
fn longest_typed(pauses: &[Pause]) -> Option<&Pause> {
    pauses
        .iter()
        .filter(|p| p.at_word.is_some())
        .fold(None, |best: Option<&Pause>, p| match best {
            Some(b) if b.ms >= p.ms => Some(b),
            _ => Some(p),
        })
}

/// Where a pause fell, in words: `after “project” (word 12)`.
fn place(text: &str, p: &Pause) -> String {
    let Some(k) = p.at_word else {
        return "self-marked".to_owned();
    };
    if k == 0 {
        return "before the first word".to_owned();
    }
    let nth = usize::try_from(k - 1).ok().and_then(|i| words(text).nth(i));
    match nth {
        Some(w) => {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            let core = if core.is_empty() { w } else { core };
            let shown: String = core.chars().take(30).collect();
            let ellipsis = if core.chars().count() > 30 { "…" } else { "" };
            format!("after “{shown}{ellipsis}” (word {k})")
        }
        // The text was edited after the pause: the word is gone.
        None => format!("after word {k}"),
    }
}

/// Fillers by name with counts, in order of first appearance.
fn tally(fillers: &[String]) -> Vec<(&str, usize)> {
    let mut out: Vec<(&str, usize)> = Vec::new();
    for f in fillers {
        match out.iter_mut().find(|(name, _)| *name == f.as_str()) {
            Some((_, n)) => *n += 1,
            None => out.push((f.as_str(), 1)),
        }
    }
    out
}

/// Plain-text lines describing one answer (think time, pauses with the word
/// they fell after, words and wpm, fillers, overrun). `think_target_ms` is
/// the target the answer was held to.
///
/// The same as [`answer_feedback_with_threshold`] without a threshold, so
/// pauses are counted without saying what "long" meant.
pub fn answer_feedback(rec: &AnswerRecord, think_target_ms: u64) -> Vec<String> {
    answer_feedback_with_threshold(rec, think_target_ms, None)
}

/// Plain-text lines describing one answer, naming the pause threshold when
/// it is known ("2 pauses over 3 s; …").
///
/// In order: how the answer ended or started (skipped, blank, started
/// after N s against the target), pauses (how many, the longest and the
/// word it fell after; spoken stumbles with their times), words and wpm
/// (or speaking time), fillers with counts, characters deleted, tips
/// looked at, and how far past the limit it ran.
pub fn answer_feedback_with_threshold(
    rec: &AnswerRecord,
    think_target_ms: u64,
    pause_threshold_ms: Option<u64>,
) -> Vec<String> {
    let mut lines = Vec::new();
    let total = rec.think_ms.saturating_add(rec.answer_ms);
    if rec.skipped {
        lines.push(format!("Skipped after {}.", secs(total)));
        if rec.hint {
            lines.push("Looked at the tips.".to_owned());
        }
        return lines;
    }
    let over = match pause_threshold_ms {
        Some(t) => format!(" over {}", target(t)),
        None => String::new(),
    };
    if is_blank(rec) {
        lines.push(match rec.input {
            InputMode::Spoken => {
                format!("Finished without marking a start, after {}.", secs(total))
            }
            _ => format!("Blank answer, submitted after {}.", secs(total)),
        });
    } else {
        let started = match rec.input {
            InputMode::Typed => "Started after",
            InputMode::Spoken => "Started talking after",
            InputMode::Line => "Answered after",
        };
        lines.push(format!(
            "{started} {} (target {}).",
            secs(rec.think_ms),
            target(think_target_ms)
        ));
        match rec.input {
            InputMode::Typed => lines.push(pause_line(rec, &over)),
            InputMode::Spoken => {
                lines.push(format!("Spoke for {}.", secs(rec.answer_ms)));
                if let Some(l) = stumble_line(&rec.pauses) {
                    lines.push(l);
                }
            }
            InputMode::Line => {}
        }
        if rec.input != InputMode::Spoken {
            let mut w = count(rec.words as usize, "word", "words");
            if rec.pasted_words > 0 {
                w.push_str(&format!(" ({} pasted)", rec.pasted_words));
            }
            // Pasted words count as words, never as speed.
            lines.push(match rec.wpm {
                _ if mostly_pasted(rec.words, rec.pasted_words) => {
                    format!("{w}; wpm not given: most of the answer was pasted.")
                }
                Some(wpm) if rec.pasted_words > 0 => {
                    format!("{w}, {wpm:.0} wpm over the typed words.")
                }
                Some(wpm) => format!("{w}, {wpm:.0} wpm."),
                None => format!("{w}."),
            });
            if rec.filler_words.is_empty() {
                lines.push("No filler words.".to_owned());
            } else {
                let list: Vec<String> = tally(&rec.filler_words)
                    .into_iter()
                    .map(|(name, n)| format!("{name} ×{n}"))
                    .collect();
                lines.push(format!("Fillers: {}.", list.join(", ")));
            }
        }
    }
    if rec.revisions > 0 {
        lines.push(format!(
            "Deleted {} while answering.",
            count(rec.revisions as usize, "character", "characters")
        ));
    }
    if rec.hint {
        lines.push("Looked at the tips.".to_owned());
    }
    if rec.overran {
        let past = total.saturating_sub(rec.limit_ms);
        lines.push(if past > 0 {
            format!("Ran {} past the {} limit.", secs(past), limit(rec.limit_ms))
        } else {
            format!("Stopped at the {} limit.", limit(rec.limit_ms))
        });
    }
    lines
}

/// "No pauses." / "1 pause over 3 s: 6.1 s, after “x” (word 3)." / "2
/// pauses over 3 s; longest …".
fn pause_line(rec: &AnswerRecord, over: &str) -> String {
    let n = rec.pauses.iter().filter(|p| p.at_word.is_some()).count();
    match longest_typed(&rec.pauses) {
        None => format!("No pauses{over}."),
        Some(p) if n == 1 => format!("1 pause{over}: {}, {}.", secs(p.ms), place(&rec.text, p)),
        Some(p) => format!(
            "{n} pauses{over}; longest {}, {}.",
            secs(p.ms),
            place(&rec.text, p)
        ),
    }
}

/// "Marked 2 stumbles, at 12.0 s and 40.3 s in." for spoken answers.
fn stumble_line(pauses: &[Pause]) -> Option<String> {
    let times: Vec<String> = pauses
        .iter()
        .filter(|p| p.at_word.is_none())
        .filter_map(|p| p.at_ms.map(secs))
        .collect();
    let list = match times.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let what = count(times.len(), "stumble", "stumbles");
    Some(format!("Marked {what}, at {list} into the answer."))
}

/// The thresholds a session's signals are judged against in
/// [`next_step_with`]. A signal competes only once it reaches its
/// threshold; its severity is how far past the threshold it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Think-time target: the median start is compared to it.
    pub think_target_ms: u64,
    /// Share of questions skipped that counts (0.2 = 1 in 5).
    pub skip_rate: f64,
    /// Share of questions that ran past the limit that counts.
    pub overrun_rate: f64,
    /// Pauses (and spoken stumbles) per answer that count.
    pub pauses_per_answer: f64,
    /// Filler words per 100 words that count (and at least 2 in all).
    pub fillers_per_100_words: f64,
    /// An answer under this many words is short.
    pub short_words: u32,
    /// Share of short typed answers that counts.
    pub short_rate: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            think_target_ms: DEFAULT_THINK_TARGET_MS,
            skip_rate: 0.2,
            overrun_rate: 0.2,
            pauses_per_answer: 1.0,
            fillers_per_100_words: 3.0,
            short_words: 30,
            short_rate: 0.4,
        }
    }
}

/// The one line naming the single thing to work on next: the worst signal
/// of the session. `None` when there were no answers.
///
/// Uses [`Thresholds::default`]; see [`next_step_with`].
pub fn next_step(answers: &[AnswerRecord]) -> Option<String> {
    next_step_with(answers, &Thresholds::default())
}

/// A signal that reached its threshold: how bad, and the line to show.
struct Signal {
    severity: f64,
    line: String,
}

/// The one line naming the single thing to work on next, judged against
/// `th`.
///
/// Signals, each scored as (measure ÷ threshold) and competing only at or
/// past 1: skipped questions (share of all questions), slow starts (median
/// think time of the answered ones ÷ target, strictly past it), pauses and
/// stumbles (per answered question), overruns (share of all questions),
/// fillers (per 100 typed words, at least 2), short typed answers (share
/// under `short_words`). The highest severity wins; on a tie the earlier
/// in that list wins. When nothing reaches its threshold, the line says so
/// and suggests raising the pressure.
pub fn next_step_with(answers: &[AnswerRecord], th: &Thresholds) -> Option<String> {
    if answers.is_empty() {
        return None;
    }
    let signals = [
        skip_signal(answers, th),
        slow_signal(answers, th),
        pause_signal(answers, th),
        overrun_signal(answers, th),
        filler_signal(answers, th),
        short_signal(answers, th),
    ];
    let mut best: Option<Signal> = None;
    for s in signals.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| s.severity > b.severity) {
            best = Some(s);
        }
    }
    Some(match best {
        Some(s) => s.line,
        None => calm_line(answers),
    })
}

fn ratio(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}

/// `Some(severity)` when `measure / threshold` reaches 1.
fn severity(measure: f64, threshold: f64) -> Option<f64> {
    if threshold <= 0.0 {
        return (measure > 0.0).then_some(f64::MAX);
    }
    let s = measure / threshold;
    (s >= 1.0).then_some(s)
}

fn answered(answers: &[AnswerRecord]) -> Vec<&AnswerRecord> {
    answers.iter().filter(|a| !a.skipped).collect()
}

/// The median of `v` (mean of the middle two for an even count).
fn median(v: &mut [u64]) -> Option<u64> {
    v.sort_unstable();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some(v[n / 2 - 1] / 2 + v[n / 2] / 2 + (v[n / 2 - 1] % 2 + v[n / 2] % 2) / 2),
    }
}

fn skip_signal(answers: &[AnswerRecord], th: &Thresholds) -> Option<Signal> {
    let k = answers.iter().filter(|a| a.skipped).count();
    if k == 0 {
        return None;
    }
    let n = answers.len();
    let severity = severity(ratio(k, n), th.skip_rate)?;
    Some(Signal {
        severity,
        line: format!(
            "You skipped {k} of {n} questions — next time, start with one honest sentence \
             before you skip: “I haven't faced exactly that, but here is how I'd go about it…”. \
             Thinking on your feet only grows by facing the questions you didn't prepare."
        ),
    })
}

fn slow_signal(answers: &[AnswerRecord], th: &Thresholds) -> Option<Signal> {
    let done = answered(answers);
    let mut thinks: Vec<u64> = done.iter().map(|a| a.think_ms).collect();
    let m = median(&mut thinks)?;
    if m <= th.think_target_ms {
        return None;
    }
    let late = done
        .iter()
        .filter(|a| a.think_ms > th.think_target_ms)
        .count();
    let severity = severity(m as f64, th.think_target_ms as f64)?;
    let t = target(th.think_target_ms);
    Some(Signal {
        severity,
        line: format!(
            "Your median start was {} against a {t} target ({late} of {} answers started later) \
             — next time, say a first sentence within {t}: restate the question or name the \
             situation you'll describe, then think out loud.",
            secs(m),
            done.len()
        ),
    })
}

fn pause_signal(answers: &[AnswerRecord], th: &Thresholds) -> Option<Signal> {
    let done = answered(answers);
    let total: usize = done.iter().map(|a| a.pauses.len()).sum();
    if total == 0 {
        return None;
    }
    let severity = severity(ratio(total, done.len()), th.pauses_per_answer)?;
    let a = count(done.len(), "answer", "answers");
    // The longest typed pause of the session, with the word it followed.
    let longest = done
        .iter()
        .filter_map(|r| longest_typed(&r.pauses).map(|p| (*r, p)))
        .fold(
            None,
            |best: Option<(&AnswerRecord, &Pause)>, cur| match best {
                Some(b) if b.1.ms >= cur.1.ms => Some(b),
                _ => Some(cur),
            },
        );
    let what = match longest {
        Some((r, p)) => format!(
            "{} in {a}; the longest was {}, {}",
            count(total, "pause", "pauses"),
            secs(p.ms),
            place(&r.text, p)
        ),
        None => format!("{} marked in {a}", count(total, "stumble", "stumbles")),
    };
    Some(Signal {
        severity,
        line: format!(
            "{what} — next time you stall, say the next step of the story out loud (“What I \
             did first was…”, “The result was…”) instead of waiting for the perfect word."
        ),
    })
}

fn overrun_signal(answers: &[AnswerRecord], th: &Thresholds) -> Option<Signal> {
    let over: Vec<&AnswerRecord> = answers.iter().filter(|a| a.overran).collect();
    if over.is_empty() {
        return None;
    }
    let n = answers.len();
    let severity = severity(ratio(over.len(), n), th.overrun_rate)?;
    let most = over
        .iter()
        .map(|a| {
            a.think_ms
                .saturating_add(a.answer_ms)
                .saturating_sub(a.limit_ms)
        })
        .max()
        .unwrap_or(0);
    let by = if most > 0 {
        format!(", by up to {}", secs(most))
    } else {
        String::new()
    };
    Some(Signal {
        severity,
        line: format!(
            "{} of {n} answers ran past the limit{by} — next time, lead with your point, give \
             one concrete example, then stop: aim to finish with a third of the time to spare.",
            over.len()
        ),
    })
}

fn written(answers: &[AnswerRecord]) -> Vec<&AnswerRecord> {
    answers
        .iter()
        .filter(|a| !a.skipped && a.input != InputMode::Spoken)
        .collect()
}

fn filler_signal(answers: &[AnswerRecord], th: &Thresholds) -> Option<Signal> {
    let done = written(answers);
    let all: Vec<String> = done
        .iter()
        .flat_map(|a| a.filler_words.iter().cloned())
        .collect();
    let words: u64 = done.iter().map(|a| u64::from(a.words)).sum();
    if all.len() < 2 || words == 0 {
        return None;
    }
    let rate = all.len() as f64 * 100.0 / words as f64;
    let severity = severity(rate, th.fillers_per_100_words)?;
    let counts = tally(&all);
    let (top, _) = counts.iter().fold(
        counts[0],
        |best, &cur| if cur.1 > best.1 { cur } else { best },
    );
    let trailing = if counts.iter().any(|(n, _)| *n == "and yeah") {
        ", and end on your point rather than a trailing “and yeah”"
    } else {
        ""
    };
    Some(Signal {
        severity,
        line: format!(
            "{} in {words} words ({rate:.1} per 100), most often “{top}” — next time, when you \
             feel one coming, pause silently instead{trailing}: a short silence sounds surer \
             than a filler.",
            count(all.len(), "filler", "fillers")
        ),
    })
}

fn short_signal(answers: &[AnswerRecord], th: &Thresholds) -> Option<Signal> {
    let done = written(answers);
    let short: Vec<u32> = done
        .iter()
        .map(|a| a.words)
        .filter(|w| *w < th.short_words)
        .collect();
    let shortest = *short.iter().min()?;
    let severity = severity(ratio(short.len(), done.len()), th.short_rate)?;
    Some(Signal {
        severity,
        line: format!(
            "{} of {} answers were under {} words (the shortest {}) — next time, give each \
             answer a shape: the situation, what you did, and the result, one sentence each, \
             with one concrete example.",
            short.len(),
            done.len(),
            th.short_words,
            count(shortest as usize, "word", "words")
        ),
    })
}

/// The line when no signal reached its threshold.
fn calm_line(answers: &[AnswerRecord]) -> String {
    let mut thinks: Vec<u64> = answered(answers).iter().map(|a| a.think_ms).collect();
    let start = match median(&mut thinks) {
        Some(m) => format!(" (median start {})", secs(m)),
        None => String::new(),
    };
    format!(
        "No signal reached its threshold in {}{start} — next time, raise the pressure: a \
         shorter --think target, --strict, or the curveballs category. Keep going.",
        count(answers.len(), "answer", "answers")
    )
}

/// Points per second of think time past the answer's own target
/// ([`AnswerRecord::think_target`]).
pub const SCORE_THINK_PER_S: f64 = 1.0;
/// Think seconds past the target counted at most (someone who walked away
/// from the keyboard should not dominate the ranking forever).
pub const SCORE_THINK_CAP_S: f64 = 60.0;
/// Points per pause or spoken stumble.
pub const SCORE_PER_PAUSE: f64 = 2.0;
/// Points per second of pause length, on top of [`SCORE_PER_PAUSE`].
pub const SCORE_PAUSE_PER_S: f64 = 0.5;
/// Pause seconds counted at most per pause.
pub const SCORE_PAUSE_CAP_S: f64 = 30.0;
/// Points for a skipped or blank answer.
pub const SCORE_SKIP: f64 = 10.0;
/// Points for running past the limit.
pub const SCORE_OVERRUN: f64 = 3.0;
/// Points per filler word.
pub const SCORE_PER_FILLER: f64 = 0.5;

/// How much one answer hesitated, by the formula of [`hesitation_score`].
pub fn answer_hesitation(a: &AnswerRecord) -> f64 {
    let think_past = a.think_ms.saturating_sub(a.think_target()) as f64 / 1000.0;
    let mut score = SCORE_THINK_PER_S * think_past.min(SCORE_THINK_CAP_S);
    for p in &a.pauses {
        let s = (p.ms as f64 / 1000.0).min(SCORE_PAUSE_CAP_S);
        score += SCORE_PER_PAUSE + SCORE_PAUSE_PER_S * s;
    }
    if a.skipped || is_blank(a) {
        score += SCORE_SKIP;
    }
    if a.overran {
        score += SCORE_OVERRUN;
    }
    score + SCORE_PER_FILLER * f64::from(a.fillers)
}

/// How much a question makes the user hesitate: the mean over its answers
/// of
///
/// ```text
///   1   × seconds of think time past the answer's target (at most 60;
///         10 s for a record that does not store its target)
/// + Σ pauses (2 + 0.5 × pause seconds, at most 30 s each)
/// + 10  if skipped or blank
/// + 3   if it ran past the limit
/// + 0.5 × filler words
/// ```
///
/// 0 for a clean answer and for no answers; higher is worse. The mean
/// (not the sum) keeps a question that was simply drawn more often from
/// ranking above one that stalls the user every time.
pub fn hesitation_score(answers_for_one_question: &[AnswerRecord]) -> f64 {
    if answers_for_one_question.is_empty() {
        return 0.0;
    }
    let sum: f64 = answers_for_one_question.iter().map(answer_hesitation).sum();
    sum / answers_for_one_question.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::record::{Mode, VERSION};

    fn rec() -> AnswerRecord {
        AnswerRecord {
            v: VERSION,
            session: "s1".into(),
            at: crate::drill::Stamp::default(),
            mode: Mode::Drill,
            question: "weaknesses/greatest".into(),
            category: "weaknesses".into(),
            input: InputMode::Typed,
            think_ms: 4_000,
            answer_ms: 60_000,
            limit_ms: 90_000,
            overran: false,
            skipped: false,
            pauses: vec![],
            words: 60,
            wpm: Some(60.0),
            fillers: 0,
            filler_words: vec![],
            revisions: 0,
            hint: false,
            rating: None,
            text: "word ".repeat(60),
            ..Default::default()
        }
    }

    fn typed_pause(at_word: u32, ms: u64) -> Pause {
        Pause {
            at_word: Some(at_word),
            at_char: Some(0),
            ms,
            at_ms: Some(1_000),
        }
    }

    fn mark(at_ms: u64) -> Pause {
        Pause {
            at_word: None,
            at_char: None,
            ms: 0,
            at_ms: Some(at_ms),
        }
    }

    fn with_fillers(mut r: AnswerRecord, f: &[&str]) -> AnswerRecord {
        r.filler_words = f.iter().map(|s| (*s).to_owned()).collect();
        r.fillers = f.len() as u32;
        r
    }

    #[test]
    fn duration_formats() {
        assert_eq!(secs(14_200), "14.2 s");
        assert_eq!(secs(14_249), "14.2 s");
        assert_eq!(secs(14_250), "14.3 s");
        assert_eq!(secs(0), "0.0 s");
        assert_eq!(secs(u64::MAX), secs(u64::MAX)); // no overflow panic
        assert_eq!(target(10_000), "10 s");
        assert_eq!(target(2_500), "2.5 s");
        assert_eq!(limit(90_000), "1m30s");
        assert_eq!(limit(120_000), "2m");
    }

    #[test]
    fn feedback_for_a_typical_typed_answer() {
        let mut r = rec();
        r.think_ms = 14_200;
        r.text = "I led the project and then we shipped it".into();
        r.words = 9;
        r.wpm = Some(96.4);
        r.pauses = vec![
            typed_pause(4, 3_500),
            typed_pause(4, 6_100),
            typed_pause(7, 6_100),
        ];
        let r = with_fillers(r, &["um", "like", "um"]);
        assert_eq!(
            answer_feedback_with_threshold(&r, 10_000, Some(3_000)),
            [
                "Started after 14.2 s (target 10 s).",
                "3 pauses over 3 s; longest 6.1 s, after “project” (word 4).",
                "9 words, 96 wpm.",
                "Fillers: um ×2, like ×1.",
            ]
        );
    }

    #[test]
    fn feedback_on_pasted_words_never_gives_their_speed() {
        let mut r = rec();
        r.words = 36;
        r.pasted_words = 32;
        r.wpm = None;
        assert_eq!(
            answer_feedback(&r, 10_000)[2],
            "36 words (32 pasted); wpm not given: most of the answer was pasted."
        );
        r.pasted_words = 6;
        r.wpm = Some(30.4);
        assert_eq!(
            answer_feedback(&r, 10_000)[2],
            "36 words (6 pasted), 30 wpm over the typed words."
        );
        // A record that says most was pasted gives no speed, whatever it holds.
        r.pasted_words = 19;
        assert_eq!(
            answer_feedback(&r, 10_000)[2],
            "36 words (19 pasted); wpm not given: most of the answer was pasted."
        );
    }

    #[test]
    fn feedback_without_threshold_and_a_single_pause() {
        let mut r = rec();
        r.text = "Well, honestly, I over-prepare.".into();
        r.words = 4;
        r.pauses = vec![typed_pause(2, 4_500)];
        let lines = answer_feedback(&r, 10_000);
        assert_eq!(lines[1], "1 pause: 4.5 s, after “honestly” (word 2).");
        assert_eq!(lines[3], "No filler words.");
    }

    #[test]
    fn pause_places_at_the_start_and_after_edits() {
        let mut r = rec();
        r.text = "short".into();
        r.pauses = vec![typed_pause(0, 5_000)];
        assert_eq!(
            answer_feedback(&r, 10_000)[1],
            "1 pause: 5.0 s, before the first word."
        );
        r.pauses = vec![typed_pause(12, 5_000)];
        assert_eq!(
            answer_feedback(&r, 10_000)[1],
            "1 pause: 5.0 s, after word 12."
        );
        r.pauses = vec![];
        assert_eq!(answer_feedback(&r, 10_000)[1], "No pauses.");
    }

    #[test]
    fn pause_place_quotes_non_ascii_and_cuts_long_words() {
        let mut r = rec();
        r.text = "Ich — „Schwäche“ 👍🏽".into();
        r.pauses = vec![typed_pause(2, 3_200)];
        assert_eq!(
            answer_feedback(&r, 10_000)[1],
            "1 pause: 3.2 s, after “Schwäche” (word 2)."
        );
        r.text = "x".repeat(50);
        r.pauses = vec![typed_pause(1, 3_200)];
        let line = &answer_feedback(&r, 10_000)[1];
        assert!(line.contains(&format!("“{}…”", "x".repeat(30))), "{line}");
    }

    #[test]
    fn feedback_for_a_skip() {
        let mut r = rec();
        r.skipped = true;
        r.think_ms = 8_000;
        r.answer_ms = 0;
        r.hint = true;
        assert_eq!(
            answer_feedback(&r, 10_000),
            ["Skipped after 8.0 s.", "Looked at the tips."]
        );
    }

    #[test]
    fn feedback_for_a_blank_answer() {
        let mut r = rec();
        r.think_ms = 12_000;
        r.answer_ms = 0;
        r.words = 0;
        r.wpm = None;
        r.text = String::new();
        assert_eq!(
            answer_feedback(&r, 10_000),
            ["Blank answer, submitted after 12.0 s."]
        );
    }

    #[test]
    fn feedback_for_overrun_revisions_and_hint() {
        let mut r = rec();
        r.think_ms = 20_000;
        r.answer_ms = 82_000;
        r.overran = true;
        r.revisions = 14;
        r.hint = true;
        let lines = answer_feedback(&r, 10_000);
        let tail = &lines[lines.len() - 3..];
        assert_eq!(
            tail,
            [
                "Deleted 14 characters while answering.",
                "Looked at the tips.",
                "Ran 12.0 s past the 1m30s limit.",
            ]
        );
    }

    #[test]
    fn feedback_for_a_strict_cut() {
        let mut r = rec();
        r.think_ms = 10_000;
        r.answer_ms = 80_000;
        r.overran = true;
        assert_eq!(
            answer_feedback(&r, 10_000).last().map(String::as_str),
            Some("Stopped at the 1m30s limit.")
        );
    }

    #[test]
    fn feedback_for_spoken() {
        let mut r = rec();
        r.input = InputMode::Spoken;
        r.text = String::new();
        r.words = 0;
        r.wpm = None;
        r.think_ms = 3_000;
        r.answer_ms = 45_000;
        r.pauses = vec![mark(12_000), mark(20_140), mark(40_300)];
        assert_eq!(
            answer_feedback(&r, 5_000),
            [
                "Started talking after 3.0 s (target 5 s).",
                "Spoke for 45.0 s.",
                "Marked 3 stumbles, at 12.0 s, 20.1 s and 40.3 s into the answer.",
            ]
        );
        r.pauses = vec![mark(1_000)];
        assert_eq!(
            answer_feedback(&r, 5_000)[2],
            "Marked 1 stumble, at 1.0 s into the answer."
        );
    }

    #[test]
    fn feedback_for_spoken_without_a_start() {
        let mut r = rec();
        r.input = InputMode::Spoken;
        r.words = 0;
        r.think_ms = 9_000;
        r.answer_ms = 0;
        assert_eq!(
            answer_feedback(&r, 10_000),
            ["Finished without marking a start, after 9.0 s."]
        );
    }

    #[test]
    fn feedback_for_line_input() {
        let mut r = rec();
        r.input = InputMode::Line;
        r.answer_ms = 0;
        r.wpm = None;
        r.words = 1;
        assert_eq!(
            answer_feedback(&r, 10_000),
            [
                "Answered after 4.0 s (target 10 s).",
                "1 word.",
                "No filler words."
            ]
        );
    }

    #[test]
    fn next_step_none_without_answers() {
        assert_eq!(next_step(&[]), None);
    }

    #[test]
    fn next_step_calm_session() {
        let line = next_step(&[rec(), rec()]).unwrap_or_default();
        assert!(
            line.starts_with("No signal reached its threshold in 2 answers (median start 4.0 s)"),
            "{line}"
        );
    }

    fn skipped() -> AnswerRecord {
        let mut r = rec();
        r.skipped = true;
        r
    }

    #[test]
    fn skips_can_win() {
        let answers = [skipped(), skipped(), rec(), rec(), rec()];
        let line = next_step(&answers).unwrap_or_default();
        assert!(
            line.starts_with("You skipped 2 of 5 questions — next time"),
            "{line}"
        );
    }

    #[test]
    fn one_skip_in_ten_is_under_threshold() {
        let mut answers = vec![skipped()];
        answers.extend((0..9).map(|_| rec()));
        assert!(
            next_step(&answers)
                .unwrap_or_default()
                .starts_with("No signal")
        );
    }

    #[test]
    fn slow_starts_can_win() {
        let mut a = rec();
        a.think_ms = 14_200;
        let mut b = rec();
        b.think_ms = 20_000;
        let line = next_step(&[a, b.clone(), b, rec()]).unwrap_or_default();
        // Median of 4.0, 14.2, 20.0, 20.0 is 17.1 s.
        assert!(
            line.starts_with(
                "Your median start was 17.1 s against a 10 s target (3 of 4 answers started later)"
            ),
            "{line}"
        );
    }

    #[test]
    fn start_at_the_target_is_not_slow() {
        let mut a = rec();
        a.think_ms = 10_000;
        assert!(next_step(&[a]).unwrap_or_default().starts_with("No signal"));
    }

    #[test]
    fn pauses_can_win_and_name_the_word() {
        let mut a = rec();
        a.text = "We chose the vendor after a long review".into();
        a.pauses = vec![typed_pause(4, 6_100), typed_pause(2, 3_500)];
        let mut b = rec();
        b.pauses = vec![typed_pause(1, 4_000)];
        let line = next_step(&[a, b]).unwrap_or_default();
        assert!(
            line.starts_with(
                "3 pauses in 2 answers; the longest was 6.1 s, after “vendor” (word 4) — next time"
            ),
            "{line}"
        );
    }

    #[test]
    fn spoken_stumbles_count_as_pauses() {
        let mut a = rec();
        a.input = InputMode::Spoken;
        a.pauses = vec![mark(1_000), mark(2_000)];
        let line = next_step(&[a]).unwrap_or_default();
        assert!(
            line.starts_with("2 stumbles marked in 1 answer — next time"),
            "{line}"
        );
    }

    #[test]
    fn overruns_can_win() {
        let mut a = rec();
        a.overran = true;
        a.think_ms = 10_000;
        a.answer_ms = 95_500;
        let line = next_step(&[a, rec(), rec()]).unwrap_or_default();
        assert!(
            line.starts_with("1 of 3 answers ran past the limit, by up to 15.5 s — next time"),
            "{line}"
        );
    }

    #[test]
    fn fillers_can_win() {
        let a = with_fillers(rec(), &["um", "like", "um", "and yeah"]);
        let line = next_step(&[a, rec()]).unwrap_or_default();
        // 4 fillers in 120 words = 3.3 per 100.
        assert!(
            line.starts_with("4 fillers in 120 words (3.3 per 100), most often “um” — next time"),
            "{line}"
        );
        assert!(line.contains("trailing “and yeah”"), "{line}");
    }

    #[test]
    fn a_single_filler_is_not_a_signal() {
        // 1 in 30 words is past 3 per 100, but one filler is not a habit.
        let mut a = with_fillers(rec(), &["um"]);
        a.words = 30;
        assert!(next_step(&[a]).unwrap_or_default().starts_with("No signal"));
    }

    #[test]
    fn short_answers_can_win() {
        let mut a = rec();
        a.words = 12;
        let mut b = rec();
        b.words = 1;
        let line = next_step(&[a, b, rec()]).unwrap_or_default();
        assert!(
            line.starts_with(
                "2 of 3 answers were under 30 words (the shortest 1 word) — next time"
            ),
            "{line}"
        );
    }

    #[test]
    fn the_worst_signal_wins() {
        // Skips 1/5 → severity 1.0; median start 25 s / 10 s → 2.5.
        let mut slow = rec();
        slow.think_ms = 25_000;
        let answers = [skipped(), slow.clone(), slow.clone(), slow, rec()];
        let line = next_step(&answers).unwrap_or_default();
        assert!(line.starts_with("Your median start was 25.0 s"), "{line}");
    }

    #[test]
    fn ties_go_to_the_earlier_signal() {
        // Skips 1/5 = 0.2 → 1.0; overruns 1/5 = 0.2 → 1.0: skips listed first.
        let mut over = rec();
        over.overran = true;
        over.answer_ms = 100_000;
        let answers = [skipped(), over, rec(), rec(), rec()];
        let line = next_step(&answers).unwrap_or_default();
        assert!(line.starts_with("You skipped 1 of 5"), "{line}");
        // Same inputs, same answer.
        assert_eq!(next_step(&answers), next_step(&answers));
    }

    #[test]
    fn all_skipped_is_about_skipping() {
        let line = next_step(&[skipped(), skipped()]).unwrap_or_default();
        assert!(line.starts_with("You skipped 2 of 2"), "{line}");
    }

    #[test]
    fn custom_thresholds_change_the_verdict() {
        let mut a = rec();
        a.think_ms = 6_000;
        let th = Thresholds {
            think_target_ms: 5_000,
            ..Thresholds::default()
        };
        let line = next_step_with(&[a], &th).unwrap_or_default();
        assert!(
            line.starts_with("Your median start was 6.0 s against a 5 s target"),
            "{line}"
        );
    }

    #[test]
    fn median_rounds_without_overflow() {
        assert_eq!(median(&mut [3, 1, 2]), Some(2));
        assert_eq!(median(&mut [1, 2]), Some(1));
        assert_eq!(median(&mut [1, 3]), Some(2));
        assert_eq!(median(&mut [u64::MAX, u64::MAX]), Some(u64::MAX));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn hesitation_score_of_nothing_and_of_a_clean_answer_is_zero() {
        assert_eq!(hesitation_score(&[]), 0.0);
        assert_eq!(hesitation_score(&[rec()]), 0.0);
    }

    #[test]
    fn hesitation_score_formula() {
        let mut r = rec();
        r.think_ms = 15_000; // 5
        r.pauses = vec![typed_pause(1, 4_000), mark(0)]; // 2 + 2 + 2
        r.overran = true; // 3
        let r = with_fillers(r, &["um", "like"]); // 1
        assert_eq!(hesitation_score(std::slice::from_ref(&r)), 15.0);
        assert_eq!(hesitation_score(&[r, rec()]), 7.5);
    }

    #[test]
    fn hesitation_score_caps_walk_aways() {
        let mut r = rec();
        r.think_ms = 10_000_000;
        r.pauses = vec![typed_pause(1, 10_000_000)];
        assert_eq!(hesitation_score(&[r]), 60.0 + 2.0 + 15.0);
    }

    #[test]
    fn hesitation_score_is_monotonic() {
        let base = hesitation_score(&[rec()]);
        let mut worse: Vec<AnswerRecord> = Vec::new();
        let mut r = rec();
        r.think_ms = 12_000;
        worse.push(r.clone());
        r.think_ms = 30_000;
        worse.push(r.clone());
        r.pauses = vec![typed_pause(1, 3_500)];
        worse.push(r.clone());
        r.pauses = vec![typed_pause(1, 8_000)];
        worse.push(r.clone());
        r.pauses.push(mark(0));
        worse.push(r.clone());
        r = with_fillers(r, &["um"]);
        worse.push(r.clone());
        r.overran = true;
        worse.push(r.clone());
        r.skipped = true;
        worse.push(r);
        let mut prev = base;
        for (i, w) in worse.iter().enumerate() {
            let s = hesitation_score(std::slice::from_ref(w));
            assert!(s > prev, "step {i}: {s} not above {prev}");
            prev = s;
        }
        // A blank answer counts like a skip.
        let mut blank = rec();
        blank.words = 0;
        assert_eq!(hesitation_score(&[blank]), SCORE_SKIP);
        // One more hesitant answer raises a question's score.
        let mut bad = rec();
        bad.skipped = true;
        assert!(hesitation_score(&[rec(), bad]) > hesitation_score(&[rec(), rec()]));
    }
}
