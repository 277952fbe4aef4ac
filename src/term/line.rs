//! Line input, used automatically when standard input is not a terminal:
//! one answer per line, no raw mode, no bar, no gates, no prompts. The
//! question is printed, one line is read and handed to the engine with the
//! time it arrived. This is how scripts, tests and screen readers drive a
//! drill.
//!
//! Standard input is read on a helper thread so that the session loop can
//! keep checking for signals while it waits; each line is stamped the
//! moment the read returns.

use std::io::{self, BufRead, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use super::guard::Signals;
use super::style::Paint;
use super::ui::{Interrupt, Outcome, Prompt, Ui, WAKE, write_question};
use crate::drill::answer::MAX_ANSWER_CHARS;
use crate::drill::{Answer, AnswerRules, Event, Phase};
use crate::text::Line;

/// What waiting for a line produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// A line (without its `\r\n`) and when it was read.
    Line(String, Instant),
    /// Input ended.
    Eof,
    /// Nothing yet; ask again.
    Pending,
}

/// Where lines come from.
pub trait LineSource {
    /// Waits up to `timeout` for the next line.
    fn next_line(&mut self, timeout: Duration) -> io::Result<Next>;
}

/// Lines of standard input, read on a helper thread.
#[derive(Debug)]
pub struct StdinLines {
    rx: Receiver<io::Result<Option<(String, Instant)>>>,
    ended: bool,
}

impl StdinLines {
    /// Starts the reader thread.
    pub fn spawn() -> io::Result<Self> {
        // A rendezvous channel: the thread reads at most one line ahead, so
        // a line's stamp is never much older than the question it answers.
        let (tx, rx) = sync_channel(0);
        std::thread::Builder::new()
            .name("hotseat-stdin".into())
            .spawn(move || read_lines(io::stdin().lock(), &tx))?;
        Ok(Self { rx, ended: false })
    }
}

/// The most bytes of one line kept: enough for [`MAX_ANSWER_CHARS`]
/// characters of any script plus one (a char is at most four bytes), so an
/// answer cut here is still seen as over the cap by the engine, which does
/// the exact cut and marks it truncated.
pub const MAX_LINE_BYTES: usize = 4 * (MAX_ANSWER_CHARS + 1);

/// Sends each line of `reader` with the instant it was read, then `None`.
/// Lines are read through the reader's buffer in bounded chunks: of a line
/// longer than [`MAX_LINE_BYTES`] only the first that many bytes are kept
/// and the rest is dropped up to its newline, so one huge line costs no
/// memory and the next line is still the next answer.
fn read_lines(mut reader: impl BufRead, tx: &SyncSender<io::Result<Option<(String, Instant)>>>) {
    loop {
        let msg = match read_capped_line(&mut reader, MAX_LINE_BYTES) {
            Ok(None) => Ok(None),
            Ok(Some(buf)) => Ok(Some((strip_eol(&buf), Instant::now()))),
            Err(e) => Err(e),
        };
        let last = !matches!(msg, Ok(Some(_)));
        if tx.send(msg).is_err() || last {
            return;
        }
    }
}

/// One line of `reader` with its `\n` (if it had one), keeping at most
/// `max` bytes and consuming the rest of the line unread. `None` at the end.
pub fn read_capped_line(reader: &mut impl BufRead, max: usize) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(any.then_some(buf));
        }
        any = true;
        let (used, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = max.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..used.min(room)]);
        reader.consume(used);
        if done {
            return Ok(Some(buf));
        }
    }
}

/// The line without its `\n` or `\r\n`; invalid UTF-8 replaced, not fatal.
fn strip_eol(buf: &[u8]) -> String {
    let line = buf.strip_suffix(b"\n").unwrap_or(buf);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    String::from_utf8_lossy(line).into_owned()
}

impl LineSource for StdinLines {
    fn next_line(&mut self, timeout: Duration) -> io::Result<Next> {
        if self.ended {
            return Ok(Next::Eof);
        }
        match self.rx.recv_timeout(timeout) {
            Ok(Ok(Some((line, at)))) => Ok(Next::Line(line, at)),
            Ok(Ok(None)) | Err(RecvTimeoutError::Disconnected) => {
                self.ended = true;
                Ok(Next::Eof)
            }
            Ok(Err(e)) => {
                self.ended = true;
                Err(e)
            }
            Err(RecvTimeoutError::Timeout) => Ok(Next::Pending),
        }
    }
}

/// A [`Ui`] reading one answer per line.
///
/// Colour follows `--color` exactly as in raw mode, label for label (the
/// question in bold, "Tip:" and "Follow-up:"); with it off (the default
/// off a terminal) the output is plain text.
pub struct LineUi<S: LineSource, W: Write> {
    source: S,
    out: W,
    paint: Paint,
    signals: Signals,
    clock: fn() -> Instant,
    /// `--speak`: the speaker command reading each question aloud.
    speaker: Option<String>,
}

impl<S: LineSource, W: Write> std::fmt::Debug for LineUi<S, W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LineUi").finish_non_exhaustive()
    }
}

impl<S: LineSource, W: Write> LineUi<S, W> {
    /// Reads lines from `source`, writes to `out` coloured by `paint`;
    /// `clock` says when the question was drawn (`Instant::now` outside
    /// tests).
    pub fn new(source: S, out: W, paint: Paint, signals: Signals, clock: fn() -> Instant) -> Self {
        Self {
            source,
            out,
            paint,
            signals,
            clock,
            speaker: None,
        }
    }

    /// Reads each question aloud through `speaker` (`--speak`), to its end,
    /// before the think clock starts.
    #[must_use]
    pub fn with_speaker(mut self, speaker: Option<String>) -> Self {
        self.speaker = speaker;
        self
    }

    /// The output written so far (tests).
    pub fn output(&self) -> &W {
        &self.out
    }
}

impl<S: LineSource, W: Write> Ui for LineUi<S, W> {
    fn ask(&mut self, prompt: &Prompt<'_>, rules: AnswerRules) -> io::Result<Outcome> {
        let mut block = Vec::new();
        write_question(&mut block, prompt)?;
        // Emphasised line by line, as the raw mode draws it.
        for line in String::from_utf8_lossy(&block).lines() {
            if line.is_empty() {
                writeln!(self.out)?;
            } else {
                writeln!(self.out, "{}", self.paint.strong(line))?;
            }
        }
        writeln!(self.out)?;
        self.out.flush()?;
        if let Some(speaker) = &self.speaker
            && let Some(why) = super::voice::speak_to_end(speaker, prompt.text, &self.signals)?
        {
            return Ok(Outcome::Interrupted(why));
        }
        let t0 = (self.clock)();
        let mut answer = Answer::new(rules);
        loop {
            if let Some(sig) = self.signals.pending() {
                return Ok(Outcome::Interrupted(Interrupt::Signal(sig)));
            }
            match self.source.next_line(WAKE)? {
                Next::Line(text, at) => {
                    let at = at.saturating_duration_since(t0);
                    if answer.feed(at, Event::Line(text)) != Phase::Done {
                        answer.feed(at, Event::Submit);
                    }
                    break;
                }
                Next::Eof => return Ok(Outcome::Interrupted(Interrupt::EndOfInput)),
                Next::Pending => {
                    let now = (self.clock)().saturating_duration_since(t0);
                    if answer.tick(now) == Phase::Done {
                        break;
                    }
                }
            }
        }
        answer
            .measured()
            .map(Outcome::Finished)
            .ok_or_else(|| io::Error::other("the answer ended without measurements"))
    }

    fn show(&mut self, lines: &[Line]) -> io::Result<()> {
        for line in lines {
            for row in self.paint.lines(line, None, "") {
                writeln!(self.out, "{row}")?;
            }
        }
        self.out.flush()
    }

    fn next_gate(&mut self) -> io::Result<Option<Interrupt>> {
        // No gates in line mode: the next line answers the next question.
        Ok(self.signals.pending().map(Interrupt::Signal))
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Lines given in advance, for tests of line input and of the session
/// runner: each `next_line` takes the next one, then end of input.
#[cfg(test)]
pub(crate) struct Script(pub(crate) std::collections::VecDeque<Next>);

#[cfg(test)]
impl LineSource for Script {
    fn next_line(&mut self, _timeout: Duration) -> io::Result<Next> {
        Ok(self.0.pop_front().unwrap_or(Next::Eof))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::OnceLock;

    use super::*;
    use crate::drill::InputMode;

    /// A fixed "question drawn" instant shared by the fake clock and the
    /// fake source.
    fn base() -> Instant {
        static BASE: OnceLock<Instant> = OnceLock::new();
        *BASE.get_or_init(Instant::now)
    }

    fn rules() -> AnswerRules {
        AnswerRules {
            input: InputMode::Line,
            limit: Duration::from_secs(90),
            think_target: Duration::from_secs(10),
            pause_threshold: Duration::from_secs(3),
            strict: false,
            skip: true,
        }
    }

    fn prompt() -> Prompt<'static> {
        Prompt {
            number: 1,
            total: 2,
            title: "Weaknesses",
            text: "What is your greatest weakness?",
            question: "fixture/q",
            tips: &[],
        }
    }

    #[test]
    fn lines_are_read_with_their_newlines_stripped() {
        let (tx, rx) = sync_channel(4);
        let input = io::Cursor::new(b"first answer\r\nsecond \xff\nlast".to_vec());
        read_lines(input, &tx);
        let got: Vec<_> = rx.try_iter().map(|m| m.unwrap().map(|(s, _)| s)).collect();
        assert_eq!(
            got,
            vec![
                Some("first answer".to_string()),
                Some("second \u{fffd}".to_string()),
                Some("last".to_string()),
                None
            ]
        );
    }

    #[test]
    fn a_line_is_fed_at_the_time_it_arrived() {
        let script = Script(VecDeque::from([
            Next::Pending,
            Next::Line(
                "I tend to over prepare".into(),
                base() + Duration::from_millis(1_500),
            ),
        ]));
        let mut ui = LineUi::new(script, Vec::new(), Paint::new(false), Signals::none(), base);
        let Outcome::Finished(m) = ui.ask(&prompt(), rules()).unwrap() else {
            panic!("expected an answer");
        };
        assert_eq!(m.think_ms, 1_500);
        assert_eq!(m.text, "I tend to over prepare");
        let shown = String::from_utf8(ui.output().clone()).unwrap();
        assert_eq!(
            shown,
            "\nQuestion 1 of 2 · Weaknesses\nWhat is your greatest weakness?\n\n"
        );
    }

    #[test]
    fn end_of_input_interrupts_the_session() {
        let mut ui = LineUi::new(
            Script(VecDeque::new()),
            Vec::new(),
            Paint::new(false),
            Signals::none(),
            base,
        );
        assert_eq!(
            ui.ask(&prompt(), rules()).unwrap(),
            Outcome::Interrupted(Interrupt::EndOfInput)
        );
    }

    #[test]
    fn a_signal_while_waiting_ends_the_session() {
        let signals = Signals::none();
        signals.raise(15);
        let script = Script(VecDeque::from([Next::Pending]));
        let mut ui = LineUi::new(script, Vec::new(), Paint::new(false), signals, base);
        assert_eq!(
            ui.ask(&prompt(), rules()).unwrap(),
            Outcome::Interrupted(Interrupt::Signal(15))
        );
        assert_eq!(ui.next_gate().unwrap(), Some(Interrupt::Signal(15)));
    }
}

#[cfg(test)]
mod capped_tests {
    use std::io::{BufReader, Cursor};
    use std::sync::mpsc::sync_channel;

    use super::*;

    #[test]
    fn a_long_line_is_kept_only_up_to_the_cap_and_the_next_line_follows() {
        let text = format!("{}\nnext\nlast", "x".repeat(10_000));
        let mut r = BufReader::with_capacity(256, Cursor::new(text));
        let first = read_capped_line(&mut r, 1_000).unwrap().unwrap();
        assert_eq!(first, vec![b'x'; 1_000]);
        assert_eq!(read_capped_line(&mut r, 1_000).unwrap().unwrap(), b"next\n");
        assert_eq!(read_capped_line(&mut r, 1_000).unwrap().unwrap(), b"last");
        assert_eq!(read_capped_line(&mut r, 1_000).unwrap(), None);
    }

    #[test]
    fn the_reader_thread_sends_each_line_capped() {
        let text = format!("{}\r\nsecond\n", "é".repeat(MAX_LINE_BYTES));
        let (tx, rx) = sync_channel(4);
        read_lines(BufReader::with_capacity(4096, Cursor::new(text)), &tx);
        let (first, _) = rx.recv().unwrap().unwrap().unwrap();
        // Cut inside the bytes cap; still more chars than an answer keeps.
        assert!(first.len() <= MAX_LINE_BYTES + 3, "{}", first.len());
        assert!(first.chars().count() > MAX_ANSWER_CHARS);
        let (second, _) = rx.recv().unwrap().unwrap().unwrap();
        assert_eq!(second, "second");
        assert!(rx.recv().unwrap().unwrap().is_none());
    }
}
