//! Filler words and phrases: "um", "uh", "like", "you know", a trailing
//! "and, um, yeah" … matched as whole words, case-insensitively.
//!
//! Words are compared after trimming punctuation from both ends ("Um," is
//! "um"), lower-casing and dropping apostrophes ("don't" is "dont"), by
//! the one word rule of [`super::normalize`]. Words of a phrase must follow each other with
//! no punctuation between them ("you, know" is not "you know"), and the
//! same adjacency decides whether a neighbour changes a word's meaning:
//! "I like" is a verb, "I, like, went" is a filler.
//!
//! The rules, in the order they are tried at each word:
//!
//! - **Hesitation sounds**, always: `um`, `umm` (also "ummm"…), `uh`, `uhh`
//!   (also "uhhh"…), `er`, `erm`, `ah`, `hmm` (also "hm", "hmmm"…).
//! - **Empty intensifiers**, always: `basically`, `actually`, `literally`.
//! - **`sort of` / `kind of`** set off by commas ("it was, sort of,
//!   fine"). Joined to a verb or adjective ("I sort of led it") they are a
//!   hedge, and grammatical uses ("what kind of team") are neither: the
//!   one decision is [`super::hedges::sort_of_at`].
//! - **`you know` / `you see` / `I mean`**, unless right after a word that
//!   makes them part of a clause ("do you know", "as you know", "let you
//!   know", "what I mean") or right before their object ("you know the
//!   answer", "you see it", "I mean that", "I mean Sarah").
//! - **`like`**, by punctuation first: set off by punctuation on both sides
//!   ("it was, like, a mess"), or opening the text or a sentence and
//!   followed by a comma ("Like, I froze"), it is a filler whatever its
//!   neighbours. Otherwise it is doing grammatical work, and not a filler,
//!   right after a subject or auxiliary ("I like", "we'd like", "would
//!   like", "don't like"), a verb of seeming ("looks like", "feels like",
//!   "felt like", "seems like"), a quantity ("something like", "more
//!   like") or a noun (a plural, or a word after an article or
//!   possessive: "skills like", "a tool like"); or right before
//!   "to" ("like to") or a noun phrase: an article, determiner,
//!   possessive, number, pronoun or name ("like a Tesla", "like ours",
//!   "like 737s", "like London").
//! - **A trailing sign-off**, at the very end of the text only, counted
//!   once with its canonical name: "and yeah", "so yeah", "and, um, yeah",
//!   "and so yeah" → `and yeah`; "or something", "or something like that",
//!   "or whatever" → `or something`. Hesitation sounds inside it are part
//!   of it, not counted again. Punctuation inside it does not matter.
//!
//! The rules lean towards missing a filler rather than flagging a real
//! word: feedback that miscounts what the user said is worse than none.

use super::hedges::{SortOf, sort_of_at};
use super::normalize::{Word, words as tokenize};

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

const INTENSIFIERS: &[&str] = &["basically", "actually", "literally"];

/// Words that make a following "you know" / "you see" / "I mean" part of
/// the sentence rather than a filler.
const CLAUSE_BEFORE: &[&str] = &[
    "do", "does", "did", "dont", "doesnt", "didnt", "as", "if", "what", "which", "how", "when",
    "whether", "would", "should", "could", "can", "will", "might", "must", "wish", "let", "that",
    "because", "unless", "once", "sure", "until", "ever", "never", "not", "to",
];

/// Objects that make a preceding "you know" / "you see" / "I mean" a verb.
const OBJECT_AFTER: &[&str] = &[
    "what", "that", "how", "why", "when", "where", "who", "whether", "if", "about", "the", "a",
    "an", "this", "these", "those", "it", "him", "her", "them", "me", "us", "my", "your", "his",
    "their", "our", "to", "by", "well",
];

/// Words after which "like" is the verb, a comparison or "such as".
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
    "id",
    "youd",
    "wed",
    "theyd",
    "hed",
    "shed",
    "id",
    "do",
    "does",
    "did",
    "dont",
    "dont",
    "doesnt",
    "didnt",
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
    "feeling",
    "sound",
    "sounds",
    "sounded",
    "something",
    "anything",
    "nothing",
    "everything",
    "someone",
    "somebody",
    "anyone",
    "stuff",
    "things",
    "more",
    "much",
    "lot",
    "just",
    "exactly",
    "most",
    "who",
    "that",
];

/// Words that open a noun phrase: "like" right before one is a comparison
/// or "such as" ("like a Tesla", "like ours", "like each other").
const NOUN_PHRASE_START: &[&str] = &[
    // Articles and determiners.
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "every",
    "each",
    "no",
    "another",
    "such",
    "many",
    "all",
    "both",
    "few",
    "several",
    "other",
    "most",
    // Possessives.
    "my",
    "your",
    "his",
    "her",
    "its",
    "our",
    "their",
    "whose",
    // Pronouns.
    "me",
    "you",
    "him",
    "it",
    "us",
    "them",
    "i",
    "we",
    "they",
    "he",
    "she",
    "mine",
    "yours",
    "ours",
    "theirs",
    "hers",
    "myself",
    "yourself",
    "ourselves",
    "themselves",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "nobody",
    "something",
    "anything",
    "everything",
    "nothing",
    // Number words.
    "one",
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
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "dozen",
    "dozens",
    "half",
];

/// Words ending in "s" that are not plural nouns ("was like" is no
/// "skills like").
const NOT_PLURAL: &[&str] = &[
    "was",
    "is",
    "has",
    "does",
    "this",
    "thus",
    "us",
    "yes",
    "its",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "always",
    "sometimes",
    "perhaps",
    "less",
    "unless",
    "across",
    "plus",
    "goes",
    "says",
    "means",
    "gets",
    "makes",
    "takes",
    "keeps",
    "thinks",
    "knows",
    "wants",
    "whereas",
    "afterwards",
    "towards",
    "besides",
    "various",
    "serious",
    "obvious",
    "nervous",
    "anxious",
    "famous",
    "previous",
    "process",
    "success",
    "stress",
    "business",
    "guess",
    "class",
];

/// Whether word `i` opens a noun phrase: a determiner, possessive,
/// pronoun or number, a possessive noun ("John's"), a digit ("737", "5k")
/// or a name (a capital letter mid-sentence).
fn opens_noun_phrase(words: &[Word<'_>], i: usize) -> bool {
    let Some(w) = words.get(i) else {
        return false;
    };
    let t = w.key();
    NOUN_PHRASE_START.contains(&t)
        || possessive(w)
        || t.starts_with(|c: char| c.is_ascii_digit())
        || is_name(words, i)
}

/// Whether `w` is written as a possessive ("John's", "John’s").
fn possessive(w: &Word<'_>) -> bool {
    let c = w.core.to_lowercase();
    c.ends_with("'s") || c.ends_with("\u{2019}s")
}

/// Whether word `i` is a name: capitalized mid-sentence ("like London",
/// "I mean Sarah"), not "I".
fn is_name(words: &[Word<'_>], i: usize) -> bool {
    words
        .get(i)
        .is_some_and(|w| w.capital && !w.break_before && i > 0 && w.key != "i")
}

/// Articles and possessives: the word after one is (part of) a noun.
const ARTICLES: &[&str] = &[
    "a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "every", "each", "another",
];

/// Whether the word before `i` (joined to it) looks like a noun: a plural
/// ("skills like") or a word right after an article or possessive ("a tool
/// like").
fn noun_before(words: &[Word<'_>], i: usize) -> bool {
    let Some(p) = joined_prev(words, i) else {
        return false;
    };
    let plural =
        p.len() > 3 && p.ends_with('s') && !possessive(&words[i - 1]) && !NOT_PLURAL.contains(&p);
    plural || joined_prev(words, i - 1).is_some_and(|a| ARTICLES.contains(&a))
}

/// Whether "like" at `i` is set off by punctuation on both sides (the text
/// or a sentence may open it; the text may end it): a filler however its
/// neighbours read.
fn set_off(words: &[Word<'_>], i: usize) -> bool {
    let before = i == 0 || words[i].break_before;
    let after = words.get(i + 1).is_none_or(|n| n.break_before);
    before && after
}

/// Whether "like" at `i` does grammatical work (see the module docs).
fn like_is_grammar(words: &[Word<'_>], i: usize) -> bool {
    if set_off(words, i) {
        return false;
    }
    let prev = joined_prev(words, i);
    let next_joined = joined_next(words, i).is_some();
    prev.is_some_and(|p| LIKE_VERB_BEFORE.contains(&p))
        || noun_before(words, i)
        || (next_joined && (words[i + 1].key == "to" || opens_noun_phrase(words, i + 1)))
}

/// A filler found in an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filler {
    /// Its canonical name, lower-case ("um", "you know", "and yeah").
    pub name: &'static str,
    /// Its first word.
    pub at: usize,
    /// How many words it spans.
    pub len: usize,
}

/// The fillers among `words`, in order. See the module documentation for
/// the rules.
#[must_use]
pub fn spans(words: &[Word<'_>]) -> Vec<Filler> {
    let (body, trailer) = split_trailer(words);
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let (name, used) = match_at(body, i);
        if let Some(name) = name {
            out.push(Filler {
                name,
                at: i,
                len: used,
            });
        }
        i += used.max(1);
    }
    if let Some(name) = trailer {
        out.push(Filler {
            name,
            at: body.len(),
            len: words.len() - body.len(),
        });
    }
    out
}

/// The fillers found in `text`, in order, lower-case.
#[must_use]
pub fn find(text: &str) -> Vec<String> {
    spans(&tokenize(text))
        .into_iter()
        .map(|f| f.name.to_owned())
        .collect()
}

/// The word at `i`, if it is joined to the word before it (no punctuation
/// between them).
fn joined_prev<'w>(words: &'w [Word<'_>], i: usize) -> Option<&'w str> {
    let w = words.get(i)?;
    if w.break_before || i == 0 {
        return None;
    }
    words.get(i - 1).map(super::normalize::Word::key)
}

/// The word after `i`, if joined to it.
fn joined_next<'w>(words: &'w [Word<'_>], i: usize) -> Option<&'w str> {
    let n = words.get(i + 1)?;
    if n.break_before { None } else { Some(n.key()) }
}

/// Which filler starts at word `i` (if any) and how many words it spans.
fn match_at(words: &[Word<'_>], i: usize) -> (Option<&'static str>, usize) {
    let w = words[i].key();
    if let Some(s) = sound(w) {
        return (Some(s), 1);
    }
    if let Some(h) = INTENSIFIERS.iter().find(|h| **h == w) {
        return (Some(h), 1);
    }
    let next = joined_next(words, i);
    let prev = joined_prev(words, i);
    let prev_in = |list: &[&str]| prev.is_some_and(|p| list.contains(&p));
    // Object of a two-word phrase starting at i: the word after its second.
    let after_pair = joined_next(words, i + 1);
    // Asked only of "you know" / "you see" / "I mean" (a list scan: not
    // for every word).
    let object_follows = || {
        after_pair.is_some_and(|a| OBJECT_AFTER.contains(&a))
            || (after_pair.is_some() && is_name(words, i + 2))
    };
    match (w, next) {
        // One owner: "sort of" set off by commas is a filler, before a
        // verb or adjective a hedge (see `hedges`), else grammar.
        ("sort", Some("of")) if sort_of_at(words, i) == Some(SortOf::Filler) => {
            (Some("sort of"), 2)
        }
        ("kind", Some("of")) if sort_of_at(words, i) == Some(SortOf::Filler) => {
            (Some("kind of"), 2)
        }
        ("you", Some("know")) if !prev_in(CLAUSE_BEFORE) && !object_follows() => {
            (Some("you know"), 2)
        }
        ("you", Some("see")) if !prev_in(CLAUSE_BEFORE) && !object_follows() => {
            (Some("you see"), 2)
        }
        ("i", Some("mean")) if !prev_in(CLAUSE_BEFORE) && !object_follows() => (Some("i mean"), 2),
        ("like", _) if !like_is_grammar(words, i) => (Some("like"), 1),
        _ => (None, 1),
    }
}

/// Splits off a trailing sign-off ("and, um, yeah", "or something"),
/// returning the words before it and its canonical name.
fn split_trailer<'w, 't>(words: &'w [Word<'t>]) -> (&'w [Word<'t>], Option<&'static str>) {
    let text = |i: usize| words[i].key();
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
        .map(super::normalize::Word::key)
        .collect();
    let trailer_len = match tail.as_slice() {
        ["that", "like", "something", "or", ..] => 4,
        ["something" | "whatever", "or", ..] => 2,
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
        // Before a noun phrase "like" compares: not a filler.
        assert!(f("It was like a total mess").is_empty());
        assert_eq!(f("It was like totally a mess"), ["like"]);
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
        // Set off by commas: fillers.
        assert_eq!(
            f("It was, sort of, hard and, kind of, slow"),
            ["sort of", "kind of"]
        );
        // Joined to an adjective or verb they are hedges (`hedges` owns
        // them), not fillers too.
        assert!(f("It was sort of hard and kind of slow").is_empty());
        assert!(f("I sort of led it").is_empty());
        assert!(f("What kind of team is it? A sort of guild.").is_empty());
        assert!(f("this kind of work, any sort of job").is_empty());
        assert!(f("kind, of").is_empty());
    }

    #[test]
    fn kind_of_like_counts_the_like() {
        // "kind of" is a hedge here; the filler "like" still counts.
        assert_eq!(f("it was kind of like, a race"), ["like"]);
        assert_eq!(f("it was kind of like really fast"), ["like"]);
        assert_eq!(f("it was, kind of, like really fast"), ["kind of", "like"]);
        // "like a race" compares.
        assert!(f("it was kind of like a race").is_empty());
    }

    /// Real sentences for every filler whose reading depends on context:
    /// what each must count, in order.
    const IN_CONTEXT: &[(&str, &[&str])] = &[
        // like: a comparison, "such as" or the verb …
        ("I drive a car like a Tesla", &[]),
        ("Teams like ours ship weekly", &[]),
        ("We flew a jet like a 737", &[]),
        ("It was like a total mess", &[]),
        ("We use tools like Jira and Slack", &[]),
        ("Cities like London are expensive", &[]),
        ("Soft skills like communication matter", &[]),
        ("It's like 200 tickets a day", &[]),
        ("Just like my last job, we paired", &[]),
        ("Like I said, we shipped on time", &[]),
        ("I would like more time", &[]),
        ("I'd like to add one thing", &[]),
        ("It felt like forever", &[]),
        ("It looks like we'll ship", &[]),
        ("It seems like the team agreed", &[]),
        ("We need a tool like grep here", &[]),
        // … or a filler: set off by punctuation, or doing no work.
        ("Like, I froze", &["like"]),
        ("It was, like, a mess", &["like"]),
        ("We handled about, like, 200 tickets", &["like"]),
        ("We shipped. Like, nobody noticed", &["like"]),
        ("She was like really upset about it", &["like"]),
        ("I was like so nervous", &["like"]),
        // you know
        ("It was, you know, hard", &["you know"]),
        ("You know, I think we did well", &["you know"]),
        ("We were late, you know", &["you know"]),
        ("Do you know the answer?", &[]),
        ("As you know, we ship weekly", &[]),
        ("I'll let you know tomorrow", &[]),
        ("You know Sarah from the meetup", &[]),
        // I mean
        ("I mean, it worked", &["i mean"]),
        ("It was fine, I mean, mostly", &["i mean"]),
        ("That is what I mean", &[]),
        ("I mean the second release", &[]),
        ("I mean Sarah, not Tom", &[]),
        // you see
        ("You see, the build was red", &["you see"]),
        ("Can you see the problem?", &[]),
        ("What you see is what we ship", &[]),
        // sort of / kind of
        ("It was, sort of, fine", &["sort of"]),
        ("We were, kind of, stuck", &["kind of"]),
        ("It went well, sort of.", &["sort of"]),
        // … joined to a verb or adjective they are hedges, not fillers.
        ("It was sort of hard", &[]),
        ("We kind of rushed it", &[]),
        ("What kind of team is it?", &[]),
        ("He's the worst kind of manager", &[]),
        ("That was kind of you", &[]),
        ("It was a sort of guild", &[]),
        ("This kind of work, any sort of job", &[]),
        // Hedges count wherever they are.
        ("Actually, the numbers improved", &["actually"]),
        ("We basically rewrote it", &["basically"]),
        ("It literally took a week", &["literally"]),
        // Several at once, in order.
        (
            "Um, like, I mean, you know, it was, sort of, fine",
            &["um", "like", "i mean", "you know", "sort of"],
        ),
    ];

    #[test]
    fn fillers_in_context() {
        let mut wrong = Vec::new();
        for (text, want) in IN_CONTEXT {
            let got = f(text);
            if got != *want {
                wrong.push(format!("{text:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
        assert!(IN_CONTEXT.len() >= 30);
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
