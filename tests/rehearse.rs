//! `hotseat rehearse` end to end on the built-in banks: structure, order,
//! budget, company naming, placeholders, follow-ups and the report in line
//! mode with a fixed seed; no skipping and no coaching through a real
//! pseudo-terminal.

mod util;

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use util::pty::{COUNTDOWN_STARTED, CTRL_C, DEADLINE, ENTER, ESC, Exit, NEXT_PROMPT, Spawn};
use util::{Home, text};

fn run(home: &Home, extra: &[&str], lines: usize) -> Output {
    let answer = "I led the move of our reports to a new warehouse and it cut the \
                  time to publish them from two days to four hours, which the team \
                  still uses every week\n";
    let mut args = vec!["rehearse"];
    args.extend(extra);
    util::run_piped(home.path(), args, &answer.repeat(lines))
}

const ORDER: [&str; 10] = [
    "tell-me-about-yourself",
    "strengths",
    "weaknesses",
    "behavioral",
    "company-research",
    "culture-fit",
    "five-year-plan",
    "caught-off-guard",
    "curveballs",
    "questions-to-ask",
];

fn rank(category: &str) -> usize {
    let r = ORDER.iter().position(|c| *c == category).expect(category);
    // Company research and culture fit are one phase, as are curveballs
    // and questions that caught the user off guard.
    match r {
        5 => 4,
        8 => 7,
        r => r,
    }
}

fn mains(answers: &[Value]) -> Vec<&Value> {
    answers
        .iter()
        .filter(|a| a.get("followup").is_none())
        .collect()
}

#[test]
fn a_rehearsal_runs_in_interview_order_within_its_budget() {
    let home = Home::new();
    let out = run(
        &home,
        &[
            "--minutes",
            "30",
            "--company",
            "Acme",
            "--role",
            "data engineer",
            "--seed",
            "7",
        ],
        40,
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    let answers = home.answers();
    assert!(answers.iter().all(|a| a["mode"] == "rehearse"));
    assert_eq!(home.sessions()[0]["mode"], "rehearse");
    let main = mains(&answers);
    let cats: Vec<&str> = main
        .iter()
        .map(|a| a["category"].as_str().unwrap())
        .collect();
    assert_eq!(cats[0], "tell-me-about-yourself");
    assert_eq!(*cats.last().unwrap(), "questions-to-ask");
    let ranks: Vec<usize> = cats.iter().map(|c| rank(c)).collect();
    let mut sorted = ranks.clone();
    sorted.sort_unstable();
    assert_eq!(ranks, sorted, "phases out of order: {cats:?}");
    let mut distinct = cats.clone();
    distinct.dedup();
    assert!(distinct.len() >= 5, "{distinct:?}");
    assert!(
        cats.iter().filter(|c| **c == "behavioral").count() >= 2,
        "{cats:?}"
    );
    // The answer limits, follow-ups included, fit in the budget.
    let limits: u64 = answers
        .iter()
        .map(|a| a["limit_ms"].as_u64().unwrap())
        .sum();
    assert!(limits <= 30 * 60_000, "{limits}");
    // Follow-ups: right after their question, same id, half its limit (≥ 30 s).
    let mut followups = 0;
    for (i, a) in answers.iter().enumerate() {
        if a.get("followup").is_some() {
            followups += 1;
            assert_eq!(a["followup"], 1);
            let q = &answers[i - 1];
            assert!(q.get("followup").is_none());
            assert_eq!(a["question"], q["question"]);
            let half = (q["limit_ms"].as_u64().unwrap() / 2).max(30_000);
            assert_eq!(a["limit_ms"].as_u64().unwrap(), half);
        }
        assert_eq!(a["company"], "Acme");
        assert_eq!(a["role"], "data engineer");
    }
    assert!(followups >= 3, "{followups}");
    // The company is named in at least one question; nothing unfilled.
    assert!(
        stdout
            .lines()
            .any(|l| l.contains("Acme") && !l.starts_with("Rehearsal")),
        "{stdout}"
    );
    for marker in ["{company}", "{role}"] {
        assert!(!stdout.contains(marker), "{marker} reached the screen");
        assert!(
            !std::fs::read_to_string(home.history_path())
                .unwrap()
                .contains(marker),
            "{marker} reached the history"
        );
    }
    // The intro counts what the screen will count.
    let intro = stdout.lines().next().unwrap();
    let n = |w: &str| -> usize {
        let before = intro.split(w).next().unwrap();
        before.split_whitespace().last().unwrap().parse().unwrap()
    };
    let total = n(" questions") + n(" follow-ups");
    assert!(
        stdout.contains(&format!("Question 1 of {total} ·")),
        "{intro}"
    );
    assert_eq!(answers.len(), total);
    // The clock beside each question, and the report at the end, in Markdown.
    assert!(
        stdout.contains("interview clock 0.0s of 30m00s"),
        "{stdout}"
    );
    for heading in [
        "## Time",
        "## Worst moments",
        "## Three things to fix tonight",
    ] {
        assert!(stdout.contains(heading), "{heading} missing:\n{stdout}");
    }
    for n in ["\n1. “", "\n2. “", "\n3. “"] {
        assert!(stdout.contains(n), "{n:?} missing:\n{stdout}");
    }
    // No coaching between questions.
    assert!(!stdout.contains("Started after"), "{stdout}");
    assert!(!stdout.contains("To work on:"), "{stdout}");
}

#[test]
fn the_seed_reproduces_the_questions() {
    let questions = |seed: &str| {
        let home = Home::new();
        let out = run(&home, &["--seed", seed, "--minutes", "20"], 40);
        assert!(out.status.success());
        home.answers()
            .iter()
            .map(|a| a["question"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(questions("3"), questions("3"));
    assert_ne!(questions("3"), questions("4"));
}

#[test]
fn too_short_a_budget_says_the_minimum_and_exits_2() {
    let home = Home::new();
    let out = run(&home, &["--minutes", "3"], 0);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("a rehearsal needs at least"), "{stderr}");
    assert!(stderr.contains("pass --minutes"), "{stderr}");
    assert!(!home.history_path().exists(), "nothing recorded");
}

#[test]
fn rehearsal_answers_never_move_the_daily_schedule() {
    let home = Home::new();
    let due = |home: &Home| {
        let out = Command::new(util::bin())
            .arg("--home")
            .arg(home.path())
            .args(["daily", "--due"])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        text(&out.stdout)
    };
    let before = due(&home);
    let out = run(&home, &["--seed", "1", "--minutes", "15"], 40);
    assert!(out.status.success());
    assert!(!home.answers().is_empty());
    let after = due(&home);
    let never = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("Never asked"))
            .map(str::to_owned)
    };
    assert_eq!(never(&before), never(&after), "{after}");
    assert!(after.contains("Due now: 0 questions."), "{after}");
    // It still counts for the streak: practice is practice.
    assert!(after.contains("Streak: 1 day, today included."), "{after}");
}

#[test]
fn esc_does_not_skip_and_no_coaching_comes_between_questions() {
    let home = Home::new();
    let mut pty =
        Spawn::in_home(home.path(), &["rehearse", "--minutes", "10", "--seed", "2"]).start();
    pty.expect("interview clock");
    pty.expect(COUNTDOWN_STARTED);
    std::thread::sleep(Duration::from_millis(300));
    pty.send(ESC);
    pty.expect_within("no skipping in a rehearsal", DEADLINE);
    pty.type_text("I grew up fixing things", Duration::from_millis(30));
    pty.send(ENTER);
    pty.expect_within(NEXT_PROMPT, DEADLINE);
    assert!(
        !pty.seen("Started after"),
        "coaching between questions:\n{}",
        pty.screen()
    );
    std::thread::sleep(Duration::from_millis(200));
    pty.send(CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
    let answers = home.answers();
    assert_eq!(answers.len(), 1, "{answers:#?}");
    assert_eq!(answers[0]["skipped"], false);
    assert_eq!(answers[0]["text"], "I grew up fixing things");
    assert_eq!(answers[0]["mode"], "rehearse");
    assert_eq!(home.sessions()[0]["interrupted"], true);
}

#[test]
fn a_question_that_caught_you_off_guard_is_rehearsed_in_the_curveball_phase() {
    let home = Home::new();
    let reflect = Command::new(util::bin())
        .arg("--home")
        .arg(home.path())
        .args([
            "reflect",
            "--company",
            "Initech",
            "--outcome",
            "rejected",
            "--caught-off-guard",
            "Why should we not hire you?",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(reflect.status.success(), "{}", text(&reflect.stderr));
    let out = run(&home, &["--seed", "2", "--minutes", "20"], 40);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Why should we not hire you?"), "{stdout}");
    let cats: Vec<String> = home
        .answers()
        .iter()
        .map(|a| a["category"].as_str().unwrap().to_owned())
        .collect();
    assert!(cats.iter().any(|c| c == "caught-off-guard"), "{cats:?}");
    // Rehearsed last time: the next rehearsal asks another curveball.
    let again = run(&home, &["--seed", "2", "--minutes", "20"], 40);
    assert!(!text(&again.stdout).contains("Why should we not hire you?"));
}

#[test]
fn review_shows_a_rehearsals_report_again() {
    let home = Home::new();
    let out = run(&home, &["--seed", "5", "--minutes", "15"], 40);
    assert!(out.status.success());
    assert_eq!(home.sessions()[0]["budget_ms"], 15 * 60_000);
    let review = util::run_piped(home.path(), ["review", "last"], "");
    let shown = text(&review.stdout);
    assert!(review.status.success(), "{shown}{}", text(&review.stderr));
    for heading in ["Time:", "Worst moments:", "Three things to fix tonight:"] {
        assert!(shown.contains(heading), "{heading} missing:\n{shown}");
    }
    assert!(shown.contains("of a 15m00s budget"), "{shown}");
    // The same three things as at the end of the rehearsal.
    let first = |s: &str| {
        s.lines()
            .find(|l| l.trim_start().starts_with("1. “"))
            .map(|l| l.trim_start().to_owned())
    };
    // (review wraps to 80 columns; the rehearsal's Markdown does not.)
    let (again, then) = (first(&shown).unwrap(), first(&text(&out.stdout)).unwrap());
    assert!(then.starts_with(&again), "{again:?} vs {then:?}");
}
