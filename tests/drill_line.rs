//! `hotseat drill` in line mode, standard input a pipe (no terminal): how
//! scripts and screen-reader users drive it. Also the drill's failures that
//! need no terminal: unknown category, unwritable home, and the permissions
//! of the history it creates.

mod util;

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Output, Stdio};

use util::{Home, QUESTIONS, drill_args, has_escape};

/// Runs a drill with `input` on standard input (a pipe), under `umask 022`
/// so that the file modes checked below come from hotseat, not the umask.
fn run(home: &Home, extra: &[&str], input: &str) -> Output {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(util::bin())
        .args(drill_args(home.path(), extra))
        .env_remove("HOTSEAT_HOME")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hotseat");
    let mut stdin = child.stdin.take().expect("stdin");
    // The drill may stop reading early (e.g. on an error): a closed pipe is fine.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("wait for hotseat")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn answers_are_read_one_per_line() {
    let home = Home::new();
    let out = run(
        &home,
        &["--count", "2"],
        "first answer\nCafé 日本 👍 um yeah\n",
    );
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));

    let answers = home.answers();
    assert_eq!(answers.len(), 2, "{answers:#?}");
    for a in &answers {
        util::assert_answer_shape(a);
        assert_eq!(a["input"], "line");
        assert_eq!(a["skipped"], false);
        assert_eq!(a["hint"], false);
    }
    assert_eq!(answers[0]["text"], "first answer");
    assert_eq!(answers[0]["words"], 2);
    assert_eq!(answers[1]["text"], "Café 日本 👍 um yeah");
    assert!(
        answers[1]["fillers"].as_u64().is_some_and(|n| n >= 1),
        "\"um\" is a filler: {:#}",
        answers[1]
    );
    assert_ne!(answers[0]["question"], answers[1]["question"], "no repeats");

    let sessions = home.sessions();
    assert_eq!(sessions.len(), 1);
    util::assert_session_shape(&sessions[0]);
    assert_eq!(sessions[0]["answered"], 2);
    assert_eq!(sessions[0]["interrupted"], false);
    assert_eq!(sessions[0]["session"], answers[0]["session"]);

    // The questions are shown as plain text: no escape sequences anywhere.
    let stdout = text(&out.stdout);
    let shown = QUESTIONS.iter().filter(|q| stdout.contains(q.text)).count();
    assert_eq!(shown, 2, "both questions printed: {stdout}");
    assert!(
        !has_escape(&out.stdout),
        "escape sequence in stdout: {stdout:?}"
    );
    assert!(
        !has_escape(&out.stderr),
        "escape sequence in stderr: {:?}",
        text(&out.stderr)
    );
}

#[test]
fn end_of_input_before_the_end_interrupts_the_session() {
    let home = Home::new();
    let out = run(&home, &["--count", "3"], "the only answer\n");
    assert_ne!(
        out.status.code(),
        Some(101),
        "panicked: {}",
        text(&out.stderr)
    );
    assert!(out.status.code().is_some(), "killed by a signal");

    let answers = home.answers();
    assert_eq!(answers.len(), 1, "{answers:#?}");
    assert_eq!(answers[0]["text"], "the only answer");
    let sessions = home.sessions();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["interrupted"], true);
    assert_eq!(sessions[0]["answered"], 1);
    assert!(!has_escape(&out.stdout), "{:?}", text(&out.stdout));
}

#[test]
fn history_is_private() {
    let home = Home::new();
    let out = run(&home, &["--count", "1"], "private\n");
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let home_mode = std::fs::metadata(home.path())
        .expect("home")
        .permissions()
        .mode();
    assert_eq!(home_mode & 0o777, 0o700, "home is {:o}", home_mode & 0o777);
    let file_mode = std::fs::metadata(home.history_path())
        .expect("history.jsonl")
        .permissions()
        .mode();
    assert_eq!(
        file_mode & 0o777,
        0o600,
        "history is {:o}",
        file_mode & 0o777
    );
}

#[test]
fn records_accumulate_across_sessions() {
    let home = Home::new();
    assert!(run(&home, &["--count", "1"], "one\n").status.success());
    assert!(run(&home, &["--count", "1"], "two\n").status.success());
    let history = home.history();
    let kinds: Vec<&str> = history.iter().filter_map(|r| r["kind"].as_str()).collect();
    assert_eq!(kinds, ["answer", "session", "answer", "session"]);
    assert_ne!(
        history[0]["session"], history[2]["session"],
        "new session id"
    );
}

#[test]
fn unknown_category_exits_2_and_lists_the_known_ones() {
    let home = Home::new();
    let out = Command::new(util::bin())
        .arg("--home")
        .arg(home.path())
        .arg("--bank")
        .arg(util::fixture_bank())
        .args(["drill", "--category", "no-such-thing"])
        .env_remove("HOTSEAT_HOME")
        .stdin(Stdio::null())
        .output()
        .expect("run hotseat");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("no-such-thing"), "{stderr}");
    for known in ["fixture", "weaknesses", "culture-fit"] {
        assert!(stderr.contains(known), "{known} not listed: {stderr}");
    }
    assert!(home.history().is_empty(), "nothing recorded");
}

#[test]
fn unwritable_home_is_a_clear_error() {
    let home = Home::new();
    // A regular file where the home folder's parent should be.
    std::fs::write(home.scratch().join("file"), "x").expect("write file");
    let bad = home.scratch().join("file").join("home");
    let out = Command::new(util::bin())
        .args(drill_args(&bad, &["--count", "1"]))
        .env_remove("HOTSEAT_HOME")
        .stdin(Stdio::null())
        .output()
        .expect("run hotseat");
    assert_eq!(out.status.code(), Some(1), "stderr: {}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&home.scratch().join("file").display().to_string()),
        "the error names the path: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn company_and_role_fill_question_followup_and_tip() {
    let home = Home::new();
    let bank = home.scratch().join("placeholders.yaml");
    std::fs::create_dir_all(home.scratch()).expect("scratch dir");
    std::fs::write(
        &bank,
        "category: named\nquestions:\n  - id: why-us\n    text: Why {company}, in {role}?\n    \
         followups: [\"What would {company} lose without you?\"]\n    \
         tips: [\"Name one {company} product.\"]\n",
    )
    .expect("write bank");
    let out = Command::new(util::bin())
        .arg("--home")
        .arg(home.path())
        .arg("--bank")
        .arg(&bank)
        .args(["drill", "--category", "named", "--count", "1"])
        .args(["--company", "Acme", "--role", "a data engineer"])
        .env_remove("HOTSEAT_HOME")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().expect("stdin").write_all(b"because\n")?;
            child.wait_with_output()
        })
        .expect("run hotseat");
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    // `{role}` is a whole noun phrase: the value's own "a" is dropped.
    assert!(
        stdout.contains("Why Acme, in the data engineer role?"),
        "{stdout}"
    );
    assert!(
        stdout.contains("What would Acme lose without you?"),
        "{stdout}"
    );
    assert!(stdout.contains("Name one Acme product."), "{stdout}");
    assert!(
        !stdout.contains('{'),
        "a placeholder was left unfilled: {stdout}"
    );
}

/// Whether `label` appears in `stdout` right after an escape sequence
/// (coloured), and never uncoloured.
fn coloured(stdout: &str, label: &str) -> bool {
    let mut found = false;
    for (i, _) in stdout.match_indices(label) {
        let before = &stdout[..i];
        // The colour code ends right before the label: "…m" + label.
        if !(before.ends_with('m') && before.rfind('\x1b').is_some_and(|e| i - e <= 12)) {
            return false;
        }
        found = true;
    }
    found
}

#[test]
fn color_always_colours_every_label_in_line_mode() {
    let home = Home::new();
    let out = run(&home, &["--count", "2", "--color", "always"], "one\ntwo\n");
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for label in [
        "Question 1 of 2",
        "Tip:",
        "Follow-up:",
        "Session ",
        "To work on:",
    ] {
        assert!(coloured(&stdout, label), "{label} not coloured: {stdout:?}");
    }
    // Only our labels: the answer's own feedback stays plain.
    assert!(stdout.contains("\nAnswered after "), "{stdout:?}");
}

#[test]
fn color_never_and_auto_off_a_terminal_colour_nothing_in_line_mode() {
    for color in [&["--color", "never"][..], &["--color", "auto"][..], &[][..]] {
        let home = Home::new();
        let mut extra = vec!["--count", "2"];
        extra.extend_from_slice(color);
        let out = run(&home, &extra, "one\ntwo\n");
        assert!(out.status.success(), "stderr: {}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(stdout.contains("To work on:"), "{stdout}");
        assert!(!has_escape(&out.stdout), "{color:?}: {stdout:?}");
    }
}

#[test]
fn the_session_ends_saying_where_the_answers_were_saved() {
    let home = Home::new();
    let out = run(&home, &["--count", "1"], "an answer\n");
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let want = format!("Saved to {}", home.history_path().display());
    assert_eq!(stdout.lines().last(), Some(want.as_str()), "{stdout}");
}

#[test]
fn end_of_input_before_any_answer_says_nothing_was_saved() {
    let home = Home::new();
    let out = run(&home, &["--count", "2"], "");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("Saved to"), "{stdout}");
}

/// `--no-content`: timing feedback only, whatever the answer says; the
/// answer is still stored with its company, so `review` reads it later
/// against the banks in use.
#[test]
fn no_content_shows_timing_only_and_review_reads_the_stored_answer_later() {
    let home = Home::new();
    let answer = "I think maybe I never make mistakes, I am the best at everything\n";
    let out = run(
        &home,
        &["--count", "1", "--company", "Acme", "--no-content"],
        answer,
    );
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for label in [
        "Heard:",
        "Not heard:",
        "Hedges:",
        "Overselling:",
        "Avoid:",
        "Company:",
        "English-only",
    ] {
        assert!(
            !stdout.contains(label),
            "{label} with --no-content: {stdout}"
        );
    }
    let review = Command::new(util::bin())
        .arg("--home")
        .arg(home.path())
        .args(["--bank"])
        .arg(util::fixture_bank())
        .args(["review", "--json"])
        .env_remove("HOTSEAT_HOME")
        .output()
        .expect("run review");
    assert!(review.status.success(), "{}", text(&review.stderr));
    let v: serde_json::Value = serde_json::from_slice(&review.stdout).expect("JSON");
    let a = &v["answers"][0];
    assert_eq!(a["text"], answer.trim_end());
    let c = &a["content"];
    assert_eq!(c["language"], "english", "{c}");
    assert_eq!(c["words"], 13, "{c}");
    // The question does not name {company}: nothing to say about it.
    assert!(c["company_named"].is_null(), "{c}");
}
