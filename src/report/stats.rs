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
//!   `schedule::Memory::score` is (a unit test holds the two together).
//! - The streak is `schedule::streak` over `Practice::practice_days`, over
//!   the whole history whatever the filters: it is the user's streak.
//! - Dates are each record's own local date (`Stamp::local_date_in`).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use crate::drill::coach::{answer_hesitation, place};
use crate::drill::schedule::{self, Practice};
use crate::drill::{AnswerRecord, Mode, Record};

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

/// A word-at-a-time multiplicative hash (the one rustc uses, FxHash): the
/// maps here are keyed by short, trusted-enough strings (a hostile history
/// can only make its own stats slower), and `SipHash`, then byte-at-a-time
/// FNV, were a visible share of a 100,000-answer report.
#[derive(Debug, Default, Clone, Copy)]
struct Fx(u64);

impl Fx {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<Fx>>;

#[derive(Debug, Default)]
struct CategoryAcc {
    think: Vec<u64>,
    think_sum: u64,
    pauses: u64,
    skipped: u64,
    overran: u64,
    fillers: u64,
    words: u64,
}

#[derive(Debug, Default)]
struct QuestionAcc {
    hesitation_sum: f64,
    scored: u32,
}

/// A name from the history (a session, category or question) shared
/// between the reading threads' digests and the report: cloned by a count,
/// not copied for every answer.
type Name = Arc<str>;

/// What one reading thread has seen of names, so that its digests share
/// them instead of allocating each answer's strings again.
#[derive(Debug, Default)]
pub struct Names {
    known: FastSet<Name>,
    /// Sessions are many but come in runs: only the last one is kept.
    session: Option<Name>,
}

impl Names {
    fn name(&mut self, s: &str) -> Name {
        if let Some(n) = self.known.get(s) {
            return n.clone();
        }
        let n: Name = s.into();
        self.known.insert(n.clone());
        n
    }

    fn session(&mut self, s: &str) -> Name {
        match &self.session {
            Some(n) if **n == *s => n.clone(),
            _ => self.session.insert(s.into()).clone(),
        }
    }
}

/// What the report keeps of one record, made on the thread that read it
/// ([`Digester::digest`]) and taken in file order ([`StatsBuilder::take`]).
#[derive(Debug)]
pub struct Digest(Part);

#[derive(Debug)]
enum Part {
    Answer(AnswerDigest),
    /// Sessions are few and small: kept whole for the streak.
    Session(Box<Record>),
    /// Ratings change no figure.
    Other,
}

#[derive(Debug)]
struct AnswerDigest {
    session: Name,
    at: crate::drill::Stamp,
    skipped: bool,
    /// The rest, when the filter keeps the answer.
    kept: Option<Kept>,
}

#[derive(Debug)]
struct Kept {
    date: Date,
    category: Name,
    question: Name,
    think_ms: u64,
    pauses: u64,
    overran: bool,
    /// (fillers, words), when measured.
    measured: Option<(u32, u32)>,
    /// The hesitation score, for answers that move the schedule.
    hesitation: Option<f64>,
    /// Pauses that may be among the longest: (ms, `at_word`, place).
    long: Vec<(u64, Option<u32>, String)>,
}

impl Digest {
    /// The answer's local date, when it is an answer the filter keeps.
    #[must_use]
    pub fn date(&self) -> Option<Date> {
        match &self.0 {
            Part::Answer(a) => a.kept.as_ref().map(|k| k.date),
            _ => None,
        }
    }
}

/// Makes a [`StatsBuilder`]'s digests on the reading threads (it is
/// `Sync`; each thread brings its own [`Names`]).
#[derive(Debug, Clone)]
pub struct Digester {
    filter: Filter,
    /// The shortest of the longest pauses once there are [`TOP`] of them
    /// (0 before): a pause no longer than it can never enter the list, so
    /// its place in the text is not worked out. It only grows, so a thread
    /// that reads it late only does more work, never less than needed.
    floor: Arc<AtomicU64>,
}

impl Digester {
    /// What the report keeps of `record`.
    pub fn digest(&self, names: &mut Names, record: &Record) -> Digest {
        let a = match record {
            Record::Answer(a) => a,
            Record::Session(_) => return Digest(Part::Session(Box::new(record.clone()))),
            Record::Rating(_) => return Digest(Part::Other),
        };
        let kept = self.filter.keeps(a).map(|date| {
            let floor = self.floor.load(Ordering::Relaxed);
            Kept {
                date,
                category: names.name(&a.category),
                question: names.name(&a.question),
                think_ms: a.think_ms,
                pauses: a.pauses.len() as u64,
                overran: a.overran,
                measured: a.fillers.zip(a.words),
                hesitation: a.moves_schedule().then(|| answer_hesitation(a)),
                long: a
                    .pauses
                    .iter()
                    .filter(|p| p.ms > 0 && p.ms > floor)
                    .map(|p| (p.ms, p.at_word, place(&a.text, p)))
                    .collect(),
            }
        });
        Digest(Part::Answer(AnswerDigest {
            session: names.session(&a.session),
            at: a.at,
            skipped: a.skipped,
            kept,
        }))
    }
}

/// Gathers [`Stats`] from records streamed in file order: whole
/// ([`add`](Self::add)), or digested on the reading threads by its
/// [`digester`](Self::digester) and [`take`](Self::take)n here.
#[derive(Debug)]
pub struct StatsBuilder {
    digester: Digester,
    /// For [`add`](Self::add), which digests on the caller's thread.
    names: Names,
    answers: u64,
    sessions: FastSet<Name>,
    last_session: Option<Name>,
    categories: FastMap<Name, CategoryAcc>,
    questions: FastMap<Name, QuestionAcc>,
    /// Think times per local date, kept in date order (histories are
    /// written in time order, so the last entry is nearly always the one).
    days: Vec<(Date, Vec<u64>)>,
    /// For the streak: see [`StatsBuilder::take`] for what it is fed.
    practice: Practice,
    /// The run of consecutive answers of one session being read: its id,
    /// its earliest time so far, whether one was fed that was not skipped.
    run: (Option<Name>, Option<crate::drill::Stamp>, bool),
    slowest: Vec<SlowStart>,
    longest: Vec<LongPause>,
}

impl StatsBuilder {
    /// An empty report covering what `filter` keeps.
    #[must_use]
    pub fn new(filter: Filter) -> Self {
        Self {
            digester: Digester {
                filter,
                floor: Arc::new(AtomicU64::new(0)),
            },
            names: Names::default(),
            answers: 0,
            sessions: FastSet::default(),
            last_session: None,
            categories: FastMap::default(),
            questions: FastMap::default(),
            days: Vec::new(),
            practice: Practice::new(),
            run: (None, None, false),
            slowest: Vec::new(),
            longest: Vec::new(),
        }
    }

    /// What makes this report's digests on other threads.
    #[must_use]
    pub fn digester(&self) -> Digester {
        self.digester.clone()
    }

    /// Takes one record: [`take`](Self::take) of its digest. Returns the
    /// answer's local date when the filter keeps it.
    pub fn add(&mut self, record: &Record) -> Option<Date> {
        let digest = self.digester.digest(&mut self.names, record);
        self.take(digest)
    }

    /// Takes one record's digest, in file order.
    ///
    /// The streak comes from `Practice::practice_days`, which needs of each
    /// session only its closing record, its earliest answer and whether one
    /// answer was not skipped. So `Practice` is fed every session record,
    /// and of each run of consecutive answers of one session only those
    /// that lower the run's earliest time or are its first not skipped:
    /// the same days as feeding it everything (a unit test checks), at a
    /// fraction of the cost on a long history. Ratings change no day.
    ///
    /// Returns the answer's local date when the filter keeps it, so that
    /// the content section does not date it a second time.
    pub fn take(&mut self, digest: Digest) -> Option<Date> {
        let a = match digest.0 {
            Part::Answer(a) => a,
            Part::Session(record) => {
                self.practice.add(&record);
                return None;
            }
            Part::Other => return None,
        };
        if self.run.0.as_ref() != Some(&a.session) {
            self.run.0 = Some(a.session.clone());
            self.run.1 = None;
            self.run.2 = false;
        }
        if self.run.1.is_none_or(|first| a.at < first) || (!a.skipped && !self.run.2) {
            self.practice
                .add_session_answer(&a.session, a.at, a.skipped);
            self.run.1 = Some(self.run.1.map_or(a.at, |first| first.min(a.at)));
            self.run.2 |= !a.skipped;
        }
        let k = a.kept?;
        Some(self.add_kept(&a.session, a.skipped, k))
    }

    fn add_kept(&mut self, session: &Name, skipped: bool, k: Kept) -> Date {
        let date = k.date;
        self.answers += 1;
        // Consecutive answers almost always share a session: skip the hash.
        if self.last_session.as_ref() != Some(session) {
            if !self.sessions.contains(session) {
                self.sessions.insert(session.clone());
            }
            self.last_session = Some(session.clone());
        }
        let cat = match self.categories.get_mut(&k.category) {
            Some(c) => c,
            None => self.categories.entry(k.category.clone()).or_default(),
        };
        cat.think.push(k.think_ms);
        cat.think_sum = cat.think_sum.saturating_add(k.think_ms);
        cat.pauses += k.pauses;
        cat.skipped += u64::from(skipped);
        cat.overran += u64::from(k.overran);
        // Null means "not measured" (voice): such answers count in neither
        // side of fillers per 100 words.
        if let Some((f, w)) = k.measured {
            cat.fillers += u64::from(f);
            cat.words += u64::from(w);
        }
        match self.days.last_mut() {
            Some((d, think)) if *d == date => think.push(k.think_ms),
            Some((d, _)) if *d > date => match self.days.binary_search_by(|x| x.0.cmp(&date)) {
                Ok(i) => self.days[i].1.push(k.think_ms),
                Err(i) => self.days.insert(i, (date, vec![k.think_ms])),
            },
            _ => self.days.push((date, vec![k.think_ms])),
        }
        if let Some(h) = k.hesitation {
            let q = match self.questions.get_mut(&k.question) {
                Some(q) => q,
                None => self.questions.entry(k.question.clone()).or_default(),
            };
            q.hesitation_sum += h;
            q.scored += 1;
        }
        self.top(session, k);
        date
    }

    /// Keeps the slowest starts and longest pauses (first seen wins ties).
    fn top(&mut self, session: &Name, k: Kept) {
        if self.slowest.len() < TOP || self.slowest.last().is_some_and(|s| k.think_ms > s.think_ms)
        {
            let at = self.slowest.partition_point(|s| s.think_ms >= k.think_ms);
            self.slowest.insert(
                at,
                SlowStart {
                    question: k.question.to_string(),
                    session: session.to_string(),
                    date: k.date,
                    think_ms: k.think_ms,
                },
            );
            self.slowest.truncate(TOP);
        }
        for (ms, at_word, place) in k.long {
            if self.longest.len() < TOP || self.longest.last().is_some_and(|l| ms > l.ms) {
                let at = self.longest.partition_point(|l| l.ms >= ms);
                self.longest.insert(
                    at,
                    LongPause {
                        question: k.question.to_string(),
                        session: session.to_string(),
                        date: k.date,
                        ms,
                        at_word,
                        place,
                    },
                );
                self.longest.truncate(TOP);
                if let (TOP, Some(last)) = (self.longest.len(), self.longest.last()) {
                    self.digester.floor.store(last.ms, Ordering::Relaxed);
                }
            }
        }
    }

    /// The figures, for `today`.
    #[must_use]
    pub fn finish(self, today: Date) -> Stats {
        let practice_days = self.practice.practice_days(&self.digester.filter.zone);
        let streak_days = schedule::streak(&practice_days, today);
        let mut categories: Vec<CategoryStats> = self
            .categories
            .into_iter()
            .map(|(category, mut c)| {
                let n = c.think.len() as u64;
                CategoryStats {
                    category: category.to_string(),
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
                question: question.to_string(),
                answers: q.scored,
                score: q.hesitation_sum / f64::from(q.scored),
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
            since: self.digester.filter.since,
            answers: self.answers,
            sessions: self.sessions.len() as u64,
            streak_days,
            practised_today: practice_days.contains(&today),
            categories,
            stickiest,
            days,
            slowest: self.slowest,
            longest: self.longest,
        }
    }

    /// The filter in use.
    #[must_use]
    pub fn filter(&self) -> &Filter {
        &self.digester.filter
    }
}

/// `sum / n`, rounded; 0 for no values.
#[must_use]
pub fn mean(sum: u64, n: u64) -> u64 {
    (sum + n / 2).checked_div(n).unwrap_or(0)
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
    (lo + hi).div_ceil(2)
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
