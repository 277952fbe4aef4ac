//! The one word rule, and words normalised for matching.
//!
//! A **word** is a whitespace-separated token with at least one letter or
//! digit ("—" or "👍" alone is not a word; text without spaces, as in
//! Chinese, is one word per run). Every position in content findings
//! (`at_word`) and the drill's word count use this rule.
//!
//! For matching, a word is trimmed of punctuation at both ends,
//! lower-cased, and stripped of apostrophes (straight `'`, curly `’` `‘`,
//! and `ʼ`), so `dont`, `don't` and `don’t` are one word.

use std::borrow::Cow;

/// Apostrophes ignored in matching.
const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{2018}', '\u{2bc}'];

/// Characters that end a sentence when they follow a word.
const SENTENCE_ENDS: [char; 4] = ['.', '!', '?', ';'];

/// The tokens of `text` that count as words, with the byte offset each
/// starts at.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // Each token is a slice of `text`, so its offset is the distance
    // between the two starts.
    let base = text.as_ptr() as usize;
    text.split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .map(move |w| (w.as_ptr() as usize - base, w))
}

/// How many words `text` has.
pub fn count_words(text: &str) -> u32 {
    u32::try_from(word_spans(text).count()).unwrap_or(u32::MAX)
}

/// One word of an answer, with what the rules need to know about it.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// The token as written (punctuation included).
    pub raw: &'a str,
    /// The token trimmed of punctuation at both ends.
    pub core: &'a str,
    /// Byte offset of `raw` in the text.
    pub start: usize,
    /// Lower-cased `core` without apostrophes: what cues compare
    /// (borrowed from the text when it is that already, as most words are).
    pub key: Cow<'a, str>,
    /// Punctuation (or a lone dash, ellipsis…) separates it from the word
    /// before: "you, know" is not "you know".
    pub break_before: bool,
    /// A comma (or dash, parenthesis…) right before it, not a sentence end.
    pub comma_before: bool,
    /// A sentence ends right after it (`.`, `!`, `?`, `;` or a line break).
    pub ends_sentence: bool,
    /// Written with a capital first letter.
    pub capital: bool,
}

impl Word<'_> {
    /// [`Word::key`] as a `&str`.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Byte offset just past the token.
    pub fn end(&self) -> usize {
        self.start + self.raw.len()
    }
}

/// `w` trimmed, lower-cased and without apostrophes (see the module docs).
pub fn key(w: &str) -> String {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    let mut out = String::with_capacity(core.len());
    if core.is_ascii() {
        // The common case, byte by byte.
        out.extend(
            core.bytes()
                .filter(|b| *b != b'\'')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return out;
    }
    for c in core.chars() {
        if APOSTROPHES.contains(&c) {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// [`key`] of a word's core, borrowed when nothing changes.
fn key_of(core: &str) -> Cow<'_, str> {
    if core.bytes().all(|b| {
        b.is_ascii_lowercase() || b.is_ascii_digit() || (b.is_ascii_punctuation() && b != b'\'')
    }) {
        Cow::Borrowed(core)
    } else {
        Cow::Owned(key(core))
    }
}

/// The words of `text`.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word<'_>> = Vec::new();
    // Punctuation seen since the last word: (any, sentence end).
    let mut pending = (false, false);
    let mut last_end = 0;
    for raw in text.split_whitespace() {
        let start = raw.as_ptr() as usize - text.as_ptr() as usize;
        let gap = &text[last_end..start];
        let newline = gap.contains('\n');
        let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            // A lone "—" or "…": a break between its neighbours.
            pending.0 = true;
            pending.1 |= raw.contains(SENTENCE_ENDS) || newline;
            if let Some(prev) = out.last_mut() {
                prev.ends_sentence |= pending.1;
            }
            last_end = start + raw.len();
            continue;
        }
        let core_at = core.as_ptr() as usize - raw.as_ptr() as usize;
        let lead = &raw[..core_at];
        let trail = &raw[core_at + core.len()..];
        if let Some(prev) = out.last_mut() {
            prev.ends_sentence |= newline || lead.contains(SENTENCE_ENDS);
        }
        let sentence_before = out.last().is_some_and(|p| p.ends_sentence);
        let break_before = pending.0 || !lead.is_empty() || newline;
        out.push(Word {
            raw,
            core,
            start,
            key: key_of(core),
            break_before: break_before || sentence_before,
            comma_before: break_before && !sentence_before,
            ends_sentence: trail.contains(SENTENCE_ENDS),
            capital: core.chars().next().is_some_and(char::is_uppercase),
        });
        pending = (!trail.is_empty(), false);
        last_end = start + raw.len();
    }
    // A line break after the last word ends its sentence too.
    if let Some(prev) = out.last_mut() {
        prev.ends_sentence |= text[last_end..].contains('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_rule() {
        assert_eq!(count_words("— 👍 ... hi! 3 x-y"), 3);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  \t\n "), 0);
        assert_eq!(count_words("工程师是"), 1);
    }

    #[test]
    fn keys_ignore_case_punctuation_and_apostrophes() {
        assert_eq!(key("Don't,"), "dont");
        assert_eq!(key("DON’T"), "dont");
        assert_eq!(key("(dont)"), "dont");
        assert_eq!(key("‘Results’"), "results");
        assert_eq!(key("x-y"), "x-y");
        assert_eq!(key("İ"), "i\u{307}");
    }

    #[test]
    fn breaks_and_sentence_ends() {
        let w = words("It was, sort of, fine. Then — we\nshipped");
        let keys: Vec<&str> = w.iter().map(Word::key).collect();
        assert_eq!(
            keys,
            ["it", "was", "sort", "of", "fine", "then", "we", "shipped"]
        );
        assert!(w[2].break_before && w[2].comma_before);
        assert!(!w[3].break_before);
        assert!(w[4].comma_before);
        assert!(w[4].ends_sentence);
        assert!(w[5].break_before && !w[5].comma_before);
        assert!(w[6].comma_before, "a dash is a break, not a sentence end");
        assert!(w[6].ends_sentence, "a line break ends a sentence");
        assert!(!w[7].comma_before);
        assert_eq!(
            &"It was, sort of, fine. Then — we\nshipped"[w[7].start..w[7].end()],
            "shipped"
        );
    }
}
