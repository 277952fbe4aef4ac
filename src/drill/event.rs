//! What the terminal layer tells the engine: one event per key press (or
//! paste, or line), each paired by the caller with the time elapsed since
//! the question was fully drawn.

use serde::{Deserialize, Serialize};

/// How the user answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputMode {
    /// Typed in raw mode, every key timed.
    #[default]
    Typed,
    /// Spoken aloud: Space = started / stumbled, Enter = done.
    Spoken,
    /// One answer per line from a pipe or screen reader.
    Line,
}

/// One input event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A key press that inserts text (usually one character).
    Text(String),
    /// A bracketed paste: one event however long, not counted as typing.
    Paste(String),
    /// Backspace: deletes the last grapheme.
    Backspace,
    /// Ctrl-W: deletes the last word and the spaces after it.
    DeleteWord,
    /// Tab: show the tips (recorded as a hint).
    Hint,
    /// Spoken Space: first = "I started talking", later = "I stumbled here".
    Mark,
    /// Enter: submit (typed) or done (spoken).
    Submit,
    /// Esc: skip the question.
    Skip,
    /// Line input: the whole answer at once.
    Line(String),
}
