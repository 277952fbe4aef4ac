//! Figures: the numbers that make a claim concrete (for `#figure` cues
//! and the `specifics` list).
//!
//! A figure is:
//!
//! - a word whose first letter or digit is a digit: `20`, `20%`, `$2m`,
//!   `3x`, `2019`, `1,200`, `10k`;
//! - a spelled-out number from *two* up (`two` … `nineteen`, `twenty` …
//!   `ninety`, `twenty-five`, `dozen`, `hundred`, `thousand`, `million`,
//!   `billion`, and their runs: `two hundred`);
//! - *one* only before a scale or a unit (`one week`, `one person`), *a*
//!   only before a scale (`a million`): alone they are just words ("one
//!   of us", "a second chance");
//!
//! each with a following scale (`million`…), `percent`/`per cent`, and a
//! unit of time or count (`weeks`, `users`, `people`…) taken into the
//! figure. "About", "around", "roughly" before a figure are honest
//! rounding, never hedges (see [`super::hedges`]).

use super::lexicon::{self, Lex};
use super::normalize::Word;

/// Spelled-out numbers from two up.
pub(super) const SMALL: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
];

/// Scales spelled out: also pieces of a spelled-out number's run.
pub(super) const SPELLED_SCALES: &[&str] = &[
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
];

/// Scales written short, after digits ("10 k", "2 m").
pub(super) const SHORT_SCALES: &[&str] = &["k", "m", "bn"];

/// Units taken into a figure; after "one" or "a" they make it one.
pub(super) const UNITS: &[&str] = &[
    "percent",
    "seconds",
    "second",
    "minutes",
    "minute",
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "quarters",
    "quarter",
    "years",
    "year",
    "people",
    "person",
    "engineers",
    "users",
    "customers",
    "clients",
    "teams",
    "team",
    "members",
    "times",
    "dollars",
    "euros",
    "pounds",
    "points",
    "releases",
    "projects",
    "sprints",
    "tickets",
    "servers",
];

/// Whether `w` is a spelled-out number from two up, or a run piece. The
/// lists' flags come with the word ([`Lex`]); only a hyphenated word
/// ("twenty-five") is looked up again, by its halves.
fn spelled(w: &Word<'_>) -> bool {
    w.lex.has(Lex::SMALL.with(Lex::SCALE_WORD))
        || w.key
            .split_once('-')
            .is_some_and(|(a, b)| lexicon::of(a).has(Lex::SMALL) && lexicon::of(b).has(Lex::SMALL))
}

fn numeric(w: &Word<'_>) -> bool {
    w.core.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// For each word, how many words the figure starting there spans (0 for
/// none). A word inside a figure is 0: figures do not overlap.
#[must_use]
pub fn lengths(words: &[Word<'_>]) -> Vec<usize> {
    let mut out = vec![0; words.len()];
    let mut i = 0;
    while i < words.len() {
        let len = figure_at(words, i);
        if len > 0 {
            out[i] = len;
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

/// Words of the figure starting at `i` (0 for none).
fn figure_at(words: &[Word<'_>], i: usize) -> usize {
    let w = &words[i];
    let k = w.key();
    // Words joined to the one before: "two hundred", "20 percent".
    let joined = |j: usize| words.get(j).filter(|n| !n.break_before);
    let mut end = if numeric(w) || spelled(w) {
        i + 1
    } else if matches!(k, "one" | "a" | "an") {
        // "a million", "one week"; not "a team", "a second chance".
        let unit_ok = k == "one";
        match joined(i + 1) {
            Some(n) if spelled(n) || (unit_ok && n.lex.has(Lex::UNIT)) => i + 1,
            _ => return 0,
        }
    } else {
        return 0;
    };
    while joined(end).is_some_and(|n| spelled(n) || n.lex.has(Lex::SCALE)) {
        end += 1;
    }
    if joined(end).is_some_and(|n| n.key == "per")
        && joined(end + 1).is_some_and(|n| n.key == "cent")
    {
        end += 2;
    } else if joined(end).is_some_and(|n| n.lex.has(Lex::UNIT)) {
        end += 1;
    }
    end - i
}

#[cfg(test)]
mod tests {
    use super::super::normalize::words;
    use super::*;

    fn figures(text: &str) -> Vec<String> {
        let w = words(text);
        lengths(&w)
            .iter()
            .enumerate()
            .filter(|(_, l)| **l > 0)
            .map(|(i, l)| {
                w[i..i + l]
                    .iter()
                    .map(super::super::normalize::Word::key)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn digits_percentages_money_years() {
        assert_eq!(figures("cut costs by 20% in 2019"), ["20", "2019"]);
        assert_eq!(figures("saved $2m and 1,200 hours"), ["2m", "1,200 hours"]);
        assert_eq!(figures("3x faster, 10k users"), ["3x", "10k users"]);
    }

    #[test]
    fn spelled_out_numbers() {
        assert_eq!(figures("in three weeks"), ["three weeks"]);
        assert_eq!(figures("two hundred people"), ["two hundred people"]);
        assert_eq!(figures("twenty-five percent"), ["twenty-five percent"]);
        assert_eq!(figures("forty per cent of them"), ["forty per cent"]);
        assert_eq!(figures("a million users"), ["a million users"]);
        assert_eq!(figures("one week later"), ["one week"]);
    }

    #[test]
    fn one_alone_and_plain_words_are_not_figures() {
        assert!(figures("one of us, a team, the first time, someone").is_empty());
        assert!(figures("it was a second chance").is_empty());
        assert!(figures("we often met").is_empty());
    }

    #[test]
    fn punctuation_ends_a_figure() {
        assert_eq!(figures("we hired three. Weeks later"), ["three"]);
    }
}
