//! The drill engine: question selection, the per-answer state machine that
//! turns timestamped events into measurements, and hesitation analysis.
//!
//! Pure: it consumes `(elapsed, event)` pairs and produces records. No
//! terminal, no files, no clock of its own.
