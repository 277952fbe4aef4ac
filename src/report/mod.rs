//! Reports built from history records: the end-of-session summary, stats,
//! review and export.

pub mod charts;
pub mod content;
pub mod export;
pub mod html;
pub mod ratings;
pub mod rehearsal;
pub mod review;
pub mod sessions;
pub mod stats;
pub mod stats_view;
pub mod summary;
