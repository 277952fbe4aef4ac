//! The reflection journal, `<home>/journal.jsonl`: one `reflection` record
//! per real interview, written by `hotseat reflect`.
//!
//! It follows the history's rules through the history's own code: created
//! only on the first append (home `0700`, file `0600`), one `write_all`
//! of one line under an exclusive lock then `sync_data`, never rewritten;
//! readers take a shared lock and skip unreadable lines with a warning that
//! names the line.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{HistoryError, Skip, Warning, append_record, scan_file, utf8, versioned};
use crate::drill::Stamp;
use crate::drill::record::VERSION;

/// The journal's file name inside the home folder.
pub const FILE_NAME: &str = "journal.jsonl";

/// How the interview ended, as far as the user knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// They made an offer.
    Offer,
    /// They said no.
    Rejected,
    /// No answer yet.
    Waiting,
    /// The user withdrew.
    Withdrew,
}

impl Outcome {
    /// Every outcome, in the order the form offers them.
    pub const ALL: [Outcome; 4] = [
        Outcome::Offer,
        Outcome::Rejected,
        Outcome::Waiting,
        Outcome::Withdrew,
    ];

    /// The word stored in the record (`offer`, `rejected`, …).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Offer => "offer",
            Outcome::Rejected => "rejected",
            Outcome::Waiting => "waiting",
            Outcome::Withdrew => "withdrew",
        }
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One reflection after a real interview, exactly as stored (the record's
/// `"kind": "reflection"` is added around it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reflection {
    /// Format version, [`VERSION`].
    pub v: u32,
    /// When the reflection was written.
    pub at: Stamp,
    /// The company interviewed with.
    pub company: String,
    /// The role, when given.
    #[serde(default)]
    pub role: Option<String>,
    /// The day of the interview (`2026-11-30`).
    pub date: Date,
    /// How it ended.
    pub outcome: Outcome,
    /// What went well.
    #[serde(default)]
    pub went_well: Vec<String>,
    /// What went badly.
    #[serde(default)]
    pub went_badly: Vec<String>,
    /// The questions that caught the user off guard.
    #[serde(default)]
    pub caught_off_guard: Vec<String>,
    /// What felt off about the place.
    #[serde(default)]
    pub felt_off: Vec<String>,
    /// What the user would prefer instead.
    #[serde(default)]
    pub would_prefer: Vec<String>,
}

/// The tagged form written to the file: `{"kind":"reflection","v":1,…}`.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Entry {
    Reflection(Reflection),
}

/// The journal file of one home folder.
#[derive(Debug, Clone)]
pub struct Journal {
    path: PathBuf,
}

impl Journal {
    /// The journal in `home`. Creates nothing until the first append.
    #[must_use]
    pub fn open(home: &Path) -> Self {
        Self {
            path: home.join(FILE_NAME),
        }
    }

    /// The file's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one reflection as one line, by the history's rules (see
    /// [`super::History::append`]). The record's `v` is set to [`VERSION`].
    pub fn append(&self, reflection: &Reflection) -> Result<(), HistoryError> {
        let mut reflection = reflection.clone();
        reflection.v = VERSION;
        append_record(&self.path, &Entry::Reflection(reflection))
    }

    /// Every reflection in file order (oldest first), and the warnings for
    /// lines skipped. A missing file is an empty journal.
    pub fn read(&self) -> Result<(Vec<Reflection>, Vec<Warning>), HistoryError> {
        let mut out = Vec::new();
        let (_, warnings) = scan_file(
            &self.path,
            || (),
            |(), _, b| parse_reflection(b),
            |r| out.push(r),
        )?;
        Ok((out, warnings))
    }
}

/// One non-blank line into a reflection, or why not. Kinds other than
/// `reflection` are left alone silently, as the history does with kinds it
/// does not know.
fn parse_reflection(bytes: &[u8]) -> Result<Reflection, Skip> {
    let (value, kind) = versioned(utf8(bytes)?)?;
    if kind != "reflection" {
        return Err(Skip::Unknown);
    }
    match serde_json::from_value(value) {
        Ok(Entry::Reflection(r)) => Ok(r),
        Err(e) => Err(Skip::Bad(format!("bad reflection record: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(company: &str, at: &str) -> Reflection {
        Reflection {
            v: VERSION,
            at: Stamp::parse(at).unwrap(),
            company: company.into(),
            role: Some("data engineer".into()),
            date: Date::constant(2026, 11, 30),
            outcome: Outcome::Waiting,
            went_well: vec!["the system design part".into()],
            went_badly: vec![],
            caught_off_guard: vec!["Why should we not hire you?".into()],
            felt_off: vec!["nobody asked about testing".into()],
            would_prefer: vec!["a team that reviews code".into()],
        }
    }

    #[test]
    fn a_reflection_is_one_line_in_the_documented_shape() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let journal = Journal::open(&home);
        assert!(!home.exists(), "opening creates nothing");
        journal
            .append(&sample("Acme", "2026-11-30T18:04:31.5+01:00"))
            .unwrap();
        let text = std::fs::read_to_string(journal.path()).unwrap();
        assert_eq!(text.lines().count(), 1);
        assert!(
            text.starts_with(r#"{"kind":"reflection","v":1,"at":"2026-11-30T18:04:31.500+01:00","company":"Acme","role":"data engineer","date":"2026-11-30","outcome":"waiting","went_well":["#),
            "{text}"
        );
        for key in ["went_badly", "caught_off_guard", "felt_off", "would_prefer"] {
            assert!(text.contains(&format!("\"{key}\":[")), "{key}: {text}");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(journal.path())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
            let mode = std::fs::metadata(&home).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
    }

    #[test]
    fn appends_keep_earlier_lines_and_bad_lines_are_skipped_with_their_number() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path());
        journal
            .append(&sample("Acme", "2026-11-30T18:00:00Z"))
            .unwrap();
        // A torn write, an answer record and a newer format between two
        // good lines: only the torn one is worth a warning.
        {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(journal.path())
                .unwrap();
            f.write_all(b"{\"kind\":\"reflection\",\"v\":1,\"at\":\n")
                .unwrap();
            f.write_all(b"{\"kind\":\"other\",\"v\":1}\n").unwrap();
            f.write_all(b"{\"kind\":\"reflection\",\"v\":1,\"company\":3}\n")
                .unwrap();
            f.write_all(b"{\"kind\":\"reflection\",\"v\":1,\"company\":\"torn")
                .unwrap();
        }
        journal
            .append(&sample("Globex", "2026-12-01T09:00:00Z"))
            .unwrap();
        let (got, warnings) = journal.read().unwrap();
        let companies: Vec<&str> = got.iter().map(|r| r.company.as_str()).collect();
        assert_eq!(companies, ["Acme", "Globex"]);
        let lines: Vec<usize> = warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [2, 4, 5], "{warnings:?}");
        assert!(
            warnings[0].message.contains("not valid JSON"),
            "{warnings:?}"
        );
        assert!(
            warnings[1].message.starts_with("bad reflection record"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_missing_journal_is_empty_and_absent_lists_and_role_read_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path());
        assert_eq!(journal.read().unwrap().0, vec![]);
        std::fs::write(
            journal.path(),
            "{\"kind\":\"reflection\",\"v\":1,\"at\":\"2026-11-30T18:00:00Z\",\"company\":\"Acme\",\"date\":\"2026-11-30\",\"outcome\":\"offer\"}\n",
        )
        .unwrap();
        let (got, warnings) = journal.read().unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(got[0].role, None);
        assert_eq!(got[0].outcome, Outcome::Offer);
        assert!(got[0].caught_off_guard.is_empty());
    }
}
