//! `hotseat reflect` end to end: by flags off a terminal, the bank it feeds
//! (checked by `banks check`, drawn by `drill`), duplicates, concurrent
//! runs, hostile text, `--list`, and the interactive form through a real
//! pseudo-terminal.

mod util;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use util::pty::{CTRL_C, ENTER, ESC, Exit, Pty, Spawn};
use util::{Home, has_escape, read_history, text};

/// Runs `hotseat --home HOME ARGS…` with `input` on a pipe (so not a
/// terminal), and returns what it did.
fn hotseat(home: &Home, args: &[&str], input: &str) -> Output {
    util::run_piped(home.path(), args, input)
}

#[track_caller]
fn ok(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn journal(home: &Home) -> Vec<Value> {
    read_history(&home.path().join("journal.jsonl"))
}

fn bank_path(home: &Home) -> PathBuf {
    home.path().join("banks/caught-off-guard.yaml")
}

/// The caught-off-guard bank as `banks show --json` gives it.
fn bank(home: &Home) -> Value {
    let out = hotseat(home, &["banks", "show", "caught-off-guard", "--json"], "");
    serde_json::from_str(&ok(&out)).expect("banks show --json is JSON")
}

fn question_texts(home: &Home) -> Vec<String> {
    bank(home)["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| q["text"].as_str().expect("text").to_string())
        .collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn acme(extra: &[&'static str]) -> Vec<&'static str> {
    let mut args = vec![
        "reflect",
        "--company",
        "Acme",
        "--role",
        "data engineer",
        "--date",
        "2026-11-30",
        "--outcome",
        "rejected",
    ];
    args.extend_from_slice(extra);
    args
}

#[test]
fn by_flags_writes_the_journal_and_a_bank_that_check_accepts_and_drill_uses() {
    let home = Home::new();
    let out = hotseat(
        &home,
        &acme(&[
            "--went-well",
            "the SQL exercise",
            "--went-well",
            "rapport with the lead",
            "--went-badly",
            "rambled on the intro",
            "--caught-off-guard",
            "Why should we not hire you?",
            "--caught-off-guard",
            "How many windows are in New York?",
            "--felt-off",
            "nobody mentioned testing",
            "--would-prefer",
            "a team that reviews code",
        ]),
        "",
    );
    let stdout = ok(&out);
    assert!(stdout.contains("Added 2 questions"), "{stdout}");
    let last = stdout.lines().last().unwrap_or("");
    assert_eq!(last, "Next: hotseat drill --category caught-off-guard");

    let records = journal(&home);
    assert_eq!(records.len(), 1, "{records:?}");
    let r = &records[0];
    assert_eq!(r["kind"], "reflection");
    assert_eq!(r["v"], 1);
    assert_eq!(r["company"], "Acme");
    assert_eq!(r["role"], "data engineer");
    assert_eq!(r["date"], "2026-11-30");
    assert_eq!(r["outcome"], "rejected");
    assert_eq!(
        r["went_well"],
        serde_json::json!(["the SQL exercise", "rapport with the lead"])
    );
    assert_eq!(r["went_badly"], serde_json::json!(["rambled on the intro"]));
    assert_eq!(r["caught_off_guard"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        r["felt_off"],
        serde_json::json!(["nobody mentioned testing"])
    );
    assert_eq!(
        r["would_prefer"],
        serde_json::json!(["a team that reviews code"])
    );
    let at = r["at"].as_str().expect("at");
    assert!(at.parse::<jiff::Timestamp>().is_ok(), "{at}");
    #[cfg(unix)]
    {
        assert_eq!(mode(&home.path().join("journal.jsonl")), 0o600);
        assert_eq!(mode(&bank_path(&home)), 0o600);
    }

    let check = hotseat(
        &home,
        &["banks", "check", bank_path(&home).to_str().unwrap()],
        "",
    );
    assert!(ok(&check).contains("ok"), "{}", text(&check.stdout));
    let yaml = std::fs::read_to_string(bank_path(&home)).unwrap();
    assert!(
        yaml.starts_with("# Maintained by `hotseat reflect`"),
        "{yaml}"
    );

    let shown = bank(&home);
    assert_eq!(shown["title"], "Caught off guard");
    let q = &shown["questions"][0];
    assert_eq!(q["id"], "why-should-we-not-hire-you");
    assert!(
        q["tips"][0]
            .as_str()
            .unwrap()
            .starts_with("From your interview at Acme (data engineer) on 2026-11-30"),
        "{q}"
    );

    // drill draws from it at once, and records the category.
    let drill = hotseat(
        &home,
        &[
            "drill",
            "--category",
            "caught-off-guard",
            "--count",
            "2",
            "--seed",
            "3",
        ],
        "first answer\nsecond answer\n",
    );
    let shown = ok(&drill);
    assert!(shown.contains("Why should we not hire you?"), "{shown}");
    assert!(
        shown.contains("How many windows are in New York?"),
        "{shown}"
    );
    let answers = home.answers();
    assert_eq!(answers.len(), 2);
    for a in &answers {
        assert_eq!(a["category"], "caught-off-guard");
    }
    let asked: Vec<&str> = answers
        .iter()
        .map(|a| a["question"].as_str().unwrap())
        .collect();
    assert!(
        asked.contains(&"caught-off-guard/why-should-we-not-hire-you"),
        "{asked:?}"
    );

    // daily takes it up too: never-asked questions join the set.
    let daily = hotseat(
        &home,
        &["daily", "--category", "caught-off-guard", "--count", "2"],
        "one\ntwo\n",
    );
    ok(&daily);
    let daily_answers: Vec<Value> = home
        .answers()
        .into_iter()
        .filter(|a| a["mode"] == "daily")
        .collect();
    assert_eq!(daily_answers.len(), 2, "{daily_answers:?}");
    assert!(
        daily_answers
            .iter()
            .all(|a| a["category"] == "caught-off-guard")
    );
}

#[test]
fn a_second_reflection_with_the_same_question_adds_no_duplicate() {
    let home = Home::new();
    ok(&hotseat(
        &home,
        &acme(&["--caught-off-guard", "Why should we not hire you?"]),
        "",
    ));
    let before = std::fs::read(bank_path(&home)).unwrap();
    let out = hotseat(
        &home,
        &[
            "reflect",
            "--company",
            "Globex",
            "--outcome",
            "waiting",
            "--caught-off-guard",
            "why should we NOT hire you",
            "--caught-off-guard",
            "  Why   should we not hire you?!  ",
        ],
        "",
    );
    let stdout = ok(&out);
    assert!(
        stdout.contains("2 questions were already in your bank"),
        "{stdout}"
    );
    assert_eq!(question_texts(&home), ["Why should we not hire you?"]);
    assert_eq!(std::fs::read(bank_path(&home)).unwrap(), before);
    assert_eq!(journal(&home).len(), 2, "each reflection is still recorded");
    // A new question next to an old one: only the new one is added.
    ok(&hotseat(
        &home,
        &acme(&[
            "--caught-off-guard",
            "Why should we not hire you?",
            "--caught-off-guard",
            "What would your last manager say?",
        ]),
        "",
    ));
    assert_eq!(
        question_texts(&home),
        [
            "Why should we not hire you?",
            "What would your last manager say?"
        ]
    );
}

#[test]
fn concurrent_reflect_runs_lose_no_journal_entry_and_no_bank_question() {
    let home = Home::new();
    const RUNS: usize = 6;
    let children: Vec<_> = (0..RUNS)
        .map(|i| {
            Command::new(util::bin())
                .arg("--home")
                .arg(home.path())
                .args(["reflect", "--company"])
                .arg(format!("Company {i}"))
                .args(["--outcome", "waiting", "--caught-off-guard"])
                .arg(format!("Run {i}: what is your first question?"))
                .arg("--caught-off-guard")
                .arg(format!("Run {i}: and your second one?"))
                // The same question from every run: added exactly once.
                .args(["--caught-off-guard", "What is the airspeed of a swallow?"])
                .env_remove("HOTSEAT_HOME")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn hotseat")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        ok(&out);
    }
    let records = journal(&home);
    assert_eq!(records.len(), RUNS, "{records:?}");
    let mut companies: Vec<String> = records
        .iter()
        .map(|r| r["company"].as_str().unwrap().to_string())
        .collect();
    companies.sort();
    let expected: Vec<String> = (0..RUNS).map(|i| format!("Company {i}")).collect();
    assert_eq!(companies, expected);

    let texts = question_texts(&home);
    assert_eq!(texts.len(), RUNS * 2 + 1, "{texts:#?}");
    for i in 0..RUNS {
        assert!(texts.contains(&format!("Run {i}: what is your first question?")));
        assert!(texts.contains(&format!("Run {i}: and your second one?")));
    }
    let swallow = texts.iter().filter(|t| t.contains("swallow")).count();
    assert_eq!(swallow, 1, "{texts:#?}");
    // No temporary file is left behind; only the bank is a bank file.
    let names: Vec<String> = std::fs::read_dir(home.path().join("banks"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with(".caught-off-guard.yaml.lock"))
        .collect();
    assert_eq!(names, ["caught-off-guard.yaml"]);
}

#[test]
fn hostile_text_is_made_safe_in_the_bank_and_inert_on_screen() {
    let home = Home::new();
    let out = hotseat(
        &home,
        &[
            "reflect",
            "--company",
            "{company}\x1b[2J Evil\u{202e}",
            "--outcome",
            "offer",
            "--went-badly",
            "froze \x1b]0;pwned\x07 completely",
            "--caught-off-guard",
            "Why {company} and not {salary}?",
            "--caught-off-guard",
            "Red \x1b[31malert\x07 now\nreally?",
            "--caught-off-guard",
            "你为什么离开上一份工作？",
        ],
        "",
    );
    let stdout = ok(&out);
    assert!(!has_escape(&out.stdout), "{stdout:?}");
    assert!(!has_escape(&out.stderr), "{:?}", text(&out.stderr));

    // The journal keeps what was said, exactly.
    let r = &journal(&home)[0];
    assert_eq!(r["company"], "{company}\x1b[2J Evil\u{202e}");
    assert_eq!(r["caught_off_guard"][0], "Why {company} and not {salary}?");

    // The bank holds it made safe, and the loader accepts it.
    let check = hotseat(
        &home,
        &["banks", "check", bank_path(&home).to_str().unwrap()],
        "",
    );
    ok(&check);
    assert_eq!(
        question_texts(&home),
        [
            "Why (company) and not (salary)?",
            "Red [31malert now really?",
            "你为什么离开上一份工作？",
        ]
    );
    let shown = bank(&home);
    let ids: Vec<&str> = shown["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[0], "why-company-and-not-salary");
    assert!(
        ids[2].starts_with("q-") && ids[2].len() == 10,
        "a non-Latin question gets a hash id: {ids:?}"
    );
    let tip = shown["questions"][0]["tips"][0].as_str().unwrap();
    assert!(
        tip.starts_with("From your interview at (company)[2J Evil on "),
        "{tip}"
    );
    let yaml = std::fs::read(bank_path(&home)).unwrap();
    assert!(!has_escape(&yaml) && !yaml.contains(&0x07));

    // Listing shows the journal's raw text only as visible escapes.
    let list = hotseat(&home, &["reflect", "--list"], "");
    let listed = ok(&list);
    assert!(!has_escape(&list.stdout), "{listed:?}");
    assert!(listed.contains("\\x1b[2J"), "{listed}");
    let json = hotseat(&home, &["reflect", "--list", "--json"], "");
    assert!(!has_escape(&json.stdout));
    let parsed: Value = serde_json::from_str(&ok(&json)).unwrap();
    assert_eq!(parsed[0]["company"], "{company}\x1b[2J Evil\u{202e}");

    // The drill can show it: placeholders never reach the screen unfilled.
    let drill = hotseat(
        &home,
        &["drill", "--category", "caught-off-guard", "--count", "3"],
        "a\nb\nc\n",
    );
    let shown = ok(&drill);
    assert!(shown.contains("Why (company) and not (salary)?"), "{shown}");
    assert!(shown.contains("你为什么离开上一份工作？"), "{shown}");
}

#[test]
fn missing_required_flags_off_a_terminal_are_a_usage_error_naming_them() {
    let home = Home::new();
    let out = hotseat(&home, &["reflect"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("missing --company and --outcome"), "{err}");
    let out = hotseat(
        &home,
        &["reflect", "--company", "Acme", "--went-well", "x"],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("missing --outcome"), "{err}");
    assert!(!err.contains("--company and"), "{err}");
    for (args, says) in [
        (
            vec![
                "reflect",
                "--company",
                "Acme",
                "--outcome",
                "waiting",
                "--date",
                "30/11/2026",
            ],
            "YYYY-MM-DD",
        ),
        (
            vec!["reflect", "--company", " ", "--outcome", "waiting"],
            "--company is blank",
        ),
        (
            vec!["reflect", "--company", "Acme", "--outcome", "ghosted"],
            "ghosted",
        ),
        (vec!["reflect", "--json"], "--list"),
        (vec!["reflect", "--list", "--company", "Acme"], "--company"),
    ] {
        let out = hotseat(&home, &args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains(says),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    assert!(
        !home.path().exists(),
        "a refused reflection leaves no trace"
    );
}

#[test]
fn list_is_newest_first_and_skips_a_bad_line_with_its_number() {
    let home = Home::new();
    assert!(ok(&hotseat(&home, &["reflect", "--list"], "")).contains("No reflections yet"));
    assert_eq!(
        ok(&hotseat(&home, &["reflect", "--list", "--json"], "")).trim(),
        "[]"
    );
    std::fs::create_dir_all(home.path()).unwrap();
    let line = |company: &str, at: &str| {
        format!(
            "{{\"kind\":\"reflection\",\"v\":1,\"at\":\"{at}\",\"company\":\"{company}\",\"role\":null,\"date\":\"2026-11-01\",\"outcome\":\"offer\",\"went_well\":[\"ok\"],\"went_badly\":[],\"caught_off_guard\":[],\"felt_off\":[],\"would_prefer\":[]}}\n"
        )
    };
    let mut file = line("Newer", "2026-11-20T10:00:00+01:00");
    file.push_str("{\"kind\":\"reflection\",\"v\":1,\"at\":\n");
    file.push_str(&line("Older", "2026-11-02T10:00:00Z"));
    std::fs::write(home.path().join("journal.jsonl"), file).unwrap();
    // Appending after a hand-written file keeps it and goes last in time.
    ok(&hotseat(
        &home,
        &["reflect", "--company", "Latest", "--outcome", "waiting"],
        "",
    ));

    let out = hotseat(&home, &["reflect", "--list"], "");
    let listed = ok(&out);
    let order: Vec<usize> = ["Latest", "Newer", "Older"]
        .iter()
        .map(|c| listed.find(c).unwrap_or_else(|| panic!("{c} in {listed}")))
        .collect();
    assert!(order[0] < order[1] && order[1] < order[2], "{listed}");
    assert!(listed.contains("Went well:\n    - ok"), "{listed}");
    let err = text(&out.stderr);
    assert!(
        err.contains("journal.jsonl:2: skipped unreadable record"),
        "{err}"
    );

    let json = hotseat(&home, &["reflect", "--list", "--json"], "");
    let parsed: Value = serde_json::from_str(&ok(&json)).unwrap();
    let companies: Vec<&str> = parsed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["company"].as_str().unwrap())
        .collect();
    assert_eq!(companies, ["Latest", "Newer", "Older"]);
    assert!(json.stdout.starts_with(b"["), "warnings go to stderr only");
}

#[test]
fn a_broken_bank_keeps_the_journal_entry_and_is_reported_with_its_line() {
    let home = Home::new();
    std::fs::create_dir_all(home.path().join("banks")).unwrap();
    let broken = "category: caught-off-guard\nquestions:\n  - id: mine\n    txt: typo\n";
    std::fs::write(bank_path(&home), broken).unwrap();
    let out = hotseat(
        &home,
        &acme(&[
            "--caught-off-guard",
            "Where do you see yourself in 5 years?",
        ]),
        "",
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Saved your reflection"));
    let err = text(&out.stderr);
    assert!(err.contains("caught-off-guard.yaml:4:5"), "{err}");
    assert!(
        err.contains("Where do you see yourself in 5 years?"),
        "{err}"
    );
    assert_eq!(journal(&home).len(), 1);
    assert_eq!(std::fs::read_to_string(bank_path(&home)).unwrap(), broken);
}

// ----- the interactive form, through a pseudo-terminal -----

fn form(home: &Home, extra: &[&str]) -> Pty {
    let mut args = vec!["reflect"];
    args.extend(extra);
    Spawn::in_home(home.path(), &args).start()
}

/// Dialoguer redraws on each key; give it a moment so every line lands on
/// the prompt it is meant for.
fn line(pty: &mut Pty, text: &str) {
    pty.send(text);
    std::thread::sleep(Duration::from_millis(100));
    pty.send(ENTER);
    std::thread::sleep(Duration::from_millis(150));
}

#[test]
fn the_form_asks_for_everything_and_saves_it() {
    let home = Home::new();
    let today = jiff::Zoned::now().date().to_string();
    let mut pty = form(&home, &[]);
    pty.expect("Company");
    line(&mut pty, "Acme");
    pty.expect("Role (Enter to skip)");
    line(&mut pty, "data engineer");
    pty.expect("Date of the interview");
    assert!(pty.seen(&today), "today is the default: {}", pty.screen());
    line(&mut pty, "");
    pty.expect("Outcome");
    pty.expect("withdrew");
    line(&mut pty, ""); // waiting, the default
    pty.expect("What went well? (one per line");
    line(&mut pty, "the live coding");
    pty.expect("What went well? (another");
    line(&mut pty, "asked good questions");
    line(&mut pty, "");
    pty.expect("What went badly?");
    line(&mut pty, "");
    pty.expect("Which questions caught you off guard?");
    line(&mut pty, "Why do you want to leave your job?");
    line(&mut pty, "What is your biggest regret?");
    line(&mut pty, "");
    pty.expect("What felt off about the place?");
    line(&mut pty, "the office was empty");
    line(&mut pty, "");
    pty.expect("What would you prefer instead?");
    line(&mut pty, "");
    pty.expect("Next: hotseat drill --category caught-off-guard");
    assert_eq!(pty.wait_exit(), Exit::Code(0));

    let records = journal(&home);
    assert_eq!(records.len(), 1, "{records:?}");
    let r = &records[0];
    assert_eq!(r["company"], "Acme");
    assert_eq!(r["role"], "data engineer");
    assert_eq!(r["date"], today.as_str());
    assert_eq!(r["outcome"], "waiting");
    assert_eq!(
        r["went_well"],
        serde_json::json!(["the live coding", "asked good questions"])
    );
    assert_eq!(r["went_badly"], serde_json::json!([]));
    assert_eq!(
        r["caught_off_guard"],
        serde_json::json!([
            "Why do you want to leave your job?",
            "What is your biggest regret?"
        ])
    );
    assert_eq!(r["felt_off"], serde_json::json!(["the office was empty"]));
    assert_eq!(r["would_prefer"], serde_json::json!([]));
    assert_eq!(
        question_texts(&home),
        [
            "Why do you want to leave your job?",
            "What is your biggest regret?"
        ]
    );
}

#[test]
fn esc_in_the_form_leaves_it_and_saves_nothing() {
    for at in ["Role (Enter to skip)", "What went badly?"] {
        let home = Home::new();
        let mut pty = form(&home, &[]);
        pty.expect("Company");
        line(&mut pty, "Acme");
        pty.expect("Role (Enter to skip)");
        if at != "Role (Enter to skip)" {
            line(&mut pty, "");
            pty.expect("Date of the interview");
            line(&mut pty, "");
            pty.expect("withdrew");
            line(&mut pty, "");
            pty.expect("What went well? (one per line");
            line(&mut pty, "");
            pty.expect(at);
        }
        pty.send(ESC);
        pty.expect("Nothing saved.");
        assert_eq!(pty.wait_exit(), Exit::Code(0), "Esc at {at:?}");
        assert!(
            journal(&home).is_empty(),
            "Esc at {at:?} saved a reflection"
        );
    }
}

#[test]
fn with_flags_on_a_terminal_only_the_missing_outcome_is_asked() {
    let home = Home::new();
    let mut pty = form(
        &home,
        &[
            "--company",
            "Acme",
            "--caught-off-guard",
            "Sell me this pen.",
        ],
    );
    pty.expect("Outcome");
    pty.send("\x1b[A"); // up from waiting: rejected
    std::thread::sleep(Duration::from_millis(150));
    line(&mut pty, "");
    pty.expect("Next: hotseat drill --category caught-off-guard");
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    assert!(!pty.seen("Role (Enter to skip)"), "{}", pty.transcript());
    let r = &journal(&home)[0];
    assert_eq!(r["outcome"], "rejected");
    assert_eq!(r["role"], Value::Null);
    assert_eq!(question_texts(&home), ["Sell me this pen."]);
}

#[test]
fn ctrl_c_in_the_form_saves_nothing_and_gives_the_terminal_back() {
    let home = Home::new();
    let mut pty = form(&home, &[]);
    pty.expect("Company");
    line(&mut pty, "Acme");
    pty.expect("Role (Enter to skip)");
    pty.send(CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
    assert!(!pty.cursor_hidden(), "the cursor is shown again");
    assert!(!home.path().join("journal.jsonl").exists());
}
