//! Feedback in words: what one answer's numbers say, and the single thing
//! to work on next after a session. Reports what happened in numbers and
//! places, then one concrete step; never a verdict on the person.
//!
//! Also the hesitation score that `daily` and `stats` rank questions by.
//!
//! Every line is plain text built from the record; it may quote a word of
//! the user's answer, so the terminal layer sanitizes it before printing.

use super::answer::{mostly_pasted, words};
use super::event::InputMode;
use super::record::{AnswerRecord, Pause};

pub use super::record::DEFAULT_THINK_TARGET_MS;

use crate::text::duration::measured;
use crate::text::plural;

/// What the feedback says instead of words, pace and fillers for a voice
/// answer: they are not measured (there is no transcript), never zero.
pub const NOT_MEASURED_VOICE: &str =
    "Words, pace and fillers are not measured for voice answers (no transcript).";

/// Whether a record is a blank answer: submitted with nothing said or
/// typed (skips are not blanks).
fn is_blank(rec: &AnswerRecord) -> bool {
    if rec.skipped {
        return false;
    }
    match rec.input {
        InputMode::Spoken | InputMode::Voice => rec.answer_ms == 0 && rec.pauses.is_empty(),
        // Words not measured (null) is not a blank.
        InputMode::Typed | InputMode::Line => rec.words == Some(0),
    }
}

/// The longest measured pause (typed, with its place in the text, or
/// voice, with its time); the first of equals. Spoken stumble marks have
/// no length and are left out.
fn longest_typed(pauses: &[Pause]) -> Option<&Pause> {
    pauses
        .iter()
        .filter(|p| !p.is_mark())
        .fold(None, |best: Option<&Pause>, p| match best {
            Some(b) if b.ms >= p.ms => Some(b),
            _ => Some(p),
        })
}

/// Where a pause fell, in words: `after “project” (word 12)` (also used by
/// `stats` for the longest pauses).
#[must_use]
pub fn place(text: &str, p: &Pause) -> String {
    let Some(k) = p.at_word else {
        // A voice pause has no transcript to place it in: its time does.
        return match p.at_ms {
            Some(at) if !p.is_mark() => format!("{} into the answer", measured(at)),
            _ => "self-marked".to_owned(),
        };
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

/// Plain-text lines describing one answer (think time against the
/// answer's own target, pauses with the word they fell after, words and
/// wpm, fillers, overrun).
///
/// The same as [`answer_feedback_with_threshold`] for an answer not held
/// strictly, without a threshold, so pauses are counted without saying
/// what "long" meant.
#[must_use]
pub fn answer_feedback(rec: &AnswerRecord) -> Vec<String> {
    answer_feedback_with_threshold(rec, false, None)
}

/// Plain-text lines describing one answer, naming the pause threshold when
/// it is known ("2 pauses over 3s; …"). `strict` says the answer was held
/// to `--strict`: one that reached the limit was cut there, not left to run
/// past it.
///
/// In order: how the answer ended or started (skipped, blank, started
/// after N s against [`AnswerRecord::think_target`]), pauses (how many,
/// the longest and the word it fell after; spoken stumbles with their
/// times), words and wpm (or speaking time), fillers with counts,
/// characters deleted, tips looked at, and how the limit ended it or how
/// far past it the answer ran.
#[must_use]
pub fn answer_feedback_with_threshold(
    rec: &AnswerRecord,
    strict: bool,
    pause_threshold_ms: Option<u64>,
) -> Vec<String> {
    let mut lines = Vec::new();
    let total = rec.think_ms.saturating_add(rec.answer_ms);
    if rec.skipped {
        lines.push(format!("Skipped after {}.", measured(total)));
        if rec.hint {
            lines.push("Looked at the tips.".to_owned());
        }
        return lines;
    }
    let over = match pause_threshold_ms {
        Some(t) => format!(" over {}", measured(t)),
        None => String::new(),
    };
    if is_blank(rec) {
        lines.push(match rec.input {
            InputMode::Spoken => {
                format!(
                    "Finished without marking a start, after {}.",
                    measured(total)
                )
            }
            _ => format!("Blank answer, submitted after {}.", measured(total)),
        });
    } else {
        let started = match rec.input {
            InputMode::Typed => "Started after",
            InputMode::Spoken | InputMode::Voice => "Started talking after",
            InputMode::Line => "Answered after",
        };
        lines.push(format!(
            "{started} {} (target {}).",
            measured(rec.think_ms),
            measured(rec.think_target())
        ));
        match rec.input {
            InputMode::Typed => lines.push(pause_line(rec, &over)),
            InputMode::Spoken => {
                lines.push(format!("Spoke for {}.", measured(rec.answer_ms)));
                if let Some(l) = stumble_line(&rec.pauses) {
                    lines.push(l);
                }
            }
            InputMode::Voice => {
                lines.push(pause_line(rec, &over));
                lines.push(format!("Spoke for {}.", measured(rec.answer_ms)));
                lines.push(NOT_MEASURED_VOICE.to_owned());
            }
            InputMode::Line => {}
        }
        if let (InputMode::Typed | InputMode::Line, Some(words)) = (rec.input, rec.words) {
            let mut w = plural(words as usize, "word", "words");
            if rec.pasted_words > 0 {
                w.push_str(&format!(" ({} pasted)", rec.pasted_words));
            }
            // Pasted words count as words, never as speed.
            lines.push(match rec.wpm {
                _ if mostly_pasted(words, rec.pasted_words) => {
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
            plural(rec.revisions as usize, "character", "characters")
        ));
    }
    if rec.hint {
        lines.push("Looked at the tips.".to_owned());
    }
    if rec.overran {
        let past = total.saturating_sub(rec.limit_ms);
        let limit = measured(rec.limit_ms);
        // Under --strict the engine submits at the limit; a key that came
        // a moment later is dropped, so any time past it is not the user's.
        lines.push(if strict {
            format!("Cut at the {limit} limit.")
        } else if past > 0 {
            format!("Ran {} past the {limit} limit.", measured(past))
        } else {
            format!("Stopped at the {limit} limit.")
        });
    }
    lines
}

/// "No pauses." / "1 pause over 3 s: 6.1 s, after “x” (word 3)." / "2
/// pauses over 3 s; longest …".
fn pause_line(rec: &AnswerRecord, over: &str) -> String {
    let n = rec.pauses.iter().filter(|p| !p.is_mark()).count();
    match longest_typed(&rec.pauses) {
        None => format!("No pauses{over}."),
        Some(p) if n == 1 => format!(
            "1 pause{over}: {}, {}.",
            measured(p.ms),
            place(&rec.text, p)
        ),
        Some(p) => format!(
            "{n} pauses{over}; longest {}, {}.",
            measured(p.ms),
            place(&rec.text, p)
        ),
    }
}

/// "Marked 2 stumbles, at 12.0 s and 40.3 s in." for spoken answers.
fn stumble_line(pauses: &[Pause]) -> Option<String> {
    let times: Vec<String> = pauses
        .iter()
        .filter(|p| p.is_mark())
        .filter_map(|p| p.at_ms.map(measured))
        .collect();
    let list = match times.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let what = plural(times.len(), "stumble", "stumbles");
    Some(format!("Marked {what}, at {list} into the answer."))
}

/// The thresholds a session's signals are judged against in
/// [`next_step_with`]. A signal competes only once it reaches its
/// threshold; its severity is how far past the threshold it is.
///
/// Think time has no threshold here: each answer is judged against the
/// target it was held to ([`AnswerRecord::think_target`]), the same one its
/// feedback quoted.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
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
#[must_use]
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
/// past 1: skipped questions (share of all questions), slow starts (the
/// median over the answered questions of think time ÷ that answer's own
/// target, strictly past 1), pauses and stumbles (per answered question),
/// overruns (share of all questions), fillers (per 100 typed words, at
/// least 2), short typed answers (share under `short_words`). The highest
/// severity wins; on a tie the earlier in that list wins. When nothing
/// reaches its threshold, the line says so and suggests raising the
/// pressure.
#[must_use]
pub fn next_step_with(answers: &[AnswerRecord], th: &Thresholds) -> Option<String> {
    next_step_judged(answers, th, &[])
}

/// [`next_step`] with what the answers said (`findings`, one per answer
/// read for content) competing beside the timing signals, by the rule of
/// [`super::content_signal`]: the session's worst kind of content finding
/// scores `weight × share ÷ 0.5`. On a tie a timing signal wins.
#[must_use]
pub fn next_step_with_content(
    answers: &[AnswerRecord],
    findings: &[&crate::content::Findings],
) -> Option<String> {
    next_step_judged(answers, &Thresholds::default(), findings)
}

fn next_step_judged(
    answers: &[AnswerRecord],
    th: &Thresholds,
    findings: &[&crate::content::Findings],
) -> Option<String> {
    if answers.is_empty() {
        return None;
    }
    let content = super::content_signal::session_signal(findings)
        .map(|(severity, line)| Signal { severity, line });
    let signals = [
        skip_signal(answers, th),
        slow_signal(answers),
        pause_signal(answers, th),
        overrun_signal(answers, th),
        filler_signal(answers, th),
        short_signal(answers, th),
        content,
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
        _ => Some(v[n / 2 - 1] / 2 + v[n / 2] / 2 + u64::midpoint(v[n / 2 - 1] % 2, v[n / 2] % 2)),
    }
}

/// The median of `v` for fractions (mean of the middle two).
fn median_f64(v: &mut [f64]) -> Option<f64> {
    v.sort_unstable_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some(v[n / 2 - 1] / 2.0 + v[n / 2] / 2.0),
    }
}

/// "2 of 5 answers", "all 3 answers", "the one answer": how many of the
/// session's `n` things, never "1 of 1 answers".
fn share(k: usize, n: usize, one: &str, many: &str) -> String {
    if n == 1 && k == 1 {
        format!("the one {one}")
    } else if k == n {
        format!("all {n} {many}")
    } else {
        format!("{k} of {n} {many}")
    }
}

/// `text` with its first letter upper-case, to open a sentence.
fn capitalized(text: &str) -> String {
    let mut cs = text.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The think-time targets the answers were held to, lowest and highest.
fn target_range(done: &[&AnswerRecord]) -> Option<(u64, u64)> {
    let lo = done.iter().map(|a| a.think_target()).min()?;
    let hi = done.iter().map(|a| a.think_target()).max()?;
    Some((lo, hi))
}

/// How far one answer's start was from its own target: think time ÷
/// target (a 0 target counts as 1 ms, so nothing divides by zero).
fn start_ratio(a: &AnswerRecord) -> f64 {
    a.think_ms as f64 / a.think_target().max(1) as f64
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
            "You skipped {} — next time, start with one honest sentence before you skip: \
             “I haven't faced exactly that, but here is how I'd go about it…”. Thinking on \
             your feet only grows by facing the questions you didn't prepare.",
            share(k, n, "question", "questions")
        ),
    })
}

/// Slow starts, each answer judged against its own target: competes when
/// the median answer started past its target; severity is that median
/// (think ÷ target). The line quotes only targets some answer had.
fn slow_signal(answers: &[AnswerRecord]) -> Option<Signal> {
    let done = answered(answers);
    let mut ratios: Vec<f64> = done.iter().map(|a| start_ratio(a)).collect();
    let severity = median_f64(&mut ratios)?;
    if severity <= 1.0 {
        return None;
    }
    let mut thinks: Vec<u64> = done.iter().map(|a| a.think_ms).collect();
    let m = median(&mut thinks)?;
    let late = done
        .iter()
        .filter(|a| a.think_ms > a.think_target())
        .count();
    let (lo, hi) = target_range(&done)?;
    let advice = "restate the question or name the situation you'll describe, then think \
                  out loud.";
    let line = if lo != hi {
        format!(
            "{} started after their target; median start {} against targets of {}–{} — \
             next time, say a first sentence before the target runs out: {advice}",
            capitalized(&share(late, done.len(), "answer", "answers")),
            measured(m),
            measured(lo),
            measured(hi)
        )
    } else if done.len() == 1 {
        let t = measured(lo);
        format!(
            "You started after {} against a {t} target — next time, say a first sentence \
             within {t}: {advice}",
            measured(m)
        )
    } else {
        let t = measured(lo);
        format!(
            "Your median start was {} against a {t} target ({} started later) — next time, \
             say a first sentence within {t}: {advice}",
            measured(m),
            share(late, done.len(), "answer", "answers")
        )
    };
    Some(Signal { severity, line })
}

fn pause_signal(answers: &[AnswerRecord], th: &Thresholds) -> Option<Signal> {
    let done = answered(answers);
    let typed: usize = done
        .iter()
        .map(|a| a.pauses.iter().filter(|p| !p.is_mark()).count())
        .sum();
    let total: usize = done.iter().map(|a| a.pauses.len()).sum();
    let marked = total - typed;
    if total == 0 {
        return None;
    }
    let severity = severity(ratio(total, done.len()), th.pauses_per_answer)?;
    // Where they were: "in 1 answer" when one answer held them all.
    let with = done.iter().filter(|a| !a.pauses.is_empty()).count();
    let within = if with == 1 || with == done.len() {
        format!("in {}", plural(with, "answer", "answers"))
    } else {
        format!("in {with} of {} answers", done.len())
    };
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
    let pauses = plural(typed, "pause", "pauses");
    let stumbles = plural(marked, "stumble", "stumbles");
    let what = match longest {
        Some((r, p)) if marked == 0 => format!(
            "{pauses} {within}; the longest was {}, {}",
            measured(p.ms),
            place(&r.text, p)
        ),
        Some((r, p)) => format!(
            "{pauses} and {stumbles} marked {within}; the longest pause was {}, {}",
            measured(p.ms),
            place(&r.text, p)
        ),
        None => format!("{stumbles} marked {within}"),
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
    // An answer cut at the limit (--strict) did not run past it: under a
    // twentieth of a second past is shown as reaching it.
    let how = if most < 50 {
        "reached the limit".to_owned()
    } else if over.len() == 1 {
        format!("ran past the limit, by {}", measured(most))
    } else {
        format!("ran past the limit, by up to {}", measured(most))
    };
    Some(Signal {
        severity,
        line: format!(
            "{} {how} — next time, lead with your point, give one concrete example, then \
             stop: aim to finish with a third of the time to spare.",
            capitalized(&share(over.len(), n, "answer", "answers"))
        ),
    })
}

/// Answered questions whose words were counted: not spoken, not voice
/// (words not measured), not a record with its words null.
fn written(answers: &[AnswerRecord]) -> Vec<&AnswerRecord> {
    answers
        .iter()
        .filter(|a| !a.skipped && a.input != InputMode::Spoken && a.words.is_some())
        .collect()
}

fn filler_signal(answers: &[AnswerRecord], th: &Thresholds) -> Option<Signal> {
    let done = written(answers);
    let all: Vec<String> = done
        .iter()
        .flat_map(|a| a.filler_words.iter().cloned())
        .collect();
    let words: u64 = done.iter().filter_map(|a| a.words).map(u64::from).sum();
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
            "{} in {} ({rate:.1} per 100), most often “{top}” — next time, when you \
             feel one coming, pause silently instead{trailing}: a short silence sounds surer \
             than a filler.",
            plural(all.len(), "filler", "fillers"),
            plural(
                usize::try_from(words).unwrap_or(usize::MAX),
                "word",
                "words"
            )
        ),
    })
}

fn short_signal(answers: &[AnswerRecord], th: &Thresholds) -> Option<Signal> {
    let done = written(answers);
    let short: Vec<u32> = done
        .iter()
        .filter_map(|a| a.words)
        .filter(|w| *w < th.short_words)
        .collect();
    let shortest = *short.iter().min()?;
    let severity = severity(ratio(short.len(), done.len()), th.short_rate)?;
    let words = plural(shortest as usize, "word", "words");
    let (verb, detail) = if short.len() == 1 {
        ("was", words)
    } else {
        ("were", format!("the shortest {words}"))
    };
    Some(Signal {
        severity,
        line: format!(
            "{} {verb} under {} ({detail}) — next time, give each answer a shape: the \
             situation, what you did, and the result, one sentence each, with one concrete \
             example.",
            capitalized(&share(short.len(), done.len(), "answer", "answers")),
            plural(th.short_words as usize, "word", "words"),
        ),
    })
}

/// The line when no signal reached its threshold, with where the starts
/// stood against the targets the answers had.
fn calm_line(answers: &[AnswerRecord]) -> String {
    let done = answered(answers);
    let mut thinks: Vec<u64> = done.iter().map(|a| a.think_ms).collect();
    let start = match (median(&mut thinks), target_range(&done)) {
        (Some(m), Some((lo, hi))) => {
            let started = if done.len() == 1 {
                format!("started after {}", measured(m))
            } else {
                format!("median start {}", measured(m))
            };
            let targets = if lo == hi {
                format!("target {}", measured(lo))
            } else {
                format!("targets {}–{}", measured(lo), measured(hi))
            };
            format!(" ({started}, {targets})")
        }
        _ => String::new(),
    };
    format!(
        "No signal reached its threshold in {}{start} — next time, raise the pressure: a \
         shorter --think target, --strict, or the curveballs category. Keep going.",
        plural(answers.len(), "answer", "answers")
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
#[must_use]
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
    // Fillers not measured (voice) add nothing: unknown is not zero, but
    // it is not a filler either.
    score + SCORE_PER_FILLER * f64::from(a.fillers.unwrap_or(0))
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

    fn rec() -> AnswerRecord {
        AnswerRecord::builder("weaknesses/greatest")
            .session("s1")
            .think_ms(4_000)
            .answer_ms(60_000)
            .limit_ms(90_000)
            .words(60)
            .wpm(60.0)
            .fillers(&[])
            .text(&"word ".repeat(60))
            .build()
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
        r.fillers = Some(f.len() as u32);
        r
    }

    #[test]
    fn feedback_for_a_typical_typed_answer() {
        let mut r = rec();
        r.think_ms = 14_200;
        r.text = "I led the project and then we shipped it".into();
        r.words = Some(9);
        r.wpm = Some(96.4);
        r.pauses = vec![
            typed_pause(4, 3_500),
            typed_pause(4, 6_100),
            typed_pause(7, 6_100),
        ];
        let r = with_fillers(r, &["um", "like", "um"]);
        assert_eq!(
            answer_feedback_with_threshold(&r, false, Some(3_000)),
            [
                "Started after 14.2s (target 10.0s).",
                "3 pauses over 3.0s; longest 6.1s, after “project” (word 4).",
                "9 words, 96 wpm.",
                "Fillers: um ×2, like ×1.",
            ]
        );
    }

    #[test]
    fn feedback_on_pasted_words_never_gives_their_speed() {
        let mut r = rec();
        r.words = Some(36);
        r.pasted_words = 32;
        r.wpm = None;
        assert_eq!(
            answer_feedback(&r)[2],
            "36 words (32 pasted); wpm not given: most of the answer was pasted."
        );
        r.pasted_words = 6;
        r.wpm = Some(30.4);
        assert_eq!(
            answer_feedback(&r)[2],
            "36 words (6 pasted), 30 wpm over the typed words."
        );
        // A record that says most was pasted gives no speed, whatever it holds.
        r.pasted_words = 19;
        assert_eq!(
            answer_feedback(&r)[2],
            "36 words (19 pasted); wpm not given: most of the answer was pasted."
        );
    }

    #[test]
    fn feedback_without_threshold_and_a_single_pause() {
        let mut r = rec();
        r.text = "Well, honestly, I over-prepare.".into();
        r.words = Some(4);
        r.pauses = vec![typed_pause(2, 4_500)];
        let lines = answer_feedback(&r);
        assert_eq!(lines[1], "1 pause: 4.5s, after “honestly” (word 2).");
        assert_eq!(lines[3], "No filler words.");
    }

    #[test]
    fn pause_places_at_the_start_and_after_edits() {
        let mut r = rec();
        r.text = "short".into();
        r.pauses = vec![typed_pause(0, 5_000)];
        assert_eq!(
            answer_feedback(&r)[1],
            "1 pause: 5.0s, before the first word."
        );
        r.pauses = vec![typed_pause(12, 5_000)];
        assert_eq!(answer_feedback(&r)[1], "1 pause: 5.0s, after word 12.");
        r.pauses = vec![];
        assert_eq!(answer_feedback(&r)[1], "No pauses.");
    }

    #[test]
    fn pause_place_quotes_non_ascii_and_cuts_long_words() {
        let mut r = rec();
        r.text = "Ich — „Schwäche“ 👍🏽".into();
        r.pauses = vec![typed_pause(2, 3_200)];
        assert_eq!(
            answer_feedback(&r)[1],
            "1 pause: 3.2s, after “Schwäche” (word 2)."
        );
        r.text = "x".repeat(50);
        r.pauses = vec![typed_pause(1, 3_200)];
        let line = &answer_feedback(&r)[1];
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
            answer_feedback(&r),
            ["Skipped after 8.0s.", "Looked at the tips."]
        );
    }

    #[test]
    fn feedback_for_a_blank_answer() {
        let mut r = rec();
        r.think_ms = 12_000;
        r.answer_ms = 0;
        r.words = Some(0);
        r.wpm = None;
        r.text = String::new();
        assert_eq!(
            answer_feedback(&r),
            ["Blank answer, submitted after 12.0s."]
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
        let lines = answer_feedback(&r);
        let tail = &lines[lines.len() - 3..];
        assert_eq!(
            tail,
            [
                "Deleted 14 characters while answering.",
                "Looked at the tips.",
                "Ran 12.0s past the 1m30s limit.",
            ]
        );
    }

    #[test]
    fn feedback_for_a_strict_cut() {
        let mut r = rec();
        r.think_ms = 10_000;
        r.answer_ms = 80_000;
        r.overran = true;
        let last = |r: &AnswerRecord, strict| {
            answer_feedback_with_threshold(r, strict, None)
                .last()
                .cloned()
                .unwrap_or_default()
        };
        assert_eq!(last(&r, true), "Cut at the 1m30s limit.");
        assert_eq!(last(&r, false), "Stopped at the 1m30s limit.");
        // A key that arrived just after the limit does not make a strict
        // answer "run past" it.
        r.answer_ms = 80_040;
        assert_eq!(last(&r, true), "Cut at the 1m30s limit.");
        r.answer_ms = 82_000;
        assert_eq!(last(&r, false), "Ran 2.0s past the 1m30s limit.");
        // Not over the limit: strict or not, nothing about it.
        r.overran = false;
        assert!(!last(&r, true).contains("limit"));
    }

    #[test]
    fn feedback_quotes_the_answers_own_think_target() {
        let mut r = rec();
        r.think_ms = 25_000;
        r.think_target_ms = Some(20_000);
        assert_eq!(
            answer_feedback(&r)[0],
            "Started after 25.0s (target 20.0s)."
        );
        r.think_target_ms = None; // an older record: the documented default
        assert_eq!(
            answer_feedback(&r)[0],
            "Started after 25.0s (target 10.0s)."
        );
    }

    #[test]
    fn feedback_for_spoken() {
        let mut r = rec();
        r.input = InputMode::Spoken;
        r.text = String::new();
        r.words = Some(0);
        r.wpm = None;
        r.think_ms = 3_000;
        r.answer_ms = 45_000;
        r.think_target_ms = Some(5_000);
        r.pauses = vec![mark(12_000), mark(20_140), mark(40_300)];
        assert_eq!(
            answer_feedback(&r),
            [
                "Started talking after 3.0s (target 5.0s).",
                "Spoke for 45.0s.",
                "Marked 3 stumbles, at 12.0s, 20.1s and 40.3s into the answer.",
            ]
        );
        r.pauses = vec![mark(1_000)];
        assert_eq!(
            answer_feedback(&r)[2],
            "Marked 1 stumble, at 1.0s into the answer."
        );
    }

    #[test]
    fn feedback_for_spoken_without_a_start() {
        let mut r = rec();
        r.input = InputMode::Spoken;
        r.words = Some(0);
        r.think_ms = 9_000;
        r.answer_ms = 0;
        assert_eq!(
            answer_feedback(&r),
            ["Finished without marking a start, after 9.0s."]
        );
    }

    #[test]
    fn feedback_for_line_input() {
        let mut r = rec();
        r.input = InputMode::Line;
        r.answer_ms = 0;
        r.wpm = None;
        r.words = Some(1);
        assert_eq!(
            answer_feedback(&r),
            [
                "Answered after 4.0s (target 10.0s).",
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
            line.starts_with(
                "No signal reached its threshold in 2 answers (median start 4.0s, target 10.0s)"
            ),
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
        // Median of 4.0, 14.2, 20.0, 20.0 is 17.1s.
        assert!(
            line.starts_with(
                "Your median start was 17.1s against a 10.0s target (3 of 4 answers started later)"
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
                "3 pauses in 2 answers; the longest was 6.1s, after “vendor” (word 4) — next time"
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
            line.starts_with("1 of 3 answers ran past the limit, by 15.5s — next time"),
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
        a.words = Some(30);
        assert!(next_step(&[a]).unwrap_or_default().starts_with("No signal"));
    }

    #[test]
    fn short_answers_can_win() {
        let mut a = rec();
        a.words = Some(12);
        let mut b = rec();
        b.words = Some(1);
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
        // Skips 1/5 → severity 1.0; median start 25.0s / 10.0s → 2.5.
        let mut slow = rec();
        slow.think_ms = 25_000;
        let answers = [skipped(), slow.clone(), slow.clone(), slow, rec()];
        let line = next_step(&answers).unwrap_or_default();
        assert!(line.starts_with("Your median start was 25.0s"), "{line}");
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
        assert!(line.starts_with("You skipped all 2 questions"), "{line}");
        let line = next_step(&[skipped()]).unwrap_or_default();
        assert!(
            line.starts_with("You skipped the one question — "),
            "{line}"
        );
    }

    #[test]
    fn custom_thresholds_change_the_verdict() {
        let a = rec(); // 60 words: not short by default.
        assert!(
            next_step(std::slice::from_ref(&a))
                .unwrap_or_default()
                .starts_with("No signal")
        );
        let th = Thresholds {
            short_words: 100,
            ..Thresholds::default()
        };
        let line = next_step_with(std::slice::from_ref(&a), &th).unwrap_or_default();
        assert!(
            line.starts_with("The one answer was under 100 words (60 words) — next time"),
            "{line}"
        );
        let mut blank = a;
        blank.words = Some(0);
        let th = Thresholds {
            short_words: 1,
            ..Thresholds::default()
        };
        let line = next_step_with(&[blank], &th).unwrap_or_default();
        assert!(line.contains("under 1 word (0 words)"), "{line}");
    }

    fn held_to(think_ms: u64, target_ms: u64) -> AnswerRecord {
        let mut r = rec();
        r.think_ms = think_ms;
        r.think_target_ms = Some(target_ms);
        r
    }

    /// The reported bug: the feedback said "target 20 s", the summary
    /// "against a 10 s target".
    #[test]
    fn next_step_quotes_the_target_the_answer_had() {
        let a = held_to(25_000, 20_000);
        assert!(answer_feedback(&a)[0].contains("(target 20.0s)"));
        let line = next_step(&[a]).unwrap_or_default();
        assert!(
            line.starts_with(
                "You started after 25.0s against a 20.0s target — next time, say a first \
                 sentence within 20.0s:"
            ),
            "{line}"
        );
        assert!(
            !line.contains("median") && !line.contains("10.0s"),
            "{line}"
        );
    }

    #[test]
    fn starts_within_a_longer_own_target_are_not_slow() {
        // 15 s is past the default 10 s, but each answer had 20 s.
        let answers = [held_to(15_000, 20_000), held_to(16_000, 20_000)];
        let line = next_step(&answers).unwrap_or_default();
        assert!(
            line.starts_with(
                "No signal reached its threshold in 2 answers (median start 15.5s, target 20.0s)"
            ),
            "{line}"
        );
    }

    #[test]
    fn starts_past_a_shorter_own_target_are_slow() {
        // 8 s is within the default 10 s, but each answer had 5 s.
        let answers = [held_to(8_000, 5_000), held_to(9_000, 5_000), rec()];
        let line = next_step(&answers).unwrap_or_default();
        // rec() started after 4 s against the default 10 s: not later.
        assert!(
            line.starts_with(
                "2 of 3 answers started after their target; median start 8.0s against \
                 targets of 5.0s–10.0s — next time"
            ),
            "{line}"
        );
    }

    #[test]
    fn mixed_targets_compare_each_answer_with_its_own() {
        let answers = [
            held_to(14_000, 10_000), // late (1.4)
            held_to(12_000, 20_000), // in time (0.6)
            held_to(25_000, 20_000), // late (1.25)
            held_to(11_000, 10_000), // late (1.1)
            held_to(5_000, 10_000),  // in time (0.5)
        ];
        let line = next_step(&answers).unwrap_or_default();
        assert!(
            line.starts_with(
                "3 of 5 answers started after their target; median start 12.0s against \
                 targets of 10.0s–20.0s — next time, say a first sentence before the target \
                 runs out:"
            ),
            "{line}"
        );
        // Never a single target that only some answers had.
        assert!(!line.contains("against a "), "{line}");
        // Most answers in time against their own targets: not slow.
        let calm = [
            held_to(14_000, 10_000),
            held_to(12_000, 20_000),
            held_to(5_000, 10_000),
        ];
        let line = next_step(&calm).unwrap_or_default();
        assert!(
            line.starts_with(
                "No signal reached its threshold in 3 answers (median start 12.0s, targets \
                 10.0s–20.0s)"
            ),
            "{line}"
        );
    }

    #[test]
    fn a_single_answer_has_no_median() {
        let line = next_step(&[rec()]).unwrap_or_default();
        assert!(
            line.starts_with(
                "No signal reached its threshold in 1 answer (started after 4.0s, target 10.0s)"
            ),
            "{line}"
        );
        // A skip does not make the one answer a median either.
        let line = next_step(&[held_to(30_000, 10_000), skipped()]).unwrap_or_default();
        assert!(
            line.starts_with("You started after 30.0s against a 10.0s target"),
            "{line}"
        );
    }

    #[test]
    fn pauses_all_in_one_answer_say_so() {
        let mut a = rec();
        a.pauses = (1..=4).map(|w| typed_pause(w, 3_500)).collect();
        let line = next_step(&[a.clone(), rec(), rec(), rec()]).unwrap_or_default();
        assert!(
            line.starts_with("4 pauses in 1 answer; the longest"),
            "{line}"
        );
        let mut b = rec();
        b.pauses = vec![typed_pause(1, 3_500)];
        let line = next_step(&[a, b, rec()]).unwrap_or_default();
        assert!(line.starts_with("5 pauses in 2 of 3 answers;"), "{line}");
    }

    #[test]
    fn spoken_stumbles_are_not_called_pauses() {
        let mut typed = rec();
        typed.text = "We chose the vendor after a long review".into();
        typed.pauses = vec![typed_pause(4, 6_100), typed_pause(2, 3_500)];
        let mut spoken = rec();
        spoken.input = InputMode::Spoken;
        spoken.pauses = vec![mark(1_000)];
        let line = next_step(&[typed, spoken]).unwrap_or_default();
        assert!(
            line.starts_with(
                "2 pauses and 1 stumble marked in 2 answers; the longest pause was 6.1s, \
                 after “vendor” (word 4) — next time"
            ),
            "{line}"
        );
    }

    #[test]
    fn one_question_sessions_read_in_the_singular() {
        let mut over = rec();
        over.overran = true;
        over.answer_ms = 95_500; // 4 s + 95.5 s against 90 s
        let line = next_step(&[over.clone()]).unwrap_or_default();
        assert!(
            line.starts_with("The one answer ran past the limit, by 9.5s — next time"),
            "{line}"
        );
        // Cut at the limit (--strict): it reached the limit, no "by 0.0s".
        over.answer_ms = 86_010;
        let line = next_step(&[over.clone(), over]).unwrap_or_default();
        assert!(
            line.starts_with("All 2 answers reached the limit — next time"),
            "{line}"
        );
        let mut short = rec();
        short.words = Some(12);
        let line = next_step(&[short]).unwrap_or_default();
        assert!(
            line.starts_with("The one answer was under 30 words (12 words) — next time"),
            "{line}"
        );
        for line in [next_step(&[rec()]), next_step(&[skipped()])] {
            let line = line.unwrap_or_default();
            assert!(
                !line.contains("1 answers") && !line.contains("1 questions"),
                "{line}"
            );
        }
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
        blank.words = Some(0);
        assert_eq!(hesitation_score(&[blank]), SCORE_SKIP);
        // One more hesitant answer raises a question's score.
        let mut bad = rec();
        bad.skipped = true;
        assert!(hesitation_score(&[rec(), bad]) > hesitation_score(&[rec(), rec()]));
    }

    fn voice_rec() -> AnswerRecord {
        AnswerRecord {
            input: InputMode::Voice,
            words: None,
            wpm: None,
            fillers: None,
            text: String::new(),
            think_ms: 1_500,
            answer_ms: 40_000,
            pauses: vec![Pause {
                at_word: None,
                at_char: None,
                ms: 4_100,
                at_ms: Some(12_300),
            }],
            ..rec()
        }
    }

    #[test]
    fn voice_feedback_times_the_pauses_and_says_words_are_not_measured() {
        let lines = answer_feedback_with_threshold(&voice_rec(), false, Some(3_000));
        assert_eq!(
            lines,
            vec![
                "Started talking after 1.5s (target 10.0s).".to_string(),
                "1 pause over 3.0s: 4.1s, 12.3s into the answer.".to_string(),
                "Spoke for 40.0s.".to_string(),
                NOT_MEASURED_VOICE.to_string(),
            ]
        );
        let silent = AnswerRecord {
            pauses: vec![],
            answer_ms: 0,
            think_ms: 9_000,
            ..voice_rec()
        };
        assert_eq!(
            answer_feedback(&silent),
            vec!["Blank answer, submitted after 9.0s.".to_string()]
        );
    }

    #[test]
    fn unmeasured_words_and_fillers_are_skipped_by_the_averages() {
        // Two typed answers with fillers and voice answers around them: the
        // rate is over the typed words alone, and voice is never "short".
        let mut typed = rec();
        typed.words = Some(50);
        typed.fillers = Some(2);
        typed.filler_words = vec!["um".into(), "um".into()];
        let answers = vec![typed.clone(), typed, voice_rec(), voice_rec()];
        let th = Thresholds {
            fillers_per_100_words: 3.0,
            ..Thresholds::default()
        };
        let line = filler_signal(&answers, &th).unwrap().line;
        assert!(
            line.starts_with("4 fillers in 100 words (4.0 per 100)"),
            "{line}"
        );
        assert!(short_signal(&[voice_rec(), voice_rec()], &Thresholds::default()).is_none());
        // Null fillers add nothing to the hesitation score, as zero would.
        let mut zero = voice_rec();
        zero.fillers = Some(0);
        assert_eq!(answer_hesitation(&voice_rec()), answer_hesitation(&zero));
        // A typed record with null words is not a blank.
        let mut unknown = rec();
        unknown.words = None;
        assert!(!is_blank(&unknown));
    }
}
