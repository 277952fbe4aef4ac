//! Hedges that weaken a claim: the shields and approximators of Prince,
//! Frader & Bosk (1982) and Hyland (1998), as they turn up in interview
//! answers.
//!
//! Each hedge is a phrase of whole words, joined (no punctuation between
//! them), compared by normalised keys, with a guard where a word has a
//! plain reading too:
//!
//! - **shields** (the speaker's doubt): *I think* (not "I think about/of",
//!   not "what/how/when I think"), *I guess*, *I suppose*, *I believe*
//!   (not "I believe in"), *I feel like*, *I feel that*, *I'd say* and *I
//!   would say* (not before "yes", "no", "to"), *I'd think*, *I would think*, *I reckon*, *I'm not sure*
//!   (also *I am not sure*, *I'm not really sure*), *I don't know if/
//!   whether*, *I could be wrong*, *I might be wrong*, *if that makes
//!   sense*, *I seem to*;
//! - **plausibility adverbs**: *maybe* and *perhaps* (not right before a
//!   figure: "maybe two months" is rounding), *probably*, *possibly*,
//!   *hopefully*, *presumably*, *arguably*;
//! - **approximators of a claim**: *sort of* / *kind of* joined to a verb
//!   or adjective ("I sort of led it", "it was kind of hard"), *somewhat*,
//!   *more or less*, *to some extent*, *to some degree*.
//!
//! Never hedges: an approximate figure ("about 20%", "around three weeks":
//! *about*, *around*, *roughly*, *nearly* are not on the list at all),
//! modal verbs (*would*, *could*, *might* alone: hypothetical questions
//! invite them), and grammatical *kind of* ("what kind of team").

use std::sync::LazyLock;

use super::hash::FastMap as HashMap;
use super::lexicon::Lex;
use super::normalize::Word;

/// Hedges in one answer from which feedback shows a `Hedges:` line: one
/// "I think" is ordinary speech, a second in the same answer is a habit
/// worth hearing about. Every hedge is recorded either way.
pub const SHOWN_FROM: usize = 2;

/// What a "sort of" / "kind of" is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOf {
    /// Joined to a verb or adjective: "I sort of led it".
    Hedge,
    /// Set off by commas: "it was, sort of, fine".
    Filler,
    /// A noun phrase: "what kind of team", "that was kind of you".
    Grammar,
}

/// Words that turn a following "sort of" / "kind of" into a noun phrase.
const NOUN_BEFORE_KIND: &[&str] = &[
    "what",
    "which",
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "any",
    "some",
    "every",
    "each",
    "no",
    "one",
    "same",
    "other",
    "another",
    "different",
    "right",
    "wrong",
    "new",
    "my",
    "your",
    "our",
    "their",
    "his",
    "her",
    "its",
    "first",
    "only",
    "last",
    "next",
    "certain",
    "particular",
    "similar",
    "special",
    "specific",
    "usual",
    "typical",
    "whole",
    "perfect",
    "ideal",
    "real",
    "exact",
    "good",
    "bad",
    "better",
    "worse",
    "best",
    "worst",
    "strange",
    "weird",
    "odd",
    "common",
    "rare",
    "all",
    "many",
    "what",
];

/// After "kind of": the object of "kind of you" (kindness, not a hedge).
const KIND_OF_OBJECT: &[&str] = &["you", "him", "her", "them", "us", "me"];

/// How the "sort of" / "kind of" starting at word `i` reads; `None` when
/// there is none (the two words must be joined: "kind, of" is neither).
/// The one place this is decided, for hedges and fillers both.
#[must_use]
pub fn sort_of_at(words: &[Word<'_>], i: usize) -> Option<SortOf> {
    let first = words.get(i)?;
    let of = words.get(i + 1)?;
    if !matches!(first.key(), "sort" | "kind") || of.key != "of" || of.break_before {
        return None;
    }
    let after = words.get(i + 2);
    let set_off_after = after.is_none_or(|a| a.break_before);
    let set_off_before = i == 0 || first.break_before;
    if set_off_before && set_off_after {
        return Some(SortOf::Filler);
    }
    let prev = (!first.break_before && i > 0).then(|| words[i - 1].key());
    if prev.is_some_and(|p| NOUN_BEFORE_KIND.contains(&p)) {
        return Some(SortOf::Grammar);
    }
    let joined_after = after.filter(|a| !a.break_before);
    if first.key == "kind" && joined_after.is_some_and(|a| KIND_OF_OBJECT.contains(&a.key())) {
        return Some(SortOf::Grammar);
    }
    if set_off_after {
        // "it went well, sort of." trails off: a filler.
        return Some(SortOf::Filler);
    }
    Some(SortOf::Hedge)
}

/// A guard: whether the phrase of `len` words at `i` is a hedge here.
type Guard = fn(&[Word<'_>], usize, usize, &[usize]) -> bool;

fn always(_: &[Word<'_>], _: usize, _: usize, _: &[usize]) -> bool {
    true
}

fn next_joined<'w>(words: &'w [Word<'_>], at: usize) -> Option<&'w str> {
    words
        .get(at)
        .filter(|w| !w.break_before)
        .map(super::normalize::Word::key)
}

fn prev_joined<'w>(words: &'w [Word<'_>], i: usize) -> Option<&'w str> {
    (i > 0 && !words[i].break_before).then(|| words[i - 1].key())
}

fn i_think(words: &[Word<'_>], i: usize, len: usize, _: &[usize]) -> bool {
    let next = next_joined(words, i + len);
    let prev = prev_joined(words, i);
    !next.is_some_and(|n| matches!(n, "about" | "of" | "through" | "back"))
        && !prev.is_some_and(|p| matches!(p, "what" | "how" | "when" | "whenever"))
}

fn i_believe(words: &[Word<'_>], i: usize, len: usize, _: &[usize]) -> bool {
    next_joined(words, i + len) != Some("in")
}

fn i_would_say(words: &[Word<'_>], i: usize, len: usize, _: &[usize]) -> bool {
    // "I would say yes to that offer" reports an answer, not a doubt.
    !next_joined(words, i + len).is_some_and(|n| matches!(n, "yes" | "no" | "to"))
}

fn not_before_figure(_: &[Word<'_>], i: usize, len: usize, figures: &[usize]) -> bool {
    figures.get(i + len).is_none_or(|l| *l == 0)
}

fn adverbial(words: &[Word<'_>], i: usize, _: usize, _: &[usize]) -> bool {
    sort_of_at(words, i) == Some(SortOf::Hedge)
}

/// Every hedge, with its guard.
const RULES: &[(&str, Guard)] = &[
    ("i think", i_think),
    ("i guess", always),
    ("i suppose", always),
    ("i believe", i_believe),
    ("i feel like", always),
    ("i feel that", always),
    ("id say", i_would_say),
    ("i would say", i_would_say),
    ("id think", always),
    ("i would think", always),
    ("i reckon", always),
    ("im not sure", always),
    ("im not really sure", always),
    ("i am not sure", always),
    ("i am not really sure", always),
    ("i dont know if", always),
    ("i dont know whether", always),
    ("i could be wrong", always),
    ("i might be wrong", always),
    ("if that makes sense", always),
    ("i seem to", always),
    ("maybe", not_before_figure),
    ("perhaps", not_before_figure),
    ("probably", always),
    ("possibly", always),
    ("hopefully", always),
    ("presumably", always),
    ("arguably", always),
    ("sort of", adverbial),
    ("kind of", adverbial),
    ("somewhat", always),
    ("more or less", always),
    ("to some extent", always),
    ("to some degree", always),
];

/// The rules by first word, longest phrase first.
type Rules = HashMap<&'static str, Vec<(Vec<&'static str>, Guard)>>;

static BY_FIRST: LazyLock<Rules> = LazyLock::new(|| {
    let mut map: HashMap<&str, Vec<(Vec<&str>, Guard)>> = HashMap::default();
    for (phrase, guard) in RULES {
        let words: Vec<&str> = phrase.split(' ').collect();
        map.entry(words[0]).or_default().push((words, *guard));
    }
    for rules in map.values_mut() {
        rules.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    map
});

/// The phrase list, for documentation and tests.
pub fn phrases() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|(p, _)| *p)
}

/// The first word of each hedge, for [`super::lexicon`]'s flag.
pub(super) fn first_words() -> impl Iterator<Item = &'static str> {
    phrases().filter_map(|p| p.split(' ').next())
}

/// The hedges among `words` as `(first word, length)`, in order, not
/// overlapping. `figures` as [`super::figures::lengths`] gives them.
pub fn find(words: &[Word<'_>], figures: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // Most words open no hedge: their flag says so without a lookup.
        if !words[i].lex.has(Lex::HEDGE) {
            i += 1;
            continue;
        }
        let len = BY_FIRST
            .get(words[i].key())
            .and_then(|rules| {
                rules.iter().find(|(phrase, guard)| {
                    joined_phrase(words, i, phrase) && guard(words, i, phrase.len(), figures)
                })
            })
            .map_or(0, |(phrase, _)| phrase.len());
        if len > 0 {
            out.push((i, len));
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `phrase` is at `i`, its words joined.
pub(super) fn joined_phrase(words: &[Word<'_>], i: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(j, p)| {
        words
            .get(i + j)
            .is_some_and(|w| w.key == *p && (j == 0 || !w.break_before))
    })
}

#[cfg(test)]
mod tests {
    use super::super::figures::lengths;
    use super::super::normalize::words;
    use super::*;

    fn hedges(text: &str) -> Vec<String> {
        let w = words(text);
        find(&w, &lengths(&w))
            .into_iter()
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
    fn shields_and_approximators() {
        assert_eq!(
            hedges("I think maybe I'm kind of good at it"),
            ["i think", "maybe", "kind of"]
        );
        assert_eq!(
            hedges("I’m not sure, hopefully"),
            ["im not sure", "hopefully"]
        );
        assert_eq!(
            hedges("i feel like we probably won"),
            ["i feel like", "probably"]
        );
    }

    #[test]
    fn rounding_modals_and_grammar_are_not_hedges() {
        assert!(hedges("about 20% in around three weeks, maybe two months").is_empty());
        assert!(hedges("I would ask, I could go, I might escalate").is_empty());
        assert!(hedges("what kind of team, a sort of guild, kind of you").is_empty());
        assert!(hedges("I think about it, I believe in it").is_empty());
    }

    #[test]
    fn sort_of_has_one_reading() {
        let read = |t: &str| {
            let w = words(t);
            let i = w
                .iter()
                .position(|w| w.key == "sort" || w.key == "kind")
                .unwrap();
            sort_of_at(&w, i)
        };
        assert_eq!(read("I sort of led it"), Some(SortOf::Hedge));
        assert_eq!(read("it was kind of hard"), Some(SortOf::Hedge));
        assert_eq!(read("it was, sort of, fine"), Some(SortOf::Filler));
        assert_eq!(read("Sort of, yes"), Some(SortOf::Filler));
        assert_eq!(read("what kind of team"), Some(SortOf::Grammar));
        assert_eq!(read("that was kind of you"), Some(SortOf::Grammar));
        assert_eq!(read("kind, of"), None);
    }
}
