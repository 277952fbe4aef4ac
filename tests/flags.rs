//! Number flags through the real binary: a bad `--count` or `--seed` says
//! what is allowed and exits 2, before anything is read or created.

use assert_cmd::Command;

/// Runs `hotseat drill ARGS` with a scratch home and no terminal; returns
/// the exit code and standard error.
fn drill(args: &[&str]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let out = Command::cargo_bin("hotseat")
        .unwrap()
        .env_remove("HOTSEAT_HOME")
        .arg("--home")
        .arg(&home)
        .arg("drill")
        .args(args)
        .write_stdin("")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!home.exists(), "a refused flag must not create the home");
    (out.status.code(), stderr)
}

#[test]
fn a_count_out_of_range_or_not_a_number_says_the_range() {
    for count in ["-1", "0", "1001", "abc", "2.5", "-0"] {
        let (code, stderr) = drill(&["--count", count]);
        assert_eq!(code, Some(2), "--count {count}: {stderr}");
        assert!(
            stderr.contains(&format!("invalid value '{count}' for '--count <N>'")),
            "--count {count}: {stderr}"
        );
        assert!(
            stderr.contains("a number from 1 to 1000"),
            "--count {count}: {stderr}"
        );
        assert!(!stderr.contains("unexpected argument"), "{stderr}");
    }
    // `--count=-1` reads the same.
    let (code, stderr) = drill(&["--count=-1"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("a number from 1 to 1000"), "{stderr}");
}

#[test]
fn a_seed_that_is_not_a_whole_number_says_what_a_seed_is() {
    for seed in ["abc", "-1", "18446744073709551616", "1.5"] {
        let (code, stderr) = drill(&["--seed", seed]);
        assert_eq!(code, Some(2), "--seed {seed}: {stderr}");
        assert!(
            stderr.contains("a seed is a whole number (0 to 18446744073709551615)"),
            "--seed {seed}: {stderr}"
        );
    }
}

#[test]
fn the_edges_of_the_ranges_are_accepted() {
    // Line input from an empty stdin: the drill starts and ends at once
    // (exit 0), which shows the values were accepted.
    for args in [
        ["--count", "1000", "--seed", "18446744073709551615"],
        ["--count", "1", "--seed", "0"],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::cargo_bin("hotseat")
            .unwrap()
            .env_remove("HOTSEAT_HOME")
            .arg("--home")
            .arg(dir.path().join("home"))
            .arg("drill")
            .args(args)
            .write_stdin("")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
