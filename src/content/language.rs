//! English or not: the share of English stopwords among an answer's words.
//!
//! Every content rule is written for English, so an answer in another
//! language gets no findings (never "0 hedges"). The test is deliberately
//! small and readable rather than a statistical detector: function words
//! ("the", "and", "to", "I", "was"…) make up a third to a half of any
//! English prose, typed fast or not, and almost none of other languages'.
//! A trigram detector such as `whatlang` guesses among seventy languages
//! and is unreliable on the short, list-like answers people type; here the
//! only question is English-or-not, and a keyword list ("Rust, Go, AWS")
//! must stay English.
//!
//! The rule: an answer is **other** when most of its letters are outside
//! the Latin alphabet, or when it has at least [`MIN_WORDS`] words, under
//! [`MIN_SHARE`] of them are English stopwords, and more of them are
//! common function words of Spanish, French, German, Italian, Portuguese
//! or Dutch than English ones. Everything else is English.

use super::Language;
use super::lexicon::{self, Lex};
use super::normalize::Word;

/// Fewer words than this are judged by their script alone.
pub const MIN_WORDS: usize = 6;
/// English prose is far above this share of stopwords.
pub const MIN_SHARE: f64 = 0.2;

/// English stopwords (normalised: no apostrophes). Also excluded from
/// repetition.
pub(super) const ENGLISH: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "arent",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cant",
    "could",
    "couldnt",
    "did",
    "didnt",
    "do",
    "does",
    "doesnt",
    "doing",
    "dont",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "hadnt",
    "has",
    "hasnt",
    "have",
    "havent",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "id",
    "if",
    "ill",
    "im",
    "in",
    "into",
    "is",
    "isnt",
    "it",
    "its",
    "itself",
    "ive",
    "just",
    "like",
    "me",
    "more",
    "most",
    "much",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "really",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "thats",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "theres",
    "these",
    "they",
    "theyre",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "wasnt",
    "we",
    "were",
    "werent",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "wont",
    "would",
    "wouldnt",
    "you",
    "your",
    "youre",
    "yours",
    "yourself",
    "yourselves",
    "well",
    "yes",
    "yeah",
    "um",
    "uh",
    "ok",
    "okay",
    "lot",
    "thing",
    "things",
    "way",
    "one",
    "make",
    "made",
    "going",
    "want",
    "wanted",
    "know",
    "think",
    "said",
    "say",
];

/// Function words of the languages an English-speaking user most likely
/// also writes, leaving out those shared with English ("a", "in", "no").
pub(super) const OTHER: &[&str] = &[
    // Spanish
    "el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una", "es", "por", "con",
    "para", "lo", "se", "su", "al", "mi", "pero", "yo", "muy", "fue", "como", "mas",
    // French
    "le", "les", "des", "et", "est", "une", "du", "je", "pas", "il", "nous", "mais", "pour", "avec",
    "qui", "dans", "ce", "cest", "sur", "jai", "etait", "tres", // German
    "der", "die", "das", "und", "ist", "ich", "nicht", "ein", "eine", "zu", "mit", "den", "auf",
    "wir", "es", "sich", "auch", "dem", "war", "habe", "ja", "aber", "wie",
    // Italian, Portuguese, Dutch
    "il", "di", "che", "non", "sono", "per", "della", "ho", "um", "uma", "os", "e", "nao", "em",
    "het", "een", "ik", "niet", "en", "van", "dat", "zijn", "wij",
];

/// Whether `key` (a normalised word) is an English stopword.
#[must_use]
pub fn is_stopword(key: &str) -> bool {
    lexicon::of(key).has(Lex::ENGLISH)
}

/// The language `words` are read as (see the module docs).
pub fn detect(words: &[Word<'_>]) -> Language {
    let (mut latin, mut letters) = (0usize, 0usize);
    // An all-ASCII answer is all Latin letters: nothing to count.
    let ascii = words.iter().all(|w| w.core.is_ascii());
    for w in words.iter().filter(|_| !ascii) {
        if w.core.is_ascii() {
            let n = w.core.bytes().filter(u8::is_ascii_alphabetic).count();
            latin += n;
            letters += n;
            continue;
        }
        for c in w.core.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            // Latin script: ASCII and the Latin-1/Extended-A/B letters.
            if (c as u32) < 0x250 {
                latin += 1;
            }
        }
    }
    if letters > 0 && latin * 2 < letters {
        return Language::Other;
    }
    if words.len() < MIN_WORDS {
        return Language::English;
    }
    let (mut english, mut other) = (0usize, 0usize);
    for w in words {
        // Tagged once by the word rule: no lookup here.
        english += usize::from(w.lex.has(Lex::ENGLISH));
        other += usize::from(w.lex.has(Lex::OTHER));
    }
    #[allow(clippy::cast_precision_loss)] // word counts are far below 2^52
    let share = english as f64 / words.len() as f64;
    if share < MIN_SHARE && other > english {
        Language::Other
    } else {
        Language::English
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalize::words;
    use super::*;

    fn lang(t: &str) -> Language {
        detect(&words(t))
    }

    #[test]
    fn english_typed_fast_or_listed_is_english() {
        assert_eq!(
            lang("i led the migration and we cut costs by a third"),
            Language::English
        );
        assert_eq!(
            lang("Rust, Go, Kubernetes, AWS, Terraform, Postgres, Kafka"),
            Language::English
        );
        assert_eq!(lang("yes"), Language::English);
    }

    #[test]
    fn other_languages() {
        assert_eq!(
            lang("Mi mayor debilidad es que me cuesta delegar tareas en el equipo"),
            Language::Other
        );
        assert_eq!(
            lang("Je suis très organisé et je travaille bien avec les autres"),
            Language::Other
        );
        assert_eq!(
            lang("Ich arbeite gern im Team und habe viel Erfahrung mit der Cloud"),
            Language::Other
        );
        assert_eq!(lang("我最大的缺点是不善于授权"), Language::Other);
        assert_eq!(lang("Моя самая большая слабость"), Language::Other);
    }
}
