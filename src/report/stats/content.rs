//! The content section of `stats`: what the answers said over a range
//! (the last [`DEFAULT_DAYS`] days, or the `--since` range), gathered while
//! the history streams past — each English answer with text read once
//! (`report::content::Reader`), only counts kept.
//!
//! - Hedges per 100 words, overall and per category.
//! - For each point: the share of answers it applied to where it was
//!   heard, over the range and over its last [`RECENT_DAYS`] days, so the
//!   change shows ("the result: 40% → 70%").
//! - The dodges heard most often.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;

use super::Filter;
use crate::content::{Findings, Language};
use crate::drill::{AnswerRecord, Record};
use crate::history::Position;

use crate::report::content::Reader;

/// The content range without `--since`: today and the days before it.
pub const DEFAULT_DAYS: i64 = 90;
/// The recent window each point's share is compared over.
pub const RECENT_DAYS: i64 = 14;
/// How many dodges are listed.
pub const TOP_AVOID: usize = 5;

/// One category's hedging.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryContent {
    /// The category.
    pub category: String,
    /// English answers read.
    pub answers: u64,
    /// Hedges per 100 of their words.
    pub hedges_per_100_words: f64,
}

/// How often one point was heard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointShare {
    /// The category whose answers it applied to.
    pub category: String,
    /// The point's label.
    pub point: String,
    /// Answers it applied to, in the range.
    pub answers: u64,
    /// Of those, answers where it was heard.
    pub heard: u64,
    /// Answers it applied to in the last [`RECENT_DAYS`] days.
    pub answers_14d: u64,
    /// Of those, answers where it was heard.
    pub heard_14d: u64,
}

/// A dodge and how many answers it was heard in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AvoidCount {
    /// The matched words (lowercase).
    pub text: String,
    /// How many times.
    pub count: u64,
}

/// The `content` object of `stats --json` (DESIGN.md), and what the text
/// view shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContentStats {
    /// The first date of the range.
    pub since: String,
    /// Over every English answer read.
    pub hedges_per_100_words: f64,
    /// By category name.
    pub categories: Vec<CategoryContent>,
    /// By category, then in the banks' order of first appearance.
    pub points: Vec<PointShare>,
    /// Most frequent first.
    pub avoid: Vec<AvoidCount>,
}

#[derive(Debug, Default)]
struct Acc {
    answers: u64,
    words: u64,
    hedges: u64,
}

impl Acc {
    fn add(&mut self, other: &Self) {
        self.answers += other.answers;
        self.words += other.words;
        self.hedges += other.hedges;
    }
}

/// What the content section keeps of one English answer, made on the
/// thread that read it ([`ContentRange::read`]): counts and the point
/// labels, the findings' quotes dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentFact {
    /// In the last [`RECENT_DAYS`] days.
    recent: bool,
    words: u64,
    hedges: u64,
    /// Each point that applied, and whether it was heard.
    points: Vec<(String, bool)>,
    /// The dodges heard, lowercase.
    avoid: Vec<String>,
}

impl ContentFact {
    /// The fact of one English answer's findings (`recent`: in the last
    /// [`RECENT_DAYS`] days).
    #[must_use]
    pub fn of(recent: bool, f: Findings) -> Self {
        Self {
            recent,
            words: u64::from(f.words),
            hedges: f.hedges.len() as u64,
            points: f.points.into_iter().map(|p| (p.point, p.heard)).collect(),
            avoid: f.avoid.iter().map(|d| d.text.to_lowercase()).collect(),
        }
    }
}

/// Which answers the content section reads, and the reading of one:
/// small and `Sync`, so each reading thread reads with its own
/// [`Reader`] (and its cache of compiled matchers).
#[derive(Debug, Clone, Copy)]
pub struct ContentRange {
    since: Date,
    recent: Date,
}

impl ContentRange {
    /// From `since`, or [`DEFAULT_DAYS`] back from `today`.
    #[must_use]
    pub fn new(since: Option<Date>, today: Date) -> Self {
        let back = |days: i64| {
            today
                .checked_sub(jiff::Span::new().days(days - 1))
                .unwrap_or(Date::MIN)
        };
        Self {
            since: since.unwrap_or_else(|| back(DEFAULT_DAYS)),
            recent: back(RECENT_DAYS),
        }
    }

    /// What an answer the filter kept, dated `date` (as
    /// `StatsBuilder::add` returns it: one dating per answer for the
    /// whole report), said: `None` before the range, for a skip, an answer
    /// without text or one not read as English.
    pub fn read(
        &self,
        reader: &mut Reader<'_>,
        a: &AnswerRecord,
        date: Date,
    ) -> Option<ContentFact> {
        // Cheap checks first: reading is the costly step.
        if date < self.since || a.skipped || a.text.is_empty() {
            return None;
        }
        let f = reader.read(a)?;
        if f.language != Language::English {
            return None;
        }
        Some(ContentFact::of(date >= self.recent, f))
    }
}

/// Gathers [`ContentStats`], like `StatsBuilder`: from records in file
/// order ([`add`](Self::add)), or in [`part`](Self::part)s, one per reading
/// thread, each with its own [`Reader`], [`merge`](Self::merge)d at the end.
pub struct ContentBuilder<'c> {
    filter: Filter,
    range: ContentRange,
    reader: Reader<'c>,
    /// The position [`add`](Self::add) gives the next record.
    next: Position,
    total: Acc,
    categories: HashMap<String, Acc>,
    /// Each point with where it was first seen (the answer's position and
    /// the point's place among that answer's), looked up by (category,
    /// point): the banks' order within a category is first-seen order.
    points: Vec<((Position, usize), PointShare)>,
    /// category → point → index into `points`.
    index: HashMap<String, HashMap<String, usize>>,
    avoid: HashMap<String, u64>,
}

impl<'c> ContentBuilder<'c> {
    /// Covers what `filter` keeps (its categories and mode) from the
    /// filter's `since`, or [`DEFAULT_DAYS`] back from `today`, reading
    /// answers given to [`add`](Self::add) through `reader`.
    #[must_use]
    pub fn new(filter: Filter, today: Date, reader: Reader<'c>) -> Self {
        let range = ContentRange::new(filter.since, today);
        Self::empty(filter, range, reader)
    }

    /// An empty part of the same report, for another reading thread: its
    /// own reader over the same banks.
    #[must_use]
    pub fn part(&self) -> Self {
        Self::empty(self.filter.clone(), self.range, self.reader.fresh())
    }

    fn empty(filter: Filter, range: ContentRange, reader: Reader<'c>) -> Self {
        Self {
            filter,
            range,
            reader,
            next: Position::default(),
            total: Acc::default(),
            categories: HashMap::new(),
            points: Vec::new(),
            index: HashMap::new(),
            avoid: HashMap::new(),
        }
    }

    /// Takes the next record in file order; only answers in the range are
    /// read.
    pub fn add(&mut self, record: &Record) {
        let at = self.next;
        self.next = at.next();
        if let Record::Answer(a) = record
            && let Some(date) = self.filter.keeps(a)
        {
            self.read_at(at, a, date);
        }
    }

    /// Reads the answer at `at`, one the filter kept, dated `date` (as
    /// `StatsBuilder::add_at` returns it: one dating per answer for the
    /// whole report); a part is given its answers in file order.
    pub fn read_at(&mut self, at: Position, a: &AnswerRecord, date: Date) {
        if let Some(fact) = self.range.read(&mut self.reader, a, date) {
            self.take(at, &a.category, fact);
        }
    }

    /// Counts one English answer of `category`, read by [`ContentRange::read`].
    fn take(&mut self, at: Position, category: &str, f: ContentFact) {
        for acc in [
            &mut self.total,
            match self.categories.get_mut(category) {
                Some(c) => c,
                None => self.categories.entry(category.to_string()).or_default(),
            },
        ] {
            acc.answers += 1;
            acc.words += f.words;
            acc.hedges += f.hedges;
        }
        for (k, (point, heard)) in f.points.into_iter().enumerate() {
            let share = self.share((at, k), category, point);
            share.answers += 1;
            share.heard += u64::from(heard);
            if f.recent {
                share.answers_14d += 1;
                share.heard_14d += u64::from(heard);
            }
        }
        for d in f.avoid {
            *self.avoid.entry(d).or_default() += 1;
        }
    }

    /// The share of `point` of `category`, first seen at `first` (kept when
    /// earlier than what was known).
    fn share(
        &mut self,
        first: (Position, usize),
        category: &str,
        point: String,
    ) -> &mut PointShare {
        // Keys are cloned only the first time they are seen.
        let index = match self.index.get_mut(category) {
            Some(index) => index,
            None => self.index.entry(category.to_string()).or_default(),
        };
        let i = if let Some(&i) = index.get(&point) {
            i
        } else {
            self.points.push((
                first,
                PointShare {
                    category: category.to_string(),
                    point: point.clone(),
                    answers: 0,
                    heard: 0,
                    answers_14d: 0,
                    heard_14d: 0,
                },
            ));
            index.insert(point, self.points.len() - 1);
            self.points.len() - 1
        };
        let (seen, share) = &mut self.points[i];
        *seen = (*seen).min(first);
        share
    }

    /// Takes another part of the same report.
    pub fn merge(&mut self, other: Self) {
        self.total.add(&other.total);
        for (category, acc) in &other.categories {
            self.categories
                .entry(category.clone())
                .or_default()
                .add(acc);
        }
        for (first, p) in other.points {
            let share = self.share(first, &p.category, p.point);
            share.answers += p.answers;
            share.heard += p.heard;
            share.answers_14d += p.answers_14d;
            share.heard_14d += p.heard_14d;
        }
        for (d, n) in other.avoid {
            *self.avoid.entry(d).or_default() += n;
        }
    }

    /// The figures.
    #[must_use]
    pub fn finish(self) -> ContentStats {
        let per_100 = |acc: &Acc| {
            if acc.words == 0 {
                0.0
            } else {
                super::round2(acc.hedges as f64 * 100.0 / acc.words as f64)
            }
        };
        let mut categories: Vec<CategoryContent> = self
            .categories
            .iter()
            .map(|(category, acc)| CategoryContent {
                category: category.clone(),
                answers: acc.answers,
                hedges_per_100_words: per_100(acc),
            })
            .collect();
        categories.sort_by(|a, b| a.category.cmp(&b.category));
        let mut points = self.points;
        // Within a category, the banks' order: first seen first.
        points.sort_by(|a, b| a.1.category.cmp(&b.1.category).then(a.0.cmp(&b.0)));
        let points = points.into_iter().map(|(_, p)| p).collect();
        let mut avoid: Vec<AvoidCount> = self
            .avoid
            .into_iter()
            .map(|(text, count)| AvoidCount { text, count })
            .collect();
        avoid.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
        avoid.truncate(TOP_AVOID);
        ContentStats {
            since: self.range.since.to_string(),
            hedges_per_100_words: per_100(&self.total),
            categories,
            points,
            avoid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZone;

    fn answer(at: &str, category: &str, text: &str) -> Record {
        Record::Answer(AnswerRecord {
            session: "s".into(),
            at: crate::drill::Stamp::parse(at).unwrap(),
            question: format!("{category}/q"),
            category: category.into(),
            text: text.into(),
            ..Default::default()
        })
    }

    #[test]
    fn the_range_is_ninety_days_by_default_or_since_and_only_text_is_read() {
        let today: Date = "2026-12-01".parse().unwrap();
        let mut b = ContentBuilder::new(Filter::all(TimeZone::UTC), today, Reader::new(None));
        b.add(&answer(
            "2026-09-02T10:00:00Z",
            "behavioral",
            "too old to count",
        ));
        b.add(&answer(
            "2026-09-03T10:00:00Z",
            "behavioral",
            "one two three four",
        ));
        b.add(&answer("2026-11-30T10:00:00Z", "weaknesses", "five six"));
        b.add(&answer("2026-11-30T11:00:00Z", "weaknesses", ""));
        let s = b.finish();
        assert_eq!(s.since, "2026-09-03");
        let counts: Vec<(&str, u64)> = s
            .categories
            .iter()
            .map(|c| (c.category.as_str(), c.answers))
            .collect();
        assert_eq!(counts, vec![("behavioral", 1), ("weaknesses", 1)]);
        // The analyzer's hedges feed the rate; none from the stub yet.
        assert_eq!(s.hedges_per_100_words, 0.0);

        let filter = Filter {
            since: Some("2026-11-01".parse().unwrap()),
            ..Filter::all(TimeZone::UTC)
        };
        let mut b = ContentBuilder::new(filter, today, Reader::new(None));
        b.add(&answer("2026-09-03T10:00:00Z", "behavioral", "one two"));
        b.add(&answer("2026-11-30T10:00:00Z", "weaknesses", "five six"));
        let s = b.finish();
        assert_eq!(s.since, "2026-11-01");
        assert_eq!(s.categories.len(), 1);
    }

    fn findings(words: u32, hedges: usize, heard: &[(&str, bool)], avoid: &[&str]) -> Findings {
        use crate::content::{AvoidFinding, PointFinding, Span};
        Findings {
            language: Language::English,
            words,
            hedges: (0..hedges)
                .map(|i| Span {
                    text: "maybe".into(),
                    at_word: u32::try_from(i).unwrap(),
                })
                .collect(),
            oversell: Vec::new(),
            specifics: Vec::new(),
            long_sentences: Vec::new(),
            repeated: Vec::new(),
            points: heard
                .iter()
                .map(|(p, h)| PointFinding {
                    point: (*p).into(),
                    heard: *h,
                    evidence: h.then(|| "x".into()),
                    hint: String::new(),
                    own: false,
                })
                .collect(),
            avoid: avoid
                .iter()
                .map(|t| AvoidFinding {
                    text: (*t).into(),
                    why: "why".into(),
                    at_word: 0,
                })
                .collect(),
            company_named: None,
            pay_only: None,
        }
    }

    /// The facts of the points test, in file order.
    fn facts() -> Vec<(&'static str, ContentFact)> {
        let r = [("the situation", true), ("the result", false)];
        let heard = [("the result", true), ("the situation", true)];
        let mut out = Vec::new();
        // Older: the result missed in 3 of 3; recent: heard in 2 of 2.
        for _ in 0..3 {
            out.push((
                "behavioral",
                ContentFact::of(false, findings(100, 2, &r, &["Wasn't my fault"])),
            ));
        }
        for _ in 0..2 {
            out.push((
                "behavioral",
                ContentFact::of(true, findings(100, 0, &heard, &[])),
            ));
        }
        out.push((
            "weaknesses",
            ContentFact::of(true, findings(50, 3, &[], &["perfectionist"])),
        ));
        out
    }

    fn builder() -> ContentBuilder<'static> {
        let today: Date = "2026-12-01".parse().unwrap();
        ContentBuilder::new(Filter::all(TimeZone::UTC), today, Reader::new(None))
    }

    /// The facts given to one builder in file order.
    fn one_pass() -> ContentStats {
        let mut b = builder();
        let mut at = Position::default();
        for (category, fact) in facts() {
            b.take(at, category, fact);
            at = at.next();
        }
        b.finish()
    }

    #[test]
    fn points_are_shared_over_the_range_and_the_last_fourteen_days() {
        let s = one_pass();
        assert_eq!(s.hedges_per_100_words, 1.64); // 9 hedges in 550 words
        assert_eq!(s.categories[0].hedges_per_100_words, 1.2);
        assert_eq!(s.categories[1].hedges_per_100_words, 6.0);
        let result = s.points.iter().find(|p| p.point == "the result").unwrap();
        assert_eq!(
            (
                result.answers,
                result.heard,
                result.answers_14d,
                result.heard_14d
            ),
            (5, 2, 2, 2)
        );
        assert_eq!(s.points[0].point, "the situation", "the banks' order");
        assert_eq!(
            s.avoid,
            vec![
                AvoidCount {
                    text: "wasn't my fault".into(),
                    count: 3
                },
                AvoidCount {
                    text: "perfectionist".into(),
                    count: 1
                },
            ]
        );
    }

    /// Parts given alternate answers, merged in either order, give what
    /// one builder given them all in order gives — the points' first-seen
    /// order too, though the later part met its points in another order.
    #[test]
    fn merged_parts_give_the_figures_of_one_pass() {
        let whole = one_pass();
        for odd_first in [false, true] {
            let main = builder();
            let (mut even, mut odd) = (main.part(), main.part());
            let mut at = Position::default();
            for (i, (category, fact)) in facts().into_iter().enumerate() {
                if i % 2 == 0 { &mut even } else { &mut odd }.take(at, category, fact);
                at = at.next();
            }
            let mut merged = main;
            let (a, b) = if odd_first { (odd, even) } else { (even, odd) };
            merged.merge(a);
            merged.merge(b);
            assert_eq!(merged.finish(), whole, "odd part first: {odd_first}");
        }
    }
}
