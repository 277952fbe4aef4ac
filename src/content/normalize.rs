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

use super::lexicon::{self, Lex};

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
#[must_use]
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
    /// What the built-in word lists say about `key`, looked up once here
    /// so no rule looks it up again.
    pub lex: Lex,
}

impl Word<'_> {
    /// [`Word::key`] as a `&str`.
    #[must_use]
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Byte offset just past the token.
    #[must_use]
    pub fn end(&self) -> usize {
        self.start + self.raw.len()
    }
}

/// `w` trimmed, lower-cased and without apostrophes (see the module docs).
#[must_use]
pub fn key(w: &str) -> String {
    let mut out = String::new();
    key_into(w, &mut out);
    out
}

/// [`key`] written into `out` (cleared first), to reuse one buffer.
pub fn key_into(w: &str, out: &mut String) {
    out.clear();
    let core = trim(w).0;
    if core.is_ascii() {
        // The common case: lower-cased as a whole, then any apostrophe
        // taken out (rare).
        out.push_str(core);
        out.make_ascii_lowercase();
        if core.contains('\'') {
            out.retain(|c| c != '\'');
        }
        return;
    }
    out.reserve(core.len());
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
}

/// [`key`] of a word's core and what the built-in lists say about it,
/// with one lookup. The key is borrowed, not allocated, when it is the
/// core already (most words) or a listed word (its spelling in the
/// table: "I", "The", "Don't"); only other words written with capitals
/// or apostrophes get a string of their own.
fn key_and_lex(core: &str) -> (Cow<'_, str>, Lex) {
    let bytes = core.as_bytes();
    if !core.is_ascii() {
        let owned = key(core);
        return match lexicon::lookup(&owned) {
            Some((listed, lex)) => (Cow::Borrowed(listed), lex),
            None => (Cow::Owned(owned), Lex::NONE),
        };
    }
    if !bytes.iter().any(|b| b.is_ascii_uppercase() || *b == b'\'') {
        return (Cow::Borrowed(core), lexicon::of(core));
    }
    // Lower-case on the stack first: a listed word needs no allocation.
    let mut buf = [0u8; lexicon::LONGEST];
    let mut len = 0;
    for &b in bytes.iter().filter(|b| **b != b'\'') {
        if len == buf.len() {
            return (Cow::Owned(key(core)), Lex::NONE);
        }
        buf[len] = b.to_ascii_lowercase();
        len += 1;
    }
    let lower = std::str::from_utf8(&buf[..len]).unwrap_or_default();
    match lexicon::lookup(lower) {
        Some((listed, lex)) => (Cow::Borrowed(listed), lex),
        None => (Cow::Owned(lower.to_owned()), Lex::NONE),
    }
}

/// Whether `c` is whitespace by `char::is_whitespace`, for an ASCII byte.
fn ascii_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Whether `s` holds a sentence end (all of them are ASCII).
fn has_sentence_end(s: &str) -> bool {
    s.bytes().any(|b| SENTENCE_ENDS.contains(&char::from(b)))
}

/// `raw` trimmed of punctuation at both ends, and where the core starts.
fn trim(raw: &str) -> (&str, usize) {
    if raw.is_ascii() {
        let b = raw.as_bytes();
        let Some(from) = b.iter().position(u8::is_ascii_alphanumeric) else {
            return ("", raw.len());
        };
        let to = b
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .map_or(from, |t| t + 1);
        return (&raw[from..to], from);
    }
    let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
    (core, core.as_ptr() as usize - raw.as_ptr() as usize)
}

/// The words of `text`, each tagged with what the built-in lists say
/// about it ([`Word::lex`]): the one pass every rule shares.
#[must_use]
pub fn words(text: &str) -> Vec<Word<'_>> {
    // English runs five to six bytes a word: room for one every four, so
    // the list is allocated once, not grown and copied.
    let mut split = Split {
        out: Vec::with_capacity(text.len() / 4 + 1),
        pending: (false, false),
    };
    if text.is_ascii() {
        // The common case, byte by byte.
        let bytes = text.as_bytes();
        let (mut i, mut newline) = (0, false);
        while i < bytes.len() {
            if ascii_space(bytes[i]) {
                newline |= bytes[i] == b'\n';
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && !ascii_space(bytes[i]) {
                i += 1;
            }
            split.token(&text[start..i], start, newline);
            newline = false;
        }
        split.finish(newline);
    } else {
        let mut last_end = 0;
        for raw in text.split_whitespace() {
            let start = raw.as_ptr() as usize - text.as_ptr() as usize;
            split.token(raw, start, text[last_end..start].contains('\n'));
            last_end = start + raw.len();
        }
        split.finish(text[last_end..].contains('\n'));
    }
    split.out
}

/// The state of [`words`] between tokens.
struct Split<'a> {
    out: Vec<Word<'a>>,
    /// Punctuation seen since the last word: (any, sentence end).
    pending: (bool, bool),
}

impl<'a> Split<'a> {
    /// Takes the token `raw` at byte `start`; `newline` when a line break
    /// separates it from the token before.
    fn token(&mut self, raw: &'a str, start: usize, newline: bool) {
        let (core, core_at) = trim(raw);
        let out = &mut self.out;
        if core.is_empty() {
            // A lone "—" or "…": a break between its neighbours.
            self.pending.0 = true;
            self.pending.1 |= has_sentence_end(raw) || newline;
            if let Some(prev) = out.last_mut() {
                prev.ends_sentence |= self.pending.1;
            }
            return;
        }
        let lead = &raw[..core_at];
        let trail = &raw[core_at + core.len()..];
        if let Some(prev) = out.last_mut() {
            prev.ends_sentence |= newline || has_sentence_end(lead);
        }
        let sentence_before = out.last().is_some_and(|p| p.ends_sentence);
        let break_before = self.pending.0 || !lead.is_empty() || newline;
        let (key, lex) = key_and_lex(core);
        let capital = match core.as_bytes()[0] {
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => core.chars().next().is_some_and(char::is_uppercase),
        };
        out.push(Word {
            raw,
            core,
            start,
            key,
            break_before: break_before || sentence_before,
            comma_before: break_before && !sentence_before,
            ends_sentence: has_sentence_end(trail),
            capital,
            lex,
        });
        self.pending = (!trail.is_empty(), false);
    }

    /// Ends the text; `newline` when a line break follows the last token
    /// (it ends the last word's sentence too).
    fn finish(&mut self, newline: bool) {
        if let Some(prev) = self.out.last_mut() {
            prev.ends_sentence |= newline;
        }
    }
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
