//! Any stream of events at any times, in every input mode: the answer
//! engine never panics, and a finished answer's figures hold together.
#![no_main]

use std::time::Duration;

use hotseat::drill::answer::MAX_ANSWER_CHARS;
use hotseat::drill::{Answer, AnswerRules, Event, InputMode, Phase};
use libfuzzer_sys::fuzz_target;

/// Reads `len` bytes of text (lossy UTF-8) from the front of `data`.
fn take_text(data: &mut &[u8]) -> String {
    let Some((&len, rest)) = data.split_first() else {
        return String::new();
    };
    // Now and then a long one, to reach the cap.
    let (n, repeat) = if len == 0xff { (4, 6_000) } else { (usize::from(len), 1) };
    let n = n.min(rest.len());
    let text = String::from_utf8_lossy(&rest[..n]).repeat(repeat);
    *data = &rest[n..];
    text
}

fuzz_target!(|data: &[u8]| {
    let mut data = data;
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    data = rest;
    let input = [
        InputMode::Typed,
        InputMode::Spoken,
        InputMode::Line,
        InputMode::Voice,
    ][usize::from(head % 4)];
    let rules = AnswerRules {
        input,
        limit: Duration::from_millis(1_000 + u64::from(head) * 500),
        think_target: Duration::from_secs(10),
        pause_threshold: Duration::from_millis(3_000),
        strict: head & 0x80 != 0,
        // Rehearsals refuse Esc: both ways.
        skip: head & 0x40 == 0,
    };
    let mut answer = Answer::new(rules);
    let mut at = 0u64;
    while let Some((&op, rest)) = data.split_first() {
        data = rest;
        // Time moves by the next byte, squared, in ms: gaps from 0 to ~65 s;
        // the top bit sends it backwards, which the engine must clamp.
        let step = data.first().map_or(0, |&b| u64::from(b & 0x7f).pow(2) * 4);
        let back = data.first().is_some_and(|&b| b & 0x80 != 0);
        data = data.get(1..).unwrap_or_default();
        at = if back { at.saturating_sub(step) } else { at + step };
        let t = Duration::from_millis(at);
        let event = match op % 19 {
            0 => Event::Text(take_text(&mut data)),
            1 => Event::Paste(take_text(&mut data)),
            2 => Event::Backspace,
            3 => Event::Delete,
            4 => Event::DeleteWord,
            5 => Event::DeleteToStart,
            6 => Event::Left,
            7 => Event::Right,
            8 => Event::Home,
            9 => Event::End,
            10 => Event::Hint,
            11 => Event::Mark,
            12 => Event::Submit,
            13 => Event::Skip,
            14 => Event::Line(take_text(&mut data)),
            15 => {
                answer.tick(t);
                continue;
            }
            16 => Event::Speech,
            17 => Event::Silence,
            _ => Event::Text(take_text(&mut data).chars().take(1).collect()),
        };
        answer.feed(t, event);
        assert!(answer.text().chars().count() <= MAX_ANSWER_CHARS);
        assert!(answer.text().is_char_boundary(answer.cursor()));
    }
    if answer.phase() == Phase::Done {
        let m = answer.measured().expect("a done answer is measured");
        assert!(m.text.chars().count() <= MAX_ANSWER_CHARS);
        assert!(m.typing_ms <= m.answer_ms);
        assert!(m.pasted_words <= m.words);
        assert!(m.wpm.is_none_or(|w| w.is_finite() && w >= 0.0));
        assert_eq!(m.text, answer.text());
    } else {
        assert!(answer.measured().is_none());
    }
});
