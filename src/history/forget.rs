//! Deleting one session's records on the user's request: the one rewrite
//! of the history. Under the exclusive lock, the kept lines are copied
//! byte for byte (unreadable ones too: nothing else is touched) into a new
//! file beside the old one (`0600`), flushed to disk, and renamed over it,
//! then the folder is flushed. A crash at any point leaves either the old
//! history or the new one, whole.

use std::fs::OpenOptions;
use std::io::{BufRead, BufReader, Write};

use super::{Action, History, HistoryError, Lock, parse_line};
use crate::drill::Record;

/// The steps of a rewrite, reported to a test hook so a crash can be
/// staged at each one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The new file is written but not flushed.
    Written,
    /// The new file is on disk; the old one is still in place.
    Synced,
    /// The new file has replaced the old one.
    Renamed,
}

/// What was (or would be) deleted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Forgotten {
    /// Answer records of the session.
    pub answers: usize,
    /// Rating records of the session.
    pub ratings: usize,
    /// Session records (the closing one; 0 if the session never closed).
    pub sessions: usize,
    /// The questions answered, in order.
    pub questions: Vec<String>,
}

impl Forgotten {
    /// Records in all.
    #[must_use]
    pub fn total(&self) -> usize {
        self.answers + self.ratings + self.sessions
    }
}

fn of_session(record: &Record) -> &str {
    match record {
        Record::Answer(a) => &a.session,
        Record::Session(s) => &s.session,
        Record::Rating(r) => &r.session,
    }
}

impl History {
    /// The id of the session of the last record in the file, if any.
    pub fn last_session(&self) -> Result<Option<String>, HistoryError> {
        let mut last = None;
        self.scan(|r| last = Some(of_session(&r).to_owned()))?;
        Ok(last)
    }

    /// What [`forget`](Self::forget) would delete for `session`.
    pub fn records_of(&self, session: &str) -> Result<Forgotten, HistoryError> {
        let mut found = Forgotten::default();
        self.scan(|r| {
            if of_session(&r) == session {
                count(&mut found, &r);
            }
        })?;
        Ok(found)
    }

    /// Deletes every record of `session` (answers, ratings, the session
    /// record), keeping every other line exactly as it was. `step` is told
    /// each stage (tests stage crashes there). Returns what went.
    pub fn forget(&self, session: &str, step: &dyn Fn(Step)) -> Result<Forgotten, HistoryError> {
        let path = self.path();
        let rerr = |e| HistoryError::io(Action::Read, path, e);
        let werr = |e| HistoryError::io(Action::Write, path, e);
        let file = std::fs::File::open(path).map_err(rerr)?;
        let _lock = Lock::exclusive(&file, path)?;
        let tmp = path.with_extension("jsonl.forget");
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        // Under the lock no other rewrite can be writing it: a leftover
        // from a crashed one is overwritten.
        let out = options.open(&tmp).map_err(werr)?;
        let mut writer = std::io::BufWriter::new(&out);
        let mut gone = Forgotten::default();
        let mut reader = BufReader::new(&file);
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line).map_err(rerr)?;
            if n == 0 {
                break;
            }
            let content = line.strip_suffix(b"\n").unwrap_or(&line);
            let record = parse_line(content.trim_ascii()).ok();
            match record {
                Some(r) if of_session(&r) == session => count(&mut gone, &r),
                _ => {
                    writer.write_all(content).map_err(werr)?;
                    writer.write_all(b"\n").map_err(werr)?;
                }
            }
        }
        writer.flush().map_err(werr)?;
        drop(writer);
        step(Step::Written);
        out.sync_all().map_err(werr)?;
        step(Step::Synced);
        std::fs::rename(&tmp, path).map_err(werr)?;
        step(Step::Renamed);
        if let Some(dir) = path.parent() {
            // The rename is durable once the folder is.
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(gone)
    }
}

fn count(found: &mut Forgotten, r: &Record) {
    match r {
        Record::Answer(a) => {
            found.answers += 1;
            found.questions.push(a.question.clone());
        }
        Record::Rating(_) => found.ratings += 1,
        Record::Session(_) => found.sessions += 1,
    }
}
