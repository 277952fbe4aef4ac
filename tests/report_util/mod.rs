//! Helpers for the report commands' tests (`stats`, `history`, `review`,
//! `export`): the fixture history, a home holding it, and running the
//! binary with a fixed today (`HOTSEAT_TODAY`) and zone (`TZ`).
#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The day every report test runs on.
pub const TODAY: &str = "2026-12-01";

/// `tests/fixtures/stats_history.jsonl`: five sessions over 2026-11-20 …
/// 2026-11-30 in several UTC offsets, a rating, a rehearsal with a
/// follow-up and hostile text, a session without its closing record.
pub fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stats_history.jsonl")
}

/// The fixture's text.
pub fn fixture() -> String {
    std::fs::read_to_string(fixture_path()).expect("fixture history")
}

/// The fixture's records as JSON values.
pub fn fixture_values() -> Vec<serde_json::Value> {
    fixture()
        .lines()
        .map(|l| serde_json::from_str(l).expect("fixture line"))
        .collect()
}

/// A temporary home whose history is `text`.
pub struct ReportHome {
    dir: tempfile::TempDir,
}

impl ReportHome {
    /// A home holding `text` as its history.
    pub fn with(text: &str) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("history.jsonl"), text).expect("write history");
        Self { dir }
    }

    /// A home with no history at all.
    pub fn empty() -> Self {
        Self {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// The home folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `hotseat --home <home> ARGS` on [`TODAY`] in `tz`.
    pub fn run_in(&self, tz: &str, today: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_hotseat"))
            .arg("--home")
            .arg(self.path())
            .args(args)
            .env_remove("HOTSEAT_HOME")
            .env("HOTSEAT_TODAY", today)
            .env("TZ", tz)
            .env("NO_COLOR", "1")
            .output()
            .expect("run hotseat")
    }

    /// Runs on [`TODAY`] in UTC.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_in("UTC", TODAY, args)
    }
}

/// Standard output as text, after checking the exit code.
pub fn ok(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
