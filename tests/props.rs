//! Property tests: hotseat never panics on bad input, and the invariants the
//! sources document hold for generated input — bank files (arbitrary and
//! mutated built-ins), durations, the answer state machine, question draws,
//! fillers and the sanitizer, history lines, coaching and the summary.
//!
//! Each property asserts something that a broken rule would fail, not only
//! that the call returned. Failures are not persisted to files (the seed is
//! printed instead), so running these leaves the work tree clean.

use std::io::Write as _;
use std::path::Path;
use std::time::Duration;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config as ProptestConfig;
use unicode_segmentation::UnicodeSegmentation;

use hotseat::bank::{Source, check_file, fill_placeholders, parse_bank};
use hotseat::bank::{duration::MAX_DURATION, parse_duration};
use hotseat::content::fillers;
use hotseat::drill::coach::{answer_feedback, hesitation_score, next_step};
use hotseat::drill::{
    Answer, AnswerRecord, AnswerRules, Event, InputMode, Mode, Pause, Phase, Record, SessionRecord,
    select,
};
use hotseat::history::read_from;
use hotseat::report::summary::{Row, table};
use hotseat::text::duration::written as format_duration;
use hotseat::text::{clean, is_unsafe};

/// Cases per property: enough to find the edge cases below in a debug build
/// on two cores well inside the time budget (`PROPTEST_CASES` overrides it
/// for a longer hunt); never writes regression files.
fn config(cases: u32) -> ProptestConfig {
    let env = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok());
    ProptestConfig {
        cases: env.unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The built-in banks, as shipped.
const BANKS: [&str; 9] = [
    include_str!("../question-banks/behavioral.yaml"),
    include_str!("../question-banks/company-research.yaml"),
    include_str!("../question-banks/culture-fit.yaml"),
    include_str!("../question-banks/curveballs.yaml"),
    include_str!("../question-banks/five-year-plan.yaml"),
    include_str!("../question-banks/questions-to-ask.yaml"),
    include_str!("../question-banks/strengths.yaml"),
    include_str!("../question-banks/tell-me-about-yourself.yaml"),
    include_str!("../question-banks/weaknesses.yaml"),
];

/// Pieces of text that break naive code: controls, escapes, bidi marks,
/// line breaks of every kind, combining marks, emoji with modifiers and
/// joiners, wide characters, fillers, YAML syntax and placeholders.
const NASTY: &[&str] = &[
    "",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\u{1b}[2J",
    "\u{1b}]0;x\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}31m",
    "\u{202e}",
    "\u{2066}",
    "\u{200e}",
    "\u{61c}",
    "\u{2028}",
    "\u{feff}",
    "\u{301}",
    "e\u{301}",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧\u{200d}👦",
    "🇫🇷",
    "日本語",
    "工程师",
    "—",
    "um",
    "uh",
    "like",
    "you know",
    "and yeah",
    "so",
    "basically",
    "I mean",
    "Um,",
    "word",
    "a",
    "{x}",
    "{company}",
    "{role}",
    "{",
    "}",
    ":",
    ": ",
    "- ",
    "#",
    "'",
    "\"",
    "&a",
    "*a",
    "---",
    "|",
    ">",
    "[",
    "]",
    "!!str",
    "%",
    "@",
    "\u{10ffff}",
    "\u{fffd}",
];

/// Arbitrary Unicode text, weighted towards the nasty pieces above.
fn nasty_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::collection::vec(prop::sample::select(NASTY), 0..12).prop_map(|v| v.concat()),
        1 => any::<String>(),
        1 => "[ -~]{0,40}",
        1 => prop::collection::vec(
            prop_oneof![prop::sample::select(NASTY).prop_map(str::to_owned), any::<String>()],
            0..6
        )
        .prop_map(|v| v.concat()),
    ]
}

/// The last line an error may point at: lines end at `\n`, as editors,
/// the not-UTF-8 check and the locator count them, and a parser may point
/// one line past the last, at the end of the input.
fn max_line(src: &str) -> usize {
    src.matches('\n').count() + 2
}

/// Checks the promises of a bank parse: every problem names the file and
/// points at a line that exists.
fn check_bank_result(
    result: Result<hotseat::bank::Bank, hotseat::bank::BankError>,
    src: &str,
    name: &str,
) -> Result<(), TestCaseError> {
    match result {
        Ok(bank) => {
            prop_assert!(!bank.category.is_empty());
            prop_assert!(!bank.questions.is_empty() || src.contains("questions"));
        }
        Err(e) => {
            prop_assert!(!e.problems.is_empty(), "an error with no problem");
            for p in &e.problems {
                if let Some(line) = p.line {
                    prop_assert!(
                        (1..=max_line(src)).contains(&line),
                        "line {line} outside 1..={}: {p}",
                        max_line(src)
                    );
                }
                let shown = p.to_string();
                prop_assert!(shown.contains(name), "{shown:?} does not name {name}");
                prop_assert!(
                    !shown.chars().any(|c| c.is_control() && c != '\n'),
                    "raw control char in {shown:?}"
                );
            }
            let all = e.to_string();
            prop_assert!(all.contains(name));
        }
    }
    Ok(())
}

/// One edit to a bank's text.
#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(Index),
    DuplicateLine(Index),
    /// Adds (`true`) or removes leading spaces of a line.
    Indent(Index, bool, usize),
    /// Inserts text at a char position.
    Insert(Index, String),
    /// Keeps only the first chars.
    Truncate(Index),
    /// Swaps two lines.
    SwapLines(Index, Index),
    /// Replaces one char.
    ReplaceChar(Index, char),
}

fn edit() -> impl Strategy<Value = Edit> {
    let piece = prop_oneof![
        3 => prop::sample::select(NASTY).prop_map(str::to_owned),
        1 => Just("{x}".to_owned()),
        1 => any::<String>(),
        1 => prop::sample::select(&["limit: 0s", "think: 2h", "id: Bad Id", "  - id: dup\n    text: x\n", "questions: []", "tips: {}", "\t", "- ", "text:"][..]).prop_map(str::to_owned),
    ];
    prop_oneof![
        2 => any::<Index>().prop_map(Edit::DeleteLine),
        2 => any::<Index>().prop_map(Edit::DuplicateLine),
        2 => (any::<Index>(), any::<bool>(), 1usize..6).prop_map(|(i, more, n)| Edit::Indent(i, more, n)),
        3 => (any::<Index>(), piece).prop_map(|(i, s)| Edit::Insert(i, s)),
        1 => any::<Index>().prop_map(Edit::Truncate),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        2 => (any::<Index>(), prop_oneof![any::<char>(), prop::sample::select(&[':', '-', ' ', '\t', '"', '\'', '{', '}', '[', '#', '\n', '\r', '\u{0}'][..])]).prop_map(|(i, c)| Edit::ReplaceChar(i, c)),
    ]
}

/// Applies `e` to `src`, keeping it valid UTF-8.
fn apply(src: &str, e: &Edit) -> String {
    let mut lines: Vec<String> = src.split('\n').map(str::to_owned).collect();
    let char_at = |s: &str, i: &Index| {
        let n = s.chars().count();
        let k = i.index(n + 1);
        s.char_indices().nth(k).map_or(s.len(), |(b, _)| b)
    };
    match e {
        Edit::DeleteLine(i) => {
            if !lines.is_empty() {
                lines.remove(i.index(lines.len()));
            }
        }
        Edit::DuplicateLine(i) => {
            if !lines.is_empty() {
                let k = i.index(lines.len());
                lines.insert(k, lines[k].clone());
            }
        }
        Edit::Indent(i, more, n) => {
            if !lines.is_empty() {
                let k = i.index(lines.len());
                let line = &mut lines[k];
                if *more {
                    line.insert_str(0, &" ".repeat(*n));
                } else {
                    let strip = line.len() - line.trim_start_matches(' ').len();
                    line.drain(..strip.min(*n));
                }
            }
        }
        Edit::SwapLines(a, b) => {
            if !lines.is_empty() {
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
            }
        }
        Edit::Insert(i, s) => {
            let mut out = src.to_owned();
            out.insert_str(char_at(src, i), s);
            return out;
        }
        Edit::Truncate(i) => return src[..char_at(src, i)].to_owned(),
        Edit::ReplaceChar(i, c) => {
            let mut out = src.to_owned();
            let at = char_at(src, i);
            if let Some(old) = src[at..].chars().next() {
                out.replace_range(at..at + old.len_utf8(), &c.to_string());
            }
            return out;
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(config(256))]

    /// 1a. Arbitrary text is a bank or a located, named error.
    #[test]
    fn bank_parse_of_arbitrary_text_never_panics(src in nasty_text()) {
        let name = "fuzz/arbitrary.yaml";
        let result = parse_bank(&src, Path::new(name), Source::File(name.into()));
        check_bank_result(result, &src, name)?;
    }

    /// 1b. A built-in bank with random edits is a bank or a located, named
    /// error; an unedited one parses.
    #[test]
    fn bank_parse_of_mutated_builtin_never_panics(
        which in 0..BANKS.len(),
        edits in prop::collection::vec(edit(), 0..6),
    ) {
        let name = "mutated.yaml";
        let mut src = BANKS[which].to_owned();
        for e in &edits {
            src = apply(&src, e);
        }
        let result = parse_bank(&src, Path::new(name), Source::File(name.into()));
        if edits.is_empty() {
            prop_assert!(result.is_ok(), "a built-in bank failed: {:?}", result.err());
        }
        check_bank_result(result, &src, name)?;
    }

    /// 1c. check_file on arbitrary bytes (not UTF-8, NULs, mutated banks)
    /// never panics and names the file it read.
    #[test]
    fn bank_check_file_of_arbitrary_bytes_never_panics(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..200),
            (0..BANKS.len(), any::<Index>(), prop::collection::vec(any::<u8>(), 1..4)).prop_map(|(w, i, junk)| {
                let mut b = BANKS[w].as_bytes().to_vec();
                let at = i.index(b.len() + 1);
                b.splice(at..at, junk);
                b
            }),
        ],
    ) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("bytes.yaml");
        std::fs::write(&path, &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = String::from_utf8_lossy(&bytes);
        let result = check_file(&path);
        if std::str::from_utf8(&bytes).is_err() {
            prop_assert!(result.is_err(), "invalid UTF-8 accepted");
        }
        check_bank_result(result, &text, "bytes.yaml")?;
    }

    /// fill_placeholders leaves no known placeholder behind and never panics.
    #[test]
    fn fill_placeholders_fills_every_placeholder(
        text in nasty_text(),
        company in proptest::option::of(nasty_text()),
        role in proptest::option::of(nasty_text()),
    ) {
        let out = fill_placeholders(&text, company.as_deref(), role.as_deref());
        // Values may themselves hold `{company}`: only check when they don't.
        let clean_values = [company.as_deref(), role.as_deref()]
            .iter()
            .flatten()
            .all(|v| !v.contains('{') && !v.contains('}'));
        if clean_values {
            prop_assert!(!out.contains("{company}") && !out.contains("{role}"), "{out:?}");
        }
        if !text.contains('{') {
            prop_assert_eq!(out, text);
        }
    }
}

/// A duration as a user writes it, with the value it means.
fn written_duration() -> impl Strategy<Value = (String, Duration)> {
    (0u64..=60, 0u64..60, 0u64..1000, 0usize..6).prop_filter_map(
        "in (0, 1h]",
        |(m, s, ms, style)| {
            let d = Duration::from_millis(m * 60_000 + s * 1000 + ms);
            if d.is_zero() || d > MAX_DURATION {
                return None;
            }
            let text = match style {
                0 if ms == 0 => format!("{m}m{s}s"),
                1 if ms == 0 => format!("{m}m {s}s"),
                2 if ms == 0 => format!("{}s", m * 60 + s),
                3 if ms == 0 && s == 0 => format!("{m}m"),
                4 => format!("{}ms", d.as_millis()),
                _ => format!("  {m}m {s}s {ms}ms "),
            };
            Some((text, d))
        },
    )
}

proptest! {
    #![proptest_config(config(512))]

    /// 2a. Any string: an error, or a duration in (0, 1h].
    #[test]
    fn parse_duration_never_panics_and_bounds_its_result(
        s in prop_oneof![
            nasty_text(),
            "[0-9 .+-]{0,25}(ns|us|ms|s|m|h|d|w|y|min|sec|hours|M)?[0-9 ]{0,6}",
            "[0-9]{15,30}[smh]",
        ],
    ) {
        if let Ok(d) = parse_duration(&s) {
            prop_assert!(!d.is_zero(), "{s:?} parsed to zero");
            prop_assert!(d <= MAX_DURATION, "{s:?} parsed to {d:?}");
        }
    }

    /// 2b. Written forms mean what they say, and format/parse round-trip.
    #[test]
    fn durations_round_trip((text, want) in written_duration(), extra_ms in 1u64..=3_600_000) {
        prop_assert_eq!(parse_duration(&text), Ok(want), "{}", text);
        let shown = format_duration(want);
        prop_assert_eq!(parse_duration(&shown), Ok(want), "{}", shown);
        let d = Duration::from_millis(extra_ms);
        prop_assert_eq!(parse_duration(&format_duration(d)), Ok(d));
    }
}

/// Elapsed times: mostly increasing small steps, sometimes backwards,
/// sub-millisecond, or huge.
fn elapsed() -> impl Strategy<Value = Duration> {
    prop_oneof![
        8 => (0u64..200_000).prop_map(Duration::from_millis),
        2 => (0u64..2_000_000_000).prop_map(Duration::from_nanos),
        1 => any::<u64>().prop_map(Duration::from_millis),
        1 => Just(Duration::MAX),
        1 => (any::<u64>(), 0u32..1_000_000_000).prop_map(|(s, n)| Duration::new(s, n)),
    ]
}

/// When a step comes: a gap after the previous one (negative: the
/// caller's clock went backwards), or an absolute time (sub-ms, huge).
#[derive(Debug, Clone)]
enum When {
    After(i64),
    At(Duration),
}

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        6 => (0i64..6_000).prop_map(When::After),
        1 => (-5_000i64..0).prop_map(When::After),
        1 => elapsed().prop_map(When::At),
    ]
}

/// The times of `whens`, in order.
fn times(whens: &[When]) -> Vec<Duration> {
    let mut t: u64 = 0;
    whens
        .iter()
        .map(|w| match w {
            When::At(d) => *d,
            When::After(gap) => {
                t = t.saturating_add_signed(*gap);
                Duration::from_millis(t)
            }
        })
        .collect()
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        6 => nasty_text().prop_map(Event::Text),
        2 => "[a-z ]{1,3}".prop_map(Event::Text),
        1 => nasty_text().prop_map(Event::Paste),
        3 => Just(Event::Backspace),
        1 => Just(Event::DeleteWord),
        1 => editing_key(),
        1 => Just(Event::Hint),
        2 => Just(Event::Mark),
        2 => Just(Event::Speech),
        2 => Just(Event::Silence),
        1 => Just(Event::Submit),
        1 => Just(Event::Skip),
        1 => nasty_text().prop_map(Event::Line),
    ]
}

/// The keys that move the cursor or delete at it (Backspace and Ctrl-W
/// are weighted on their own).
fn editing_key() -> impl Strategy<Value = Event> {
    prop::sample::select(
        &[
            Event::Left,
            Event::Right,
            Event::Home,
            Event::End,
            Event::Delete,
            Event::DeleteToStart,
        ][..],
    )
}

/// A step: an event or a tick, and when.
#[derive(Debug, Clone)]
enum Step {
    Feed(Event),
    Tick,
}

fn steps() -> impl Strategy<Value = Vec<(When, Step)>> {
    prop::collection::vec(
        (
            when(),
            prop_oneof![8 => event().prop_map(Step::Feed), 1 => Just(Step::Tick)],
        ),
        0..40,
    )
}

fn rules() -> impl Strategy<Value = AnswerRules> {
    (
        prop::sample::select(
            &[
                InputMode::Typed,
                InputMode::Spoken,
                InputMode::Line,
                InputMode::Voice,
            ][..],
        ),
        prop_oneof![
            4 => (0u64..120_000).prop_map(Duration::from_millis),
            1 => Just(Duration::ZERO),
            1 => elapsed(),
        ],
        (0u64..30_000).prop_map(Duration::from_millis),
        prop_oneof![
            4 => (0u64..5_000).prop_map(Duration::from_millis),
            1 => Just(Duration::ZERO),
            1 => elapsed(),
        ],
        any::<bool>(),
    )
        .prop_map(
            |(input, limit, think_target, pause_threshold, strict)| AnswerRules {
                input,
                limit,
                think_target,
                pause_threshold,
                strict,
                // skip: false (rehearsals) is unit-tested in the engine.
                skip: true,
            },
        )
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// What a typed answer's text and cursor should be: the text is split at
/// the cursor into `before` and `after`; `Text`/`Paste` append to
/// `before`; `Backspace` drops the last grapheme of `before`, `Delete` the
/// first of `after`; `DeleteWord` drops trailing whitespace then the last
/// run of non-whitespace of `before`, `DeleteToStart` all of it; the moves
/// shift one grapheme (or all) between the two. A cursor left inside a
/// grapheme of the whole text moves on to that grapheme's end. Counts the
/// chars deleted.
#[derive(Debug, Default)]
struct TextModel {
    before: String,
    after: String,
    deleted: u32,
    max_chars: u32,
    max_words: u32,
}

impl TextModel {
    fn text(&self) -> String {
        format!("{}{}", self.before, self.after)
    }

    fn cursor(&self) -> usize {
        self.before.len()
    }

    /// The graphemes of the whole text, split at the cursor.
    fn split(&self) -> (Vec<String>, Vec<String>) {
        let text = self.text();
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for (at, g) in text.grapheme_indices(true) {
            if at < self.cursor() {
                left.push(g.to_owned());
            } else {
                right.push(g.to_owned());
            }
        }
        (left, right)
    }

    fn set(&mut self, left: &[String], right: &[String]) {
        self.before = left.concat();
        self.after = right.concat();
    }

    fn apply(&mut self, e: &Event) {
        match e {
            Event::Text(s) | Event::Paste(s) => self.before.push_str(s),
            Event::Backspace => {
                let (mut l, r) = self.split();
                if let Some(g) = l.pop() {
                    self.deleted += g.chars().count() as u32;
                }
                self.set(&l, &r);
            }
            Event::Delete => {
                let (l, mut r) = self.split();
                if !r.is_empty() {
                    self.deleted += r.remove(0).chars().count() as u32;
                }
                self.set(&l, &r);
            }
            Event::DeleteWord => {
                let mut chars: Vec<char> = self.before.chars().collect();
                while chars.last().is_some_and(|c| c.is_whitespace()) {
                    chars.pop();
                    self.deleted += 1;
                }
                while chars.last().is_some_and(|c| !c.is_whitespace()) {
                    chars.pop();
                    self.deleted += 1;
                }
                self.before = chars.into_iter().collect();
            }
            Event::DeleteToStart => {
                self.deleted += self.before.chars().count() as u32;
                self.before.clear();
            }
            Event::Left => {
                let (mut l, mut r) = self.split();
                if let Some(g) = l.pop() {
                    r.insert(0, g);
                }
                self.set(&l, &r);
            }
            Event::Right => {
                let (mut l, mut r) = self.split();
                if !r.is_empty() {
                    l.push(r.remove(0));
                }
                self.set(&l, &r);
            }
            Event::Home => {
                self.after = self.text();
                self.before.clear();
            }
            Event::End => {
                self.before = self.text();
                self.after.clear();
            }
            _ => {}
        }
        // A cursor inside a grapheme moves to its end.
        let (l, r) = self.split();
        let text = self.text();
        let on_boundary = text
            .grapheme_indices(true)
            .any(|(at, _)| at == self.cursor())
            || self.cursor() == text.len();
        if !on_boundary {
            // `split` put the straddling grapheme on the left.
            self.set(&l, &r);
        }
    }

    fn note(&mut self) {
        let text = self.text();
        self.max_chars = self.max_chars.max(text.chars().count() as u32);
        self.max_words = self.max_words.max(word_count(&text));
    }
}

/// Words by the documented rule, written out again here.
fn word_count(text: &str) -> u32 {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count() as u32
}

fn phase_rank(p: Phase) -> u8 {
    match p {
        Phase::Thinking => 0,
        Phase::Answering => 1,
        Phase::Done => 2,
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// 3. The answer engine under any sequence of events and times.
    #[test]
    fn answer_engine_keeps_its_rules(rules in rules(), steps in steps()) {
        let at: Vec<Duration> = times(&steps.iter().map(|(w, _)| w.clone()).collect::<Vec<_>>());
        let steps: Vec<(Duration, Step)> = at.into_iter().zip(steps.into_iter().map(|(_, s)| s)).collect();
        let mut a = Answer::new(rules.clone());
        let typed = rules.input == InputMode::Typed;
        let limit_ms = ms(rules.limit);
        let mut model = TextModel::default();
        let mut max_seen = 0u64;
        let mut phase = a.phase();
        let mut frozen: Option<(hotseat::drill::Measured, String)> = None;
        let mut ending: Option<&Step> = None;
        let mut hint = false;
        // Typed: whether a paste, and a non-empty typed key, were applied.
        let (mut pasted, mut typed_text) = (false, false);
        for (at, step) in &steps {
            let before = a.phase();
            if before != Phase::Done {
                max_seen = max_seen.max(ms(*at));
            }
            let cut_now = rules.strict && max_seen > limit_ms;
            let now = match step {
                Step::Feed(e) => a.feed(*at, e.clone()),
                Step::Tick => a.tick(*at),
            };
            prop_assert_eq!(now, a.phase());
            prop_assert!(phase_rank(now) >= phase_rank(phase), "{:?} -> {:?}", phase, now);
            if before != Phase::Done {
                // An event past the strict limit is dropped, not applied.
                if let Step::Feed(e) = step
                    && !cut_now
                {
                    if typed {
                        model.apply(e);
                        model.note();
                        match e {
                            Event::Paste(_) => pasted = true,
                            Event::Text(t) if !t.is_empty() => typed_text = true,
                            _ => {}
                        }
                        // Enter on a blank answer is refused; only the
                        // strict limit can end it then.
                        if *e == Event::Submit {
                            let blank = model.text().trim().is_empty();
                            let cut = rules.strict && max_seen >= limit_ms;
                            prop_assert_eq!(now == Phase::Done, !blank || cut, "blank {}", blank);
                        }
                    }
                    if *e == Event::Hint {
                        hint = true;
                    }
                }
                // The step that ended it, unless the strict limit cut first.
                if now == Phase::Done && !cut_now {
                    ending = Some(step);
                }
            }
            phase = now;
            match &frozen {
                None if now == Phase::Done => {
                    let m = a.measured();
                    prop_assert!(m.is_some(), "done but not measured");
                    frozen = m.map(|m| (m, a.text().to_owned()));
                }
                None => prop_assert!(a.measured().is_none(), "measured before done"),
                Some((m, text)) => {
                    prop_assert_eq!(Some(m.clone()), a.measured(), "changed after done");
                    prop_assert_eq!(text.as_str(), a.text());
                }
            }
            if typed && now != Phase::Done {
                prop_assert_eq!(a.text(), model.text());
                prop_assert_eq!(a.cursor(), model.cursor(), "cursor in {:?}", a.text());
            }
        }
        let Some((m, text)) = frozen else {
            return Ok(());
        };
        let end = m.think_ms.saturating_add(m.answer_ms);
        prop_assert!(m.think_ms.checked_add(m.answer_ms).is_some());
        // The end is the latest time seen, or the limit when strict cut it.
        let want_end = if rules.strict { max_seen.min(limit_ms) } else { max_seen };
        prop_assert_eq!(end, want_end, "think {} + answer {}", m.think_ms, m.answer_ms);
        prop_assert_eq!(m.limit_ms, limit_ms);
        if end > limit_ms {
            prop_assert!(m.overran);
        }
        if !rules.strict {
            prop_assert_eq!(m.overran, end > limit_ms);
        }
        prop_assert_eq!(&m.text, &text);
        prop_assert_eq!(m.words, word_count(&m.text));
        prop_assert_eq!(&m.fillers, &fillers::find(&m.text));
        prop_assert_eq!(m.hint, hint);
        // Pasted words are words, never speed.
        prop_assert!(m.typing_ms <= m.answer_ms);
        prop_assert!(m.pasted_words <= m.words);
        if !pasted {
            prop_assert_eq!((m.pasted_words, m.typing_ms), (0, m.answer_ms));
        }
        if typed && !typed_text {
            prop_assert_eq!(m.pasted_words, m.words, "nothing typed, all pasted");
        }
        let mostly = u64::from(m.pasted_words) * 2 > u64::from(m.words);
        match m.wpm {
            None => prop_assert!(
                m.typing_ms < 1_000
                    || matches!(rules.input, InputMode::Spoken | InputMode::Voice)
                    || mostly
            ),
            Some(w) => {
                prop_assert!(
                    matches!(rules.input, InputMode::Typed | InputMode::Line)
                        && m.typing_ms >= 1_000
                        && !mostly
                );
                let want = f64::from(m.words - m.pasted_words) * 60_000.0 / m.typing_ms as f64;
                prop_assert_eq!(w, want);
            }
        }
        let skipped = matches!(ending, Some(Step::Feed(Event::Skip)));
        prop_assert_eq!(m.skipped, skipped);
        let mut last_at = 0;
        for p in &m.pauses {
            let Some(at_ms) = p.at_ms else {
                return Err(TestCaseError::fail(format!("engine pause without at_ms: {p:?}")));
            };
            prop_assert!(at_ms >= last_at, "pauses out of order: {:?}", m.pauses);
            last_at = at_ms;
            prop_assert!(at_ms <= m.answer_ms, "{p:?} after the answer ended");
            match rules.input {
                InputMode::Typed => {
                    prop_assert!(p.ms > ms(rules.pause_threshold), "{p:?} not over the threshold");
                    prop_assert!(at_ms.saturating_add(p.ms) <= m.answer_ms);
                    let (Some(w), Some(c)) = (p.at_word, p.at_char) else {
                        return Err(TestCaseError::fail(format!("typed pause without place: {p:?}")));
                    };
                    prop_assert!(c <= model.max_chars && w <= model.max_words, "{p:?}");
                }
                InputMode::Spoken => {
                    prop_assert_eq!((p.at_word, p.at_char, p.ms), (None, None, 0));
                }
                InputMode::Line => prop_assert!(false, "a line answer has pauses: {:?}", p),
                InputMode::Voice => {
                    prop_assert_eq!((p.at_word, p.at_char), (None, None));
                    prop_assert!(p.ms > ms(rules.pause_threshold), "{p:?} not over the threshold");
                }
            }
        }
        match rules.input {
            InputMode::Typed => {
                prop_assert_eq!(&m.text, &model.text());
                prop_assert_eq!(m.revisions, model.deleted);
            }
            InputMode::Spoken | InputMode::Voice => {
                prop_assert_eq!((m.text.as_str(), m.words, m.revisions), ("", 0, 0));
            }
            InputMode::Line => {
                prop_assert_eq!(m.answer_ms, 0);
                prop_assert_eq!(m.revisions, 0);
                if let Some(Step::Feed(Event::Line(line))) = ending { prop_assert_eq!(&m.text, line) } else { prop_assert_eq!(m.text.as_str(), "") }
            }
        }
        // Once done, nothing moves it.
        let again = a.measured();
        prop_assert_eq!(a.feed(Duration::MAX, Event::Text("x".into())), Phase::Done);
        prop_assert_eq!(a.feed(Duration::ZERO, Event::Backspace), Phase::Done);
        prop_assert_eq!(a.tick(Duration::MAX), Phase::Done);
        prop_assert_eq!(a.measured(), again);
    }

    /// 3b. Typing and editing at the cursor alone: the text and the cursor are
    /// exactly the model's.
    #[test]
    fn typed_text_matches_a_grapheme_model(
        keys in prop::collection::vec(
            prop_oneof![
                3 => nasty_text().prop_map(Event::Text),
                1 => nasty_text().prop_map(Event::Paste),
                3 => Just(Event::Backspace),
                1 => Just(Event::DeleteWord),
                3 => editing_key(),
            ],
            0..60,
        ),
    ) {
        let mut a = Answer::new(AnswerRules {
            input: InputMode::Typed,
            limit: Duration::from_secs(90),
            think_target: Duration::from_secs(10),
            pause_threshold: Duration::from_secs(3),
            strict: false,
            skip: true,
        });
        let mut model = TextModel::default();
        for (i, k) in keys.iter().enumerate() {
            a.feed(Duration::from_millis(i as u64 * 10), k.clone());
            model.apply(k);
            prop_assert_eq!(a.text(), model.text(), "after {:?}", k);
            prop_assert_eq!(a.cursor(), model.cursor(), "after {:?}", k);
        }
        // Skip, not Submit: a blank answer cannot be submitted.
        a.feed(Duration::from_secs(60), Event::Skip);
        let m = a.measured();
        prop_assert!(m.is_some());
        if let Some(m) = m {
            prop_assert_eq!(m.text, model.text());
            prop_assert_eq!(m.revisions, model.deleted);
        }
    }

    /// 4. Draws: the right length, in range, no repeat within a round, no
    /// repeat back to back, the same for the same seed.
    #[test]
    fn draw_keeps_its_promises(pool in 0usize..50, count in 0usize..200, seed in any::<u64>()) {
        let d = select::draw(pool, count, seed);
        prop_assert_eq!(d.len(), if pool == 0 { 0 } else { count });
        prop_assert!(d.iter().all(|&i| i < pool));
        if pool > 0 {
            for round in d.chunks(pool) {
                let mut seen = vec![false; pool];
                for &i in round {
                    prop_assert!(!seen[i], "{i} twice in one round: {round:?}");
                    seen[i] = true;
                }
            }
        }
        if pool > 1 {
            prop_assert!(d.windows(2).all(|w| w[0] != w[1]), "back to back: {d:?}");
        }
        prop_assert_eq!(&d, &select::draw(pool, count, seed));
        // A longer draw begins with the shorter one.
        let longer = select::draw(pool, count + pool, seed);
        prop_assert_eq!(&longer[..d.len()], &d[..]);
    }

    /// 5. Fillers never panic and are lower-case; clean removes every
    /// unsafe char and changes nothing else.
    #[test]
    fn fillers_and_clean_on_any_text(text in nasty_text()) {
        let found = fillers::find(&text);
        for f in &found {
            prop_assert_eq!(f, &f.to_lowercase());
            prop_assert!(!f.is_empty());
        }
        prop_assert!(found.len() <= text.split_whitespace().count());
        let out = clean(&text);
        let forbidden = |c: char| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
        };
        prop_assert!(!out.chars().any(forbidden), "{out:?}");
        if text.chars().any(forbidden) {
            prop_assert_ne!(&*out, text.as_str());
        } else {
            prop_assert_eq!(&*out, text.as_str());
            prop_assert!(matches!(out, std::borrow::Cow::Borrowed(_)));
        }
        // Safe chars survive in order: dropping the escapes gives them back.
        let kept: String = text.chars().filter(|&c| !is_unsafe(c)).collect();
        let mut rest = out.as_ref();
        for c in kept.chars() {
            let Some(i) = rest.find(c) else {
                return Err(TestCaseError::fail(format!("{c:?} lost from {text:?}")));
            };
            rest = &rest[i + c.len_utf8()..];
        }
    }
}

/// A record a build of hotseat could have written (finite wpm, exact in
/// JSON), so that reading it back gives the same value.
fn written_record() -> impl Strategy<Value = Record> {
    prop_oneof![
        3 => any_answer(false).prop_map(Record::Answer),
        1 => (nasty_text(), 0i64..4_000_000_000, 0i64..100_000, any::<u32>(), any::<u32>(), any::<bool>())
            .prop_map(|(session, start, len, answered, skipped, interrupted)| {
                Record::Session(SessionRecord {
                    v: 1,
                    session,
                    started: ts(start),
                    ended: ts(start + len),
                    mode: Mode::Daily,
                    answered,
                    skipped,
                    interrupted,
                    budget_ms: None,
                })
            }),
    ]
}

fn ts(second: i64) -> hotseat::drill::Stamp {
    hotseat::drill::Stamp::utc(
        jiff::Timestamp::from_second(second).unwrap_or(jiff::Timestamp::UNIX_EPOCH),
    )
}

fn pause() -> impl Strategy<Value = Pause> {
    (
        proptest::option::of(any::<u32>()),
        proptest::option::of(any::<u32>()),
        any::<u64>(),
        any::<u64>(),
    )
        .prop_map(|(at_word, at_char, ms, at_ms)| Pause {
            at_word,
            at_char,
            ms,
            at_ms: Some(at_ms),
        })
}

/// Any answer record, fields generated freely. With `wild`, wpm may be NaN
/// or infinite (a hand-edited file), else it is a value with at most two
/// decimals (as stored).
fn any_answer(wild: bool) -> impl Strategy<Value = AnswerRecord> {
    let wpm = if wild {
        prop_oneof![
            Just(None),
            any::<f64>().prop_map(Some),
            Just(Some(f64::NAN)),
            Just(Some(f64::INFINITY)),
            Just(Some(-1.0)),
        ]
        .boxed()
    } else {
        proptest::option::of((0u32..1_000_000).prop_map(|n| f64::from(n) / 4.0)).boxed()
    };
    let ms = prop_oneof![3 => 0u64..200_000, 1 => any::<u64>()];
    (
        (
            nasty_text(),
            0i64..4_000_000_000,
            prop::sample::select(&[Mode::Drill, Mode::Daily, Mode::Rehearse][..]),
            nasty_text(),
            prop::sample::select(
                &[
                    InputMode::Typed,
                    InputMode::Spoken,
                    InputMode::Line,
                    InputMode::Voice,
                ][..],
            ),
            ms.clone(),
            ms.clone(),
            ms,
        ),
        (
            any::<bool>(),
            any::<bool>(),
            prop::collection::vec(pause(), 0..5),
            proptest::option::of(prop_oneof![0u32..300, any::<u32>()]),
            wpm,
            proptest::option::of(any::<u32>()),
            prop::collection::vec(nasty_text(), 0..3),
            any::<u32>(),
        ),
        (
            any::<bool>(),
            proptest::option::of(any::<u8>()),
            nasty_text(),
        ),
    )
        .prop_map(
            |(
                (session, at, mode, question, input, think_ms, answer_ms, limit_ms),
                (overran, skipped, pauses, words, wpm, fillers, filler_words, revisions),
                (hint, rating, text),
            )| AnswerRecord {
                // A literal, not `AnswerRecord::builder`: every field is
                // generated on its own (a filler count that disagrees with
                // the list, say), and naming each shows none is left out.
                v: 1,
                category: question.split('/').next().unwrap_or("").to_owned(),
                session,
                at: ts(at),
                mode,
                question,
                input,
                think_ms,
                answer_ms,
                limit_ms,
                overran,
                skipped,
                pauses,
                words,
                wpm,
                fillers,
                filler_words,
                revisions,
                hint,
                rating,
                text,
                ..Default::default()
            },
        )
}

/// A history line that is not a record.
fn garbage_line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        // Any bytes: `#` first, so they are never JSON.
        prop::collection::vec(any::<u8>(), 0..60).prop_map(|mut b| {
            b.retain(|&c| c != b'\n');
            b.insert(0, b'#');
            b
        }),
        // A record cut short (a crash mid-write).
        (written_record(), any::<Index>()).prop_map(|(r, i)| {
            let line = serde_json::to_string(&r).unwrap_or_default();
            let cut = i.index(line.len().saturating_sub(1)).max(1);
            line.as_bytes()[..cut].to_vec()
        }),
        Just(br#"{"v":2,"kind":"answer"}"#.to_vec()),
        Just(br#"{"v":1,"kind":"nope"}"#.to_vec()),
        Just(br#"{"kind":"session"}"#.to_vec()),
        Just(br"[1,2,3]".to_vec()),
        Just(b"\xff\xfe{}".to_vec()),
        Just(br#"{"v":1,"kind":"answer","think_ms":-1}"#.to_vec()),
    ]
}

proptest! {
    #![proptest_config(config(256))]

    /// 6a. Arbitrary bytes: no panic, warnings in order and in range.
    #[test]
    fn history_of_arbitrary_bytes_never_panics(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..400),
            prop::collection::vec(prop_oneof![Just(b'\n'), Just(b'{'), Just(b'}'), Just(b'"'), any::<u8>()], 0..400),
        ],
    ) {
        let (records, warnings) = read_from(&bytes[..]).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let lines = bytes.split(|&b| b == b'\n').count();
        prop_assert!(records.len() + warnings.len() <= lines);
        let mut last = 0;
        for w in &warnings {
            prop_assert!(w.line > last && w.line <= lines, "line {} of {lines}", w.line);
            prop_assert!(!w.message.is_empty());
            last = w.line;
        }
    }

    /// 6b. Valid lines mixed with garbage: every record comes back in order,
    /// every garbage line is warned about at its own line number.
    #[test]
    fn history_keeps_valid_lines_among_garbage(
        lines in prop::collection::vec(
            prop_oneof![written_record().prop_map(Ok), garbage_line().prop_map(Err)],
            0..20,
        ),
        crlf in any::<bool>(),
        final_newline in any::<bool>(),
    ) {
        let mut bytes = Vec::new();
        let mut want_records = Vec::new();
        let mut want_lines = Vec::new();
        let mut seen_newer = false;
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                bytes.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
            }
            match line {
                Ok(r) => {
                    let json = serde_json::to_string(r).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    bytes.extend_from_slice(json.as_bytes());
                    want_records.push(r.clone());
                }
                Err(g) => {
                    bytes.extend_from_slice(g);
                    // Unknown kinds are ignored silently; newer versions
                    // are one warning, at the first of them.
                    let silent = g.as_slice() == br#"{"v":1,"kind":"nope"}"#
                        || (g.as_slice() == br#"{"v":2,"kind":"answer"}"# && seen_newer);
                    seen_newer |= g.as_slice() == br#"{"v":2,"kind":"answer"}"#;
                    if !g.trim_ascii().is_empty() && !silent {
                        want_lines.push(i + 1);
                    }
                }
            }
        }
        if final_newline {
            bytes.push(b'\n');
        }
        let (records, warnings) = read_from(&bytes[..]).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(records, want_records);
        let got: Vec<usize> = warnings.iter().map(|w| w.line).collect();
        prop_assert_eq!(got, want_lines, "{:?}", warnings);
    }

    /// 7. Coaching and the summary on any records: no panic, a finite
    /// non-negative score, one table line per answer, nothing unsafe shown.
    #[test]
    fn coach_and_summary_on_any_records(
        recs in prop::collection::vec(any_answer(true), 0..6),
        questions in prop::collection::vec(nasty_text(), 6),
        target in prop_oneof![Just(0u64), 0u64..60_000, any::<u64>()],
        width in proptest::option::of(prop_oneof![0u16..20, 20u16..200, any::<u16>()]),
    ) {
        for r in &recs {
            let lines = answer_feedback(&AnswerRecord { think_target_ms: Some(target), ..r.clone() });
            prop_assert!(!lines.is_empty() || !r.skipped);
            prop_assert!(lines.iter().all(|l| !l.is_empty()));
        }
        let step = next_step(&recs);
        prop_assert_eq!(step.is_some(), !recs.is_empty());
        let score = hesitation_score(&recs);
        prop_assert!(score.is_finite() && score >= 0.0, "score {score}");
        if recs.is_empty() {
            prop_assert_eq!(score, 0.0);
        }
        let rows: Vec<Row<'_>> = recs
            .iter()
            .zip(&questions)
            .map(|(record, q)| Row { record, question: q })
            .collect();
        let shown = table(&rows, width);
        prop_assert!(!shown.chars().any(is_unsafe), "unsafe char in {shown:?}");
        if width.is_none() {
            // Markdown: header, rule, one line per answer.
            prop_assert_eq!(shown.lines().count(), rows.len() + 2, "{}", shown);
        }
    }
}

/// The seeds above are random; this pins one nasty bank through the file
/// path too, so a regression there shows without luck.
#[test]
fn check_file_names_a_control_char_path_safely() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.yaml");
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(b"category: a\nquestions:\n  - id: q\n    text: \x1b[2J{x}\n")
        .unwrap();
    let err = check_file(&path).unwrap_err();
    let shown = err.to_string();
    assert!(shown.contains("x.yaml"), "{shown}");
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
}
