//! The daily schedule: spaced repetition on hesitation.
//!
//! The history is the only state. Every `drill` and `daily` answer (never a
//! rehearsal, never a follow-up) is replayed in time order, graded by how
//! much the user hesitated ([`grade`]), and fed to a memory model (FSRS,
//! behind the small [`MemoryModel`] trait so it can be swapped), giving each
//! question a predicted recall and a due time. [`choose`] then picks a
//! daily set from that. Pure: records and times in, plain data out.

use std::collections::{BTreeSet, HashMap};

use jiff::tz::TimeZone;
use jiff::{Timestamp, civil};
use rand::SeedableRng as _;
use rand::seq::SliceRandom as _;

use super::coach::answer_hesitation;
use super::event::InputMode;
use super::record::{AnswerRecord, Record, Stamp};
use crate::history::Position;

/// How an answer went, as the memory model hears it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// Skipped, blank, or a very long stall: the question comes back soon.
    Again = 0,
    /// Clear hesitation. (In FSRS *Hard* still lengthens the interval, so a
    /// real stall must be [`Grade::Again`].)
    Hard = 1,
    /// Answered fluently.
    Good = 2,
    /// Fast and fluent.
    Easy = 3,
}

/// Think time at or past this many times the target is a very long stall.
pub const AGAIN_THINK_FACTOR: u64 = 3;
/// A single pause at least this long is a very long stall.
pub const AGAIN_PAUSE_MS: u64 = 15_000;
/// Think time past this share of the target (×1.5) is clear hesitation.
pub const HARD_THINK_PERCENT: u64 = 150;
/// A pause at least this long is clear hesitation.
pub const HARD_PAUSE_MS: u64 = 6_000;
/// This many pauses (or spoken stumbles) in one answer is clear hesitation.
pub const HARD_PAUSES: usize = 2;
/// Think time within this share of the target (half) can be *Easy*.
pub const EASY_THINK_PERCENT: u64 = 50;
/// A typed answer shorter than this is never *Easy*: a quick one-liner is
/// not yet a fluent answer.
pub const EASY_MIN_WORDS: u32 = 30;

/// The grade of one answer. In order, the first that applies:
///
/// - **Again**: skipped; blank (nothing typed, or nothing said); think time
///   ≥ 3 × its target; a pause ≥ 15 s;
/// - **Hard**: think time > 1.5 × its target; a pause ≥ 6 s; 2 or more
///   pauses or stumbles; over the limit;
/// - **Easy**: think time ≤ half its target, no pause, within the limit,
///   no tips opened, no filler, and (typed) at least 30 words;
/// - **Good**: everything else.
///
/// A self-rating of 1 caps the grade at *Again*, 2 at *Hard*; 3–5 change
/// nothing (how it felt can only make a question come back sooner).
#[must_use]
pub fn grade(a: &AnswerRecord) -> Grade {
    let raw = raw_grade(a);
    match a.rating {
        Some(1) => Grade::Again,
        Some(2) => raw.min(Grade::Hard),
        _ => raw,
    }
}

fn raw_grade(a: &AnswerRecord) -> Grade {
    let target = a.think_target();
    let longest = a.pauses.iter().map(|p| p.ms).max().unwrap_or(0);
    let blank = match a.input {
        InputMode::Spoken | InputMode::Voice => a.answer_ms == 0 && a.pauses.is_empty(),
        // Words not measured (null) is not a blank.
        InputMode::Typed | InputMode::Line => a.words == Some(0),
    };
    if a.skipped
        || blank
        || a.think_ms >= target.saturating_mul(AGAIN_THINK_FACTOR)
        || longest >= AGAIN_PAUSE_MS
    {
        return Grade::Again;
    }
    if a.think_ms.saturating_mul(100) > target.saturating_mul(HARD_THINK_PERCENT)
        || longest >= HARD_PAUSE_MS
        || a.pauses.len() >= HARD_PAUSES
        || a.overran
    {
        return Grade::Hard;
    }
    if a.think_ms.saturating_mul(100) <= target.saturating_mul(EASY_THINK_PERCENT)
        && a.pauses.is_empty()
        && !a.hint
        // Not measured (voice: null) is no filler and no one-liner; a
        // measured count must pass.
        && a.fillers.unwrap_or(0) == 0
        && a.words.is_none_or(|w| a.input == InputMode::Spoken || w >= EASY_MIN_WORDS)
    {
        return Grade::Easy;
    }
    Grade::Good
}

/// A memory model: how well a question is remembered after a series of
/// graded reviews. The scheduler asks nothing else of it.
pub trait MemoryModel {
    /// What the model keeps per question.
    type State: Clone + std::fmt::Debug;
    /// The state after a review graded `grade` at `at` (`prior` is `None`
    /// for the first review).
    fn review(&self, prior: Option<&Self::State>, at: Timestamp, grade: Grade) -> Self::State;
    /// When the question is next due.
    fn due(&self, state: &Self::State) -> Timestamp;
    /// The predicted chance of recall at `now`, 0–1 (lower is weaker).
    fn recall(&self, state: &Self::State, now: Timestamp) -> f64;
}

/// FSRS with the `rs-fsrs` crate's parameters and formulas: long-term
/// scheduling only (intervals of whole days; daily practice has no
/// same-day learning steps), no fuzz (the same history always gives the
/// same schedule), 90 % target recall.
///
/// The review step is the crate's `LongtermScheduler` step, written over
/// the crate's own `Parameters` formulas so that a replay allocates nothing:
/// the crate's scheduler object builds a seed string, a map of all four
/// outcomes and a box per review, which made replaying 100,000 answers cost
/// about 1 µs each. A unit test checks this step against the crate's
/// scheduler on random review sequences.
#[derive(Debug, Clone)]
pub struct Fsrs {
    params: rs_fsrs::Parameters,
}

impl Default for Fsrs {
    fn default() -> Self {
        Self {
            params: rs_fsrs::Parameters {
                enable_short_term: false,
                enable_fuzz: false,
                ..rs_fsrs::Parameters::default()
            },
        }
    }
}

/// What FSRS keeps per question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FsrsState {
    /// Days until recall falls to 90 %.
    pub stability: f64,
    /// 1 (easy) – 10 (hard).
    pub difficulty: f64,
    /// When it was last reviewed.
    pub last_review: Timestamp,
    /// When it is next due.
    pub due: Timestamp,
    /// Reviews so far.
    pub reps: u32,
    /// Reviews graded *Again* after the first.
    pub lapses: u32,
}

const DAY_MS: i64 = 86_400_000;

fn to_rating(grade: Grade) -> rs_fsrs::Rating {
    match grade {
        Grade::Again => rs_fsrs::Rating::Again,
        Grade::Hard => rs_fsrs::Rating::Hard,
        Grade::Good => rs_fsrs::Rating::Good,
        Grade::Easy => rs_fsrs::Rating::Easy,
    }
}

impl MemoryModel for Fsrs {
    type State = FsrsState;

    fn review(&self, prior: Option<&Self::State>, at: Timestamp, grade: Grade) -> Self::State {
        let p = &self.params;
        let ratings = [
            rs_fsrs::Rating::Again,
            rs_fsrs::Rating::Hard,
            rs_fsrs::Rating::Good,
            rs_fsrs::Rating::Easy,
        ];
        // Whole days since the last review, truncated, as the crate counts.
        let elapsed = prior.map_or(0, |s| {
            (at.as_millisecond() - s.last_review.as_millisecond()) / DAY_MS
        });
        let (stabilities, difficulty) = match prior {
            None => (
                ratings.map(|r| p.init_stability(r)),
                p.init_difficulty(to_rating(grade)),
            ),
            Some(s) => {
                let r = rs_fsrs::Parameters::forgetting_curve(elapsed as f64, s.stability);
                (
                    ratings.map(|rating| match rating {
                        rs_fsrs::Rating::Again => {
                            p.next_forget_stability(s.difficulty, s.stability, r)
                        }
                        _ => p.next_recall_stability(s.difficulty, s.stability, r, rating),
                    }),
                    p.next_difficulty(s.difficulty, to_rating(grade)),
                )
            }
        };
        // The crate keeps the four outcomes' intervals in order.
        let mut days = stabilities.map(|st| p.next_interval(st, elapsed));
        days[0] = days[0].min(days[1]);
        days[1] = days[1].max(days[0] + 1.0);
        days[2] = days[2].max(days[1] + 1.0);
        days[3] = days[3].max(days[2] + 1.0);
        let i = grade as usize;
        let interval_ms = (days[i] as i64).saturating_mul(DAY_MS);
        let due = Timestamp::from_millisecond(at.as_millisecond().saturating_add(interval_ms))
            .unwrap_or(Timestamp::MAX);
        let lapse = u32::from(prior.is_some() && grade == Grade::Again);
        FsrsState {
            stability: stabilities[i],
            difficulty,
            last_review: at,
            due,
            reps: prior.map_or(0, |s| s.reps) + 1,
            lapses: prior.map_or(0, |s| s.lapses) + lapse,
        }
    }

    fn due(&self, state: &Self::State) -> Timestamp {
        state.due
    }

    fn recall(&self, state: &Self::State, now: Timestamp) -> f64 {
        if state.stability <= 0.0 {
            return 0.0;
        }
        // The crate's own curve, but over fractional days: a question
        // failed yesterday evening must read weaker than one reviewed a
        // whole day earlier.
        let ms = (now.as_millisecond() - state.last_review.as_millisecond()).max(0);
        rs_fsrs::Parameters::forgetting_curve(ms as f64 / DAY_MS as f64, state.stability)
    }
}

/// One graded review of a question, as replayed.
#[derive(Debug, Clone, Copy)]
struct Review {
    question: u32,
    /// Where its answer is in the file: answers of the same millisecond
    /// replay in file order.
    pos: Position,
    /// With its offset: "last answered" is shown on the answer's own date.
    at: Stamp,
    grade: Grade,
    /// The hesitation score before a rating could change the grade.
    hesitation: f64,
    /// A rating attached later caps the grade.
    rating: Option<u8>,
    /// The answer's grade before any rating (ratings may arrive later).
    raw: Grade,
}

/// Everything the schedule, the streak and the stickiest list need from a
/// history, gathered in one pass over the records (streamed: nothing but
/// these compact facts is kept).
#[derive(Debug, Default, Clone)]
pub struct Practice {
    names: Vec<String>,
    index: HashMap<String, u32>,
    reviews: Vec<Review>,
    /// Ratings by (question, answer time in ms), with where each was read:
    /// the last one in the file wins.
    ratings: HashMap<(String, i64), (Position, u8)>,
    /// What dates each session, for the streak.
    sessions: SessionDays,
    /// The latest rehearsal seen.
    last_rehearsal: Option<Rehearsal>,
    /// The position [`add`](Practice::add) gives the next record: after
    /// every record taken so far, merged parts included.
    next: Position,
}

/// The latest rehearsal of a history: its session, its latest answer
/// (time, then where it is in the file: of two rehearsals ending in the
/// same millisecond the later in the file is the latest, as in one pass,
/// whichever part read it), and the questions it asked, each where it was
/// first asked.
#[derive(Debug, Clone)]
struct Rehearsal {
    session: String,
    latest: (Timestamp, Position),
    questions: Vec<(Position, String)>,
}

impl Rehearsal {
    /// Notes that it asked `question` at `at`.
    fn asked(&mut self, at: Position, question: &str) {
        if let Some(q) = self.questions.iter_mut().find(|q| q.1 == question) {
            q.0 = q.0.min(at);
        } else {
            self.questions.push((at, question.to_string()));
        }
        // In file order, also after a merge: another part may have read
        // a question's first answer, earlier than this part's first.
        self.questions.sort();
    }

    /// The later of two parts' latest rehearsals (one, if both saw the
    /// same session).
    fn later(a: Option<Self>, b: Option<Self>) -> Option<Self> {
        match (a, b) {
            (Some(mut a), Some(b)) if a.session == b.session => {
                a.latest = a.latest.max(b.latest);
                for (at, q) in b.questions {
                    a.asked(at, &q);
                }
                Some(a)
            }
            (Some(a), Some(b)) => Some(if b.latest > a.latest { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// What dates each session of a history, for the streak: per session its
/// start (if its closing record was read), its first answer's time, and
/// whether one of its answers was not skipped. Order-free, so that parts
/// gathered on different threads [`merge`](Self::merge) into the same days.
#[derive(Debug, Default, Clone)]
pub struct SessionDays(rustc_hash::FxHashMap<String, SessionDay>);

#[derive(Debug, Default, Clone, Copy)]
struct SessionDay {
    started: Option<Stamp>,
    first_answer: Option<Stamp>,
    counts: bool,
}

impl SessionDay {
    fn merge(&mut self, other: Self) {
        // A session has one closing record; were there two, the earlier
        // start dates it, whatever order they are met in.
        self.started = earliest(self.started, other.started);
        self.first_answer = earliest(self.first_answer, other.first_answer);
        self.counts |= other.counts;
    }
}

fn earliest(a: Option<Stamp>, b: Option<Stamp>) -> Option<Stamp> {
    a.into_iter().chain(b).min()
}

impl SessionDays {
    /// Takes a session's closing record's start.
    pub fn start(&mut self, session: &str, started: Stamp) {
        self.take(
            session,
            SessionDay {
                started: Some(started),
                ..SessionDay::default()
            },
        );
    }

    /// Takes what dates an answer's session: its time and whether it was
    /// skipped.
    pub fn answer(&mut self, session: &str, at: Stamp, skipped: bool) {
        self.take(
            session,
            SessionDay {
                first_answer: Some(at),
                counts: !skipped,
                started: None,
            },
        );
    }

    /// Takes another part's sessions.
    pub fn merge(&mut self, other: Self) {
        for (session, day) in other.0 {
            self.0.entry(session).or_default().merge(day);
        }
    }

    fn take(&mut self, session: &str, day: SessionDay) {
        // Looked up before inserting: most answers' sessions are known, and
        // the key would otherwise be cloned for every answer.
        if let Some(known) = self.0.get_mut(session) {
            known.merge(day);
        } else {
            self.0.insert(session.to_string(), day);
        }
    }

    /// The local dates on which a session that counts for the streak took
    /// place: at least one answer not skipped, any mode, interrupted or
    /// not, dated by the session's start (its first answer when the closing
    /// record is missing). `Z` times are read in `zone`.
    #[must_use]
    pub fn practice_days(&self, zone: &TimeZone) -> BTreeSet<civil::Date> {
        self.0
            .values()
            .filter(|d| d.counts)
            .filter_map(|d| d.started.or(d.first_answer))
            .map(|s| s.local_date_in(zone))
            .collect()
    }
}

impl Practice {
    /// An empty history.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the next record of the history in file order.
    pub fn add(&mut self, record: &Record) {
        let at = self.next;
        self.next = at.next();
        self.add_at(at, record);
    }

    /// Takes the record at `at` (records in any order: replay sorts by
    /// time, and file order decides only between equals). Each reading
    /// thread can gather its own `Practice` this way (`History::fold`),
    /// the parts then [`merge`](Self::merge)d.
    pub fn add_at(&mut self, at: Position, record: &Record) {
        // What `add` is given afterwards (daily practice's own answers)
        // comes after everything read.
        self.next = self.next.max(at.next());
        match record {
            Record::Answer(a) => self.add_answer(at, a),
            Record::Session(s) => self.sessions.start(&s.session, s.started),
            Record::Rating(r) => {
                let key = (r.question.clone(), r.answer_at.instant.as_millisecond());
                self.rate(key, (at, r.rating));
            }
        }
    }

    /// Keeps `rating` for `key` unless a later one in the file is known.
    fn rate(&mut self, key: (String, i64), rating: (Position, u8)) {
        match self.ratings.get_mut(&key) {
            Some(known) if known.0 > rating.0 => {}
            Some(known) => *known = rating,
            None => {
                self.ratings.insert(key, rating);
            }
        }
    }

    fn add_answer(&mut self, at: Position, a: &AnswerRecord) {
        self.sessions.answer(&a.session, a.at, a.skipped);
        if a.mode == super::record::Mode::Rehearse {
            self.note_rehearsal(at, &a.session, a.at.instant, &a.question);
        }
        if !a.moves_schedule() {
            return;
        }
        let question = self.question(&a.question);
        let raw = raw_grade(a);
        self.reviews.push(Review {
            question,
            pos: at,
            at: a.at,
            grade: raw,
            hesitation: answer_hesitation(a),
            rating: a.rating,
            raw,
        });
    }

    /// The index of `name` in `names`, added if new.
    fn question(&mut self, name: &str) -> u32 {
        // Looked up before inserting: no key is cloned for a known one.
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    /// Takes a rehearsal answer: by the same rule as a merge, so one pass
    /// and merged parts agree on the latest rehearsal.
    fn note_rehearsal(&mut self, at: Position, session: &str, when: Timestamp, question: &str) {
        let this = Rehearsal {
            session: session.to_string(),
            latest: (when, at),
            questions: vec![(at, question.to_string())],
        };
        self.last_rehearsal = Rehearsal::later(self.last_rehearsal.take(), Some(this));
    }

    /// Takes another part of the same history, gathered by
    /// [`add_at`](Self::add_at) on another thread.
    pub fn merge(&mut self, other: Self) {
        let renumber: Vec<u32> = other.names.iter().map(|n| self.question(n)).collect();
        self.reviews.extend(other.reviews.into_iter().map(|mut r| {
            r.question = renumber[r.question as usize];
            r
        }));
        for (key, rating) in other.ratings {
            self.rate(key, rating);
        }
        self.sessions.merge(other.sessions);
        self.last_rehearsal = Rehearsal::later(self.last_rehearsal.take(), other.last_rehearsal);
        self.next = self.next.max(other.next);
    }

    /// The questions (`category/id`) the latest rehearsal asked.
    #[must_use]
    pub fn last_rehearsal(&self) -> Vec<String> {
        self.last_rehearsal.as_ref().map_or_else(Vec::new, |r| {
            r.questions.iter().map(|q| q.1.clone()).collect()
        })
    }

    /// Replays every review in time order through `model`.
    pub fn schedule<M: MemoryModel>(&self, model: &M) -> Schedule<M::State> {
        let mut reviews = self.reviews.clone();
        if !self.ratings.is_empty() {
            for r in &mut reviews {
                let key = (
                    self.names[r.question as usize].clone(),
                    r.at.instant.as_millisecond(),
                );
                if let Some(&(_, rating)) = self.ratings.get(&key) {
                    r.rating = Some(rating);
                }
            }
        }
        for r in &mut reviews {
            r.grade = match r.rating {
                Some(1) => Grade::Again,
                Some(2) => r.raw.min(Grade::Hard),
                _ => r.raw,
            };
        }
        // Answers of the same millisecond keep file order.
        reviews.sort_by_key(|r| (r.at.instant, r.pos));
        let mut states: Vec<Option<Memory<M::State>>> = vec![None; self.names.len()];
        for r in &reviews {
            let slot = &mut states[r.question as usize];
            let prior = slot.as_ref().map(|m| &m.state);
            let state = model.review(prior, r.at.instant, r.grade);
            let due = model.due(&state);
            let m = slot.get_or_insert_with(|| Memory {
                state: state.clone(),
                due,
                reviews: 0,
                hesitation_sum: 0.0,
                last: r.at,
                last_grade: r.grade,
            });
            m.state = state;
            m.due = due;
            m.reviews += 1;
            m.hesitation_sum += r.hesitation;
            m.last = r.at;
            m.last_grade = r.grade;
        }
        let memories = self
            .names
            .iter()
            .cloned()
            .zip(states)
            .filter_map(|(name, m)| m.map(|m| (name, m)))
            .collect();
        Schedule { memories }
    }

    /// The local dates on which a session that counts for the streak took
    /// place: at least one answer not skipped, any mode, interrupted or
    /// not, dated by the session's start (its first answer when the closing
    /// record is missing). `Z` times are read in `zone`.
    #[must_use]
    pub fn practice_days(&self, zone: &TimeZone) -> BTreeSet<civil::Date> {
        self.sessions.practice_days(zone)
    }
}

/// What the model says about one practised question.
#[derive(Debug, Clone)]
pub struct Memory<S> {
    /// The model's state.
    pub state: S,
    /// When it is next due.
    pub due: Timestamp,
    /// Answers that moved the schedule.
    pub reviews: u32,
    hesitation_sum: f64,
    /// When it was last answered, with the offset it was written in.
    pub last: Stamp,
    /// How the last answer was graded.
    pub last_grade: Grade,
}

impl<S> Memory<S> {
    /// The hesitation score ([`super::coach::hesitation_score`]): the mean
    /// over the answers that move the schedule.
    pub fn score(&self) -> f64 {
        if self.reviews == 0 {
            0.0
        } else {
            self.hesitation_sum / f64::from(self.reviews)
        }
    }
}

/// Every practised question's memory, by `category/id`.
#[derive(Debug, Clone)]
pub struct Schedule<S> {
    /// By `category/id`.
    pub memories: HashMap<String, Memory<S>>,
}

/// Why a question is in a daily set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Due today (or overdue).
    Due,
    /// Never asked before.
    New,
    /// Not due yet, but among the weakest.
    Early,
}

/// One question a set may hold: its key and category.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    /// `category/id`.
    pub key: &'a str,
    /// The category.
    pub category: &'a str,
}

/// How many never-asked questions a set takes while due ones wait.
pub const NEW_PER_SET: usize = 2;

/// A chosen daily set: indices into the candidates, in presentation order,
/// each with why it was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct DailySet {
    /// (candidate index, reason), in the order to ask them.
    pub picks: Vec<(usize, Reason)>,
    /// Questions due today among the candidates (picked or not).
    pub due_today: usize,
}

/// The end of the local day `today` in `zone`: what is due before it is
/// due today.
#[must_use]
pub fn end_of_day(today: civil::Date, zone: &TimeZone) -> Timestamp {
    today
        .tomorrow()
        .ok()
        .and_then(|d| d.to_zoned(zone.clone()).ok())
        .map_or(Timestamp::MAX, |z| z.timestamp())
}

/// Chooses up to `count` questions from `candidates` (no repeats):
///
/// 1. the due ones (due before the end of today), lowest predicted recall
///    first, ties broken by the higher hesitation score, then by key;
/// 2. then up to [`NEW_PER_SET`] never-asked questions, in an order drawn
///    from `seed`, while the set has room;
/// 3. then the not-yet-due ones with the lowest predicted recall;
/// 4. then more never-asked questions, if the set is still short.
///
/// The chosen questions are then mixed across categories: the categories
/// take turns (their order drawn from `seed`), each giving its picks in
/// the order above.
pub fn choose<M: MemoryModel>(
    model: &M,
    schedule: &Schedule<M::State>,
    candidates: &[Candidate<'_>],
    count: usize,
    now: Timestamp,
    end_of_today: Timestamp,
    seed: u64,
) -> DailySet {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut due: Vec<(usize, f64, f64)> = Vec::new();
    let mut early: Vec<(usize, f64, f64)> = Vec::new();
    let mut new: Vec<usize> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, c) in candidates.iter().enumerate() {
        if !seen.insert(c.key) {
            continue;
        }
        match schedule.memories.get(c.key) {
            None => new.push(i),
            Some(m) => {
                let entry = (i, model.recall(&m.state, now), m.score());
                if m.due < end_of_today {
                    due.push(entry);
                } else {
                    early.push(entry);
                }
            }
        }
    }
    let weakest_first = |a: &(usize, f64, f64), b: &(usize, f64, f64)| {
        a.1.total_cmp(&b.1)
            .then(b.2.total_cmp(&a.2))
            .then_with(|| candidates[a.0].key.cmp(candidates[b.0].key))
    };
    due.sort_by(weakest_first);
    early.sort_by(weakest_first);
    new.shuffle(&mut rng);

    let due_today = due.len();
    let mut picks: Vec<(usize, Reason)> = Vec::new();
    picks.extend(due.iter().take(count).map(|e| (e.0, Reason::Due)));
    let mut new_iter = new.into_iter();
    while picks.len() < count && picks.iter().filter(|p| p.1 == Reason::New).count() < NEW_PER_SET {
        match new_iter.next() {
            Some(i) => picks.push((i, Reason::New)),
            None => break,
        }
    }
    let room = count.saturating_sub(picks.len());
    picks.extend(early.iter().take(room).map(|e| (e.0, Reason::Early)));
    let room = count.saturating_sub(picks.len());
    picks.extend(new_iter.take(room).map(|i| (i, Reason::New)));

    DailySet {
        picks: mix_categories(picks, candidates, &mut rng),
        due_today,
    }
}

/// Interleaves picks so categories take turns, keeping each category's own
/// order; the order of the categories is drawn from `rng`.
fn mix_categories(
    picks: Vec<(usize, Reason)>,
    candidates: &[Candidate<'_>],
    rng: &mut rand_chacha::ChaCha8Rng,
) -> Vec<(usize, Reason)> {
    let mut groups: Vec<(&str, std::collections::VecDeque<(usize, Reason)>)> = Vec::new();
    for p in picks {
        let cat = candidates[p.0].category;
        match groups.iter_mut().find(|g| g.0 == cat) {
            Some(g) => g.1.push_back(p),
            None => groups.push((cat, std::iter::once(p).collect())),
        }
    }
    groups.shuffle(rng);
    let mut out = Vec::new();
    while groups.iter().any(|g| !g.1.is_empty()) {
        for g in &mut groups {
            if let Some(p) = g.1.pop_front() {
                out.push(p);
            }
        }
    }
    out
}

/// Consecutive local days with practice, ending today — or yesterday, when
/// today has none yet (the streak is not broken until the day is over).
#[must_use]
pub fn streak(days: &BTreeSet<civil::Date>, today: civil::Date) -> u32 {
    let mut day = if days.contains(&today) {
        today
    } else {
        match today.yesterday() {
            Ok(d) => d,
            Err(_) => return 0,
        }
    };
    let mut n = 0;
    while days.contains(&day) {
        n += 1;
        match day.yesterday() {
            Ok(d) => day = d,
            Err(_) => break,
        }
    }
    n
}

/// The candidates that will be due before `before` (overdue ones
/// included): (count, their categories in first-seen order).
#[must_use]
pub fn due_by<S>(
    schedule: &Schedule<S>,
    candidates: &[Candidate<'_>],
    before: Timestamp,
) -> (usize, Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    let mut n = 0;
    let mut cats: Vec<String> = Vec::new();
    for c in candidates {
        if !seen.insert(c.key) {
            continue;
        }
        if schedule.memories.get(c.key).is_some_and(|m| m.due < before) {
            n += 1;
            if !cats.iter().any(|k| k == c.category) {
                cats.push(c.category.to_string());
            }
        }
    }
    (n, cats)
}

#[cfg(test)]
mod tests;
