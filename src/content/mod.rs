//! What an answer says: points heard (the bank's `listen_for` cues),
//! dodges (`avoid`), and built-in signals — hedges, fillers, overselling,
//! figures, long sentences, repetition, whether the company was named, and
//! questions for the interviewer that are only about pay and perks.
//!
//! Pure: text and a question's points in, findings with word positions
//! out. Every finding quotes the words it rests on. Content is derived from
//! the stored text and the banks in use, never stored, and never moves the
//! daily schedule. Uses `bank` only for its point types.
//!
//! Not here: printing (the terminal layer and `report/` render findings).

pub mod cues;
pub mod figures;
pub mod fillers;
pub mod hash;
pub mod hedges;
pub mod language;
pub mod lexicon;
pub mod normalize;
pub mod oversell;
pub mod questions;
pub mod repetition;
pub mod sentences;

use serde::Serialize;

use crate::bank::{Avoid, Bank, Point, Question};
use cues::{Hit, Matcher};
use normalize::Word;

pub use normalize::count_words;
pub use questions::pay_only;

/// Words of context quoted on each side of a heard point's cue.
pub const CONTEXT_WORDS: usize = 3;

/// What one answer is read against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The question's category (`questions-to-ask` answers get `pay_only`).
    pub category: &'a str,
    /// The question as asked (its own words are not "repetition").
    pub question: &'a str,
    /// Whether the question's text names `{company}`.
    pub names_company: bool,
    /// `--company`, when given.
    pub company: Option<&'a str>,
    /// `--role`, when given.
    pub role: Option<&'a str>,
}

/// The language an answer was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English: every rule applies.
    English,
    /// Anything else: no findings (never "0 hedges").
    Other,
}

/// Words quoted from the answer, and where they start (0-based word index,
/// by the engine's word rule).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The words as written.
    pub text: String,
    /// Index of the first of them among the answer's words.
    pub at_word: u32,
}

/// A sentence over the length threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LongSentence {
    /// How many words it has.
    pub words: u32,
    /// Where it starts.
    pub at_word: u32,
    /// Its first words, for quoting.
    #[serde(skip)]
    pub opening: String,
}

/// A content word used too often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repeated {
    /// The word as first written.
    pub word: String,
    /// How often (forms folded by stemming).
    pub count: u32,
}

/// Whether a point was heard, with the words that show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointFinding {
    /// The point's label.
    pub point: String,
    /// Whether any cue matched.
    pub heard: bool,
    /// The matched words with a little context; `None` when not heard.
    pub evidence: Option<String>,
    /// The next step when not heard (the point's hint, or "Add: <point>").
    #[serde(skip)]
    pub hint: String,
    /// Written on the question itself (not the bank).
    #[serde(skip)]
    pub own: bool,
}

/// A dodge heard in the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AvoidFinding {
    /// The matched words.
    pub text: String,
    /// Why it lands badly.
    pub why: String,
    /// Where it starts.
    pub at_word: u32,
}

/// Everything read from one answer. Field names are those of
/// `review --json`'s `content` object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Findings {
    /// English or other (then every list below is empty).
    pub language: Language,
    /// Words in the answer.
    pub words: u32,
    /// Hedges that weaken a claim.
    pub hedges: Vec<Span>,
    /// Superlative claims about oneself.
    pub oversell: Vec<Span>,
    /// Figures (digits, percentages, money, spelled-out numbers, durations).
    pub specifics: Vec<Span>,
    /// Sentences over the length threshold.
    pub long_sentences: Vec<LongSentence>,
    /// Content words used too often.
    pub repeated: Vec<Repeated>,
    /// Each point that applies, heard or not.
    pub points: Vec<PointFinding>,
    /// Dodges heard.
    pub avoid: Vec<AvoidFinding>,
    /// Whether the company was named; `None` without `--company` or when
    /// the question does not name `{company}`.
    pub company_named: Option<bool>,
    /// In `questions-to-ask`: whether every question was about pay, perks
    /// or time off; `None` elsewhere.
    pub pay_only: Option<bool>,
}

/// Reads `text` against `points` and `avoid` (a question's, as
/// `Bank::points_for`/`avoid_for` give them). `None` for an answer with no
/// text (a skip, a voice answer) or no word in it.
#[must_use]
pub fn analyze(
    text: &str,
    points: &[&Point],
    avoid: &[&Avoid],
    ctx: &Context<'_>,
) -> Option<Findings> {
    Reader::new(points, avoid, ctx).read(text)
}

/// [`analyze`] with the points from `own_from` on marked `own` (written on
/// the question itself, as `Bank::points_for` lists them last).
#[must_use]
pub fn analyze_own(
    text: &str,
    points: &[&Point],
    own_from: usize,
    avoid: &[&Avoid],
    ctx: &Context<'_>,
) -> Option<Findings> {
    Reader::with_own(points, own_from, avoid, ctx).read(text)
}

/// [`analyze`] for a question of `bank`: its points and dodges, with the
/// question's own points marked `own`.
#[must_use]
pub fn analyze_question(
    text: &str,
    bank: &Bank,
    question: &Question,
    ctx: &Context<'_>,
) -> Option<Findings> {
    Reader::for_question(bank, question, ctx).read(text)
}

/// A question's points and dodges compiled once, to read many answers
/// (`stats` over a history): compiling costs more than reading.
#[derive(Debug)]
pub struct Reader<'a> {
    matcher: Matcher,
    points: Vec<(&'a Point, bool)>,
    /// Each point's next step (its hint, or "Add: <point>"), made once.
    hints: Vec<String>,
    avoid: Vec<&'a Avoid>,
    /// `--company`, when the question names `{company}` (owned, so a
    /// compiled reader can be kept for many answers).
    company: Option<String>,
    /// A `questions-to-ask` question: the pay-only rule applies.
    asks_them: bool,
    /// The question's own words, stemmed: not repetition.
    question_stems: hash::FastSet<String>,
}

impl<'a> Reader<'a> {
    /// Compiles `points` (none marked `own`) and `avoid` for `ctx`.
    #[must_use]
    pub fn new(points: &[&'a Point], avoid: &[&'a Avoid], ctx: &Context<'_>) -> Self {
        let marked: Vec<(&Point, bool)> = points.iter().map(|p| (*p, false)).collect();
        Self::compile(marked, avoid.to_vec(), *ctx)
    }

    /// Compiles `points`, those from `own_from` on marked `own` (a
    /// question's own points come last in `Bank::points_for`).
    #[must_use]
    pub fn with_own(
        points: &[&'a Point],
        own_from: usize,
        avoid: &[&'a Avoid],
        ctx: &Context<'_>,
    ) -> Self {
        let marked = points
            .iter()
            .enumerate()
            .map(|(i, p)| (*p, i >= own_from))
            .collect();
        Self::compile(marked, avoid.to_vec(), *ctx)
    }

    /// Compiles the points and dodges that apply to `question` of `bank`.
    #[must_use]
    pub fn for_question(bank: &'a Bank, question: &'a Question, ctx: &Context<'_>) -> Self {
        let points = bank
            .points_for(question)
            .into_iter()
            .map(|p| (p, question.listen_for.iter().any(|o| std::ptr::eq(o, p))))
            .collect();
        Self::compile(points, bank.avoid_for(question), *ctx)
    }

    fn compile(points: Vec<(&'a Point, bool)>, avoid: Vec<&'a Avoid>, ctx: Context<'_>) -> Self {
        // About one word per five bytes of cue text.
        let cue_bytes: usize = points
            .iter()
            .flat_map(|(p, _)| &p.cues)
            .chain(avoid.iter().flat_map(|a| &a.cues))
            .map(String::len)
            .sum();
        let mut matcher = Matcher::with_capacity(cue_bytes / 5 + 1);
        for (p, _) in &points {
            matcher.add(&p.cues, ctx.company, ctx.role);
        }
        for a in &avoid {
            matcher.add(&a.cues, ctx.company, ctx.role);
        }
        let hints = points
            .iter()
            .map(|(p, _)| {
                p.hint
                    .clone()
                    .unwrap_or_else(|| format!("Add: {}", p.point))
            })
            .collect();
        Self {
            matcher,
            points,
            hints,
            avoid,
            company: ctx
                .company
                .filter(|_| ctx.names_company)
                .map(str::to_string),
            asks_them: ctx.category == "questions-to-ask",
            question_stems: repetition::question_stems(ctx.question),
        }
    }

    /// Everything read from `text`; `None` when it has no word.
    #[must_use]
    pub fn read(&self, text: &str) -> Option<Findings> {
        let words = normalize::words(text);
        if words.is_empty() {
            return None;
        }
        let count = u32::try_from(words.len()).unwrap_or(u32::MAX);
        let language = language::detect(&words);
        let mut out = Findings {
            language,
            words: count,
            hedges: Vec::new(),
            oversell: Vec::new(),
            specifics: Vec::new(),
            long_sentences: Vec::new(),
            repeated: Vec::new(),
            points: Vec::new(),
            avoid: Vec::new(),
            company_named: None,
            pay_only: None,
        };
        if language == Language::Other {
            return Some(out);
        }
        let figures = figures::lengths(&words);
        let mut hits = self.matcher.find(&words, &figures);
        let n_points = self.points.len();
        // Each entry's hits together, by a stable sort (so still by start,
        // the first the earliest): an entry's are found by binary search,
        // whatever the number of points.
        hits.sort_by_key(|h| h.entry);
        let of_entry = |entry: usize| {
            let from = hits.partition_point(|h| h.entry < entry);
            let to = hits.partition_point(|h| h.entry <= entry);
            &hits[from..to]
        };
        out.points = self
            .points
            .iter()
            .enumerate()
            .map(|(i, (p, own))| {
                let hit = of_entry(i).first();
                PointFinding {
                    point: p.point.clone(),
                    heard: hit.is_some(),
                    evidence: hit.map(|h| evidence(text, &words, h)),
                    hint: self.hints[i].clone(),
                    own: *own,
                }
            })
            .collect();
        // One finding per span of words: a dodge over overselling,
        // overselling over a hedge.
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (i, a) in self.avoid.iter().enumerate() {
            for h in of_entry(n_points + i) {
                if !overlaps(&taken, h.start, h.end) {
                    taken.push((h.start, h.end));
                    out.avoid.push(AvoidFinding {
                        text: quote(text, &words, h.start, h.end),
                        why: a.why.clone(),
                        at_word: to_u32(h.start),
                    });
                }
            }
        }
        out.avoid.sort_by_key(|a| a.at_word);
        for (at, len) in oversell::find(&words) {
            if !overlaps(&taken, at, at + len) {
                out.oversell.push(span(text, &words, at, at + len));
                taken.push((at, at + len));
            }
        }
        for (at, len) in hedges::find(&words, &figures) {
            if !overlaps(&taken, at, at + len) {
                out.hedges.push(span(text, &words, at, at + len));
            }
        }
        out.specifics = figures
            .iter()
            .enumerate()
            .filter(|(_, len)| **len > 0)
            .map(|(at, len)| Span {
                text: figure_text(text, &words, at, at + len),
                at_word: to_u32(at),
            })
            .collect();
        out.long_sentences = sentences::long(&words, text);
        out.repeated = repetition::find(&words, &self.question_stems);
        out.company_named = match &self.company {
            Some(company) => names(&words, company),
            None => None,
        };
        out.pay_only = self.asks_them.then(|| pay_only(text)).flatten();
        Some(out)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether words `start..end` overlap any of `taken`.
fn overlaps(taken: &[(usize, usize)], start: usize, end: usize) -> bool {
    taken.iter().any(|&(s, e)| start < e && s < end)
}

/// Byte range of word `i`'s core (the word without its punctuation).
fn core_range(text: &str, w: &Word<'_>) -> (usize, usize) {
    let start = w.core.as_ptr() as usize - text.as_ptr() as usize;
    (start, start + w.core.len())
}

/// Words `start..end` as written, without the punctuation around them.
fn quote(text: &str, words: &[Word<'_>], start: usize, end: usize) -> String {
    let (from, _) = core_range(text, &words[start]);
    let (_, to) = core_range(text, &words[end - 1]);
    text[from..to].to_owned()
}

fn span(text: &str, words: &[Word<'_>], start: usize, end: usize) -> Span {
    Span {
        text: quote(text, words, start, end),
        at_word: to_u32(start),
    }
}

/// A figure as written: with a currency sign before it and a `%` after.
fn figure_text(text: &str, words: &[Word<'_>], start: usize, end: usize) -> String {
    let (mut from, _) = core_range(text, &words[start]);
    let (_, mut to) = core_range(text, &words[end - 1]);
    if let Some(c) = text[..from].chars().next_back()
        && matches!(c, '$' | '€' | '£' | '¥')
        && from > words[start].start
    {
        from -= c.len_utf8();
    }
    if text[to..].starts_with('%') && to < words[end - 1].end() {
        to += 1;
    }
    text[from..to].to_owned()
}

/// A heard cue's words with [`CONTEXT_WORDS`] words each side, as written.
fn evidence(text: &str, words: &[Word<'_>], hit: &Hit) -> String {
    let from = hit.start.saturating_sub(CONTEXT_WORDS);
    let to = (hit.end + CONTEXT_WORDS).min(words.len());
    quote(text, words, from, to)
}

/// Whether the answer names `company` (its words in order; the last may
/// carry a possessive: "Acme's"). `None` for a name with no word.
fn names(words: &[Word<'_>], company: &str) -> Option<bool> {
    let want: Vec<String> = normalize::words(company)
        .iter()
        .map(|w| w.key.to_string())
        .collect();
    let (last, init) = want.split_last()?;
    let possessive = format!("{last}s");
    Some(words.windows(want.len()).any(|win| {
        win.iter().zip(init).all(|(w, k)| w.key == *k)
            && win
                .last()
                .is_some_and(|w| w.key == *last || w.key == possessive)
    }))
}

#[cfg(test)]
mod tests;
