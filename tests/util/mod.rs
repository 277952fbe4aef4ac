//! Helpers shared by the drill integration tests (and by the measurement
//! program in `examples/measure_drill.rs`): where the binary and the fixture
//! bank are, the command line every drill test uses, and reading the
//! history file back as JSON.
//!
//! Each test binary uses a different subset of these helpers, so unused ones
//! are expected in any single binary; and `pub` here means "for the test
//! files", which the crate-level `unreachable_pub` lint cannot see.
#![allow(dead_code, unreachable_pub)]

pub mod pty;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The three questions of the fixture bank, by id, with the marker each
/// question, follow-up and tip shows on screen.
pub const QUESTIONS: [Question; 3] = [
    Question {
        id: "alpha",
        text: "Alpha question: how do you plan your week?",
        tip: "Alpha tip: name one concrete habit.",
        followup: "Alpha follow-up: and when the plan breaks?",
    },
    Question {
        id: "bravo",
        text: "Bravo question: what did you learn last year?",
        tip: "Bravo tip: pick one lesson, not five.",
        followup: "Bravo follow-up: how do you use it now?",
    },
    Question {
        id: "charlie",
        text: "Charlie question: why this team?",
        tip: "Charlie tip: mention something you read about them.",
        followup: "Charlie follow-up: what would you change here?",
    },
];

/// One question of the fixture bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Its id in the bank.
    pub id: &'static str,
    /// Its text, exactly as in the bank.
    pub text: &'static str,
    /// Its one tip.
    pub tip: &'static str,
    /// Its one follow-up.
    pub followup: &'static str,
}

impl Question {
    /// `fixture/<id>`, as the history names it.
    pub fn key(&self) -> String {
        format!("fixture/{}", self.id)
    }
}

/// The fixture question whose text is `text`.
pub fn question_by_text(text: &str) -> Question {
    QUESTIONS
        .iter()
        .copied()
        .find(|q| q.text == text)
        .unwrap_or_else(|| panic!("not a fixture question: {text}"))
}

/// The `hotseat` binary under test. `CARGO_BIN_EXE_hotseat` exists for
/// integration tests; the measurement example (which cargo does not give it
/// to) finds the binary next to its own target folder or via `HOTSEAT_BIN`.
pub fn bin() -> PathBuf {
    if let Some(path) = option_env!("CARGO_BIN_EXE_hotseat") {
        return PathBuf::from(path);
    }
    if let Some(path) = std::env::var_os("HOTSEAT_BIN") {
        return PathBuf::from(path);
    }
    // target/<profile>/examples/measure_drill -> target/<profile>/hotseat
    let exe = std::env::current_exe().expect("current_exe");
    let profiledir = exe
        .parent()
        .and_then(Path::parent)
        .expect("example lives in target/<profile>/examples");
    profiledir.join("hotseat")
}

/// The fixture bank file.
pub fn fixture_bank() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fixture.yaml")
}

/// The arguments of a reproducible drill on the fixture bank in `home`,
/// followed by `extra` drill flags.
pub fn drill_args(home: &Path, extra: &[&str]) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec![
        "--home".into(),
        home.into(),
        "--bank".into(),
        fixture_bank().into(),
        "drill".into(),
        "--category".into(),
        "fixture".into(),
        "--seed".into(),
        "1".into(),
    ];
    args.extend(extra.iter().map(OsString::from));
    args
}

/// A fresh, private home folder for one test. The drill must create it, so
/// this returns a path inside a temporary directory that does not exist yet.
pub struct Home {
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl Home {
    /// A home that does not exist yet.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("home");
        Self { dir, path }
    }

    /// The home folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A scratch folder next to the home (for `stty -g` captures).
    pub fn scratch(&self) -> &Path {
        self.dir.path()
    }

    /// `<home>/history.jsonl`.
    pub fn history_path(&self) -> PathBuf {
        self.path.join("history.jsonl")
    }

    /// Every record of the history, in order. Panics on a line that is not
    /// JSON: the drill must only ever write whole records.
    pub fn history(&self) -> Vec<Value> {
        read_history(&self.history_path())
    }

    /// The `answer` records.
    pub fn answers(&self) -> Vec<Value> {
        of_kind(self.history(), "answer")
    }

    /// The `session` records.
    pub fn sessions(&self) -> Vec<Value> {
        of_kind(self.history(), "session")
    }

    /// The one session record, checked for shape, for being the last line
    /// (it closes the session) and for carrying the id of `answers`.
    #[track_caller]
    pub fn only_session(&self, answers: &[Value]) -> Value {
        let sessions = self.sessions();
        assert_eq!(sessions.len(), 1, "one session record: {sessions:#?}");
        let session = sessions[0].clone();
        assert_session_shape(&session);
        for a in answers {
            assert_eq!(a["session"], session["session"], "same session id");
        }
        assert_eq!(
            self.history().last(),
            Some(&session),
            "session record comes last"
        );
        session
    }
}

impl Default for Home {
    fn default() -> Self {
        Self::new()
    }
}

/// Runs `hotseat --home HOME ARGS…` with `input` on a piped standard input
/// (so in line mode), `HOTSEAT_HOME` unset, and waits for it.
pub fn run_piped(
    home: &Path,
    args: impl IntoIterator<Item = impl AsRef<std::ffi::OsStr>>,
    input: &str,
) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(bin())
        .arg("--home")
        .arg(home)
        .args(args)
        .env_remove("HOTSEAT_HOME")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hotseat");
    let mut stdin = child.stdin.take().expect("stdin");
    // It may stop reading early (an error, a session that ended): fine.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("wait for hotseat")
}

/// Output bytes as text (lossy).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Reads a history file into JSON values; a missing file is empty.
pub fn read_history(path: &Path) -> Vec<Value> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => panic!("reading {}: {e}", path.display()),
    };
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "history must end with a newline (whole records only): {text:?}"
    );
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("history line {}: {e}: {line:?}", i + 1))
        })
        .collect()
}

fn of_kind(records: Vec<Value>, kind: &str) -> Vec<Value> {
    records.into_iter().filter(|r| r["kind"] == kind).collect()
}

/// A JSON number as u64, panicking with the record when it is not one.
pub fn u64_of(record: &Value, key: &str) -> u64 {
    record[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} is not a non-negative integer in {record:#}"))
}

/// Asserts `actual` lies in `[low, high]`, naming what it measures.
#[track_caller]
pub fn assert_within(what: &str, actual: u64, low: u64, high: u64) {
    assert!(
        (low..=high).contains(&actual),
        "{what} = {actual}, expected within [{low}, {high}]"
    );
}

/// Checks the invariants every answer record must keep, whatever the test.
#[track_caller]
pub fn assert_answer_shape(record: &Value) {
    for key in [
        "v",
        "kind",
        "session",
        "at",
        "mode",
        "question",
        "category",
        "input",
        "think_ms",
        "answer_ms",
        "limit_ms",
        "overran",
        "skipped",
        "pauses",
        "words",
        "fillers",
        "revisions",
        "hint",
        "rating",
        "text",
    ] {
        assert!(
            record.get(key).is_some(),
            "answer record lacks {key}: {record:#}"
        );
    }
    assert_eq!(record["v"], 1, "{record:#}");
    assert_eq!(record["mode"], "drill", "{record:#}");
    assert_eq!(record["category"], "fixture", "{record:#}");
    let at = record["at"].as_str().expect("at is a string");
    assert!(
        at.parse::<jiff::Timestamp>().is_ok(),
        "at is not RFC 3339: {at}"
    );
}

/// Checks the invariants of a session record.
#[track_caller]
pub fn assert_session_shape(record: &Value) {
    for key in [
        "v",
        "session",
        "started",
        "ended",
        "mode",
        "answered",
        "skipped",
        "interrupted",
    ] {
        assert!(
            record.get(key).is_some(),
            "session record lacks {key}: {record:#}"
        );
    }
    assert_eq!(record["v"], 1, "{record:#}");
    assert_eq!(record["mode"], "drill", "{record:#}");
}

/// True when `bytes` holds an ANSI escape (ESC) or CSI (0x9b) introducer.
pub fn has_escape(bytes: &[u8]) -> bool {
    // 0x9b never occurs in UTF-8 as a lead byte, but may as a continuation
    // byte, so only ESC is checked byte-wise; C1 CSI is checked as a char.
    bytes.contains(&0x1b) || String::from_utf8_lossy(bytes).contains('\u{9b}')
}
