//! The cue matcher: every cue of a question's points and dodges compiled
//! into one word-level trie, matched in one pass over the answer.
//!
//! A cue is a phrase of whole words compared by their normalised keys
//! (case and apostrophes ignored, see [`super::normalize`]). A cue word
//! may end with `*` (`result*`: any word starting "result", "result"
//! itself included) or start with `*` (`*ed`: any word ending "ed"); a lone
//! `*` is exactly one word; `#figure` is any figure found by
//! [`super::figures`], however many words it spans. `{company}` and
//! `{role}` are replaced by the values given; a cue holding a placeholder
//! with no value is skipped, never matched against a neutral default.
//!
//! No regular expressions. Each answer word is looked up in the trie from
//! every position a phrase could have reached it, so the cost is linear in
//! the answer's length; at each trie node a word costs one hash lookup for
//! the exact words and one per distinct length of the `*` words there,
//! whatever the number of cues (the trie merges cues sharing a beginning).

use std::borrow::Cow;

use super::hash::{FastMap as HashMap, WordMap};
use super::normalize::{Word, key_into};

/// One word of a compiled cue (its key in the compiler's buffer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step<'k> {
    /// A whole word.
    Exact(&'k str),
    /// Any word starting with this.
    Prefix(&'k str),
    /// Any word ending with this.
    Suffix(&'k str),
    /// Any one word.
    Any,
    /// Any figure.
    Figure,
}

/// `cue` with its placeholders filled: borrowed when it has none, `None`
/// when it holds a placeholder with no value.
fn fill<'c>(cue: &'c str, company: Option<&str>, role: Option<&str>) -> Option<Cow<'c, str>> {
    if !cue.contains('{') {
        return Some(Cow::Borrowed(cue));
    }
    let mut text = cue.to_owned();
    for (name, value) in [("{company}", company), ("{role}", role)] {
        if text.contains(name) {
            text = text.replace(name, value?);
        }
    }
    Some(Cow::Owned(text))
}

/// The step one cue word `w` is, its key written into `buf`; `None` for a
/// word with no letter or digit (it is left out of the cue).
fn step<'k>(w: &str, buf: &'k mut String) -> Option<Step<'k>> {
    if w == "*" {
        return Some(Step::Any);
    }
    if w.starts_with('#') && w.eq_ignore_ascii_case("#figure") {
        return Some(Step::Figure);
    }
    let (rest, make): (&str, fn(&'k str) -> Step<'k>) = if let Some(rest) = w.strip_suffix('*') {
        (rest, Step::Prefix)
    } else if let Some(rest) = w.strip_prefix('*') {
        (rest, Step::Suffix)
    } else {
        (w, Step::Exact)
    };
    key_into(rest, buf);
    (!buf.is_empty()).then(|| make(buf.as_str()))
}

/// One node of the trie.
#[derive(Debug, Default)]
struct Node {
    /// Its `*` words, in [`Matcher::wild`] (few nodes have any: kept
    /// apart so a node stays small and compiling copies little).
    wild: Option<usize>,
    any: Option<usize>,
    figure: Option<usize>,
    /// The entry (see [`Matcher::add`]) the first cue ending here belongs
    /// to; most nodes end one entry's cue or none, so no list for them.
    end: Option<usize>,
    /// The entries of further cues ending here.
    more_ends: Vec<usize>,
}

/// The `*` words leaving one node.
#[derive(Debug, Default)]
struct Wild {
    prefix: WordMap<usize>,
    suffix: WordMap<usize>,
    /// The byte lengths of the keys in `prefix` and `suffix`: only slices
    /// of those lengths are looked up (usually one or two per word).
    prefix_lens: Vec<usize>,
    suffix_lens: Vec<usize>,
    /// The first bytes of the keys in `prefix` and the last of those in
    /// `suffix`, as bit sets: a word that starts (ends) with none of them
    /// is not looked up at all — most words, since `*` words are few.
    prefix_first: ByteSet,
    suffix_last: ByteSet,
}

/// A set of bytes.
#[derive(Debug, Default, Clone, Copy)]
struct ByteSet([u64; 4]);

impl ByteSet {
    fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    fn contains(self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

/// Where an entry matched: words `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The entry (the order of [`Matcher::add`] calls).
    pub entry: usize,
    /// First matched word.
    pub start: usize,
    /// One past the last matched word.
    pub end: usize,
}

/// Cues of many entries, compiled together.
#[derive(Debug)]
pub struct Matcher {
    nodes: Vec<Node>,
    /// The `*` words of the nodes that have some.
    wild: Vec<Wild>,
    /// Each whole cue word, numbered: an answer word is hashed once, and
    /// every exact edge is then looked up by two numbers.
    ids: WordMap<usize>,
    /// Exact edges: (node, word number) to child.
    exact: HashMap<(usize, usize), usize>,
    entries: usize,
}

impl Matcher {
    /// An empty matcher with room for about `words` cue words, so that
    /// compiling does not grow its tables step by step.
    #[must_use]
    pub fn with_capacity(words: usize) -> Self {
        let mut nodes = Vec::with_capacity(words + 1);
        nodes.push(Node::default());
        Self {
            nodes,
            wild: Vec::new(),
            ids: WordMap::with_capacity(words),
            exact: HashMap::with_capacity_and_hasher(words, rustc_hash::FxBuildHasher),
            entries: 0,
        }
    }

    /// An empty matcher.
    #[must_use]
    pub fn new() -> Self {
        Self {
            nodes: vec![Node::default()],
            wild: Vec::new(),
            ids: WordMap::new(),
            exact: HashMap::default(),
            entries: 0,
        }
    }

    /// Adds an entry (a point or a dodge) heard when any of `cues`
    /// matches; returns its number.
    pub fn add<S: AsRef<str>>(
        &mut self,
        cues: &[S],
        company: Option<&str>,
        role: Option<&str>,
    ) -> usize {
        let entry = self.entries;
        self.entries += 1;
        // One key buffer for every word of every cue: compiling allocates
        // only for what the trie keeps.
        let mut buf = String::new();
        for cue in cues {
            let Some(text) = fill(cue.as_ref(), company, role) else {
                continue;
            };
            let mut at = None;
            for w in text.split_whitespace() {
                if let Some(step) = step(w, &mut buf) {
                    at = Some(self.child(at.unwrap_or(0), step));
                }
            }
            // A cue with no word at all is never heard.
            let Some(at) = at else {
                continue;
            };
            let node = &mut self.nodes[at];
            match node.end {
                None => node.end = Some(entry),
                Some(e) if e == entry => {}
                Some(_) if !node.more_ends.contains(&entry) => node.more_ends.push(entry),
                Some(_) => {}
            }
        }
        entry
    }

    /// The node under `at` for `step`, made if new.
    fn child(&mut self, at: usize, step: Step<'_>) -> usize {
        let fresh = self.nodes.len();
        let slot = match step {
            Step::Exact(k) => {
                let next_id = self.ids.len();
                let id = *self.ids.get_or_insert_with(k, || next_id);
                *self.exact.entry((at, id)).or_insert(fresh)
            }
            Step::Prefix(k) | Step::Suffix(k) => {
                let w = if let Some(w) = self.nodes[at].wild {
                    w
                } else {
                    self.wild.push(Wild::default());
                    *self.nodes[at].wild.insert(self.wild.len() - 1)
                };
                let wild = &mut self.wild[w];
                let b = k.as_bytes();
                let (lens, map) = if matches!(step, Step::Prefix(_)) {
                    wild.prefix_first.insert(b[0]);
                    (&mut wild.prefix_lens, &mut wild.prefix)
                } else {
                    wild.suffix_last.insert(b[b.len() - 1]);
                    (&mut wild.suffix_lens, &mut wild.suffix)
                };
                if !lens.contains(&k.len()) {
                    lens.push(k.len());
                }
                *map.get_or_insert_with(k, || fresh)
            }
            Step::Any => *self.nodes[at].any.get_or_insert(fresh),
            Step::Figure => *self.nodes[at].figure.get_or_insert(fresh),
        };
        if slot == fresh {
            self.nodes.push(Node::default());
        }
        slot
    }

    /// How many entries were added.
    #[must_use]
    pub fn entries(&self) -> usize {
        self.entries
    }

    /// Every place an entry matched, by start: for each entry and start
    /// word, the shortest match. `figures[i]` is the number of words of the
    /// figure starting at word `i` (0 for none).
    #[must_use]
    pub fn find(&self, words: &[Word<'_>], figures: &[usize]) -> Vec<Hit> {
        self.walk(words, figures, &mut 0)
    }

    /// [`Matcher::find`], counting in `visits` the trie nodes it visits:
    /// the work, which the tests bound.
    fn walk(&self, words: &[Word<'_>], figures: &[usize], visits: &mut usize) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut stack: Vec<(usize, usize)> = Vec::new();
        let ids: Vec<Option<usize>> = words.iter().map(|w| self.ids.get(w.key())).collect();
        for start in 0..words.len() {
            let from = hits.len();
            stack.push((0, start));
            while let Some((node, at)) = stack.pop() {
                *visits += 1;
                let n = &self.nodes[node];
                if at > start {
                    for &entry in n.end.iter().chain(&n.more_ends) {
                        hits.push(Hit {
                            entry,
                            start,
                            end: at,
                        });
                    }
                }
                let Some(word) = words.get(at) else {
                    continue;
                };
                let k = word.key();
                if let Some(id) = ids[at]
                    && let Some(&c) = self.exact.get(&(node, id))
                {
                    stack.push((c, at + 1));
                }
                if let Some(w) = n.wild
                    && let (Some(&first), Some(&last)) = (k.as_bytes().first(), k.as_bytes().last())
                {
                    let wild = &self.wild[w];
                    let prefix_lens = if wild.prefix_first.contains(first) {
                        &wild.prefix_lens[..]
                    } else {
                        &[]
                    };
                    let suffix_lens = if wild.suffix_last.contains(last) {
                        &wild.suffix_lens[..]
                    } else {
                        &[]
                    };
                    for &len in prefix_lens {
                        if len <= k.len()
                            && k.is_char_boundary(len)
                            && let Some(c) = wild.prefix.get(&k[..len])
                        {
                            stack.push((c, at + 1));
                        }
                    }
                    for &len in suffix_lens {
                        if len <= k.len()
                            && k.is_char_boundary(k.len() - len)
                            && let Some(c) = wild.suffix.get(&k[k.len() - len..])
                        {
                            stack.push((c, at + 1));
                        }
                    }
                }
                if let Some(c) = n.any {
                    stack.push((c, at + 1));
                }
                if let (Some(c), Some(&len)) = (n.figure, figures.get(at))
                    && len > 0
                {
                    stack.push((c, at + len));
                }
            }
            // Keep one hit per entry for this start: the shortest. (Most
            // starts have no hit at all: nothing to sort.)
            if hits.len() - from > 1 {
                let mut here = hits.split_off(from);
                here.sort_by_key(|h| (h.entry, h.end));
                here.dedup_by_key(|h| h.entry);
                hits.extend(here);
            }
        }
        hits
    }
}

impl Default for Matcher {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalize::words;
    use super::*;

    fn heard(cues: &[&str], text: &str) -> Option<(usize, usize)> {
        heard_with(cues, text, None, None)
    }

    fn heard_with(
        cues: &[&str],
        text: &str,
        company: Option<&str>,
        role: Option<&str>,
    ) -> Option<(usize, usize)> {
        let mut m = Matcher::new();
        m.add(cues, company, role);
        let w = words(text);
        let figures = super::super::figures::lengths(&w);
        m.find(&w, &figures).first().map(|h| (h.start, h.end))
    }

    #[test]
    fn whole_words_case_and_apostrophes() {
        assert_eq!(
            heard(&["as a result"], "And AS A Result, we won"),
            Some((1, 4))
        );
        assert_eq!(heard(&["result"], "the resulting mess"), None);
        assert_eq!(heard(&["dont"], "I don’t know"), Some((1, 2)));
        assert_eq!(heard(&["don't"], "I dont know"), Some((1, 2)));
        assert_eq!(heard(&["don’t"], "I don't know"), Some((1, 2)));
        assert_eq!(heard(&["I built"], "i built it"), Some((0, 2)));
    }

    #[test]
    fn wildcards() {
        assert_eq!(heard(&["result*"], "great results"), Some((1, 2)));
        assert_eq!(heard(&["result*"], "it resulted in"), Some((1, 2)));
        assert_eq!(heard(&["result*"], "the result"), Some((1, 2)));
        assert_eq!(heard(&["result*"], "a great resul"), None);
        assert_eq!(heard(&["*ed"], "we shipped"), Some((1, 2)));
        assert_eq!(heard(&["*ed"], "we ship"), None);
        assert_eq!(
            heard(&["hated my * boss"], "I hated my old boss"),
            Some((1, 5))
        );
        assert_eq!(heard(&["hated my * boss"], "I hated my boss"), None);
        assert_eq!(heard(&["in 20*"], "back in 2019 we"), Some((1, 3)));
        // Several `*` words at one node, each found whatever its first or
        // last letter (the byte sets only skip words none can match).
        let many = ["abc*", "xyz*", "*ed", "*ing", "é*"];
        assert_eq!(heard(&many, "we xyzzy"), Some((1, 2)));
        assert_eq!(heard(&many, "we abc"), Some((1, 2)));
        assert_eq!(heard(&many, "we shipping"), Some((1, 2)));
        assert_eq!(heard(&many, "we shipped"), Some((1, 2)));
        assert_eq!(heard(&many, "we Étoile"), Some((1, 2)));
        assert_eq!(heard(&many, "we ship abd xyq"), None);
    }

    #[test]
    fn figures() {
        assert_eq!(heard(&["by #figure"], "cut costs by 20%"), Some((2, 4)));
        assert_eq!(heard(&["#figure"], "in three weeks"), Some((1, 3)));
        assert_eq!(heard(&["#figure later"], "three weeks later"), Some((0, 3)));
        assert_eq!(heard(&["#figure"], "one of us"), None);
    }

    #[test]
    fn placeholders() {
        assert_eq!(
            heard_with(
                &["at {company}"],
                "work at Acme Corp",
                Some("Acme Corp"),
                None
            ),
            Some((1, 4))
        );
        assert_eq!(heard(&["at {company}"], "work at the company"), None);
        assert_eq!(heard(&["{role}"], "the role"), None);
    }

    #[test]
    fn empty_and_punctuation_cues_never_match() {
        assert_eq!(heard(&["", "!!!", "  "], "anything at all"), None);
    }

    /// The hostile case: 500 cues full of wildcards, lone `*` and
    /// `#figure`, against an answer at the 20,000-character cap. The work
    /// is bounded (the trie merges what cues share; each answer word costs
    /// a fixed number of lookups per node reached), not timed: a time
    /// limit flakes on a loaded machine, and the bench measures the time.
    #[test]
    fn matching_is_linear_in_the_answer_whatever_the_number_of_cues() {
        let cues = |n: usize| -> Vec<String> {
            (0..n)
                .map(|i| match i % 5 {
                    0 => format!("* * * word{i} *"),
                    1 => format!("w* {i}* #figure *"),
                    2 => format!("*e *a *i{i}"),
                    3 => format!("the * * * * * * * * x{i}"),
                    _ => format!("I * {i}"),
                })
                .collect()
        };
        let sentence = "I think the team sort of met every deadline in 2019 and we cut costs by 20% in three weeks. ";
        let capped: String = sentence
            .repeat(crate::drill::answer::MAX_ANSWER_CHARS / sentence.len() + 1)
            .chars()
            .take(crate::drill::answer::MAX_ANSWER_CHARS)
            .collect();
        let visits = |n: usize, text: &str| {
            let mut m = Matcher::new();
            m.add(&cues(n), None, None);
            let w = words(text);
            let figures = super::super::figures::lengths(&w);
            let mut visits = 0;
            m.walk(&w, &figures, &mut visits);
            (visits, w.len())
        };
        let (few, n_words) = visits(50, &capped);
        let (many, _) = visits(500, &capped);
        // Ten times the cues: barely more work (more prefixes can match).
        assert!(many < few * 2, "50 cues: {few} visits, 500: {many}");
        // A fixed number of nodes per answer word: the longest cue's depth
        // bounds it; here about five.
        assert!(many <= n_words * 8, "{many} visits for {n_words} words");
        // Ten times the text: ten times the work, give or take the cut.
        let tenth: String = capped.chars().take(capped.chars().count() / 10).collect();
        let (short, _) = visits(500, &tenth);
        assert!(many <= short * 11, "a tenth: {short}, all: {many}");
    }

    #[test]
    fn each_entry_once_per_start_and_shortest() {
        let mut m = Matcher::new();
        m.add(&["we", "we had", "we had a"], None, None);
        m.add(&["had"], None, None);
        let w = words("we had a plan");
        let hits = m.find(&w, &[0; 4]);
        assert_eq!(
            hits,
            [
                Hit {
                    entry: 0,
                    start: 0,
                    end: 1
                },
                Hit {
                    entry: 1,
                    start: 1,
                    end: 2
                }
            ]
        );
    }
}
