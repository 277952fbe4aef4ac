//! Property tests of the content analyzer: it never panics, every finding
//! points inside the text at the words it quotes, matching ignores case
//! and apostrophes, and adding a cue never removes a heard point.

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

use hotseat::bank::{Avoid, Point};
use hotseat::content::normalize::{key, words};
use hotseat::content::{Context, Findings, analyze};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Words and pieces that exercise every rule, and some that break naive
/// code.
const PIECES: &[&str] = &[
    "I",
    "think",
    "maybe",
    "I'm",
    "not",
    "sure",
    "sort",
    "of",
    "kind",
    "what",
    "the",
    "best",
    "never",
    "make",
    "mistakes",
    "don't",
    "don’t",
    "have",
    "any",
    "weaknesses",
    "flawless",
    "result",
    "results",
    "as",
    "a",
    "in",
    "end",
    "20%",
    "$2m",
    "three",
    "weeks",
    "one",
    "2019",
    "Acme",
    "Acme's",
    "we",
    "built",
    "led",
    "um",
    "like",
    "you",
    "know",
    ",",
    ".",
    "!",
    "?",
    ";",
    "\n",
    "—",
    "…",
    "'",
    "’",
    "*",
    "#figure",
    "{company}",
    "👍🏽",
    "工程师",
    "e\u{301}",
    "İ",
    "\u{0}",
    "\u{1b}[2J",
    "\u{202e}",
    "x-y",
    "(",
    ")",
    "\"",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&[" ", "", "  ", ", ", ". "][..]),
        ),
        0..80,
    )
    .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn cue() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..4).prop_map(|w| w.join(" "))
}

fn point(cues: Vec<String>) -> Point {
    Point {
        point: "p".into(),
        cues,
        hint: None,
    }
}

fn ctx() -> Context<'static> {
    Context {
        category: "questions-to-ask",
        question: "Tell me about the best result you had at {company}.",
        names_company: true,
        company: Some("Acme"),
        role: None,
    }
}

/// Every quoted span lies inside `text` and starts at its `at_word`.
fn check_spans(text: &str, f: &Findings) -> Result<(), TestCaseError> {
    let w = words(text);
    prop_assert_eq!(f.words as usize, w.len());
    let spans = f
        .hedges
        .iter()
        .chain(&f.oversell)
        .chain(&f.specifics)
        .map(|s| (s.at_word, s.text.as_str()))
        .chain(f.avoid.iter().map(|a| (a.at_word, a.text.as_str())));
    for (at, quoted) in spans {
        let at = at as usize;
        prop_assert!(at < w.len(), "at_word {} of {} words", at, w.len());
        prop_assert!(text.contains(quoted), "{:?} not in the text", quoted);
        let first = quoted.split_whitespace().next().unwrap_or("");
        prop_assert_eq!(
            &w[at].key,
            &key(first),
            "{:?} does not start at word {}",
            quoted,
            at
        );
        let n = words(quoted).len();
        prop_assert!(n >= 1 && at + n <= w.len());
    }
    for s in &f.long_sentences {
        prop_assert!((s.at_word as usize) < w.len());
        prop_assert!(text.contains(&s.opening));
    }
    for p in &f.points {
        if let Some(e) = &p.evidence {
            prop_assert!(p.heard && text.contains(e.as_str()), "evidence {:?}", e);
        } else {
            prop_assert!(!p.heard);
        }
    }
    Ok(())
}

fn heard(text: &str, points: &[Point]) -> Vec<bool> {
    let refs: Vec<&Point> = points.iter().collect();
    analyze(text, &refs, &[], &ctx())
        .map_or_else(Vec::new, |f| f.points.iter().map(|p| p.heard).collect())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn never_panics_and_every_finding_is_inside_the_text(
        t in text(),
        cues in prop::collection::vec(cue(), 0..6),
        avoid in prop::collection::vec(cue(), 0..4),
    ) {
        let p = point(cues);
        let a = Avoid { cues: avoid, why: "why".into() };
        if let Some(f) = analyze(&t, &[&p], &[&a], &ctx()) {
            check_spans(&t, &f)?;
        } else {
            prop_assert!(words(&t).is_empty());
        }
    }

    #[test]
    fn any_unicode_never_panics(t in any::<String>(), c in any::<String>()) {
        let p = point(vec![c]);
        if let Some(f) = analyze(&t, &[&p], &[], &ctx()) {
            check_spans(&t, &f)?;
        }
    }

    #[test]
    fn matching_ignores_case_and_apostrophes(t in text(), cues in prop::collection::vec(cue(), 1..5)) {
        let points = vec![point(cues.clone())];
        let base = heard(&t, &points);
        let upper = t.to_uppercase();
        // Upper-casing can change a word's letters (ß → SS, İ): compare
        // only texts whose words keep their keys.
        if words(&upper).iter().map(|w| w.key.clone()).eq(words(&t).iter().map(|w| w.key.clone())) {
            prop_assert_eq!(&heard(&upper, &points), &base);
        }
        let curly = t.replace('\'', "\u{2019}");
        prop_assert_eq!(&heard(&curly, &points), &base);
        // Placeholder names are not words: they stay as written.
        let shout = |c: &String| c.to_uppercase().replace("{COMPANY}", "{company}").replace("{ROLE}", "{role}");
        let cue_upper = vec![point(cues.iter().map(shout).collect())];
        if cues.iter().all(|c| c.to_uppercase().to_lowercase() == c.to_lowercase()) {
            prop_assert_eq!(&heard(&t, &cue_upper), &base);
        }
        let cue_plain = vec![point(cues.iter().map(|c| c.replace(['\'', '\u{2019}'], "")).collect())];
        prop_assert_eq!(&heard(&t, &cue_plain), &base);
    }

    #[test]
    fn adding_a_cue_never_removes_a_heard_point(
        t in text(),
        cues in prop::collection::vec(cue(), 1..5),
        extra in cue(),
    ) {
        let before = heard(&t, &[point(cues.clone())]);
        let mut more = cues;
        more.push(extra);
        let after = heard(&t, &[point(more)]);
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(!b || *a);
        }
    }
}

/// Hostile input: 500 cues full of wildcards and an answer at the
/// 20,000-character cap are read, every rule running. Not timed (a time
/// limit flakes on a loaded machine): the matcher's unit test bounds the
/// work (`content::cues`, linear in the answer whatever the cue count) and
/// `examples/content_bench.rs` measures the time.
#[test]
fn five_hundred_cues_and_a_capped_answer_are_read() {
    let cues: Vec<String> = (0..500)
        .map(|i| match i % 5 {
            0 => format!("* * * word{i} *"),
            1 => format!("w* {i}* #figure *"),
            2 => format!("*e *a *i{i}"),
            3 => format!("the * * * * * * * * x{i}"),
            _ => format!("I * {i}"),
        })
        .collect();
    let p = point(cues);
    let sentence = "I think the team sort of met every deadline in 2019 and we cut costs by 20% in three weeks. ";
    let mut text = sentence.repeat(hotseat::drill::answer::MAX_ANSWER_CHARS / sentence.len() + 1);
    text.truncate(hotseat::drill::answer::MAX_ANSWER_CHARS);
    let f = analyze(&text, &[&p], &[], &ctx()).unwrap();
    assert!(
        f.hedges.len() > 100,
        "the rules still ran: {} hedges",
        f.hedges.len()
    );
}
