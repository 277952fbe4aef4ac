//! `hotseat forget`: one session's records go, every other byte stays;
//! a crash at any step of the rewrite leaves the old or the new history
//! whole; it asks before it deletes.

mod util;

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Output, Stdio};

use util::Home;
use util::pty::{Exit, Spawn};

fn answer(session: &str, q: &str, at: &str) -> String {
    format!(
        r#"{{"kind":"answer","v":1,"session":"{session}","at":"{at}","mode":"drill","question":"fixture/{q}","category":"fixture","input":"line","think_ms":10,"answer_ms":0,"limit_ms":90000,"overran":false,"skipped":false,"pauses":[],"words":2,"fillers":0,"revisions":0,"hint":false,"rating":null,"text":"an answer"}}"#
    )
}

fn session(id: &str) -> String {
    format!(
        r#"{{"kind":"session","v":1,"session":"{id}","started":"2026-11-30T10:00:00.000+01:00","ended":"2026-11-30T10:05:00.000+01:00","mode":"drill","answered":1,"skipped":0,"interrupted":false}}"#
    )
}

fn rating(id: &str, q: &str, at: &str) -> String {
    format!(
        r#"{{"kind":"rating","v":1,"session":"{id}","question":"fixture/{q}","answer_at":"{at}","rating":2}}"#
    )
}

/// Sessions `a` and `b`, a line nothing can read, in the order written.
fn seeded(home: &Home) -> (String, String) {
    let at1 = "2026-11-30T10:01:00.000+01:00";
    let at2 = "2026-12-01T10:01:00.000+01:00";
    let lines = [
        answer("a", "alpha", at1),
        rating("a", "alpha", at1),
        session("a"),
        "not json at all".to_string(),
        answer("b", "bravo", at2),
        session("b"),
    ];
    let old = lines.join("\n") + "\n";
    let new = [&lines[3], &lines[4], &lines[5]]
        .iter()
        .map(|l| format!("{l}\n"))
        .collect::<String>();
    std::fs::create_dir_all(home.path()).unwrap();
    std::fs::write(home.history_path(), &old).unwrap();
    std::fs::set_permissions(home.history_path(), std::fs::Permissions::from_mode(0o600)).unwrap();
    (old, new)
}

fn forget(home: &Home, args: &[&str], env: Option<(&str, &str)>) -> Output {
    let mut cmd = Command::new(util::bin());
    cmd.arg("--home").arg(home.path()).arg("forget").args(args);
    cmd.stdin(Stdio::null());
    if let Some((k, v)) = env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn history(home: &Home) -> String {
    std::fs::read_to_string(home.history_path()).unwrap()
}

#[test]
fn one_sessions_records_go_and_every_other_line_stays_byte_for_byte() {
    let home = Home::new();
    let (_, new) = seeded(&home);
    let out = forget(&home, &["a", "--yes"], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Session a: 1 answer, 1 rating(s), 1 session record."),
        "{stdout}"
    );
    assert!(stdout.contains("fixture/alpha"), "{stdout}");
    assert!(
        stdout.contains("Deleted 3 records of session a."),
        "{stdout}"
    );
    assert_eq!(history(&home), new);
    let mode = std::fs::metadata(home.history_path())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    assert!(!home.path().join("history.jsonl.forget").exists());
}

#[test]
fn last_is_the_latest_session() {
    let home = Home::new();
    seeded(&home);
    let out = forget(&home, &["last", "--yes"], None);
    assert!(out.status.success());
    let left = history(&home);
    assert!(!left.contains(r#""session":"b""#), "{left}");
    assert!(left.contains(r#""session":"a""#), "{left}");
}

#[test]
fn an_unknown_session_or_no_yes_off_a_terminal_deletes_nothing_and_exits_2() {
    let home = Home::new();
    let (old, _) = seeded(&home);
    let out = forget(&home, &["nope", "--yes"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no session \"nope\""));
    let out = forget(&home, &["a"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pass --yes"));
    assert_eq!(history(&home), old);
    let empty = Home::new();
    let out = forget(&empty, &["last", "--yes"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_crash_at_any_step_leaves_the_old_or_the_new_history_whole() {
    for (step, expect_new) in [("written", false), ("synced", false), ("renamed", true)] {
        let home = Home::new();
        let (old, new) = seeded(&home);
        let out = forget(
            &home,
            &["a", "--yes"],
            Some(("HOTSEAT_TEST_FORGET_CRASH", step)),
        );
        assert!(!out.status.success(), "{step}: the crash was staged");
        let now = history(&home);
        assert_eq!(
            &now,
            if expect_new { &new } else { &old },
            "after a crash at {step}"
        );
        // And the next forget, over any leftover, completes.
        let out = forget(&home, &["a", "--yes"], None);
        if expect_new {
            assert_eq!(out.status.code(), Some(2), "{step}: already gone");
        } else {
            assert!(out.status.success(), "{step}");
        }
        assert_eq!(history(&home), new, "{step}");
    }
}

#[test]
fn on_a_terminal_it_asks_and_no_keeps_everything() {
    let home = Home::new();
    let (old, new) = seeded(&home);
    let mut pty = Spawn::in_home(home.path(), &["forget", "a"]).start();
    pty.expect("Delete these records?");
    std::thread::sleep(std::time::Duration::from_millis(150));
    pty.send("n");
    pty.expect("Nothing deleted.");
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    assert_eq!(history(&home), old);
    let mut pty = Spawn::in_home(home.path(), &["forget", "a"]).start();
    pty.expect("Delete these records?");
    std::thread::sleep(std::time::Duration::from_millis(150));
    pty.send("y");
    pty.expect("Deleted 3 records");
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    assert_eq!(history(&home), new);
}
