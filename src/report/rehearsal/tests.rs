//! The rehearsal report against scripted sessions.

use super::*;
use crate::drill::Pause;

fn answer(think_ms: u64, answer_ms: u64, text: &str) -> AnswerRecord {
    AnswerRecord::builder("x/y")
        .session("r")
        .think_ms(think_ms)
        .answer_ms(answer_ms)
        .limit_ms(120_000)
        .words(crate::drill::answer::count_words(text))
        .think_target_ms(10_000)
        .text(text)
        .build()
}

const LONG: &str = "I started in support, moved into data work three years ago, led the \
                    migration of our reporting to a new warehouse and now want to do it at \
                    a larger scale with a team that ships weekly";

#[test]
fn pay_only_needs_every_question_to_be_about_pay_perks_or_time_off() {
    assert_eq!(
        pay_only("What is the salary? How many vacation days do I get?"),
        Some(true)
    );
    assert_eq!(pay_only("what are the perks; is there a bonus"), Some(true));
    assert_eq!(pay_only("How much time off is there?"), Some(true));
    assert_eq!(
        pay_only("What is the salary? What does success look like in six months?"),
        Some(false)
    );
    assert_eq!(
        pay_only("How does the team decide what to build?"),
        Some(false)
    );
    assert_eq!(pay_only("   "), None);
}

#[test]
fn the_report_finds_the_worst_moments_and_ties_three_fixes_to_them() {
    let opener = answer(14_200, 60_000, LONG);
    let mut story = answer(3_000, 110_000, LONG);
    story.pauses = vec![Pause {
        at_word: Some(5),
        at_char: Some(27),
        ms: 6_100,
        at_ms: Some(20_000),
    }];
    let mut curve = answer(4_000, 116_000, LONG);
    curve.overran = true;
    let closing = answer(
        2_000,
        20_000,
        "What is the salary? How much vacation do I get?",
    );
    let moments = [
        Moment {
            record: &opener,
            question: "Tell me about yourself.",
            phase: Phase::Opener,
            content: None,
        },
        Moment {
            record: &story,
            question: "Tell me about a time you failed.",
            phase: Phase::Behavioral,
            content: None,
        },
        Moment {
            record: &curve,
            question: "How many piano tuners are in Paris?",
            phase: Phase::Curveball,
            content: None,
        },
        Moment {
            record: &closing,
            question: "What would you like to ask us?",
            phase: Phase::Closing,
            content: None,
        },
    ];
    let sections = report(&moments, 30 * 60_000);
    assert_eq!(sections.len(), 3);
    let time = &sections[0].lines;
    assert_eq!(
        time[0],
        "5m29s answering, of a 30m00s budget (4 questions, follow-ups included)."
    );
    assert!(
        time.contains(&"Behavioural: 1m53s of 2m00s (1 question)".to_string()),
        "{time:?}"
    );
    let worst = &sections[1].lines;
    assert_eq!(
        worst[0],
        "Longest start: 14.2s before you began “Tell me about yourself.” (target 10.0s)."
    );
    assert_eq!(
        worst[1],
        "Longest pause: 6.1s, after “moved” (word 5), in “Tell me about a time you failed.”."
    );
    assert_eq!(
        worst[2],
        "Cut at the 2m00s limit: “How many piano tuners are in Paris?”."
    );
    let fixes = &sections[2].lines;
    assert_eq!(fixes.len(), 3, "{fixes:?}");
    // Worst first, one per question: the overrun (2.5), the pause (2.03),
    // the questions all about pay (2.0); the slow start (1.42) waits.
    assert!(
        fixes[0].starts_with("1. “How many piano tuners"),
        "{fixes:?}"
    );
    assert!(fixes[0].contains("cut at its 2m00s limit"), "{fixes:?}");
    assert!(
        fixes[1].starts_with("2. “Tell me about a time you failed.” — a 6.1s pause after “moved”"),
        "{fixes:?}"
    );
    assert!(
        fixes[2].starts_with(
            "3. “What would you like to ask us?” — every question you asked was about pay"
        ),
        "{fixes:?}"
    );
}

#[test]
fn a_clean_rehearsal_still_gets_three_concrete_things_from_its_slowest_starts() {
    let a = answer(6_000, 60_000, LONG);
    let b = answer(3_000, 60_000, LONG);
    let c = answer(8_000, 60_000, LONG);
    let moments: Vec<Moment<'_>> = [&a, &b, &c]
        .iter()
        .map(|r| Moment {
            record: r,
            question: "Q?",
            phase: Phase::Strengths,
            content: None,
        })
        .collect();
    let fixes = &report(&moments, 600_000)[2].lines;
    assert_eq!(fixes.len(), 3);
    assert!(
        fixes[0].contains("(8.0s, within the 10.0s target)"),
        "{fixes:?}"
    );
    assert!(fixes[2].contains("(3.0s, within"), "{fixes:?}");
}

#[test]
fn markdown_has_headings_and_bullets() {
    let s = vec![
        Section {
            title: "Time".into(),
            lines: vec!["5m00s answering".into()],
            numbered: false,
        },
        Section {
            title: "Fix".into(),
            lines: vec!["1. b".into()],
            numbered: true,
        },
    ];
    assert_eq!(
        markdown(&s),
        [
            "",
            "## Time",
            "",
            "- 5m00s answering",
            "",
            "## Fix",
            "",
            "1. b"
        ]
    );
    assert_eq!(
        plain(&s),
        ["", "Time:", "  5m00s answering", "", "Fix:", "  1. b"]
    );
}

/// A rehearsal ended after its first answer: "1 question", not "1 questions".
#[test]
fn one_answer_is_one_question() {
    let opener = answer(3_000, 20_000, LONG);
    let moments = [Moment {
        record: &opener,
        question: "Tell me about yourself.",
        phase: Phase::Opener,
        content: None,
    }];
    let sections = report(&moments, 30 * 60_000);
    let first = &sections[0].lines[0];
    assert!(
        first.contains("(1 question, follow-ups included)"),
        "{first}"
    );
}

/// A story told well on timing but without its result: the fix names the
/// missing point (3 × 1.0 beats a slow start within target).
#[test]
fn a_content_finding_can_be_one_of_the_three_fixes() {
    use crate::content::{Findings, Language, PointFinding};
    let story = answer(3_000, 60_000, LONG);
    let opener = answer(5_000, 60_000, LONG);
    let findings = Findings {
        language: Language::English,
        words: story.words.unwrap_or(0),
        hedges: Vec::new(),
        oversell: Vec::new(),
        specifics: Vec::new(),
        long_sentences: Vec::new(),
        repeated: Vec::new(),
        points: vec![PointFinding {
            point: "the result".into(),
            heard: false,
            evidence: None,
            hint: "close with what changed, ideally one number".into(),
            own: true,
        }],
        avoid: Vec::new(),
        company_named: None,
        pay_only: None,
    };
    let moments = [
        Moment {
            record: &opener,
            question: "Tell me about yourself.",
            phase: Phase::Opener,
            content: None,
        },
        Moment {
            record: &story,
            question: "Tell me about a time you failed.",
            phase: Phase::Behavioral,
            content: Some(&findings),
        },
    ];
    let fixes = &report(&moments, 30 * 60_000)[2];
    assert_eq!(
        fixes.lines[0],
        "1. “Tell me about a time you failed.” — Not heard: the result — close with what \
         changed, ideally one number. Tonight: answer it again out loud with that in mind."
    );
    // Without content, the slower start comes first instead.
    let plain_moments = [
        moments[0],
        Moment {
            content: None,
            ..moments[1]
        },
    ];
    let fixes = &report(&plain_moments, 30 * 60_000)[2];
    assert!(
        !fixes.lines.iter().any(|l| l.contains("Not heard")),
        "{fixes:?}"
    );
}

#[test]
fn a_blank_answer_is_no_start_not_the_longest_start() {
    let blank = AnswerRecord {
        think_ms: 90_000,
        answer_ms: 0,
        words: Some(0),
        ..answer(90_000, 0, "")
    };
    let spoken = answer(4_000, 60_000, LONG);
    let moments = [
        Moment {
            record: &blank,
            question: "Blank one?",
            phase: Phase::Opener,
            content: None,
        },
        Moment {
            record: &spoken,
            question: "Answered one?",
            phase: Phase::Behavioral,
            content: None,
        },
    ];
    let sections = report(&moments, 600_000);
    assert!(
        sections[1].lines[0].contains("“Answered one?”"),
        "{:?}",
        sections[1]
    );
    let fixes = sections[2].lines.join("\n");
    assert!(fixes.contains("“Blank one?” — only 0 words"), "{fixes}");
    assert!(!fixes.contains("“Blank one?” — you took"), "{fixes}");
}
