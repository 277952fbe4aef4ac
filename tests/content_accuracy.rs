//! Precision and recall of the content signals on the labelled corpus in
//! `tests/content/` (see its README): computed from the real analyzer on
//! the fixed held-out third, failing below the thresholds the project
//! promises. The other two thirds are printed with their mistakes, for
//! developing rules; the held-out third's mistakes are not printed.
//!
//! Run with `--nocapture` to see the figures.

use std::path::Path;

use hotseat::bank::Avoid;
use hotseat::content::{self, Context, normalize};

/// A labelled example: its text, and the bracketed word ranges.
struct Example {
    text: String,
    marked: Vec<(usize, usize)>,
    positive: bool,
}

fn corpus(name: &str) -> Vec<Example> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/content")
        .join(name);
    let raw = std::fs::read_to_string(&path).unwrap();
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (sign, rest) = line.split_at(1);
            let positive = match sign {
                "+" => true,
                "-" => false,
                _ => panic!("{name}: a line must start with + or -: {line:?}"),
            };
            let mut words = Vec::new();
            let mut marked = Vec::new();
            let mut open = None;
            for token in rest.split_whitespace() {
                let clean: String = token.chars().filter(|c| !matches!(c, '[' | ']')).collect();
                let counts = normalize::count_words(&clean) > 0;
                let at = words.len();
                if token.contains('[') {
                    open = Some(at);
                }
                words.push(clean);
                if token.contains(']') {
                    let start = open.take().expect("] without [");
                    marked.push((start, at + usize::from(counts)));
                }
                assert!(
                    counts || !token.contains('['),
                    "{name}: bracket on a non-word: {line:?}"
                );
            }
            assert_eq!(open, None, "{name}: unclosed [ in {line:?}");
            assert_eq!(
                positive,
                !marked.is_empty(),
                "{name}: + needs brackets, - none: {line:?}"
            );
            Example {
                text: words.join(" "),
                marked,
                positive,
            }
        })
        .collect()
}

/// The avoid test bank: `cue | cue => why` per line.
fn avoid_bank() -> Vec<Avoid> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/content/avoid_bank.txt");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (cues, why) = l.split_once("=>").unwrap();
            Avoid {
                cues: cues.split('|').map(|c| c.trim().to_owned()).collect(),
                why: why.trim().to_owned(),
            }
        })
        .collect()
}

/// Word ranges of a list of spans.
fn ranges<'a>(spans: impl Iterator<Item = (u32, &'a str)>) -> Vec<(usize, usize)> {
    spans
        .map(|(at, text)| {
            let at = at as usize;
            (at, at + normalize::count_words(text) as usize)
        })
        .collect()
}

#[derive(Default, Debug, Clone, Copy)]
struct Score {
    tp: u32,
    fp: u32,
    fn_: u32,
    positives: u32,
    negatives: u32,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fp)
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fn_)
        }
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Scores `find` on the examples of `name`; returns (development, held out).
fn score(name: &str, find: &dyn Fn(&str) -> Vec<(usize, usize)>) -> (Score, Score) {
    let mut dev = Score::default();
    let mut held = Score::default();
    for (i, ex) in corpus(name).iter().enumerate() {
        let held_out = i % 3 == 2;
        let s = if held_out { &mut held } else { &mut dev };
        if ex.positive {
            s.positives += 1;
        } else {
            s.negatives += 1;
        }
        let found = find(&ex.text);
        let mut wrong = Vec::new();
        for f in &found {
            if ex.marked.iter().any(|m| overlap(*m, *f)) {
                s.tp += 1;
            } else {
                s.fp += 1;
                wrong.push(format!("false positive at {f:?}"));
            }
        }
        for m in &ex.marked {
            if !found.iter().any(|f| overlap(*m, *f)) {
                s.fn_ += 1;
                wrong.push(format!("missed {m:?}"));
            }
        }
        if !held_out && !wrong.is_empty() {
            println!("  {name} #{i} {:?}: {}", ex.text, wrong.join(", "));
        }
    }
    (dev, held)
}

fn check(
    name: &str,
    signal: &str,
    min_p: f64,
    min_r: f64,
    find: &dyn Fn(&str) -> Vec<(usize, usize)>,
) {
    let (dev, held) = score(name, find);
    let all = dev.positives + held.positives;
    let none = dev.negatives + held.negatives;
    assert!(
        all >= 30 && none >= 30,
        "{name}: {all} positive, {none} negative examples; 30 each needed"
    );
    println!(
        "{signal:<12} held out: P {:.2} R {:.2} ({} tp, {} fp, {} fn; {}+/{}-)   development: P {:.2} R {:.2}",
        held.precision(),
        held.recall(),
        held.tp,
        held.fp,
        held.fn_,
        held.positives,
        held.negatives,
        dev.precision(),
        dev.recall(),
    );
    assert!(
        held.precision() >= min_p && held.recall() >= min_r,
        "{signal}: held-out precision {:.2} (min {min_p}), recall {:.2} (min {min_r})",
        held.precision(),
        held.recall()
    );
}

fn ctx() -> Context<'static> {
    Context {
        category: "behavioral",
        question: "Tell me about yourself.",
        ..Context::default()
    }
}

#[test]
fn hedges() {
    check("hedges.txt", "hedges", 0.90, 0.85, &|t| {
        let f = content::analyze(t, &[], &[], &ctx()).unwrap();
        ranges(f.hedges.iter().map(|s| (s.at_word, s.text.as_str())))
    });
}

#[test]
fn overselling() {
    check("oversell.txt", "overselling", 0.90, 0.80, &|t| {
        let f = content::analyze(t, &[], &[], &ctx()).unwrap();
        ranges(f.oversell.iter().map(|s| (s.at_word, s.text.as_str())))
    });
}

#[test]
fn avoid() {
    let bank = avoid_bank();
    let refs: Vec<&Avoid> = bank.iter().collect();
    check("avoid.txt", "avoid", 0.90, 0.80, &|t| {
        let f = content::analyze(t, &[], &refs, &ctx()).unwrap();
        ranges(f.avoid.iter().map(|s| (s.at_word, s.text.as_str())))
    });
}

#[test]
fn fillers() {
    check("fillers.txt", "fillers", 0.90, 0.80, &|t| {
        content::fillers::spans(&normalize::words(t))
            .into_iter()
            .map(|f| (f.at, f.at + f.len))
            .collect()
    });
}
