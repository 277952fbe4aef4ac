//! Overselling: superlative claims about oneself, a curated list.
//!
//! Each entry is a phrase of whole words, joined, compared by normalised
//! keys. An entry right after a negation ("I wasn't the smartest person")
//! is not a claim. The list:
//!
//! - perfection: *I never make mistakes* (and *a mistake*), *I don't make
//!   mistakes*, *I've never made a mistake*, *I never fail*, *I have never
//!   failed*, *I never get it wrong*, *I never miss a deadline*, *I'm
//!   perfect*, *I'm the perfect candidate*, *flawless*/*flawlessly* (not "a
//!   flawless plan", not what someone tried or aimed to make flawless);
//! - no weakness: *I don't have any weaknesses*, *I have no weaknesses*,
//!   *I can't think of any weaknesses*;
//! - the best: *I'm the best* (also *I am*), *the best candidate*, *the
//!   best person for*, *the best performer*, *the smartest person*,
//!   *better than anyone/everyone* (with "I" before it in the sentence),
//!   *nobody/no one does it better*;
//! - everything: *I know everything*, *I can do anything/everything*, *I'm
//!   good at everything*, *I excel at everything*, *I'm always right*, *I
//!   always deliver*, *I never need help*, *single-handedly*.
//!
//! "The best part of the job", "I try to do my best", "the best decision
//! we made" are not on it: they claim nothing about the speaker.

use std::sync::LazyLock;

use super::hash::FastMap as HashMap;
use super::hedges::joined_phrase;
use super::lexicon::Lex;
use super::normalize::Word;

/// Words that turn a following claim into its denial.
const NEGATIONS: &[&str] = &[
    "not", "wasnt", "isnt", "arent", "werent", "never", "no", "hardly", "neither", "nor",
];

/// The phrases (normalised keys).
const PHRASES: &[&str] = &[
    "i never make mistakes",
    "i never make a mistake",
    "i dont make mistakes",
    "i never make any mistakes",
    "ive never made a mistake",
    "i have never made a mistake",
    "i never fail",
    "i have never failed",
    "ive never failed",
    "i never get it wrong",
    "i never miss a deadline",
    "i never miss deadlines",
    "i have never missed a deadline",
    "ive never missed a deadline",
    "im perfect",
    "i am perfect",
    "im the perfect candidate",
    "i am the perfect candidate",
    "the perfect candidate",
    "flawless",
    "flawlessly",
    "i dont have any weaknesses",
    "i dont have weaknesses",
    "i have no weaknesses",
    "i have no weakness",
    "i cant think of any weaknesses",
    "i cant think of a weakness",
    "i cant think of any weakness",
    "im the best",
    "i am the best",
    "im flawless",
    "i am flawless",
    "the best candidate",
    "the best person for",
    "the best performer",
    "the smartest person",
    "better than anyone",
    "better than everyone",
    "nobody does it better",
    "no one does it better",
    "i know everything",
    "i can do anything",
    "i can do everything",
    "im good at everything",
    "i am good at everything",
    "i excel at everything",
    "im always right",
    "i am always right",
    "i always deliver",
    "i never need help",
    "single-handedly",
    "singlehandedly",
];

/// The phrases by first word, longest first.
static BY_FIRST: LazyLock<HashMap<&'static str, Vec<Vec<&'static str>>>> = LazyLock::new(|| {
    let mut map: HashMap<&str, Vec<Vec<&str>>> = HashMap::default();
    for phrase in PHRASES {
        let words: Vec<&str> = phrase.split(' ').collect();
        map.entry(words[0]).or_default().push(words);
    }
    for list in map.values_mut() {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    map
});

/// The phrase list, for documentation and tests.
#[must_use]
pub fn phrases() -> &'static [&'static str] {
    PHRASES
}

/// The first word of each claim, for [`super::lexicon`]'s flag.
pub(super) fn first_words() -> impl Iterator<Item = &'static str> {
    PHRASES.iter().filter_map(|p| p.split(' ').next())
}

/// Whether the phrase at `i` is a claim here (see the module docs).
fn claims(words: &[Word<'_>], i: usize, phrase: &[&str]) -> bool {
    let prev = |back: usize| {
        (i >= back && !words[i + 1 - back].break_before).then(|| words[i - back].key())
    };
    if prev(1).is_some_and(|p| NEGATIONS.contains(&p)) {
        return false;
    }
    // The sentence so far, nearest first.
    let before = words[..i]
        .iter()
        .rev()
        .take_while(|w| !w.ends_sentence)
        .map(super::normalize::Word::key);
    match phrase[0] {
        "better" => before
            .take(4)
            .any(|k| matches!(k, "i" | "im" | "ive" | "me")),
        "flawless" | "flawlessly" => {
            !prev(1).is_some_and(|p| matches!(p, "a" | "an"))
                && !before.take(4).any(|k| {
                    matches!(
                        k,
                        "make" | "made" | "makes" | "making" | "try" | "tried" | "tries" | "trying"
                    ) || k.starts_with("aim")
                })
        }
        _ => true,
    }
}

/// The overselling claims among `words` as `(first word, length)`, in
/// order, not overlapping.
pub fn find(words: &[Word<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // Most words open no claim: their flag says so without a lookup.
        if !words[i].lex.has(Lex::OVERSELL) {
            i += 1;
            continue;
        }
        let len = BY_FIRST
            .get(words[i].key())
            .and_then(|list| {
                list.iter()
                    .find(|p| joined_phrase(words, i, p) && claims(words, i, p))
            })
            .map_or(0, Vec::len);
        if len > 0 {
            out.push((i, len));
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::normalize::words;
    use super::*;

    fn oversell(text: &str) -> usize {
        find(&words(text)).len()
    }

    #[test]
    fn superlative_claims() {
        assert_eq!(
            oversell("I'm the best at this and I never make mistakes"),
            2
        );
        assert_eq!(oversell("Honestly I don’t have any weaknesses"), 1);
        assert_eq!(oversell("my work is flawless"), 1);
    }

    #[test]
    fn not_claims() {
        assert_eq!(oversell("The best part of the job is the people"), 0);
        assert_eq!(oversell("I wasn't the smartest person in the room"), 0);
        assert_eq!(oversell("She was better than anyone I hired"), 0);
        assert_eq!(
            oversell("We tried to make it flawless. A flawless plan is rare"),
            0
        );
    }
}
