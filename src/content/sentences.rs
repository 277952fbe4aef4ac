//! Long sentences: more than [`MAX_WORDS`] words between sentence ends.
//!
//! A sentence ends at `.`, `!`, `?`, `;` or a line break. An answer with
//! no sentence end before its last word is not judged at all: fast typing
//! drops punctuation, and one unpunctuated answer is not one long sentence.

use super::LongSentence;
use super::normalize::Word;

/// The most words a sentence may have before it is quoted as long. Written
/// guidance for spoken answers puts sentences well under this; 35 leaves
/// room for a list or a clause and still catches the run-on sentence a
/// listener loses track of.
pub const MAX_WORDS: usize = 35;

/// How many words of a long sentence are quoted.
const OPENING_WORDS: usize = 6;

/// The sentences over [`MAX_WORDS`], in order.
#[must_use]
pub fn long(words: &[Word<'_>], text: &str) -> Vec<LongSentence> {
    let Some((_, body)) = words.split_last() else {
        return Vec::new();
    };
    if !body.iter().any(|w| w.ends_sentence) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if w.ends_sentence || i + 1 == words.len() {
            let len = i + 1 - start;
            if len > MAX_WORDS {
                let last = &words[(start + OPENING_WORDS).min(i + 1) - 1];
                out.push(LongSentence {
                    words: u32::try_from(len).unwrap_or(u32::MAX),
                    at_word: u32::try_from(start).unwrap_or(u32::MAX),
                    opening: text[words[start].start..last.end()].to_owned(),
                });
            }
            start = i + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::normalize::words;
    use super::*;

    fn run(n: usize) -> String {
        vec!["word"; n].join(" ")
    }

    #[test]
    fn over_thirty_five_words_is_long() {
        let text = format!("Short one. {}. Then short.", run(36));
        let got = long(&words(&text), &text);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].words, got[0].at_word), (36, 2));
        assert_eq!(got[0].opening, "word word word word word word");
        let text = format!("Short one. {}.", run(35));
        assert!(long(&words(&text), &text).is_empty());
    }

    #[test]
    fn line_breaks_and_semicolons_end_sentences() {
        let text = format!("{}\n{}; {}", run(30), run(30), run(30));
        assert!(long(&words(&text), &text).is_empty());
    }

    #[test]
    fn unpunctuated_answers_are_not_judged() {
        let text = run(80);
        assert!(long(&words(&text), &text).is_empty());
        let text = format!("{}.", run(80));
        assert!(long(&words(&text), &text).is_empty());
    }
}
