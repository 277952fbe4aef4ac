//! `hotseat stats`: figures gathered while the history streams past, one
//! record at a time (see [`StatsBuilder`]); nothing but compact facts is
//! kept (think times for medians, a few top-5 entries), never the records.
//!
//! - Means and medians are over every answer record of the category,
//!   skipped ones included.
//! - The stickiest list ranks questions by the hesitation score `daily`
//!   schedules by: the mean of [`coach::answer_hesitation`] over the
//!   question's drill and daily answers, follow-ups excluded
//!   ([`AnswerRecord::moves_schedule`]) — exactly what
//!   `schedule::Memory::score` is (a unit test holds the two together),
//!   but summed exactly (`ExactSum`): the same to the last bit however
//!   the answers fell in the parts of the report.
//! - The streak is `schedule::streak` over `SessionDays::practice_days`, over
//!   the whole history whatever the filters: it is the user's streak.
//! - Dates are each record's own local date (`Stamp::local_date_in`).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use crate::drill::coach::{answer_hesitation, place};
use crate::drill::schedule::{self, SessionDays};
use crate::drill::{AnswerRecord, Mode, Record};
use crate::history::Position;

/// How many questions the stickiest list shows.
pub const STICKIEST: usize = 10;
/// How many slowest starts and longest pauses are shown.
pub const TOP: usize = 5;

/// Which answers a report covers.
#[derive(Debug, Clone)]
pub struct Filter {
    /// First local date included (none: from the start).
    pub since: Option<Date>,
    /// Only these categories (empty: all).
    pub categories: Vec<String>,
    /// Only this mode.
    pub mode: Option<Mode>,
    /// Only this session (by id).
    pub session: Option<String>,
    /// The zone `Z` stamps are read in (the machine's).
    pub zone: TimeZone,
}

impl Filter {
    /// Every answer, dates read in `zone`.
    #[must_use]
    pub fn all(zone: TimeZone) -> Self {
        Self {
            since: None,
            categories: Vec::new(),
            mode: None,
            session: None,
            zone,
        }
    }

    /// The answer's local date, when the filter keeps it.
    #[must_use]
    pub fn keeps(&self, a: &AnswerRecord) -> Option<Date> {
        if self.mode.is_some_and(|m| m != a.mode) {
            return None;
        }
        if self.session.as_ref().is_some_and(|s| *s != a.session) {
            return None;
        }
        if !self.categories.is_empty() && !self.categories.contains(&a.category) {
            return None;
        }
        let date = a.at.local_date_in(&self.zone);
        match self.since {
            Some(since) if date < since => None,
            _ => Some(date),
        }
    }
}

/// One category's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryStats {
    /// The category.
    pub category: String,
    /// Answer records (skipped ones included).
    pub answers: u64,
    /// Mean think time, ms (rounded).
    pub think_ms_mean: u64,
    /// Median think time, ms (the mean of the middle two for an even count,
    /// rounded).
    pub think_ms_median: u64,
    /// Pauses (and spoken stumbles), counted.
    pub pauses: u64,
    /// Skipped answers.
    pub skipped: u64,
    /// Answers past their limit.
    pub overran: u64,
    /// Filler words and phrases.
    pub fillers: u64,
    /// Words.
    pub words: u64,
}

impl CategoryStats {
    /// Pauses per answer.
    #[must_use]
    pub fn pauses_per_answer(&self) -> f64 {
        ratio(self.pauses, self.answers)
    }
    /// Share of answers skipped, 0–1.
    #[must_use]
    pub fn skip_rate(&self) -> f64 {
        ratio(self.skipped, self.answers)
    }
    /// Share of answers past the limit, 0–1.
    #[must_use]
    pub fn overrun_rate(&self) -> f64 {
        ratio(self.overran, self.answers)
    }
    /// Fillers per 100 words (0 without words).
    #[must_use]
    pub fn fillers_per_100_words(&self) -> f64 {
        100.0 * ratio(self.fillers, self.words)
    }
}

fn ratio(n: u64, of: u64) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}

/// A question in the stickiest list.
#[derive(Debug, Clone, PartialEq)]
pub struct Sticky {
    /// `category/id`.
    pub question: String,
    /// Answers that count for the score.
    pub answers: u32,
    /// The hesitation score (higher is worse).
    pub score: f64,
}

/// One day with answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayStats {
    /// The local date.
    pub date: Date,
    /// Answers that day.
    pub answers: u64,
    /// Median think time that day, ms.
    pub think_ms_median: u64,
}

/// One of the slowest starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlowStart {
    /// `category/id`.
    pub question: String,
    /// Session id.
    pub session: String,
    /// Local date.
    pub date: Date,
    /// Think time, ms.
    pub think_ms: u64,
}

/// One of the longest pauses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongPause {
    /// `category/id`.
    pub question: String,
    /// Session id.
    pub session: String,
    /// Local date.
    pub date: Date,
    /// Length, ms.
    pub ms: u64,
    /// Words before it, when it has a place in the text.
    pub at_word: Option<u32>,
    /// Where it fell, in words: `after “to” (word 3)`.
    pub place: String,
}

/// Everything `stats` shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// The day the report is for.
    pub today: Date,
    /// First date covered, if limited.
    pub since: Option<Date>,
    /// Answer records covered.
    pub answers: u64,
    /// Sessions with at least one covered answer.
    pub sessions: u64,
    /// Consecutive days with practice up to today (or yesterday).
    pub streak_days: u32,
    /// Whether today already has practice.
    pub practised_today: bool,
    /// By category name.
    pub categories: Vec<CategoryStats>,
    /// Worst first.
    pub stickiest: Vec<Sticky>,
    /// By date.
    pub days: Vec<DayStats>,
    /// Longest think time first.
    pub slowest: Vec<SlowStart>,
    /// Longest first.
    pub longest: Vec<LongPause>,
}

/// The maps here are keyed by short, trusted-enough strings (a hostile
/// history can only make its own stats slower), and `SipHash`, then
/// byte-at-a-time FNV, were a visible share of a 100,000-answer report:
/// the Fx hash rustc uses (`rustc-hash`).
type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
type FastSet<K> = rustc_hash::FxHashSet<K>;

#[derive(Debug, Default)]
struct CategoryAcc {
    think: Vec<u64>,
    /// Wide enough never to overflow, whatever the file says.
    think_sum: u128,
    pauses: u64,
    skipped: u64,
    overran: u64,
    fillers: u64,
    words: u64,
}

#[derive(Debug, Default)]
struct QuestionAcc {
    hesitation: ExactSum,
    scored: u32,
}

/// A sum of floating-point numbers kept exactly, as non-overlapping
/// partials (Shewchuk's algorithm, as Python's `math.fsum`), and given
/// correctly rounded: a function of the numbers alone, whatever order and
/// grouping they are added in. A plain `f64` sum is not: parts of one
/// report add a question's scores in other groupings than one pass in
/// order ((0.1 + 0.7) + 0.3 is not (0.1 + 0.3) + 0.7), and questions of
/// equal means would be ranked by that rounding noise instead of by their
/// answers and names.
#[derive(Debug, Default, Clone)]
struct ExactSum(Vec<f64>);

impl ExactSum {
    /// Adds `x` (finite: hesitation scores are).
    fn add(&mut self, mut x: f64) {
        let mut kept = 0;
        for j in 0..self.0.len() {
            let mut y = self.0[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.0[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        self.0.truncate(kept);
        self.0.push(x);
    }

    /// Adds everything `other` holds.
    fn merge(&mut self, other: &Self) {
        for &p in &other.0 {
            self.add(p);
        }
    }

    /// The exact sum rounded to the nearest `f64` (ties to even).
    fn value(&self) -> f64 {
        let p = &self.0;
        let Some(&top) = p.last() else {
            return 0.0;
        };
        let (mut hi, mut lo) = (top, 0.0);
        let mut n = p.len() - 1;
        // From the largest partial down, while the sum stays exact.
        while n > 0 {
            n -= 1;
            let (x, y) = (hi, p[n]);
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Halfway between two doubles, the partials below say which way.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
        hi
    }
}

/// Gathers [`Stats`] from records, in parts: one builder takes records
/// in file order ([`add`](Self::add)), or each reading thread folds the
/// records it parsed into a [`part`](Self::part) of one (`History::fold`,
/// [`add_at`](Self::add_at)) and the parts are [`merge`](Self::merge)d.
/// Every figure is a count, a sum, a multiset of values (for medians) or a
/// "first of equals" decided by the records' [`Position`]s, so merged
/// parts give the figures of reading every record in order. Nothing of a
/// record is kept but those figures.
#[derive(Debug)]
pub struct StatsBuilder {
    filter: Filter,
    /// The shortest of the longest pauses once a part has [`TOP`] of them
    /// (0 before), shared by every part of one report: a pause shorter
    /// than it can never enter the list, so its place in the text is not
    /// worked out. It only grows, so a part that reads it late only does
    /// more work, never less than needed.
    floor: Arc<AtomicU64>,
    /// The position [`add`](Self::add) gives the next record.
    next: Position,
    answers: u64,
    sessions: FastSet<String>,
    /// The session of the last answer counted: consecutive answers almost
    /// always share one, so the set is not asked each time.
    last_session: Option<String>,
    categories: FastMap<String, CategoryAcc>,
    questions: FastMap<String, QuestionAcc>,
    /// Think times per local date, kept in date order (histories are
    /// written in time order, so the last entry is nearly always the one).
    days: Vec<(Date, Vec<u64>)>,
    /// For the streak: see [`StatsBuilder::add_at`] for what it is fed.
    practice: SessionDays,
    run: Run,
    /// Each with the position of its record: the first of equals wins.
    slowest: Vec<(Position, SlowStart)>,
    longest: Vec<(Position, LongPause)>,
}

/// The run of consecutive answers of one session being read.
#[derive(Debug, Default)]
struct Run {
    session: Option<String>,
    /// Its earliest time so far.
    first: Option<crate::drill::Stamp>,
    /// Whether one was fed that was not skipped.
    counted: bool,
}

/// Sets `slot` to `s`, reusing its memory.
fn set(slot: &mut Option<String>, s: &str) {
    match slot {
        Some(held) => {
            held.clear();
            held.push_str(s);
        }
        None => *slot = Some(s.to_string()),
    }
}

impl StatsBuilder {
    /// An empty report covering what `filter` keeps.
    #[must_use]
    pub fn new(filter: Filter) -> Self {
        Self {
            filter,
            floor: Arc::new(AtomicU64::new(0)),
            next: Position::default(),
            answers: 0,
            sessions: FastSet::default(),
            last_session: None,
            categories: FastMap::default(),
            questions: FastMap::default(),
            days: Vec::new(),
            practice: SessionDays::default(),
            run: Run::default(),
            slowest: Vec::new(),
            longest: Vec::new(),
        }
    }

    /// An empty part of the same report, for another reading thread.
    #[must_use]
    pub fn part(&self) -> Self {
        let mut part = Self::new(self.filter.clone());
        part.floor = Arc::clone(&self.floor);
        part
    }

    /// Takes the next record in file order: [`add_at`](Self::add_at) the
    /// position after the last one added.
    pub fn add(&mut self, record: &Record) -> Option<Date> {
        let at = self.next;
        self.next = at.next();
        self.add_at(at, record)
    }

    /// Takes the record at `at`; a part is given its records in file order.
    /// Returns the answer's local date when the filter keeps it, so that
    /// the content section does not date it a second time.
    ///
    /// The streak comes from `SessionDays::practice_days`, which needs of
    /// each session only its closing record, its earliest answer and
    /// whether one answer was not skipped. So it is fed every session
    /// record, and of each run of consecutive answers of one session only
    /// those that lower the run's earliest time or are its first not
    /// skipped: the same days as feeding it everything (a unit test
    /// checks), at a fraction of the cost on a long history. Ratings
    /// change no figure.
    pub fn add_at(&mut self, at: Position, record: &Record) -> Option<Date> {
        let a = match record {
            Record::Answer(a) => a,
            Record::Session(s) => {
                self.practice.start(&s.session, s.started);
                return None;
            }
            Record::Rating(_) => return None,
        };
        let run = &mut self.run;
        if run.session.as_deref() != Some(a.session.as_str()) {
            set(&mut run.session, &a.session);
            run.first = None;
            run.counted = false;
        }
        if run.first.is_none_or(|first| a.at < first) || (!a.skipped && !run.counted) {
            self.practice.answer(&a.session, a.at, a.skipped);
            run.first = Some(run.first.map_or(a.at, |first| first.min(a.at)));
            run.counted |= !a.skipped;
        }
        let date = self.filter.keeps(a)?;
        self.count(at, a, date);
        Some(date)
    }

    fn count(&mut self, at: Position, a: &AnswerRecord, date: Date) {
        self.answers += 1;
        if self.last_session.as_deref() != Some(a.session.as_str()) {
            if !self.sessions.contains(a.session.as_str()) {
                self.sessions.insert(a.session.clone());
            }
            set(&mut self.last_session, &a.session);
        }
        // Keys are cloned only the first time they are seen.
        let cat = match self.categories.get_mut(a.category.as_str()) {
            Some(c) => c,
            None => self.categories.entry(a.category.clone()).or_default(),
        };
        cat.think.push(a.think_ms);
        cat.think_sum += u128::from(a.think_ms);
        cat.pauses += a.pauses.len() as u64;
        cat.skipped += u64::from(a.skipped);
        cat.overran += u64::from(a.overran);
        // Null means "not measured" (voice): such answers count in neither
        // side of fillers per 100 words.
        if let Some((f, w)) = a.fillers.zip(a.words) {
            cat.fillers += u64::from(f);
            cat.words += u64::from(w);
        }
        add_day(&mut self.days, date, a.think_ms);
        if a.moves_schedule() {
            let q = match self.questions.get_mut(a.question.as_str()) {
                Some(q) => q,
                None => self.questions.entry(a.question.clone()).or_default(),
            };
            q.hesitation.add(answer_hesitation(a));
            q.scored += 1;
        }
        self.top(at, a, date);
    }

    /// Keeps the slowest starts and longest pauses (first seen wins ties).
    fn top(&mut self, at: Position, a: &AnswerRecord, date: Date) {
        let think = |s: &SlowStart| s.think_ms;
        if enters(&self.slowest, a.think_ms, think) {
            let slow = SlowStart {
                question: a.question.clone(),
                session: a.session.clone(),
                date,
                think_ms: a.think_ms,
            };
            insert_top(&mut self.slowest, at, slow, think);
        }
        // Equal to the floor may still enter: it may come before the
        // floor's own pause in the file.
        let floor = self.floor.load(Ordering::Relaxed);
        let ms = |l: &LongPause| l.ms;
        for p in a.pauses.iter().filter(|p| p.ms > 0 && p.ms >= floor) {
            if enters(&self.longest, p.ms, ms) {
                let long = LongPause {
                    question: a.question.clone(),
                    session: a.session.clone(),
                    date,
                    ms: p.ms,
                    at_word: p.at_word,
                    place: place(&a.text, p),
                };
                insert_top(&mut self.longest, at, long, ms);
                if let (TOP, Some(last)) = (self.longest.len(), self.longest.last()) {
                    self.floor.fetch_max(last.1.ms, Ordering::Relaxed);
                }
            }
        }
    }

    /// Takes another part of the same report.
    pub fn merge(&mut self, other: Self) {
        self.answers += other.answers;
        self.sessions.extend(other.sessions);
        for (category, c) in other.categories {
            let mine = self.categories.entry(category).or_default();
            mine.think.extend(c.think);
            mine.think_sum += c.think_sum;
            mine.pauses += c.pauses;
            mine.skipped += c.skipped;
            mine.overran += c.overran;
            mine.fillers += c.fillers;
            mine.words += c.words;
        }
        for (question, q) in other.questions {
            let mine = self.questions.entry(question).or_default();
            mine.hesitation.merge(&q.hesitation);
            mine.scored += q.scored;
        }
        self.days = merge_days(std::mem::take(&mut self.days), other.days);
        self.practice.merge(other.practice);
        merge_top(&mut self.slowest, other.slowest, |s| s.think_ms);
        merge_top(&mut self.longest, other.longest, |l| l.ms);
    }

    /// The figures, for `today`.
    #[must_use]
    pub fn finish(self, today: Date) -> Stats {
        let practice_days = self.practice.practice_days(&self.filter.zone);
        let streak_days = schedule::streak(&practice_days, today);
        let mut categories: Vec<CategoryStats> = self
            .categories
            .into_iter()
            .map(|(category, mut c)| {
                let n = c.think.len() as u64;
                CategoryStats {
                    category,
                    answers: n,
                    think_ms_mean: mean(c.think_sum, n),
                    think_ms_median: median(&mut c.think),
                    pauses: c.pauses,
                    skipped: c.skipped,
                    overran: c.overran,
                    fillers: c.fillers,
                    words: c.words,
                }
            })
            .collect();
        categories.sort_by(|a, b| a.category.cmp(&b.category));
        let mut stickiest: Vec<Sticky> = self
            .questions
            .into_iter()
            .filter(|(_, q)| q.scored > 0)
            .map(|(question, q)| Sticky {
                question,
                answers: q.scored,
                score: q.hesitation.value() / f64::from(q.scored),
            })
            .filter(|s| s.score > 0.0)
            .collect();
        stickiest.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.answers.cmp(&a.answers))
                .then_with(|| a.question.cmp(&b.question))
        });
        stickiest.truncate(STICKIEST);
        let days = self
            .days
            .into_iter()
            .map(|(date, mut think)| DayStats {
                date,
                answers: think.len() as u64,
                think_ms_median: median(&mut think),
            })
            .collect();
        Stats {
            today,
            since: self.filter.since,
            answers: self.answers,
            sessions: self.sessions.len() as u64,
            streak_days,
            practised_today: practice_days.contains(&today),
            categories,
            stickiest,
            days,
            slowest: self.slowest.into_iter().map(|s| s.1).collect(),
            longest: self.longest.into_iter().map(|l| l.1).collect(),
        }
    }

    /// The filter in use.
    #[must_use]
    pub fn filter(&self) -> &Filter {
        &self.filter
    }
}

/// Whether an entry of `key` enters a [`TOP`] list kept largest first,
/// given after every entry already in it (so it loses a tie).
fn enters<T>(list: &[(Position, T)], key: u64, key_of: impl Fn(&T) -> u64) -> bool {
    list.len() < TOP || list.last().is_some_and(|l| key > key_of(&l.1))
}

/// Puts `item`, read at `at` after every entry in `list`, in its place in
/// the [`TOP`] list (after its equals).
fn insert_top<T>(list: &mut Vec<(Position, T)>, at: Position, item: T, key_of: impl Fn(&T) -> u64) {
    let key = key_of(&item);
    let i = list.partition_point(|l| key_of(&l.1) >= key);
    list.insert(i, (at, item));
    list.truncate(TOP);
}

/// Two parts' [`TOP`] lists as one: largest first, the first in the file
/// of equals first.
fn merge_top<T>(
    list: &mut Vec<(Position, T)>,
    other: Vec<(Position, T)>,
    key_of: impl Fn(&T) -> u64,
) {
    list.extend(other);
    list.sort_by(|a, b| key_of(&b.1).cmp(&key_of(&a.1)).then(a.0.cmp(&b.0)));
    list.truncate(TOP);
}

/// Two parts' days as one list in date order. A walk down both: the parts
/// of one history hold mostly different days (each thread reads its own
/// stretches of the file), so inserting one's days into the other would
/// move the list once per day.
fn merge_days(a: Vec<(Date, Vec<u64>)>, b: Vec<(Date, Vec<u64>)>) -> Vec<(Date, Vec<u64>)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                a.next().zip(b.next()).map(|((d, mut t), (_, u))| {
                    t.extend(u);
                    (d, t)
                })
            }
            (Some(x), Some(y)) if x.0 < y.0 => a.next(),
            (Some(_), Some(_)) | (None, _) => b.next(),
            (Some(_), None) => a.next(),
        };
        match next {
            Some(day) => out.push(day),
            None => return out,
        }
    }
}

/// Adds think times to `date`'s entry of `days` (kept in date order).
fn add_day(days: &mut Vec<(Date, Vec<u64>)>, date: Date, think: u64) {
    match days.last_mut() {
        Some((d, t)) if *d == date => t.push(think),
        Some((d, _)) if *d > date => match days.binary_search_by(|x| x.0.cmp(&date)) {
            Ok(i) => days[i].1.push(think),
            Err(i) => days.insert(i, (date, vec![think])),
        },
        _ => days.push((date, vec![think])),
    }
}

/// `sum / n`, rounded (half up); 0 for no values. The sum of `n` values
/// of a `u64` each: the mean is one too.
#[must_use]
pub fn mean(sum: u128, n: u64) -> u64 {
    let n = u128::from(n);
    (sum + n / 2)
        .checked_div(n)
        .map_or(0, |m| u64::try_from(m).unwrap_or(u64::MAX))
}

/// The median: the middle value, or the mean of the middle two (rounded
/// half up); 0 for no values. Reorders `v`.
pub fn median(v: &mut [u64]) -> u64 {
    let n = v.len();
    if n == 0 {
        return 0;
    }
    let (_, &mut hi, _) = v.select_nth_unstable(n / 2);
    if n % 2 == 1 {
        return hi;
    }
    let lo = v[..n / 2].iter().copied().max().unwrap_or(hi);
    // `lo <= hi`; `(lo + hi) / 2` would overflow on the largest values.
    lo + (hi - lo).div_ceil(2)
}

/// Two decimals, for scores and rates in JSON.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `stats --json`, field by field (DESIGN.md "Machine-readable output",
/// plus rates and the top-5 lists beside the required fields). Serialized
/// straight from the figures: no intermediate JSON tree.
#[derive(Debug, Serialize)]
pub struct StatsJson<'a> {
    today: String,
    since: Option<String>,
    answers: u64,
    sessions: u64,
    streak_days: u32,
    categories: Vec<CategoryJson<'a>>,
    stickiest: Vec<StickyJson<'a>>,
    days: Vec<DayJson>,
    slowest_starts: Vec<SlowJson<'a>>,
    longest_pauses: Vec<PauseJson<'a>>,
    /// What the answers said (`null` with `--no-content`).
    content: Option<&'a content::ContentStats>,
}

#[derive(Debug, Serialize)]
struct CategoryJson<'a> {
    category: &'a str,
    answers: u64,
    think_ms_mean: u64,
    think_ms_median: u64,
    pauses: u64,
    skipped: u64,
    overran: u64,
    fillers: u64,
    words: u64,
    pauses_per_answer: f64,
    skip_rate: f64,
    overrun_rate: f64,
    fillers_per_100_words: f64,
}

#[derive(Debug, Serialize)]
struct StickyJson<'a> {
    question: &'a str,
    answers: u32,
    score: f64,
}

#[derive(Debug, Serialize)]
struct DayJson {
    date: String,
    answers: u64,
    think_ms_median: u64,
}

#[derive(Debug, Serialize)]
struct SlowJson<'a> {
    question: &'a str,
    session: &'a str,
    date: String,
    think_ms: u64,
}

#[derive(Debug, Serialize)]
struct PauseJson<'a> {
    question: &'a str,
    session: &'a str,
    date: String,
    ms: u64,
    at_word: Option<u32>,
    place: &'a str,
}

impl Stats {
    /// The `stats --json` document, `content` null.
    #[must_use]
    pub fn to_json(&self) -> StatsJson<'_> {
        self.to_json_with(None)
    }

    /// The `stats --json` document with its `content` object.
    #[must_use]
    pub fn to_json_with<'a>(&'a self, content: Option<&'a content::ContentStats>) -> StatsJson<'a> {
        StatsJson {
            content,
            today: self.today.to_string(),
            since: self.since.map(|d| d.to_string()),
            answers: self.answers,
            sessions: self.sessions,
            streak_days: self.streak_days,
            categories: self
                .categories
                .iter()
                .map(|c| CategoryJson {
                    category: &c.category,
                    answers: c.answers,
                    think_ms_mean: c.think_ms_mean,
                    think_ms_median: c.think_ms_median,
                    pauses: c.pauses,
                    skipped: c.skipped,
                    overran: c.overran,
                    fillers: c.fillers,
                    words: c.words,
                    pauses_per_answer: round2(c.pauses_per_answer()),
                    skip_rate: round2(c.skip_rate()),
                    overrun_rate: round2(c.overrun_rate()),
                    fillers_per_100_words: round2(c.fillers_per_100_words()),
                })
                .collect(),
            stickiest: self
                .stickiest
                .iter()
                .map(|s| StickyJson {
                    question: &s.question,
                    answers: s.answers,
                    score: round2(s.score),
                })
                .collect(),
            days: self
                .days
                .iter()
                .map(|d| DayJson {
                    date: d.date.to_string(),
                    answers: d.answers,
                    think_ms_median: d.think_ms_median,
                })
                .collect(),
            slowest_starts: self
                .slowest
                .iter()
                .map(|s| SlowJson {
                    question: &s.question,
                    session: &s.session,
                    date: s.date.to_string(),
                    think_ms: s.think_ms,
                })
                .collect(),
            longest_pauses: self
                .longest
                .iter()
                .map(|l| PauseJson {
                    question: &l.question,
                    session: &l.session,
                    date: l.date.to_string(),
                    ms: l.ms,
                    at_word: l.at_word,
                    place: &l.place,
                })
                .collect(),
        }
    }
}

pub mod content;

#[cfg(test)]
mod tests;
