//! Every word a built-in rule names, looked up once per answer word.
//!
//! The rules keep their own lists (stopwords in [`super::language`],
//! number words and units in [`super::figures`], the first words of
//! hedges and overselling claims in [`super::hedges`] and
//! [`super::oversell`]); this module only gathers them into one table,
//! so that [`super::normalize::words`] can tag each word with what every
//! list says about it ([`Lex`]) in a single hash lookup. Before, each rule
//! looked the same word up again in its own map or scanned its own list,
//! and those repeated lookups were most of the analyzer's time.

use std::sync::LazyLock;

use super::hash::{INLINE, WordMap};

/// What the built-in lists say about one normalised word: a set of flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lex(u16);

impl Lex {
    /// On no list.
    pub const NONE: Lex = Lex(0);
    /// An English stopword ([`super::language`]; also left out of
    /// repetition).
    pub const ENGLISH: Lex = Lex(1);
    /// A function word of another language ([`super::language`]).
    pub const OTHER: Lex = Lex(1 << 1);
    /// A spelled-out number from two to ninety ([`super::figures`]).
    pub const SMALL: Lex = Lex(1 << 2);
    /// A spelled-out scale, "dozen" … "billions" ([`super::figures`]).
    pub const SCALE_WORD: Lex = Lex(1 << 3);
    /// Any scale, the spelled ones and "k", "m", "bn" ([`super::figures`]).
    pub const SCALE: Lex = Lex(1 << 4);
    /// A unit taken into a figure ([`super::figures`]).
    pub const UNIT: Lex = Lex(1 << 5);
    /// The first word of a hedge ([`super::hedges`]).
    pub const HEDGE: Lex = Lex(1 << 6);
    /// The first word of an overselling claim ([`super::oversell`]).
    pub const OVERSELL: Lex = Lex(1 << 7);

    /// Whether any flag of `other` is set.
    #[must_use]
    pub fn has(self, other: Lex) -> bool {
        self.0 & other.0 != 0
    }

    /// Both sets of flags.
    #[must_use]
    pub fn with(self, other: Lex) -> Lex {
        Lex(self.0 | other.0)
    }
}

/// The longest word on any list, in bytes: longer words are not looked
/// up (the table keeps words this long inline, see [`WordMap`]).
pub(super) const LONGEST: usize = INLINE;

static TABLE: LazyLock<WordMap<(&'static str, Lex)>> = LazyLock::new(|| {
    let mut map: WordMap<(&'static str, Lex)> = WordMap::new();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, flag: Lex| {
        for w in words {
            debug_assert!(w.len() <= LONGEST, "{w} is longer than LONGEST");
            let e = map.get_or_insert_with(w, || (w, Lex::NONE));
            e.1 = e.1.with(flag);
        }
    };
    add(&mut super::language::ENGLISH.iter().copied(), Lex::ENGLISH);
    add(&mut super::language::OTHER.iter().copied(), Lex::OTHER);
    add(&mut super::figures::SMALL.iter().copied(), Lex::SMALL);
    add(
        &mut super::figures::SPELLED_SCALES.iter().copied(),
        Lex::SCALE_WORD,
    );
    add(
        &mut super::figures::SPELLED_SCALES.iter().copied(),
        Lex::SCALE,
    );
    add(
        &mut super::figures::SHORT_SCALES.iter().copied(),
        Lex::SCALE,
    );
    add(&mut super::figures::UNITS.iter().copied(), Lex::UNIT);
    add(&mut super::hedges::first_words(), Lex::HEDGE);
    add(&mut super::oversell::first_words(), Lex::OVERSELL);
    map
});

/// The listed spelling of `key` (a normalised word) and its flags; `None`
/// for a word on no list.
pub fn lookup(key: &str) -> Option<(&'static str, Lex)> {
    if key.len() > LONGEST {
        return None;
    }
    TABLE.get(key)
}

/// The flags of `key` ([`Lex::NONE`] for a word on no list).
#[must_use]
pub fn of(key: &str) -> Lex {
    lookup(key).map_or(Lex::NONE, |(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_sets_its_flag() {
        assert!(of("the").has(Lex::ENGLISH));
        assert!(!of("the").has(Lex::OTHER));
        assert!(of("und").has(Lex::OTHER));
        assert!(of("twenty").has(Lex::SMALL));
        assert!(of("hundred").has(Lex::SCALE_WORD) && of("hundred").has(Lex::SCALE));
        assert!(of("k").has(Lex::SCALE) && !of("k").has(Lex::SCALE_WORD));
        assert!(of("weeks").has(Lex::UNIT));
        assert!(of("maybe").has(Lex::HEDGE));
        assert!(of("flawless").has(Lex::OVERSELL));
        // "i" opens hedges and claims and is a stopword: one entry, three flags.
        let i = of("i");
        assert!(i.has(Lex::ENGLISH) && i.has(Lex::HEDGE) && i.has(Lex::OVERSELL));
        assert_eq!(of("deadline"), Lex::NONE);
        assert_eq!(of(&"x".repeat(40)), Lex::NONE);
    }
}
