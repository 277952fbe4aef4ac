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
use super::sanitize::clean;
use super::style::Paint;
use crate::drill::{Answer, AnswerRules, Event, InputMode, Measured, Phase};

/// The signal number a lost terminal is reported as.
const SIGHUP: i32 = signal_hook::consts::SIGHUP;

/// How often the loop wakes with no input: the bar moves at least this often.
pub const WAKE: Duration = Duration::from_millis(250);

/// Keys shown under a typed question.
pub const KEYS_TYPED: &str = "Enter submit · Esc skip · Tab tips · Ctrl-C end";
/// Keys shown under a spoken question.
pub const KEYS_SPOKEN: &str = "Space started/stumbled · Enter done · Esc skip · Ctrl-C end";
/// What the bar says when the session ends in the middle of an answer.
pub const INTERRUPTED_STATUS: &str = "session ended: this answer is not saved";
/// Shown under a typed answer when Enter is pressed with nothing typed.
pub const BLANK_SUBMIT_NOTICE: &str = "type your answer, or Esc to skip";
/// Shown after each answer but the last.
pub const NEXT_PROMPT: &str = "Press Enter for the next question (Ctrl-C to end).";

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
}

impl Interrupt {
    /// The process exit code: 128 + signal (Ctrl-C as a key counts as
    /// SIGINT, 130); end of input is 0, since the input simply ended.
    pub fn exit_code(self) -> u8 {
        match self {
            Self::CtrlC => 130,
            Self::Signal(sig) => u8::try_from(128 + sig.clamp(0, 127)).unwrap_or(1),
            Self::EndOfInput => 0,
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
}

/// The terminal side of a session, raw or line.
pub trait Ui {
    /// Puts one question and collects its answer.
    fn ask(&mut self, prompt: &Prompt<'_>, rules: AnswerRules) -> io::Result<Outcome>;
    /// Prints lines after an answer (feedback, follow-ups, tips).
    fn show(&mut self, lines: &[String]) -> io::Result<()>;
    /// Between questions: waits for the go-ahead. `Some` if the session
    /// was ended instead.
    fn next_gate(&mut self) -> io::Result<Option<Interrupt>>;
    /// Gives the terminal back (raw mode off, cursor shown). Idempotent.
    fn finish(&mut self) -> io::Result<()>;
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
        })
    }

    fn out() -> Crlf<io::StdoutLock<'static>> {
        Crlf(io::stdout().lock())
    }
}

impl Ui for RawUi {
    fn ask(&mut self, prompt: &Prompt<'_>, rules: AnswerRules) -> io::Result<Outcome> {
        let mode = rules.input;
        draw_question(prompt, mode, false, self.paint)?;
        let mut countdown = Countdown::new(self.bar)?;
        // Keys typed before the question was on screen are not an answer.
        if input::drain()? {
            countdown.finish()?;
            return Ok(Outcome::Interrupted(Interrupt::CtrlC));
        }
        let t0 = Instant::now();
        let (limit, think_target, strict) = (rules.limit, rules.think_target, rules.strict);
        let mut answer = Answer::new(rules);
        let mut tips_shown = false;
        let mut marks = 0u32;
        // Enter on a blank typed answer was refused: say so until the next key.
        let mut blank_submit = false;
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
                notice: blank_submit.then_some(BLANK_SUBMIT_NOTICE),
                tips: if tips_shown { prompt.tips } else { &[] },
                marks,
                status: None,
            })?;
            let mut timeout = WAKE;
            if strict && now < limit {
                timeout = timeout.min(limit - now);
            }
            let Some(stamped) = input::next(timeout, mode)? else {
                continue;
            };
            let at = stamped.at.saturating_duration_since(t0);
            match stamped.action {
                Action::Engine(event) => {
                    blank_submit = event == Event::Submit && !answer.can_submit();
                    match event {
                        Event::Hint => tips_shown = true,
                        Event::Mark if answer.phase() == Phase::Answering => marks += 1,
                        _ => {}
                    }
                    if answer.feed(at, event) == Phase::Done {
                        break None;
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
                    draw_question(prompt, mode, true, self.paint)?;
                    countdown = Countdown::new(self.bar)?;
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
        // The last frame stays on screen: it says how the answer ended.
        let (status, text) = match &outcome {
            Outcome::Finished(m) => (final_status(m, strict, mode), m.text.as_str()),
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

    fn show(&mut self, lines: &[String]) -> io::Result<()> {
        let width = terminal_width();
        let mut out = Self::out();
        for line in lines {
            // Word-wrapped here: the terminal would cut words at its edge.
            let parts = countdown::wrap(&clean(line), width.saturating_sub(1), "  ");
            for (i, part) in parts.iter().enumerate() {
                if i == 0 {
                    writeln!(out, "{}", self.paint.label(part))?;
                } else {
                    writeln!(out, "{part}")?;
                }
            }
        }
        out.flush()
    }

    fn next_gate(&mut self) -> io::Result<Option<Interrupt>> {
        // An Enter typed while the feedback printed must not skip the gate;
        // drained before the prompt shows, so no Enter typed after it is lost.
        if input::drain()? {
            return Ok(Some(Interrupt::CtrlC));
        }
        {
            let mut out = Self::out();
            writeln!(out, "\n{NEXT_PROMPT}")?;
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
        self.guard.restore()
    }
}

/// Writes the question block and the keys line; with `clear`, on a
/// cleared screen (after a resize).
fn draw_question(
    prompt: &Prompt<'_>,
    mode: InputMode,
    clear: bool,
    paint: Paint,
) -> io::Result<()> {
    let mut out = RawUi::out();
    if clear {
        crossterm::queue!(
            out,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            crossterm::cursor::MoveTo(0, 0)
        )?;
    }
    let mut block = Vec::new();
    write_question(&mut block, prompt)?;
    // Word-wrapped here: the terminal would cut words at its edge.
    let width = terminal_width().saturating_sub(1);
    for line in String::from_utf8_lossy(&block).lines() {
        if line.is_empty() {
            writeln!(out)?;
            continue;
        }
        for part in countdown::wrap(line, width, "") {
            writeln!(out, "{}", paint.strong(&part))?;
        }
    }
    let keys = if mode == InputMode::Spoken {
        KEYS_SPOKEN
    } else {
        KEYS_TYPED
    };
    writeln!(out, "\n{keys}")?;
    out.flush()
}

/// The terminal's width in columns (80 when it cannot be told: a terminal
/// whose size was never set reports 0).
fn terminal_width() -> usize {
    match crossterm::terminal::size() {
        Ok((w, _)) if w > 0 => usize::from(w),
        _ => 80,
    }
}

/// What the bar says once the answer is over. Under `strict` an answer can
/// only be over the limit by being cut at it — by a tick, or by a key that
/// arrived just after the limit, which the engine drops.
fn final_status(m: &Measured, strict: bool, mode: InputMode) -> String {
    let cut_at_limit = strict && m.overran;
    if m.skipped {
        "skipped".to_string()
    } else if mode == InputMode::Spoken && !cut_at_limit {
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
            tips: &tips,
        };
        write_question(&mut out, &prompt).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\nQuestion 2 of 5 · Weaknesses\nWhy \\x1b[31mus?\n"
        );
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
