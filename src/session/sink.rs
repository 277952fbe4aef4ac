//! Where a session's records go: the history file, or memory in tests.

use crate::drill::Record;
use crate::history::{History, HistoryError};

/// Takes each record as the session produces it.
pub trait Sink {
    /// Stores one record durably before returning.
    fn append(&mut self, record: &Record) -> Result<(), HistoryError>;
}

impl Sink for History {
    fn append(&mut self, record: &Record) -> Result<(), HistoryError> {
        History::append(self, record)
    }
}

/// Records kept in memory, for tests of the runner: optionally failing
/// from the `fail_from`-th append on (0-based), as a full disk would.
#[derive(Debug, Default)]
pub struct MemorySink {
    /// Everything appended so far.
    pub records: Vec<Record>,
    /// Appends from this index on fail.
    pub fail_from: Option<usize>,
}

impl Sink for MemorySink {
    fn append(&mut self, record: &Record) -> Result<(), HistoryError> {
        if self.fail_from.is_some_and(|n| self.records.len() >= n) {
            return Err(HistoryError::Io {
                action: crate::history::Action::Write,
                path: "memory".into(),
                error: std::io::Error::from(std::io::ErrorKind::StorageFull),
            });
        }
        self.records.push(record.clone());
        Ok(())
    }
}
