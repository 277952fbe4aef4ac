//! `hotseat drill` driven through a real pseudo-terminal: what a person sees
//! and what the history records when they type, pause, skip, paste, ask for
//! tips, speak, run out of time, or end the session by Ctrl-C or a signal.
//!
//! Timings are asserted with tolerances meant for a loaded 2-core machine:
//! a recorded time may be a little early (the screen shows the question a
//! moment before the program takes its timestamp) and up to 400 ms late
//! (scheduling of the test, the reader thread and the program).

mod util;

use std::time::{Duration, Instant};

use serde_json::Value;
use util::pty::{
    BACKSPACE, CTRL_C, CTRL_W, DEADLINE, ENTER, ESC, Exit, KEY_GAP, NEXT_PROMPT, Pty, Spawn, TAB,
};
use util::{Home, QUESTIONS, Question, assert_within, drill_args, u64_of};

/// How much earlier than the sender's own measure a recorded time may be.
const EARLY_MS: u64 = 50;
/// How much later than the sender's own measure a recorded time may be.
const LATE_MS: u64 = 400;
fn start(home: &Home, extra: &[&str]) -> Pty {
    Spawn::hotseat(drill_args(home.path(), extra)).start()
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

#[track_caller]
fn assert_clean_exit(exit: Exit) {
    assert_eq!(exit, Exit::Code(0), "the drill should exit 0");
}

#[test]
fn typed_answer_records_think_time_pause_and_text() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    let (question, shown) = pty.wait_question();

    std::thread::sleep(Duration::from_millis(1500));
    let first_key = Instant::now();
    let before_pause = pty.type_text("I tend to", KEY_GAP);
    std::thread::sleep(Duration::from_millis(4500));
    let after_pause = Instant::now();
    pty.type_text(" over prepare", KEY_GAP);
    let submit = Instant::now();
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let answers = home.answers();
    assert_eq!(answers.len(), 1, "{answers:#?}");
    let a = &answers[0];
    util::assert_answer_shape(a);
    assert_eq!(a["question"], question.key());
    assert_eq!(a["input"], "typed");
    assert_eq!(a["text"], "I tend to over prepare");
    assert_eq!(a["words"], 5);
    assert_eq!(a["skipped"], false);
    assert_eq!(a["overran"], false);
    assert_eq!(a["hint"], false);
    assert_eq!(a["revisions"], 0);
    assert_eq!(a["fillers"], 0);
    assert_eq!(a["limit_ms"], 90_000, "the bank's limit");

    let think = ms(first_key - shown);
    assert_within(
        "think_ms",
        u64_of(a, "think_ms"),
        1500 - EARLY_MS,
        think + LATE_MS,
    );
    let answer = ms(submit - first_key);
    assert_within(
        "answer_ms",
        u64_of(a, "answer_ms"),
        answer - EARLY_MS,
        answer + LATE_MS,
    );

    let pauses = a["pauses"].as_array().expect("pauses is a list");
    assert_eq!(pauses.len(), 1, "exactly one pause: {pauses:#?}");
    let gap = ms(after_pause - before_pause);
    assert_within(
        "pause ms",
        u64_of(&pauses[0], "ms"),
        4500 - EARLY_MS,
        gap + LATE_MS,
    );
    assert_eq!(pauses[0]["at_word"], 3);
    assert_eq!(pauses[0]["at_char"], 9);

    let session = home.only_session(&answers);
    assert_eq!(session["answered"], 1);
    assert_eq!(session["skipped"], 0);
    assert_eq!(session["interrupted"], false);
}

#[test]
fn first_question_needs_no_key_and_next_waits_for_enter() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "2"]);
    // No key has been sent: the first question must show by itself.
    let (first, _) = pty.wait_question();

    pty.type_text("done", KEY_GAP);
    pty.send(ENTER);
    // Feedback for the first answer: its follow-up question.
    pty.expect(first.followup);

    // Without Enter, the second question must not come.
    std::thread::sleep(Duration::from_millis(1500));
    for q in QUESTIONS.iter().filter(|q| **q != first) {
        assert!(
            !pty.seen(q.text),
            "{:?} appeared before Enter; screen:\n{}",
            q.text,
            pty.screen()
        );
    }
    assert!(pty.try_exit().is_none(), "the drill ended after one answer");
    assert_eq!(home.answers().len(), 1, "the first answer is saved at once");

    pty.pass_gate();
    let second = pty.wait_next_question(first);
    pty.type_text("second", KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let answers = home.answers();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0]["question"], first.key());
    assert_eq!(answers[1]["question"], second.key());
    let session = home.only_session(&answers);
    assert_eq!(session["answered"], 2);
    assert_eq!(session["interrupted"], false);
}

#[test]
fn esc_skips_the_question() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    let (question, _) = pty.wait_question();
    std::thread::sleep(Duration::from_millis(200));
    pty.send(ESC);
    assert_clean_exit(pty.wait_exit());

    let answers = home.answers();
    assert_eq!(answers.len(), 1);
    util::assert_answer_shape(&answers[0]);
    assert_eq!(answers[0]["question"], question.key());
    assert_eq!(answers[0]["skipped"], true);
    let session = home.only_session(&answers);
    assert_eq!(session["answered"], 0);
    assert_eq!(session["skipped"], 1);
}

#[test]
fn spoken_answer_marks_start_and_stumble() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1", "--input", "spoken"]);
    let (_, shown) = pty.wait_question();
    std::thread::sleep(Duration::from_secs(1));
    let started = Instant::now();
    pty.send(" ");
    std::thread::sleep(Duration::from_millis(700));
    let stumble = Instant::now();
    pty.send(" ");
    std::thread::sleep(Duration::from_millis(300));
    let done = Instant::now();
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let answers = home.answers();
    assert_eq!(answers.len(), 1);
    let a = &answers[0];
    util::assert_answer_shape(a);
    assert_eq!(a["input"], "spoken");
    assert_eq!(a["skipped"], false);
    assert_within(
        "think_ms",
        u64_of(a, "think_ms"),
        1000 - EARLY_MS,
        ms(started - shown) + LATE_MS,
    );
    assert_within(
        "answer_ms",
        u64_of(a, "answer_ms"),
        ms(done - started) - EARLY_MS,
        ms(done - started) + LATE_MS,
    );
    let pauses = a["pauses"].as_array().expect("pauses is a list");
    assert_eq!(pauses.len(), 1, "one stumble mark: {pauses:#?}");
    assert_eq!(pauses[0]["at_word"], Value::Null, "a stumble has no word");
    // The stumble is placed where it happened in the answer.
    assert_within(
        "stumble at_ms",
        u64_of(&pauses[0], "at_ms"),
        ms(stumble - started) - EARLY_MS,
        ms(stumble - started) + LATE_MS,
    );
    let session = home.only_session(&answers);
    assert_eq!(session["answered"], 1);
}

#[test]
fn non_ascii_answer_is_saved_exactly() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    pty.wait_question();
    pty.type_text("Café 日本 👍", KEY_GAP);
    std::thread::sleep(KEY_GAP);
    // One Backspace removes the whole emoji (one grapheme, 4 bytes).
    pty.send(BACKSPACE);
    std::thread::sleep(KEY_GAP);
    pty.send("!");
    // What was typed is readable on screen, wide characters included.
    pty.expect("Café 日本 !");
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let answers = home.answers();
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0]["text"], "Café 日本 !");
    assert!(
        u64_of(&answers[0], "revisions") >= 1,
        "the deleted emoji counts as a revision"
    );
    // "!" alone is punctuation, not a word.
    assert_eq!(answers[0]["words"], 2);
}

#[test]
fn bracketed_paste_is_one_event() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    pty.wait_question();
    assert!(
        pty.wait_state(DEADLINE, vt100::Screen::bracketed_paste)
            .is_some(),
        "the drill should turn bracketed paste on while waiting for an answer"
    );
    // The Enter inside the paste is part of the pasted text, not a submit.
    pty.send("\x1b[200~pasted text\rsecond line\x1b[201~");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        pty.try_exit().is_none(),
        "a newline inside a paste submitted"
    );
    pty.type_text(" end", KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let answers = home.answers();
    assert_eq!(answers.len(), 1);
    let text = answers[0]["text"].as_str().expect("text");
    assert!(text.starts_with("pasted text"), "{text:?}");
    assert!(text.contains("second line"), "{text:?}");
    assert!(text.ends_with(" end"), "{text:?}");
    assert_eq!(answers[0]["revisions"], 0);
    assert_eq!(answers[0]["pauses"], Value::Array(Vec::new()));
}

#[test]
fn a_full_answer_says_so_and_keeps_what_fitted() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    pty.wait_question();
    assert!(
        pty.wait_state(DEADLINE, vt100::Screen::bracketed_paste)
            .is_some()
    );
    // One paste past the 20,000-character cap: the rest is dropped, and
    // the screen must say why further keys add nothing.
    let long = "word ".repeat(4_001);
    pty.send(&format!("\x1b[200~{long}\x1b[201~"));
    pty.expect("the answer is full");
    pty.type_text("x", KEY_GAP);
    pty.expect("the answer is full");
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());
    let answers = home.answers();
    assert_eq!(answers.len(), 1);
    assert_eq!(
        answers[0]["text"].as_str().map(|t| t.chars().count()),
        Some(20_000)
    );
    assert_eq!(answers[0]["truncated"], true);
}

#[test]
fn tab_shows_the_tips_and_records_a_hint() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    let (question, _) = pty.wait_question();
    assert!(!pty.seen(question.tip), "tips show only on request");
    pty.send(TAB);
    pty.expect(question.tip);
    pty.type_text("ok", KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let answers = home.answers();
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0]["hint"], true);
    assert_eq!(answers[0]["text"], "ok", "Tab inserts no text");
}

#[test]
fn strict_limit_submits_the_answer_by_itself() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1", "--limit", "2s", "--strict"]);
    pty.wait_question();
    let first_key = Instant::now();
    pty.type_text("slow", KEY_GAP);
    // No Enter: the limit must end the answer, and the session with it.
    assert_clean_exit(pty.wait_exit_within(Duration::from_secs(10)));
    let ended = ms(first_key.elapsed());
    assert!(ended >= 1900, "submitted before the limit ({ended} ms)");

    let answers = home.answers();
    assert_eq!(answers.len(), 1);
    let a = &answers[0];
    assert_eq!(a["overran"], true);
    assert_eq!(a["skipped"], false);
    assert_eq!(a["limit_ms"], 2000);
    assert_eq!(a["text"], "slow");
    assert_within("answer_ms", u64_of(a, "answer_ms"), 1900, 2000 + 1000);
}

#[test]
fn ctrl_c_mid_answer_keeps_finished_answers_and_restores_terminal() {
    util::pty::interrupt_second_answer(
        |pty, _| {
            pty.send(CTRL_C);
            // The last frame says the half-typed answer is dropped.
            pty.expect("session ended: this answer is not saved");
        },
        Exit::Code(130),
    );
}

#[test]
fn sigterm_mid_answer_keeps_finished_answers_and_restores_terminal() {
    util::pty::interrupt_second_answer(|_, pid| Pty::kill(pid, "TERM"), Exit::Code(143));
}

#[test]
fn sighup_mid_answer_keeps_finished_answers_and_restores_terminal() {
    util::pty::interrupt_second_answer(|_, pid| Pty::kill(pid, "HUP"), Exit::Code(129));
}

#[test]
fn sigint_mid_answer_keeps_finished_answers_and_restores_terminal() {
    util::pty::interrupt_second_answer(|_, pid| Pty::kill(pid, "INT"), Exit::Code(130));
}

/// The stty comparison above means something: a program that leaves the
/// terminal raw is caught by it.
#[test]
fn harness_detects_a_terminal_left_raw() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let mut pty = Spawn::program("stty", &["raw"])
        .capture_stty(scratch.path())
        .start();
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    assert!(pty.wait_eof(DEADLINE));
    let (before, after) = util::pty::stty_before_after(scratch.path());
    assert_ne!(before, after);
}

#[test]
fn ctrl_w_deletes_a_word_and_counts_as_revision() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    pty.wait_question();
    pty.type_text("hello big world", KEY_GAP);
    std::thread::sleep(KEY_GAP);
    pty.send(CTRL_W);
    std::thread::sleep(KEY_GAP);
    pty.type_text("planet", KEY_GAP);
    pty.expect("> hello big planet");
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let answers = home.answers();
    assert_eq!(answers[0]["text"], "hello big planet");
    assert_within("revisions", u64_of(&answers[0], "revisions"), 5, 6);
}

#[test]
fn long_answer_wraps_and_stays_readable() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    pty.wait_question();
    let long = "I once planned a product launch across three time zones and \
                learned that writing the plan down early saves everyone hours \
                of meetings later on";
    pty.type_text(long, Duration::from_millis(3));
    // Wrapped at word boundaries over several rows, every word still there.
    pty.expect(long);
    // Wrapped at word boundaries: no word is cut across two rows.
    let rows = pty.rows();
    let first = rows
        .iter()
        .position(|r| r.starts_with("> "))
        .expect("the answer line");
    let shown: Vec<&str> = rows[first..]
        .iter()
        .take_while(|r| !r.trim().is_empty())
        .flat_map(|r| r.split_whitespace())
        .map(|w| w.trim_start_matches('>').trim_end_matches('▏'))
        .filter(|w| !w.is_empty())
        .collect();
    assert!(
        rows[first..]
            .iter()
            .take_while(|r| !r.trim().is_empty())
            .count()
            >= 2,
        "a long answer takes several rows: {rows:#?}"
    );
    assert_eq!(shown.join(" "), long, "rows: {rows:#?}");
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());
    assert_eq!(home.answers()[0]["text"], long);
}

#[test]
fn keys_typed_before_the_question_are_discarded() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    // Typed ahead while the program is still starting.
    pty.send("zzz");
    let (_, shown) = pty.wait_question();
    std::thread::sleep(Duration::from_millis(500));
    let first_key = Instant::now();
    pty.type_text("ok", KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let a = &home.answers()[0];
    assert_eq!(a["text"], "ok");
    // Think time runs to the first key after the question, not to "zzz".
    assert_within(
        "think_ms",
        u64_of(a, "think_ms"),
        500 - EARLY_MS,
        ms(first_key - shown) + LATE_MS,
    );
}

#[test]
fn countdown_moves_while_the_question_waits() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    pty.wait_question();
    // No key pressed: the label must still advance second by second.
    pty.expect_within("thinking 1s", Duration::from_secs(5));
    pty.expect_within("thinking 2s", Duration::from_secs(5));
    pty.send(ESC);
    assert_clean_exit(pty.wait_exit());
}

#[test]
fn overrun_without_strict_is_marked_but_not_cut() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1", "--limit", "1s"]);
    pty.wait_question();
    pty.type_text("still", KEY_GAP);
    // The bar says so once the limit has passed, and the answer stays open.
    pty.expect_within("over the limit by", Duration::from_secs(5));
    assert!(
        pty.try_exit().is_none(),
        "cut at the limit without --strict"
    );
    pty.type_text(" going", KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let a = &home.answers()[0];
    assert_eq!(a["text"], "still going");
    assert_eq!(a["overran"], true);
    assert_eq!(a["limit_ms"], 1000);
    assert!(u64_of(a, "answer_ms") > 1000, "{a:#}");
}

#[test]
fn dumb_terminal_gets_a_plain_countdown() {
    let home = Home::new();
    let mut pty = Spawn::hotseat(drill_args(home.path(), &["--count", "1"]))
        .env("TERM", "dumb")
        .start();
    let texts: Vec<&str> = QUESTIONS.iter().map(|q| q.text).collect();
    pty.expect_any(&texts);
    pty.expect("> ");
    pty.type_text("plain answer", KEY_GAP);
    pty.expect("> plain answer");
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    assert!(!raw.contains('░') && !raw.contains('█'), "a bar was drawn");
    assert!(!raw.contains("\x1b[?25l"), "the cursor was hidden");
    assert_eq!(home.answers()[0]["text"], "plain answer");
}

/// Single-quotes `arg` for `sh`.
fn shell_quote(arg: &std::ffi::OsStr) -> String {
    format!("'{}'", arg.to_string_lossy().replace('\'', "'\\''"))
}

/// The terminal window is closed mid-answer (here: the `script` process
/// that owns hotseat's terminal is killed, as a terminal emulator would be):
/// hotseat must notice, keep the finished answer, close the session as
/// interrupted and exit, instead of running on with no terminal.
#[test]
fn closed_terminal_ends_the_session_and_keeps_finished_answers() {
    let home = Home::new();
    let mut words = vec![shell_quote(util::bin().as_os_str())];
    words.extend(
        drill_args(home.path(), &["--count", "3"])
            .iter()
            .map(|a| shell_quote(a)),
    );
    let command = words.join(" ");
    let mut pty = Spawn::program("script", &["-q", "-e", "-c", &command, "/dev/null"]).start();
    let (first, _) = pty.wait_question();
    let hotseat = util::pty::find_descendant(pty.pid(), "hotseat").expect("hotseat under script");
    pty.type_text("first answer", KEY_GAP);
    pty.send(ENTER);
    pty.pass_gate();
    pty.wait_next_question(first);
    pty.type_text("half an ans", KEY_GAP);

    Pty::kill(pty.pid(), "KILL");
    let deadline = Instant::now() + Duration::from_secs(5);
    while util::pty::is_running(hotseat) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let still_running = util::pty::is_running(hotseat);
    if still_running {
        // Ours to clean up: it was started by this test.
        Pty::kill(hotseat, "KILL");
    }
    assert!(
        !still_running,
        "hotseat kept running for 5 s after its terminal was closed"
    );
    let answers = home.answers();
    assert_eq!(answers.len(), 1, "{answers:#?}");
    assert_eq!(answers[0]["text"], "first answer");
    let session = home.only_session(&answers);
    assert_eq!(session["interrupted"], true);
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let home = Home::new();
    let mut pty = Spawn::hotseat(drill_args(home.path(), &["--count", "1"]))
        .env("HOTSEAT_TEST_PANIC", "1")
        .env("RUST_BACKTRACE", "0")
        .capture_stty(home.scratch())
        .start();
    assert_eq!(pty.wait_exit(), Exit::Code(101), "a panic exits 101");
    pty.assert_terminal_restored(home.scratch());
    // Printed in raw mode, the message's second line would start where the
    // first one ended (no carriage return): the hook must restore first.
    let rows = pty.rows();
    assert!(
        rows.iter().any(|r| r.contains("panicked")),
        "panic message shown: {rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("note: run with `RUST_BACKTRACE")),
        "the panic message's second line starts at column 0: {rows:#?}"
    );
}

/// A terminal that reports no size (0 columns, as a freshly made
/// pseudo-terminal or a serial console does) is not 0 columns wide: the
/// question, the feedback and the summary must not be wrapped to a sliver.
#[test]
fn terminal_reporting_no_size_still_gets_readable_lines() {
    let home = Home::new();
    let mut words = vec![shell_quote(util::bin().as_os_str())];
    words.extend(
        drill_args(home.path(), &["--count", "1"])
            .iter()
            .map(|a| shell_quote(a)),
    );
    let command = format!("stty rows 0 cols 0 && exec {}", words.join(" "));
    let mut pty = Spawn::program("sh", &["-c", &command]).start();
    pty.wait_question();
    pty.type_text("ok", KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());
    for text in ["Started after", "No filler words.", "To work on:"] {
        assert!(
            pty.seen(text),
            "{text:?} not on one line:\n{}",
            pty.transcript()
        );
    }
}

#[test]
fn ctrl_c_typed_with_the_submitting_enter_ends_the_session_at_the_gate() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "2"]);
    pty.wait_question();
    pty.type_text("short answer", KEY_GAP);
    // Both keys are already waiting when the feedback is printed: the gate
    // throws away stray keys, but not a request to stop.
    pty.send(&format!("{ENTER}{CTRL_C}"));
    assert_eq!(pty.wait_exit(), Exit::Code(130));
    let answers = home.answers();
    assert_eq!(answers.len(), 1, "{answers:#?}");
    assert_eq!(answers[0]["text"], "short answer");
    let session = home.only_session(&answers);
    assert_eq!(session["interrupted"], true);
}

/// Types `text` straight through a 2 s strict limit and on past it, as a
/// person in full flow would: starts 1.5 s after the question showed, so
/// the limit strikes in the middle. Returns when the last key was sent.
fn type_through_the_cut(pty: &mut Pty, shown: Instant, text: &str) -> Instant {
    std::thread::sleep(Duration::from_millis(1500).saturating_sub(shown.elapsed()));
    pty.type_text(text, KEY_GAP)
}

#[test]
fn keys_typed_after_a_strict_cut_never_reach_the_shell() {
    let home = Home::new();
    let mut pty = Spawn::hotseat(drill_args(
        home.path(),
        &["--count", "1", "--limit", "2s", "--strict"],
    ))
    .read_leftovers()
    .start();
    let (_, shown) = pty.wait_question();
    // 0.8 s of typing from 1.5 s: the limit cuts it at 2 s; then an Enter
    // and a command, as if the prompt had come back.
    type_through_the_cut(&mut pty, shown, "typing on and on and on");
    pty.send(&format!("{ENTER}echo LEAKED{ENTER}"));
    let sent = Instant::now();
    assert_clean_exit(pty.wait_exit());
    let left = pty.leftovers();
    assert_eq!(
        left,
        "",
        "keys meant for hotseat were left for the shell; transcript:\n{}",
        pty.transcript()
    );
    assert!(!pty.seen("LEAKED"), "the shell ran typed-ahead keys");
    // They were typed before the summary was on screen: hotseat ate them,
    // not luck in timing.
    let raw = pty.raw();
    let summary = raw
        .windows(b"To work on".len())
        .position(|w| w == b"To work on")
        .expect("the summary");
    let summary_shown = pty.arrival_of(summary + 1).expect("summary arrival");
    assert!(
        summary_shown > sent,
        "the summary showed before the keys were sent"
    );
    let a = &home.answers()[0];
    assert_eq!(a["overran"], true);
    let text = a["text"].as_str().expect("text");
    assert!(
        "typing on and on and on".starts_with(text) && text.len() < 23,
        "only what came before the cut is the answer: {text:?}"
    );
}

#[test]
fn typing_cut_by_a_strict_limit_does_not_pass_the_gate() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "2", "--limit", "2s", "--strict"]);
    let (first, shown) = pty.wait_question();
    // The Enter that ends the sentence lands just after the cut.
    type_through_the_cut(&mut pty, shown, "typing on and on");
    pty.send(ENTER);
    pty.expect(NEXT_PROMPT);
    std::thread::sleep(Duration::from_millis(1500));
    for q in QUESTIONS.iter().filter(|q| **q != first) {
        assert!(
            !pty.seen(q.text),
            "an Enter typed before the gate passed it; screen:\n{}",
            pty.screen()
        );
    }
    pty.pass_gate();
    pty.wait_next_question(first);
    pty.send(ESC);
    assert_clean_exit(pty.wait_exit());
    let answers = home.answers();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0]["overran"], true);
    assert_eq!(answers[1]["skipped"], true);
}

#[test]
fn dumb_terminal_shows_tips_once_and_deletes_in_place() {
    let home = Home::new();
    let mut pty = Spawn::hotseat(drill_args(home.path(), &["--count", "1"]))
        .env("TERM", "dumb")
        .start();
    let texts: Vec<&str> = QUESTIONS.iter().map(|q| q.text).collect();
    let question = QUESTIONS[pty.expect_any(&texts)];
    pty.expect("> ");
    pty.type_text("abcd", KEY_GAP);
    pty.expect("> abcd");
    pty.send(BACKSPACE);
    std::thread::sleep(KEY_GAP);
    pty.send(BACKSPACE);
    // Erased where it stands: one answer row, no copies of the old text.
    let erased = pty.wait_state(DEADLINE, |s| {
        let rows: Vec<String> = s.rows(0, util::pty::COLS).collect();
        rows.iter().any(|r| r.trim_end() == "> ab") && !rows.iter().any(|r| r.contains("abc"))
    });
    assert!(erased.is_some(), "backspace reprinted:\n{}", pty.screen());
    pty.send(TAB);
    pty.expect(question.tip);
    pty.type_text("x", KEY_GAP);
    pty.expect("> abx");
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());
    assert!(pty.wait_eof(DEADLINE));

    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    assert!(raw.contains("\x08 \x08"), "{raw:?}");
    assert_eq!(
        raw.matches(question.tip).count(),
        1,
        "the tip is printed once, and the feedback does not repeat it: {raw:?}"
    );
    assert!(
        raw.contains(&format!("\r\nTip: {}\r\n", question.tip)),
        "the tip is on its own line: {raw:?}"
    );
    // Colour (`ESC [ … m`) at most: no cursor moves, erasing or modes.
    for csi in raw.split("\x1b[").skip(1) {
        let end = csi.find(|c: char| c.is_ascii_alphabetic() || c == '~');
        assert_eq!(
            end.map(|i| &csi[i..=i]),
            Some("m"),
            "an escape sequence other than colour on a dumb terminal: {raw:?}"
        );
    }
    let a = &home.answers()[0];
    assert_eq!(a["text"], "abx");
    assert_eq!(a["hint"], true);
}

/// No row of the screen reaches the last column: every line was wrapped
/// (or cut) by hotseat at a word boundary, none by the terminal mid-word.
#[track_caller]
fn assert_no_word_split(pty: &Pty, when: &str) {
    let cols = usize::from(pty.cols());
    for row in pty.rows() {
        assert!(
            unicode_width::UnicodeWidthStr::width(row.trim_end()) < cols,
            "{when}: a row runs to the terminal's edge (a word split by the \
             terminal) at {cols} columns: {row:?}; screen:\n{}",
            pty.screen()
        );
    }
}

/// The question of the session's first draw, wholly on screen.
#[track_caller]
fn assert_question_on_screen(pty: &Pty, question: Question, when: &str) {
    let screen = util::pty::normalize(&pty.screen());
    assert!(
        screen.contains(&util::pty::normalize(question.text)),
        "{when}: the question is not on screen:\n{}",
        pty.screen()
    );
}

/// One drill of two questions in a `rows` x `cols` window: the question
/// stays on screen with its countdown (with tips open and a long answer
/// typed), and no row is broken mid-word, up to the gate.
fn drill_in_a_window(rows: u16, cols: u16) {
    let home = Home::new();
    let mut pty = Spawn::hotseat(drill_args(home.path(), &["--count", "2"]))
        .size(rows, cols)
        .start();
    let when = format!("{cols}x{rows}");
    let (question, _) = pty.wait_question();
    assert_question_on_screen(&pty, question, &when);
    assert_no_word_split(&pty, &format!("{when}, question"));
    pty.send(TAB);
    let tip_start: String = question
        .tip
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    pty.expect(&format!("Tip: {tip_start}"));
    let answer = "I write the week down on Sunday evening and then I check it every \
                  morning before the first meeting starts";
    pty.type_text(answer, Duration::from_millis(3));
    pty.expect("meeting starts");
    assert_question_on_screen(&pty, question, &format!("{when}, tips and a long answer"));
    assert_no_word_split(&pty, &format!("{when}, tips and a long answer"));
    pty.send(ENTER);
    pty.expect_any(&["Press Enter for the", "Press Enter"]);
    std::thread::sleep(Duration::from_millis(200));
    assert_no_word_split(&pty, &format!("{when}, feedback and gate"));
    pty.send(CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
    assert_eq!(home.answers()[0]["text"], answer);
}

#[test]
fn question_stays_on_screen_at_40x12_with_tips_open() {
    drill_in_a_window(12, 40);
}

#[test]
fn question_stays_on_screen_at_25x6() {
    drill_in_a_window(6, 25);
}

#[test]
fn question_stays_on_screen_at_60x20() {
    drill_in_a_window(20, 60);
}

#[test]
fn question_stays_on_screen_at_100x30() {
    drill_in_a_window(30, 100);
}

/// The last frame of a question is where the others were: the bar on the
/// same row, the same width, filled as far as the time used.
#[test]
fn the_bar_does_not_jump_when_the_answer_ends() {
    let home = Home::new();
    // Two questions: the gate keeps the summary from scrolling the screen.
    let mut pty = start(&home, &["--count", "2", "--think", "1s"]);
    pty.wait_question();
    // Past the think target, while still thinking: once the bar was full
    // here, and emptied when the answer began.
    pty.expect_within("past your 1s target", DEADLINE);
    let bar_row = |pty: &Pty| {
        pty.rows()
            .iter()
            .enumerate()
            .find_map(|(i, r)| {
                let bar: String = r.chars().take_while(|c| "█▓│░".contains(*c)).collect();
                (bar.chars().count() >= 4).then_some((i, bar))
            })
            .unwrap_or_else(|| panic!("no bar on screen:\n{}", pty.screen()))
    };
    let (row, thinking) = bar_row(&pty);
    assert!(
        thinking.contains('▓') && thinking.contains('░'),
        "the bar is time used of the limit, the target marked: {thinking:?}"
    );
    pty.type_text("ok", KEY_GAP);
    let (answering_row, answering) = bar_row(&pty);
    assert_eq!(answering_row, row);
    let empty = |bar: &str| bar.matches('░').count();
    assert_eq!(answering.chars().count(), thinking.chars().count());
    assert!(
        empty(&answering) <= empty(&thinking) && answering.contains('▓'),
        "starting to answer moved the bar: {thinking:?} then {answering:?}"
    );
    pty.send(ENTER);
    pty.expect(NEXT_PROMPT);
    let rows = pty.rows();
    let last = &rows[row];
    assert!(last.contains("submitted"), "{rows:#?}");
    let done: String = last.chars().take_while(|c| "█▓│░".contains(*c)).collect();
    assert_eq!(done.chars().count(), thinking.chars().count(), "{rows:#?}");
    assert!(done.contains('▓'), "{done:?}");
    pty.send(CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
}

/// Keys as xterm sends them, for the editing tests below.
const LEFT: &str = "\x1b[D";
const RIGHT: &str = "\x1b[C";
const HOME: &str = "\x1b[H";
const END: &str = "\x1b[F";
const DELETE: &str = "\x1b[3~";
const CTRL_A: &str = "\x01";
const CTRL_E: &str = "\x05";
const CTRL_U: &str = "\x15";

/// Sends `key` `n` times, `KEY_GAP` apart, and waits one gap after.
fn press(pty: &mut Pty, key: &str, n: usize) {
    for _ in 0..n {
        pty.send(key);
        std::thread::sleep(KEY_GAP);
    }
}

#[test]
fn editing_in_the_middle_with_left_keeps_the_text_and_places_the_pause() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    pty.wait_question();
    pty.type_text("I tend prepare", KEY_GAP);
    std::thread::sleep(KEY_GAP);
    // Back to just before "prepare"; the cursor is drawn there.
    press(&mut pty, LEFT, 7);
    pty.expect("> I tend ▏prepare");
    let before_pause = Instant::now();
    std::thread::sleep(Duration::from_millis(4500));
    let after_pause = Instant::now();
    pty.type_text("to ", KEY_GAP);
    pty.expect("> I tend to ▏prepare");
    std::thread::sleep(KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let a = &home.answers()[0];
    assert_eq!(a["text"], "I tend to prepare");
    assert_eq!(a["words"], 4);
    assert_eq!(a["revisions"], 0);
    let pauses = a["pauses"].as_array().expect("pauses is a list");
    assert_eq!(pauses.len(), 1, "exactly one pause: {pauses:#?}");
    // Where typing resumed: after "I tend ", not at the end of the text.
    assert_eq!(pauses[0]["at_word"], 2);
    assert_eq!(pauses[0]["at_char"], 7);
    assert_within(
        "pause ms",
        u64_of(&pauses[0], "ms"),
        4500 - EARLY_MS,
        ms(after_pause - before_pause) + KEY_GAP.as_millis() as u64 + LATE_MS,
    );
}

#[test]
fn home_end_delete_and_the_control_keys_edit_at_the_cursor() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    pty.wait_question();
    pty.type_text("junk xhello wrld", KEY_GAP);
    std::thread::sleep(KEY_GAP);
    press(&mut pty, LEFT, 4);
    press(&mut pty, RIGHT, 1);
    pty.type_text("o", KEY_GAP);
    pty.expect("> junk xhello wo▏rld");
    press(&mut pty, CTRL_E, 1);
    pty.type_text("!", KEY_GAP);
    std::thread::sleep(KEY_GAP);
    press(&mut pty, CTRL_A, 1);
    press(&mut pty, RIGHT, 5);
    press(&mut pty, DELETE, 1);
    pty.expect("> junk ▏hello world!");
    press(&mut pty, CTRL_U, 1);
    pty.expect("> ▏hello world!");
    press(&mut pty, END, 1);
    pty.type_text("?", KEY_GAP);
    std::thread::sleep(KEY_GAP);
    press(&mut pty, HOME, 1);
    pty.type_text("Oh, ", KEY_GAP);
    pty.expect("> Oh, ▏hello world!?");
    std::thread::sleep(KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let a = &home.answers()[0];
    assert_eq!(a["text"], "Oh, hello world!?");
    // "x" by Delete, then "junk " by Ctrl-U.
    assert_eq!(a["revisions"], 6);
}

#[test]
fn enter_on_an_empty_answer_shows_a_notice_and_does_not_submit() {
    let notice = "type your answer, or Esc to skip";
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    pty.wait_question();
    std::thread::sleep(Duration::from_millis(300));
    pty.send(ENTER);
    pty.expect(notice);
    assert!(pty.try_exit().is_none(), "an empty Enter submitted");
    // The notice lasts until the next key.
    pty.type_text("a", KEY_GAP);
    assert!(
        pty.wait_screen(DEADLINE, |s| s.contains("> a") && !s.contains(notice))
            .is_some(),
        "the notice stayed after a key; screen:\n{}",
        pty.screen()
    );
    // Everything deleted is empty again.
    std::thread::sleep(KEY_GAP);
    pty.send(BACKSPACE);
    std::thread::sleep(KEY_GAP);
    pty.send(ENTER);
    pty.expect(notice);
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        pty.try_exit().is_none(),
        "Enter after deleting all submitted"
    );
    assert!(home.answers().is_empty(), "nothing saved yet");
    pty.type_text("real answer", KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());

    let answers = home.answers();
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0]["text"], "real answer");
    assert_eq!(answers[0]["skipped"], false);
}

#[test]
fn dumb_terminal_shows_the_cursor_and_the_notice_too() {
    let home = Home::new();
    let mut pty = Spawn::hotseat(drill_args(home.path(), &["--count", "1"]))
        .env("TERM", "dumb")
        .start();
    let texts: Vec<&str> = QUESTIONS.iter().map(|q| q.text).collect();
    pty.expect_any(&texts);
    pty.expect("> ");
    std::thread::sleep(Duration::from_millis(300));
    pty.send(ENTER);
    pty.expect("type your answer, or Esc to skip");
    pty.type_text("ac", KEY_GAP);
    std::thread::sleep(KEY_GAP);
    press(&mut pty, LEFT, 1);
    pty.expect("> a▏c");
    pty.type_text("b", KEY_GAP);
    pty.expect("> ab▏c");
    std::thread::sleep(KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());
    assert_eq!(home.answers()[0]["text"], "abc");
}

#[test]
fn a_mostly_pasted_answer_gives_words_but_no_speed() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1"]);
    pty.wait_question();
    pty.type_text("So I think", KEY_GAP);
    std::thread::sleep(KEY_GAP);
    let pasted = " word".repeat(33);
    pty.send(&format!("\x1b[200~{pasted}\x1b[201~"));
    std::thread::sleep(Duration::from_millis(300));
    pty.send(ENTER);
    pty.expect("36 words (33 pasted); wpm not given: most of the answer was pasted.");
    assert_clean_exit(pty.wait_exit());

    let a = &home.answers()[0];
    assert_eq!(a["words"], 36);
    assert_eq!(a["pasted_words"], 33);
    assert_eq!(a["wpm"], Value::Null);
}

/// Colour comes from the label a line carries, not from its text: with
/// `--color always` the follow-up, the bank's tip and the summary's next
/// step are coloured, and an answer that starts like a tip is not.
#[test]
fn feedback_labels_are_coloured_by_what_they_are() {
    let home = Home::new();
    let mut pty = start(&home, &["--count", "1", "--color", "always"]);
    let _ = pty.wait_question();
    pty.type_text("Tip: I plan my week on Monday", KEY_GAP);
    pty.send(ENTER);
    assert_clean_exit(pty.wait_exit());
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    let follow_up = "\x1b[38;5;11mFollow-up:\x1b[39m ";
    let tip = "\x1b[38;5;14mTip:\x1b[39m ";
    assert_eq!(raw.matches(follow_up).count(), 1, "{raw:?}");
    assert_eq!(raw.matches(tip).count(), 1, "only the bank's tip: {raw:?}");
    assert!(
        !raw.contains(&format!("{tip}I plan")),
        "the answer is not a tip: {raw:?}"
    );
    let step = raw.find("To work on:").expect("a next step");
    assert!(raw[..step].ends_with('m'), "coloured: {raw:?}");
    assert!(pty.screen().contains("Tip: I plan my week on Monday"));
}
