//! Content feedback as a person sees it, right after the answer, through
//! a real pseudo-terminal at 100×30 and 40×12: what counted, and that the
//! result was missing, with the next step; no line past the edge.

mod util;

use std::time::Duration;

use unicode_width::UnicodeWidthStr;
use util::Home;
use util::pty::{COUNTDOWN_STARTED, DEADLINE, ENTER, Spawn};

/// `--seed 23` draws "Tell me about a time you failed." from the built-in
/// behavioural bank (tests/rehearse.rs and the README use it too).
fn failure_story_at(rows: u16, cols: u16) -> Vec<String> {
    let home = Home::new();
    let mut pty = Spawn::in_home(
        home.path(),
        &[
            "drill",
            "--category",
            "behavioral",
            "--count",
            "1",
            "--seed",
            "23",
        ],
    )
    .size(rows, cols)
    .start();
    pty.expect(COUNTDOWN_STARTED);
    assert!(pty.seen("failed"), "{}", pty.screen());
    pty.type_text(
        "At my last job I was asked to run the migration and I planned it badly",
        Duration::from_millis(8),
    );
    pty.send(ENTER);
    // The end of the session: everything printed has gone by.
    pty.expect_within("Saved to", DEADLINE);
    pty.transcript().lines().map(str::to_string).collect()
}

#[test]
fn a_story_with_no_result_hears_what_counted_and_says_the_result_is_missing() {
    for (rows, cols) in [(30, 100), (12, 40)] {
        let screen = failure_story_at(rows, cols);
        // Wrapped lines joined back: the words, not the line breaks.
        let text = screen
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains("Heard: the situation"),
            "{cols} columns:\n{text}"
        );
        assert!(
            text.contains("Not heard: the result — close with what changed, ideally one number"),
            "{cols} columns:\n{text}"
        );
        for line in &screen {
            assert!(
                line.width() < usize::from(cols),
                "{line:?} reaches the edge at {cols}"
            );
        }
    }
}
