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
    /// Spoken aloud into a microphone: a voice-activity detector turns the
    /// recorder's samples into [`Event::Speech`] and [`Event::Silence`],
    /// timed by the sample count.
    Voice,
}

impl InputMode {
    /// Whether answers in this mode have a text whose words and fillers are
    /// counted. Voice answers have none: their `words`, `wpm` and
    /// `fillers` are "not measured" (null), never zero.
    #[must_use]
    pub fn counts_words(self) -> bool {
        self != Self::Voice
    }
}

/// One input event. The editing events act at the answer's cursor (see
/// [`crate::drill::Answer`] for the exact rules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A key press that inserts text at the cursor (usually one character).
    Text(String),
    /// A bracketed paste, inserted at the cursor: one event however long;
    /// its words count as words, never as typing speed.
    Paste(String),
    /// Backspace: deletes the grapheme before the cursor.
    Backspace,
    /// Delete: deletes the grapheme after the cursor.
    Delete,
    /// Ctrl-W: deletes the word before the cursor and the spaces after it.
    DeleteWord,
    /// Ctrl-U: deletes everything before the cursor.
    DeleteToStart,
    /// Left arrow: the cursor moves back one grapheme.
    Left,
    /// Right arrow: the cursor moves on one grapheme.
    Right,
    /// Home or Ctrl-A: the cursor moves to the start.
    Home,
    /// End or Ctrl-E: the cursor moves to the end.
    End,
    /// Tab: show the tips (recorded as a hint).
    Hint,
    /// Spoken Space: first = "I started talking", later = "I stumbled here".
    Mark,
    /// Enter: submit (typed, refused while the text is blank) or done
    /// (spoken).
    Submit,
    /// Esc: skip the question.
    Skip,
    /// Line input: the whole answer at once.
    Line(String),
    /// Voice: speech began (the voice-activity detector's edge, timed by
    /// the sample count).
    Speech,
    /// Voice: speech stopped; silence from here until the next `Speech`.
    Silence,
}
