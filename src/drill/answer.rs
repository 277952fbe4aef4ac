//! The per-answer state machine: feed it `(elapsed, event)` pairs, read
//! the measurements when it is done. All timing rules live here.

use std::time::Duration;

use super::event::{Event, InputMode};
use unicode_segmentation::UnicodeSegmentation;

use super::record::Pause;

/// Below this much answer time no words-per-minute figure is given.
pub const MIN_WPM_MS: u64 = 1_000;

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
///
/// # Timing rules
///
/// Every `at` is the time elapsed since the question was fully drawn. It is
/// truncated to whole milliseconds on arrival and every figure is a
/// difference of such values, so `think_ms + answer_ms` is exactly the
/// millisecond the answer ended. An `at` earlier than one already seen is
/// clamped to the latest seen (the caller's clock can't make a duration
/// negative).
///
/// - **Input keys** are the events that show the user at work: `Text`,
///   `Paste`, `Backspace`, `DeleteWord` (typed), `Mark` (spoken) and `Hint`.
///   Events that do not belong to the answer's [`InputMode`] are ignored
///   (a `Mark` while typing, `Text` while speaking, anything but `Line`,
///   `Hint`, `Submit`, `Skip` in line mode).
/// - **think_ms**: question drawn → the first `Text`/`Paste`/`Backspace`/
///   `DeleteWord` (typed), the first `Mark` (spoken), or the `Line` (line
///   mode, which also ends the answer with `answer_ms` 0). `Hint` does not
///   end think time: reading the tips is still thinking.
/// - **answer_ms**: first key → `Submit` or `Skip`. Submitting before any
///   key is a blank answer: `think_ms` is the time to submit, `answer_ms`
///   0, no words. Skipping before any key likewise puts the whole time in
///   `think_ms`.
/// - **Pauses** (typed): a gap strictly longer than `pause_threshold`
///   between two consecutive input keys after the first key. It records the
///   gap, the words and characters in the text when the gap began, and the
///   gap's start in ms since the first key. The gap before `Submit`/`Skip`
///   is not a pause: re-reading before pressing Enter is not hesitating.
///   Keys before the first key (only `Hint` can be one) are think time,
///   not pauses.
/// - **Pauses** (spoken): every `Mark` after the first is a self-marked
///   stumble, `Pause { at_word: None, at_char: None, ms: 0, at_ms: Some(..) }`. Key
///   gaps mean nothing while the user talks, so they are not pauses.
/// - **Editing** (typed): `Text` and `Paste` append; `Backspace` removes
///   the last grapheme cluster (an emoji with a skin tone or a ZWJ family
///   is one); `DeleteWord` removes trailing whitespace and then the last
///   run of non-whitespace. `revisions` counts the chars deleted. A paste
///   is one key however long: its words count, but its length makes no
///   pauses.
/// - **Limit**: `overran` when `think_ms + answer_ms` exceeds the limit.
///   With `strict`, `tick` at or past the limit, or `feed` past it, ends the
///   answer at exactly the limit with the text typed so far (`overran`
///   true; with no key yet, a blank answer with `think_ms` = limit). An
///   event fed at exactly the limit still counts (a Submit then is in
///   time) and the cut follows it. Without `strict` nothing ends at the
///   limit.
/// - **words**: whitespace-separated tokens with at least one alphanumeric
///   char (see [`count_words`]); **wpm** = words / answer minutes, `None`
///   when `answer_ms` is under [`MIN_WPM_MS`] (a pace over a moment is
///   noise: a paste submitted at once would read as 12,000 wpm) or the
///   answer was spoken (no text).
/// - Events after `Done` are ignored.
#[derive(Debug, Clone)]
pub struct Answer {
    rules: AnswerRules,
    phase: Phase,
    /// Latest `at` seen, ms; later events are clamped to it.
    now_ms: u64,
    /// When the first key came (think time ends), ms.
    first_key_ms: Option<u64>,
    /// When the latest input key came after the first, ms.
    last_key_ms: Option<u64>,
    /// When the answer ended, ms.
    end_ms: Option<u64>,
    text: String,
    pauses: Vec<Pause>,
    revisions: u32,
    hint: bool,
    skipped: bool,
    cut_off: bool,
}

/// Whole milliseconds of `d`, truncated, saturating at `u64::MAX`: the
/// one conversion every stored or shown millisecond figure goes through.
pub fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// `n` as `u32`, saturating: counts this large are not meaningful anyway.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The tokens of `text` that count as words: whitespace-separated, with
/// at least one alphanumeric char (so "—" or "👍" alone is not a word, and
/// text without spaces, as in Chinese, counts as one word per run).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
}

/// How many words `text` has, by the rule of [`words`].
pub fn count_words(text: &str) -> u32 {
    to_u32(words(text).count())
}

impl Answer {
    /// Starts an answer at elapsed zero (the question fully drawn).
    pub fn new(rules: AnswerRules) -> Self {
        Self {
            rules,
            phase: Phase::Thinking,
            now_ms: 0,
            first_key_ms: None,
            last_key_ms: None,
            end_ms: None,
            text: String::new(),
            pauses: Vec::new(),
            revisions: 0,
            hint: false,
            skipped: false,
            cut_off: false,
        }
    }

    /// Feeds one event at `at` (elapsed since the question was drawn).
    /// Events after `Done` are ignored. Returns the phase after the event.
    /// See [`Answer`] for the rules.
    pub fn feed(&mut self, at: Duration, event: Event) -> Phase {
        if self.phase == Phase::Done {
            return self.phase;
        }
        let now = self.advance(at);
        let limit = millis(self.rules.limit);
        if self.rules.strict && now > limit {
            self.cut(limit);
            return self.phase;
        }
        self.apply(now, event);
        if self.rules.strict && now >= limit && self.phase != Phase::Done {
            self.cut(limit);
        }
        self.phase
    }

    /// Time passes with no input. In strict mode this submits the answer at
    /// exactly the limit once `at` reaches it. Returns the phase.
    pub fn tick(&mut self, at: Duration) -> Phase {
        if self.phase == Phase::Done {
            return self.phase;
        }
        let now = self.advance(at);
        let limit = millis(self.rules.limit);
        if self.rules.strict && now >= limit {
            self.cut(limit);
        }
        self.phase
    }

    /// The current phase.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The text typed so far, for drawing.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The rules this answer runs under.
    pub fn rules(&self) -> &AnswerRules {
        &self.rules
    }

    /// The measurements, once the phase is `Done`; `None` before (an answer
    /// interrupted mid-way is not recorded).
    pub fn measured(&self) -> Option<Measured> {
        let end = self.end_ms?;
        let think_ms = self.first_key_ms.unwrap_or(end);
        let answer_ms = end.saturating_sub(think_ms);
        let limit_ms = millis(self.rules.limit);
        let spoken = self.rules.input == InputMode::Spoken;
        let words = count_words(&self.text);
        let wpm = if spoken || answer_ms < MIN_WPM_MS {
            None
        } else {
            Some(f64::from(words) * 60_000.0 / answer_ms as f64)
        };
        Some(Measured {
            think_ms,
            answer_ms,
            limit_ms,
            overran: self.cut_off || think_ms.saturating_add(answer_ms) > limit_ms,
            skipped: self.skipped,
            pauses: self.pauses.clone(),
            words,
            wpm,
            fillers: super::fillers::find(&self.text),
            revisions: self.revisions,
            hint: self.hint,
            text: self.text.clone(),
        })
    }

    /// Moves the clock to `at` (never backwards) and returns it in ms.
    fn advance(&mut self, at: Duration) -> u64 {
        self.now_ms = self.now_ms.max(millis(at));
        self.now_ms
    }

    /// Ends the answer at `at` ms.
    fn finish(&mut self, at: u64) {
        self.end_ms = Some(at);
        self.phase = Phase::Done;
    }

    /// Ends the answer at the limit (strict mode).
    fn cut(&mut self, limit: u64) {
        self.cut_off = true;
        self.finish(limit);
    }

    /// Whether `event` means something in this answer's input mode.
    fn accepts(&self, event: &Event) -> bool {
        matches!(
            (self.rules.input, event),
            (_, Event::Hint | Event::Submit | Event::Skip)
                | (
                    InputMode::Typed,
                    Event::Text(_) | Event::Paste(_) | Event::Backspace | Event::DeleteWord,
                )
                | (InputMode::Spoken, Event::Mark)
                | (InputMode::Line, Event::Line(_))
        )
    }

    fn apply(&mut self, now: u64, event: Event) {
        if !self.accepts(&event) {
            return;
        }
        match event {
            Event::Submit => self.finish(now),
            Event::Skip => {
                self.skipped = true;
                self.finish(now);
            }
            Event::Line(line) => {
                // The whole answer arrives at once: all the time was thinking.
                self.first_key_ms = Some(now);
                self.text = line;
                self.finish(now);
            }
            Event::Hint => {
                self.hint = true;
                self.key(now);
            }
            Event::Mark => {
                if let Some(first) = self.first_key_ms {
                    self.pauses.push(Pause {
                        at_word: None,
                        at_char: None,
                        ms: 0,
                        at_ms: Some(now.saturating_sub(first)),
                    });
                }
                self.start(now);
            }
            Event::Text(s) | Event::Paste(s) => {
                self.start(now);
                self.key(now);
                self.text.push_str(&s);
            }
            Event::Backspace => {
                self.start(now);
                self.key(now);
                self.delete_grapheme();
            }
            Event::DeleteWord => {
                self.start(now);
                self.key(now);
                self.delete_word();
            }
        }
    }

    /// Ends think time at the first key.
    fn start(&mut self, now: u64) {
        if self.first_key_ms.is_none() {
            self.first_key_ms = Some(now);
            self.phase = Phase::Answering;
        }
    }

    /// Records an input key at `now`, with a pause before it if the gap
    /// since the previous key is long enough. Typed mode only: spoken
    /// pauses are the user's own marks.
    fn key(&mut self, now: u64) {
        let Some(first) = self.first_key_ms else {
            return;
        };
        if self.rules.input == InputMode::Typed {
            let prev = self.last_key_ms.unwrap_or(first);
            let gap = now.saturating_sub(prev);
            if gap > millis(self.rules.pause_threshold) {
                self.pauses.push(Pause {
                    at_word: Some(count_words(&self.text)),
                    at_char: Some(to_u32(self.text.chars().count())),
                    ms: gap,
                    at_ms: Some(prev.saturating_sub(first)),
                });
            }
        }
        self.last_key_ms = Some(now);
    }

    fn delete_grapheme(&mut self) {
        if let Some((idx, g)) = self.text.grapheme_indices(true).next_back() {
            self.revisions = self.revisions.saturating_add(to_u32(g.chars().count()));
            self.text.truncate(idx);
        }
    }

    fn delete_word(&mut self) {
        let kept = self
            .text
            .trim_end()
            .trim_end_matches(|c: char| !c.is_whitespace());
        let cut = kept.len();
        let removed = to_u32(self.text[cut..].chars().count());
        self.revisions = self.revisions.saturating_add(removed);
        self.text.truncate(cut);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn rules(input: InputMode) -> AnswerRules {
        AnswerRules {
            input,
            limit: Duration::from_secs(90),
            think_target: Duration::from_secs(10),
            pause_threshold: Duration::from_secs(3),
            strict: false,
        }
    }

    fn typed() -> Answer {
        Answer::new(rules(InputMode::Typed))
    }

    fn text(s: &str) -> Event {
        Event::Text(s.to_owned())
    }

    /// Types `s` one char per key, `step` ms apart, starting at `start`;
    /// returns the time of the last key.
    fn type_str(a: &mut Answer, start: u64, step: u64, s: &str) -> u64 {
        let mut t = start;
        for (i, c) in s.chars().enumerate() {
            t = start + step * i as u64;
            a.feed(ms(t), Event::Text(c.to_string()));
        }
        t
    }

    fn done(a: &Answer) -> Measured {
        assert_eq!(a.phase(), Phase::Done);
        a.measured().expect("done answers are measured")
    }

    #[test]
    fn starts_thinking_with_nothing_measured() {
        let a = typed();
        assert_eq!(a.phase(), Phase::Thinking);
        assert_eq!(a.text(), "");
        assert!(a.measured().is_none());
    }

    #[test]
    fn think_time_ends_at_the_first_typed_key() {
        let mut a = typed();
        assert_eq!(a.feed(ms(4_321), text("I")), Phase::Answering);
        assert!(a.measured().is_none(), "not measured until done");
        a.feed(ms(5_000), text(" did"));
        assert_eq!(a.feed(ms(9_000), Event::Submit), Phase::Done);
        let m = done(&a);
        assert_eq!(m.think_ms, 4_321);
        assert_eq!(m.answer_ms, 9_000 - 4_321);
        assert_eq!(m.text, "I did");
        assert!(!m.skipped && !m.overran && !m.hint);
    }

    #[test]
    fn paste_backspace_and_ctrl_w_each_end_think_time() {
        for ev in [
            Event::Paste("x".into()),
            Event::Backspace,
            Event::DeleteWord,
        ] {
            let mut a = typed();
            assert_eq!(a.feed(ms(2_500), ev.clone()), Phase::Answering, "{ev:?}");
            a.feed(ms(3_000), Event::Submit);
            assert_eq!(done(&a).think_ms, 2_500, "{ev:?}");
        }
    }

    #[test]
    fn hint_does_not_end_think_time_but_is_recorded() {
        let mut a = typed();
        assert_eq!(a.feed(ms(1_000), Event::Hint), Phase::Thinking);
        a.feed(ms(7_000), text("A"));
        a.feed(ms(8_000), Event::Submit);
        let m = done(&a);
        assert_eq!(m.think_ms, 7_000);
        assert!(m.hint);
        assert!(m.pauses.is_empty(), "time before the first key is thinking");
    }

    #[test]
    fn hint_while_answering_is_a_key_for_pauses() {
        let mut a = typed();
        a.feed(ms(1_000), text("So"));
        a.feed(ms(5_000), Event::Hint); // 4 s gap → pause
        a.feed(ms(6_000), text(" then"));
        a.feed(ms(6_500), Event::Submit);
        let m = done(&a);
        assert!(m.hint);
        assert_eq!(
            m.pauses,
            vec![Pause {
                at_word: Some(1),
                at_char: Some(2),
                ms: 4_000,
                at_ms: Some(0)
            }]
        );
    }

    #[test]
    fn submit_with_no_key_is_a_blank_answer() {
        let mut a = typed();
        a.feed(ms(12_345), Event::Submit);
        let m = done(&a);
        assert_eq!((m.think_ms, m.answer_ms, m.words), (12_345, 0, 0));
        assert_eq!(m.wpm, None);
        assert!(!m.skipped);
        assert_eq!(m.text, "");
    }

    #[test]
    fn skip_with_no_key_puts_the_time_in_think() {
        let mut a = typed();
        assert_eq!(a.feed(ms(6_000), Event::Skip), Phase::Done);
        let m = done(&a);
        assert!(m.skipped);
        assert_eq!((m.think_ms, m.answer_ms), (6_000, 0));
    }

    #[test]
    fn skip_after_typing_keeps_the_usual_split() {
        let mut a = typed();
        a.feed(ms(2_000), text("Hmm"));
        a.feed(ms(5_000), Event::Skip);
        let m = done(&a);
        assert!(m.skipped);
        assert_eq!((m.think_ms, m.answer_ms), (2_000, 3_000));
        assert_eq!(m.text, "Hmm");
    }

    #[test]
    fn the_brief_example_pause() {
        // "I tend to", wait 4.5 s, " over prepare": one pause at word 3.
        let mut a = typed();
        let last = type_str(&mut a, 2_000, 100, "I tend to");
        let resume = last + 4_500;
        type_str(&mut a, resume, 100, " over prepare");
        a.feed(ms(resume + 5_000), Event::Submit);
        let m = done(&a);
        assert_eq!(
            m.pauses,
            vec![Pause {
                at_word: Some(3),
                at_char: Some(9),
                ms: 4_500,
                at_ms: Some(last - 2_000)
            }]
        );
        assert_eq!(m.text, "I tend to over prepare");
        assert_eq!(m.words, 5);
    }

    #[test]
    fn gap_equal_to_threshold_is_not_a_pause() {
        let mut a = typed();
        a.feed(ms(1_000), text("a"));
        a.feed(ms(4_000), text("b")); // exactly 3 s
        a.feed(ms(7_001), text("c")); // 3.001 s
        a.feed(ms(7_100), Event::Submit);
        let m = done(&a);
        assert_eq!(
            m.pauses,
            vec![Pause {
                at_word: Some(1),
                at_char: Some(2),
                ms: 3_001,
                at_ms: Some(3_000)
            }]
        );
    }

    #[test]
    fn sub_millisecond_excess_is_truncated_away() {
        let mut a = typed();
        a.feed(ms(1_000), text("a"));
        a.feed(Duration::from_micros(4_000_900), text("b")); // 3000.9 ms → 3000
        a.feed(Duration::from_micros(4_500_999), Event::Submit);
        let m = done(&a);
        assert!(m.pauses.is_empty());
        assert_eq!((m.think_ms, m.answer_ms), (1_000, 3_500));
    }

    #[test]
    fn gap_before_submit_is_not_a_pause() {
        let mut a = typed();
        a.feed(ms(1_000), text("Done."));
        a.feed(ms(20_000), Event::Submit);
        assert!(done(&a).pauses.is_empty());
    }

    #[test]
    fn gap_before_skip_is_not_a_pause() {
        let mut a = typed();
        a.feed(ms(1_000), text("Well"));
        a.feed(ms(20_000), Event::Skip);
        assert!(done(&a).pauses.is_empty());
    }

    #[test]
    fn several_pauses_are_kept_in_order() {
        let mut a = typed();
        a.feed(ms(500), text("One"));
        a.feed(ms(4_500), text(" two"));
        a.feed(ms(4_600), text(" three "));
        a.feed(ms(10_600), text("four"));
        a.feed(ms(11_000), Event::Submit);
        let m = done(&a);
        assert_eq!(
            m.pauses,
            vec![
                Pause {
                    at_word: Some(1),
                    at_char: Some(3),
                    ms: 4_000,
                    at_ms: Some(0)
                },
                Pause {
                    at_word: Some(3),
                    at_char: Some(14),
                    ms: 6_000,
                    at_ms: Some(4_100)
                },
            ]
        );
    }

    #[test]
    fn zero_threshold_makes_every_gap_a_pause() {
        let mut r = rules(InputMode::Typed);
        r.pause_threshold = Duration::ZERO;
        let mut a = Answer::new(r);
        a.feed(ms(100), text("a"));
        a.feed(ms(100), text("b")); // no gap
        a.feed(ms(101), text("c"));
        a.feed(ms(150), Event::Submit);
        let m = done(&a);
        assert_eq!(
            m.pauses,
            vec![Pause {
                at_word: Some(1),
                at_char: Some(2),
                ms: 1,
                at_ms: Some(0)
            }]
        );
    }

    #[test]
    fn paste_is_one_key_and_makes_no_pauses() {
        let mut a = typed();
        a.feed(
            ms(1_000),
            Event::Paste("Situation: the build was red for a week.".into()),
        );
        a.feed(ms(1_200), text(" I"));
        a.feed(ms(2_000), Event::Submit);
        let m = done(&a);
        assert!(m.pauses.is_empty());
        assert_eq!(m.words, 9);
        assert_eq!(m.text, "Situation: the build was red for a week. I");
    }

    #[test]
    fn a_pause_before_a_paste_is_still_a_pause() {
        let mut a = typed();
        a.feed(ms(1_000), text("So"));
        a.feed(ms(9_000), Event::Paste(" anyway".into()));
        a.feed(ms(9_500), Event::Submit);
        assert_eq!(
            done(&a).pauses,
            vec![Pause {
                at_word: Some(1),
                at_char: Some(2),
                ms: 8_000,
                at_ms: Some(0)
            }]
        );
    }

    #[test]
    fn backspace_deletes_one_ascii_char() {
        let mut a = typed();
        a.feed(ms(1), text("abc"));
        a.feed(ms(2), Event::Backspace);
        assert_eq!(a.text(), "ab");
        a.feed(ms(3), Event::Submit);
        assert_eq!(done(&a).revisions, 1);
    }

    #[test]
    fn backspace_deletes_a_whole_emoji_grapheme() {
        let mut a = typed();
        a.feed(ms(1), text("ok 👍🏽"));
        a.feed(ms(2), Event::Backspace);
        assert_eq!(a.text(), "ok ");
        let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
        a.feed(ms(3), text(family));
        a.feed(ms(4), Event::Backspace);
        assert_eq!(a.text(), "ok ");
        a.feed(ms(5), text("e\u{301}")); // e + combining acute
        a.feed(ms(6), Event::Backspace);
        assert_eq!(a.text(), "ok ");
        a.feed(ms(7), Event::Submit);
        // 2 chars (thumb + tone) + 7 (four people, three joiners) + 2.
        assert_eq!(done(&a).revisions, 11);
    }

    #[test]
    fn backspace_over_wide_and_accented_text() {
        let mut a = typed();
        a.feed(ms(1), text("日本語 café"));
        a.feed(ms(2), Event::Backspace);
        a.feed(ms(3), Event::Backspace);
        a.feed(ms(4), Event::Backspace);
        a.feed(ms(5), Event::Backspace);
        a.feed(ms(6), Event::Backspace);
        a.feed(ms(7), Event::Backspace);
        assert_eq!(a.text(), "日本");
        a.feed(ms(8), Event::Submit);
        let m = done(&a);
        assert_eq!(m.revisions, 6);
        assert_eq!(m.words, 1);
    }

    #[test]
    fn backspace_on_empty_text_is_harmless_but_counts_as_a_key() {
        let mut a = typed();
        assert_eq!(a.feed(ms(3_000), Event::Backspace), Phase::Answering);
        a.feed(ms(3_100), Event::Backspace);
        assert_eq!(a.text(), "");
        a.feed(ms(4_000), Event::Submit);
        let m = done(&a);
        assert_eq!(
            (m.think_ms, m.answer_ms, m.revisions, m.words),
            (3_000, 1_000, 0, 0)
        );
    }

    #[test]
    fn ctrl_w_deletes_the_last_word() {
        let mut a = typed();
        a.feed(ms(1), text("I tend to"));
        a.feed(ms(2), Event::DeleteWord);
        assert_eq!(a.text(), "I tend ");
        a.feed(ms(3), Event::Submit);
        assert_eq!(done(&a).revisions, 2);
    }

    #[test]
    fn ctrl_w_deletes_trailing_spaces_then_the_word() {
        let mut a = typed();
        a.feed(ms(1), text("over prepare,   "));
        a.feed(ms(2), Event::DeleteWord);
        assert_eq!(a.text(), "over ");
        a.feed(ms(3), Event::DeleteWord);
        assert_eq!(a.text(), "");
        a.feed(ms(4), Event::DeleteWord);
        assert_eq!(a.text(), "");
        a.feed(ms(5), Event::Submit);
        // "prepare,   " = 11 chars, then "over " = 5.
        assert_eq!(done(&a).revisions, 16);
    }

    #[test]
    fn ctrl_w_over_only_spaces_clears_them() {
        let mut a = typed();
        a.feed(ms(1), text("   "));
        a.feed(ms(2), Event::DeleteWord);
        assert_eq!(a.text(), "");
    }

    #[test]
    fn ctrl_w_over_non_ascii_words() {
        let mut a = typed();
        a.feed(ms(1), text("Grüße 👋🏽 日本語"));
        a.feed(ms(2), Event::DeleteWord);
        assert_eq!(a.text(), "Grüße 👋🏽 ");
        a.feed(ms(3), Event::DeleteWord);
        assert_eq!(a.text(), "Grüße ");
        a.feed(ms(4), Event::Submit);
        assert_eq!(done(&a).revisions, 6);
    }

    #[test]
    fn non_ascii_text_is_kept_exactly() {
        let s = "Ich habe 日本語 gelernt 👍🏽 — naïve";
        let mut a = typed();
        a.feed(ms(10), text(s));
        a.feed(ms(20), Event::Submit);
        let m = done(&a);
        assert_eq!(m.text, s);
        assert_eq!(m.words, 5);
    }

    #[test]
    fn pause_offsets_count_chars_not_bytes() {
        let mut a = typed();
        a.feed(ms(0), text("Ça été 👍🏽"));
        a.feed(ms(5_000), text(" ok"));
        a.feed(ms(5_100), Event::Submit);
        assert_eq!(
            done(&a).pauses,
            vec![Pause {
                at_word: Some(2),
                at_char: Some(9),
                ms: 5_000,
                at_ms: Some(0)
            }]
        );
    }

    #[test]
    fn words_and_wpm() {
        let mut a = typed();
        a.feed(
            ms(5_000),
            Event::Paste("one two three four five six".into()),
        );
        a.feed(ms(35_000), Event::Submit); // 6 words in 30 s
        let m = done(&a);
        assert_eq!(m.words, 6);
        assert_eq!(m.wpm, Some(12.0));
    }

    #[test]
    fn word_rule_needs_an_alphanumeric_char() {
        assert_eq!(count_words("— 👍 ... hi! 3 x-y"), 3);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  \t\n "), 0);
        assert_eq!(count_words("工程师是"), 1);
        assert_eq!(words("a, — b.").collect::<Vec<_>>(), ["a,", "b."]);
    }

    #[test]
    fn wpm_is_none_without_answer_time() {
        let mut a = typed();
        a.feed(ms(1_000), text("hi"));
        a.feed(ms(1_000), Event::Submit);
        let m = done(&a);
        assert_eq!((m.answer_ms, m.words, m.wpm), (0, 1, None));
    }

    #[test]
    fn wpm_is_none_for_a_moment_of_answer_time() {
        let mut a = typed();
        a.feed(ms(1_000), Event::Paste("one two three four".into()));
        a.feed(ms(1_999), Event::Submit);
        assert_eq!(done(&a).wpm, None);
        let mut a = typed();
        a.feed(ms(1_000), Event::Paste("one two three four".into()));
        a.feed(ms(2_000), Event::Submit);
        assert_eq!(done(&a).wpm, Some(240.0));
    }

    #[test]
    fn fillers_are_found_in_the_final_text() {
        let mut a = typed();
        a.feed(ms(1), text("Um, I, like, did it and, uh, yeah"));
        a.feed(ms(2), Event::Submit);
        assert_eq!(done(&a).fillers, ["um", "like", "and yeah"]);
    }

    #[test]
    fn overran_when_think_plus_answer_exceeds_the_limit() {
        let mut a = typed();
        a.feed(ms(10_000), text("x"));
        a.feed(ms(90_000), Event::Submit);
        assert!(!done(&a).overran, "exactly at the limit is in time");
        let mut a = typed();
        a.feed(ms(10_000), text("x"));
        assert_eq!(
            a.tick(ms(200_000)),
            Phase::Answering,
            "not strict: nothing ends"
        );
        a.feed(ms(200_001), text("y"));
        a.feed(ms(200_002), Event::Submit);
        let m = done(&a);
        assert!(m.overran);
        assert_eq!(
            (m.think_ms, m.answer_ms, m.limit_ms),
            (10_000, 190_002, 90_000)
        );
        assert_eq!(m.text, "xy");
    }

    fn strict() -> Answer {
        let mut r = rules(InputMode::Typed);
        r.strict = true;
        Answer::new(r)
    }

    #[test]
    fn strict_tick_at_the_limit_cuts_the_answer() {
        let mut a = strict();
        a.feed(ms(8_000), text("I would"));
        assert_eq!(a.tick(ms(89_999)), Phase::Answering);
        assert_eq!(a.tick(ms(90_000)), Phase::Done);
        let m = done(&a);
        assert_eq!((m.think_ms, m.answer_ms), (8_000, 82_000));
        assert!(m.overran);
        assert_eq!(m.text, "I would");
    }

    #[test]
    fn strict_event_past_the_limit_is_dropped_and_cut_at_the_limit() {
        let mut a = strict();
        a.feed(ms(8_000), text("I would"));
        assert_eq!(a.feed(ms(95_000), text(" not")), Phase::Done);
        let m = done(&a);
        assert_eq!((m.think_ms, m.answer_ms), (8_000, 82_000));
        assert!(m.overran && !m.skipped);
        assert_eq!(m.text, "I would");
    }

    #[test]
    fn strict_submit_exactly_at_the_limit_is_in_time() {
        let mut a = strict();
        a.feed(ms(8_000), text("Done"));
        a.feed(ms(90_000), Event::Submit);
        let m = done(&a);
        assert!(!m.overran);
        assert_eq!(m.answer_ms, 82_000);
    }

    #[test]
    fn strict_key_exactly_at_the_limit_is_kept_then_cut() {
        let mut a = strict();
        a.feed(ms(8_000), text("Don"));
        assert_eq!(a.feed(ms(90_000), text("e")), Phase::Done);
        let m = done(&a);
        assert_eq!(m.text, "Done");
        assert!(m.overran);
    }

    #[test]
    fn strict_with_no_key_is_a_blank_answer_at_the_limit() {
        let mut a = strict();
        a.tick(ms(30_000));
        assert_eq!(a.tick(ms(120_000)), Phase::Done);
        let m = done(&a);
        assert_eq!((m.think_ms, m.answer_ms, m.words), (90_000, 0, 0));
        assert!(m.overran && !m.skipped);
    }

    #[test]
    fn strict_zero_limit_ends_immediately() {
        let mut r = rules(InputMode::Typed);
        r.strict = true;
        r.limit = Duration::ZERO;
        let mut a = Answer::new(r);
        assert_eq!(a.tick(Duration::ZERO), Phase::Done);
        assert_eq!(done(&a).think_ms, 0);
    }

    #[test]
    fn events_after_done_are_ignored() {
        let mut a = typed();
        a.feed(ms(1_000), text("a"));
        a.feed(ms(2_000), Event::Submit);
        let before = done(&a);
        assert_eq!(a.feed(ms(3_000), text("b")), Phase::Done);
        assert_eq!(a.feed(ms(4_000), Event::Skip), Phase::Done);
        assert_eq!(a.feed(ms(5_000), Event::Backspace), Phase::Done);
        assert_eq!(a.tick(ms(500_000)), Phase::Done);
        assert_eq!(done(&a), before);
        assert_eq!(a.text(), "a");
    }

    #[test]
    fn time_going_backwards_is_clamped() {
        let mut a = typed();
        a.feed(ms(5_000), text("a"));
        a.feed(ms(2_000), text("b")); // earlier: treated as 5 000
        a.feed(ms(9_000), text("c")); // 4 s after 5 000 → pause
        a.feed(ms(1_000), Event::Submit); // treated as 9 000
        let m = done(&a);
        assert_eq!((m.think_ms, m.answer_ms), (5_000, 4_000));
        assert_eq!(
            m.pauses,
            vec![Pause {
                at_word: Some(1),
                at_char: Some(2),
                ms: 4_000,
                at_ms: Some(0)
            }]
        );
    }

    #[test]
    fn tick_advances_the_clamp() {
        let mut a = typed();
        a.tick(ms(7_000));
        a.feed(ms(3_000), text("late")); // clamped to 7 000
        a.feed(ms(8_000), Event::Submit);
        assert_eq!(done(&a).think_ms, 7_000);
    }

    #[test]
    fn huge_durations_saturate_without_panicking() {
        let mut a = typed();
        a.feed(Duration::MAX, text("a"));
        a.feed(Duration::MAX, Event::Submit);
        let m = done(&a);
        assert_eq!(m.think_ms, u64::MAX);
        assert_eq!(m.answer_ms, 0);
        assert!(m.overran);
    }

    fn spoken() -> Answer {
        Answer::new(rules(InputMode::Spoken))
    }

    #[test]
    fn spoken_first_mark_ends_think_time_later_marks_are_stumbles() {
        let mut a = spoken();
        assert_eq!(a.feed(ms(6_000), Event::Mark), Phase::Answering);
        a.feed(ms(20_000), Event::Mark);
        a.feed(ms(20_500), Event::Mark);
        a.feed(ms(40_000), Event::Submit);
        let m = done(&a);
        assert_eq!((m.think_ms, m.answer_ms), (6_000, 34_000));
        assert_eq!(
            m.pauses,
            vec![
                Pause {
                    at_word: None,
                    at_char: None,
                    ms: 0,
                    at_ms: Some(14_000)
                },
                Pause {
                    at_word: None,
                    at_char: None,
                    ms: 0,
                    at_ms: Some(14_500)
                },
            ]
        );
        assert_eq!((m.words, m.wpm, m.text.as_str()), (0, None, ""));
        assert!(m.fillers.is_empty());
    }

    #[test]
    fn spoken_ignores_typing_and_long_silences_are_not_pauses() {
        let mut a = spoken();
        a.feed(ms(1_000), text("x"));
        a.feed(ms(1_100), Event::Backspace);
        assert_eq!(
            a.phase(),
            Phase::Thinking,
            "typing does not start a spoken answer"
        );
        a.feed(ms(2_000), Event::Mark);
        a.feed(ms(30_000), Event::Hint);
        a.feed(ms(60_000), Event::Submit);
        let m = done(&a);
        assert!(m.pauses.is_empty());
        assert!(m.hint);
        assert_eq!(m.revisions, 0);
        assert_eq!(m.think_ms, 2_000);
    }

    #[test]
    fn spoken_enter_without_a_mark_is_blank() {
        let mut a = spoken();
        a.feed(ms(15_000), Event::Submit);
        let m = done(&a);
        assert_eq!((m.think_ms, m.answer_ms), (15_000, 0));
    }

    #[test]
    fn typed_ignores_marks() {
        let mut a = typed();
        assert_eq!(a.feed(ms(1_000), Event::Mark), Phase::Thinking);
    }

    #[test]
    fn line_mode_think_is_the_line_time_and_answer_is_zero() {
        let mut a = Answer::new(rules(InputMode::Line));
        assert_eq!(a.feed(ms(1_000), text("ignored")), Phase::Thinking);
        assert_eq!(
            a.feed(ms(2_345), Event::Line("I ship, um, weekly".into())),
            Phase::Done
        );
        let m = done(&a);
        assert_eq!((m.think_ms, m.answer_ms, m.words), (2_345, 0, 4));
        assert_eq!(m.wpm, None);
        assert_eq!(m.fillers, ["um"]);
        assert_eq!(m.text, "I ship, um, weekly");
    }

    #[test]
    fn line_mode_empty_line_is_blank_and_late_line_overran() {
        let mut a = Answer::new(rules(InputMode::Line));
        a.feed(ms(100_000), Event::Line(String::new()));
        let m = done(&a);
        assert_eq!((m.think_ms, m.words), (100_000, 0));
        assert!(m.overran && !m.skipped);
    }

    #[test]
    fn line_mode_skip() {
        let mut a = Answer::new(rules(InputMode::Line));
        a.feed(ms(100), Event::Skip);
        assert!(done(&a).skipped);
    }

    #[test]
    fn measurements_truncate_to_whole_ms() {
        let mut a = typed();
        a.feed(Duration::from_nanos(1_999_999_999), text("a"));
        a.feed(Duration::from_nanos(2_000_999_999), Event::Submit);
        let m = done(&a);
        assert_eq!((m.think_ms, m.answer_ms), (1_999, 1));
    }
}
