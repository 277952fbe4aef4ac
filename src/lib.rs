//! hotseat: mock-interview practice in the terminal.
//!
//! The binary in `main.rs` only parses arguments and maps errors to exit
//! codes; everything else lives in this library so that it can be tested.
//! Dependencies point one way: `term`, `history`, `report` and `commands`
//! use `drill` and `bank`; `drill` and `bank` use nothing of theirs.
//! `voice` (recorder and speaker commands, the voice-activity detector)
//! uses `drill` for its timing rules; `term::voice` draws it.
//! `text` (sanitizing, display width, wrapping, plurals, durations,
//! labelled feedback lines) is below them all and uses nothing of theirs.

pub mod bank;
pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod drill;
pub mod exit;
pub mod history;
pub mod home;
pub mod report;
pub mod session;
pub mod term;
pub mod text;
pub mod voice;
