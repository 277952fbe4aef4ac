//! Running questions in front of a person: draw the question, feed
//! stamped key presses to the engine until it is done, show the feedback,
//! and wait for Enter before the next question. Raw-mode (typed and
//! spoken) lives here; line input (`super::line`) implements the same
//! [`Ui`] so that the drill command does not care which one runs.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use super::countdown::{self, Countdown, Frame};
use super::guard::{Signals, TerminalGuard};
use super::input::{self, Action};
use super::style::Paint;
use crate::drill::{Answer, AnswerRules, Event, InputMode, Measured, Phase};
use crate::text::{Line, clean, with_ellipsis, wrap};

/// The signal number a lost terminal is reported as.
const SIGHUP: i32 = signal_hook::consts::SIGHUP;

/// How often the loop wakes with no input: the bar moves at least this often.
pub const WAKE: Duration = Duration::from_millis(250);

/// Keys shown under a typed question.
pub const KEYS_TYPED: &str = "Enter submit · Esc skip · Tab tips · Ctrl-C end";
/// Keys shown under a spoken question.
pub const KEYS_SPOKEN: &str = "Space started/stumbled · Enter done · Esc skip · Ctrl-C end";
/// Keys shown under a typed question where Esc may not skip.
pub const KEYS_TYPED_NO_SKIP: &str = "Enter submit · Tab tips · Ctrl-C end";
/// Keys shown under a spoken question where Esc may not skip.
pub const KEYS_SPOKEN_NO_SKIP: &str = "Space started/stumbled · Enter done · Ctrl-C end";
/// Keys shown under a voice question.
pub const KEYS_VOICE: &str = "Speak your answer · Enter done · Esc skip · Tab tips · Ctrl-C end";
/// Keys shown under a voice question where Esc may not skip.
pub const KEYS_VOICE_NO_SKIP: &str = "Speak your answer · Enter done · Tab tips · Ctrl-C end";
/// What the bar says when the session ends in the middle of an answer.
pub const INTERRUPTED_STATUS: &str = "session ended: this answer is not saved";
/// Shown under a typed answer when Enter is pressed with nothing typed.
pub const BLANK_SUBMIT_NOTICE: &str = "type your answer, or Esc to skip";
/// Shown for Enter on a blank answer when Esc may not skip (rehearsal).
pub const BLANK_NO_SKIP_NOTICE: &str = "type your answer: one honest sentence is a start";
/// Shown once typed text reaches the answer cap: more keys add nothing.
pub const FULL_NOTICE: &str = "the answer is full (20,000 characters): press Enter to submit";
/// Shown when Esc is pressed where skipping is not allowed (rehearsal).
pub const NO_SKIP_NOTICE: &str =
    "no skipping in a rehearsal: say one honest sentence and keep going — the clock runs on";
/// Shown after each answer but the last.
pub const NEXT_PROMPT: &str = "Press Enter for the next question (Ctrl-C to end).";
/// After a strict cut, keys are thrown away for this long: the person was
/// typing when the limit struck, and the rest of that typing (an Enter
/// among it) must neither pass the gate nor reach the shell.
pub const CUT_GRACE: Duration = Duration::from_secs(1);
/// Rows the countdown needs at the least: the bar, a row for the tips once
/// opened, and one answer row.
const FRAME_MIN_ROWS: usize = 3;

/// One question as it is put to the user.
#[derive(Debug, Clone)]
pub struct Prompt<'a> {
    /// 1-based position in the session.
    pub number: usize,
    /// Questions in the session.
    pub total: usize,
    /// The bank's title.
    pub title: &'a str,
    /// The question, placeholders already filled (sanitized when printed).
    pub text: &'a str,
    /// `category/id` (given to a voice recorder as `HOTSEAT_QUESTION`).
    pub question: &'a str,
    /// The question's tips, shown on Tab.
    pub tips: &'a [String],
}

/// Why a session ended early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interrupt {
    /// Ctrl-C pressed as a key in raw mode.
    CtrlC,
    /// A termination signal (SIGINT, SIGTERM, SIGHUP) arrived.
    Signal(i32),
    /// Line input ended before the last question.
    EndOfInput,
    /// The voice recorder died mid-answer (that answer is kept).
    RecorderFailed,
}

impl Interrupt {
    /// The process exit code: 128 + signal (Ctrl-C as a key counts as
    /// SIGINT, 130); end of input is 0, since the input simply ended.
    #[must_use]
    pub fn exit_code(self) -> u8 {
        match self {
            Self::CtrlC => crate::exit::CTRL_C,
            Self::Signal(sig) => crate::exit::signal(sig),
            Self::EndOfInput => crate::exit::SUCCESS,
            // A runtime failure, not the user's doing.
            Self::RecorderFailed => crate::exit::RUNTIME,
        }
    }
}

/// How one question ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Answered or skipped: the engine's measurements.
    Finished(Measured),
    /// The session was ended mid-question; the answer in progress is dropped.
    Interrupted(Interrupt),
    /// Answered, but the session cannot go on (the voice recorder died
    /// mid-answer): the answer is saved and its feedback shown, then the
    /// session ends as interrupted.
    FinishedThenEnd(Measured, Interrupt),
}

/// How the self-rating question after an answer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateOutcome {
    /// A rating 1–5.
    Rated(u8),
    /// No rating (Enter, or a UI that never asks: line input).
    Skipped,
    /// The session was ended at the question.
    Interrupted(Interrupt),
}

/// Asked after an answer's feedback with `--rate`.
pub const RATE_PROMPT: &str = "How did that feel? 1 (froze) – 5 (nailed it); Enter to skip.";

/// The terminal side of a session, raw or line.
pub trait Ui {
    /// Puts one question and collects its answer.
    fn ask(&mut self, prompt: &Prompt<'_>, rules: AnswerRules) -> io::Result<Outcome>;
    /// Prints lines after an answer (feedback, follow-ups, tips), each
    /// painted by its label.
    fn show(&mut self, lines: &[Line]) -> io::Result<()>;
    /// Between questions: waits for the go-ahead. `Some` if the session
    /// was ended instead.
    fn next_gate(&mut self) -> io::Result<Option<Interrupt>>;
    /// Gives the terminal back (raw mode off, cursor shown). Idempotent.
    fn finish(&mut self) -> io::Result<()>;
    /// After the feedback, with `--rate`: a single key 1–5, Enter to skip.
    /// UIs that never ask (line input) keep this default.
    fn rate(&mut self) -> io::Result<RateOutcome> {
        Ok(RateOutcome::Skipped)
    }
    /// The path of the recording kept for the answer just given
    /// (`--keep-audio`), taken once. UIs that keep none use this default.
    fn take_audio(&mut self) -> Option<String> {
        None
    }
}

/// Writes `\n` as `\r\n`, for output while raw mode is on.
#[derive(Debug)]
pub struct Crlf<W: Write>(pub W);

impl<W: Write> Write for Crlf<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for (i, b) in buf.iter().enumerate() {
            if *b == b'\n' {
                self.0.write_all(&buf[start..i])?;
                self.0.write_all(b"\r\n")?;
                start = i + 1;
            }
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Writes the question block: a blank line, "Question 2 of 5 · Title",
/// the question itself.
pub fn write_question(out: &mut dyn Write, prompt: &Prompt<'_>) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "Question {} of {} · {}",
        prompt.number,
        prompt.total,
        clean(prompt.title)
    )?;
    writeln!(out, "{}", clean(prompt.text))
}

/// Typed and spoken answers in raw mode, with the countdown bar.
#[derive(Debug)]
pub struct RawUi {
    guard: TerminalGuard,
    signals: Signals,
    bar: bool,
    paint: Paint,
    /// When the last answer was cut at the limit, if it was: keys are
    /// discarded until [`CUT_GRACE`] after it.
    cut_at: Option<Instant>,
    /// `--speak`: the speaker command reading each question aloud.
    speaker: Option<String>,
}

impl RawUi {
    /// Takes the terminal (raw mode, bracketed paste) until [`Ui::finish`]
    /// or drop.
    pub fn new(signals: Signals, paint: Paint) -> io::Result<Self> {
        Ok(Self {
            guard: TerminalGuard::new()?,
            signals,
            bar: countdown::bar_possible(),
            paint,
            cut_at: None,
            speaker: None,
        })
    }

    /// Reads each question aloud through `speaker` (`--speak`) before the
    /// think clock starts; any key cuts the reading short.
    #[must_use]
    pub fn with_speaker(mut self, speaker: Option<String>) -> Self {
        self.speaker = speaker;
        self
    }

    /// Reads and throws away keys until `until` (the rest of the typing cut
    /// off by a strict limit) — all but a request to stop.
    fn settle(&self, until: Instant) -> io::Result<Option<Interrupt>> {
        loop {
            if let Some(sig) = self.signals.pending() {
                return Ok(Some(Interrupt::Signal(sig)));
            }
            let Some(left) = until.checked_duration_since(Instant::now()) else {
                return Ok(None);
            };
            if left.is_zero() {
                return Ok(None);
            }
            if let Some(stamped) = input::next(left.min(WAKE), InputMode::Typed)? {
                match stamped.action {
                    Action::EndSession => return Ok(Some(Interrupt::CtrlC)),
                    Action::HangUp => return Ok(Some(Interrupt::Signal(SIGHUP))),
                    _ => {}
                }
            }
        }
    }

    /// Waits out the rest of [`CUT_GRACE`] if the last answer was cut.
    fn settle_after_cut(&mut self) -> io::Result<Option<Interrupt>> {
        match self.cut_at.take() {
            Some(cut) => self.settle(cut + CUT_GRACE),
            None => Ok(None),
        }
    }

    /// Standard output with `\n` written as `\r\n` (raw mode).
    pub(crate) fn out() -> Crlf<io::StdoutLock<'static>> {
        Crlf(io::stdout().lock())
    }
}

impl Ui for RawUi {
    fn ask(&mut self, prompt: &Prompt<'_>, rules: AnswerRules) -> io::Result<Outcome> {
        let mode = rules.input;
        self.cut_at = None;
        let rows = draw_question(prompt, (mode, rules.skip), false, self.bar, self.paint)?;
        let mut countdown = Countdown::new(self.bar, rows)?;
        // Keys typed before the question was on screen are not an answer.
        if input::drain()? {
            countdown.finish()?;
            return Ok(Outcome::Interrupted(Interrupt::CtrlC));
        }
        if let Some(speaker) = &self.speaker
            && let Some(why) = super::voice::speak_until_key(speaker, prompt.text, &self.signals)?
        {
            countdown.discard();
            return Ok(Outcome::Interrupted(why));
        }
        let t0 = Instant::now();
        let (limit, think_target, strict) = (rules.limit, rules.think_target, rules.strict);
        let may_skip = rules.skip;
        let mut answer = Answer::new(rules);
        let mut tips_shown = false;
        let mut marks = 0u32;
        // Enter on a blank typed answer was refused: say so until the next key.
        // What the last key was refused for, shown until the next key.
        let mut notice: Option<&'static str> = None;
        // `Some` when the session ends mid-answer; the answer is then dropped.
        let interrupted = loop {
            if let Some(sig) = self.signals.pending() {
                break Some(Interrupt::Signal(sig));
            }
            let now = t0.elapsed();
            if answer.tick(now) == Phase::Done {
                break None;
            }
            countdown.update(&Frame {
                elapsed: now,
                phase: answer.phase(),
                input: mode,
                limit,
                think_target,
                text: answer.text(),
                cursor: answer.cursor(),
                notice,
                tips: if tips_shown { prompt.tips } else { &[] },
                marks,
                status: None,
            })?;
            let mut timeout = WAKE;
            if strict && now < limit {
                timeout = timeout.min(limit.checked_sub(now).unwrap());
            }
            let Some(stamped) = input::next(timeout, mode)? else {
                continue;
            };
            let at = stamped.at.saturating_duration_since(t0);
            match stamped.action {
                Action::Engine(event) => {
                    notice = match event {
                        Event::Submit if !answer.can_submit() => Some(if may_skip {
                            BLANK_SUBMIT_NOTICE
                        } else {
                            BLANK_NO_SKIP_NOTICE
                        }),
                        Event::Skip if !may_skip => Some(NO_SKIP_NOTICE),
                        _ => None,
                    };
                    match event {
                        Event::Hint => tips_shown = true,
                        Event::Mark if answer.phase() == Phase::Answering => marks += 1,
                        _ => {}
                    }
                    if answer.feed(at, event) == Phase::Done {
                        break None;
                    }
                    // A full answer says so while it stays full.
                    if answer.is_full() {
                        notice = notice.or(Some(FULL_NOTICE));
                    }
                }
                Action::EndSession => break Some(Interrupt::CtrlC),
                Action::HangUp => {
                    // Drawing would fail on a terminal that is gone.
                    countdown.discard();
                    return Ok(Outcome::Interrupted(Interrupt::Signal(SIGHUP)));
                }
                Action::Resize if countdown.is_bar() => {
                    // The terminal has re-flowed the old frame; indicatif
                    // cannot know how, so start a clean screen.
                    countdown.discard();
                    let rows = draw_question(prompt, (mode, may_skip), true, self.bar, self.paint)?;
                    countdown = Countdown::new(self.bar, rows)?;
                }
                Action::Resize => {}
                Action::Ignore => {}
            }
        };
        let outcome = match interrupted {
            Some(why) => Outcome::Interrupted(why),
            None => Outcome::Finished(
                answer
                    .measured()
                    .ok_or_else(|| io::Error::other("the answer ended without measurements"))?,
            ),
        };
        if let Outcome::Finished(m) = &outcome
            && strict
            && m.overran
        {
            self.cut_at = Some(Instant::now());
        }
        // The last frame stays on screen: it says how the answer ended.
        let (status, text) = match &outcome {
            Outcome::Finished(m) | Outcome::FinishedThenEnd(m, _) => {
                (final_status(m, strict, mode), m.text.as_str())
            }
            Outcome::Interrupted(_) => (INTERRUPTED_STATUS.to_string(), answer.text()),
        };
        countdown.update(&Frame {
            elapsed: t0.elapsed(),
            phase: Phase::Done,
            input: mode,
            limit,
            think_target,
            text,
            cursor: text.len(),
            notice: None,
            tips: if tips_shown { prompt.tips } else { &[] },
            marks,
            status: Some(&status),
        })?;
        countdown.finish()?;
        Ok(outcome)
    }

    fn show(&mut self, lines: &[Line]) -> io::Result<()> {
        let width = terminal_width().saturating_sub(1);
        let mut out = Self::out();
        for line in lines {
            // Word-wrapped here: the terminal would cut words at its edge.
            for row in self.paint.lines(line, Some(width), "  ") {
                writeln!(out, "{row}")?;
            }
        }
        out.flush()
    }

    fn next_gate(&mut self) -> io::Result<Option<Interrupt>> {
        // Typing cut off by a strict limit goes on for a moment: none of it
        // (an Enter among it) may pass the gate.
        if let Some(why) = self.settle_after_cut()? {
            return Ok(Some(why));
        }
        // An Enter typed while the feedback printed must not skip the gate;
        // drained before the prompt shows, so no Enter typed after it is lost.
        if input::drain()? {
            return Ok(Some(Interrupt::CtrlC));
        }
        {
            let mut out = Self::out();
            writeln!(out)?;
            for line in wrap(NEXT_PROMPT, terminal_width().saturating_sub(1), "") {
                writeln!(out, "{line}")?;
            }
            out.flush()?;
        }
        loop {
            if let Some(sig) = self.signals.pending() {
                return Ok(Some(Interrupt::Signal(sig)));
            }
            let Some(stamped) = input::next(WAKE, InputMode::Typed)? else {
                continue;
            };
            match stamped.action {
                Action::Engine(Event::Submit) => return Ok(None),
                Action::EndSession => return Ok(Some(Interrupt::CtrlC)),
                Action::HangUp => return Ok(Some(Interrupt::Signal(SIGHUP))),
                _ => {}
            }
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        // The last answer was cut: the typing that ran on past it is eaten
        // here, in raw mode, before the summary and the shell come — and
        // the guard flushes whatever is still queued as it restores. A
        // Ctrl-C now changes nothing: every answer is already in.
        if self.signals.pending().is_none() {
            let _ = self.settle_after_cut()?;
        }
        self.guard.restore()
    }

    fn rate(&mut self) -> io::Result<RateOutcome> {
        // Keys typed while the feedback printed are not a rating.
        if input::drain()? {
            return Ok(RateOutcome::Interrupted(Interrupt::CtrlC));
        }
        {
            let mut out = Self::out();
            writeln!(out, "\n{RATE_PROMPT}")?;
            out.flush()?;
        }
        loop {
            if let Some(sig) = self.signals.pending() {
                return Ok(RateOutcome::Interrupted(Interrupt::Signal(sig)));
            }
            let Some(stamped) = input::next(WAKE, InputMode::Typed)? else {
                continue;
            };
            match stamped.action {
                Action::Engine(Event::Text(key)) => {
                    if let Ok(n @ 1..=5) = key.parse::<u8>() {
                        let mut out = Self::out();
                        writeln!(out, "Rated {n}.")?;
                        out.flush()?;
                        return Ok(RateOutcome::Rated(n));
                    }
                }
                Action::Engine(Event::Submit) => return Ok(RateOutcome::Skipped),
                Action::EndSession => return Ok(RateOutcome::Interrupted(Interrupt::CtrlC)),
                Action::HangUp => return Ok(RateOutcome::Interrupted(Interrupt::Signal(SIGHUP))),
                _ => {}
            }
        }
    }
}

/// Writes the question block and the keys line; with `clear`, on a
/// cleared screen (after a resize). With `fit` (a bar will be drawn), the
/// block is fitted to the window by [`question_block`]. Returns the rows
/// left below it for the countdown.
pub(crate) fn draw_question(
    prompt: &Prompt<'_>,
    (mode, skip): (InputMode, bool),
    clear: bool,
    fit: bool,
    paint: Paint,
) -> io::Result<usize> {
    let mut out = RawUi::out();
    if clear {
        crossterm::queue!(
            out,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            crossterm::cursor::MoveTo(0, 0)
        )?;
    }
    let keys = match (mode, skip) {
        (InputMode::Spoken, true) => KEYS_SPOKEN,
        (InputMode::Spoken, false) => KEYS_SPOKEN_NO_SKIP,
        (InputMode::Voice, true) => KEYS_VOICE,
        (InputMode::Voice, false) => KEYS_VOICE_NO_SKIP,
        (_, true) => KEYS_TYPED,
        (_, false) => KEYS_TYPED_NO_SKIP,
    };
    let (width, height) = terminal_size();
    let (width, height) = (usize::from(width), usize::from(height));
    // A dumb terminal scrolls like paper: nothing is redrawn in place, so
    // nothing needs to fit.
    let height = if fit { height } else { usize::MAX };
    let block = question_block(prompt, keys, width.saturating_sub(1), height);
    for line in &block {
        match line {
            BlockLine::Blank => writeln!(out)?,
            BlockLine::Strong(text) => writeln!(out, "{}", paint.strong(text))?,
            BlockLine::Plain(text) => writeln!(out, "{text}")?,
        }
    }
    out.flush()?;
    Ok(height.saturating_sub(block.len()))
}

/// One row of the question block.
#[derive(Debug, Clone, PartialEq, Eq)]
enum BlockLine {
    Blank,
    /// Part of the heading or the question.
    Strong(String),
    /// The keys line.
    Plain(String),
}

/// The question block — a blank line, "Question 2 of 5 · Title", the
/// question, a blank line, the keys — word-wrapped to `width` and fitted to
/// `height` rows so that the countdown's bar and one answer row still fit
/// below it: the question must never scroll out of sight. When rows are
/// short the keys give way first, then the blank line, then the heading;
/// a question longer than the window is cut, ending in "…".
fn question_block(prompt: &Prompt<'_>, keys: &str, width: usize, height: usize) -> Vec<BlockLine> {
    let strong = |text: &str| {
        wrap(&clean(text), width, "")
            .into_iter()
            .map(BlockLine::Strong)
            .collect::<Vec<_>>()
    };
    let heading = strong(&format!(
        "Question {} of {} · {}",
        prompt.number, prompt.total, prompt.title
    ));
    let mut question = strong(prompt.text);
    let keys: Vec<BlockLine> = wrap(keys, width, "")
        .into_iter()
        .map(BlockLine::Plain)
        .collect();
    let room = height.saturating_sub(FRAME_MIN_ROWS).max(1);
    let (mut with_keys, mut with_blank, mut with_heading) = (true, true, true);
    let rows = |k: bool, b: bool, h: bool, q: usize| {
        usize::from(b) + if h { heading.len() } else { 0 } + q + if k { keys.len() + 1 } else { 0 }
    };
    for drop in 0..3 {
        if rows(with_keys, with_blank, with_heading, question.len()) <= room {
            break;
        }
        match drop {
            0 => with_keys = false,
            1 => with_blank = false,
            _ => with_heading = false,
        }
    }
    if question.len() > room {
        question.truncate(room);
        if let Some(BlockLine::Strong(last)) = question.last_mut() {
            *last = with_ellipsis(last, width);
        }
    }
    let mut block = Vec::new();
    if with_blank {
        block.push(BlockLine::Blank);
    }
    if with_heading {
        block.extend(heading);
    }
    block.extend(question);
    if with_keys {
        block.push(BlockLine::Blank);
        block.extend(keys);
    }
    block
}

/// The terminal's size in columns and rows (80x24 when it cannot be told:
/// a terminal whose size was never set reports 0). The one lookup of the
/// terminal's size: everything that fits text to it asks here.
pub(crate) fn terminal_size() -> (u16, u16) {
    match crossterm::terminal::size() {
        Ok((w, h)) if w > 0 && h > 0 => (w, h),
        _ => (80, 24),
    }
}

/// The terminal's width in columns (80 when it cannot be told).
pub(crate) fn terminal_width() -> usize {
    usize::from(terminal_size().0)
}

/// What the bar says once the answer is over. Under `strict` an answer can
/// only be over the limit by being cut at it — by a tick, or by a key that
/// arrived just after the limit, which the engine drops.
pub(crate) fn final_status(m: &Measured, strict: bool, mode: InputMode) -> String {
    let cut_at_limit = strict && m.overran;
    if m.skipped {
        "skipped".to_string()
    } else if matches!(mode, InputMode::Spoken | InputMode::Voice) && !cut_at_limit {
        if m.overran {
            "done, over the limit".to_string()
        } else {
            "done".to_string()
        }
    } else if cut_at_limit {
        "time's up: submitted at the limit".to_string()
    } else if m.overran {
        "submitted, over the limit".to_string()
    } else {
        "submitted".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn measured(overran: bool, skipped: bool) -> Measured {
        Measured {
            think_ms: 1_000,
            answer_ms: 2_000,
            typing_ms: 2_000,
            limit_ms: 2_500,
            overran,
            skipped,
            pauses: Vec::new(),
            words: 1,
            pasted_words: 0,
            wpm: None,
            fillers: Vec::new(),
            revisions: 0,
            hint: false,
            text: "x".into(),
            truncated: false,
        }
    }

    #[test]
    fn final_status_says_times_up_whenever_strict_cut_the_answer() {
        let typed = InputMode::Typed;
        assert_eq!(
            final_status(&measured(true, false), true, typed),
            "time's up: submitted at the limit"
        );
        assert_eq!(
            final_status(&measured(true, false), false, typed),
            "submitted, over the limit"
        );
        assert_eq!(
            final_status(&measured(false, false), true, typed),
            "submitted"
        );
        assert_eq!(final_status(&measured(true, true), true, typed), "skipped");
        assert_eq!(
            final_status(&measured(true, false), false, InputMode::Spoken),
            "done, over the limit"
        );
        assert_eq!(
            final_status(&measured(true, false), true, InputMode::Spoken),
            "time's up: submitted at the limit"
        );
    }

    #[test]
    fn crlf_turns_every_newline_into_crlf() {
        let mut out = Crlf(Vec::new());
        write!(out, "a\nb\n\nc").unwrap();
        assert_eq!(out.0, b"a\r\nb\r\n\r\nc");
    }

    #[test]
    fn question_block_is_sanitized() {
        let mut out = Vec::new();
        let tips = Vec::new();
        let prompt = Prompt {
            number: 2,
            total: 5,
            title: "Weaknesses",
            text: "Why \x1b[31mus?",
            question: "fixture/q",
            tips: &tips,
        };
        write_question(&mut out, &prompt).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\nQuestion 2 of 5 · Weaknesses\nWhy \\x1b[31mus?\n"
        );
    }

    fn rows_of(block: &[BlockLine]) -> Vec<String> {
        block
            .iter()
            .map(|l| match l {
                BlockLine::Blank => String::new(),
                BlockLine::Strong(t) | BlockLine::Plain(t) => t.clone(),
            })
            .collect()
    }

    #[test]
    fn question_block_gives_way_keys_first_and_keeps_the_question() {
        let tips = Vec::new();
        let prompt = Prompt {
            number: 1,
            total: 2,
            title: "Fixture",
            text: "Alpha question: how do you plan your week?",
            question: "fixture/q",
            tips: &tips,
        };
        let tall = rows_of(&question_block(&prompt, KEYS_TYPED, 39, 12));
        assert_eq!(
            tall,
            vec![
                "",
                "Question 1 of 2 · Fixture",
                "Alpha question: how do you plan your",
                "week?",
                "",
                "Enter submit · Esc skip · Tab tips ·",
                "Ctrl-C end",
            ]
        );
        // 7 rows leave 4 above the countdown: keys and blank line go.
        let short = rows_of(&question_block(&prompt, KEYS_TYPED, 24, 7));
        assert_eq!(
            short,
            vec![
                "Question 1 of 2 ·",
                "Fixture",
                "Alpha question: how do",
                "you plan your week?",
            ]
        );
        // Fewer rows still: the heading goes, then the question is cut.
        let tiny = rows_of(&question_block(&prompt, KEYS_TYPED, 24, 6));
        assert_eq!(tiny, vec!["Alpha question: how do", "you plan your week?"]);
        let tinier = rows_of(&question_block(&prompt, KEYS_TYPED, 24, 4));
        assert_eq!(tinier, vec!["Alpha question: how do …"]);
        for row in tall.iter().chain(&short) {
            assert!(row.width() <= 39, "{row:?}");
        }
    }

    #[test]
    fn exit_codes_follow_the_signal() {
        assert_eq!(Interrupt::CtrlC.exit_code(), 130);
        assert_eq!(Interrupt::Signal(2).exit_code(), 130);
        assert_eq!(Interrupt::Signal(15).exit_code(), 143);
        assert_eq!(Interrupt::Signal(1).exit_code(), 129);
        assert_eq!(Interrupt::EndOfInput.exit_code(), 0);
    }
}
