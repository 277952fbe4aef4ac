//! `config.yaml` through the real binary: precedence (flag > environment >
//! config > default), a broken file stops the commands that use it while
//! `config path|check`, `completions` and `man` still work, and `show`.

mod util;

use std::process::{Command, Stdio};

use util::{Home, fixture_bank, has_escape, text};

fn with_config(yaml: &str) -> Home {
    let home = Home::new();
    std::fs::create_dir_all(home.path()).unwrap();
    std::fs::write(home.path().join("config.yaml"), yaml).unwrap();
    home
}

fn drill(home: &Home, extra: &[&str], input: &str) -> std::process::Output {
    let bank = fixture_bank();
    let mut args = vec![
        "--bank",
        bank.to_str().unwrap(),
        "drill",
        "--category",
        "fixture",
        "--seed",
        "1",
    ];
    args.extend(extra);
    util::run_piped(home.path(), args, input)
}

#[test]
fn the_config_sets_defaults_and_a_flag_beats_it() {
    let home = with_config("count: 2\ncompany: Acme\n");
    let out = drill(&home, &[], "one\ntwo\nthree\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let answers = home.answers();
    assert_eq!(answers.len(), 2, "count from the config");
    assert!(answers.iter().all(|a| a["company"] == "Acme"));
    let out = drill(&home, &["--count", "1", "--company", "Initech"], "one\n");
    assert!(out.status.success());
    let last = home.answers().pop().unwrap();
    assert_eq!(last["company"], "Initech");
    assert_eq!(home.answers().len(), 3);
}

#[test]
fn no_color_beats_the_config_and_a_flag_beats_both() {
    let home = with_config("color: always\n");
    let out = drill(&home, &["--count", "1"], "one\n");
    assert!(has_escape(&out.stdout), "colour from the config");
    let mut cmd = Command::new(util::bin());
    cmd.arg("--home")
        .arg(home.path())
        .arg("--bank")
        .arg(fixture_bank());
    cmd.args(["drill", "--category", "fixture", "--count", "1"]);
    let out = cmd
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!has_escape(&out.stdout), "NO_COLOR beats the config");
    let out = drill(&home, &["--count", "1", "--color", "never"], "one\n");
    assert!(!has_escape(&out.stdout), "the flag beats the config");
}

#[test]
fn a_broken_config_stops_practice_but_config_and_completions_still_work() {
    let home = with_config("count: 3\ncuont: 4\nstrict: maybe\n");
    let out = drill(&home, &[], "one\n");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("config.yaml:2:1: cuont: unknown key"), "{err}");
    assert!(err.contains("did you mean `count`?"), "{err}");
    assert!(err.contains("config.yaml:3:1: strict:"), "{err}");
    assert!(!home.history_path().exists(), "nothing recorded");
    let run = |args: &[&str]| util::run_piped(home.path(), args, "");
    let check = run(&["config", "check"]);
    assert_eq!(check.status.code(), Some(2));
    assert!(text(&check.stderr).contains("cuont"));
    for args in [&["config", "path"][..], &["completions", "bash"], &["man"]] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
}

#[test]
fn show_gives_every_key_its_value_and_source() {
    let home = with_config("count: 3\nrecorder: arecord -q\n");
    let out = Command::new(util::bin())
        .arg("--home")
        .arg(home.path())
        .args(["config", "show"])
        .env("HOTSEAT_RECORDER", "parec")
        .output()
        .unwrap();
    let shown = text(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("count: 3  # config"), "{shown}");
    assert!(shown.contains("pause: 3s  # default"), "{shown}");
    assert!(
        shown.contains("recorder: parec  # environment (HOTSEAT_RECORDER)"),
        "{shown}"
    );
    let none = Home::new();
    let out = util::run_piped(none.path(), ["config", "check"], "");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("the built-in defaults apply"));
}
