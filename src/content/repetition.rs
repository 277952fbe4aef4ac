//! Repetition: the same content word too often for a listener not to
//! notice.
//!
//! Words are folded by the Snowball English stemmer ("manage", "managed",
//! "managing" are one word); stopwords ([`super::language::is_stopword`]),
//! words of fewer than three letters, figures and the question's own words
//! are left out (answering "Tell me about a project" may say "project").
//! A word is repeated when it comes at least [`MIN_COUNT`] times *and* at
//! least [`PER_100_WORDS`] times per 100 words of the answer: four times
//! in a short answer is heard, four times in a long one is not.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use super::Repeated;
use super::language::is_stopword;
use super::normalize::{Word, words as split};

/// Fewest uses that count as repetition.
pub const MIN_COUNT: u32 = 4;
/// Fewest uses per 100 words that count as repetition.
pub const PER_100_WORDS: u32 = 3;

/// Whether `key` is a word repetition looks at.
fn content_word(key: &str) -> bool {
    key.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && key.chars().all(|c| c.is_alphabetic() || c == '-')
        && !is_stopword(key)
}

/// The stems of `question`'s words.
pub fn question_stems(stemmer: &Stemmer, question: &str) -> HashSet<String> {
    split(question)
        .iter()
        .map(|w| stemmer.stem(&w.key).into_owned())
        .collect()
}

/// The English stemmer.
pub fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

/// The repeated words, most used first (ties in order of first use).
pub fn find(words: &[Word<'_>], question: &str) -> Vec<Repeated> {
    let stemmer = stemmer();
    let skip = question_stems(&stemmer, question);
    // stem -> (count, first index, first form)
    let mut counts: HashMap<String, (u32, usize, &str)> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        if !content_word(&w.key) {
            continue;
        }
        let stem = stemmer.stem(&w.key);
        if skip.contains(stem.as_ref()) {
            continue;
        }
        counts
            .entry(stem.into_owned())
            .or_insert((0, i, w.key.as_str()))
            .0 += 1;
    }
    let total = u32::try_from(words.len()).unwrap_or(u32::MAX);
    let mut out: Vec<(u32, usize, &str)> = counts
        .into_values()
        .filter(|(n, _, _)| {
            *n >= MIN_COUNT && u64::from(*n) * 100 >= u64::from(PER_100_WORDS) * u64::from(total)
        })
        .collect();
    out.sort_by_key(|(n, first, _)| (std::cmp::Reverse(*n), *first));
    out.into_iter()
        .map(|(count, _, word)| Repeated {
            word: word.to_owned(),
            count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rep(text: &str, question: &str) -> Vec<(String, u32)> {
        find(&split(text), question)
            .into_iter()
            .map(|r| (r.word, r.count))
            .collect()
    }

    #[test]
    fn forms_fold_and_the_threshold_holds() {
        let text = "I managed the team. Managing is hard. I manage people and they manage me.";
        assert_eq!(rep(text, ""), [("managed".to_string(), 4)]);
        let three = "We shipped. We shipped again. We shipped once more.";
        assert!(rep(three, "").is_empty());
    }

    #[test]
    fn the_rate_matters_in_long_answers() {
        let filler = vec!["alpha beta gamma delta epsilon"; 30].join(" ");
        let text = format!("{filler} deadline deadline deadline deadline");
        // 4 uses in 154 words is under 3 per 100.
        assert!(rep(&text, "").iter().all(|(w, _)| w != "deadline"));
    }

    #[test]
    fn stopwords_and_question_words_are_left_out() {
        let text = "the project was a project and the project made the project work";
        assert!(rep(text, "Tell me about a project you led").is_empty());
        assert_eq!(rep(text, "Tell me about a failure").len(), 1);
    }
}
