//! The terminal: raw-mode answer input, the countdown, prompts, and
//! restoring the terminal on every exit path. The only module that writes
//! escape sequences.

pub mod countdown;
pub mod guard;
pub mod input;
pub mod line;
pub mod style;
pub mod ui;
pub mod voice;
