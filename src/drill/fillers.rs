//! Filler words and phrases: "um", "uh", "like", "you know", a trailing
//! "and, um, yeah" … matched as whole words, case-insensitively.
//!
//! Words are compared after trimming punctuation from both ends ("Um," is
//! "um") and lower-casing; an apostrophe inside a word stays ("don't",
//! "I'd", with ’ read as '). Words of a phrase must follow each other with
//! no punctuation between them ("you, know" is not "you know"), and the
//! same adjacency decides whether a neighbour changes a word's meaning:
//! "I like" is a verb, "I, like, went" is a filler.
//!
//! The rules, in the order they are tried at each word:
//!
//! - **Hesitation sounds**, always: `um`, `umm` (also "ummm"…), `uh`, `uhh`
//!   (also "uhhh"…), `er`, `erm`, `ah`, `hmm` (also "hm", "hmmm"…).
//! - **Hedges**, always: `basically`, `actually`, `literally`.
//! - **`sort of` / `kind of`**, unless right after a word that makes them a
//!   noun ("what kind of", "a sort of", "this kind of", "any kind of" …).
//! - **`you know` / `you see` / `I mean`**, unless right after a word that
//!   makes them part of a clause ("do you know", "as you know", "let you
//!   know", "what I mean") or right before their object ("you know the
//!   answer", "you see it", "I mean that").
//! - **`like`**, unless right after a subject or auxiliary ("I like",
//!   "we'd like", "would like", "don't like"), a verb of seeming or a
//!   quantity ("looks like", "feels like", "something like", "more like"),
//!   or right before "to", "this", "that", "these", "those" ("like to",
//!   "like that"): those are the verb or a comparison.
//! - **A trailing sign-off**, at the very end of the text only, counted
//!   once with its canonical name: "and yeah", "so yeah", "and, um, yeah",
//!   "and so yeah" → `and yeah`; "or something", "or something like that",
//!   "or whatever" → `or something`. Hesitation sounds inside it are part
//!   of it, not counted again. Punctuation inside it does not matter.
//!
//! The rules lean towards missing a filler rather than flagging a real
//! word: feedback that miscounts what the user said is worse than none.

/// One word of the text, lower-cased and trimmed of punctuation.
#[derive(Debug)]
struct Word {
    text: String,
    /// Punctuation separates this word from the one before it.
    break_before: bool,
}

/// Splits `text` into words, noting where punctuation separates them.
fn tokenize(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut pending_break = false;
    for raw in text.split_whitespace() {
        let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            // A lone "—" or "…": a break between its neighbours.
            pending_break = true;
            continue;
        }
        let leading = !raw.starts_with(core);
        let trailing = !raw.ends_with(core);
        out.push(Word {
            text: core.replace('’', "'").to_lowercase(),
            break_before: pending_break || leading,
        });
        pending_break = trailing;
    }
    out
}

/// A hesitation sound's canonical name, if `w` is one.
fn sound(w: &str) -> Option<&'static str> {
    let run = |first: char, rest: char| {
        let mut cs = w.chars();
        cs.next() == Some(first) && cs.clone().next().is_some() && cs.all(|c| c == rest)
    };
    match w {
        "um" => Some("um"),
        "uh" => Some("uh"),
        "er" => Some("er"),
        "erm" => Some("erm"),
        "ah" => Some("ah"),
        "hm" | "hmm" => Some("hmm"),
        _ if run('u', 'm') => Some("umm"),
        _ if run('u', 'h') => Some("uhh"),
        _ if w.starts_with("hm") && run('h', 'm') => Some("hmm"),
        _ => None,
    }
}

const HEDGES: &[&str] = &["basically", "actually", "literally"];

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
];

/// Words that make a following "you know" / "you see" / "I mean" part of
/// the sentence rather than a filler.
const CLAUSE_BEFORE: &[&str] = &[
    "do", "does", "did", "don't", "dont", "doesn't", "didn't", "as", "if", "what", "which", "how",
    "when", "whether", "would", "should", "could", "can", "will", "might", "must", "wish", "let",
    "that", "because", "unless", "once", "sure", "until", "ever", "never", "not", "to",
];

/// Objects that make a preceding "you know" / "you see" / "I mean" a verb.
const OBJECT_AFTER: &[&str] = &[
    "what", "that", "how", "why", "when", "where", "who", "whether", "if", "about", "the", "a",
    "an", "this", "these", "those", "it", "him", "her", "them", "me", "us", "my", "your", "his",
    "their", "our", "to", "by", "well",
];

/// Words after which "like" is the verb or a comparison.
const LIKE_VERB_BEFORE: &[&str] = &[
    "i",
    "you",
    "we",
    "they",
    "he",
    "she",
    "people",
    "would",
    "should",
    "could",
    "might",
    "i'd",
    "you'd",
    "we'd",
    "they'd",
    "he'd",
    "she'd",
    "id",
    "do",
    "does",
    "did",
    "don't",
    "dont",
    "doesn't",
    "didn't",
    "not",
    "really",
    "also",
    "to",
    "look",
    "looks",
    "looked",
    "looking",
    "seem",
    "seems",
    "seemed",
    "feel",
    "feels",
    "felt",
    "sound",
    "sounds",
    "sounded",
    "something",
    "anything",
    "nothing",
    "things",
    "more",
    "much",
    "just",
    "exactly",
    "most",
    "who",
    "that",
];

/// Words after which "like" is a comparison or the verb's object.
const LIKE_VERB_AFTER: &[&str] = &["to", "this", "that", "these", "those"];

/// The fillers found in `text`, in order, lower-case. See the module
/// documentation for the rules.
pub fn find(text: &str) -> Vec<String> {
    let words = tokenize(text);
    let (body, trailer) = split_trailer(&words);
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let (name, used) = match_at(body, i);
        if let Some(name) = name {
            out.push(name.to_owned());
        }
        i += used.max(1);
    }
    if let Some(t) = trailer {
        out.push(t.to_owned());
    }
    out
}

/// The word at `i`, if it is joined to the word before it (no punctuation
/// between them).
fn joined_prev(words: &[Word], i: usize) -> Option<&str> {
    let w = words.get(i)?;
    if w.break_before || i == 0 {
        return None;
    }
    words.get(i - 1).map(|p| p.text.as_str())
}

/// The word after `i`, if joined to it.
fn joined_next(words: &[Word], i: usize) -> Option<&str> {
    let n = words.get(i + 1)?;
    if n.break_before {
        None
    } else {
        Some(n.text.as_str())
    }
}

/// Which filler starts at word `i` (if any) and how many words it spans.
fn match_at(words: &[Word], i: usize) -> (Option<&'static str>, usize) {
    let w = words[i].text.as_str();
    if let Some(s) = sound(w) {
        return (Some(s), 1);
    }
    if let Some(h) = HEDGES.iter().find(|h| **h == w) {
        return (Some(h), 1);
    }
    let next = joined_next(words, i);
    let prev = joined_prev(words, i);
    let prev_in = |list: &[&str]| prev.is_some_and(|p| list.contains(&p));
    // Object of a two-word phrase starting at i: the word after its second.
    let after_pair = joined_next(words, i + 1);
    let object_follows = after_pair.is_some_and(|a| OBJECT_AFTER.contains(&a));
    match (w, next) {
        ("sort", Some("of")) if !prev_in(NOUN_BEFORE_KIND) => (Some("sort of"), 2),
        ("kind", Some("of")) if !prev_in(NOUN_BEFORE_KIND) => (Some("kind of"), 2),
        ("you", Some("know")) if !prev_in(CLAUSE_BEFORE) && !object_follows => {
            (Some("you know"), 2)
        }
        ("you", Some("see")) if !prev_in(CLAUSE_BEFORE) && !object_follows => (Some("you see"), 2),
        ("i", Some("mean")) if !prev_in(CLAUSE_BEFORE) && !object_follows => (Some("i mean"), 2),
        ("like", _)
            if !prev_in(LIKE_VERB_BEFORE)
                && !next.is_some_and(|n| LIKE_VERB_AFTER.contains(&n)) =>
        {
            (Some("like"), 1)
        }
        _ => (None, 1),
    }
}

/// Splits off a trailing sign-off ("and, um, yeah", "or something"),
/// returning the words before it and its canonical name.
fn split_trailer(words: &[Word]) -> (&[Word], Option<&'static str>) {
    let text = |i: usize| words[i].text.as_str();
    let n = words.len();
    if n >= 2 && matches!(text(n - 1), "yeah" | "yep" | "yea") {
        // Walk back over hesitation sounds and "so" to the joining word.
        let mut j = n - 1;
        let mut start = None;
        while j > 0 {
            j -= 1;
            match text(j) {
                "and" => {
                    start = Some(j);
                    break;
                }
                "so" => start = Some(j),
                w if sound(w).is_some() => {}
                _ => break,
            }
        }
        if let Some(s) = start {
            return (&words[..s], Some("and yeah"));
        }
    }
    let tail: Vec<&str> = words
        .iter()
        .rev()
        .take(4)
        .map(|w| w.text.as_str())
        .collect();
    let trailer_len = match tail.as_slice() {
        ["that", "like", "something", "or", ..] => 4,
        ["something", "or", ..] | ["whatever", "or", ..] => 2,
        _ => 0,
    };
    if trailer_len > 0 {
        return (&words[..n - trailer_len], Some("or something"));
    }
    (words, None)
}

#[cfg(test)]
mod tests {
    use super::find;

    fn f(text: &str) -> Vec<String> {
        find(text)
    }

    #[test]
    fn no_fillers_in_plain_text() {
        assert!(f("I led the migration and cut costs by a third.").is_empty());
        assert!(f("").is_empty());
        assert!(f("   \n\t ").is_empty());
    }

    #[test]
    fn hesitation_sounds_are_found_in_order() {
        assert_eq!(
            f("Um, I think, uh, er... erm ah hmm"),
            ["um", "uh", "er", "erm", "ah", "hmm"]
        );
    }

    #[test]
    fn longer_sounds_have_canonical_names() {
        assert_eq!(
            f("umm ummmm uhh uhhhh hm hmmmm"),
            ["umm", "umm", "uhh", "uhh", "hmm", "hmm"]
        );
    }

    #[test]
    fn case_and_punctuation_do_not_matter() {
        assert_eq!(f("UM, (Uh) \"Basically\"!"), ["um", "uh", "basically"]);
    }

    #[test]
    fn whole_words_only() {
        assert!(f("umbrella uhuru error ahead hmmingbird actuallyness likely").is_empty());
        assert!(f("the like-minded team").is_empty());
    }

    #[test]
    fn hedges_always_count() {
        assert_eq!(
            f("Basically I actually literally did it"),
            ["basically", "actually", "literally"]
        );
    }

    #[test]
    fn like_as_a_filler() {
        assert_eq!(f("It was like a total mess"), ["like"]);
        assert_eq!(f("Like, I went there"), ["like"]);
        assert_eq!(f("I, like, went there"), ["like"]);
    }

    #[test]
    fn like_as_a_verb_or_comparison_is_not_a_filler() {
        for t in [
            "I like Rust",
            "We'd like to help",
            "I would like more time",
            "They don't like meetings",
            "It looks like rain",
            "It feels like home",
            "something like forty people",
            "Things I like, though, are many",
            "do it like this",
            "I’d like that",
        ] {
            assert!(f(t).is_empty(), "{t:?} gave {:?}", f(t));
        }
    }

    #[test]
    fn you_know_as_a_filler() {
        assert_eq!(f("It was, you know, hard"), ["you know"]);
        assert_eq!(f("You know I hate that"), ["you know"]);
        assert_eq!(f("it was hard you know"), ["you know"]);
    }

    #[test]
    fn you_know_in_a_sentence_is_not_a_filler() {
        for t in [
            "Do you know the answer?",
            "As you know, we ship weekly.",
            "I'll let you know tomorrow",
            "you know the drill",
            "you know what I mean",
            "You, know-how matters",
        ] {
            assert!(f(t).is_empty(), "{t:?} gave {:?}", f(t));
        }
    }

    #[test]
    fn i_mean_and_you_see() {
        assert_eq!(
            f("I mean, it worked. You see, we tried."),
            ["i mean", "you see"]
        );
        assert!(f("That is what I mean").is_empty());
        assert!(f("I mean it").is_empty());
        assert!(f("Can you see the problem?").is_empty());
        assert!(f("you see the chart").is_empty());
    }

    #[test]
    fn sort_of_and_kind_of() {
        assert_eq!(
            f("It was sort of hard and kind of slow"),
            ["sort of", "kind of"]
        );
        assert!(f("What kind of team is it? A sort of guild.").is_empty());
        assert!(f("this kind of work, any sort of job").is_empty());
        assert!(f("kind, of").is_empty());
    }

    #[test]
    fn kind_of_like_counts_both() {
        assert_eq!(f("it was kind of like a race"), ["kind of", "like"]);
    }

    #[test]
    fn trailing_and_um_yeah_is_one_filler() {
        assert_eq!(f("We shipped it on time and, um, yeah."), ["and yeah"]);
        assert_eq!(f("We shipped it and yeah"), ["and yeah"]);
        assert_eq!(f("We shipped it. So yeah!"), ["and yeah"]);
        assert_eq!(f("We shipped it and so yeah"), ["and yeah"]);
        assert_eq!(f("Um, we shipped it and uh yeah"), ["um", "and yeah"]);
    }

    #[test]
    fn and_yeah_only_at_the_end() {
        assert!(f("and yeah we shipped it").is_empty());
        assert!(f("We shipped it. Yeah.").is_empty());
        assert!(f("yeah").is_empty());
    }

    #[test]
    fn trailing_or_something() {
        assert_eq!(f("a team of ten or something"), ["or something"]);
        assert_eq!(f("a big team or something like that."), ["or something"]);
        assert_eq!(
            f("Basically a rewrite, or whatever"),
            ["basically", "or something"]
        );
        assert!(f("or something else happened").is_empty());
    }

    #[test]
    fn non_ascii_never_panics_and_still_matches() {
        assert_eq!(f("Ähm, naïve café 👍🏽 um — 工程师 like…"), ["um", "like"]);
        assert!(f("👨‍👩‍👧‍👦 🇫🇷 \u{202e} \u{0}\u{7f} ÜM İ").is_empty());
        assert_eq!(f("ＵＭ"), Vec::<String>::new());
        assert!(f("—").is_empty());
        assert!(f("İİİ yeah").is_empty());
    }
}
