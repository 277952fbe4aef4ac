//! Schedule rules on exact synthetic histories.

use super::*;
use crate::drill::record::{Mode, Pause, Rating, SessionRecord, VERSION};

const DAY_MS: i64 = 86_400_000;

fn at(day: i64, hour: i64) -> Stamp {
    let ms = 1_780_000_000_000 + day * DAY_MS + hour * 3_600_000;
    Stamp::utc(Timestamp::from_millisecond(ms).unwrap())
}

fn smooth(question: &str, when: Stamp) -> AnswerRecord {
    AnswerRecord::builder(question)
        .session(&format!("s{}", when.instant.as_millisecond()))
        .at(when)
        .mode(Mode::Daily)
        .think_ms(4_000)
        .answer_ms(50_000)
        .limit_ms(90_000)
        .words(80)
        .think_target_ms(10_000)
        .text("a fluent answer")
        .build()
}

fn pause(ms: u64) -> Pause {
    Pause {
        at_word: Some(3),
        at_char: Some(12),
        ms,
        at_ms: Some(1_000),
    }
}

fn stalled(question: &str, when: Stamp) -> AnswerRecord {
    AnswerRecord {
        think_ms: 34_000,
        pauses: vec![pause(9_000), pause(16_000)],
        ..smooth(question, when)
    }
}

fn practice(records: &[AnswerRecord]) -> Practice {
    let mut p = Practice::new();
    for r in records {
        p.add(&Record::Answer(r.clone()));
    }
    p
}

#[test]
fn grades_follow_the_documented_thresholds() {
    let base = smooth("weaknesses/a", at(0, 9));
    let g = |f: &dyn Fn(&mut AnswerRecord)| {
        let mut a = base.clone();
        f(&mut a);
        grade(&a)
    };
    assert_eq!(g(&|_| {}), Grade::Easy);
    assert_eq!(g(&|a| a.think_ms = 5_001), Grade::Good);
    assert_eq!(g(&|a| a.hint = true), Grade::Good);
    assert_eq!(g(&|a| a.fillers = Some(1)), Grade::Good);
    assert_eq!(
        g(&|a| a.words = Some(29)),
        Grade::Good,
        "a one-liner is not Easy"
    );
    assert_eq!(g(&|a| a.think_ms = 15_000), Grade::Good);
    assert_eq!(g(&|a| a.think_ms = 15_001), Grade::Hard);
    assert_eq!(g(&|a| a.pauses = vec![pause(5_999)]), Grade::Good);
    assert_eq!(g(&|a| a.pauses = vec![pause(6_000)]), Grade::Hard);
    assert_eq!(
        g(&|a| a.pauses = vec![pause(3_100), pause(3_100)]),
        Grade::Hard
    );
    assert_eq!(g(&|a| a.overran = true), Grade::Hard);
    assert_eq!(g(&|a| a.think_ms = 29_999), Grade::Hard);
    assert_eq!(g(&|a| a.think_ms = 30_000), Grade::Again);
    assert_eq!(g(&|a| a.pauses = vec![pause(15_000)]), Grade::Again);
    assert_eq!(g(&|a| a.skipped = true), Grade::Again);
    assert_eq!(g(&|a| a.words = Some(0)), Grade::Again);
    // The answer's own target: 25 s against a 20 s target is not slow.
    assert_eq!(
        g(&|a| {
            a.think_ms = 25_000;
            a.think_target_ms = Some(20_000);
        }),
        Grade::Good
    );
    // Without a stored target, 10 s is assumed.
    assert_eq!(
        g(&|a| {
            a.think_ms = 25_000;
            a.think_target_ms = None;
        }),
        Grade::Hard
    );
}

#[test]
fn a_low_self_rating_caps_the_grade() {
    let mut a = smooth("weaknesses/a", at(0, 9));
    a.rating = Some(2);
    assert_eq!(grade(&a), Grade::Hard);
    a.rating = Some(1);
    assert_eq!(grade(&a), Grade::Again);
    a.rating = Some(5);
    assert_eq!(grade(&a), Grade::Easy);
    let mut s = stalled("weaknesses/a", at(0, 9));
    s.rating = Some(5);
    assert_eq!(
        grade(&s),
        Grade::Again,
        "a good feeling does not hide a stall"
    );
}

#[test]
fn a_rating_record_given_later_moves_the_schedule() {
    let a = smooth("weaknesses/a", at(0, 9));
    let plain = practice(std::slice::from_ref(&a)).schedule(&Fsrs::default());
    let mut rated = practice(std::slice::from_ref(&a));
    rated.add(&Record::Rating(Rating {
        v: VERSION,
        session: a.session.clone(),
        question: a.question.clone(),
        answer_at: a.at,
        rating: 1,
    }));
    let rated = rated.schedule(&Fsrs::default());
    let (p, r) = (
        &plain.memories["weaknesses/a"],
        &rated.memories["weaknesses/a"],
    );
    assert_eq!(p.last_grade, Grade::Easy);
    assert_eq!(r.last_grade, Grade::Again);
    assert!(r.due < p.due);
}

#[test]
fn again_brings_a_question_back_the_next_day_and_good_spaces_it_out() {
    let model = Fsrs::default();
    let fail = practice(&[stalled("weaknesses/a", at(0, 9))]).schedule(&model);
    let ok = practice(&[smooth("weaknesses/a", at(0, 9))]).schedule(&model);
    let day = |m: &Memory<FsrsState>| {
        (m.due.as_millisecond() - at(0, 9).instant.as_millisecond()) / DAY_MS
    };
    assert_eq!(day(&fail.memories["weaknesses/a"]), 1);
    assert!(day(&ok.memories["weaknesses/a"]) > 3, "{:?}", ok.memories);
}

fn candidates(keys: &[String]) -> Vec<Candidate<'_>> {
    keys.iter()
        .map(|k| Candidate {
            key: k,
            category: k.split('/').next().unwrap(),
        })
        .collect()
}

fn keys(n: usize, category: &str) -> Vec<String> {
    (0..n).map(|i| format!("{category}/q{i:02}")).collect()
}

#[test]
fn due_questions_come_weakest_first_a_fresh_failure_before_a_smooth_lapse() {
    let model = Fsrs::default();
    let ks = keys(3, "weaknesses");
    // q00 answered fluently (Good) three days ago: due again today; q01
    // failed yesterday: also due today, and weaker.
    let good = AnswerRecord {
        think_ms: 6_000,
        ..smooth(&ks[0], at(57, 9))
    };
    assert_eq!(grade(&good), Grade::Good);
    let history = [good, stalled(&ks[1], at(59, 9))];
    let p = practice(&history);
    let s = p.schedule(&model);
    let now = at(60, 9).instant;
    let end = at(61, 0).instant;
    let set = choose(&model, &s, &candidates(&ks), 2, now, end, 7);
    assert_eq!(set.due_today, 2, "{:?}", s.memories);
    let chosen: Vec<usize> = set.picks.iter().map(|p| p.0).collect();
    // Both due ones, and no room for new material; mixed order within one
    // category keeps the priority.
    assert_eq!(chosen, [1, 0]);
    assert!(set.picks.iter().all(|p| p.1 == Reason::Due));
}

#[test]
fn at_most_two_new_questions_while_due_ones_wait_then_the_weakest_not_due() {
    let model = Fsrs::default();
    let ks = keys(12, "weaknesses");
    // q00 due (failed yesterday); q01..q05 answered smoothly yesterday
    // (not due); q06..q11 never asked.
    let mut history = vec![stalled(&ks[0], at(9, 9))];
    history.extend((1..6).map(|i| smooth(&ks[i], at(9, 9))));
    let s = practice(&history).schedule(&model);
    let now = at(10, 9).instant;
    let end = at(11, 0).instant;
    for seed in 0..20 {
        let set = choose(&model, &s, &candidates(&ks), 5, now, end, seed);
        let reasons: Vec<Reason> = set.picks.iter().map(|p| p.1).collect();
        let count = |r| reasons.iter().filter(|x| **x == r).count();
        assert_eq!(set.picks.len(), 5);
        assert_eq!(count(Reason::Due), 1);
        assert_eq!(count(Reason::New), 2);
        assert_eq!(count(Reason::Early), 2);
        assert!(set.picks.iter().any(|p| p.0 == 0));
        let mut idx: Vec<usize> = set.picks.iter().map(|p| p.0).collect();
        idx.sort_unstable();
        idx.dedup();
        assert_eq!(idx.len(), 5, "no repeats");
    }
}

#[test]
fn an_empty_history_gives_new_questions_and_a_small_pool_a_small_set() {
    let model = Fsrs::default();
    let ks = keys(3, "curveballs");
    let s = Practice::new().schedule(&model);
    let set = choose(
        &model,
        &s,
        &candidates(&ks),
        5,
        at(0, 9).instant,
        at(1, 0).instant,
        1,
    );
    assert_eq!(set.picks.len(), 3);
    assert!(set.picks.iter().all(|p| p.1 == Reason::New));
    // The seed decides the order, reproducibly.
    let again = choose(
        &model,
        &s,
        &candidates(&ks),
        5,
        at(0, 9).instant,
        at(1, 0).instant,
        1,
    );
    assert_eq!(set, again);
}

#[test]
fn categories_take_turns_in_a_set() {
    let model = Fsrs::default();
    let mut ks = keys(4, "weaknesses");
    ks.extend(keys(4, "curveballs"));
    let s = Practice::new().schedule(&model);
    let cands = candidates(&ks);
    let set = choose(&model, &s, &cands, 8, at(0, 9).instant, at(1, 0).instant, 3);
    assert_eq!(set.picks.len(), 8);
    let cats: Vec<&str> = set.picks.iter().map(|p| cands[p.0].category).collect();
    for pair in cats.windows(2) {
        assert_ne!(pair[0], pair[1], "{cats:?}");
    }
}

/// Sixty days in which every question of the category but one was answered
/// smoothly many times, and one was stalled on again and again.
fn stalling_history(ks: &[String], stuck: usize) -> Vec<AnswerRecord> {
    let mut h = Vec::new();
    for day in 0..60 {
        for (i, k) in ks.iter().enumerate() {
            if i == stuck {
                if day % 3 == 0 {
                    let mut a = stalled(k, at(day, 9));
                    if day % 6 == 0 {
                        a.skipped = true;
                    }
                    h.push(a);
                }
            } else if (day + i as i64) % 7 == 0 {
                h.push(smooth(k, at(day, 9)));
            }
        }
    }
    h
}

#[test]
fn a_question_stalled_on_is_in_every_set_while_due_for_any_seed() {
    let model = Fsrs::default();
    let ks = keys(30, "weaknesses");
    let stuck = 17;
    let mut history = stalling_history(&ks, stuck);
    history.push(stalled(&ks[stuck], at(60, 9)));
    let s = practice(&history).schedule(&model);
    let now = at(61, 9).instant;
    assert!(s.memories[&ks[stuck]].due < at(62, 0).instant, "it is due");
    for seed in 0..200 {
        let set = choose(
            &model,
            &s,
            &candidates(&ks),
            5,
            now,
            at(62, 0).instant,
            seed,
        );
        assert!(
            set.picks.iter().any(|p| p.0 == stuck),
            "seed {seed}: {:?}",
            set.picks
        );
    }
}

#[test]
fn a_question_still_stalled_on_comes_back_on_at_least_three_of_five_days() {
    let model = Fsrs::default();
    let ks = keys(30, "weaknesses");
    let stuck = 4;
    for seed in 0..20u64 {
        let mut history = stalling_history(&ks, stuck);
        let mut days_in = 0;
        for day in 60..65 {
            let s = practice(&history).schedule(&model);
            let set = choose(
                &model,
                &s,
                &candidates(&ks),
                5,
                at(day, 9).instant,
                at(day + 1, 0).instant,
                seed * 100 + day as u64,
            );
            for &(i, _) in &set.picks {
                if i == stuck {
                    days_in += 1;
                    history.push(stalled(&ks[i], at(day, 10)));
                } else {
                    history.push(smooth(&ks[i], at(day, 10)));
                }
            }
        }
        assert!(days_in >= 3, "seed {seed}: in {days_in} of 5 sets");
    }
}

#[test]
fn rehearsals_and_follow_ups_never_move_the_schedule() {
    let model = Fsrs::default();
    let ks = keys(5, "weaknesses");
    let base = stalling_history(&ks, 2);
    let before = practice(&base).schedule(&model);
    let mut more = base.clone();
    for day in 60..74 {
        let mut r = smooth(&ks[2], at(day, 20));
        r.mode = Mode::Rehearse;
        more.push(r);
        let mut f = smooth(&ks[2], at(day, 21));
        f.followup = Some(1);
        more.push(f);
    }
    let after = practice(&more).schedule(&model);
    let (b, a) = (&before.memories[&ks[2]], &after.memories[&ks[2]]);
    assert_eq!((b.due, b.reviews, b.last), (a.due, a.reviews, a.last));
    assert_eq!(b.score(), a.score());
}

#[test]
fn the_streak_counts_local_days_up_to_today_or_yesterday() {
    let d = |day: i8| civil::date(2026, 12, day);
    let days: BTreeSet<civil::Date> = [d(1), d(2), d(3), d(5), d(6)].into_iter().collect();
    assert_eq!(streak(&days, d(6)), 2);
    assert_eq!(streak(&days, d(7)), 2, "today not practised yet");
    assert_eq!(streak(&days, d(8)), 0, "a whole day missed");
    assert_eq!(streak(&days, d(3)), 3);
    assert_eq!(streak(&BTreeSet::new(), d(3)), 0);
}

#[test]
fn practice_days_use_each_records_own_offset_and_skip_all_skipped_sessions() {
    let mut p = Practice::new();
    // 23:30 in New York on 1 Dec is already 2 Dec in UTC.
    let ny = Stamp::parse("2026-12-01T23:30:00.000-05:00").unwrap();
    let a = AnswerRecord {
        session: "late".into(),
        ..smooth("weaknesses/a", ny)
    };
    p.add(&Record::Answer(a));
    p.add(&Record::Session(SessionRecord {
        v: VERSION,
        session: "late".into(),
        started: Stamp::parse("2026-12-01T23:29:00.000-05:00").unwrap(),
        ended: ny,
        mode: Mode::Rehearse,
        answered: 1,
        skipped: 0,
        interrupted: false,
        budget_ms: None,
    }));
    // A session whose only answer was skipped does not count.
    let skipped = AnswerRecord {
        session: "skips".into(),
        skipped: true,
        ..smooth(
            "weaknesses/b",
            Stamp::parse("2026-12-03T10:00:00.000+01:00").unwrap(),
        )
    };
    p.add(&Record::Answer(skipped));
    // An interrupted session with no closing record is dated by its answer;
    // a `Z` time is read in the zone given.
    let z = AnswerRecord {
        session: "z".into(),
        ..smooth(
            "weaknesses/c",
            Stamp::parse("2026-12-04T02:00:00.000Z").unwrap(),
        )
    };
    p.add(&Record::Answer(z));
    let la = TimeZone::fixed(jiff::tz::Offset::constant(-8));
    let days: Vec<civil::Date> = p.practice_days(&la).into_iter().collect();
    assert_eq!(days, [civil::date(2026, 12, 1), civil::date(2026, 12, 3)]);
    let utc: Vec<civil::Date> = p.practice_days(&TimeZone::UTC).into_iter().collect();
    assert_eq!(utc, [civil::date(2026, 12, 1), civil::date(2026, 12, 4)]);
}

#[test]
fn due_by_counts_questions_and_names_their_categories() {
    let model = Fsrs::default();
    let mut ks = keys(2, "weaknesses");
    ks.extend(keys(2, "curveballs"));
    let history = [
        stalled(&ks[0], at(0, 9)),
        stalled(&ks[2], at(0, 9)),
        smooth(&ks[1], at(0, 9)),
    ];
    let s = practice(&history).schedule(&model);
    let (n, cats) = due_by(&s, &candidates(&ks), at(2, 0).instant);
    assert_eq!(n, 2);
    assert_eq!(cats, ["weaknesses", "curveballs"]);
    let (n, _) = due_by(&s, &candidates(&ks), at(0, 23).instant);
    assert_eq!(n, 0);
}

fn to_chrono(t: Timestamp) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(t.as_millisecond()).unwrap()
}

/// The review step written over the crate's formulas gives exactly what
/// the crate's own long-term scheduler gives, on random review sequences.
#[test]
fn the_fsrs_step_matches_the_crates_scheduler() {
    let crate_fsrs = rs_fsrs::FSRS::new(rs_fsrs::Parameters {
        enable_short_term: false,
        enable_fuzz: false,
        ..rs_fsrs::Parameters::default()
    });
    let ours = Fsrs::default();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..200 {
        let mut t = at(0, 9).instant.as_millisecond();
        let mut card: Option<rs_fsrs::Card> = None;
        let mut state: Option<FsrsState> = None;
        for _ in 0..12 {
            t += i64::try_from(next() % (40 * DAY_MS as u64)).unwrap();
            let now = Timestamp::from_millisecond(t).unwrap();
            let grade =
                [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy][(next() % 4) as usize];
            let c = card.clone().unwrap_or(rs_fsrs::Card {
                due: to_chrono(now),
                last_review: to_chrono(now),
                ..rs_fsrs::Card::default()
            });
            let theirs = crate_fsrs.next(c, to_chrono(now), to_rating(grade)).card;
            let mine = ours.review(state.as_ref(), now, grade);
            assert!(
                (theirs.stability - mine.stability).abs() < 1e-9,
                "{theirs:?} {mine:?}"
            );
            assert!(
                (theirs.difficulty - mine.difficulty).abs() < 1e-9,
                "{theirs:?} {mine:?}"
            );
            assert_eq!(theirs.due.timestamp_millis(), mine.due.as_millisecond());
            assert_eq!(theirs.lapses, i32::try_from(mine.lapses).unwrap());
            card = Some(theirs);
            state = Some(mine);
        }
    }
}

#[test]
fn the_last_rehearsal_is_the_latest_rehearse_session() {
    let rehearse = |q: &str, session: &str, when: Stamp| AnswerRecord {
        mode: Mode::Rehearse,
        session: session.into(),
        ..smooth(q, when)
    };
    let p = practice(&[
        rehearse("weaknesses/a", "r2", at(5, 20)),
        rehearse("weaknesses/b", "r2", at(5, 21)),
        rehearse("weaknesses/c", "r1", at(1, 20)),
        smooth("weaknesses/d", at(6, 9)),
    ]);
    assert_eq!(p.last_rehearsal(), ["weaknesses/a", "weaknesses/b"]);
    assert!(Practice::new().last_rehearsal().is_empty());
}

#[test]
fn a_voice_answer_without_measured_words_can_be_easy() {
    let mut a = smooth("weaknesses/a", at(0, 9));
    a.input = InputMode::Voice;
    a.words = None;
    a.fillers = None;
    assert_eq!(grade(&a), Grade::Easy, "not measured is no one-liner");
    a.pauses = vec![Pause {
        at_word: None,
        at_char: None,
        ms: 6_000,
        at_ms: Some(2_000),
    }];
    assert_eq!(
        grade(&a),
        Grade::Hard,
        "a heard pause counts like a typed one"
    );
    let mut silent = smooth("weaknesses/a", at(0, 9));
    silent.input = InputMode::Voice;
    silent.words = None;
    silent.answer_ms = 0;
    assert_eq!(grade(&silent), Grade::Again, "nothing said is a blank");
}

/// A history of many batches gathered in parts, one per reading thread
/// (`history::fold_from`), the parts merged, schedules exactly as one pass
/// in file order: same-millisecond answers, ratings given twice (the last
/// in the file wins), sessions read by both threads, the latest rehearsal.
#[test]
fn parts_gathered_on_the_reading_threads_schedule_as_one_pass() {
    let mut text = String::new();
    let mut push = |r: Record| {
        text.push_str(&serde_json::to_string(&r).unwrap());
        text.push('\n');
    };
    for n in 0..6_000i64 {
        let q = format!("weaknesses/q{}", n % 23);
        // Pairs share a millisecond: file order decides their replay.
        let when = at(n / 40, 0);
        let mut a = if n % 3 == 0 {
            stalled(&q, when)
        } else {
            smooth(&q, when)
        };
        a.session = format!("s{}", n / 7);
        a.skipped = n % 13 == 0;
        a.mode = if n % 97 < 5 {
            Mode::Rehearse
        } else {
            Mode::Daily
        };
        push(Record::Answer(a));
        if n % 50 == 0 {
            for rating in [1, 4] {
                push(Record::Rating(Rating {
                    v: VERSION,
                    session: format!("s{}", n / 7),
                    question: q.clone(),
                    answer_at: when,
                    rating: if n % 100 == 0 { rating } else { 5 - rating },
                }));
            }
        }
        if n % 7 == 6 {
            push(Record::Session(SessionRecord {
                v: VERSION,
                session: format!("s{}", n / 7),
                started: at(n / 40, 0),
                ended: at(n / 40, 1),
                mode: Mode::Daily,
                answered: 7,
                skipped: 0,
                interrupted: false,
                budget_ms: None,
            }));
        }
    }
    assert!(text.len() > 4 * 256 * 1024, "several batches");
    let (records, _) = crate::history::read_from(text.as_bytes()).unwrap();
    let mut serial = Practice::new();
    for r in &records {
        serial.add(r);
    }
    let (parts, warnings) =
        crate::history::fold_from(text.as_bytes(), Practice::new, Practice::add_at).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(parts.len() > 1, "read on several threads");
    let mut folded = Practice::new();
    for p in parts {
        folded.merge(p);
    }
    let shown = |p: &Practice| {
        let mut m: Vec<String> = p
            .schedule(&Fsrs::default())
            .memories
            .iter()
            .map(|(q, m)| format!("{q}: {m:?} score {}", m.score()))
            .collect();
        m.sort();
        m
    };
    assert_eq!(shown(&folded), shown(&serial));
    let zone = TimeZone::UTC;
    assert_eq!(folded.practice_days(&zone), serial.practice_days(&zone));
    assert_eq!(folded.last_rehearsal(), serial.last_rehearsal());
    assert!(!serial.last_rehearsal().is_empty());
}

/// A rating given twice to one answer: the later in the file wins, in
/// whichever order the parts that read them are merged.
#[test]
fn the_last_rating_in_the_file_wins_whatever_order_parts_merge_in() {
    let when = at(0, 9);
    let answer = Record::Answer(smooth("weaknesses/q", when));
    let rating = |rating| {
        Record::Rating(Rating {
            v: VERSION,
            session: format!("s{}", when.instant.as_millisecond()),
            question: "weaknesses/q".into(),
            answer_at: when,
            rating,
        })
    };
    let (p0, p1, p2) = {
        let p0 = Position::default();
        (p0, p0.next(), p0.next().next())
    };
    for early_first in [true, false] {
        let mut early = Practice::new();
        early.add_at(p0, &answer);
        early.add_at(p1, &rating(1));
        let mut late = Practice::new();
        late.add_at(p2, &rating(5));
        let mut merged = Practice::new();
        if early_first {
            merged.merge(early);
            merged.merge(late);
        } else {
            merged.merge(late);
            merged.merge(early);
        }
        let schedule = merged.schedule(&Fsrs::default());
        let m = &schedule.memories["weaknesses/q"];
        assert_ne!(m.last_grade, Grade::Again, "early first: {early_first}");
    }
}

/// What dates the sessions does not depend on the order records are met
/// in nor on how they are split between parts merged later (the reading
/// threads of `stats`): a session closed twice is dated by the earlier
/// start, one without its closing record by its earliest answer, and one
/// whose answers were all skipped does not count, in any order and split.
#[test]
fn session_days_are_the_same_in_any_order_and_any_split_into_parts() {
    enum Event {
        Start(&'static str, Stamp),
        Answer(&'static str, Stamp, bool),
    }
    let events = [
        Event::Answer("twice", at(3, 9), false),
        Event::Start("twice", at(5, 8)),
        Event::Start("twice", at(2, 23)),
        Event::Answer("open", at(7, 12), true),
        Event::Answer("open", at(6, 1), false),
        Event::Answer("open", at(8, 0), false),
        Event::Answer("skips", at(9, 10), true),
        Event::Start("skips", at(9, 9)),
        Event::Answer("skips", at(9, 11), true),
    ];
    let feed = |days: &mut SessionDays, e: &Event| match *e {
        Event::Start(s, when) => days.start(s, when),
        Event::Answer(s, when, skipped) => days.answer(s, when, skipped),
    };
    let date = |when: Stamp| when.local_date_in(&TimeZone::UTC);
    assert_ne!(
        date(at(2, 23)),
        date(at(3, 9)),
        "the starts fall on other days"
    );
    assert_ne!(date(at(5, 8)), date(at(3, 9)));
    let want: BTreeSet<civil::Date> = [date(at(2, 23)), date(at(6, 1))].into();
    let n = events.len();
    let mut order: Vec<usize> = (0..n).collect();
    for turn in 0..2 * n {
        // Every rotation, forwards and backwards.
        order.rotate_left(1);
        if turn == n {
            order.reverse();
        }
        let mut whole = SessionDays::default();
        for &i in &order {
            feed(&mut whole, &events[i]);
        }
        assert_eq!(whole.practice_days(&TimeZone::UTC), want, "{order:?}");
        for split in 0..=n {
            let (mut a, mut b) = (SessionDays::default(), SessionDays::default());
            for (k, &i) in order.iter().enumerate() {
                feed(if k < split { &mut a } else { &mut b }, &events[i]);
            }
            let mut ab = a.clone();
            ab.merge(b.clone());
            b.merge(a);
            assert_eq!(ab.practice_days(&TimeZone::UTC), want, "{order:?} {split}");
            assert_eq!(b.practice_days(&TimeZone::UTC), want, "{order:?} {split}");
        }
    }
}

/// Positions 0, 1, 2… of a file, for records split by hand between parts.
fn positions(n: usize) -> Vec<Position> {
    std::iter::successors(Some(Position::default()), |p| Some(p.next()))
        .take(n)
        .collect()
}

/// `records` read in parts (`parts[i]` the part that reads record `i`,
/// as the reading threads take batches in turn), the parts merged in
/// `order`.
fn folded(records: &[Record], parts: &[usize], order: &[usize]) -> Practice {
    let mut gathered = vec![Practice::new(); order.len()];
    for ((r, &part), at) in records.iter().zip(parts).zip(positions(records.len())) {
        gathered[part].add_at(at, r);
    }
    let mut merged = Practice::new();
    for &i in order {
        merged.merge(gathered[i].clone());
    }
    merged
}

fn serial(records: &[Record]) -> Practice {
    let mut p = Practice::new();
    for r in records {
        p.add(r);
    }
    p
}

fn rehearsed(question: &str, session: &str, when: Stamp) -> Record {
    Record::Answer(AnswerRecord {
        mode: Mode::Rehearse,
        session: session.into(),
        ..smooth(question, when)
    })
}

/// Two rehearsals whose last answers share a millisecond, read by
/// different threads: the later in the file is the latest, as in one pass,
/// whichever order the parts are merged in.
#[test]
fn of_two_rehearsals_ending_in_the_same_millisecond_the_later_in_the_file_is_the_latest() {
    let when = at(3, 20);
    let records = [
        rehearsed("weaknesses/a", "r1", when),
        rehearsed("weaknesses/b", "r2", when),
    ];
    assert_eq!(serial(&records).last_rehearsal(), ["weaknesses/b"]);
    for order in [[0, 1], [1, 0]] {
        assert_eq!(
            folded(&records, &[0, 1], &order).last_rehearsal(),
            ["weaknesses/b"],
            "merged in order {order:?}"
        );
    }
}

/// A rehearsal read by two threads, one question's first answer read by
/// one and its follow-up by the other: the questions come in the order
/// they were first asked in the file, as in one pass.
#[test]
fn a_rehearsal_split_between_parts_keeps_its_questions_in_file_order() {
    let records = [
        rehearsed("weaknesses/a", "r", at(3, 10)),
        rehearsed("weaknesses/b", "r", at(3, 11)),
        rehearsed("weaknesses/c", "r", at(3, 12)),
        rehearsed("weaknesses/b", "r", at(3, 13)),
    ];
    let expected = ["weaknesses/a", "weaknesses/b", "weaknesses/c"];
    assert_eq!(serial(&records).last_rehearsal(), expected);
    for order in [[0, 1], [1, 0]] {
        assert_eq!(
            folded(&records, &[0, 1, 0, 0], &order).last_rehearsal(),
            expected,
            "merged in order {order:?}"
        );
    }
}

/// What daily practice adds to a merged history (its own session's
/// answers) comes after every record of the file: an answer of the same
/// millisecond as one in the file replays after it, as in one pass.
#[test]
fn records_added_after_a_merge_come_after_the_file() {
    let when = at(2, 9);
    let file = [
        Record::Answer(smooth("weaknesses/other", at(1, 9))),
        Record::Answer(smooth("weaknesses/q", when)),
    ];
    let added = Record::Answer(stalled("weaknesses/q", when));
    let mut one_pass = serial(&file);
    one_pass.add(&added);
    let mut merged = folded(&file, &[0, 1], &[0, 1]);
    merged.add(&added);
    let grade_of = |p: &Practice| p.schedule(&Fsrs::default()).memories["weaknesses/q"].last_grade;
    assert_eq!(grade_of(&one_pass), Grade::Again);
    assert_eq!(grade_of(&merged), grade_of(&one_pass));
}
