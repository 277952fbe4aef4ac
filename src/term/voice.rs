//! Voice answers (`--input voice`): the question is drawn (and read aloud
//! with `--speak`), the recorder is started, its audio measured by
//! [`crate::voice::Listener`] on the audio's own clock, and the recorder
//! stopped and reaped at the end of every answer and on every exit path
//! (its `Drop` stops it, so a panic unwinding through here does too).
//!
//! On a terminal: raw mode as for typed answers; Enter ends the answer at
//! the sample count reached, Esc skips, Tab shows the tips; the bar says it
//! is listening, with a level meter and the silence under way once it
//! passes the pause threshold. The recorder's stream ending mid-answer is
//! a failure. Off a terminal (standard input not a TTY): no keys; the
//! answer ends when the recorder's stream ends — that is how a recording
//! is fed in — and only a recorder exiting with an error is a failure.
//! A failure keeps the answer (ended at its last sample), shows the
//! recorder's error output, and ends the session as
//! [`Interrupt::RecorderFailed`] (exit 1).

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::countdown::{self, Countdown, Frame};
use super::guard::Signals;
use super::input::{self, Action};
use super::style::Paint;
use super::ui::{
    Interrupt, NO_SKIP_NOTICE, Outcome, Prompt, RateOutcome, RawUi, Ui, WAKE, draw_question,
    final_status, write_question,
};
use crate::drill::{AnswerRules, Event, InputMode, Phase};
use crate::text::duration::measured;
use crate::text::{Line, clean};
use crate::voice::recorder::{Chunk, Ended, Recording, SLOW_START};
use crate::voice::speaker::Speaking;
use crate::voice::wav::{Keeper, audio_dir, file_name};
use crate::voice::{Listener, VoiceSetup};

/// The signal number a lost terminal is reported as.
const SIGHUP: i32 = signal_hook::consts::SIGHUP;
/// Set in the environment, makes a voice answer panic once its recorder
/// has given audio (tests/voice.rs checks the recorder is still stopped).
pub const PANIC_WHILE_RECORDING: &str = "HOTSEAT_TEST_PANIC_RECORDING";
/// How often the terminal loop looks at keys and audio.
const TICK: Duration = Duration::from_millis(40);

/// Where a voice session draws and reads keys.
enum Surface {
    /// Raw mode with the countdown (standard input is a terminal).
    Term(RawUi),
    /// Plain lines on standard output, no keys.
    Plain,
}

/// A [`Ui`] for voice answers.
pub struct VoiceUi {
    surface: Surface,
    signals: Signals,
    paint: Paint,
    bar: bool,
    recorder: String,
    speaker: Option<String>,
    /// `--keep-audio`: the folder recordings are kept in.
    keep: Option<PathBuf>,
    /// The recording kept for the last answer.
    audio: Option<String>,
    /// The slow recorder start has been mentioned.
    slow_noted: bool,
    /// Answers asked so far (`HOTSEAT_ANSWER_NUMBER`).
    asked: usize,
}

impl std::fmt::Debug for VoiceUi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VoiceUi")
            .field("recorder", &self.recorder)
            .finish_non_exhaustive()
    }
}

impl VoiceUi {
    /// Takes the terminal when there is one.
    pub fn new(setup: VoiceSetup, signals: Signals, paint: Paint) -> io::Result<Self> {
        let surface = if setup.terminal {
            Surface::Term(RawUi::new(signals.clone(), paint)?)
        } else {
            Surface::Plain
        };
        Ok(Self {
            surface,
            signals,
            paint,
            bar: setup.terminal && countdown::bar_possible(),
            recorder: setup.recorder,
            speaker: setup.speaker,
            keep: setup.keep_in.map(|home| audio_dir(&home)),
            audio: None,
            slow_noted: false,
            asked: 0,
        })
    }

    fn term(&self) -> bool {
        matches!(self.surface, Surface::Term(_))
    }

    /// Lines printed outside the countdown (notes, the recorder's errors).
    fn say(&mut self, lines: &[String]) -> io::Result<()> {
        if self.term() {
            let mut out = RawUi::out();
            for line in lines {
                writeln!(out, "{}", clean(line))?;
            }
            out.flush()
        } else {
            let mut out = io::stdout().lock();
            for line in lines {
                writeln!(out, "{}", clean(line))?;
            }
            out.flush()
        }
    }

    /// A kept recording for this answer, when `--keep-audio` is on.
    fn keeper(&self, prompt: &Prompt<'_>) -> io::Result<Option<Keeper>> {
        let Some(dir) = &self.keep else {
            return Ok(None);
        };
        let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
        let path = dir.join(file_name(&stamp, self.asked, prompt.question));
        Keeper::create(path)
            .map(Some)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot keep the audio: {e}")))
    }
}

/// How the listening loop ended.
enum Stop {
    /// The answer is done (Enter, Esc, the stream's end, a strict cut).
    Done,
    /// The session was ended mid-answer.
    Interrupted(Interrupt),
    /// The recorder failed: why.
    Failed(String),
}

impl Ui for VoiceUi {
    fn ask(&mut self, prompt: &Prompt<'_>, rules: AnswerRules) -> io::Result<Outcome> {
        let (strict, may_skip) = (rules.strict, rules.skip);
        let (limit, think_target) = (rules.limit, rules.think_target);
        let pause = rules.pause_threshold;
        let term = self.term();
        let mut countdown = if term {
            let rows = draw_question(
                prompt,
                (InputMode::Voice, may_skip),
                false,
                self.bar,
                self.paint,
            )?;
            let countdown = Countdown::new(self.bar, rows)?;
            if input::drain()? {
                countdown.finish()?;
                return Ok(Outcome::Interrupted(Interrupt::CtrlC));
            }
            Some(countdown)
        } else {
            let mut block = Vec::new();
            write_question(&mut block, prompt)?;
            let mut out = io::stdout().lock();
            for line in String::from_utf8_lossy(&block).lines() {
                writeln!(out, "{}", self.paint.strong(line))?;
            }
            writeln!(out)?;
            out.flush()?;
            None
        };
        if let Some(speaker) = &self.speaker {
            let why = if term {
                speak_until_key(speaker, prompt.text, &self.signals)?
            } else {
                speak_to_end(speaker, prompt.text, &self.signals)?
            };
            if let Some(why) = why {
                if let Some(c) = countdown {
                    c.discard();
                }
                return Ok(Outcome::Interrupted(why));
            }
        }
        self.asked += 1;
        let mut keeper = self.keeper(prompt)?;
        let mut rec = Recording::start(&self.recorder, prompt.question, self.asked)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot start the recorder: {e}")))?;
        let mut listener = Listener::new(rules);
        let mut tips_shown = false;
        let mut notice: Option<&'static str> = None;
        let mut last_draw: Option<Instant> = None;
        let stop = loop {
            if let Some(sig) = self.signals.pending() {
                break Stop::Interrupted(Interrupt::Signal(sig));
            }
            // Audio first: every sample that came before a key counts.
            let mut ended = false;
            let wait = if term { Duration::ZERO } else { WAKE };
            loop {
                match rec.next(wait)? {
                    Chunk::Audio(bytes) => {
                        // The test suite's only way to panic mid-recording.
                        if listener.samples() == 0
                            && std::env::var_os(PANIC_WHILE_RECORDING).is_some()
                        {
                            panic!("{PANIC_WHILE_RECORDING} is set: panicking while recording");
                        }
                        let samples = listener.feed_bytes(&bytes);
                        if let Some(k) = &mut keeper {
                            k.write(samples)?;
                        }
                        if listener.phase() == Phase::Done || !term {
                            break;
                        }
                    }
                    Chunk::Pending => break,
                    Chunk::Ended => {
                        ended = true;
                        break;
                    }
                }
            }
            if listener.phase() == Phase::Done {
                break Stop::Done;
            }
            if ended {
                listener.end();
                match rec.finish() {
                    Ended::Clean if !term => break Stop::Done,
                    Ended::Clean => break Stop::Failed("its audio stream ended".to_string()),
                    Ended::Failed(why) => break Stop::Failed(why),
                }
            }
            let Some(c) = &mut countdown else {
                continue;
            };
            if last_draw.is_none_or(|t| t.elapsed() >= TICK) {
                last_draw = Some(Instant::now());
                let status = listening(&listener, pause, notice);
                c.update(&Frame {
                    elapsed: listener.elapsed(),
                    phase: listener.phase(),
                    input: InputMode::Voice,
                    limit,
                    think_target,
                    text: "",
                    cursor: 0,
                    notice: Some(&status),
                    tips: if tips_shown { prompt.tips } else { &[] },
                    marks: 0,
                    status: None,
                })?;
            }
            let Some(stamped) = input::next(TICK, InputMode::Voice)? else {
                continue;
            };
            match stamped.action {
                Action::Engine(event @ (Event::Submit | Event::Skip | Event::Hint)) => {
                    notice = None;
                    match event {
                        Event::Skip if !may_skip => notice = Some(NO_SKIP_NOTICE),
                        Event::Hint => tips_shown = true,
                        _ => {}
                    }
                    if listener.key(event) == Phase::Done {
                        break Stop::Done;
                    }
                }
                Action::EndSession => break Stop::Interrupted(Interrupt::CtrlC),
                Action::HangUp => {
                    rec.stop();
                    if let Some(k) = keeper {
                        k.discard();
                    }
                    if let Some(c) = countdown {
                        c.discard();
                    }
                    return Ok(Outcome::Interrupted(Interrupt::Signal(SIGHUP)));
                }
                Action::Resize if c.is_bar() => {
                    if let Some(old) = countdown.take() {
                        old.discard();
                    }
                    let rows = draw_question(
                        prompt,
                        (InputMode::Voice, may_skip),
                        true,
                        self.bar,
                        self.paint,
                    )?;
                    countdown = Some(Countdown::new(self.bar, rows)?);
                }
                _ => {}
            }
        };
        // Stopped and reaped before anything else happens.
        rec.stop();
        let slow = rec.startup_delay().filter(|d| *d > SLOW_START);
        let outcome = match &stop {
            Stop::Interrupted(why) => Outcome::Interrupted(*why),
            Stop::Done | Stop::Failed(_) => {
                let m = listener
                    .measured()
                    .ok_or_else(|| io::Error::other("the answer ended without measurements"))?;
                match &stop {
                    Stop::Failed(_) => Outcome::FinishedThenEnd(m, Interrupt::RecorderFailed),
                    _ => Outcome::Finished(m),
                }
            }
        };
        match (&outcome, keeper) {
            (Outcome::Interrupted(_), Some(k)) => k.discard(),
            (_, Some(k)) => self.audio = Some(k.finish()?.display().to_string()),
            _ => {}
        }
        if let Some(mut c) = countdown {
            let status = match &outcome {
                Outcome::Finished(m) | Outcome::FinishedThenEnd(m, _) => {
                    final_status(m, strict, InputMode::Voice)
                }
                Outcome::Interrupted(_) => super::ui::INTERRUPTED_STATUS.to_string(),
            };
            c.update(&Frame {
                elapsed: listener.elapsed(),
                phase: Phase::Done,
                input: InputMode::Voice,
                limit,
                think_target,
                text: "",
                cursor: 0,
                notice: None,
                tips: if tips_shown { prompt.tips } else { &[] },
                marks: 0,
                status: Some(&status),
            })?;
            c.finish()?;
        }
        if let Stop::Failed(why) = &stop {
            let mut lines = vec![format!(
                "The recorder stopped mid-answer ({why}); the answer is kept up to its last sound."
            )];
            let err = rec.stderr();
            if !err.is_empty() {
                lines.push("Its error output:".to_string());
                lines.extend(err.lines().map(|l| format!("  {l}")));
            }
            self.say(&lines)?;
        }
        if let Some(d) = slow
            && !self.slow_noted
        {
            self.slow_noted = true;
            self.say(&[format!(
                "(The recorder took {} to start; that time is not counted as thinking.)",
                measured(crate::drill::millis(d))
            )])?;
        }
        Ok(outcome)
    }

    fn show(&mut self, lines: &[Line]) -> io::Result<()> {
        match &mut self.surface {
            Surface::Term(raw) => raw.show(lines),
            Surface::Plain => {
                let mut out = io::stdout().lock();
                for line in lines {
                    for row in self.paint.lines(line, None, "") {
                        writeln!(out, "{row}")?;
                    }
                }
                out.flush()
            }
        }
    }

    fn next_gate(&mut self) -> io::Result<Option<Interrupt>> {
        match &mut self.surface {
            Surface::Term(raw) => raw.next_gate(),
            // No gates off a terminal: the next recording answers the next
            // question.
            Surface::Plain => Ok(self.signals.pending().map(Interrupt::Signal)),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        match &mut self.surface {
            Surface::Term(raw) => raw.finish(),
            Surface::Plain => io::stdout().flush(),
        }
    }

    fn rate(&mut self) -> io::Result<RateOutcome> {
        match &mut self.surface {
            Surface::Term(raw) => raw.rate(),
            Surface::Plain => Ok(RateOutcome::Skipped),
        }
    }

    fn take_audio(&mut self) -> Option<String> {
        self.audio.take()
    }
}

/// The bar's message while listening: a level meter, and the silence
/// under way once it is longer than the pause threshold.
fn listening(l: &Listener, pause: Duration, notice: Option<&str>) -> String {
    let meter = meter(l.level());
    let mut s = match l.phase() {
        Phase::Thinking => format!("Listening {meter} · start when you are ready"),
        _ => format!("Listening {meter}"),
    };
    if let Some(quiet) = l.silence().filter(|q| *q > pause) {
        s.push_str(&format!(
            " · silent {}",
            measured(crate::drill::millis(quiet))
        ));
    }
    if let Some(n) = notice {
        s.push('\n');
        s.push_str(n);
    }
    s
}

/// Cells of the level meter.
const METER_CELLS: usize = 8;

/// `▮▮▮▯▯▯▯▯`: the level on a decibel scale from −60 dBFS (empty) to 0
/// (full), since loudness is heard logarithmically.
#[must_use]
pub fn meter(level: f32) -> String {
    let db = if level > 0.0 {
        20.0 * level.log10()
    } else {
        -120.0
    };
    let filled = (((db + 60.0) / 60.0).clamp(0.0, 1.0) * METER_CELLS as f32).round() as usize;
    (0..METER_CELLS)
        .map(|i| if i < filled { '▮' } else { '▯' })
        .collect()
}

/// Reads `text` aloud through `speaker` until it has finished or any key
/// is pressed (the key is consumed: it only ends the reading). `Some` when
/// the session was ended meanwhile (Ctrl-C, a signal, a hang-up).
pub(crate) fn speak_until_key(
    speaker: &str,
    text: &str,
    signals: &Signals,
) -> io::Result<Option<Interrupt>> {
    speak(speaker, text, signals, || {
        let key = input::next(Duration::from_millis(30), InputMode::Typed)?;
        Ok(match key.map(|stamped| stamped.action) {
            Some(Action::EndSession) => Some(Some(Interrupt::CtrlC)),
            Some(Action::HangUp) => Some(Some(Interrupt::Signal(SIGHUP))),
            Some(Action::Engine(_)) => Some(None),
            Some(Action::Resize | Action::Ignore) | None => None,
        })
    })
}

/// Reads `text` aloud through `speaker` to its end (no keys to cut it
/// short off a terminal). `Some` when a signal ended the session.
pub(crate) fn speak_to_end(
    speaker: &str,
    text: &str,
    signals: &Signals,
) -> io::Result<Option<Interrupt>> {
    speak(speaker, text, signals, || {
        std::thread::sleep(Duration::from_millis(10));
        Ok(None)
    })
}

/// Reads `text` aloud until it has finished, a signal comes, or `between`
/// (called while it speaks, and waiting a little) says to stop: then with
/// what it says ended the session, if anything.
fn speak(
    speaker: &str,
    text: &str,
    signals: &Signals,
    mut between: impl FnMut() -> io::Result<Option<Option<Interrupt>>>,
) -> io::Result<Option<Interrupt>> {
    let mut speaking = start_speaking(speaker, text)?;
    loop {
        if let Some(sig) = signals.pending() {
            speaking.stop();
            return Ok(Some(Interrupt::Signal(sig)));
        }
        if let Some(result) = speaking.done()? {
            return spoken(result).map(|()| None);
        }
        if let Some(ended) = between()? {
            speaking.stop();
            return Ok(ended);
        }
    }
}

fn start_speaking(speaker: &str, text: &str) -> io::Result<Speaking> {
    Speaking::start(speaker, text)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot start the speaker: {e}")))
}

/// A speaker that failed is a runtime error: the user asked to hear the
/// questions.
fn spoken(result: Result<(), crate::voice::speaker::SpeakerFailed>) -> io::Result<()> {
    result.map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meter_is_logarithmic_and_bounded() {
        assert_eq!(meter(0.0), "▯▯▯▯▯▯▯▯");
        assert_eq!(meter(1.0), "▮▮▮▮▮▮▮▮");
        assert_eq!(meter(2.0), "▮▮▮▮▮▮▮▮");
        // −30 dBFS is half way.
        assert_eq!(meter(0.031_6), "▮▮▮▮▯▯▯▯");
        assert_eq!(meter(0.000_1), "▯▯▯▯▯▯▯▯");
    }
}
