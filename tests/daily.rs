//! `hotseat daily` end to end: line mode on the fixture bank with
//! synthetic histories written relative to now, and through a real
//! pseudo-terminal for the self-rating.

mod util;

use std::ffi::OsString;
use std::process::{Command, Output, Stdio};

use std::time::Duration;
use util::text;

use serde_json::{Value, json};
use util::pty::{COUNTDOWN_STARTED, DEADLINE, ENTER, Exit, Spawn};
use util::{Home, QUESTIONS, fixture_bank};

/// `--bank fixture daily --category fixture EXTRA…` (after `--home`).
fn daily_args(extra: &[&str]) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec![
        "--bank".into(),
        fixture_bank().into(),
        "daily".into(),
        "--category".into(),
        "fixture".into(),
    ];
    args.extend(extra.iter().map(OsString::from));
    args
}

fn run(home: &Home, extra: &[&str], input: &str) -> Output {
    util::run_piped(home.path(), daily_args(extra), input)
}

/// A time `hours_ago` hours before now, as the history writes it.
fn ago(hours: i64) -> String {
    let t = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(hours);
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// An answer in the documented shape (no optional fields).
fn answer(id: &str, mode: &str, hours_ago: i64, stalled: bool) -> Value {
    json!({
        "v": 1, "kind": "answer", "session": format!("s-{id}-{hours_ago}"),
        "at": ago(hours_ago), "mode": mode, "question": format!("fixture/{id}"),
        "category": "fixture", "input": "typed",
        "think_ms": if stalled { 45_000 } else { 6_000 },
        "answer_ms": 40_000, "limit_ms": 90_000, "overran": false,
        "skipped": false,
        "pauses": [], "words": 60, "fillers": 0, "revisions": 0, "hint": false,
        "rating": null, "text": "an answer of some length"
    })
}

fn write_history(home: &Home, records: &[Value]) {
    std::fs::create_dir_all(home.path()).unwrap();
    let mut text = String::new();
    for r in records {
        text.push_str(&r.to_string());
        text.push('\n');
    }
    std::fs::write(home.history_path(), text).unwrap();
}

/// alpha and charlie answered smoothly over weeks; bravo stalled on
/// (in `bravo_mode`) yesterday and before.
fn stalling_history(bravo_mode: &str) -> Vec<Value> {
    let mut h = Vec::new();
    for days in [40, 30, 20] {
        h.push(answer("alpha", "drill", days * 24, false));
        h.push(answer("charlie", "daily", days * 24, false));
    }
    for days in [9, 5, 1] {
        h.push(answer("bravo", bravo_mode, days * 24, true));
    }
    h
}

#[test]
fn a_first_daily_set_is_new_questions_recorded_as_daily() {
    let home = Home::new();
    let out = run(
        &home,
        &["--count", "2", "--seed", "1"],
        "first answer\nsecond answer\n",
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    assert!(stdout.contains("Nothing practised yet"), "{stdout}");
    assert!(stdout.contains("Today's set: 2 new."), "{stdout}");
    assert!(
        stdout.contains("Streak: 1 day, today included."),
        "{stdout}"
    );
    let answers = home.answers();
    assert_eq!(answers.len(), 2);
    assert!(answers.iter().all(|a| a["mode"] == "daily"), "{answers:#?}");
    assert_ne!(answers[0]["question"], answers[1]["question"]);
    let sessions = home.sessions();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["mode"], "daily");
    assert_eq!(sessions[0]["interrupted"], false);
}

#[test]
fn the_question_that_stalls_you_comes_first_whatever_the_seed() {
    for seed in ["1", "2", "3", "4", "5"] {
        let home = Home::new();
        write_history(&home, &stalling_history("daily"));
        let out = run(
            &home,
            &["--count", "1", "--seed", seed],
            "now I answer it\n",
        );
        let stdout = text(&out.stdout);
        assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
        assert!(stdout.contains(QUESTIONS[1].text), "seed {seed}: {stdout}");
        assert!(stdout.contains("Today's set: 1 due."), "{stdout}");
        assert!(
            stdout.contains("Streak: 2 days, today included."),
            "{stdout}"
        );
        let answers = home.answers();
        assert_eq!(answers.last().unwrap()["question"], "fixture/bravo");
    }
}

#[test]
fn due_lists_what_is_due_and_rehearsals_do_not_count() {
    let home = Home::new();
    write_history(&home, &stalling_history("daily"));
    let out = run(&home, &["--due"], "");
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("Due now: 1 question."), "{stdout}");
    assert!(stdout.contains("  fixture/bravo — hesitation"), "{stdout}");
    // --due starts no session and writes nothing.
    assert_eq!(home.history().len(), 9);

    let home = Home::new();
    write_history(&home, &stalling_history("rehearse"));
    let out = run(&home, &["--due"], "");
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Due now: 0 questions."), "{stdout}");
    assert!(!stdout.contains("fixture/bravo"), "{stdout}");
    assert!(stdout.contains("Never asked: 1 question."), "{stdout}");
}

#[test]
fn a_set_larger_than_the_categories_is_smaller_and_says_so() {
    let home = Home::new();
    let out = run(&home, &["--count", "5", "--seed", "2"], "a\nb\nc\n");
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("The chosen categories hold 3 questions: today's set has 3."),
        "{stdout}"
    );
    assert_eq!(home.answers().len(), 3);
}

#[test]
fn a_broken_history_line_is_a_warning_not_a_failure() {
    let home = Home::new();
    let mut h = stalling_history("daily");
    h.insert(2, json!("not a record"));
    write_history(&home, &h);
    let out = run(&home, &["--due"], "");
    assert!(out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("history.jsonl:3: skipped unreadable record"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("fixture/bravo"));
}

#[test]
fn an_unknown_category_is_a_usage_error() {
    let home = Home::new();
    let out = Command::new(util::bin())
        .args(["--home"])
        .arg(home.path())
        .args(["daily", "--category", "nope"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no bank has category \"nope\""));
}

#[test]
fn rate_asks_after_the_feedback_and_appends_a_rating_record() {
    let home = Home::new();
    let mut args: Vec<OsString> = vec!["--home".into(), home.path().into()];
    args.extend(daily_args(&["--count", "1", "--seed", "1", "--rate"]));
    let mut pty = Spawn::hotseat(args).start();
    pty.expect(COUNTDOWN_STARTED);
    pty.type_text("my answer", Duration::from_millis(30));
    pty.send(ENTER);
    pty.expect_within("How did that feel?", DEADLINE);
    std::thread::sleep(Duration::from_millis(200));
    pty.send("2");
    pty.expect_within("Rated 2.", DEADLINE);
    let exit = pty.wait_exit();
    assert_eq!(exit, Exit::Code(0), "{}", pty.screen());
    let history = home.history();
    let kinds: Vec<&str> = history
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["answer", "rating", "session"]);
    assert_eq!(
        history[0]["rating"],
        Value::Null,
        "the answer is never rewritten"
    );
    assert_eq!(history[1]["rating"], 2);
    assert_eq!(history[1]["answer_at"], history[0]["at"]);
    assert_eq!(history[1]["question"], history[0]["question"]);
}

#[test]
fn due_shows_the_last_answer_on_the_date_it_was_written_in_its_own_offset() {
    // 00:30 in Tokyo is 15:30 the day before in UTC: the answer was given
    // on the Tokyo date, and the machine's zone (UTC here) must not move it.
    let home = Home::new();
    let day = (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(72))
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let mut stalled = answer("bravo", "daily", 72, true);
    stalled["at"] = json!(format!("{day}T00:30:00.000+09:00"));
    write_history(&home, &[stalled]);
    let out = Command::new(util::bin())
        .arg("--home")
        .arg(home.path())
        .args(daily_args(&["--due"]))
        .env_remove("HOTSEAT_HOME")
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains(&format!("last answered {day} ")),
        "{stdout}"
    );
}
