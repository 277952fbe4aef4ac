//! The drill engine: question selection, the per-answer state machine that
//! turns timestamped events into measurements, and hesitation analysis.
//!
//! Pure: it consumes `(elapsed, event)` pairs and produces records. No
//! terminal, no files, no clock of its own.

pub mod answer;
pub mod coach;
pub mod content_signal;
pub mod event;
pub mod record;
pub mod rehearsal;
pub mod schedule;
pub mod select;
pub mod stamp;

pub use answer::{Answer, AnswerRules, Measured, Phase, millis};
pub use event::{Event, InputMode};
pub use record::{AnswerRecord, Mode, Pause, Rating, Record, SessionRecord, Stamp};
