//! The JSON Lines history store: append one record at a time under a lock,
//! read back skipping unreadable lines with a warning.
