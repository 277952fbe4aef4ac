//! The guarantees suite: what hotseat promises when things go wrong (see
//! the README, "What hotseat promises"). Each test drives the real binary
//! and fails when its promise is broken: the terminal comes back after
//! SIGQUIT, the Ctrl-\ key and an unwritable or closed standard output; a
//! `kill -9` at any moment loses no earlier record; concurrent sessions
//! never lose or mix records; a size limit leaves no torn record; a huge
//! line costs no more than the answer cap; hostile text never reaches the
//! terminal raw; and every file is private whatever the umask.

mod util;

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use util::pty::{DEADLINE, ENTER, Exit, KEY_GAP, Pty, Spawn};
use util::{Home, drill_args, text};

/// A line-mode drill (standard input a pipe) in `home`, not yet fed.
fn line_drill(home: &Path, extra: &[&str]) -> Child {
    Command::new(util::bin())
        .args(drill_args(home, extra))
        .env_remove("HOTSEAT_HOME")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hotseat")
}

/// Runs `sh -c script` with hotseat as `$0` and `args` after it, `input`
/// on standard input.
fn sh(script: &str, args: &[std::ffi::OsString], input: &[u8]) -> Output {
    shell("sh", script, args, input)
}

/// [`sh`] with another shell.
fn shell(shell: &str, script: &str, args: &[std::ffi::OsString], input: &[u8]) -> Output {
    let mut child = Command::new(shell)
        .arg("-c")
        .arg(script)
        .arg(util::bin())
        .args(args)
        .env_remove("HOTSEAT_HOME")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sh");
    let mut stdin = child.stdin.take().expect("stdin");
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("wait")
}

/// `n` numbered answer lines.
fn lines(n: usize, tag: &str) -> String {
    (0..n).map(|i| format!("{tag} answer {i}\n")).collect()
}

// ----- 1, 2: the terminal comes back; nothing finished is lost -----------

#[test]
fn a_drill_that_ends_normally_restores_the_terminal() {
    let home = Home::new();
    let mut pty = Spawn::hotseat(drill_args(home.path(), &["--count", "1"]))
        .capture_stty(home.scratch())
        .start();
    pty.wait_question();
    pty.type_text("a whole answer", KEY_GAP);
    pty.send(ENTER);
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    pty.assert_terminal_restored(home.scratch());
    assert_eq!(home.answers().len(), 1);
    assert_eq!(home.sessions()[0]["interrupted"], false);
}

#[test]
fn sigquit_mid_answer_restores_the_terminal_and_keeps_finished_answers() {
    util::pty::interrupt_second_answer(|_, pid| Pty::kill(pid, "QUIT"), Exit::Code(131));
}

#[test]
fn ctrl_backslash_key_ends_the_session_like_ctrl_c() {
    // In raw mode ISIG is off: Ctrl-\ arrives as the byte 0x1c, not as
    // SIGQUIT. It must still end the session, never be typed or ignored.
    util::pty::interrupt_second_answer(|pty, _| pty.send_bytes(&[0x1c]), Exit::Code(130));
}

/// hotseat on a terminal with standard output redirected by `redirect`
/// (shell syntax around `"$0" "$@"`): it must end on its own and leave the
/// terminal as it found it. Returns the exit code the script recorded.
fn with_stdout(redirect: &str) -> (Home, i32) {
    let home = Home::new();
    let rc = home.scratch().join("rc");
    let script = redirect.replace("RC", &rc.display().to_string());
    let mut args = vec!["-c".to_string(), script, util::bin().display().to_string()];
    args.extend(
        drill_args(home.path(), &["--count", "2"])
            .iter()
            .map(|a| a.to_string_lossy().into_owned()),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut pty = Spawn::program("sh", &args)
        .capture_stty(home.scratch())
        .start();
    // No keys are sent: a hang here means hotseat waited on a terminal it
    // could not draw on.
    let exit = pty.wait_exit_within(Duration::from_secs(20));
    assert!(matches!(exit, Exit::Code(_)), "{exit:?}");
    pty.assert_terminal_restored(home.scratch());
    let code = std::fs::read_to_string(&rc).map_or(-1, |s| s.trim().parse().expect("rc"));
    (home, code)
}

#[test]
fn stdout_to_a_full_device_fails_cleanly_and_restores_the_terminal() {
    let (home, code) = with_stdout("\"$0\" \"$@\" > /dev/full; echo $? > RC");
    assert_eq!(code, 1, "a write error is a runtime failure");
    // Nothing was answered; what was recorded is whole.
    assert!(home.answers().is_empty());
}

#[test]
fn stdout_to_a_closed_pipe_ends_cleanly_and_restores_the_terminal() {
    // The reader (`true`) is gone long before hotseat starts writing.
    let (home, code) = with_stdout("{ sleep 0.3; \"$0\" \"$@\"; echo $? > RC; } | true");
    assert!(
        code == 0 || code == 1,
        "ended by its own hand, not a signal: {code}"
    );
    assert!(home.answers().is_empty());
}

#[test]
fn a_terminal_closed_while_keys_stream_in_never_leaves_hotseat_spinning() {
    // The hang-up can land between hotseat's poll(2) and crossterm's read;
    // keys sent without a gap make that window as likely as it gets. Each
    // round closes the terminal (kills `script`, which owns it) at another
    // moment, and hotseat must be gone within seconds every time.
    let mut moments = Moments(0x9e37_79b9_7f4a_7c15);
    for round in 0..4 {
        let home = Home::new();
        let mut words = vec![util::bin().display().to_string()];
        words.extend(
            drill_args(home.path(), &["--count", "2"])
                .iter()
                .map(|a| a.to_string_lossy().into_owned()),
        );
        let command = words
            .iter()
            .map(|w| format!("'{}'", w.replace('\'', "'\\''")))
            .collect::<Vec<_>>()
            .join(" ");
        let mut pty = Spawn::program("script", &["-q", "-e", "-c", &command, "/dev/null"]).start();
        pty.wait_question();
        let hotseat =
            util::pty::find_descendant(pty.pid(), "hotseat").expect("hotseat under script");
        let stream_until = Instant::now() + Duration::from_millis(50 + moments.next_ms(200));
        while Instant::now() < stream_until {
            pty.send("abcdefgh ");
        }
        Pty::kill(pty.pid(), "KILL");
        let deadline = Instant::now() + Duration::from_secs(5);
        while util::pty::is_running(hotseat) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        let spinning = util::pty::is_running(hotseat);
        if spinning {
            Pty::kill(hotseat, "KILL"); // ours: started by this test
        }
        assert!(
            !spinning,
            "round {round}: hotseat still running 5 s after the hang-up"
        );
        let sessions = home.sessions();
        assert_eq!(sessions.len(), 1, "round {round}: {sessions:#?}");
        assert_eq!(sessions[0]["interrupted"], true);
    }
}

// ----- 3: kill -9 at any moment ------------------------------------------

/// A small xorshift: random moments without a dependency; the seed is
/// printed so a failure can be replayed.
struct Moments(u64);

impl Moments {
    fn next_ms(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn kill_9_at_random_moments_never_damages_earlier_records() {
    let home = Home::new();
    let seed = std::env::var("FAULTS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64 | 1)
        });
    eprintln!("FAULTS_SEED={seed}");
    let mut moments = Moments(seed);
    let path = home.history_path();
    let mut before: Vec<u8> = Vec::new();
    let mut kills = 0;
    for round in 0..30 {
        let mut child = line_drill(home.path(), &["--count", "200"]);
        let mut stdin = child.stdin.take().expect("stdin");
        let input = lines(200, &format!("round {round}"));
        // Fed from a thread, so the kill can land mid-line as well.
        let feeder = std::thread::spawn(move || {
            for line in input.as_bytes().chunks(7) {
                if stdin.write_all(line).is_err() {
                    return;
                }
            }
        });
        std::thread::sleep(Duration::from_millis(moments.next_ms(120)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let _ = feeder.join();
        kills += 1;

        let now = std::fs::read(&path).unwrap_or_default();
        assert!(
            now.starts_with(&before),
            "round {round}: earlier bytes of the history changed (seed {seed})"
        );
        before = now;
    }

    // Every line but torn ones reads; a torn line is never followed by
    // text on the same line: the next record starts a fresh line.
    let history = hotseat::history::History::open(home.path()).unwrap();
    let (records, warnings) = history.read().unwrap();
    assert!(
        warnings.len() <= kills,
        "at most one torn line per kill: {warnings:?} (seed {seed})"
    );
    let content = String::from_utf8(before).expect("UTF-8");
    let complete = content
        .lines()
        .filter(|l| serde_json::from_str::<Value>(l).is_ok())
        .count();
    assert_eq!(records.len(), complete, "(seed {seed})");
    for line in content.lines() {
        if serde_json::from_str::<Value>(line).is_err() {
            // A torn record is a prefix of one: it holds no second record.
            assert_eq!(line.matches("\"kind\":").count(), 1, "{line:?}");
        }
    }
    // And the next session appends cleanly after all that.
    let mut child = line_drill(home.path(), &["--count", "1"]);
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"after the storm\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
    let (after, _) = history.read().unwrap();
    assert_eq!(after.len(), records.len() + 2, "answer and session added");
}

// ----- 4: concurrent sessions --------------------------------------------

#[test]
fn four_sessions_of_500_answers_at_once_leave_exactly_2000_answers() {
    let home = Home::new();
    let children: Vec<(Child, std::thread::JoinHandle<()>)> = (0..4)
        .map(|n| {
            let mut child = line_drill(home.path(), &["--count", "500"]);
            let mut stdin = child.stdin.take().expect("stdin");
            let input = lines(500, &format!("writer {n}"));
            let feeder = std::thread::spawn(move || {
                let _ = stdin.write_all(input.as_bytes());
            });
            (child, feeder)
        })
        .collect();
    for (child, feeder) in children {
        let out = child.wait_with_output().expect("wait");
        feeder.join().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    // Every line is a whole JSON record (read_history panics otherwise).
    let answers = home.answers();
    assert_eq!(answers.len(), 2000);
    assert_eq!(home.sessions().len(), 4);
    for n in 0..4 {
        let mine: Vec<&str> = answers
            .iter()
            .filter_map(|a| a["text"].as_str())
            .filter(|t| t.starts_with(&format!("writer {n} ")))
            .collect();
        let want: Vec<String> = (0..500).map(|i| format!("writer {n} answer {i}")).collect();
        assert_eq!(mine, want, "writer {n}'s answers, in order");
    }
}

// ----- 5: full disk or size limit ----------------------------------------

#[test]
fn a_file_size_limit_leaves_no_torn_record_and_exits_1() {
    let home = Home::new();
    // A first session, unlimited, so the history has whole records.
    let mut child = line_drill(home.path(), &["--count", "1"]);
    child.stdin.take().unwrap().write_all(b"kept\n").unwrap();
    assert!(child.wait().unwrap().success());
    // Padded with blank lines (which readers skip) to 100 bytes short of
    // 8 KiB: the next answer record (some 600 bytes) crosses the limit.
    let path = home.history_path();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    let len = file.metadata().unwrap().len();
    file.write_all(&vec![b'\n'; (8 * 1024 - 100 - len) as usize])
        .unwrap();
    drop(file);
    let before = std::fs::read(&path).unwrap();

    // bash's `ulimit -f` counts 1024-byte blocks (dash's, 512: hence bash);
    // SIGXFSZ ignored, so the write fails with EFBIG instead of killing the
    // process, after writing the first 100 bytes of the record.
    let out = shell(
        "bash",
        "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\"",
        &drill_args(home.path(), &["--count", "2"]),
        b"this answer does not fit in the file\nnor this one\n",
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    assert!(stderr.contains("size limit"), "{stderr}");
    // Cut back to exactly what was there: no partial record at the end.
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let history = hotseat::history::History::open(home.path()).unwrap();
    let (records, warnings) = history.read().unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(records.len(), 2, "the first session's answer and close");
}

// ----- 6: bounded memory -------------------------------------------------

#[test]
fn a_huge_line_is_cut_at_the_cap_and_the_next_line_answers_the_next_question() {
    let home = Home::new();
    let mut input = "word ".repeat(6 * 1024 * 1024).into_bytes(); // 30 MiB
    input.extend_from_slice(b"\nsecond answer\n");
    let out = sh(
        "exec \"$0\" \"$@\"",
        &drill_args(home.path(), &["--count", "2"]),
        &input,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let answers = home.answers();
    assert_eq!(answers.len(), 2, "{}", text(&out.stderr));
    let first = answers[0]["text"].as_str().unwrap();
    assert_eq!(
        first.chars().count(),
        hotseat::drill::answer::MAX_ANSWER_CHARS
    );
    assert_eq!(answers[0]["truncated"], true);
    assert_eq!(answers[1]["text"], "second answer");
    assert!(answers[1].get("truncated").is_none(), "only when cut");
    // The record stays small whatever the input.
    let size = std::fs::metadata(home.history_path()).unwrap().len();
    assert!(size < 200_000, "history is {size} bytes");
}

#[test]
fn a_mebibyte_of_brackets_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("deep.yaml");
    let mut src = b"category: deep\nquestions:\n  - id: a\n    text: ".to_vec();
    src.resize(1024 * 1024, b'[');
    std::fs::write(&bank, &src).unwrap();
    let started = Instant::now();
    let out = Command::new(util::bin())
        .args(["--home", &dir.path().join("home").display().to_string()])
        .args(["banks", "check", &bank.display().to_string()])
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("deep.yaml:4:75: `[` or `{` nested more than 64 deep"),
        "{stderr}"
    );
    // Not a timing assertion (benches/hostile.sh measures): only a guard
    // against the minutes the parser alone would take.
    assert!(started.elapsed() < Duration::from_secs(30));
}

// ----- 7: hostile text never reaches the terminal raw --------------------

/// Everything a hostile bank might try: CSI, OSC window title, OSC 52
/// clipboard, a C1 CSI, DEL, bidi overrides and isolates, a bare CR.
const HOSTILE: &str =
    "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{7f}\u{202e}\u{2066}\r";

/// What must never appear in output meant for a terminal.
#[track_caller]
fn assert_inert(what: &str, bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = s.chars().filter(|&c| hotseat::text::is_unsafe(c)).collect();
    assert!(bad.is_empty(), "{what} printed {bad:?}: {s:?}");
}

#[test]
fn hostile_banks_answers_and_paths_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let h = HOSTILE.replace('\r', "\\r");
    let json_escaped: String = HOSTILE
        .chars()
        .map(|c| format!("\\u{:04x}", c as u32))
        .collect();
    // A valid bank whose every text carries the hostile sequences.
    let good = dir.path().join("good.yaml");
    std::fs::write(
        &good,
        format!(
            "category: fixture\ntitle: \"T{json_escaped}\"\nquestions:\n  - id: a\n    \
             text: \"Q{json_escaped} {{company}}\"\n    followups: [\"F{json_escaped}\"]\n    \
             tips: [\"T{json_escaped}\"]\n"
        ),
    )
    .unwrap();
    // Broken banks whose error messages quote hostile content, and a
    // hostile file name.
    let broken = dir
        .path()
        .join(format!("bad{}.yaml", HOSTILE.replace(['\u{7}', '\r'], "")));
    std::fs::write(
        &broken,
        format!("category: \"x{json_escaped}\"\nquestions:\n  - id: a\n    tekst{h}: b\n"),
    )
    .unwrap();
    let bad_yaml = dir.path().join("bad-yaml.yaml");
    std::fs::write(&bad_yaml, format!("category: a\n\"{json_escaped}\": [\n")).unwrap();

    let home_s = home.display().to_string();
    let good_s = good.display().to_string();
    let run = |args: &[&str], input: &[u8]| {
        let mut full = vec!["--home", &home_s, "--color", "never"];
        full.extend_from_slice(args);
        let mut child = Command::new(util::bin())
            .args(&full)
            .env_remove("HOTSEAT_HOME")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _ = child.stdin.take().unwrap().write_all(input);
        let out = child.wait_with_output().unwrap();
        assert_inert(&format!("{args:?} stdout"), &out.stdout);
        assert_inert(&format!("{args:?} stderr"), &out.stderr);
        out
    };
    let company = format!("Acme{HOSTILE}");
    for args in [
        vec!["--bank", &good_s, "banks", "list"],
        vec!["--bank", &good_s, "banks", "show", "fixture"],
        vec!["--bank", &good_s, "banks", "show", "fixture", "--json"],
        vec!["banks", "check", &good_s],
    ] {
        let out = run(&args, b"");
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
    for bank in [&broken, &bad_yaml] {
        let out = run(&["banks", "check", &bank.display().to_string()], b"");
        assert_eq!(out.status.code(), Some(2));
        let out = run(
            &["--bank", &bank.display().to_string(), "banks", "list"],
            b"",
        );
        assert_eq!(out.status.code(), Some(2));
    }
    // A drill whose question, company and answer are hostile, then a
    // history with a hostile broken line, read by the next command.
    let answer = format!("my answer um {HOSTILE} like yeah\n");
    let out = run(
        &[
            "--bank",
            &good_s,
            "drill",
            "--category",
            "fixture",
            "--count",
            "1",
            "--company",
            &company,
        ],
        answer.as_bytes(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let history = home.join("history.jsonl");
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&history)
        .unwrap();
    writeln!(file, "{{\"v\":1,\"kind\":\"{json_escaped}\"").unwrap();
    writeln!(file, "{{\"v\":\"{json_escaped}\",\"kind\":\"answer\"}}").unwrap();
    drop(file);
    let out = run(
        &["--bank", &good_s, "daily", "--count", "1"],
        b"daily answer\n",
    );
    assert!(
        text(&out.stderr).contains("skipped unreadable record"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["--bank", &good_s, "drill", "--category", "nope"], b"");
    assert_eq!(out.status.code(), Some(2));
}

// ----- 8: privacy --------------------------------------------------------

#[test]
fn under_umask_000_the_home_is_0700_and_the_history_0600_and_the_umask_kept() {
    let home = Home::new();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(util::bin())
        .args(drill_args(home.path(), &["--count", "2"]))
        .env_remove("HOTSEAT_HOME")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"first\n").unwrap();
    // While the drill waits for its second answer, the first is on disk:
    // the process's umask must still be the one it was given.
    let deadline = Instant::now() + DEADLINE;
    while home.answers().is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    let umask = status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .map(str::trim);
    assert_eq!(umask, Some("0000"), "hotseat changed its umask");
    stdin.write_all(b"second\n").unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success());
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(home.path()), 0o700, "home");
    assert_eq!(mode(&home.history_path()), 0o600, "history");
    // Nothing else was created: every file there is accounted for.
    let names: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["history.jsonl".to_string()]);
}

// ----- exit codes: the system's fault is not the user's ------------------

#[test]
fn an_unreadable_banks_folder_exits_1_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    // A file where the folder should be cannot be listed, even by root
    // (whom permission bits would not stop).
    std::fs::write(home.join("banks"), "not a folder").unwrap();
    for args in [vec!["banks", "list"], vec!["drill", "--count", "1"]] {
        let out = Command::new(util::bin())
            .arg("--home")
            .arg(&home)
            .args(&args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("cannot read the banks folder"), "{stderr}");
        assert!(
            stderr.contains(&home.join("banks").display().to_string()),
            "{stderr}"
        );
    }
}
