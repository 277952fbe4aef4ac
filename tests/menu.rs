//! `hotseat` with no arguments: the menu on a terminal (driven through a
//! real pseudo-terminal), and the help with exit 2 where there is none.

mod util;

use std::ffi::OsString;
use std::process::{Command, Stdio};
use std::time::Duration;

use util::pty::{CTRL_C, ENTER, Exit, Pty, Spawn};
use util::{Home, fixture_bank};

const DOWN: &str = "\x1b[B";
const SPACE: &str = " ";

fn menu(home: &Home) -> Pty {
    let args: Vec<OsString> = vec![
        "--home".into(),
        home.path().into(),
        "--bank".into(),
        fixture_bank().into(),
    ];
    let pty = Spawn::hotseat(args).start();
    pty.expect("What would you like to do?");
    pty
}

/// Dialoguer redraws on each key; give it a moment between keys so every
/// key lands on the prompt it is meant for.
fn key(pty: &mut Pty, keys: &str) {
    pty.send(keys);
    std::thread::sleep(Duration::from_millis(120));
}

/// The menu's entries, by position.
const DAILY: usize = 0;
const REHEARSE: usize = 1;
const DRILL: usize = 2;
const STATS: usize = 3;
const REVIEW: usize = 4;
const BROWSE: usize = 6;
const QUIT: usize = 7;

/// Moves to entry `n` of the main menu and picks it.
fn pick(pty: &mut Pty, n: usize) {
    for _ in 0..n {
        key(pty, DOWN);
    }
    key(pty, ENTER);
}

#[test]
fn custom_drill_from_the_menu_runs_and_records_the_chosen_category() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, DRILL);
    pty.expect("Fixture (3 questions)");
    // The fixture bank comes after the ten built-in ones.
    for _ in 0..10 {
        key(&mut pty, DOWN);
    }
    key(&mut pty, SPACE);
    key(&mut pty, ENTER);
    pty.expect("How many questions?");
    key(&mut pty, "1");
    key(&mut pty, ENTER);
    pty.expect("Question 1 of 1 · Fixture");
    pty.expect("thinking ");
    pty.type_text("menu answer", Duration::from_millis(30));
    pty.send(ENTER);
    assert_eq!(pty.wait_exit(), Exit::Code(0));

    let answers = home.answers();
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0]["category"], "fixture");
    assert_eq!(answers[0]["text"], "menu answer");
    assert_eq!(home.sessions().len(), 1);
}

#[test]
fn browsing_from_the_menu_shows_the_chosen_bank() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, BROWSE);
    pty.expect("Which bank?");
    // The fixture bank comes after the ten built-in ones.
    for _ in 0..10 {
        key(&mut pty, DOWN);
    }
    key(&mut pty, ENTER);
    pty.expect("Fixture (fixture) — 3 questions");
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    assert!(
        pty.transcript()
            .contains("Alpha tip: name one concrete habit.")
    );
    assert!(home.history().is_empty(), "browsing records nothing");
}

#[test]
fn quitting_or_ctrl_c_leaves_nothing_behind_and_the_cursor_visible() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, QUIT);
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    assert!(!pty.cursor_hidden());

    let mut pty = menu(&home);
    key(&mut pty, CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
    assert!(!pty.cursor_hidden(), "the menu must give the cursor back");
    assert!(!home.path().exists(), "nothing was created");
}

#[test]
fn without_a_terminal_no_arguments_prints_help_and_exits_2() {
    let home = Home::new();
    let out = Command::new(util::bin())
        .arg("--home")
        .arg(home.path())
        .env_remove("HOTSEAT_HOME")
        .stdin(Stdio::null())
        .output()
        .expect("run hotseat");
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Usage: hotseat"), "{stdout}");
    assert!(stdout.contains("drill"), "{stdout}");
}

#[test]
fn sigterm_at_a_menu_prompt_restores_the_terminal() {
    let home = Home::new();
    let scratch = tempfile::tempdir().expect("tempdir");
    let args: Vec<OsString> = vec![
        "--home".into(),
        home.path().into(),
        "--bank".into(),
        fixture_bank().into(),
    ];
    let mut pty = Spawn::hotseat(args).capture_stty(scratch.path()).start();
    pty.expect("What would you like to do?");
    // Past the first prompt, so dialoguer is inside a key read (terminal
    // half-raw, cursor hidden) when the signal lands.
    pick(&mut pty, DRILL);
    pty.expect("Fixture (3 questions)");
    Pty::kill(pty.program_pid(), "TERM");
    assert_eq!(pty.wait_exit(), Exit::Code(143));
    assert!(pty.wait_eof(util::pty::DEADLINE));
    let before = std::fs::read_to_string(scratch.path().join("before")).expect("before");
    let after = std::fs::read_to_string(scratch.path().join("after")).expect("after");
    assert_eq!(before, after, "stty -g differs after the menu was killed");
    assert!(!pty.cursor_hidden(), "the cursor must come back");
}

/// The line of the count prompt on `screen`, trimmed. (It is given the
/// screen by `wait_state`, which holds the terminal's state meanwhile.)
fn count_row(screen: &vt100::Screen) -> Option<String> {
    screen
        .contents()
        .lines()
        .map(|r| r.trim().to_string())
        .find(|r| r.contains("How many questions?"))
}

#[test]
fn the_menus_count_accepts_exactly_what_count_accepts() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, DRILL);
    pty.expect("Fixture (3 questions)");
    // The fixture bank comes after the ten built-in ones.
    for _ in 0..10 {
        key(&mut pty, DOWN);
    }
    key(&mut pty, SPACE);
    key(&mut pty, ENTER);
    pty.expect("How many questions?");
    assert!(!pty.seen("a number from 1 to 1000"));
    // Each refused value is answered with `--count`'s own message and the
    // prompt is emptied to ask again; no drill starts.
    for bad in ["0", "-1", "1001", "abc", "2.5"] {
        key(&mut pty, bad);
        let typed = pty.wait_state(util::pty::DEADLINE, |screen| {
            count_row(screen).is_some_and(|r| r.ends_with(&format!("› {bad}")))
        });
        assert!(typed.is_some(), "{bad} not echoed:\n{}", pty.screen());
        key(&mut pty, ENTER);
        let refused = pty.wait_state(util::pty::DEADLINE, |screen| {
            count_row(screen).is_some_and(|r| r.ends_with('›'))
        });
        assert!(
            refused.is_some(),
            "{bad} was not refused:\n{}",
            pty.screen()
        );
        pty.expect("a number from 1 to 1000");
        assert!(!pty.seen("Question 1 of"), "{bad} started a drill");
    }
    // The top of the range, past the menu's old limit of 100, is taken.
    key(&mut pty, "1000");
    key(&mut pty, ENTER);
    pty.expect("Question 1 of 1000 · Fixture");
    key(&mut pty, CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
}

#[test]
fn daily_practice_is_the_first_entry_and_records_a_daily_session() {
    let home = Home::new();
    let mut pty = menu(&home);
    pty.expect("Daily practice");
    pick(&mut pty, DAILY);
    pty.expect("Nothing practised yet");
    pty.expect("thinking ");
    pty.type_text("a daily answer", Duration::from_millis(30));
    pty.send(ENTER);
    pty.expect("Press Enter for the next question");
    key(&mut pty, CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
    let answers = home.answers();
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0]["mode"], "daily");
}

#[test]
fn rehearse_from_the_menu_asks_company_role_and_minutes() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, REHEARSE);
    pty.expect("Company (Enter for none)");
    pty.type_text("Acme", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("Role (Enter for none)");
    key(&mut pty, ENTER);
    pty.expect("Minutes of answer time");
    key(&mut pty, "\x7f\x7f");
    pty.type_text("0", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("a whole number of minutes from 1 to 600");
    key(&mut pty, "\x7f");
    pty.type_text("20", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("Rehearsal at Acme");
    pty.expect("interview clock");
    key(&mut pty, CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
    let sessions = home.sessions();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["mode"], "rehearse");
}

/// A company or role typed in the menu is a value, even when it starts
/// with a dash: it must not be read as a flag of the command line the menu
/// builds.
#[test]
fn a_company_starting_with_a_dash_is_taken_as_typed() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, REHEARSE);
    pty.expect("Company (Enter for none)");
    pty.type_text("-Acme", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("Role (Enter for none)");
    pty.type_text("--tester", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("Minutes of answer time");
    key(&mut pty, ENTER);
    pty.expect("Rehearsal for the --tester role at -Acme");
    pty.expect("interview clock");
    key(&mut pty, CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
    assert_eq!(home.sessions().len(), 1);
}

#[test]
fn stats_and_review_are_in_the_menu() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, STATS);
    pty.expect("No answers here yet");
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    let mut pty = menu(&home);
    pick(&mut pty, REVIEW);
    pty.expect("No sessions to review yet");
    assert_eq!(pty.wait_exit(), Exit::Code(0));
}
