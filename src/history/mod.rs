//! The JSON Lines history store: append one record at a time under an
//! advisory lock, read back skipping unreadable lines with a warning.
//! The only module that touches `history.jsonl`; its [`journal`] keeps
//! `journal.jsonl` (reflections after real interviews) by the same rules,
//! through the same append and read code.
//!
//! Safety rules, because the file holds the user's private answers and a
//! crash must lose at most the answer in progress:
//! - nothing is created until the first append (read-only commands leave no
//!   trace); then `<home>` is made `0700` and the file `0600`;
//! - the file is only ever opened for append: no complete record is ever
//!   rewritten or truncated; the one exception is a write of our own that
//!   failed part-way (full disk, file-size limit), cut back under the lock
//!   to the length the file had before it;
//! - each record is one line written with one `write_all` under an exclusive
//!   `flock`, then `sync_data`, so concurrent writers never interleave bytes
//!   and a finished answer is on disk before the next question appears;
//! - readers take a shared lock, so they never see a half-written line from a
//!   live writer, and they skip any line they cannot read (with a warning
//!   naming its line number) instead of giving up on the whole file.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::drill::record::VERSION;
use crate::drill::{AnswerRecord, Record};

pub mod forget;
pub mod journal;

/// The history's file name inside the home folder.
pub const FILE_NAME: &str = "history.jsonl";

/// Lines longer than this are skipped without being held in memory. No
/// typed or pasted answer comes near it; it only bounds what a corrupted or
/// hostile file can make us allocate.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// What we were doing when the OS said no, for the error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Creating the home folder.
    Create,
    /// Opening or writing the history file.
    Write,
    /// Opening or reading the history file.
    Read,
    /// Taking the advisory lock.
    Lock,
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Create => "create",
            Self::Write => "write",
            Self::Read => "read",
            Self::Lock => "lock",
        })
    }
}

/// A failure to reach or write the history. Its `Display` is a complete
/// message for the user: the path, what went wrong and what to do.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The OS refused an operation on the home folder or the file.
    ///
    /// The `io::Error` is deliberately not the error's `source`: the message
    /// already explains it, and printing the chain would say it twice.
    #[error("cannot {action} {}: {}", path.display(), explain(error))]
    Io {
        /// What we were doing.
        action: Action,
        /// The file or folder involved.
        path: PathBuf,
        /// What the OS said.
        error: io::Error,
    },
    /// A record could not be turned into JSON (a bug, not a user problem).
    #[error("cannot encode a history record for {}: {error}", path.display())]
    Encode {
        /// The history file the record was meant for.
        path: PathBuf,
        /// What `serde_json` said.
        error: serde_json::Error,
    },
}

impl HistoryError {
    fn io(action: Action, path: &Path, error: io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_path_buf(),
            error,
        }
    }

    /// The kind of the underlying I/O error, if this is one.
    #[must_use]
    pub fn io_kind(&self) -> Option<io::ErrorKind> {
        match self {
            Self::Io { error, .. } => Some(error.kind()),
            Self::Encode { .. } => None,
        }
    }
}

/// Says what an I/O error means for the user and what to do about it.
fn explain(error: &io::Error) -> String {
    use io::ErrorKind as K;
    match error.kind() {
        K::PermissionDenied => {
            "permission denied; check the folder's permissions or pass --home DIR".into()
        }
        K::StorageFull => {
            "the disk is full; free some space and try again (answers already saved are kept)"
                .into()
        }
        K::QuotaExceeded => "the disk quota is exceeded; free some space or pass --home DIR".into(),
        K::ReadOnlyFilesystem => {
            "the file system is read-only; pass --home DIR to keep your history elsewhere".into()
        }
        K::NotADirectory => {
            "part of that path is a file, not a folder; pass --home DIR with a folder".into()
        }
        K::IsADirectory => "it is a folder, not a file; move it away or pass --home DIR".into(),
        K::FileTooLarge => {
            "the file has reached its size limit (ulimit -f, or the file system's); \
             answers already saved are kept"
                .into()
        }
        _ => error.to_string(),
    }
}

/// A line that could not be read, reported and skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong with it.
    pub message: String,
}

/// The one-line message commands print (to standard error) for a skipped
/// line: `<path>:<line>: skipped unreadable record: <message>`. The message
/// never contains raw control characters from the file (they are escaped
/// when quoted), but callers printing to a terminal still sanitize it.
#[must_use]
pub fn format_warning(path: &Path, w: &Warning) -> String {
    format!(
        "{}:{}: skipped unreadable record: {}",
        path.display(),
        w.line,
        w.message
    )
}

/// The history file of one home folder.
#[derive(Debug, Clone)]
pub struct History {
    path: PathBuf,
}

impl History {
    /// The history in `home`. Creates nothing: the folder and file appear on
    /// the first [`append`](Self::append), so read-only commands leave no
    /// trace. Never fails today; the `Result` leaves room for checks.
    pub fn open(home: &Path) -> Result<Self, HistoryError> {
        Ok(Self {
            path: home.join(FILE_NAME),
        })
    }

    /// The file's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The home folder holding the file.
    #[must_use]
    pub fn home(&self) -> &Path {
        self.path.parent().unwrap_or_else(|| Path::new("."))
    }

    /// Appends one record as one line: created if needed (home `0700`, file
    /// `0600`), one `write_all` of the whole line under an exclusive lock,
    /// then `sync_data`. If an earlier crash left the file without a final
    /// newline, the record starts on a new line so it is not glued to the
    /// broken one. If the write or the flush fails (a full disk, a size
    /// limit), the file is cut back to its length before the write, still
    /// under the lock, and the error names the file.
    pub fn append(&self, record: &Record) -> Result<(), HistoryError> {
        append_record(&self.path, record)
    }

    /// Makes sure records can be appended: creates the home folder (`0700`)
    /// and the file (`0600`) if missing, without writing anything, so a
    /// session can fail before its first question rather than lose an
    /// answer.
    pub fn prepare(&self) -> Result<(), HistoryError> {
        ensure_home(self.home())?;
        open_for_append(&self.path).map(drop)
    }

    /// Reads every record under a shared lock (so a concurrent append is
    /// never seen half-written); unreadable lines become warnings and reading
    /// goes on. A missing file is an empty history.
    pub fn read(&self) -> Result<(Vec<Record>, Vec<Warning>), HistoryError> {
        let mut records = Vec::new();
        let warnings = self.scan(|r| records.push(r))?;
        Ok((records, warnings))
    }

    /// Streams every record to `each` in file order, under a shared lock,
    /// holding one line at a time (see [`scan_from`]). A missing file is an
    /// empty history. Returns the warnings.
    pub fn scan(&self, each: impl FnMut(Record)) -> Result<Vec<Warning>, HistoryError> {
        scan_file(&self.path, || (), |(), _, b| parse_line(b), each).map(|(_, w)| w)
    }

    /// The fastest read, for a reader that keeps only a digest of each
    /// record: `map` turns each record, borrowed, into what `each` gets,
    /// on the thread that parsed it, with that thread's own `state` (see
    /// [`scan_from_with`]). Every reading rule of [`scan`](Self::scan)
    /// holds; only the record is not the caller's to keep.
    pub fn scan_with<S: Send, U: Send>(
        &self,
        state: impl Fn() -> S + Sync,
        map: impl Fn(&mut S, &Record) -> U + Sync,
        each: impl FnMut(U),
    ) -> Result<Vec<Warning>, HistoryError> {
        let (state, parse) = reusing(state, move |s: &mut S, _, r: &Record| map(s, r));
        scan_file(&self.path, state, parse, each).map(|(_, w)| w)
    }

    /// The fastest read of all, for a report that only adds up: every
    /// record, borrowed, is folded by `fold` into the state of the thread
    /// that parsed it (made by `state`), and those states are returned for
    /// the caller to merge; nothing crosses between threads per record.
    /// Each record comes with its [`Position`], so that what depends on
    /// file order (the first of equals) can still be decided after the
    /// merge. Which thread reads which lines depends only on the file, so
    /// the same file always folds the same way. Every reading rule of
    /// [`scan`](Self::scan) holds.
    pub fn fold<S: Send>(
        &self,
        state: impl Fn() -> S + Sync,
        fold: impl Fn(&mut S, Position, &Record) + Sync,
    ) -> Result<(Vec<S>, Vec<Warning>), HistoryError> {
        let (state, parse) = reusing(state, fold);
        let (states, warnings) = scan_file(&self.path, state, parse, |()| {})?;
        Ok((states.into_iter().map(|(_, s)| s).collect(), warnings))
    }
}

/// Where a record is in its file, for ordering what was folded on
/// different threads ([`History::fold`]): a later line's position is
/// greater. Not a line number (those are only known once every earlier
/// batch is counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position(u64);

impl Position {
    /// The position right after this one, for a caller that numbers
    /// records it is given one at a time.
    #[must_use]
    pub fn next(self) -> Self {
        Self(self.0.saturating_add(1))
    }

    /// Line `line` (from 0) of batch `batch`.
    fn of(batch: usize, line: usize) -> Self {
        // A batch holds far fewer than 2^32 lines: it is a few hundred
        // kilobytes plus at most one line of `MAX_LINE_BYTES`.
        Self(((batch as u64) << 32) | (line as u64 & 0xffff_ffff))
    }
}

/// The per-thread state and line parser of the reusing reads
/// ([`History::scan_with`], [`scan_from_with`]): each thread reads answers
/// into its own scratch record and hands `map` the record borrowed.
#[allow(
    clippy::type_complexity,
    reason = "two closures made as a pair: the thread's state and the parser that uses it"
)]
fn reusing<S, U>(
    state: impl Fn() -> S + Sync,
    map: impl Fn(&mut S, Position, &Record) -> U + Sync,
) -> (
    impl Fn() -> (Record, S) + Sync,
    impl Fn(&mut (Record, S), Position, &[u8]) -> Result<U, Skip> + Sync,
) {
    (
        move || (Record::Answer(AnswerRecord::default()), state()),
        move |(scratch, state): &mut (Record, S), at: Position, bytes: &[u8]| {
            parse_reusing(bytes, scratch).map(|r| map(state, at, r.get()))
        },
    )
}

/// Appends `record` as one JSON line to the store at `path`: the rules of
/// [`History::append`], shared by every JSON Lines store of the home.
fn append_record(path: &Path, record: &impl serde::Serialize) -> Result<(), HistoryError> {
    let mut line = serde_json::to_vec(record).map_err(|error| HistoryError::Encode {
        path: path.to_path_buf(),
        error,
    })?;
    line.push(b'\n');

    ensure_home(path.parent().unwrap_or_else(|| Path::new(".")))?;
    loop {
        let file = open_for_append(path)?;
        let lock = Lock::exclusive(&file, path)?;
        // `forget` replaces the file by a rename while holding the lock: a
        // writer that opened the old file and got the lock after the
        // rename would append to a file no longer in place. Checked under
        // the lock; if so, open again.
        if !same_file(&file, path) {
            continue;
        }

        // Checked under the lock: only now is the end of the file stable.
        let mut buf = Vec::with_capacity(line.len() + 1);
        if !ends_with_newline(&file).map_err(|e| HistoryError::io(Action::Read, path, e))? {
            buf.push(b'\n');
        }
        buf.extend_from_slice(&line);

        let werr = |e| HistoryError::io(Action::Write, path, e);
        // Remembered under the lock: a failed or short write (a full disk,
        // a file-size limit) is cut back to exactly this, so the file holds
        // only whole records. Only our own bytes are removed, and only while
        // no other writer can have appended after them; without a lock the
        // torn tail stays for readers to skip.
        let before = file
            .metadata()
            .map_err(|e| HistoryError::io(Action::Read, path, e))?
            .len();
        if let Err(e) = (&file).write_all(&buf).and_then(|()| file.sync_data()) {
            if lock.is_held() {
                let _ = file.set_len(before).and_then(|()| file.sync_data());
            }
            return Err(werr(e));
        }
        return Ok(());
        // `lock` then `file` drop here: unlock, close.
    }
}

/// Whether `file` is (still) the file at `path`.
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// Streams the records of the store at `path` to `each`, under a shared
/// lock, one line at a time, each line read by `parse`. A missing file is
/// an empty store. Returns the warnings.
fn scan_file<S: Send, T: Send>(
    path: &Path,
    state: impl Fn() -> S + Sync,
    parse: impl Fn(&mut S, Position, &[u8]) -> Result<T, Skip> + Sync,
    each: impl FnMut(T),
) -> Result<(Vec<S>, Vec<Warning>), HistoryError> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
        Err(e) => return Err(HistoryError::io(Action::Read, path, e)),
    };
    let _lock = Lock::shared(&file, path)?;
    scan_lines(Chunker::new(&file, MAX_LINE_BYTES), state, parse, each)
        .map_err(|e| HistoryError::io(Action::Read, path, e))
}

/// Creates the home folder (`0700`) if it does not exist. An existing
/// folder's mode is the user's business and is left alone.
fn ensure_home(home: &Path) -> Result<(), HistoryError> {
    if home.as_os_str().is_empty() || home.is_dir() {
        return Ok(());
    }
    if home.exists() {
        // Without this the OS would only say "File exists".
        let error = io::Error::from(io::ErrorKind::NotADirectory);
        return Err(HistoryError::io(Action::Create, home, error));
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(home)
        .map_err(|e| HistoryError::io(Action::Create, home, e))?;
    // A restrictive umask can only remove bits, but an odd one could
    // leave the folder short of 0700 for its owner; set it exactly.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(home, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| HistoryError::io(Action::Create, home, e))?;
    }
    Ok(())
}

/// Opens for append (and read, to look at the last byte), creating the
/// file `0600`. Never truncates.
fn open_for_append(path: &Path) -> Result<File, HistoryError> {
    let mut options = OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map_err(|e| HistoryError::io(Action::Write, path, e))
}

/// Whether the file is empty or ends with `\n`.
fn ends_with_newline(mut file: &File) -> io::Result<bool> {
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    // Appends always go to the end whatever the position, so seeking to read
    // the last byte cannot misplace the write that follows.
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// An advisory `flock`, released on drop (and by the OS if we die).
struct Lock<'a> {
    file: Option<&'a File>,
}

impl<'a> Lock<'a> {
    fn exclusive(file: &'a File, path: &Path) -> Result<Self, HistoryError> {
        Self::take(file, path, File::lock)
    }

    fn shared(file: &'a File, path: &Path) -> Result<Self, HistoryError> {
        Self::take(file, path, File::lock_shared)
    }

    fn take(
        file: &'a File,
        path: &Path,
        lock: fn(&File) -> io::Result<()>,
    ) -> Result<Self, HistoryError> {
        loop {
            match lock(file) {
                Ok(()) => return Ok(Self { file: Some(file) }),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                // A file system without locks: one write of one line per
                // record is still the best we can do, so go on unlocked.
                Err(e) if e.kind() == io::ErrorKind::Unsupported => {
                    return Ok(Self { file: None });
                }
                Err(e) => return Err(HistoryError::io(Action::Lock, path, e)),
            }
        }
    }
}

impl Lock<'_> {
    /// Whether the lock is really held (not a file system without locks).
    fn is_held(&self) -> bool {
        self.file.is_some()
    }
}

impl Drop for Lock<'_> {
    fn drop(&mut self) {
        if let Some(file) = self.file {
            // Closing the file releases the lock anyway; this only releases
            // it before the caller gets round to closing.
            let _ = file.unlock();
        }
    }
}

/// Reads records from any line-oriented source: blank lines are skipped,
/// unreadable ones become [`Warning`]s (1-based line numbers) and reading
/// goes on. Only an I/O error from `reader` stops it. A last line lacking
/// its newline is read like any other.
pub fn read_from(reader: impl BufRead) -> io::Result<(Vec<Record>, Vec<Warning>)> {
    read_capped(reader, MAX_LINE_BYTES)
}

fn read_capped(reader: impl BufRead, max_line: usize) -> io::Result<(Vec<Record>, Vec<Warning>)> {
    let mut records = Vec::new();
    let warnings = scan_capped(reader, max_line, |r| records.push(r))?;
    Ok((records, warnings))
}

/// Streams records from any line-oriented source to `each`, one at a time,
/// holding only the current line: the rules of [`read_from`] without
/// keeping the records. Returns the warnings.
///
/// - unknown kinds are ignored silently (a newer hotseat may add kinds);
/// - records with a newer `v` are skipped and reported as one warning
///   giving their count, at the line of the first;
/// - a line over [`MAX_LINE_BYTES`] is skipped with a warning, never held.
pub fn scan_from(reader: impl BufRead, each: impl FnMut(Record)) -> io::Result<Vec<Warning>> {
    scan_capped(reader, MAX_LINE_BYTES, each)
}

/// [`scan_from`] with lines longer than `max_line` bytes skipped.
fn scan_capped(
    reader: impl Read,
    max_line: usize,
    each: impl FnMut(Record),
) -> io::Result<Vec<Warning>> {
    scan_lines(
        Chunker::new(reader, max_line),
        || (),
        |(), _, b| parse_line(b),
        each,
    )
    .map(|(_, w)| w)
}

/// [`scan_from`] with each record turned by `map` on the thread that
/// parsed it, with that thread's own `state` (made once per thread by
/// `state`, so a reader that needs a cache — compiled content matchers —
/// keeps one per thread without locks). `map` sees the record borrowed:
/// answers are read into one record per thread, reused line after line,
/// so a reader keeping only a digest allocates nothing for the rest.
pub fn scan_from_with<S: Send, U: Send>(
    reader: impl Read,
    state: impl Fn() -> S + Sync,
    map: impl Fn(&mut S, &Record) -> U + Sync,
    each: impl FnMut(U),
) -> io::Result<Vec<Warning>> {
    let (state, parse) = reusing(state, move |s: &mut S, _, r: &Record| map(s, r));
    scan_lines(Chunker::new(reader, MAX_LINE_BYTES), state, parse, each).map(|(_, w)| w)
}

/// [`History::fold`] over any source.
pub fn fold_from<S: Send>(
    reader: impl Read,
    state: impl Fn() -> S + Sync,
    fold: impl Fn(&mut S, Position, &Record) + Sync,
) -> io::Result<(Vec<S>, Vec<Warning>)> {
    let (state, parse) = reusing(state, fold);
    let (states, warnings) =
        scan_lines(Chunker::new(reader, MAX_LINE_BYTES), state, parse, |()| {})?;
    Ok((states.into_iter().map(|(_, s)| s).collect(), warnings))
}

/// The line loop of every JSON Lines store: `parse` reads one non-blank
/// line (at most the chunker's `max_line` bytes) with its thread's state
/// (made by `state`), `each` gets what it returns, in file order, and the
/// rules of [`scan_from`] apply to what it refuses.
///
/// Parsing is most of a read's cost (a 100,000-answer history is ~45 MB of
/// JSON), so this thread only reads the file, straight into batches of
/// whole lines of about [`BATCH_BYTES`] (see [`Chunker`]): the lines are
/// found, numbered and parsed by [`PARSERS`] worker threads, and what they
/// give is handed to `each` here in order. At most [`IN_FLIGHT`] batches
/// are out at once, so memory stays bounded however large the file is,
/// and nothing but those batches is ever held.
fn scan_lines<S: Send, T: Send>(
    mut chunker: Chunker<impl Read>,
    state: impl Fn() -> S + Sync,
    parse: impl Fn(&mut S, Position, &[u8]) -> Result<T, Skip> + Sync,
    mut each: impl FnMut(T),
) -> io::Result<(Vec<S>, Vec<Warning>)> {
    let mut tally = Tally::default();
    let (parse, state, max_line) = (&parse, &state, chunker.max_line);
    let Some(first) = chunker.next_batch()? else {
        return Ok((Vec::new(), tally.warnings()));
    };
    // A store that fits in one batch (most of them, and every journal) is
    // parsed right here: threads pay only for a large history.
    if chunker.done() {
        let mut one = state();
        let _ = tally.hand_on(first.parse(0, &mut one, parse, max_line), &mut each);
        return Ok((vec![one], tally.warnings()));
    }
    // Batch n goes to parser n % PARSERS: which thread reads which lines
    // depends only on the file, so a fold over the threads' states (see
    // `History::fold`) adds up in the same order every time.
    // `None` says a parser died (see `Alarm`).
    let (done_tx, done_rx) = std::sync::mpsc::channel::<Option<(usize, Parsed<T>)>>();
    let states = std::thread::scope(|scope| -> io::Result<Vec<S>> {
        let mut work = Vec::with_capacity(PARSERS);
        let mut parsers = Vec::with_capacity(PARSERS);
        for _ in 0..PARSERS {
            let (work_tx, work_rx) = std::sync::mpsc::sync_channel::<(usize, Batch)>(IN_FLIGHT);
            let done = Alarm(done_tx.clone());
            work.push(work_tx);
            parsers.push(scope.spawn(move || {
                let mut state = state();
                while let Ok((n, batch)) = work_rx.recv() {
                    let parsed = batch.parse(n, &mut state, parse, max_line);
                    if done.0.send(Some((n, parsed))).is_err() {
                        break;
                    }
                }
                state
            }));
        }
        drop(done_tx);
        // Batches sent, batches handed on, and those back early.
        let (mut sent, mut next) = (0usize, 0usize);
        let mut early = std::collections::BTreeMap::<usize, Parsed<T>>::new();
        // Set once no batch can come back any more.
        let mut stopped = false;
        // Waits for one batch to come back, then hands on every batch back
        // in order (false when none can come back any more: every parser
        // gone, or one died with batches of its own still out).
        let mut collect = |next: &mut usize, tally: &mut Tally, chunker: &mut Chunker<_>| -> bool {
            if stopped {
                return false;
            }
            let Ok(Some((n, parsed))) = done_rx.recv() else {
                stopped = true;
                return false;
            };
            early.insert(n, parsed);
            while let Some(parsed) = early.remove(next) {
                chunker.recycle(tally.hand_on(parsed, &mut each));
                *next += 1;
            }
            true
        };
        let mut batch = Some(first);
        'send: while let Some(b) = batch {
            // Wait for the oldest batch when enough are out.
            while sent - next >= IN_FLIGHT {
                if !collect(&mut next, &mut tally, &mut chunker) {
                    break 'send;
                }
            }
            if work[sent % PARSERS].send((sent, b)).is_err() {
                break;
            }
            sent += 1;
            batch = chunker.next_batch()?;
        }
        drop(work);
        while next < sent {
            if !collect(&mut next, &mut tally, &mut chunker) {
                break;
            }
        }
        // A parser that panicked passes its panic on, as the scope would.
        Ok(parsers
            .into_iter()
            .map(|p| {
                p.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect())
    })?;
    Ok((states, tally.warnings()))
}

/// A parser's line back to the reading thread, which tells it when the
/// parser dies of a panic (a bug in a fold): the reading thread may be
/// waiting for one of that parser's batches while the other parser, alive,
/// waits for work, and without word of the death neither would ever move.
/// Told, the reading thread stops, and the panic is passed on when the
/// parsers are joined.
struct Alarm<T>(std::sync::mpsc::Sender<Option<(usize, Parsed<T>)>>);

impl<T> Drop for Alarm<T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = self.0.send(None);
        }
    }
}

/// Threads that parse lines while the reading thread reads the next batch.
const PARSERS: usize = 2;
/// A batch is cut at the first line end after this many bytes.
const BATCH_BYTES: usize = 256 * 1024;
/// The file is read this many bytes at a time, straight into the batch.
const READ_BYTES: usize = 64 * 1024;
/// Batches out for parsing at once (bounds memory).
const IN_FLIGHT: usize = 4;

/// Whole lines read from the file, waiting to be parsed: their bytes as
/// they are in the file, newlines included, and the lines too long to keep
/// (each left as an empty line, with its index in the batch and its full
/// length).
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    long: Vec<(usize, usize)>,
}

/// A batch's outcome: how many lines it had, and line by line (numbered
/// from 1 within the batch, blank lines left out) what they gave; and its
/// buffer, emptied, for the next batch to be read into.
struct Parsed<T> {
    lines: usize,
    results: Vec<(usize, Result<T, Skip>)>,
    spare: Vec<u8>,
}

impl Batch {
    /// Cuts the lines (on the parser's thread: finding line ends is a
    /// pass over every byte) and parses them with `state`.
    fn parse<S, T>(
        self,
        n: usize,
        state: &mut S,
        parse: &impl Fn(&mut S, Position, &[u8]) -> Result<T, Skip>,
        max_line: usize,
    ) -> Parsed<T> {
        let mut results = Vec::with_capacity(self.bytes.len() / 256);
        let mut long = self.long.iter().copied().peekable();
        let mut lines = 0usize;
        let mut start = 0usize;
        let ends = memchr::memchr_iter(b'\n', &self.bytes).chain(
            // A last line without its newline (only ever in the last batch).
            (self.bytes.last().is_some_and(|&b| b != b'\n')).then_some(self.bytes.len()),
        );
        for end in ends {
            let content = &self.bytes[start..end];
            start = end + 1;
            let index = lines;
            lines += 1;
            let too_long = match long.peek() {
                Some(&(i, len)) if i == index => {
                    long.next();
                    Some(len)
                }
                _ => (content.len() > max_line).then_some(content.len()),
            };
            let result = match too_long {
                Some(len) => Err(Skip::Bad(format!(
                    "line is too long ({len} bytes; a record is at most {max_line} bytes)"
                ))),
                None => match content.trim_ascii() {
                    [] => continue,
                    bytes => parse(state, Position::of(n, index), bytes),
                },
            };
            results.push((lines, result));
        }
        let mut spare = self.bytes;
        spare.clear();
        Parsed {
            lines,
            results,
            spare,
        }
    }
}

/// Reads a store into [`Batch`]es of whole lines, straight from the
/// reader into the batch (no line is copied on this thread), keeping at
/// most `max_line` bytes of a line too long to be a record: the rest of it
/// is read past and dropped.
struct Chunker<R> {
    reader: R,
    max_line: usize,
    /// Bytes asked of the reader at a time.
    read: usize,
    /// The start of a line read past the last batch's end.
    carry: Vec<u8>,
    eof: bool,
    /// Buffers of batches parsed, to read the next ones into: a fresh
    /// buffer this large is fresh pages from the OS, each one a fault.
    spare: Vec<Vec<u8>>,
}

impl<R: Read> Chunker<R> {
    fn new(reader: R, max_line: usize) -> Self {
        Self {
            reader,
            max_line,
            read: READ_BYTES,
            carry: Vec::new(),
            eof: false,
            spare: Vec::new(),
        }
    }

    /// Takes back a parsed batch's buffer.
    fn recycle(&mut self, spare: Vec<u8>) {
        if self.spare.len() < IN_FLIGHT {
            self.spare.push(spare);
        }
    }

    /// Whether everything has been handed out.
    fn done(&self) -> bool {
        self.eof && self.carry.is_empty()
    }

    /// Reads up to `self.read` more bytes onto `bytes`: how many (0 at the
    /// end of the reader).
    fn fill(&mut self, bytes: &mut Vec<u8>) -> io::Result<usize> {
        bytes.reserve(self.read);
        // `take` + `read_to_end` reads into the spare capacity without
        // zeroing it first, and retries on EINTR.
        (&mut self.reader).take(self.read as u64).read_to_end(bytes)
    }

    /// The next batch: whole lines from about [`BATCH_BYTES`] on (the
    /// last batch may end without a newline); `None` at the end.
    fn next_batch(&mut self) -> io::Result<Option<Batch>> {
        if self.done() {
            return Ok(None);
        }
        let mut bytes = self.spare.pop().unwrap_or_default();
        bytes.reserve(BATCH_BYTES + self.read + self.carry.len());
        bytes.extend_from_slice(&self.carry);
        self.carry.clear();
        let mut long = Vec::new();
        // Where the line being read starts (the carry holds no newline).
        let mut line_start = 0usize;
        // The length so far of a line too long to keep, being read past.
        let mut skipping: Option<usize> = None;
        while !self.eof {
            let before = bytes.len();
            let n = self.fill(&mut bytes)?;
            if n == 0 {
                self.eof = true;
                if let Some(len) = skipping.take() {
                    // The file ends inside it: it is the last line.
                    long.push((count_lines(&bytes), len));
                    bytes.push(b'\n');
                }
                break;
            }
            if let Some(len) = skipping.as_mut() {
                let Some(i) = memchr::memchr(b'\n', &bytes[before..]) else {
                    *len = len.saturating_add(n);
                    bytes.truncate(before);
                    continue;
                };
                // Its end: what was read of it goes, an empty line in its
                // place keeps the numbering.
                long.push((count_lines(&bytes[..before]), len.saturating_add(i)));
                skipping = None;
                bytes.copy_within(before + i.., before);
                bytes.truncate(bytes.len() - i);
            }
            if let Some(i) = memchr::memrchr(b'\n', &bytes[before.max(line_start)..]) {
                line_start = before.max(line_start) + i + 1;
            }
            let partial = bytes.len() - line_start;
            if partial > self.max_line {
                skipping = Some(partial);
                bytes.truncate(line_start);
            } else if line_start >= BATCH_BYTES {
                break;
            }
        }
        if !self.eof {
            self.carry.extend_from_slice(&bytes[line_start..]);
            bytes.truncate(line_start);
        }
        Ok(Some(Batch { bytes, long }))
    }
}

/// Lines ended in `bytes`.
fn count_lines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// What a scan has refused so far, in order, and where it is.
#[derive(Default)]
struct Tally {
    warnings: Vec<Warning>,
    /// (first line, count, highest version) of records from a newer format.
    newer: Option<(usize, usize, u64)>,
    /// Lines handed on so far.
    lines: usize,
}

impl Tally {
    /// Hands on a batch's outcome, in order, numbering its lines after
    /// those before it.
    /// Returns the batch's buffer.
    fn hand_on<T>(&mut self, parsed: Parsed<T>, each: &mut impl FnMut(T)) -> Vec<u8> {
        for (line, result) in parsed.results {
            self.take(self.lines + line, result, each);
        }
        self.lines += parsed.lines;
        parsed.spare
    }

    fn take<T>(&mut self, line: usize, result: Result<T, Skip>, each: &mut impl FnMut(T)) {
        match result {
            Ok(record) => each(record),
            Err(Skip::Unknown) => {}
            Err(Skip::Newer(v)) => {
                let entry = self.newer.get_or_insert((line, 0, v));
                entry.1 += 1;
                entry.2 = entry.2.max(v);
            }
            Err(Skip::Bad(message)) => self.warnings.push(Warning { line, message }),
        }
    }

    fn warnings(mut self) -> Vec<Warning> {
        if let Some((first, count, v)) = self.newer {
            let records = if count == 1 { "record" } else { "records" };
            self.warnings.push(Warning {
                line: first,
                message: format!(
                    "format version {v} is newer than this hotseat reads (version {VERSION}): \
                     {count} {records} from this line on skipped; update hotseat to read them"
                ),
            });
            self.warnings.sort_by_key(|w| w.line);
        }
        self.warnings
    }
}

/// Why a line gave no record.
enum Skip {
    /// Unreadable: warn with this message.
    Bad(String),
    /// A kind this version does not know: ignored.
    Unknown,
    /// A record from a newer format version.
    Newer(u64),
}

impl From<String> for Skip {
    fn from(message: String) -> Self {
        Self::Bad(message)
    }
}

/// Just the fields that say how to read the rest of a line.
#[derive(serde::Deserialize)]
struct Header {
    v: Option<serde_json::Value>,
    kind: Option<serde_json::Value>,
}

/// Turns one non-blank line into a record, or says why it cannot.
///
/// The common case (a well-formed current record) is read straight into
/// its type, after a first pass that reads only `v` and `kind` (serde
/// skips the rest without building it). Anything unusual goes the slow
/// way, through a generic JSON value, which also words the warning.
fn parse_line(bytes: &[u8]) -> Result<Record, Skip> {
    let text = utf8(bytes)?;
    if let Some(kind) = current_kind(text) {
        let parsed = match &*kind {
            "answer" => serde_json::from_str(text).map(Record::Answer),
            "session" => serde_json::from_str(text).map(Record::Session),
            "rating" => serde_json::from_str(text).map(Record::Rating),
            _ => return Err(Skip::Unknown),
        };
        if let Ok(record) = parsed {
            return Ok(record);
        }
    }
    parse_slowly(text)
}

/// The `kind` of a line of this format version, read cheaply: `None` when
/// it is not plainly one (then the slow way says why).
fn current_kind(text: &str) -> Option<std::borrow::Cow<'static, str>> {
    // This version's own lines start the same way, and so do lines in the
    // documented shape with `v` first; others say it in a header read first.
    const PLAIN: [(&str, &str); 6] = [
        (r#"{"kind":"answer","v":1,"#, "answer"),
        (r#"{"v":1,"kind":"answer","#, "answer"),
        (r#"{"kind":"session","v":1,"#, "session"),
        (r#"{"v":1,"kind":"session","#, "session"),
        (r#"{"kind":"rating","v":1,"#, "rating"),
        (r#"{"v":1,"kind":"rating","#, "rating"),
    ];
    if let Some((_, kind)) = PLAIN.iter().find(|(start, _)| text.starts_with(start)) {
        return Some((*kind).into());
    }
    match serde_json::from_str::<Header>(text) {
        Ok(Header {
            v: Some(v),
            kind: Some(serde_json::Value::String(kind)),
        }) if v.as_u64() == Some(u64::from(VERSION)) => Some(kind.into()),
        _ => None,
    }
}

/// A record read by [`parse_reusing`]: the thread's reused answer, or one
/// of its own.
// Lives one line on the stack: boxing the owned one would only add an
// allocation per session record.
#[allow(clippy::large_enum_variant)]
enum Got<'s> {
    Reused(&'s Record),
    Owned(Record),
}

impl Got<'_> {
    fn get(&self) -> &Record {
        match self {
            Self::Reused(r) => r,
            Self::Owned(r) => r,
        }
    }
}

/// [`parse_line`], but an answer (most lines of a history) is read into
/// `scratch`, an answer record kept by the parsing thread: its strings'
/// memory is reused from line to line instead of allocated and freed for
/// each. Anything else, or an answer that does not read cleanly, goes the
/// way of [`parse_line`], so what is read and every warning are the same.
fn parse_reusing<'s>(bytes: &[u8], scratch: &'s mut Record) -> Result<Got<'s>, Skip> {
    use serde::Deserialize as _;
    let text = utf8(bytes)?;
    if current_kind(text).is_some_and(|k| k == "answer")
        && let Record::Answer(answer) = scratch
    {
        let mut de = serde_json::Deserializer::from_str(text);
        // serde's in-place reading (derived with its `deserialize_in_place`
        // feature) overwrites every field, and sets the defaulted ones a
        // line leaves out, so nothing of the previous line survives.
        if AnswerRecord::deserialize_in_place(&mut de, answer)
            .and_then(|()| de.end())
            .is_ok()
        {
            return Ok(Got::Reused(scratch));
        }
    }
    parse_line(bytes).map(Got::Owned)
}

/// A line as text, or the warning for the byte that is not UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str, Skip> {
    std::str::from_utf8(bytes).map_err(|e| {
        Skip::Bad(format!(
            "not valid UTF-8 text (bad byte at column {})",
            e.valid_up_to() + 1
        ))
    })
}

/// The reading of a line that has something unusual about it: through a
/// generic JSON value, so that the warning can say exactly what.
fn parse_slowly(text: &str) -> Result<Record, Skip> {
    let (value, kind) = versioned(text)?;
    if !matches!(kind.as_str(), "answer" | "session" | "rating") {
        return Err(Skip::Unknown);
    }
    serde_json::from_value(value).map_err(|e| Skip::Bad(format!("bad {kind} record: {e}")))
}

/// A line read as a generic JSON object whose format version this build
/// reads, with its `kind`; or why it is skipped, worded for the warning.
fn versioned(text: &str) -> Result<(serde_json::Value, String), Skip> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        // serde_json's positions say "line 1", which would be confusing
        // next to our file line number: keep only the column.
        let full = e.to_string();
        let what = full
            .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
            .unwrap_or(&full);
        format!("not valid JSON ({what} at column {})", e.column())
    })?;
    let object = value
        .as_object()
        .ok_or_else(|| "not a JSON object".to_string())?;
    match object.get("v") {
        None => return Err(Skip::Bad("no \"v\" (format version) field".into())),
        Some(v) if v.as_u64() == Some(u64::from(VERSION)) => {}
        Some(v) if v.as_u64().is_some_and(|n| n > u64::from(VERSION)) => {
            return Err(Skip::Newer(v.as_u64().unwrap_or_default()));
        }
        Some(v) => {
            return Err(Skip::Bad(format!(
                "format version {} is not supported (this hotseat reads version {VERSION}; a newer one may have written it)",
                shown(v)
            )));
        }
    }
    let kind = match object.get("kind") {
        None => return Err(Skip::Bad("no \"kind\" field".into())),
        Some(serde_json::Value::String(kind)) => kind.clone(),
        Some(other) => {
            return Err(Skip::Bad(format!(
                "\"kind\" is {}, not a string",
                shown(other)
            )));
        }
    };
    Ok((value, kind))
}

/// Shows a JSON value from the file: numbers as they are, a string quoted
/// once (its JSON text already has quotes), anything else quoted.
fn shown(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => quote(s),
        other => quote(&other.to_string()),
    }
}

/// Quotes a value taken from the file for a message: control characters
/// escaped, and cut short so a huge value cannot flood the terminal.
fn quote(s: &str) -> String {
    const MAX: usize = 40;
    let mut cut: String = s.chars().take(MAX).collect();
    if cut.len() < s.len() {
        cut.push('…');
    }
    format!("{cut:?}")
}

#[cfg(test)]
mod tests;
