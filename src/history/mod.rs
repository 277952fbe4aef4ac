//! The JSON Lines history store: append one record at a time under an
//! advisory lock, read back skipping unreadable lines with a warning.
//! The only module that touches `history.jsonl`.

use std::path::{Path, PathBuf};

use crate::drill::Record;

/// A failure to reach or write the history.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// Filled in by the history helper.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
}

/// A line that could not be read, reported and skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong with it.
    pub message: String,
}

/// The history file of one home folder.
#[derive(Debug, Clone)]
pub struct History {
    path: PathBuf,
}

impl History {
    /// Opens (creating as needed: home `0700`, file `0600`) the history in `home`.
    pub fn open(_home: &Path) -> Result<Self, HistoryError> {
        unimplemented!("history helper")
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one record: one `write` of one line, under the lock, then `sync_data`.
    pub fn append(&self, _record: &Record) -> Result<(), HistoryError> {
        unimplemented!("history helper")
    }

    /// Reads every record; unreadable lines become warnings. A missing file is empty.
    pub fn read(&self) -> Result<(Vec<Record>, Vec<Warning>), HistoryError> {
        unimplemented!("history helper")
    }
}
