//! The countdown under a question, and the answer being typed beneath it.
//! The only file that knows indicatif.
//!
//! Nothing here runs on its own: no steady tick, no thread. The input loop
//! calls [`Countdown::update`] at every wake (at least 4 times a second)
//! and after every key, and that call is the only thing that writes. The
//! bar and the typed text are one template key of ours, so indicatif's
//! cursor moves redraw them instead of fighting them.
//!
//! The bar has one meaning from the first frame to the last: the time used
//! of the answer limit, with the think target as a mark on it. Its width is
//! fixed when the countdown starts, and the whole frame is fitted to the
//! rows the question leaves free (tips give way before the answer), so the
//! question never scrolls away and the last frame sits where the others
//! did. Every label is cut at a word boundary to fit beside the bar.
//!
//! Where no bar can be drawn (dumb terminal, output not a terminal) plain
//! lines stand in: a time line every 5 s, the tips printed once on their
//! own lines, and edits redrawn with backspaces, never with cursor moves.

use std::io::{self, IsTerminal, Write};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crossterm::{cursor, queue, terminal};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike};
use unicode_segmentation::UnicodeSegmentation;

use crate::drill::{InputMode, Phase};
use crate::text::duration::clock;
use crate::text::{Label, Line, clean, width, with_ellipsis, wrap};

/// Everything the countdown shows at one moment.
#[derive(Debug, Clone)]
pub struct Frame<'a> {
    /// Time since the question was fully drawn.
    pub elapsed: Duration,
    /// Where the answer stands.
    pub phase: Phase,
    /// Typed or spoken.
    pub input: InputMode,
    /// The answer limit (from the question being drawn).
    pub limit: Duration,
    /// The target think time.
    pub think_target: Duration,
    /// The answer typed so far (untrusted: sanitized here).
    pub text: &'a str,
    /// Where the cursor is in `text` (a byte offset; past the end or off a
    /// char boundary it is drawn at the end).
    pub cursor: usize,
    /// A note under the answer until the next key ("type your answer…").
    pub notice: Option<&'a str>,
    /// Tips to show above the answer (empty until Tab is pressed).
    pub tips: &'a [String],
    /// Spoken: stumbles marked so far.
    pub marks: u32,
    /// Replaces the time label once the answer is done ("submitted" …).
    pub status: Option<&'a str>,
}

/// The countdown for one question.
#[derive(Debug)]
pub struct Countdown {
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Bar {
        bar: ProgressBar,
        term: BufferedTerm,
        /// What the `{screen}` key prints: bar and label, then message lines.
        screen: Arc<Mutex<String>>,
        /// Cells of the bar, fixed for the life of the countdown.
        cells: usize,
        /// Rows the whole frame may take (the window's rows below the
        /// question).
        rows: usize,
    },
    Plain(Plain),
}

/// Whether a bar can be drawn on standard output.
#[must_use]
pub fn bar_possible() -> bool {
    !dumb_terminal() && io::stdout().is_terminal()
}

/// Whether `TERM` says the terminal understands no escape sequences.
#[must_use]
pub fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|t| t == "dumb")
}

/// The template: only [`SCREEN_KEY`], whose text (bar, label, message
/// lines) is drawn and wrapped by us; indicatif brings the redraw.
fn template() -> String {
    format!("{{{SCREEN_KEY}}}")
}

/// Cells the bar takes: 30, less on a narrow terminal so that a label
/// still fits on the bar's line (under a third of the width at the
/// narrowest).
fn bar_width(columns: u16) -> usize {
    let cells = columns
        .saturating_sub(45)
        .clamp(10, 30)
        .min(columns.saturating_mul(3) / 10);
    usize::from(cells.max(4))
}
/// The template key whose text the input loop sets before each draw.
const SCREEN_KEY: &str = "screen";

impl Countdown {
    /// A countdown that draws a bar when `bar` is true, else plain lines,
    /// in at most `rows` rows (the window's rows left below the question;
    /// at least 2 are used). The cursor must be at the start of an empty
    /// line.
    pub fn new(bar: bool, rows: usize) -> io::Result<Self> {
        if !bar {
            return Ok(Self {
                kind: Kind::Plain(Plain::new(super::ui::terminal_width())),
            });
        }
        let term = BufferedTerm::default();
        let (columns, _) = term.refresh_size();
        let screen = Arc::new(Mutex::new(String::new()));
        let shown = Arc::clone(&screen);
        let style = ProgressStyle::with_template(&template())
            .map_err(io::Error::other)?
            .with_key(
                SCREEN_KEY,
                move |_: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let text = shown.lock().unwrap_or_else(PoisonError::into_inner);
                    let _ = w.write_str(&text);
                },
            );
        let bar = ProgressBar::with_draw_target(
            Some(1),
            ProgressDrawTarget::term_like(Box::new(term.clone())),
        )
        .with_style(style);
        let mut out = io::stdout();
        queue!(out, cursor::Hide)?;
        Ok(Self {
            kind: Kind::Bar {
                bar,
                term,
                screen,
                cells: bar_width(columns),
                rows: rows.max(2),
            },
        })
    }

    /// Draws `frame`. The one place that writes while a question is open:
    /// one indicatif draw, presented in one write.
    pub fn update(&mut self, frame: &Frame<'_>) -> io::Result<()> {
        match &mut self.kind {
            Kind::Bar {
                bar,
                term,
                screen,
                cells,
                rows,
            } => {
                let (width, _) = term.size();
                // Nothing is written into the last column: a row filled to
                // the edge would leave the cursor in the terminal's
                // pending-wrap state, which terminals disagree on.
                let width = usize::from(width).saturating_sub(1).max(10);
                let (pos, len) = bar_state(frame);
                let room = width.saturating_sub(*cells + 1);
                let label = fit(&labels(frame), room);
                let lines = message_lines(frame, width, rows.saturating_sub(1).max(1));
                {
                    let mut text = screen.lock().unwrap_or_else(PoisonError::into_inner);
                    text.clear();
                    text.push_str(&draw_bar(frame, *cells));
                    text.push(' ');
                    text.push_str(&label);
                    for line in &lines {
                        text.push('\n');
                        text.push_str(line);
                    }
                }
                // With no steady tick, `update` draws exactly once.
                bar.update(|s| {
                    s.set_len(len.max(1));
                    s.set_pos(pos);
                });
                term.present()
            }
            Kind::Plain(plain) => plain.update(frame),
        }
    }

    /// Whether this countdown draws a bar (and so must be redrawn from
    /// scratch when the window changes size).
    #[must_use]
    pub fn is_bar(&self) -> bool {
        matches!(self.kind, Kind::Bar { .. })
    }

    /// Drops the countdown without drawing anything more (the caller is
    /// about to clear the screen and start a new one).
    pub fn discard(self) {
        if let Kind::Bar { bar, term, .. } = self.kind {
            term.detach();
            bar.abandon();
        }
    }

    /// Leaves the last frame on screen and moves below it, cursor shown,
    /// with a blank line before whatever comes next.
    pub fn finish(self) -> io::Result<()> {
        let mut out = io::stdout();
        match self.kind {
            Kind::Bar { bar, term, .. } => {
                // `abandon`, not `finish`: finish would fill the bar.
                bar.abandon();
                term.present()?;
                // Discard whatever a later drop might draw: the screen
                // below now belongs to the feedback.
                term.detach();
                queue!(out, cursor::Show)?;
                out.write_all(b"\r\n\r\n")?;
            }
            Kind::Plain(_) => out.write_all(b"\r\n\r\n")?,
        }
        out.flush()
    }
}

/// Bar position and length, both in ms: the time used of the limit, from
/// the first frame to the last (thinking included, as an interviewer's
/// clock would count it).
fn bar_state(f: &Frame<'_>) -> (u64, u64) {
    let ms = crate::drill::millis;
    let len = ms(f.limit).max(1);
    (ms(f.elapsed).min(len), len)
}

/// The bar, `cells` wide: the time used of the limit filled in, and the
/// think target as a mark (`│` ahead, `▓` once passed) where it falls.
fn draw_bar(f: &Frame<'_>, cells: usize) -> String {
    let (pos, len) = bar_state(f);
    let cells64 = u64::try_from(cells).unwrap_or(u64::MAX);
    let at = |ms: u64| usize::try_from(ms.saturating_mul(cells64) / len).unwrap_or(cells);
    let filled = at(pos);
    let think = crate::drill::millis(f.think_target);
    // A target at or past the limit has no place on the bar.
    let mark = (think > 0 && think < len).then(|| at(think).min(cells.saturating_sub(1)));
    (0..cells)
        .map(|i| match (Some(i) == mark, i < filled) {
            (true, _) if pos >= think => '▓',
            (true, false) => '│',
            (true, true) => '▓',
            (false, true) => '█',
            (false, false) => '░',
        })
        .collect()
}

/// The label beside the bar, longest first: each next one says the same
/// in fewer columns, for narrower windows ([`fit`] picks).
fn labels(f: &Frame<'_>) -> Vec<String> {
    if let Some(status) = f.status {
        return vec![status.to_string()];
    }
    let (used, target) = (clock(f.elapsed), clock(f.think_target));
    match f.phase {
        Phase::Thinking if f.elapsed <= f.think_target => vec![
            format!("thinking {used} · aim to start within {target}"),
            format!("thinking {used} · aim for {target}"),
            format!("thinking {used}/{target}"),
        ],
        Phase::Thinking => vec![
            format!("thinking {used} · past your {target} target"),
            format!("thinking {used} · past {target}"),
            format!("thinking {used}"),
        ],
        _ if f.elapsed > f.limit => vec![
            time_left(f.elapsed, f.limit),
            format!("over by {}", clock(f.elapsed.checked_sub(f.limit).unwrap())),
        ],
        _ => vec![time_left(f.elapsed, f.limit)],
    }
}

/// The first of `labels` that fits in `room` columns; else the last one
/// cut at a word boundary, ending in "…".
fn fit(labels: &[String], room: usize) -> String {
    if let Some(label) = labels.iter().find(|l| width(l) <= room) {
        return label.clone();
    }
    labels
        .last()
        .map_or_else(String::new, |l| with_ellipsis(l, room))
}

/// "45s left", or "over the limit by 12s".
fn time_left(elapsed: Duration, limit: Duration) -> String {
    if elapsed <= limit {
        // Round the time left up, so "0s left" never shows while time is left.
        let left = limit.checked_sub(elapsed).unwrap();
        let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        format!("{} left", clock(Duration::from_secs(secs)))
    } else {
        format!(
            "over the limit by {}",
            clock(elapsed.checked_sub(limit).unwrap())
        )
    }
}

/// A tip as the countdown shows it: `Tip: …`, sanitized. The countdown
/// draws no colour, so the label is plain text here.
fn tip_line(tip: &str) -> String {
    Line::labelled(Label::Tip, clean(tip)).to_string()
}

/// The lines under the bar: tips if shown, then the answer (typed) or the
/// talking status (spoken), wrapped to `width` columns, in at most
/// `max_lines` rows. The answer keeps its last rows (the end of a long
/// answer stays in view, "…" above it); tips give way first, cut with
/// "…", but keep a row once opened so that Tab visibly did something.
fn message_lines(f: &Frame<'_>, width: usize, max_lines: usize) -> Vec<String> {
    let mut tips = Vec::new();
    for tip in f.tips {
        tips.extend(wrap(&tip_line(tip), width, &Label::Tip.hang()));
    }
    let mut lines = match f.input {
        InputMode::Spoken => wrap(
            &match f.phase {
                Phase::Thinking => "Press Space when you start talking.".to_string(),
                Phase::Answering => {
                    format!("Talking · Space marks a stumble ({} marked)", f.marks)
                }
                Phase::Done => format!("Done · {} marked", f.marks),
            },
            width,
            "",
        ),
        // Voice: the UI's listening line (level meter, the silence under
        // way), one or more rows.
        InputMode::Voice => match (f.phase, f.notice) {
            (Phase::Done, _) => vec!["Done".to_string()],
            (_, Some(notice)) => notice.lines().flat_map(|l| wrap(l, width, "")).collect(),
            (_, None) => wrap("Listening", width, ""),
        },
        _ => {
            let (before, after) = split_at_cursor(f);
            let cursor = if f.phase == Phase::Done { "" } else { CURSOR };
            let shown = format!("> {}{cursor}{}", clean(before), clean(after));
            wrap(&shown, width, "  ")
        }
    };
    // Typed and spoken answers show it under the answer (Esc in a
    // rehearsal says why nothing happened); voice already drew it above.
    if let Some(notice) = f.notice.filter(|_| f.input != InputMode::Voice) {
        lines.extend(wrap(notice, width, ""));
    }
    let tip_rows = usize::from(!tips.is_empty() && max_lines >= 2);
    keep_last(&mut lines, max_lines.saturating_sub(tip_rows).max(1));
    let left = max_lines.saturating_sub(lines.len());
    if tips.len() > left {
        tips.truncate(left);
        if let Some(last) = tips.last_mut() {
            *last = with_ellipsis(last, width);
        }
    }
    tips.extend(lines);
    tips
}

/// Keeps the last `max` of `lines`, the first kept one replaced by "…"
/// when that leaves a line of text to see.
fn keep_last(lines: &mut Vec<String>, max: usize) {
    if lines.len() > max {
        let cut = lines.len() - max;
        lines.drain(..cut);
        if lines.len() >= 2
            && let Some(first) = lines.first_mut()
        {
            *first = "…".to_string();
        }
    }
}

/// What marks the cursor in the answer: drawn as a character of the text,
/// it wraps with the text (the terminal's own cursor is hidden while the
/// bar is drawn, and a dumb terminal has none to move).
const CURSOR: &str = "▏";

/// The frame's text before and after its cursor.
fn split_at_cursor<'a>(f: &Frame<'a>) -> (&'a str, &'a str) {
    let at = f.cursor.min(f.text.len());
    let at = if f.text.is_char_boundary(at) {
        at
    } else {
        f.text.len()
    };
    f.text.split_at(at)
}

/// An indicatif target that collects a frame in memory, so that one
/// [`BufferedTerm::present`] writes it to the terminal in a single write,
/// with crossterm's cursor moves (which work with raw mode's bare `\n`).
///
/// indicatif 0.18 ends each line of a frame by padding it with spaces to
/// the terminal's width and lets the terminal's auto-wrap move to the next
/// row. That marks every row as soft-wrapped, so terminals re-flow the
/// whole frame as one paragraph (on resize, copy, in screen readers). Here
/// the padding (the `write_str` that follows each line) becomes "erase to
/// end of line", and the next line starts with a real `\r\n`. Our lines
/// are wrapped to less than the width beforehand, so the row count
/// indicatif computes is unchanged; the cursor stays after the last line's
/// text, which its next frame's cursor-up and clear-line handle the same.
#[derive(Debug, Clone, Default)]
struct BufferedTerm {
    shared: Arc<Mutex<TermBuffer>>,
}

#[derive(Debug, Default)]
struct TermBuffer {
    bytes: Vec<u8>,
    detached: bool,
    /// (columns, rows), read when the countdown starts and on resize, not
    /// each time indicatif asks.
    size: Option<(u16, u16)>,
    /// The next `write_str` is the padding after a line.
    expect_padding: bool,
    /// A line was padded: the next line starts on a new row.
    line_open: bool,
}

impl BufferedTerm {
    fn with<R>(&self, f: impl FnOnce(&mut TermBuffer) -> R) -> R {
        let mut guard = self.shared.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut guard)
    }

    fn push(&self, bytes: &[u8]) {
        self.with(|b| {
            if !b.detached {
                b.bytes.extend_from_slice(bytes);
            }
        });
    }

    fn push_command(&self, command: impl crossterm::Command) -> io::Result<()> {
        let mut s = String::new();
        command.write_ansi(&mut s).map_err(io::Error::other)?;
        self.push(s.as_bytes());
        Ok(())
    }

    /// A cursor move by `n` cells (clamped to what the escape can say).
    /// "ESC [ 0 A" moves one line on most terminals: nothing is emitted
    /// for 0.
    fn push_move<C: crossterm::Command>(&self, n: usize, make: fn(u16) -> C) -> io::Result<()> {
        self.end_of_frame_text();
        match u16::try_from(n).unwrap_or(u16::MAX) {
            0 => Ok(()),
            n => self.push_command(make(n)),
        }
    }

    /// Anything but a line's text ends the run of lines being written.
    fn end_of_frame_text(&self) {
        self.with(|b| {
            b.expect_padding = false;
            b.line_open = false;
        });
    }

    /// Writes the collected frame to standard output.
    fn present(&self) -> io::Result<()> {
        let bytes = self.with(|b| std::mem::take(&mut b.bytes));
        let mut out = io::stdout().lock();
        out.write_all(&bytes)?;
        out.flush()
    }

    /// Drops anything drawn from now on.
    fn detach(&self) {
        self.with(|b| {
            b.detached = true;
            b.bytes.clear();
        });
    }

    /// Reads the terminal size (with a usable fallback when it is
    /// unknown) and keeps it for this frame.
    fn refresh_size(&self) -> (u16, u16) {
        let size = super::ui::terminal_size();
        self.with(|b| b.size = Some(size));
        size
    }

    /// The size last read.
    fn size(&self) -> (u16, u16) {
        match self.with(|b| b.size) {
            Some(size) => size,
            None => self.refresh_size(),
        }
    }
}

impl TermLike for BufferedTerm {
    fn width(&self) -> u16 {
        self.size().0
    }

    fn height(&self) -> u16 {
        self.size().1
    }

    fn move_cursor_up(&self, n: usize) -> io::Result<()> {
        self.push_move(n, cursor::MoveUp)
    }

    fn move_cursor_down(&self, n: usize) -> io::Result<()> {
        self.push_move(n, cursor::MoveDown)
    }

    fn move_cursor_right(&self, n: usize) -> io::Result<()> {
        self.push_move(n, cursor::MoveRight)
    }

    fn move_cursor_left(&self, n: usize) -> io::Result<()> {
        self.push_move(n, cursor::MoveLeft)
    }

    fn write_line(&self, s: &str) -> io::Result<()> {
        self.end_of_frame_text();
        self.push(s.as_bytes());
        self.push(b"\r\n");
        Ok(())
    }

    fn write_str(&self, s: &str) -> io::Result<()> {
        let padding = self.with(|b| std::mem::take(&mut b.expect_padding));
        if padding {
            self.with(|b| b.line_open = true);
            return self.push_command(terminal::Clear(terminal::ClearType::UntilNewLine));
        }
        let newline = self.with(|b| {
            b.expect_padding = true;
            std::mem::take(&mut b.line_open)
        });
        if newline {
            self.push(b"\r\n");
        }
        self.push(s.as_bytes());
        Ok(())
    }

    fn clear_line(&self) -> io::Result<()> {
        self.end_of_frame_text();
        self.push(b"\r");
        self.push_command(terminal::Clear(terminal::ClearType::CurrentLine))
    }

    fn flush(&self) -> io::Result<()> {
        // Presented by the input loop, once per wake.
        Ok(())
    }
}

/// The stand-in for a bar, for terminals that only scroll: a line every
/// 5 s, the tips printed once on their own lines when opened, the typed
/// text echoed as it grows. A deletion is drawn as `\b \b` per column
/// while it stays on the answer's last row; only one that reaches back
/// over a wrapped row rewrites the answer on a new line.
#[derive(Debug)]
struct Plain {
    /// The terminal's columns when the countdown started.
    columns: usize,
    /// The 5-second step last announced.
    announced: u64,
    /// What is on the current answer line after "> ".
    echoed: Option<String>,
    /// Spoken: the status line last printed.
    status: String,
    /// The tips have been printed.
    tips_shown: bool,
    /// The final status has been printed.
    done_shown: bool,
    /// The frame's notice has been printed.
    noticed: bool,
}

/// What starts the answer line.
const PROMPT: &str = "> ";

impl Plain {
    fn new(columns: usize) -> Self {
        Self {
            columns: columns.max(10),
            announced: 0,
            echoed: None,
            status: String::new(),
            tips_shown: false,
            done_shown: false,
            noticed: false,
        }
    }

    fn update(&mut self, f: &Frame<'_>) -> io::Result<()> {
        let mut bytes = Vec::new();
        self.draw(f, &mut bytes)?;
        let mut out = io::stdout().lock();
        out.write_all(&bytes)?;
        out.flush()
    }

    /// Writes what changed since the last frame to `out`.
    fn draw(&mut self, f: &Frame<'_>, out: &mut impl Write) -> io::Result<()> {
        let step = f.elapsed.as_secs() / 5;
        if step > self.announced && f.phase != Phase::Done {
            self.announced = step;
            write!(out, "\r\n  {}\r\n", time_left(f.elapsed, f.limit))?;
            // The answer line was interrupted: print it again in full.
            self.echoed = None;
        }
        if !f.tips.is_empty() && !self.tips_shown {
            self.tips_shown = true;
            if self.echoed.is_some() || !self.status.is_empty() {
                out.write_all(b"\r\n")?;
            }
            for tip in f.tips {
                for line in wrap(&tip_line(tip), self.columns - 1, &Label::Tip.hang()) {
                    write!(out, "{line}\r\n")?;
                }
            }
            self.echoed = None;
        }
        // Spoken answers get it too (Esc in a rehearsal says why nothing
        // happened); a voice answer's notice is its live listening line,
        // which a plain terminal cannot redraw: it prints a line per phase.
        if f.input != InputMode::Voice && f.notice.is_some() != self.noticed {
            self.noticed = f.notice.is_some();
            if let Some(notice) = f.notice {
                if self.echoed.is_some() {
                    out.write_all(b"\r\n")?;
                }
                for line in wrap(&clean(notice), self.columns - 1, "") {
                    write!(out, "{line}\r\n")?;
                }
                self.echoed = None;
            }
        }
        match f.input {
            InputMode::Spoken => {
                let status = match f.phase {
                    Phase::Thinking => "Press Space when you start talking.".to_string(),
                    _ => format!("Stumbles marked: {}", f.marks),
                };
                if status != self.status {
                    write!(out, "{status}\r\n")?;
                    self.status = status;
                }
            }
            // A scrolling terminal cannot redraw a level meter: one line
            // when listening starts and one when speech is heard.
            InputMode::Voice => {
                let status = match f.phase {
                    Phase::Thinking => "Listening: speak when ready, Enter when done.",
                    Phase::Answering => "Heard you start.",
                    Phase::Done => "",
                };
                if !status.is_empty() && status != self.status {
                    write!(out, "{status}\r\n")?;
                    self.status = status.to_string();
                }
            }
            _ => {
                // The marker only off the end: typing at the end appends.
                let (before, after) = split_at_cursor(f);
                let cursor = if after.is_empty() || f.phase == Phase::Done {
                    ""
                } else {
                    CURSOR
                };
                let text = format!("{}{cursor}{}", clean(before), clean(after)).replace('\n', " ");
                self.echo(&text, out)?;
                self.echoed = Some(text);
            }
        }
        if let Some(status) = f.status
            && !self.done_shown
        {
            self.done_shown = true;
            let lead = if matches!(f.input, InputMode::Spoken | InputMode::Voice) {
                ""
            } else {
                "\r\n"
            };
            write!(out, "{lead}  {}", clean(status))?;
        }
        Ok(())
    }

    /// Brings the answer line from what is echoed to `text`.
    fn echo(&self, text: &str, out: &mut impl Write) -> io::Result<()> {
        let Some(shown) = &self.echoed else {
            return write!(out, "{PROMPT}{text}");
        };
        let common = common_prefix(shown, text);
        let removed = width(&shown[common..]);
        if removed > 0 {
            // Columns are counted from the start of the answer line: the
            // deletion stays on the row the cursor is on, and the cursor
            // is not parked at the very edge (where terminals differ).
            let start = PROMPT.len() + width(&shown[..common]);
            let end = PROMPT.len() + width(shown);
            let row = |col: usize| col / self.columns;
            if end.is_multiple_of(self.columns) || row(start) != row(end) {
                return write!(out, "\r\n{PROMPT}{text}");
            }
            let back = "\x08".repeat(removed);
            write!(out, "{back}{}{back}", " ".repeat(removed))?;
        }
        out.write_all(&text.as_bytes()[common..])
    }
}

/// The length in bytes of the longest common prefix of `a` and `b` that
/// ends on a grapheme boundary of both.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut len = 0;
    for (x, y) in a.graphemes(true).zip(b.graphemes(true)) {
        if x != y {
            break;
        }
        len += x.len();
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(text: &str) -> Frame<'_> {
        Frame {
            elapsed: Duration::from_millis(4_200),
            phase: Phase::Thinking,
            input: InputMode::Typed,
            limit: Duration::from_secs(90),
            think_target: Duration::from_secs(10),
            text,
            cursor: text.len(),
            notice: None,
            tips: &[],
            marks: 0,
            status: None,
        }
    }

    #[test]
    fn frame_rows_end_in_real_newlines_not_padding() {
        let term = BufferedTerm::default();
        term.with(|b| b.size = Some((20, 10)));
        let bar = ProgressBar::with_draw_target(
            Some(10),
            ProgressDrawTarget::term_like(Box::new(term.clone())),
        )
        .with_style(ProgressStyle::with_template("{msg}").unwrap());
        bar.set_message("first\nsecond");
        let first = String::from_utf8(term.with(|b| std::mem::take(&mut b.bytes))).unwrap();
        assert_eq!(first, "first\x1b[K\r\nsecond\x1b[K");
        bar.set_message("third\nfourth");
        let second = String::from_utf8(term.with(|b| std::mem::take(&mut b.bytes))).unwrap();
        // Up one row, clear both, back up, then the new rows.
        assert_eq!(
            second,
            "\x1b[1A\r\x1b[2K\x1b[1B\r\x1b[2K\x1b[1Athird\x1b[K\r\nfourth\x1b[K"
        );
        assert!(!second.contains("  "), "no padding: {second:?}");
    }

    #[test]
    fn bar_width_fits_the_window() {
        assert_eq!(template(), "{screen}");
        assert_eq!(bar_width(100), 30);
        assert_eq!(bar_width(60), 15);
        assert_eq!(bar_width(40), 10);
        assert_eq!(bar_width(25), 7);
        assert_eq!(bar_width(10), 4);
    }

    #[test]
    fn labels_for_each_phase_longest_first() {
        let f = frame("");
        assert_eq!(
            labels(&f),
            vec![
                "thinking 4s · aim to start within 10s",
                "thinking 4s · aim for 10s",
                "thinking 4s/10s"
            ]
        );
        let late = Frame {
            elapsed: Duration::from_secs(12),
            ..frame("")
        };
        assert_eq!(labels(&late)[0], "thinking 12s · past your 10s target");
        let answering = Frame {
            elapsed: Duration::from_millis(44_500),
            phase: Phase::Answering,
            ..frame("x")
        };
        assert_eq!(labels(&answering), vec!["46s left"]);
        let over = Frame {
            elapsed: Duration::from_millis(102_300),
            phase: Phase::Answering,
            ..frame("x")
        };
        assert_eq!(labels(&over), vec!["over the limit by 12s", "over by 12s"]);
        let long = Frame {
            elapsed: Duration::from_secs(5),
            phase: Phase::Answering,
            limit: Duration::from_secs(150),
            ..frame("x")
        };
        assert_eq!(labels(&long), vec!["2m25s left"]);
        let done = Frame {
            status: Some("submitted"),
            phase: Phase::Done,
            ..frame("x")
        };
        assert_eq!(labels(&done), vec!["submitted"]);
    }

    #[test]
    fn labels_are_cut_at_word_boundaries() {
        let f = frame("");
        assert_eq!(
            fit(&labels(&f), 40),
            "thinking 4s · aim to start within 10s"
        );
        assert_eq!(fit(&labels(&f), 30), "thinking 4s · aim for 10s");
        assert_eq!(fit(&labels(&f), 17), "thinking 4s/10s");
        assert_eq!(fit(&labels(&f), 12), "thinking …");
        let status = ["session ended: this answer is not saved".to_string()];
        let cut = fit(&status, 20);
        assert_eq!(cut, "session ended: …");
        assert!(width(&cut) <= 20);
        assert_eq!(with_ellipsis("short", 20), "short …");
        assert_eq!(with_ellipsis("abc", 3), "…");
    }

    #[test]
    fn bar_is_time_used_of_the_limit_with_the_think_target_marked() {
        // 90 s limit, 10 s target, 9 cells of 10 s: the mark is cell 1.
        let at = |ms, phase| Frame {
            elapsed: Duration::from_millis(ms),
            phase,
            ..frame("x")
        };
        assert_eq!(draw_bar(&at(0, Phase::Thinking), 9), "░│░░░░░░░");
        assert_eq!(draw_bar(&at(4_200, Phase::Thinking), 9), "░│░░░░░░░");
        assert_eq!(draw_bar(&at(12_000, Phase::Thinking), 9), "█▓░░░░░░░");
        // Starting to answer changes nothing about the bar.
        assert_eq!(draw_bar(&at(12_000, Phase::Answering), 9), "█▓░░░░░░░");
        assert_eq!(draw_bar(&at(45_000, Phase::Answering), 9), "█▓██░░░░░");
        // The last frame keeps the geometry: same cells, same fill.
        assert_eq!(draw_bar(&at(45_000, Phase::Done), 9), "█▓██░░░░░");
        assert_eq!(draw_bar(&at(200_000, Phase::Answering), 9), "█▓███████");
        assert_eq!(bar_state(&at(200_000, Phase::Answering)), (90_000, 90_000));
        // A target at the limit or past it has no mark.
        let no_mark = Frame {
            think_target: Duration::from_secs(90),
            ..at(0, Phase::Thinking)
        };
        assert_eq!(draw_bar(&no_mark, 9), "░░░░░░░░░");
    }

    #[test]
    fn tips_give_way_to_the_answer_when_rows_are_short() {
        let tips = vec![
            "Name a real weakness that does not disqualify you.".to_string(),
            "Say what you do about it.".to_string(),
        ];
        let long = "word ".repeat(20);
        let f = Frame {
            tips: &tips,
            ..frame(&long)
        };
        let lines = message_lines(&f, 30, 4);
        assert_eq!(lines.len(), 4, "{lines:#?}");
        assert!(lines[0].starts_with("Tip: Name"), "{lines:#?}");
        assert!(lines[0].ends_with('…'), "{lines:#?}");
        assert_eq!(lines[1], "…");
        assert!(lines[3].ends_with('▏'), "{lines:#?}");
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:#?}");
        // One row for the answer: its last line, not a lone "…".
        let one = message_lines(&f, 30, 2);
        assert_eq!(one.len(), 2, "{one:#?}");
        assert!(one[1].contains("word") && one[1].ends_with('▏'), "{one:#?}");
        // Plenty of rows: everything shows.
        let short = Frame {
            tips: &tips,
            ..frame("I")
        };
        let all = message_lines(&short, 30, 20);
        assert_eq!(all.last().map(String::as_str), Some("> I▏"));
        assert_eq!(all.len(), 4, "{all:#?}");
    }

    /// A pasted tab is drawn as the four spaces review and every other
    /// wrapped text draw it as, never as a raw tab the terminal would move.
    #[test]
    fn a_pasted_tab_shows_as_four_spaces() {
        let lines = message_lines(&frame("a\tb"), 30, 4);
        assert_eq!(lines.last().map(String::as_str), Some("> a    b▏"));
    }

    fn plain_output(plain: &mut Plain, f: &Frame<'_>) -> String {
        let mut out = Vec::new();
        plain.draw(f, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_deletes_with_backspaces_and_prints_tips_once() {
        let mut plain = Plain::new(80);
        let at = |text| Frame {
            elapsed: Duration::from_secs(1),
            ..frame(text)
        };
        assert_eq!(plain_output(&mut plain, &at("")), "> ");
        assert_eq!(plain_output(&mut plain, &at("abc")), "abc");
        assert_eq!(plain_output(&mut plain, &at("ab")), "\x08 \x08");
        // An emoji is two columns wide.
        assert_eq!(plain_output(&mut plain, &at("ab🚀")), "🚀");
        assert_eq!(plain_output(&mut plain, &at("ab")), "\x08\x08  \x08\x08");
        // Ctrl-W and a retype in one frame: erase the difference, type on.
        assert_eq!(plain_output(&mut plain, &at("ax")), "\x08 \x08x");
        let tips = vec!["Name one habit.".to_string()];
        let with_tips = Frame {
            tips: &tips,
            ..at("ax")
        };
        assert_eq!(
            plain_output(&mut plain, &with_tips),
            "\r\nTip: Name one habit.\r\n> ax"
        );
        assert_eq!(plain_output(&mut plain, &with_tips), "", "tips print once");
        let done = Frame {
            phase: Phase::Done,
            status: Some("submitted"),
            ..with_tips
        };
        assert_eq!(plain_output(&mut plain, &done), "\r\n  submitted");
    }

    /// On a dumb terminal the notice (Esc in a rehearsal, Enter on a blank
    /// answer) is wrapped at words like the tips, never split mid-word by
    /// the terminal.
    #[test]
    fn plain_wraps_a_notice_at_words() {
        let mut plain = Plain::new(40);
        let notice = "no skipping in a rehearsal: say one honest sentence and keep going";
        let f = Frame {
            elapsed: Duration::from_secs(1),
            notice: Some(notice),
            ..frame("ab")
        };
        let out = plain_output(&mut plain, &f);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert!(lines.iter().all(|l| width(l) < 40), "{out:?}");
        assert!(
            lines.contains(&"no skipping in a rehearsal: say one"),
            "{out:?}"
        );
        assert!(lines.contains(&"honest sentence and keep going"), "{out:?}");
    }

    /// Spoken, on a dumb terminal: Esc in a rehearsal still says why it
    /// did nothing.
    #[test]
    fn plain_shows_a_notice_to_a_spoken_answer() {
        let mut plain = Plain::new(80);
        let f = Frame {
            elapsed: Duration::from_secs(1),
            input: InputMode::Spoken,
            ..frame("")
        };
        plain_output(&mut plain, &f);
        let with = Frame {
            notice: Some("no skipping in a rehearsal"),
            ..f
        };
        let out = plain_output(&mut plain, &with);
        assert!(out.contains("no skipping in a rehearsal"), "{out:?}");
    }

    #[test]
    fn plain_rewrites_only_a_deletion_across_a_wrapped_row() {
        let mut plain = Plain::new(10);
        let at = |text| frame(text);
        plain_output(&mut plain, &at(""));
        plain_output(&mut plain, &at("abcdefghij"));
        // "> abcdefghij" is 12 columns: the cursor is on the second row,
        // col 2; deleting one character stays there.
        assert_eq!(plain_output(&mut plain, &at("abcdefghi")), "\x08 \x08");
        // Deleting back over the row edge cannot be done with backspaces.
        assert_eq!(plain_output(&mut plain, &at("abcdef")), "\r\n> abcdef");
    }

    #[test]
    fn a_notice_shows_under_a_spoken_answer_too() {
        let f = Frame {
            input: InputMode::Spoken,
            notice: Some("no skipping in a rehearsal"),
            ..frame("")
        };
        let lines = message_lines(&f, 60, 5);
        assert!(
            lines.iter().any(|l| l == "no skipping in a rehearsal"),
            "{lines:?}"
        );
    }

    #[test]
    fn message_shows_sanitized_text_with_a_cursor_and_keeps_the_end() {
        let f = frame("evil\x1b[2J text");
        let lines = message_lines(&f, 40, 5);
        assert_eq!(lines, vec!["> evil\\x1b[2J text▏"]);
        let long = "word ".repeat(40);
        let f = frame(&long);
        let lines = message_lines(&f, 20, 3);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "…");
        assert!(lines[2].ends_with('▏'));
    }

    #[test]
    fn tips_and_spoken_status() {
        let tips = vec!["Name a real weakness.".to_string()];
        let f = Frame {
            tips: &tips,
            ..frame("I")
        };
        assert_eq!(
            message_lines(&f, 40, 10),
            vec!["Tip: Name a real weakness.", "> I▏"]
        );
        let spoken = Frame {
            input: InputMode::Spoken,
            ..frame("")
        };
        assert_eq!(
            message_lines(&spoken, 60, 10),
            vec!["Press Space when you start talking."]
        );
        let talking = Frame {
            input: InputMode::Spoken,
            phase: Phase::Answering,
            marks: 2,
            ..frame("")
        };
        assert_eq!(
            message_lines(&talking, 60, 10),
            vec!["Talking · Space marks a stumble (2 marked)"]
        );
    }

    #[test]
    fn voice_shows_the_listening_line_and_a_plain_terminal_one_line_per_phase() {
        let listening = Frame {
            input: InputMode::Voice,
            phase: Phase::Answering,
            notice: Some("Listening ▮▮▯▯ · silent 4.2s\nno skipping"),
            ..frame("")
        };
        assert_eq!(
            message_lines(&listening, 60, 10),
            vec!["Listening ▮▮▯▯ · silent 4.2s", "no skipping"]
        );
        let done = Frame {
            phase: Phase::Done,
            ..listening.clone()
        };
        assert_eq!(message_lines(&done, 60, 10), vec!["Done"]);
        let mut plain = Plain::new(80);
        let mut out = Vec::new();
        let thinking = Frame {
            phase: Phase::Thinking,
            ..listening.clone()
        };
        plain.draw(&thinking, &mut out).unwrap();
        plain.draw(&thinking, &mut out).unwrap();
        plain.draw(&listening, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Listening: speak when ready, Enter when done.\r\nHeard you start.\r\n"
        );
    }

    #[test]
    fn the_cursor_is_drawn_where_it_is_even_across_wrapped_lines() {
        let text = "evil\x1b[2J one two three four";
        let at = text.find(" two").unwrap();
        let f = Frame {
            cursor: at,
            ..frame(text)
        };
        assert_eq!(
            message_lines(&f, 40, 5),
            vec!["> evil\\x1b[2J one▏ two three four"],
            "sanitized on both sides of the cursor"
        );
        let lines = message_lines(&f, 16, 5);
        assert_eq!(lines, vec!["> evil\\x1b[2J", "  one▏ two three", "  four"]);
        let f = Frame {
            cursor: text.len() + 1,
            ..frame(text)
        };
        assert!(
            message_lines(&f, 60, 5)[0].ends_with("four▏"),
            "past the end"
        );
        let emoji = "a👍🏽b";
        let f = Frame {
            cursor: 2,
            ..frame(emoji)
        };
        assert_eq!(
            message_lines(&f, 60, 5),
            vec!["> a👍🏽b▏"],
            "off a char boundary"
        );
        let f = Frame {
            cursor: 1,
            ..frame(emoji)
        };
        assert_eq!(message_lines(&f, 60, 5), vec!["> a▏👍🏽b"]);
        let done = Frame {
            phase: Phase::Done,
            cursor: 1,
            ..frame(emoji)
        };
        assert_eq!(
            message_lines(&done, 60, 5),
            vec!["> a👍🏽b"],
            "no cursor once done"
        );
    }

    #[test]
    fn a_notice_shows_under_the_answer() {
        let f = Frame {
            notice: Some("type your answer, or Esc to skip"),
            ..frame("")
        };
        assert_eq!(
            message_lines(&f, 60, 5),
            vec!["> ▏", "type your answer, or Esc to skip"]
        );
    }
}
