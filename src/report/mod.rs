//! Reports built from history records: the end-of-session summary, stats,
//! review and export.

pub mod rehearsal;
pub mod summary;
