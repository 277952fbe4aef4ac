//! `hotseat completions` and `hotseat man` generate from the real flag
//! definitions and need nothing from the home.

mod util;

use std::process::Command;

fn hotseat(args: &[&str]) -> std::process::Output {
    // A home that cannot exist (under a file): these commands never look.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain");
    std::fs::write(&file, "x").unwrap();
    Command::new(util::bin())
        .args(args)
        .env("HOTSEAT_HOME", file.join("home"))
        .output()
        .unwrap()
}

#[test]
fn completions_generate_for_every_shell_and_know_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = hotseat(&["completions", shell]);
        assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let script = String::from_utf8(out.stdout).unwrap();
        for word in ["hotseat", "daily", "rehearse", "reflect", "category"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    let bad = hotseat(&["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_man_page_is_roff_and_lists_the_commands() {
    let out = hotseat(&["man"]);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH hotseat 1"), "{page}");
    for word in ["drill", "daily", "rehearse", "reflect", "banks"] {
        assert!(page.contains(word), "man page lacks {word}");
    }
}

#[test]
fn a_full_disk_is_an_error_not_a_panic() {
    let out = Command::new(util::bin())
        .args(["completions", "bash"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("No space left"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
