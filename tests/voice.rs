//! `--input voice` end to end with the real binary: recordings fed through
//! the recorder command (`cat` of a committed fixture, see
//! tests/fixtures/voice/README.md for how they were made and their true
//! figures), off a terminal and in a pseudo-terminal; the recorder's
//! failures; the recorder process gone after every exit path; `--speak`
//! with a stand-in speaker; `--keep-audio`.

mod util;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use util::pty::{COUNTDOWN_STARTED, CTRL_C, ENTER, Exit, Spawn};
use util::{Home, QUESTIONS, drill_args, text, u64_of};

/// How far a measured time may be from the truth.
const TOLERANCE_MS: u64 = 300;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/voice")
        .join(name)
}

/// A shell word for `path`.
fn quoted(path: &Path) -> String {
    format!("'{}'", path.display())
}

/// A voice drill with standard input not a terminal (no keys): each answer
/// ends with its recording.
fn run(home: &Home, extra: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(util::bin());
    cmd.args(drill_args(
        home.path(),
        &["--input", "voice", "--pause", "2s"],
    ))
    .args(extra)
    .env_remove("HOTSEAT_HOME")
    .env_remove("HOTSEAT_RECORDER")
    .env_remove("HOTSEAT_SPEAKER")
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.output().expect("run hotseat")
}

#[track_caller]
fn near(what: &str, got: u64, truth: u64) {
    assert!(
        got.abs_diff(truth) <= TOLERANCE_MS,
        "{what} = {got} ms, truth {truth} ms (±{TOLERANCE_MS})"
    );
}

fn pauses(a: &Value) -> Vec<(u64, u64)> {
    a["pauses"]
        .as_array()
        .expect("pauses")
        .iter()
        .map(|p| {
            assert!(p["at_word"].is_null() && p["at_char"].is_null(), "{p}");
            (p["at_ms"].as_u64().expect("at_ms"), u64_of(p, "ms"))
        })
        .collect()
}

/// A fixture's truth: name, think time, pauses (start in the file, length).
type Truth = (&'static str, u64, &'static [(u64, u64)]);

/// Each fixture, its think time and its pauses (start in the file, length).
const TRUTH: [Truth; 4] = [
    ("break.raw", 1_000, &[(2_280, 2_500)]),
    ("constructed.raw", 1_400, &[(2_446, 2_400)]),
    ("noisy-break.raw", 1_000, &[(2_280, 2_500)]),
    ("noisy-steady.raw", 800, &[]),
];

#[test]
fn recordings_give_think_time_and_pauses_within_300_ms_of_the_truth() {
    for (name, think, truth) in TRUTH {
        let home = Home::new();
        let recorder = format!("cat {}", quoted(&fixture(name)));
        let out = run(&home, &["--count", "1", "--recorder", &recorder], &[]);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        let answers = home.answers();
        assert_eq!(answers.len(), 1, "{name}");
        let a = &answers[0];
        util::assert_answer_shape(a);
        assert_eq!(a["input"], "voice");
        assert!(
            a["words"].is_null() && a["fillers"].is_null() && a["wpm"].is_null(),
            "{a}"
        );
        let got_think = u64_of(a, "think_ms");
        near(&format!("{name} think time"), got_think, think);
        let got = pauses(a);
        assert_eq!(
            got.len(),
            truth.len(),
            "{name}: pauses {got:?}, truth {truth:?}"
        );
        for ((at, ms), (true_at, true_ms)) in got.iter().zip(truth) {
            near(&format!("{name} pause length"), *ms, *true_ms);
            // at_ms counts from the first speech.
            near(&format!("{name} pause start"), got_think + at, *true_at);
        }
        // The answer ends at the recording's last sample.
        let len = std::fs::metadata(fixture(name)).unwrap().len() / 32;
        let total = u64_of(a, "think_ms") + u64_of(a, "answer_ms");
        assert!(total.abs_diff(len) <= 1, "{name}: {total} ms of {len} ms");
        let shown = text(&out.stdout);
        assert!(
            shown.contains("not measured for voice answers"),
            "{name}: {shown}"
        );
    }
}

#[test]
fn each_answer_gets_its_own_recording_by_number_and_question() {
    let home = Home::new();
    let seen = home.scratch().join("seen");
    let script = format!(
        "echo \"$HOTSEAT_ANSWER_NUMBER $HOTSEAT_QUESTION\" >> {seen}; \
         case $HOTSEAT_ANSWER_NUMBER in 2) cat {steady};; *) cat {brk};; esac",
        seen = quoted(&seen),
        steady = quoted(&fixture("noisy-steady.raw")),
        brk = quoted(&fixture("break.raw")),
    );
    let out = run(&home, &["--count", "2"], &[("HOTSEAT_RECORDER", &script)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let answers = home.answers();
    assert_eq!(answers.len(), 2);
    assert_eq!(pauses(&answers[0]).len(), 1);
    assert_eq!(pauses(&answers[1]).len(), 0);
    let lines: Vec<String> = std::fs::read_to_string(&seen)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    // The probe (0), then one run per answer with its question.
    assert_eq!(lines[0], "0 probe");
    assert_eq!(
        lines[1],
        format!("1 {}", answers[0]["question"].as_str().unwrap())
    );
    assert_eq!(
        lines[2],
        format!("2 {}", answers[1]["question"].as_str().unwrap())
    );
    assert_eq!(lines.len(), 3);
}

#[test]
fn a_missing_or_failing_recorder_is_a_clear_error_before_the_first_question() {
    for (recorder, says) in [
        ("hotseat-no-such-recorder -r 16000", "not found"),
        (
            "echo 'no sound server running' >&2; exit 3",
            "exited with status 3: no sound server running",
        ),
        ("true", "it gave no audio"),
    ] {
        let home = Home::new();
        let out = run(&home, &["--recorder", recorder], &[]);
        assert_eq!(out.status.code(), Some(1), "{recorder}");
        let err = text(&out.stderr);
        assert!(err.contains(says), "{recorder}: {err}");
        assert!(err.contains("--recorder CMD"), "{err}");
        assert!(
            !text(&out.stdout).contains("Question 1"),
            "no question asked"
        );
        assert!(home.history().is_empty(), "nothing written");
    }
}

#[test]
fn auto_detection_names_every_recorder_it_tried() {
    let home = Home::new();
    let empty = home.scratch().join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    let out = run(&home, &[], &[("PATH", empty.to_str().unwrap())]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    for program in ["parec", "arecord", "rec", "ffmpeg"] {
        assert!(
            err.contains(&format!("{program} is not installed")),
            "{err}"
        );
    }
    assert!(err.contains("--recorder CMD"), "{err}");
    assert!(home.history().is_empty());
}

/// Whether process `pid` is still there (a zombie counts: unreaped).
fn alive(pid: i32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// The pids a recorder script wrote, one a line.
fn pids(file: &Path) -> Vec<i32> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect()
}

#[track_caller]
fn assert_all_gone(file: &Path, at_least: usize) {
    let pids = pids(file);
    assert!(pids.len() >= at_least, "pids written: {pids:?}");
    let until = Instant::now() + Duration::from_secs(5);
    for pid in pids {
        while alive(pid) {
            assert!(
                Instant::now() < until,
                "recorder process {pid} outlived hotseat"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// A recorder that writes its own pid and its child's, plays `file` and
/// then (with `hold`) keeps its stream open without audio.
fn recorder_script(pidfile: &Path, file: &str, hold: bool) -> String {
    format!(
        "echo $$ >> {p}; sleep 60 & echo $! >> {p}; cat {f}; {rest}",
        p = quoted(pidfile),
        f = quoted(&fixture(file)),
        rest = if hold { "wait" } else { "kill $!" }
    )
}

#[test]
fn the_recorder_is_gone_after_a_normal_end_and_after_a_signal() {
    // Normal end: the stream ends with the recording.
    let home = Home::new();
    let pidfile = home.scratch().join("pids");
    let out = run(
        &home,
        &[
            "--count",
            "2",
            "--recorder",
            &recorder_script(&pidfile, "break.raw", false),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Probe + two answers, each a shell and its sleep.
    assert_all_gone(&pidfile, 6);

    // A signal mid-answer: the stream is held open, SIGTERM ends hotseat.
    let home = Home::new();
    let pidfile = home.scratch().join("pids");
    let mut child = Command::new(util::bin())
        .args(drill_args(
            home.path(),
            &["--input", "voice", "--count", "2"],
        ))
        .arg("--recorder")
        .arg(recorder_script(&pidfile, "break.raw", true))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let until = Instant::now() + Duration::from_secs(10);
    while pids(&pidfile).len() < 4 {
        assert!(
            Instant::now() < until,
            "the answer's recorder never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    util::pty::Pty::kill(child.id() as i32, "TERM");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(143));
    assert_all_gone(&pidfile, 4);
    let sessions = home.sessions();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["interrupted"], true);
    assert!(
        home.answers().is_empty(),
        "the answer in progress is not saved"
    );
}

#[test]
fn a_recorder_dying_mid_answer_keeps_the_answer_and_ends_the_session_with_exit_1() {
    let home = Home::new();
    let pidfile = home.scratch().join("pids");
    let script = format!(
        "echo $$ >> {p}; cat {f}; echo 'device unplugged' >&2; exit 4",
        p = quoted(&pidfile),
        f = quoted(&fixture("break.raw")),
    );
    let out = run(&home, &["--count", "2", "--recorder", &script], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let answers = home.answers();
    assert_eq!(answers.len(), 1, "the answer up to the last sample is kept");
    near("think time", u64_of(&answers[0], "think_ms"), 1_000);
    assert_eq!(pauses(&answers[0]).len(), 1);
    let sessions = home.sessions();
    assert_eq!(sessions[0]["interrupted"], true);
    let shown = text(&out.stdout);
    assert!(shown.contains("The recorder stopped mid-answer"), "{shown}");
    assert!(shown.contains("exited with status 4"), "{shown}");
    assert!(shown.contains("device unplugged"), "{shown}");
    assert!(!shown.contains("Question 2"), "{shown}");
    assert_all_gone(&pidfile, 2);
}

#[test]
fn kept_audio_is_a_private_wav_named_in_the_record() {
    use std::os::unix::fs::PermissionsExt as _;
    let home = Home::new();
    let recorder = format!("cat {}", quoted(&fixture("break.raw")));
    let out = run(
        &home,
        &["--count", "1", "--recorder", &recorder, "--keep-audio"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let a = &home.answers()[0];
    let path = PathBuf::from(a["audio"].as_str().expect("audio path"));
    assert!(path.starts_with(home.path().join("audio")), "{path:?}");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let wav = std::fs::read(&path).unwrap();
    let raw = std::fs::read(fixture("break.raw")).unwrap();
    assert_eq!(&wav[..4], b"RIFF");
    assert_eq!(
        &wav[wav.len() - raw.len()..],
        &raw[..],
        "the samples, unchanged"
    );
    // Without the flag, no audio field.
    let home = Home::new();
    let out = run(&home, &["--count", "1", "--recorder", &recorder], &[]);
    assert!(out.status.success());
    assert!(home.answers()[0].get("audio").is_none());
}

#[test]
fn speak_gives_each_question_to_the_speaker_before_the_clock_starts() {
    use std::io::{BufRead as _, Write as _};
    let home = Home::new();
    let said = home.scratch().join("said");
    // Line input: the answer is written 1 s after the question is shown,
    // while the speaker (2 s) is still reading. The clock starts when the
    // reading ends, so the line was already there: no think time at all.
    // Had the clock started with the question, it would be about 1 s.
    let speaker = format!("cat >> {}; sleep 2", quoted(&said));
    let mut child = Command::new(util::bin())
        .args(drill_args(
            home.path(),
            &["--count", "1", "--speak", "--speaker", &speaker],
        ))
        .env_remove("HOTSEAT_SPEAKER")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("Question 1 of 1") {
        line.clear();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "no question shown"
        );
    }
    std::thread::sleep(Duration::from_secs(1));
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"first answer\n").unwrap();
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{rest}");
    let answers = home.answers();
    assert_eq!(answers.len(), 1);
    let a = &answers[0];
    assert!(
        u64_of(a, "think_ms") < 500,
        "the clock ran while speaking: {a}"
    );
    let q = QUESTIONS
        .iter()
        .find(|q| q.key() == a["question"].as_str().unwrap())
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(&said).unwrap(),
        format!("{}\n", q.text)
    );

    // Voice: the recorder starts after the reading; its audio is timed alone.
    let home = Home::new();
    let said = home.scratch().join("said");
    let recorder = format!("cat {}", quoted(&fixture("break.raw")));
    let speaker = format!("cat >> {}", quoted(&said));
    let out = run(
        &home,
        &[
            "--count",
            "1",
            "--recorder",
            &recorder,
            "--speak",
            "--speaker",
            &speaker,
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    near("think time", u64_of(&home.answers()[0], "think_ms"), 1_000);
    assert_eq!(std::fs::read_to_string(&said).unwrap().lines().count(), 1);
}

#[test]
fn a_missing_speaker_is_a_clear_error_before_the_first_question() {
    let home = Home::new();
    let out = Command::new(util::bin())
        .args(drill_args(
            home.path(),
            &["--speak", "--speaker", "hotseat-no-such-speaker"],
        ))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("hotseat-no-such-speaker is not installed"),
        "{err}"
    );
    assert!(home.history().is_empty());
    // And none to be found on the PATH.
    let empty = home.scratch().join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    let out = Command::new(util::bin())
        .args(drill_args(home.path(), &["--speak"]))
        .env("PATH", &empty)
        .env_remove("HOTSEAT_SPEAKER")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("espeak-ng, espeak, say"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn voice_flags_without_voice_input_are_usage_errors() {
    let home = Home::new();
    for extra in [
        &["--keep-audio"][..],
        &["--recorder", "cat x"],
        &["--speaker", "cat"],
    ] {
        let out = Command::new(util::bin())
            .args(drill_args(home.path(), extra))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
    }
}

#[test]
fn on_a_terminal_enter_ends_the_answer_at_the_sample_count_reached() {
    let home = Home::new();
    let pidfile = home.scratch().join("pids");
    let mut pty = Spawn::hotseat(drill_args(
        home.path(),
        &[
            "--input",
            "voice",
            "--count",
            "1",
            "--pause",
            "2s",
            "--recorder",
            &recorder_script(&pidfile, "break.raw", true),
        ],
    ))
    .start();
    pty.expect("Listening");
    pty.expect("Enter done");
    // The whole recording is read at once; then the stream stays open.
    let until = Instant::now() + Duration::from_secs(10);
    while pids(&pidfile).len() < 4 {
        assert!(
            Instant::now() < until,
            "the answer's recorder never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    pty.send(ENTER);
    pty.expect("Started talking after");
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    let a = &home.answers()[0];
    assert_eq!(a["input"], "voice");
    near("think time", u64_of(a, "think_ms"), 1_000);
    assert_eq!(pauses(a).len(), 1);
    // Ended where the audio had got to: all of the recording, not a
    // wall-clock time.
    let total = u64_of(a, "think_ms") + u64_of(a, "answer_ms");
    assert_eq!(total, 6_192);
    assert_all_gone(&pidfile, 4);
}

#[test]
fn on_a_terminal_ctrl_c_mid_answer_stops_the_recorder() {
    let home = Home::new();
    let pidfile = home.scratch().join("pids");
    let mut pty = Spawn::hotseat(drill_args(
        home.path(),
        &[
            "--input",
            "voice",
            "--count",
            "2",
            "--recorder",
            &recorder_script(&pidfile, "noisy-steady.raw", true),
        ],
    ))
    .start();
    pty.expect("Listening");
    let until = Instant::now() + Duration::from_secs(10);
    while pids(&pidfile).len() < 4 {
        assert!(
            Instant::now() < until,
            "the answer's recorder never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    pty.send(CTRL_C);
    assert_eq!(pty.wait_exit(), Exit::Code(130));
    assert_all_gone(&pidfile, 4);
    assert!(home.answers().is_empty());
    assert_eq!(home.sessions()[0]["interrupted"], true);
}

#[test]
fn a_panic_mid_answer_still_stops_the_recorder() {
    let home = Home::new();
    let pidfile = home.scratch().join("pids");
    let out = run(
        &home,
        &[
            "--count",
            "1",
            "--recorder",
            &recorder_script(&pidfile, "break.raw", true),
        ],
        &[("HOTSEAT_TEST_PANIC_RECORDING", "1")],
    );
    assert_eq!(out.status.code(), Some(101), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("panicking while recording"));
    assert_all_gone(&pidfile, 4);
}

#[test]
fn a_slow_recorder_start_is_not_think_time_and_is_mentioned_once() {
    let home = Home::new();
    let recorder = format!("sleep 1.3; cat {}", quoted(&fixture("break.raw")));
    let out = run(&home, &["--count", "2", "--recorder", &recorder], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for a in home.answers() {
        near("think time", u64_of(&a, "think_ms"), 1_000);
    }
    let shown = text(&out.stdout);
    assert_eq!(
        shown
            .matches("that time is not counted as thinking")
            .count(),
        1,
        "{shown}"
    );
}

#[test]
fn strict_limits_count_samples_in_voice_answers() {
    let home = Home::new();
    let recorder = format!("cat {}", quoted(&fixture("break.raw")));
    let out = run(
        &home,
        &[
            "--count",
            "1",
            "--recorder",
            &recorder,
            "--strict",
            "--limit",
            "3s",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let a = &home.answers()[0];
    assert_eq!(a["overran"], true);
    assert_eq!(u64_of(a, "think_ms") + u64_of(a, "answer_ms"), 3_000);
    // The silence under way at the cut is not a pause.
    assert!(pauses(a).is_empty(), "{a}");
    assert!(text(&out.stdout).contains("Cut at the 3.0s limit."));
}

#[test]
fn daily_and_rehearse_take_voice_answers_too() {
    let home = Home::new();
    let recorder = format!("cat {}", quoted(&fixture("break.raw")));
    let out = Command::new(util::bin())
        .args(["--home".as_ref(), home.path().as_os_str()])
        .args([
            "daily",
            "--count",
            "1",
            "--input",
            "voice",
            "--pause",
            "2s",
            "--recorder",
            &recorder,
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = Command::new(util::bin())
        .args(["--home".as_ref(), home.path().as_os_str()])
        .args([
            "rehearse",
            "--seed",
            "1",
            "--minutes",
            "15",
            "--input",
            "voice",
            "--pause",
            "2s",
            "--recorder",
            &recorder,
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let answers: Vec<Value> = util::read_history(&home.history_path())
        .into_iter()
        .filter(|r| r["kind"] == "answer")
        .collect();
    assert!(answers.len() >= 2, "{answers:#?}");
    assert_eq!(answers[0]["mode"], "daily");
    assert_eq!(answers.last().unwrap()["mode"], "rehearse");
    for a in &answers {
        assert_eq!(a["input"], "voice");
        assert!(a["words"].is_null());
        near("think time", u64_of(a, "think_ms"), 1_000);
    }
}

#[test]
fn any_key_cuts_the_reading_short_and_starts_the_clock() {
    let home = Home::new();
    let pidfile = home.scratch().join("speaker-pids");
    let said = home.scratch().join("said");
    let speaker = format!(
        "echo $$ >> {p}; cat > {s}; sleep 60 & echo $! >> {p}; wait",
        p = quoted(&pidfile),
        s = quoted(&said)
    );
    let mut pty = Spawn::hotseat(drill_args(
        home.path(),
        &["--count", "1", "--speak", "--speaker", &speaker],
    ))
    .start();
    let until = Instant::now() + Duration::from_secs(10);
    while pids(&pidfile).len() < 2 {
        assert!(Instant::now() < until, "the speaker never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Still reading: the clock has not started.
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !pty.screen().contains(COUNTDOWN_STARTED),
        "{}",
        pty.screen()
    );
    pty.send("x");
    pty.expect(COUNTDOWN_STARTED);
    assert_all_gone(&pidfile, 2);
    let q = std::fs::read_to_string(&said).unwrap();
    assert!(
        QUESTIONS.iter().any(|x| format!("{}\n", x.text) == q),
        "{q:?}"
    );
    pty.send("my answer");
    pty.send(ENTER);
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    let a = &home.answers()[0];
    assert_eq!(
        a["text"], "my answer",
        "the key that cut the reading is not typed"
    );
}

#[test]
fn on_a_terminal_esc_skips_a_voice_answer_and_tab_shows_the_tips() {
    let home = Home::new();
    let pidfile = home.scratch().join("pids");
    let mut pty = Spawn::hotseat(drill_args(
        home.path(),
        &[
            "--input",
            "voice",
            "--count",
            "1",
            "--recorder",
            &recorder_script(&pidfile, "break.raw", true),
        ],
    ))
    .start();
    pty.expect("Listening");
    pty.send(util::pty::TAB);
    pty.expect("Tip: ");
    pty.send(util::pty::ESC);
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    let a = &home.answers()[0];
    assert_eq!(
        (a["skipped"].clone(), a["hint"].clone()),
        (true.into(), true.into())
    );
    assert_eq!(a["input"], "voice");
    assert_all_gone(&pidfile, 4);
}

#[test]
fn on_a_terminal_the_bar_shows_the_silence_once_it_passes_the_threshold() {
    let home = Home::new();
    // The recording, then silence at about real time (0.1 s every 0.1 s).
    let recorder = format!(
        "cat {}; while :; do head -c 3200 /dev/zero; sleep 0.1; done",
        quoted(&fixture("break.raw"))
    );
    let mut pty = Spawn::hotseat(drill_args(
        home.path(),
        &[
            "--input",
            "voice",
            "--count",
            "1",
            "--pause",
            "2s",
            "--recorder",
            &recorder,
        ],
    ))
    .start();
    pty.expect("Listening");
    let seen = pty.wait_screen(Duration::from_secs(15), |s| s.contains("· silent 2."));
    assert!(seen.is_some(), "no silence shown:\n{}", pty.screen());
    pty.send(ENTER);
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    let a = &home.answers()[0];
    // The trailing silence, however long, is not a pause.
    assert_eq!(pauses(a).len(), 1, "{a}");
    // Silent since about 5 990 ms: at least 2 s of it was heard.
    assert!(u64_of(a, "think_ms") + u64_of(a, "answer_ms") >= 7_990);
}

#[test]
fn on_a_terminal_a_stream_that_ends_mid_answer_is_the_recorder_dying() {
    let home = Home::new();
    let pidfile = home.scratch().join("pids");
    let script = format!(
        "{}; echo 'stream lost' >&2",
        recorder_script(&pidfile, "break.raw", false)
    );
    let mut pty = Spawn::hotseat(drill_args(
        home.path(),
        &[
            "--input",
            "voice",
            "--count",
            "2",
            "--pause",
            "2s",
            "--recorder",
            &script,
        ],
    ))
    .start();
    pty.expect("The recorder stopped mid-answer");
    assert_eq!(pty.wait_exit(), Exit::Code(1));
    assert!(pty.seen("stream lost"), "{}", pty.transcript());
    let answers = home.answers();
    assert_eq!(answers.len(), 1, "kept up to its last sample");
    near("think time", u64_of(&answers[0], "think_ms"), 1_000);
    assert_eq!(home.sessions()[0]["interrupted"], true);
    assert!(!pty.seen("Question 2 of 2"));
    assert_all_gone(&pidfile, 4);
}
