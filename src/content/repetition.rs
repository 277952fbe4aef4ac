//! Repetition: the same content word too often for a listener not to
//! notice.
//!
//! Words are folded by the Snowball English stemmer ("manage", "managed",
//! "managing" are one word); stopwords ([`super::language`]),
//! words of fewer than three letters, figures and the question's own words
//! are left out (answering "Tell me about a project" may say "project").
//! A word is repeated when it comes at least [`MIN_COUNT`] times *and* at
//! least [`PER_100_WORDS`] times per 100 words of the answer: four times
//! in a short answer is heard, four times in a long one is not.

use rust_stemmers::{Algorithm, Stemmer};

use super::Repeated;
use super::hash::{FastMap, FastSet, WordMap};
use super::lexicon::Lex;
use super::normalize::{Word, words as split};

/// Fewest uses that count as repetition.
pub const MIN_COUNT: u32 = 4;
/// Fewest uses per 100 words that count as repetition.
pub const PER_100_WORDS: u32 = 3;

/// Whether `w` is a word repetition looks at: three letters or more,
/// letters and hyphens only, not a stopword.
fn content_word(w: &Word<'_>) -> bool {
    if w.lex.has(Lex::ENGLISH) {
        return false;
    }
    let key = w.key();
    if key.is_ascii() {
        let b = key.as_bytes();
        return b.iter().all(|c| c.is_ascii_alphabetic() || *c == b'-')
            && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 3;
    }
    key.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && key.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// The English stemmer.
#[must_use]
pub fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

/// The stems of `question`'s words: never counted as repetition.
#[must_use]
pub fn question_stems(question: &str) -> FastSet<String> {
    let stemmer = stemmer();
    split(question)
        .iter()
        .map(|w| stemmer.stem(&w.key).into_owned())
        .collect()
}

/// The first three characters of `key` (all of it if shorter).
fn head(key: &str) -> &str {
    if key.len() >= 3 && key.as_bytes()[..3].is_ascii() {
        return &key[..3];
    }
    key.char_indices().nth(3).map_or(key, |(i, _)| &key[..i])
}

/// The repeated words of an answer, most used first (ties in order of
/// first use); `skip` as [`question_stems`] gives it.
#[must_use]
pub fn find(words: &[Word<'_>], skip: &FastSet<String>) -> Vec<Repeated> {
    let total = u64::try_from(words.len()).unwrap_or(u64::MAX);
    // Uses needed: both thresholds at once.
    let needed = u64::from(MIN_COUNT).max((u64::from(PER_100_WORDS) * total).div_ceil(100));
    // Count each written form once, then stem only forms that could reach
    // the threshold. Snowball's English stemmer only rewrites the end of a
    // word, so forms folded together share their first three letters: a
    // group of forms with the same three letters and too few uses in all
    // cannot hold a repeated word. (Stemming is the analyzer's dearest
    // step; this skips most of it.) The stemmer's own exceptions
    // "dying/die", "lying/lie", "tying/tie" are thereby counted apart.
    // Groups first (a short key, cheap to hash), then the written forms of
    // only those groups that reach the threshold: usually none or a few.
    let content: Vec<(usize, &str)> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| content_word(w))
        .map(|(i, w)| (i, w.key()))
        .collect();
    let mut groups: WordMap<u64> = WordMap::with_capacity(content.len());
    for (_, key) in &content {
        *groups.get_or_insert_with(head(key), || 0) += 1;
    }
    let mut forms: FastMap<&str, (u32, usize)> = FastMap::default();
    for (i, key) in content {
        if groups.get(head(key)).is_some_and(|g| g >= needed) {
            forms.entry(key).or_insert((0, i)).0 += 1;
        }
    }
    let stemmer = stemmer();
    // stem -> (count, first index, first form)
    let mut stems: FastMap<String, (u32, usize, &str)> = FastMap::default();
    for (form, (n, first)) in forms {
        let stem = stemmer.stem(form).into_owned();
        if skip.contains(&stem) {
            continue;
        }
        let e = stems.entry(stem).or_insert((0, first, form));
        e.0 += n;
        if first < e.1 {
            (e.1, e.2) = (first, form);
        }
    }
    let mut out: Vec<(u32, usize, &str)> = stems
        .into_values()
        .filter(|(n, _, _)| u64::from(*n) >= needed)
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
        find(&split(text), &question_stems(question))
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
