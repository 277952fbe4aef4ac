//! The per-answer state machine: feed it `(elapsed, event)` pairs, read
//! the measurements when it is done. All timing rules live here.

use std::ops::Range;
use std::time::Duration;

use super::event::{Event, InputMode};
use unicode_segmentation::GraphemeCursor;

use super::record::Pause;
use crate::content::normalize::word_spans;

/// Below this much typing time no words-per-minute figure is given.
pub const MIN_WPM_MS: u64 = 1_000;

/// The longest answer text kept, in characters (a few thousand words: far
/// more than any spoken answer in an interview). Text typed, pasted or
/// read past it is dropped and the answer marked
/// [`truncated`](Measured::truncated); it only bounds what a stuck key or
/// a runaway pipe can make hotseat hold and store.
pub const MAX_ANSWER_CHARS: usize = 20_000;

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
    /// Whether `Skip` (Esc) may end the answer. A rehearsal pushes through
    /// a blank instead: there `Skip` is ignored and time runs on.
    pub skip: bool,
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
    /// The part of `answer_ms` spent typing: the gaps that ended in a
    /// paste taken out (see [`Answer`]).
    pub typing_ms: u64,
    /// The limit in force.
    pub limit_ms: u64,
    /// Whether think + answer went past the limit.
    pub overran: bool,
    /// Whether the user skipped.
    pub skipped: bool,
    /// Pauses in order.
    pub pauses: Vec<Pause>,
    /// Words in the final text, pasted ones included.
    pub words: u32,
    /// Words of the final text made only of pasted characters.
    pub pasted_words: u32,
    /// Typed words per minute of typing time (None when there is no typing
    /// time to speak of, or most of the answer was pasted).
    pub wpm: Option<f64>,
    /// Filler words and phrases found, in order, lower-case.
    pub fillers: Vec<String>,
    /// Characters deleted while answering.
    pub revisions: u32,
    /// Whether the tips were shown.
    pub hint: bool,
    /// The final text (empty for spoken answers).
    pub text: String,
    /// Whether text was dropped at [`MAX_ANSWER_CHARS`].
    pub truncated: bool,
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
///   `Paste`, `Backspace`, `Delete`, `DeleteWord`, `DeleteToStart`, the
///   cursor moves `Left`, `Right`, `Home`, `End` (typed), `Mark` (spoken)
///   and `Hint`. Events that do not belong to the answer's [`InputMode`]
///   are ignored (a `Mark` while typing, `Text` while speaking, anything
///   but `Line`, `Hint`, `Submit`, `Skip` in line mode).
/// - **`think_ms`**: question drawn → the first `Text`/`Paste`/`Backspace`/
///   `Delete`/`DeleteWord`/`DeleteToStart` (typed), the first `Mark`
///   (spoken), or the `Line` (line mode, which also ends the answer with
///   `answer_ms` 0). `Hint` does not end think time: reading the tips is
///   still thinking. A cursor move before the first key is ignored
///   altogether (there is no text yet to move in, so it shows nothing of
///   the answer): it neither ends think time nor counts as a key. From the
///   first key on, cursor moves are input keys like any other.
/// - **`answer_ms`**: first key → `Submit` or `Skip`. Skipping before any
///   key puts the whole time in `think_ms`. Spoken: `Submit` before any
///   `Mark` is a blank answer, `think_ms` the time to submit, `answer_ms` 0.
/// - **Blank Submit** (typed): `Submit` while the text is blank (empty,
///   or only whitespace: nothing typed, or everything deleted) is refused
///   and otherwise ignored — not an input key, no end to think time, no
///   pause boundary; the caller tells the user to type or skip. A typed
///   answer can still end blank by `Skip` or by the strict limit. Line
///   mode keeps an empty `Line` as a blank answer; spoken `Submit` always
///   ends.
/// - **Pauses** (typed): a gap strictly longer than `pause_threshold`
///   between two consecutive input keys after the first key. It records the
///   gap, its start in ms since the first key, and where the cursor stood
///   while the gap lasted (so where typing resumed): `at_char` = chars
///   before the cursor, `at_word` = words of the text that end at or
///   before the cursor (a word the cursor is inside is not counted). With
///   the cursor at the end these are the words and chars of the text. The
///   gap before `Submit`/`Skip` is not a pause: re-reading before pressing
///   Enter is not hesitating. Keys before the first key (only `Hint` can
///   be one) are think time, not pauses.
/// - **Pauses** (spoken): every `Mark` after the first is a self-marked
///   stumble, `Pause { at_word: None, at_char: None, ms: 0, at_ms: Some(..) }`. Key
///   gaps mean nothing while the user talks, so they are not pauses.
/// - **Voice**: the events are the voice-activity detector's edges,
///   `Speech` (speech began) and `Silence` (it stopped), timed by the
///   audio's own sample count (see `crate::voice`); `Hint`, `Submit`
///   (Enter, or the recorder's stream ending) and `Skip` as elsewhere.
///   **`think_ms`** = question drawn (the first audio sample) → the first
///   `Speech`; a `Silence` before it means nothing. A **pause** is a
///   `Silence` followed by a `Speech` strictly more than
///   `pause_threshold` later: `Pause { at_word: None, at_char: None, ms:
///   the silence, at_ms: Some(silence start − first speech) }` (there is
///   no transcript to place it in). The silence before `Submit`/`Skip`
///   or the strict cut is not a pause, as in typed answers. `Submit`
///   always ends (with no speech: a blank answer, all of it think time).
///   No text: words, wpm and fillers are not measured.
/// - **Editing** (typed) happens at the cursor, a byte position that is
///   always at a grapheme-cluster boundary (an emoji with a skin tone or a
///   ZWJ family is one cluster) and starts at the end. `Text` and `Paste`
///   insert at the cursor and leave it after what they inserted;
///   `Backspace` removes the cluster before the cursor, `Delete` the one
///   after it; `DeleteWord` removes, before the cursor, whitespace and
///   then the run of non-whitespace before that; `DeleteToStart` removes
///   everything before the cursor. `Left`/`Right` move one cluster,
///   `Home`/`End` to the start/end; at either edge they do nothing (but
///   are still keys). An edit that leaves the cursor inside a cluster (a
///   letter typed just before a combining mark joins it) moves it to that
///   cluster's end. `revisions` counts the chars deleted by every deleting
///   key. A paste is one key however long: its length makes no pauses.
/// - **Pasted words and wpm** (typed): every char remembers whether it
///   came from a paste, through later edits. A word of the final text
///   whose chars all came from pastes is pasted (`pasted_words`); a word
///   with a typed char in it is typed. **`typing_ms`** is `answer_ms` less,
///   for every paste after the first key, the gap from the input key
///   before it (or the first key) to the paste: that time went into
///   fetching the text, not typing it. A paste that is the first key has
///   no such gap (its wait was think time); the time after a paste is
///   typing time like any other, up to the next key or the `Submit`.
///   **wpm** = (`words` − `pasted_words`) / typing minutes; `None` when
///   most words were pasted ([`mostly_pasted`]), when `typing_ms` is under
///   [`MIN_WPM_MS`] (a pace over a moment is noise), or the answer was
///   spoken (no text) or a line (no typing time).
/// - **Limit**: `overran` when `think_ms + answer_ms` exceeds the limit.
///   With `strict`, `tick` at or past the limit, or `feed` past it, ends the
///   answer at exactly the limit with the text typed so far (`overran`
///   true; with no key yet, a blank answer with `think_ms` = limit). An
///   event fed at exactly the limit still counts (a Submit then is in
///   time) and the cut follows it. Without `strict` nothing ends at the
///   limit.
/// - **words**: whitespace-separated tokens with at least one alphanumeric
///   char (see [`count_words`]).
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
    /// Characters in `text`, kept so the cap costs nothing per key.
    chars: usize,
    /// Whether text was dropped at the cap.
    truncated: bool,
    /// Byte position of the cursor in `text`, at a grapheme boundary.
    cursor: usize,
    /// One flag per byte of `text`: whether it came from a paste.
    pasted: Vec<bool>,
    /// Sum of the gaps that ended in a paste after the first key, ms.
    paste_gaps_ms: u64,
    pauses: Vec<Pause>,
    revisions: u32,
    hint: bool,
    skipped: bool,
    cut_off: bool,
    /// Voice: when the current silence began (after the first speech).
    silent_since: Option<u64>,
}

/// Whole milliseconds of `d`, truncated, saturating at `u64::MAX`: the
/// one conversion every stored or shown millisecond figure goes through.
#[must_use]
pub fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// `n` as `u32`, saturating: counts this large are not meaningful anyway.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The tokens of `text` that count as words, by the one word rule of
/// [`crate::content::normalize`] (whitespace-separated, with at least one
/// alphanumeric char).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    word_spans(text).map(|(_, w)| w)
}

/// How many words `text` has, by the rule of [`words`].
#[must_use]
pub fn count_words(text: &str) -> u32 {
    crate::content::count_words(text)
}

/// Whether most of an answer's `words` were pasted (more than half): its
/// words per minute would then say nothing about the user's typing.
#[must_use]
pub fn mostly_pasted(words: u32, pasted_words: u32) -> bool {
    u64::from(pasted_words) * 2 > u64::from(words)
}

impl Answer {
    /// Starts an answer at elapsed zero (the question fully drawn).
    #[must_use]
    pub fn new(rules: AnswerRules) -> Self {
        Self {
            rules,
            phase: Phase::Thinking,
            now_ms: 0,
            first_key_ms: None,
            last_key_ms: None,
            end_ms: None,
            text: String::new(),
            chars: 0,
            truncated: false,
            cursor: 0,
            pasted: Vec::new(),
            paste_gaps_ms: 0,
            pauses: Vec::new(),
            revisions: 0,
            hint: false,
            skipped: false,
            cut_off: false,
            silent_since: None,
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
    #[must_use]
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The text typed so far, for drawing.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the text is at [`MAX_ANSWER_CHARS`] after some was dropped
    /// there (the UI says so: keys that add nothing must not look like a
    /// frozen screen). From the kept count: nothing is recounted per key.
    #[must_use]
    pub fn is_full(&self) -> bool {
        self.truncated && self.chars >= MAX_ANSWER_CHARS
    }

    /// Where the cursor is in [`Answer::text`]: a byte offset at a
    /// grapheme boundary, for drawing.
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether `Submit` would end the answer now: always, except in typed
    /// mode while the text is blank.
    #[must_use]
    pub fn can_submit(&self) -> bool {
        self.rules.input != InputMode::Typed || !self.text.trim().is_empty()
    }

    /// The rules this answer runs under.
    #[must_use]
    pub fn rules(&self) -> &AnswerRules {
        &self.rules
    }

    /// The measurements, once the phase is `Done`; `None` before (an answer
    /// interrupted mid-way is not recorded).
    #[must_use]
    pub fn measured(&self) -> Option<Measured> {
        let end = self.end_ms?;
        let think_ms = self.first_key_ms.unwrap_or(end);
        let answer_ms = end.saturating_sub(think_ms);
        let typing_ms = answer_ms.saturating_sub(self.paste_gaps_ms);
        let limit_ms = millis(self.rules.limit);
        let spoken = matches!(self.rules.input, InputMode::Spoken | InputMode::Voice);
        let words = count_words(&self.text);
        let pasted_words = self.pasted_words();
        let wpm = if spoken || typing_ms < MIN_WPM_MS || mostly_pasted(words, pasted_words) {
            None
        } else {
            Some(f64::from(words - pasted_words) * 60_000.0 / typing_ms as f64)
        };
        Some(Measured {
            think_ms,
            answer_ms,
            typing_ms,
            limit_ms,
            overran: self.cut_off || think_ms.saturating_add(answer_ms) > limit_ms,
            skipped: self.skipped,
            pauses: self.pauses.clone(),
            words,
            pasted_words,
            wpm,
            fillers: crate::content::fillers::find(&self.text),
            revisions: self.revisions,
            hint: self.hint,
            text: self.text.clone(),
            truncated: self.truncated,
        })
    }

    /// Words of the text whose every byte came from a paste.
    fn pasted_words(&self) -> u32 {
        let pasted = word_spans(&self.text)
            .filter(|(at, w)| self.pasted[*at..*at + w.len()].iter().all(|p| *p))
            .count();
        to_u32(pasted)
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

    /// Whether `event` means something in this answer's input mode now.
    fn accepts(&self, event: &Event) -> bool {
        let typed_edit = matches!(
            event,
            Event::Text(_)
                | Event::Paste(_)
                | Event::Backspace
                | Event::Delete
                | Event::DeleteWord
                | Event::DeleteToStart
        );
        let moves = matches!(event, Event::Left | Event::Right | Event::Home | Event::End);
        match (self.rules.input, event) {
            (InputMode::Typed, Event::Submit) => self.can_submit(),
            (_, Event::Skip) => self.rules.skip,
            (_, Event::Hint | Event::Submit) => true,
            (InputMode::Typed, _) if typed_edit => true,
            // No text to move in before the first key: nothing to show.
            (InputMode::Typed, _) if moves => self.first_key_ms.is_some(),
            (InputMode::Spoken, Event::Mark) | (InputMode::Line, Event::Line(_)) => true,
            (InputMode::Voice, Event::Speech | Event::Silence) => true,
            _ => false,
        }
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
                self.insert(&line, false);
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
            Event::Speech => {
                if let (Some(first), Some(quiet)) = (self.first_key_ms, self.silent_since.take()) {
                    let gap = now.saturating_sub(quiet);
                    if gap > millis(self.rules.pause_threshold) {
                        self.pauses.push(Pause {
                            at_word: None,
                            at_char: None,
                            ms: gap,
                            at_ms: Some(quiet.saturating_sub(first)),
                        });
                    }
                }
                self.start(now);
            }
            Event::Silence => {
                // Silence before the first speech is think time, nothing more.
                if self.first_key_ms.is_some() && self.silent_since.is_none() {
                    self.silent_since = Some(now);
                }
            }
            Event::Text(s) => {
                self.start(now);
                self.key(now);
                self.insert(&s, false);
            }
            Event::Paste(s) => {
                self.start(now);
                let gap = self.key(now);
                self.paste_gaps_ms = self.paste_gaps_ms.saturating_add(gap);
                self.insert(&s, true);
            }
            edit => {
                self.start(now);
                self.key(now);
                self.edit(&edit);
            }
        }
    }

    /// Applies a deleting key or a cursor move at the cursor.
    fn edit(&mut self, event: &Event) {
        let c = self.cursor;
        match event {
            Event::Backspace => self.remove(self.prev_boundary(c)..c),
            Event::Delete => self.remove(c..self.next_boundary(c)),
            Event::DeleteWord => {
                let kept = self.text[..c]
                    .trim_end()
                    .trim_end_matches(|ch: char| !ch.is_whitespace())
                    .len();
                self.remove(kept..c);
            }
            Event::DeleteToStart => self.remove(0..c),
            Event::Left => self.cursor = self.prev_boundary(c),
            Event::Right => self.cursor = self.next_boundary(c),
            Event::Home => self.cursor = 0,
            Event::End => self.cursor = self.text.len(),
            _ => {}
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
    /// since the previous key is long enough (typed mode only: spoken
    /// pauses are the user's own marks). Returns the gap (0 for the first
    /// key or before it).
    fn key(&mut self, now: u64) -> u64 {
        let Some(first) = self.first_key_ms else {
            return 0;
        };
        let prev = self.last_key_ms.unwrap_or(first);
        let gap = now.saturating_sub(prev);
        if self.rules.input == InputMode::Typed && gap > millis(self.rules.pause_threshold) {
            let before = &self.text[..self.cursor];
            let at_word = word_spans(&self.text)
                .take_while(|(at, w)| at + w.len() <= self.cursor)
                .count();
            self.pauses.push(Pause {
                at_word: Some(to_u32(at_word)),
                at_char: Some(to_u32(before.chars().count())),
                ms: gap,
                at_ms: Some(prev.saturating_sub(first)),
            });
        }
        self.last_key_ms = Some(now);
        gap
    }

    /// Inserts `s` at the cursor and moves the cursor after it; what would
    /// go past [`MAX_ANSWER_CHARS`] is dropped and the answer marked
    /// truncated.
    fn insert(&mut self, s: &str, pasted: bool) {
        let room = MAX_ANSWER_CHARS.saturating_sub(self.chars);
        let s = match s.char_indices().nth(room) {
            Some((cut, _)) => {
                self.truncated = true;
                &s[..cut]
            }
            None => s,
        };
        self.chars += s.chars().count();
        let at = self.cursor;
        self.text.insert_str(at, s);
        self.pasted
            .splice(at..at, std::iter::repeat_n(pasted, s.len()));
        self.cursor = at + s.len();
        self.snap();
    }

    /// Deletes `range` (bytes, at char boundaries), counting its chars as
    /// revisions; the cursor goes to where the range began.
    fn remove(&mut self, range: Range<usize>) {
        let removed = self.text[range.clone()].chars().count();
        self.chars -= removed;
        self.revisions = self.revisions.saturating_add(to_u32(removed));
        self.text.replace_range(range.clone(), "");
        self.pasted.drain(range.clone());
        self.cursor = range.start;
        self.snap();
    }

    /// Moves a cursor left inside a grapheme cluster to the cluster's end.
    fn snap(&mut self) {
        let mut g = GraphemeCursor::new(self.cursor, self.text.len(), true);
        if !matches!(g.is_boundary(&self.text, 0), Ok(true)) {
            self.cursor = self.next_boundary(self.cursor);
        }
    }

    /// The grapheme boundary before `at` (0 at the start).
    fn prev_boundary(&self, at: usize) -> usize {
        let mut g = GraphemeCursor::new(at, self.text.len(), true);
        match g.prev_boundary(&self.text, 0) {
            Ok(Some(b)) => b,
            _ => 0,
        }
    }

    /// The grapheme boundary after `at` (the end at the end).
    fn next_boundary(&self, at: usize) -> usize {
        let mut g = GraphemeCursor::new(at, self.text.len(), true);
        match g.next_boundary(&self.text, 0) {
            Ok(Some(b)) => b,
            _ => self.text.len(),
        }
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
            skip: true,
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
    fn pasted_text_stops_at_the_cap_and_is_marked_truncated() {
        let mut a = typed();
        // Multi-byte chars: the cap counts characters, not bytes.
        let long = "é".repeat(MAX_ANSWER_CHARS + 500);
        a.feed(ms(1_000), Event::Paste(long));
        assert_eq!(a.text().chars().count(), MAX_ANSWER_CHARS);
        // Typing on at the cap adds nothing; deleting makes room again.
        a.feed(ms(1_100), text("x"));
        assert_eq!(a.text().chars().count(), MAX_ANSWER_CHARS);
        assert!(a.is_full());
        a.feed(ms(1_200), Event::Backspace);
        assert!(!a.is_full(), "one character of room again");
        a.feed(ms(1_300), text("z"));
        assert!(a.text().ends_with('z'));
        assert_eq!(a.text().chars().count(), MAX_ANSWER_CHARS);
        a.feed(ms(2_000), Event::Submit);
        let m = done(&a);
        assert!(m.truncated);
        assert_eq!(m.text.chars().count(), MAX_ANSWER_CHARS);
    }

    #[test]
    fn text_exactly_at_the_cap_is_not_truncated() {
        let mut a = typed();
        a.feed(ms(1_000), Event::Paste("a".repeat(MAX_ANSWER_CHARS - 1)));
        a.feed(ms(1_100), text("b"));
        // Nothing was dropped yet: no "full" notice for text that fitted.
        assert!(!a.is_full());
        a.feed(ms(2_000), Event::Submit);
        let m = done(&a);
        assert!(!m.truncated);
        assert_eq!(m.text.len(), MAX_ANSWER_CHARS);
    }

    #[test]
    fn a_line_past_the_cap_is_cut_and_marked() {
        let mut a = Answer::new(rules(InputMode::Line));
        a.feed(ms(500), Event::Line("w ".repeat(MAX_ANSWER_CHARS)));
        let m = done(&a);
        assert!(m.truncated);
        assert_eq!(m.text.chars().count(), MAX_ANSWER_CHARS);
        assert_eq!(m.words, u32::try_from(MAX_ANSWER_CHARS / 2).unwrap());
        let mut a = Answer::new(rules(InputMode::Line));
        a.feed(ms(500), Event::Line("short".into()));
        assert!(!done(&a).truncated);
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
    fn paste_and_every_deleting_key_end_think_time() {
        for ev in [
            Event::Paste("x".into()),
            Event::Backspace,
            Event::Delete,
            Event::DeleteWord,
            Event::DeleteToStart,
        ] {
            let mut a = typed();
            assert_eq!(a.feed(ms(2_500), ev.clone()), Phase::Answering, "{ev:?}");
            a.feed(ms(3_000), Event::Skip);
            assert_eq!(done(&a).think_ms, 2_500, "{ev:?}");
        }
    }

    #[test]
    fn cursor_moves_before_the_first_key_are_ignored() {
        for ev in [Event::Left, Event::Right, Event::Home, Event::End] {
            let mut a = typed();
            assert_eq!(a.feed(ms(2_000), ev.clone()), Phase::Thinking, "{ev:?}");
            a.feed(ms(6_000), text("a"));
            a.feed(ms(6_500), Event::Submit);
            let m = done(&a);
            assert_eq!((m.think_ms, m.answer_ms), (6_000, 500), "{ev:?}");
            assert!(m.pauses.is_empty(), "{ev:?}");
        }
    }

    #[test]
    fn cursor_moves_while_answering_are_keys_for_pauses() {
        let mut a = typed();
        a.feed(ms(1_000), text("ab"));
        a.feed(ms(5_000), Event::Left); // 4 s gap → pause, cursor at end
        a.feed(ms(5_100), Event::Home);
        a.feed(ms(5_200), Event::End);
        a.feed(ms(9_300), Event::Right); // 4.1 s, at the end: nothing moves
        a.feed(ms(9_400), Event::Submit);
        let m = done(&a);
        assert_eq!(
            m.pauses,
            vec![
                Pause {
                    at_word: Some(1),
                    at_char: Some(2),
                    ms: 4_000,
                    at_ms: Some(0)
                },
                Pause {
                    at_word: Some(1),
                    at_char: Some(2),
                    ms: 4_100,
                    at_ms: Some(4_200)
                },
            ]
        );
        assert_eq!((m.text.as_str(), m.revisions), ("ab", 0));
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
    fn typed_submit_with_no_text_is_refused_then_a_real_submit_ends() {
        let mut a = typed();
        assert!(!a.can_submit());
        assert_eq!(a.feed(ms(12_345), Event::Submit), Phase::Thinking);
        assert!(a.measured().is_none());
        // The refused Enter did not end think time.
        a.feed(ms(15_000), text("I"));
        a.feed(ms(17_000), text(" do"));
        assert!(a.can_submit());
        assert_eq!(a.feed(ms(20_000), Event::Submit), Phase::Done);
        let m = done(&a);
        assert_eq!((m.think_ms, m.answer_ms, m.words), (15_000, 5_000, 2));
        assert!(!m.skipped);
        assert_eq!(m.text, "I do");
    }

    #[test]
    fn typed_submit_after_deleting_everything_is_refused_and_no_key() {
        let mut a = typed();
        a.feed(ms(1_000), text("no"));
        a.feed(ms(1_100), Event::DeleteWord);
        a.feed(ms(1_200), text("  "));
        assert!(!a.can_submit(), "only whitespace is blank");
        // Refused at 6 000: not a key, so the gap 1 200 → 9 000 is one pause.
        assert_eq!(a.feed(ms(6_000), Event::Submit), Phase::Answering);
        a.feed(ms(9_000), text("yes"));
        a.feed(ms(9_500), Event::Submit);
        let m = done(&a);
        assert_eq!(m.text, "  yes");
        assert_eq!(
            m.pauses,
            vec![Pause {
                at_word: Some(0),
                at_char: Some(2),
                ms: 7_800,
                at_ms: Some(200)
            }]
        );
    }

    #[test]
    fn strict_limit_still_cuts_a_blank_typed_answer() {
        let mut a = strict();
        a.feed(ms(1_000), text("x"));
        a.feed(ms(1_100), Event::Backspace);
        // A refused Submit exactly at the limit: the cut follows it.
        assert_eq!(a.feed(ms(90_000), Event::Submit), Phase::Done);
        let m = done(&a);
        assert!(m.overran && !m.skipped);
        assert_eq!(
            (m.think_ms, m.answer_ms, m.text.as_str()),
            (1_000, 89_000, "")
        );
    }

    #[test]
    fn spoken_and_line_submits_are_never_refused() {
        let mut a = spoken();
        assert!(a.can_submit());
        assert_eq!(a.feed(ms(100), Event::Submit), Phase::Done);
        let mut a = Answer::new(rules(InputMode::Line));
        assert!(a.can_submit());
        assert_eq!(a.feed(ms(100), Event::Submit), Phase::Done);
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
        a.feed(ms(4_000), Event::Skip);
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
        a.feed(ms(5), Event::Skip);
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
        a.feed(ms(5_000), text("one two three"));
        a.feed(ms(6_000), text(" four five six"));
        a.feed(ms(35_000), Event::Submit); // 6 words in 30 s
        let m = done(&a);
        assert_eq!((m.words, m.pasted_words, m.typing_ms), (6, 0, 30_000));
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
        a.feed(ms(1_000), text("one two three four"));
        a.feed(ms(1_999), Event::Submit);
        assert_eq!(done(&a).wpm, None);
        let mut a = typed();
        a.feed(ms(1_000), text("one two three four"));
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

    /// Feeds `events` 10 ms apart from `start`; returns the next free time.
    fn keys(a: &mut Answer, start: u64, events: &[Event]) -> u64 {
        let mut t = start;
        for e in events {
            a.feed(ms(t), e.clone());
            t += 10;
        }
        t
    }

    fn times(e: Event, n: usize) -> Vec<Event> {
        vec![e; n]
    }

    #[test]
    fn a_paste_first_is_words_not_speed() {
        let mut a = typed();
        a.feed(ms(2_000), Event::Paste("one two".into())); // first key
        a.feed(ms(3_000), text(" three four five"));
        a.feed(ms(62_000), Event::Submit);
        let m = done(&a);
        assert_eq!(
            (m.think_ms, m.answer_ms, m.typing_ms),
            (2_000, 60_000, 60_000)
        );
        assert_eq!((m.words, m.pasted_words), (5, 2));
        assert_eq!(m.wpm, Some(3.0), "3 typed words in a minute");
    }

    #[test]
    fn a_paste_in_the_middle_takes_its_gap_out_of_typing_time() {
        let mut a = typed();
        a.feed(ms(1_000), text("I think"));
        a.feed(ms(2_000), text(" we"));
        a.feed(ms(12_000), Event::Paste(" should ship".into()));
        a.feed(ms(13_000), text(" it now"));
        a.feed(ms(31_000), Event::Submit);
        let m = done(&a);
        // 30 s of answer less the 10 s spent fetching the paste.
        assert_eq!((m.answer_ms, m.typing_ms), (30_000, 20_000));
        assert_eq!((m.words, m.pasted_words), (7, 2));
        assert_eq!(m.wpm, Some(15.0), "5 typed words in 20 s");
        // The wait before the paste is still a pause.
        assert_eq!(
            m.pauses,
            vec![Pause {
                at_word: Some(3),
                at_char: Some(10),
                ms: 10_000,
                at_ms: Some(1_000)
            }]
        );
    }

    #[test]
    fn a_paste_last_keeps_the_time_after_it() {
        let mut a = typed();
        a.feed(ms(1_000), text("one two three"));
        a.feed(ms(21_000), Event::Paste(" four five".into()));
        a.feed(ms(31_000), Event::Submit);
        let m = done(&a);
        assert_eq!((m.answer_ms, m.typing_ms), (30_000, 10_000));
        assert_eq!((m.words, m.pasted_words), (5, 2));
        assert_eq!(m.wpm, Some(18.0));
    }

    #[test]
    fn each_paste_takes_out_its_own_gap() {
        let mut a = typed();
        a.feed(ms(1_000), text("a b c d e"));
        a.feed(ms(3_000), Event::Paste(" x".into()));
        a.feed(ms(7_000), Event::Paste(" y".into()));
        a.feed(ms(8_000), Event::Hint);
        a.feed(ms(9_000), Event::Paste(" z".into()));
        a.feed(ms(13_000), Event::Submit);
        let m = done(&a);
        // 12 s less 2 + 4 + 1 (the Hint is the key before the last paste).
        assert_eq!((m.answer_ms, m.typing_ms), (12_000, 5_000));
        assert_eq!(m.wpm, Some(60.0), "5 typed words in 5 s");
    }

    #[test]
    fn most_words_pasted_gives_no_wpm() {
        // The reported case: a few typed words, then a long paste.
        let mut a = typed();
        a.feed(ms(1_000), text("So I"));
        a.feed(ms(1_500), text(" think"));
        let pasted = " word".repeat(33);
        a.feed(ms(3_000), Event::Paste(pasted));
        a.feed(ms(3_548), Event::Submit);
        let m = done(&a);
        assert_eq!((m.words, m.pasted_words), (36, 33));
        assert_eq!(m.wpm, None);
        // Half pasted is not most: the typed half still has a pace.
        let mut a = typed();
        a.feed(ms(1_000), text("one two"));
        a.feed(ms(2_000), Event::Paste(" three four".into()));
        a.feed(ms(61_000), Event::Submit);
        let m = done(&a);
        assert_eq!((m.words, m.pasted_words, m.typing_ms), (4, 2, 59_000));
        assert_eq!(m.wpm, Some(2.0 * 60_000.0 / 59_000.0));
        assert!(!mostly_pasted(4, 2) && mostly_pasted(3, 2) && !mostly_pasted(0, 0));
        assert!(mostly_pasted(u32::MAX, u32::MAX));
    }

    #[test]
    fn a_word_with_any_typed_char_is_typed_and_pasted_chars_stay_pasted() {
        let mut a = typed();
        a.feed(ms(1_000), Event::Paste("alpha beta foo".into()));
        a.feed(ms(1_100), text("bar")); // "foobar": partly typed
        a.feed(ms(1_200), Event::Home);
        a.feed(ms(1_300), Event::Delete); // "lpha": still all pasted
        a.feed(ms(1_400), Event::End);
        a.feed(ms(1_500), text(" gamma"));
        a.feed(ms(2_000), Event::Submit);
        let m = done(&a);
        assert_eq!(m.text, "lpha beta foobar gamma");
        assert_eq!((m.words, m.pasted_words), (4, 2));
    }

    #[test]
    fn only_pasted_text_has_no_wpm() {
        let mut a = typed();
        a.feed(ms(1_000), Event::Paste("one two three".into()));
        a.feed(ms(60_000), Event::Submit);
        let m = done(&a);
        assert_eq!((m.words, m.pasted_words, m.wpm), (3, 3, None));
    }

    #[test]
    fn left_and_right_move_by_grapheme() {
        let mut a = typed();
        let tone = "👍🏽";
        a.feed(ms(1), text(&format!("a{tone}b")));
        assert_eq!(a.cursor(), a.text().len(), "starts at the end");
        a.feed(ms(2), Event::Left);
        assert_eq!(a.cursor(), 1 + tone.len());
        a.feed(ms(3), Event::Left);
        assert_eq!(a.cursor(), 1, "the thumb and its tone are one step");
        a.feed(ms(4), text("x"));
        assert_eq!(a.text(), format!("ax{tone}b"));
        assert_eq!(a.cursor(), 2);
        a.feed(ms(5), Event::Right);
        assert_eq!(a.cursor(), 2 + tone.len());
        keys(&mut a, 6, &times(Event::Right, 3));
        assert_eq!(a.cursor(), a.text().len(), "stops at the end");
        keys(&mut a, 100, &times(Event::Left, 9));
        assert_eq!(a.cursor(), 0, "stops at the start");
        a.feed(ms(200), Event::Submit);
        assert_eq!(done(&a).revisions, 0);
    }

    #[test]
    fn home_end_and_typing_at_either() {
        let mut a = typed();
        a.feed(ms(1), text("hello"));
        a.feed(ms(2), Event::Home);
        a.feed(ms(3), text("> "));
        assert_eq!((a.text(), a.cursor()), ("> hello", 2));
        a.feed(ms(4), Event::End);
        a.feed(ms(5), text("!"));
        assert_eq!((a.text(), a.cursor()), ("> hello!", 8));
    }

    #[test]
    fn backspace_at_the_cursor_in_the_middle() {
        let mut a = typed();
        a.feed(ms(1), text("abcd"));
        keys(&mut a, 2, &times(Event::Left, 2));
        a.feed(ms(30), Event::Backspace);
        assert_eq!((a.text(), a.cursor()), ("acd", 1));
        let mut a = typed();
        a.feed(ms(1), text("x👍🏽y"));
        a.feed(ms(2), Event::Left);
        a.feed(ms(3), Event::Backspace);
        assert_eq!((a.text(), a.cursor()), ("xy", 1));
        keys(&mut a, 4, &[Event::Home, Event::Backspace]);
        assert_eq!((a.text(), a.cursor()), ("xy", 0), "nothing before");
        a.feed(ms(20), Event::Submit);
        assert_eq!(done(&a).revisions, 2, "thumb + tone");
    }

    #[test]
    fn delete_removes_the_grapheme_after_the_cursor() {
        let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
        let mut a = typed();
        a.feed(ms(1), text(&format!("{family}e\u{301}z")));
        a.feed(ms(2), Event::Home);
        a.feed(ms(3), Event::Delete);
        assert_eq!((a.text(), a.cursor()), ("e\u{301}z", 0));
        a.feed(ms(4), Event::Delete);
        assert_eq!(a.text(), "z");
        a.feed(ms(5), Event::End);
        a.feed(ms(6), Event::Delete);
        assert_eq!((a.text(), a.cursor()), ("z", 1), "nothing after");
        a.feed(ms(7), Event::Submit);
        // Seven chars of family, then e + combining acute.
        assert_eq!(done(&a).revisions, 9);
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor() {
        let mut a = typed();
        a.feed(ms(1), text("one two three"));
        keys(&mut a, 2, &times(Event::Left, 5)); // before "three"
        a.feed(ms(100), Event::DeleteWord);
        assert_eq!((a.text(), a.cursor()), ("one three", 4));
        a.feed(ms(101), Event::Submit);
        assert_eq!(done(&a).revisions, 4);
    }

    #[test]
    fn ctrl_u_deletes_everything_before_the_cursor() {
        let mut a = typed();
        a.feed(ms(1), text("Grüße 👋🏽 there"));
        keys(&mut a, 2, &times(Event::Left, 6)); // before " there"
        a.feed(ms(100), Event::DeleteToStart);
        assert_eq!((a.text(), a.cursor()), (" there", 0));
        a.feed(ms(101), Event::DeleteToStart);
        assert_eq!(a.text(), " there", "nothing before the start");
        a.feed(ms(102), Event::Submit);
        assert_eq!(done(&a).revisions, 8, "Grüße, space, thumb + tone");
    }

    #[test]
    fn paste_inserts_at_the_cursor() {
        let mut a = typed();
        a.feed(ms(1), text("ad"));
        a.feed(ms(2), Event::Left);
        a.feed(ms(3), Event::Paste("bc".into()));
        assert_eq!((a.text(), a.cursor()), ("abcd", 3));
    }

    #[test]
    fn a_cursor_left_inside_a_cluster_moves_to_its_end() {
        let mut a = typed();
        a.feed(ms(1), text("\u{301}x")); // a lone combining mark, then x
        a.feed(ms(2), Event::Home);
        a.feed(ms(3), text("e")); // joins the mark: "é" is one cluster
        assert_eq!((a.text(), a.cursor()), ("e\u{301}x", 3));
        a.feed(ms(4), Event::Left);
        assert_eq!(a.cursor(), 0);
        a.feed(ms(5), Event::Right);
        assert_eq!(a.cursor(), 3);
    }

    #[test]
    fn a_pause_with_the_cursor_mid_text_is_placed_at_the_cursor() {
        let mut a = typed();
        a.feed(ms(1_000), text("I tend to prepare"));
        let t = keys(&mut a, 1_100, &times(Event::Left, 7)); // before "prepare"
        let last = t - 10;
        a.feed(ms(last + 5_000), text("over "));
        // And once more with the cursor inside a word: "I tend to over pre|pare".
        keys(&mut a, last + 5_100, &times(Event::Right, 3));
        a.feed(ms(last + 5_120 + 4_000), text("-"));
        a.feed(ms(last + 10_000), Event::Submit);
        let m = done(&a);
        assert_eq!(m.text, "I tend to over pre-pare");
        assert_eq!(
            m.pauses,
            vec![
                Pause {
                    at_word: Some(3),
                    at_char: Some(10),
                    ms: 5_000,
                    at_ms: Some(last - 1_000)
                },
                Pause {
                    at_word: Some(4), // "prepare" is not wholly before the cursor
                    at_char: Some(18),
                    ms: 4_000,
                    at_ms: Some(last + 5_120 - 1_000)
                },
            ]
        );
    }

    #[test]
    fn a_pause_mid_text_counts_chars_not_bytes() {
        let mut a = typed();
        a.feed(ms(0), text("日本 👍🏽 ok"));
        keys(&mut a, 10, &times(Event::Left, 3)); // after the thumb
        a.feed(ms(5_030), text("!"));
        a.feed(ms(5_100), Event::Submit);
        assert_eq!(
            done(&a).pauses,
            vec![Pause {
                at_word: Some(1),
                at_char: Some(5),
                ms: 5_000,
                at_ms: Some(30)
            }]
        );
    }

    #[test]
    fn without_skip_esc_is_ignored_and_the_clock_runs_on() {
        let mut a = Answer::new(AnswerRules {
            skip: false,
            ..rules(InputMode::Typed)
        });
        assert_eq!(a.feed(ms(2_000), Event::Skip), Phase::Thinking);
        a.feed(ms(5_000), Event::Text("I".into()));
        assert_eq!(a.feed(ms(6_000), Event::Skip), Phase::Answering);
        a.feed(ms(7_000), Event::Submit);
        let m = a.measured().unwrap();
        assert!(!m.skipped);
        assert_eq!((m.think_ms, m.answer_ms), (5_000, 2_000));
        // Esc is not a key: it ends no pause and starts no think time.
        let mut spoken = Answer::new(AnswerRules {
            skip: false,
            ..rules(InputMode::Spoken)
        });
        assert_eq!(spoken.feed(ms(1_000), Event::Skip), Phase::Thinking);
    }

    fn voice_pause(ms: u64, at_ms: u64) -> Pause {
        Pause {
            at_word: None,
            at_char: None,
            ms,
            at_ms: Some(at_ms),
        }
    }

    #[test]
    fn voice_think_time_ends_at_the_first_speech_and_long_silences_are_pauses() {
        let mut a = Answer::new(rules(InputMode::Voice));
        // Silence before speech is think time only.
        a.feed(ms(200), Event::Silence);
        assert_eq!(a.feed(ms(1_500), Event::Speech), Phase::Answering);
        a.feed(ms(4_000), Event::Silence);
        // 3 000 ms exactly is not over the 3 s threshold.
        a.feed(ms(7_000), Event::Speech);
        a.feed(ms(8_000), Event::Silence);
        a.feed(ms(12_100), Event::Speech);
        a.feed(ms(13_000), Event::Silence);
        // The silence before Enter is not a pause.
        assert_eq!(a.feed(ms(20_000), Event::Submit), Phase::Done);
        let m = a.measured().unwrap();
        assert_eq!((m.think_ms, m.answer_ms), (1_500, 18_500));
        assert_eq!(m.pauses, vec![voice_pause(4_100, 6_500)]);
        assert_eq!((m.wpm, m.words, m.text.as_str()), (None, 0, ""));
        assert!(m.fillers.is_empty());
    }

    #[test]
    fn voice_ignores_typing_and_marks_and_a_silent_answer_is_blank() {
        let mut a = Answer::new(rules(InputMode::Voice));
        a.feed(ms(100), Event::Text("x".into()));
        a.feed(ms(200), Event::Mark);
        assert_eq!(a.phase(), Phase::Thinking);
        assert!(a.can_submit());
        a.feed(ms(5_000), Event::Submit);
        let m = a.measured().unwrap();
        assert_eq!((m.think_ms, m.answer_ms, m.pauses.len()), (5_000, 0, 0));
    }

    #[test]
    fn voice_strict_limit_cuts_at_the_limit_without_a_trailing_pause() {
        let mut a = Answer::new(AnswerRules {
            strict: true,
            limit: ms(10_000),
            ..rules(InputMode::Voice)
        });
        a.feed(ms(1_000), Event::Speech);
        a.feed(ms(2_000), Event::Silence);
        assert_eq!(a.tick(ms(9_999)), Phase::Answering);
        assert_eq!(a.tick(ms(10_000)), Phase::Done);
        let m = a.measured().unwrap();
        assert!(m.overran);
        assert_eq!((m.think_ms, m.answer_ms), (1_000, 9_000));
        assert!(m.pauses.is_empty());
    }

    #[test]
    fn voice_skip_follows_the_modes_skip_rule() {
        let mut a = Answer::new(rules(InputMode::Voice));
        a.feed(ms(1_000), Event::Speech);
        assert_eq!(a.feed(ms(3_000), Event::Skip), Phase::Done);
        assert!(a.measured().unwrap().skipped);
        let mut b = Answer::new(AnswerRules {
            skip: false,
            ..rules(InputMode::Voice)
        });
        assert_eq!(b.feed(ms(1_000), Event::Skip), Phase::Thinking);
    }
}
