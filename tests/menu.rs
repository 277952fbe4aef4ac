//! `hotseat` with no arguments: the menu on a terminal (driven through a
//! real pseudo-terminal) — every entry, Esc back at each level, the menu
//! coming back after each command, browsing that scrolls — and the help
//! with exit 2 where there is no terminal.

mod util;

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use util::pty::{
    BACKSPACE, COUNTDOWN_STARTED, CTRL_C, DEADLINE, ENTER, ESC, Exit, Pty, Spawn, normalize,
};
use util::{Home, fixture_bank};

const DOWN: &str = "\x1b[B";
const SPACE: &str = " ";
/// Ctrl-U: empties a text question.
const CTRL_U: &str = "\x15";

/// The menu's entries, in order, as the menu lists them.
const LABELS: [&str; 8] = [
    "Daily practice — today's set: what stalls you comes back",
    "Rehearse — a full, timed mock interview for the night before",
    "Custom drill — choose categories and how many questions",
    "Stats — where you hesitate, over days and categories",
    "Review the last session — each answer with its pauses",
    "Reflect — after a real interview, keep what caught you off guard",
    "Browse the question banks",
    "Quit",
];
const DAILY: usize = 0;
const REHEARSE: usize = 1;
const DRILL: usize = 2;
const STATS: usize = 3;
const REVIEW: usize = 4;
const REFLECT: usize = 5;
const BROWSE: usize = 6;
const QUIT: usize = 7;

/// The fixture bank comes after the ten built-in ones.
const FIXTURE_AT: usize = 10;

fn args(home: &Home, banks: &[&Path]) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec!["--home".into(), home.path().into()];
    for bank in banks {
        args.extend(["--bank".into(), bank.into()]);
    }
    args
}

fn menu(home: &Home) -> Pty {
    let pty = Spawn::hotseat(args(home, &[&fixture_bank()])).start();
    pty.expect("What would you like to do?");
    // The list is drawn after its prompt: wait for the whole of it, or a
    // busy machine shows a half-drawn menu.
    pty.expect(LABELS[QUIT]);
    pty
}

/// Dialoguer redraws on each key; give it a moment between keys so every
/// key lands on the prompt it is meant for.
fn key(pty: &mut Pty, keys: &str) {
    pty.send(keys);
    std::thread::sleep(Duration::from_millis(120));
}

fn down(pty: &mut Pty, n: usize) {
    for _ in 0..n {
        key(pty, DOWN);
    }
}

/// Moves to entry `n` of the main menu and picks it.
fn pick(pty: &mut Pty, n: usize) {
    down(pty, n);
    key(pty, ENTER);
}

/// The top of the menu while it asks (once answered, its line starts
/// with a tick instead).
const ASKING: &str = "? What would you like to do? ›";

/// Waits until the top of the menu is asking again, below `after` (what
/// the entry just run showed; "" for anything).
#[track_caller]
fn expect_menu(pty: &Pty, after: &str) {
    let after = normalize(after);
    let back = pty.wait_screen(DEADLINE, |s| {
        let Some(at) = s.rfind(ASKING) else {
            return false;
        };
        s.trim_end().ends_with("Quit") && s[..at].contains(after.as_str())
    });
    assert!(
        back.is_some(),
        "the menu did not come back below {after:?}:\n{}",
        pty.screen()
    );
}

/// Esc at the top of the menu: hotseat ends, 0, cursor shown.
#[track_caller]
fn quit_with_esc(pty: &mut Pty) {
    key(pty, ESC);
    assert_eq!(pty.wait_exit(), Exit::Code(0), "{}", pty.screen());
    assert!(!pty.cursor_hidden(), "the cursor must come back");
}

/// Waits until `text` is gone from the screen.
#[track_caller]
fn expect_gone(pty: &Pty, text: &str) {
    let gone = pty.wait_screen(DEADLINE, |s| !s.contains(text));
    assert!(gone.is_some(), "{text:?} stayed:\n{}", pty.screen());
}

#[test]
fn every_entry_is_listed_in_order_and_quit_ends_with_0() {
    let home = Home::new();
    let mut pty = menu(&home);
    let screen = pty.screen();
    let mut at = 0;
    for label in LABELS {
        let found = screen[at..].find(label);
        assert!(
            found.is_some(),
            "{label:?} missing or out of order:\n{screen}"
        );
        at += found.unwrap_or(0);
    }
    pick(&mut pty, QUIT);
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    assert!(!pty.cursor_hidden());
    assert!(!home.path().exists(), "nothing was created");
}

#[test]
fn esc_at_the_top_quits_and_ctrl_c_ends_with_130() {
    let home = Home::new();
    let mut pty = menu(&home);
    quit_with_esc(&mut pty);

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

/// The drill form up to its count question, the fixture bank picked.
fn drill_form_to_count(pty: &mut Pty) {
    pick(pty, DRILL);
    pty.expect("Fixture (3 questions)");
    down(pty, FIXTURE_AT);
    key(pty, SPACE);
    key(pty, ENTER);
    pty.expect("How many questions?");
}

#[test]
fn custom_drill_asks_everything_runs_and_comes_back_to_the_menu() {
    let home = Home::new();
    let mut pty = menu(&home);
    drill_form_to_count(&mut pty);
    key(&mut pty, "1");
    key(&mut pty, ENTER);
    pty.expect("Answers");
    pty.expect("typed — Type the answer");
    key(&mut pty, ENTER);
    pty.expect("Time limit per answer");
    key(&mut pty, "45s");
    key(&mut pty, ENTER);
    pty.expect("Company (empty: none)");
    pty.type_text("Acme", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("Role (empty: none)");
    key(&mut pty, ENTER);
    pty.expect("Question 1 of 1 · Fixture");
    pty.expect(COUNTDOWN_STARTED);
    pty.type_text("menu answer", Duration::from_millis(30));
    pty.send(ENTER);
    expect_menu(&pty, "Saved to");
    quit_with_esc(&mut pty);

    let answers = home.answers();
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0]["category"], "fixture");
    assert_eq!(answers[0]["text"], "menu answer");
    assert_eq!(answers[0]["company"], "Acme");
    assert_eq!(answers[0]["limit_ms"], 45_000, "the limit asked");
    assert_eq!(home.sessions().len(), 1);
}

#[test]
fn no_category_picked_means_all_and_keys_typed_ahead_pick_nothing() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, DRILL);
    pty.expect("Fixture (3 questions)");
    key(&mut pty, ENTER);
    pty.expect("How many questions?");
    key(&mut pty, "1");
    // Enter through input mode, limit, company and role.
    for _ in 0..5 {
        key(&mut pty, ENTER);
    }
    pty.expect("Question 1 of 1");
    pty.expect(COUNTDOWN_STARTED);
    pty.type_text("an answer", Duration::from_millis(30));
    // The answer's Enter, and at once what would pick Quit from the menu.
    let mut ahead = String::from(ENTER);
    ahead.push_str(&DOWN.repeat(QUIT));
    ahead.push_str(ENTER);
    pty.send(&ahead);
    expect_menu(&pty, "Saved to");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(pty.try_exit(), None, "typed-ahead keys quit the menu");
    assert!(
        !pty.seen("What would you like to do? · Quit"),
        "{}",
        pty.screen()
    );
    expect_menu(&pty, "Saved to");
    quit_with_esc(&mut pty);
    let answers = home.answers();
    assert_eq!(answers.len(), 1, "{answers:?}");
}

/// Keys typed while a command runs — here sent with the Enter that picks
/// Stats, so they wait in the terminal's queue — are thrown away before
/// the menu reads again: they would otherwise pick Quit.
#[test]
fn keys_typed_during_a_command_do_not_pick_an_entry() {
    let home = Home::new();
    let mut pty = menu(&home);
    down(&mut pty, STATS);
    let mut keys = String::from(ENTER);
    keys.push_str(&DOWN.repeat(QUIT));
    keys.push_str(ENTER);
    pty.send(&keys);
    pty.expect("No answers here yet");
    expect_menu(&pty, "No answers here yet");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(pty.try_exit(), None, "typed-ahead keys quit the menu");
    assert!(
        !pty.seen("What would you like to do? · Quit"),
        "{}",
        pty.screen()
    );
    quit_with_esc(&mut pty);
}

#[test]
fn esc_goes_back_one_question_at_a_time_then_to_the_menu() {
    let home = Home::new();
    let mut pty = menu(&home);
    drill_form_to_count(&mut pty);
    key(&mut pty, "3");
    key(&mut pty, ENTER);
    pty.expect("Answers");
    // Esc at the input mode: back to the count, its default the answer.
    key(&mut pty, ESC);
    expect_gone(&pty, "Answers");
    pty.expect("How many questions? (3)");
    // Esc at the count: back to the categories, the pick kept.
    key(&mut pty, ESC);
    expect_gone(&pty, "How many questions?");
    pty.expect("Categories");
    // Esc at the categories: back to the top of the menu.
    key(&mut pty, ESC);
    expect_gone(&pty, "Categories");
    expect_menu(&pty, "");
    // The rehearsal form too: Esc at the role goes back to the company,
    // which keeps what was typed.
    pick(&mut pty, REHEARSE);
    pty.expect("Company (empty: none)");
    pty.type_text("Acme", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("Role (empty: none)");
    key(&mut pty, ESC);
    expect_gone(&pty, "Role (empty: none)");
    pty.expect("Company (empty: none) › Acme");
    key(&mut pty, ESC);
    expect_gone(&pty, "Company (empty: none)");
    expect_menu(&pty, "");
    quit_with_esc(&mut pty);
    assert!(home.history().is_empty(), "nothing ran");
}

#[test]
fn the_menus_count_accepts_exactly_what_count_accepts() {
    let home = Home::new();
    let mut pty = menu(&home);
    drill_form_to_count(&mut pty);
    assert!(!pty.seen("a number from 1 to 1000"));
    let count_row = |screen: &vt100::Screen| {
        screen
            .contents()
            .lines()
            .map(|r| r.trim().to_string())
            .find(|r| r.contains("How many questions?"))
    };
    // Each refused value is answered with `--count`'s own message and the
    // prompt is emptied to ask again; no drill starts.
    for bad in ["0", "-1", "1001", "abc", "2.5"] {
        key(&mut pty, bad);
        let typed = pty.wait_state(DEADLINE, |screen| {
            count_row(screen).is_some_and(|r| r.ends_with(&format!("› {bad}")))
        });
        assert!(typed.is_some(), "{bad} not echoed:\n{}", pty.screen());
        key(&mut pty, ENTER);
        let refused = pty.wait_state(DEADLINE, |screen| {
            count_row(screen).is_some_and(|r| r.ends_with('›'))
        });
        assert!(
            refused.is_some(),
            "{bad} was not refused:\n{}",
            pty.screen()
        );
        pty.expect("a number from 1 to 1000");
        assert!(!pty.seen("Answers"), "{bad} was taken");
    }
    // The top of the range is taken.
    key(&mut pty, "1000");
    for _ in 0..5 {
        key(&mut pty, ENTER);
    }
    pty.expect("Question 1 of 1000 · Fixture");
    // Ctrl-C ends the drill, as on the command line; the menu comes back.
    key(&mut pty, CTRL_C);
    expect_menu(&pty, "Question 1 of 1000");
    quit_with_esc(&mut pty);
}

#[test]
fn daily_practice_records_a_daily_session_and_comes_back() {
    let home = Home::new();
    let mut pty = menu(&home);
    one_daily_answer(&mut pty);
    quit_with_esc(&mut pty);
    let answers = home.answers();
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0]["mode"], "daily");
}

#[test]
fn rehearse_asks_company_role_minutes_and_input() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, REHEARSE);
    pty.expect("Company (empty: none)");
    // A value starting with a dash is a value, not a flag.
    pty.type_text("-Acme", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("Role (empty: none)");
    pty.type_text("--tester", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("Minutes of answer time (30)");
    pty.type_text("0", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("a whole number of minutes from 1 to 600");
    pty.type_text("20", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("Answers");
    key(&mut pty, ENTER);
    pty.expect("Rehearsal for the --tester role at -Acme");
    pty.expect("interview clock");
    key(&mut pty, CTRL_C);
    expect_menu(&pty, "Ended early");
    quit_with_esc(&mut pty);
    let sessions = home.sessions();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["mode"], "rehearse");
    assert_eq!(sessions[0]["budget_ms"], 20 * 60_000, "the minutes asked");
}

#[test]
fn stats_review_and_reflect_each_come_back_to_the_menu() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, STATS);
    pty.expect("No answers here yet");
    expect_menu(&pty, "No answers here yet");
    pick(&mut pty, REVIEW);
    pty.expect("No sessions to review yet");
    expect_menu(&pty, "No sessions to review yet");
    pick(&mut pty, REFLECT);
    pty.expect("Company");
    pty.type_text("Acme", Duration::from_millis(30));
    key(&mut pty, ENTER);
    pty.expect("Role (Enter to skip)");
    key(&mut pty, ENTER);
    pty.expect("Date of the interview");
    key(&mut pty, ENTER);
    pty.expect("Outcome");
    // Esc at the outcome: nothing saved, back to the menu.
    key(&mut pty, ESC);
    expect_menu(&pty, "Date of the interview");
    quit_with_esc(&mut pty);
    assert!(!home.path().join("reflections.jsonl").exists());
}

#[test]
fn a_broken_user_bank_is_shown_and_the_menu_comes_back() {
    let home = Home::new();
    let banks = home.path().join("banks");
    std::fs::create_dir_all(&banks).unwrap();
    std::fs::write(
        banks.join("broken.yaml"),
        "category: broken\nquestions: [\n",
    )
    .unwrap();
    let mut pty = menu(&home);
    pick(&mut pty, DRILL);
    pty.expect("broken.yaml");
    expect_menu(&pty, "broken.yaml");
    pick(&mut pty, DAILY);
    expect_menu(&pty, "· Daily practice");
    let after_daily = pty.screen();
    let daily_at = after_daily.rfind("· Daily practice").unwrap_or(0);
    assert!(
        after_daily[daily_at..].contains("broken.yaml"),
        "daily's error shown:\n{after_daily}"
    );
    quit_with_esc(&mut pty);
}

#[test]
fn the_config_fills_what_the_menu_did_not_ask_and_starts_what_it_asks() {
    let home = Home::new();
    std::fs::create_dir_all(home.path()).unwrap();
    std::fs::write(
        home.path().join("config.yaml"),
        "count: 1\ncompany: Initech\nlimit: 70s\npause: 7s\n",
    )
    .unwrap();
    let mut pty = menu(&home);
    drill_form_to_count(&mut pty);
    pty.expect("How many questions? (1)");
    key(&mut pty, ENTER);
    key(&mut pty, ENTER);
    pty.expect("Time limit per answer, e.g. 90s (Enter for the bank's) › 1m10s");
    key(&mut pty, ENTER);
    pty.expect("Company (empty: none) › Initech");
    key(&mut pty, ENTER);
    key(&mut pty, ENTER);
    pty.expect("Question 1 of 1 · Fixture");
    pty.expect(COUNTDOWN_STARTED);
    pty.type_text("first", Duration::from_millis(30));
    pty.send(ENTER);
    expect_menu(&pty, "Saved to");
    assert!(
        pty.seen("No pauses over 7.0s"),
        "not asked: the config's pause"
    );
    // Emptied in the menu: no company, whatever the config says.
    drill_form_to_count(&mut pty);
    key(&mut pty, ENTER);
    key(&mut pty, ENTER);
    key(&mut pty, CTRL_U);
    key(&mut pty, ENTER);
    pty.expect("Company (empty: none) › Initech");
    key(&mut pty, CTRL_U);
    key(&mut pty, ENTER);
    key(&mut pty, ENTER);
    pty.expect(COUNTDOWN_STARTED);
    pty.type_text("second", Duration::from_millis(30));
    pty.send(ENTER);
    expect_gone(&pty, COUNTDOWN_STARTED);
    expect_menu(&pty, "Saved to");
    quit_with_esc(&mut pty);
    let answers = home.answers();
    assert_eq!(answers.len(), 2, "{answers:?}");
    assert_eq!(answers[0]["company"], "Initech");
    assert_eq!(answers[0]["limit_ms"], 70_000);
    assert!(answers[1]["company"].is_null(), "{:?}", answers[1]);
    assert_eq!(answers[1]["limit_ms"], 90_000, "emptied: the bank's");
}

/// A bank of 30 questions, each with a long tip, in `dir`.
fn long_bank(dir: &Path) -> std::path::PathBuf {
    let mut yaml = String::from("category: long\ntitle: Long\nquestions:\n");
    for n in 1..=30 {
        yaml.push_str(&format!(
            "  - id: q{n}\n    text: \"Question number {n} about the work you did\"\n    tips:\n      - \"Tip{n} says to name the one concrete habit that made the difference, then say what changed because of it\"\n"
        ));
    }
    let path = dir.join("long.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

/// Browses the long bank in a `rows` x `cols` terminal: the question list
/// scrolls inside the menu, a question's tip wraps at words within the
/// width, and Esc goes back a level each time.
fn browse_at(rows: u16, cols: u16) {
    let home = Home::new();
    let scratch = tempfile::tempdir().unwrap();
    let bank = long_bank(scratch.path());
    let mut pty = Spawn::hotseat(args(&home, &[&bank]))
        .size(rows, cols)
        .capture_stty(scratch.path())
        .start();
    pty.expect("What would you like to do?");
    pick(&mut pty, BROWSE);
    pty.expect("Which bank?");
    // The long bank comes after the ten built-in ones.
    down(&mut pty, FIXTURE_AT);
    key(&mut pty, ENTER);
    pty.expect("1. Question number 1");
    assert!(
        !pty.screen().contains("30. Question"),
        "all at once:\n{}",
        pty.screen()
    );
    // Down to the last question: the list scrolls, the first goes.
    down(&mut pty, 29);
    pty.expect("30. Question");
    assert!(
        !pty.screen().contains("1. Question number 1 "),
        "{}",
        pty.screen()
    );
    key(&mut pty, ENTER);
    pty.expect("Tip30 says");
    assert_tip_wrapped(&pty, cols);
    // Esc: back to the questions, on the one opened; Esc: the banks;
    // Esc: the menu; Esc: quit.
    key(&mut pty, ESC);
    expect_gone(&pty, "Tip30 says");
    pty.expect("30. Question");
    key(&mut pty, ESC);
    pty.expect("Which bank?");
    key(&mut pty, ESC);
    expect_menu(&pty, "");
    key(&mut pty, ESC);
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    pty.assert_terminal_restored(scratch.path());
    assert!(home.history().is_empty(), "browsing records nothing");
}

/// Every row of the page fits `cols`, and the rows shown hold the whole of
/// question 30's tip, no word of it cut by the terminal.
#[track_caller]
fn assert_tip_wrapped(pty: &Pty, cols: u16) {
    let rows_now = pty.rows();
    let tip_rows: Vec<&String> = rows_now
        .iter()
        .skip_while(|r| !r.contains("Tip30"))
        .take_while(|r| !r.trim().is_empty() && !r.contains("Esc"))
        .collect();
    let joined: Vec<&str> = tip_rows.iter().flat_map(|r| r.split_whitespace()).collect();
    let mut tip = vec!["tip:"];
    tip.extend(
        "Tip30 says to name the one concrete habit that made the difference, then say what changed because of it"
            .split(' '),
    );
    // The rows shown hold the whole tip, each word whole.
    assert_eq!(joined, tip, "tip not wrapped at words: {tip_rows:?}");
    for r in &rows_now {
        assert!(
            r.chars().count() < usize::from(cols) || r.ends_with(' '),
            "a row fills the width (wrapped by the terminal): {r:?}"
        );
    }
}

/// A question's page opened at 100 columns, the window then narrowed to
/// 40: the next key draws it again wrapped to 40, every word whole.
#[test]
fn a_question_page_is_wrapped_again_after_the_window_is_resized() {
    let home = Home::new();
    let scratch = tempfile::tempdir().unwrap();
    let bank = long_bank(scratch.path());
    let mut pty = Spawn::hotseat(args(&home, &[&bank])).size(30, 100).start();
    pty.expect("What would you like to do?");
    pick(&mut pty, BROWSE);
    pty.expect("Which bank?");
    down(&mut pty, FIXTURE_AT);
    key(&mut pty, ENTER);
    pty.expect("1. Question number 1");
    down(&mut pty, 29);
    key(&mut pty, ENTER);
    pty.expect("Tip30 says");
    assert_tip_wrapped(&pty, 100);
    pty.resize(30, 40);
    std::thread::sleep(Duration::from_millis(200));
    // A key the page does not use: it only draws the page again.
    key(&mut pty, "x");
    pty.expect("Tip30 says");
    assert_tip_wrapped(&pty, 40);
    key(&mut pty, ESC);
    expect_gone(&pty, "Tip30 says");
    pty.expect("30. Question");
}

#[test]
fn browsing_scrolls_inside_the_menu_at_100_by_30() {
    browse_at(30, 100);
}

#[test]
fn browsing_scrolls_inside_the_menu_at_40_by_12() {
    browse_at(12, 40);
}

/// SIGTERM at a text question (read by hotseat, not dialoguer) and at a
/// list: the terminal comes back as it was, exit 128 + 15.
#[test]
fn sigterm_at_a_menu_prompt_restores_the_terminal() {
    for entry in [REHEARSE, DRILL] {
        let home = Home::new();
        let scratch = tempfile::tempdir().expect("tempdir");
        let mut pty = Spawn::hotseat(args(&home, &[&fixture_bank()]))
            .capture_stty(scratch.path())
            .start();
        pty.expect("What would you like to do?");
        pick(&mut pty, entry);
        pty.expect_any(&["Company (empty: none)", "Fixture (3 questions)"]);
        key(&mut pty, "Ac");
        Pty::kill(pty.program_pid(), "TERM");
        assert_eq!(pty.wait_exit(), Exit::Code(143));
        pty.assert_terminal_restored(scratch.path());
    }
}

#[test]
fn ctrl_c_at_a_text_question_ends_hotseat_with_130() {
    let home = Home::new();
    let mut pty = menu(&home);
    pick(&mut pty, REHEARSE);
    pty.expect("Company (empty: none)");
    key(&mut pty, "Acme");
    key(&mut pty, BACKSPACE);
    pty.expect("Company (empty: none) › Acm");
    key(&mut pty, CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
    assert!(!pty.cursor_hidden());
    assert!(!home.path().exists(), "nothing was created");
}

/// A signal other than Ctrl-C in a drill started from the menu ends
/// hotseat, not just the drill: exit 128 + 15, the terminal as it was.
#[test]
fn sigterm_in_a_drill_from_the_menu_ends_hotseat() {
    let home = Home::new();
    let scratch = tempfile::tempdir().expect("tempdir");
    let mut pty = Spawn::hotseat(args(&home, &[&fixture_bank()]))
        .capture_stty(scratch.path())
        .start();
    pty.expect("What would you like to do?");
    drill_form_to_count(&mut pty);
    key(&mut pty, "2");
    for _ in 0..5 {
        key(&mut pty, ENTER);
    }
    pty.expect(COUNTDOWN_STARTED);
    pty.type_text("half an ans", Duration::from_millis(30));
    Pty::kill(pty.program_pid(), "TERM");
    assert_eq!(pty.wait_exit(), Exit::Code(143), "{}", pty.screen());
    pty.assert_terminal_restored(scratch.path());
}

/// Daily practice from the menu: one answer, then Ctrl-C at the gate ends
/// the session (the answer saved) and the menu comes back. After it, the
/// drill's key reader and signal handlers stay in the process.
fn one_daily_answer(pty: &mut Pty) {
    pick(pty, DAILY);
    pty.expect("Nothing practised yet");
    pty.expect(COUNTDOWN_STARTED);
    pty.type_text("a daily answer", Duration::from_millis(30));
    pty.send(ENTER);
    pty.expect("Press Enter for the next question");
    key(pty, CTRL_C);
    expect_menu(pty, "Saved to");
}

/// After a drill (whose signal handlers stay for the life of the process),
/// a SIGTERM that comes while `stats` reads a long history from the menu
/// is not lost: stats finishes, then hotseat ends with 128 + 15 instead of
/// showing the menu again.
#[test]
fn sigterm_during_stats_after_a_drill_ends_hotseat() {
    let home = Home::new();
    let mut pty = menu(&home);
    one_daily_answer(&mut pty);
    lengthen_history(&home, 50_000);
    pick(&mut pty, STATS);
    Pty::kill(pty.program_pid(), "TERM");
    assert_eq!(pty.wait_exit(), Exit::Code(143), "{}", pty.screen());
    assert!(!pty.cursor_hidden(), "the cursor must come back");
}

/// Appends `copies` of the history's first answer, so that reading the
/// history takes a good second in a debug build.
fn lengthen_history(home: &Home, copies: usize) {
    let path = home.path().join("history.jsonl");
    let text = std::fs::read_to_string(&path).expect("history");
    let answer = text
        .lines()
        .find(|l| l.contains(r#""kind":"answer""#))
        .expect("the daily answer");
    let mut more = String::with_capacity((answer.len() + 1) * copies);
    for _ in 0..copies {
        more.push_str(answer);
        more.push('\n');
    }
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("history");
    std::io::Write::write_all(&mut file, more.as_bytes()).expect("append");
}

/// After a drill, a SIGTERM that comes while daily practice reads a long
/// history (before its session listens for keys) is not forgotten when
/// the session starts: hotseat ends with 128 + 15 instead of asking.
#[test]
fn sigterm_while_daily_reads_the_history_after_a_drill_ends_hotseat() {
    let home = Home::new();
    let mut pty = menu(&home);
    one_daily_answer(&mut pty);
    lengthen_history(&home, 80_000);
    pick(&mut pty, DAILY);
    // The menu has taken the choice and the history is being read.
    pty.expect("Daily practice");
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        !pty.seen(COUNTDOWN_STARTED),
        "the history was read too fast for this test"
    );
    Pty::kill(pty.program_pid(), "TERM");
    assert_eq!(
        pty.wait_exit_within(Duration::from_secs(20)),
        Exit::Code(143),
        "{}",
        pty.screen()
    );
    assert!(!pty.cursor_hidden(), "the cursor must come back");
}

/// After a drill, Ctrl-C (SIGINT: the terminal is not raw while the
/// history is read) while daily practice reads a long history ends that
/// session before its first question, and the menu comes back.
#[test]
fn ctrl_c_while_daily_reads_the_history_after_a_drill_brings_the_menu_back() {
    let home = Home::new();
    let mut pty = menu(&home);
    one_daily_answer(&mut pty);
    lengthen_history(&home, 80_000);
    pick(&mut pty, DAILY);
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        !pty.seen(COUNTDOWN_STARTED),
        "the history was read too fast for this test"
    );
    Pty::kill(pty.program_pid(), "INT");
    expect_menu(&pty, "Session");
    assert!(!pty.seen(COUNTDOWN_STARTED), "{}", pty.screen());
    quit_with_esc(&mut pty);
}

/// Resizing the window at the menu after a drill (whose key reader left a
/// SIGWINCH handler behind, so the menu's wait for a key is interrupted)
/// redraws nothing wrong and ends nothing: the menu stays, at a list and
/// at a text question, and quits with 0 as usual.
#[test]
fn resizing_the_window_at_the_menu_after_a_drill_ends_nothing() {
    let home = Home::new();
    let mut pty = menu(&home);
    one_daily_answer(&mut pty);
    Pty::kill(pty.program_pid(), "WINCH");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        pty.try_exit(),
        None,
        "a resize ended hotseat:\n{}",
        pty.screen()
    );
    pick(&mut pty, REHEARSE);
    pty.expect("Company (empty: none)");
    Pty::kill(pty.program_pid(), "WINCH");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        pty.try_exit(),
        None,
        "a resize ended hotseat:\n{}",
        pty.screen()
    );
    key(&mut pty, "Acme");
    pty.expect("Company (empty: none) › Acme");
    key(&mut pty, ESC);
    expect_menu(&pty, "");
    quit_with_esc(&mut pty);
}
