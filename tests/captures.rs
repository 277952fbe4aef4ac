//! The README's text captures, taken from real runs of the binary in the
//! PTY harness (a `vt100` screen, 80 columns, `--color never`), so the
//! README cannot drift from what hotseat shows:
//!
//! - `drill`: a one-answer drill on the built-in `weaknesses` bank
//!   (`--seed 1`), the screen while the answer is being typed, then, after
//!   Enter, the feedback down to the gate;
//! - `stats`: `hotseat stats` for three categories of the synthetic
//!   history below;
//! - `rehearsal`: the rehearsal report of that history's rehearsal, as
//!   `hotseat review` shows it again (the same code that prints it at the
//!   end of a rehearsal).
//!
//! The history has fixed stamps, "today" is fixed (`HOTSEAT_TODAY`) and
//! the zone is UTC, so `stats` and `review` are exact. A drill is timed by
//! the wall clock; its capture is made exact this way: the screen is taken
//! at the first frame of a second in which the bar cannot move (so its
//! label and bar are always the same), and in the feedback the figures
//! that measure the test's own typing speed are masked: the think time as
//! `#.#s` and the typing speed as `## wpm`.
//!
//! Each capture starts with the command that made it (`$ hotseat …`,
//! without the test's `--home` and `--color never`).
//!
//! `UPDATE_CAPTURES=1 cargo test --test captures` rewrites
//! `docs/captures/{drill,stats,rehearsal}.txt` and the README's blocks
//! between `<!-- capture: NAME -->` and `<!-- /capture -->`; otherwise the
//! test fails when a file or a README block differs from a fresh capture.

mod util;

use std::path::{Path, PathBuf};
use std::time::Duration;

use hotseat::bank::Catalog;
use hotseat::drill::{AnswerRecord, Mode, Pause, Record, SessionRecord, Stamp};
use util::Home;
use util::pty::{COUNTDOWN_STARTED, CTRL_C, DEADLINE, ENTER, NEXT_PROMPT, Spawn};

/// Columns of every capture: what the README's code blocks hold.
const COLS: u16 = 80;
/// The day the captured reports run on.
const TODAY: &str = "2026-12-01";
/// The rehearsal's session id in the synthetic history.
const REHEARSAL: &str = "20261130-190000-r7k2";

#[test]
fn readme_captures_match_fresh_runs() {
    let update = std::env::var_os("UPDATE_CAPTURES").is_some_and(|v| v == "1");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme_path = root.join("README.md");
    let mut readme = std::fs::read_to_string(&readme_path).expect("README.md");
    let mut stale = Vec::new();
    let captures = [
        ("drill", drill()),
        ("stats", stats()),
        ("rehearsal", rehearsal()),
    ];
    for (name, fresh) in captures {
        for line in fresh.lines() {
            let width = unicode_width(line);
            assert!(
                width <= usize::from(COLS),
                "{name}: {width} columns: {line}"
            );
        }
        let file = capture_file(root, name);
        if update {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &fresh).unwrap();
            readme = with_block(&readme, name, &fresh);
            continue;
        }
        if std::fs::read_to_string(&file).ok().as_deref() != Some(fresh.as_str()) {
            stale.push(format!("{} differs", file.display()));
        }
        match block(&readme, name) {
            Some(shown) if shown == fresh => {}
            Some(shown) => stale.push(format!(
                "README block {name:?} differs:\n--- README\n{shown}--- fresh\n{fresh}"
            )),
            None => stale.push(format!("README has no block {name:?}")),
        }
    }
    if update {
        std::fs::write(&readme_path, readme).unwrap();
    }
    assert!(
        stale.is_empty(),
        "{}\n(run `UPDATE_CAPTURES=1 cargo test --test captures` and check the diff)",
        stale.join("\n")
    );
}

/// The markers around a capture in the README: the opening comment, a
/// `text` fence, the capture, the closing fence and comment.
fn markers(name: &str) -> (String, &'static str) {
    (
        format!("<!-- capture: {name} -->\n```text\n"),
        "```\n<!-- /capture -->",
    )
}

/// The capture `name` as the README shows it, if it has the block.
fn block(readme: &str, name: &str) -> Option<String> {
    let (open, close) = markers(name);
    let start = readme.find(&open)? + open.len();
    let len = readme[start..].find(close)?;
    Some(readme[start..start + len].to_string())
}

/// `readme` with the block `name` holding `capture` (the block must exist:
/// where a capture goes is a decision for whoever writes the section).
fn with_block(readme: &str, name: &str, capture: &str) -> String {
    let (open, close) = markers(name);
    let start = readme
        .find(&open)
        .unwrap_or_else(|| panic!("README has no {open:?}: add the markers first"))
        + open.len();
    let len = readme[start..].find(close).expect("a closing marker");
    format!("{}{capture}{}", &readme[..start], &readme[start + len..])
}

fn capture_file(root: &Path, name: &str) -> PathBuf {
    root.join("docs/captures").join(format!("{name}.txt"))
}

fn unicode_width(line: &str) -> usize {
    // Every character in the captures is one column wide (no emoji, no
    // East Asian text): counting characters is the width.
    line.chars().count()
}

/// Screen rows with trailing spaces and trailing empty rows removed, each
/// ending in a newline.
fn tidy<'a>(rows: impl IntoIterator<Item = &'a str>) -> String {
    let mut lines: Vec<&str> = rows.into_iter().map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

// ----- the drill --------------------------------------------------------

/// The answer the drill capture types.
const ANSWER: &str = "I tend to over-prepare. Now I time-box research to one \
                      afternoon and share a draft early.";

/// The drill captured.
const DRILL: &[&str] = &[
    "drill",
    "--category",
    "weaknesses",
    "--count",
    "2",
    "--seed",
    "1",
];

/// The first line of a capture: the command, as a user would type it.
fn command(args: &[&str]) -> String {
    format!("$ hotseat {}\n", args.join(" "))
}

fn drill() -> String {
    let home = Home::new();
    let args = DRILL;
    let mut all = vec!["--color", "never"];
    all.extend(args);
    let mut pty = Spawn::in_home(home.path(), &all).size(24, COLS).start();
    pty.expect(COUNTDOWN_STARTED);
    let limit = limit_of_question_on(&pty.screen());
    pty.type_text(ANSWER, Duration::from_millis(5));
    pty.expect(ANSWER);
    let shot = screen_in_a_still_second(&pty, limit);
    pty.send(ENTER);
    pty.expect(NEXT_PROMPT);
    let transcript = pty.transcript();
    pty.send(CTRL_C);
    pty.wait_exit();

    let lines: Vec<&str> = transcript.lines().collect();
    let from = lines
        .iter()
        .position(|l| l.starts_with("Started after"))
        .unwrap_or_else(|| panic!("no feedback:\n{transcript}"));
    let to = lines
        .iter()
        .rposition(|l| l.contains(NEXT_PROMPT))
        .expect("the gate");
    let feedback: Vec<String> = lines[from..=to].iter().map(|l| mask(l)).collect();
    format!(
        "{}{shot}\n(Enter)\n\n{}",
        command(args),
        tidy(feedback.iter().map(String::as_str))
    )
}

/// The limit of the built-in `weaknesses` question on `screen`, in ms.
fn limit_of_question_on(screen: &str) -> u64 {
    let catalog = Catalog::builtin();
    let bank = catalog.bank("weaknesses").expect("the weaknesses bank");
    let flat = util::pty::normalize(screen);
    let question = bank
        .questions
        .iter()
        .find(|q| flat.contains(&util::pty::normalize(&q.text)))
        .unwrap_or_else(|| panic!("no weaknesses question on screen:\n{screen}"));
    u64::try_from(bank.limit_for(question).as_millis()).unwrap()
}

/// The screen during the first whole second from the fifth on (by the
/// countdown's "… left" label) in which no bar cell can fill: then the
/// label and the bar read the same in every run, however late the frame
/// came. The frame must be whole (the answer, drawn last, all there).
fn screen_in_a_still_second(pty: &util::pty::Pty, limit_ms: u64) -> String {
    let mut shot = None;
    let mut late = None;
    let seen = pty.wait_state(Duration::from_secs(60), |screen| {
        let rows: Vec<String> = screen.rows(0, COLS).collect();
        let Some((cells, left)) = rows.iter().find_map(|r| bar_and_left(r)) else {
            return false;
        };
        let cell = |ms: u64| ms * cells / limit_ms;
        // A limit has fewer than 3600 seconds.
        let still = (5..3600)
            .map(|s: u64| s * 1000)
            .find(|&ms| cell(ms) == cell(ms + 999))
            .expect("some second is still");
        // The second of elapsed time this label stands for: [e, e + 1).
        let elapsed = limit_ms.saturating_sub(left * 1000);
        if elapsed > still {
            late = Some(elapsed);
            return true;
        }
        let whole =
            util::pty::normalize(&screen.contents()).contains(&util::pty::normalize(ANSWER));
        if elapsed == still && whole {
            shot = Some(tidy(rows.iter().map(String::as_str)));
            return true;
        }
        false
    });
    assert!(
        seen.is_some() && late.is_none(),
        "no whole frame in the still second (typing too slow? at {late:?} ms); screen:\n{}",
        pty.screen()
    );
    shot.unwrap()
}

/// A countdown row, `████│░░░ 1m52s left`: its bar cells and the seconds
/// left.
fn bar_and_left(row: &str) -> Option<(u64, u64)> {
    let label = row.trim_end().strip_suffix(" left")?;
    let (bar, clock) = label.rsplit_once(' ')?;
    let cells = bar.chars().count() as u64;
    let bar_glyphs = bar.chars().all(|c| "█▓│░".contains(c));
    (cells > 0 && bar_glyphs).then_some(())?;
    let secs = match clock.split_once('m') {
        Some((m, s)) => m.parse::<u64>().ok()? * 60 + s.strip_suffix('s')?.parse::<u64>().ok()?,
        None => clock.strip_suffix('s')?.parse().ok()?,
    };
    Some((cells, secs))
}

/// Masks the figures that measure the test's typing, not hotseat: the
/// think time after "Started after " and the number before " wpm".
fn mask(line: &str) -> String {
    let mut line = line.to_string();
    if let Some(rest) = line.strip_prefix("Started after ")
        && let Some(end) = rest.find('s')
    {
        line = format!("Started after #.#{}", &rest[end..]);
    }
    if let Some(at) = line.find(" wpm") {
        let start = line[..at]
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |i| i + 1);
        line = format!("{}##{}", &line[..start], &line[at..]);
    }
    line
}

// ----- the reports ------------------------------------------------------

/// `hotseat ARGS` on the synthetic history, in a terminal tall enough that
/// nothing scrolls; the screen.
fn report(args: &[&str]) -> String {
    let home = Home::new();
    std::fs::create_dir_all(home.path()).unwrap();
    std::fs::write(home.history_path(), history()).unwrap();
    let mut all = vec!["--color", "never"];
    all.extend(args);
    let mut pty = Spawn::in_home(home.path(), &all)
        .env("HOTSEAT_TODAY", TODAY)
        .env("TZ", "UTC")
        .size(200, COLS)
        .start();
    assert!(pty.wait_eof(DEADLINE), "{args:?} did not finish");
    assert_eq!(
        pty.wait_exit(),
        util::pty::Exit::Code(0),
        "{}",
        pty.screen()
    );
    let screen = pty.screen();
    tidy(screen.lines())
}

fn stats() -> String {
    let args = ["stats", "--category", "weaknesses,behavioral,curveballs"];
    format!("{}{}", command(&args), report(&args))
}

fn rehearsal() -> String {
    let args = ["review", REHEARSAL];
    let review = report(&args);
    // The report follows the answers: from its first section on.
    let at = review
        .find("\nTime:\n")
        .unwrap_or_else(|| panic!("no rehearsal report:\n{review}"));
    format!("{}…\n\n{}", command(&args), &review[at + 1..])
}

fn at(stamp: &str) -> Stamp {
    Stamp::parse(stamp).expect("a fixed stamp")
}

/// A typed answer of `text` finished at `when`, with pauses after the
/// given word numbers (1-based), each of the given length.
fn answer(
    session: &str,
    mode: Mode,
    when: &str,
    question: &str,
    (think_ms, answer_ms): (u64, u64),
    pauses: &[(u32, u64)],
    text: &str,
) -> AnswerRecord {
    let words = u32::try_from(text.split_whitespace().count()).unwrap();
    let pauses = pauses
        .iter()
        .map(|&(word, ms)| {
            let before: usize = text
                .split_whitespace()
                .take(word as usize)
                .map(|w| w.chars().count() + 1)
                .sum();
            Pause {
                at_word: Some(word),
                at_char: Some(u32::try_from(before).unwrap()),
                ms,
                at_ms: Some(u64::from(word) * 600),
            }
        })
        .collect();
    let fillers: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| *w == "um")
        .collect();
    AnswerRecord::builder(question)
        .session(session)
        .mode(mode)
        .at(at(when))
        .think_ms(think_ms)
        .answer_ms(answer_ms)
        .limit_ms(90_000)
        .think_target_ms(10_000)
        .pauses(pauses)
        .words(words)
        .fillers(&fillers)
        .text(text)
        .build()
}

fn closing(session: &str, mode: Mode, span: (&str, &str), done: (u32, u32)) -> SessionRecord {
    SessionRecord {
        v: hotseat::drill::record::VERSION,
        session: session.into(),
        started: at(span.0),
        ended: at(span.1),
        mode,
        answered: done.0,
        skipped: done.1,
        interrupted: false,
        budget_ms: (mode == Mode::Rehearse).then_some(30 * 60_000),
    }
}

/// One answer of the synthetic history: finished at, `category/id`,
/// (think, answer) ms, pauses (after word, ms), text.
type Line = (
    &'static str,
    &'static str,
    (u64, u64),
    &'static [(u32, u64)],
    &'static str,
);

/// One session of the synthetic history: id, kind, (started, ended),
/// answers.
type Session = (
    &'static str,
    Mode,
    (&'static str, &'static str),
    &'static [Line],
);

/// A fortnight of practice: drills, daily sets and, the night before the
/// interview at Acme, a rehearsal (its answers cut at the limit or
/// follow-ups marked below).
fn history() -> String {
    use Mode::{Daily, Drill, Rehearse};
    let sessions: [Session; 6] = [
        (
            "20261118-083000-a1b2",
            Drill,
            ("2026-11-18T08:30:00Z", "2026-11-18T08:35:05Z"),
            &[
                (
                    "2026-11-18T08:31:20Z",
                    "weaknesses/greatest-weakness",
                    (14_200, 41_000),
                    &[(4, 5_200)],
                    "Um, I think my weakness is that I over-prepare and, um, that slows the first week of a project.",
                ),
                (
                    "2026-11-18T08:33:10Z",
                    "curveballs/piano-tuners",
                    (22_400, 60_000),
                    &[(6, 6_800), (15, 4_100)],
                    "A city of a million has maybe four hundred thousand homes, one piano in twenty, tuned once a year.",
                ),
                (
                    "2026-11-18T08:35:00Z",
                    "strengths/greatest-strength",
                    (6_300, 38_000),
                    &[],
                    "I make messy problems plain: at my last job I turned a forty-page runbook into a two-page checklist.",
                ),
            ],
        ),
        (
            "20261121-190000-c3d4",
            Drill,
            ("2026-11-21T19:00:00Z", "2026-11-21T19:03:45Z"),
            &[
                (
                    "2026-11-21T19:01:30Z",
                    "behavioral/failure",
                    (9_800, 72_000),
                    &[(9, 4_400)],
                    "I shipped a report with a wrong join and the numbers were off by a third. I owned it, fixed it that day and added a check.",
                ),
                (
                    "2026-11-21T19:03:40Z",
                    "weaknesses/greatest-weakness",
                    (8_100, 44_000),
                    &[],
                    "I over-prepare. Now I time-box research to one afternoon and share a draft early.",
                ),
            ],
        ),
        (
            "20261124-073000-e5f6",
            Daily,
            ("2026-11-24T07:30:00Z", "2026-11-24T07:33:05Z"),
            &[
                (
                    "2026-11-24T07:31:10Z",
                    "curveballs/piano-tuners",
                    (12_500, 55_000),
                    &[(11, 3_600)],
                    "Start from homes: about four hundred thousand, one in twenty with a piano, two hours a tuning.",
                ),
                (
                    "2026-11-24T07:33:00Z",
                    "five-year-plan/five-years",
                    (5_200, 47_000),
                    &[],
                    "Leading the data platform work for a team like yours, and mentoring the next two hires.",
                ),
            ],
        ),
        (
            "20261127-073000-g7h8",
            Daily,
            ("2026-11-27T07:30:00Z", "2026-11-27T07:33:05Z"),
            &[
                (
                    "2026-11-27T07:31:00Z",
                    "behavioral/conflict-with-colleague",
                    (7_400, 66_000),
                    &[(12, 3_900)],
                    "A colleague and I disagreed on a schema change. We wrote both options down, tested both on real data and kept the faster one.",
                ),
                (
                    "2026-11-27T07:33:00Z",
                    "weaknesses/greatest-weakness",
                    (4_600, 40_000),
                    &[],
                    "I over-prepare, so I time-box research and show a first draft after one afternoon.",
                ),
            ],
        ),
        (
            "20261129-201500-i9j0",
            Drill,
            ("2026-11-29T20:15:00Z", "2026-11-29T20:17:30Z"),
            &[(
                "2026-11-29T20:16:30Z",
                "curveballs/tennis-balls-bus",
                (16_000, 58_000),
                &[(8, 5_600)],
                "A bus is about twelve metres by two and a half by two, so sixty cubic metres, and a ball is small.",
            )],
        ),
        (
            REHEARSAL,
            Rehearse,
            ("2026-11-30T19:00:00Z", "2026-11-30T19:19:05Z"),
            &[
                (
                    "2026-11-30T19:01:40Z",
                    "tell-me-about-yourself/tell-me-about-yourself",
                    (3_800, 85_000),
                    &[],
                    "I am a data engineer with six years on pipelines and reporting; lately I moved our reports to a new warehouse and cut publishing from two days to four hours.",
                ),
                (
                    "2026-11-30T19:03:40Z",
                    "strengths/greatest-strength",
                    (5_100, 62_000),
                    &[(7, 3_400)],
                    "I make messy problems plain, for example the runbook I cut to a two-page checklist.",
                ),
                (
                    "2026-11-30T19:05:50Z",
                    "weaknesses/greatest-weakness",
                    (6_900, 48_000),
                    &[],
                    "I over-prepare; I time-box research now.",
                ),
                (
                    "2026-11-30T19:08:40Z",
                    "behavioral/failure",
                    (11_300, 90_000),
                    &[(14, 7_900)],
                    "I shipped a report with a wrong join, um, and the numbers were off by a third, so I owned it and fixed it that day and then I added a check to every report we publish.",
                ),
                (
                    "2026-11-30T19:11:30Z",
                    "company-research/what-do-you-know",
                    (9_400, 90_000),
                    &[(5, 4_200)],
                    "Acme sells logistics software to mid-size shippers and, um, you opened a second office last spring.",
                ),
                (
                    "2026-11-30T19:12:40Z",
                    "company-research/what-do-you-know",
                    (2_100, 40_000),
                    &[],
                    "Your route planner, because it is where my pipeline work would land.",
                ),
                (
                    "2026-11-30T19:14:30Z",
                    "five-year-plan/five-years",
                    (4_000, 55_000),
                    &[],
                    "Leading the data platform for a team like this one and mentoring the next hires.",
                ),
                (
                    "2026-11-30T19:17:10Z",
                    "curveballs/piano-tuners",
                    (24_600, 70_000),
                    &[(3, 6_100)],
                    "Start from homes, about four hundred thousand, one in twenty with a piano.",
                ),
                (
                    "2026-11-30T19:19:00Z",
                    "questions-to-ask/two-about-the-team",
                    (3_200, 35_000),
                    &[],
                    "How does the team decide what to build next? And how do you review each other's work?",
                ),
            ],
        ),
    ];
    let mut records = Vec::new();
    for (id, mode, span, lines) in sessions {
        let mut previous = "";
        for &(when, question, times, pauses, text) in lines {
            let mut a = answer(id, mode, when, question, times, pauses, text);
            if mode == Rehearse {
                a.company = Some("Acme".into());
                // A question answered twice in a row: its follow-up.
                if question == previous {
                    a.followup = Some(1);
                    a.limit_ms = 45_000;
                }
                // A strict answer is cut when think and answer time reach
                // the limit.
                if a.think_ms + a.answer_ms >= a.limit_ms {
                    a.answer_ms = a.limit_ms - a.think_ms;
                    a.overran = true;
                }
            }
            previous = question;
            records.push(Record::Answer(a));
        }
        let n = u32::try_from(lines.len()).unwrap();
        records.push(Record::Session(closing(id, mode, span, (n, 0))));
    }
    records
        .iter()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect()
}

// ----- the helpers above, on their own ------------------------------------

#[test]
fn a_readme_block_is_found_and_replaced_between_its_markers() {
    let readme = "intro\n<!-- capture: x -->\n```text\nold\n```\n<!-- /capture -->\nend\n";
    assert_eq!(block(readme, "x").as_deref(), Some("old\n"));
    assert_eq!(block(readme, "y"), None);
    let new = with_block(readme, "x", "new\nlines\n");
    assert_eq!(block(&new, "x").as_deref(), Some("new\nlines\n"));
    assert!(new.starts_with("intro\n") && new.ends_with("<!-- /capture -->\nend\n"));
}

#[test]
fn only_the_typing_figures_are_masked() {
    assert_eq!(
        mask("Started after 1.2s (target 10.0s)."),
        "Started after #.#s (target 10.0s)."
    );
    assert_eq!(mask("16 words, 137 wpm."), "16 words, ## wpm.");
    assert_eq!(mask("No pauses over 3.0s."), "No pauses over 3.0s.");
}

#[test]
fn a_countdown_row_gives_its_cells_and_seconds_left() {
    assert_eq!(bar_and_left("█░│░ 1m55s left"), Some((4, 115)));
    assert_eq!(bar_and_left("██▓░ 9s left  "), Some((4, 9)));
    assert_eq!(bar_and_left("██▓░ submitted"), None);
    assert_eq!(bar_and_left("> I have 9s left"), None);
}
