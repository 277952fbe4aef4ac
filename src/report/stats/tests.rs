//! Stats figures against hand-computed values on synthetic records, and
//! the stickiest score held to the one `daily` schedules by.

use jiff::civil::{Date, date};
use jiff::tz::TimeZone;

use super::*;
use crate::drill::record::VERSION;
use crate::drill::schedule::{Fsrs, Practice};
use crate::drill::{Pause, SessionRecord, Stamp};

fn at(s: &str) -> Stamp {
    Stamp::parse(s).unwrap()
}

fn answer(session: &str, when: &str, question: &str, think_ms: u64) -> AnswerRecord {
    AnswerRecord::builder(question)
        .session(session)
        .at(at(when))
        .think_ms(think_ms)
        .limit_ms(90_000)
        .words(20)
        .fillers(&[])
        .text("I tend to over prepare")
        .build()
}

fn build(records: &[Record], filter: Filter, today: Date) -> Stats {
    let mut b = StatsBuilder::new(filter);
    for r in records {
        b.add(r);
    }
    b.finish(today)
}

#[test]
fn median_and_mean_round_as_documented() {
    assert_eq!(median(&mut []), 0);
    assert_eq!(median(&mut [5]), 5);
    assert_eq!(median(&mut [9, 1, 4]), 4);
    assert_eq!(median(&mut [4, 1, 2, 9]), 3); // (2 + 4) / 2
    assert_eq!(median(&mut [1, 2]), 2); // 1.5 rounds up
    assert_eq!(mean(10, 4), 3); // 2.5 rounds up
    assert_eq!(mean(0, 0), 0);
}

/// Think times as large as a (hostile or corrupted) file can hold: the
/// figures are the true ones, never an overflow (a panic in a debug
/// build, a wrapped, wrong figure in a release one).
#[test]
fn huge_think_times_give_true_means_and_medians() {
    let max = u64::MAX;
    assert_eq!(median(&mut [max, max]), max);
    assert_eq!(median(&mut [max - 2, max]), max - 1);
    assert_eq!(median(&mut [max - 1, max]), max); // half way rounds up
    assert_eq!(mean(u128::from(max) * 3, 3), max);
    assert_eq!(mean(u128::from(max) * 2 - 1, 2), max); // half way rounds up
    let records: Vec<Record> = [max, max - 2]
        .iter()
        .map(|&t| Record::Answer(answer("s", "2026-11-30T10:00:00Z", "w/a", t)))
        .collect();
    let s = build(&records, Filter::all(TimeZone::UTC), date(2026, 11, 30));
    assert_eq!(s.categories[0].think_ms_mean, max - 1);
    assert_eq!(s.categories[0].think_ms_median, max - 1);
    assert_eq!(s.days[0].think_ms_median, max - 1);
}

#[test]
fn category_figures_count_skipped_answers_too() {
    let mut skipped = answer("s1", "2026-11-30T10:02:00Z", "w/b", 30_000);
    skipped.skipped = true;
    skipped.words = Some(0);
    let mut paused = answer("s1", "2026-11-30T10:01:00Z", "w/a", 2_000);
    paused.pauses = vec![
        Pause {
            at_word: Some(3),
            at_char: Some(9),
            ms: 4_500,
            at_ms: None,
        },
        Pause {
            at_word: Some(4),
            at_char: Some(14),
            ms: 3_100,
            at_ms: None,
        },
    ];
    paused.fillers = Some(3);
    paused.overran = true;
    let records = [
        Record::Answer(paused),
        Record::Answer(skipped),
        Record::Answer(answer("s2", "2026-11-29T10:00:00Z", "c/x", 7_000)),
    ];
    let s = build(&records, Filter::all(TimeZone::UTC), date(2026, 11, 30));
    assert_eq!((s.answers, s.sessions), (3, 2));
    let w = &s.categories[1];
    assert_eq!(w.category, "w");
    assert_eq!(w.answers, 2);
    assert_eq!(w.think_ms_mean, 16_000);
    assert_eq!(w.think_ms_median, 16_000);
    assert_eq!((w.pauses, w.skipped, w.overran), (2, 1, 1));
    assert_eq!(w.fillers_per_100_words(), 15.0); // 3 fillers in 20 words
    assert_eq!(s.slowest[0].think_ms, 30_000);
    assert_eq!(s.longest[0].ms, 4_500);
    assert_eq!(s.longest[0].place, "after “to” (word 3)");
    assert_eq!(s.days.len(), 2);
    assert_eq!(s.days[1].think_ms_median, 16_000);
}

#[test]
fn stickiest_scores_are_the_schedule_scores() {
    // Drill and daily answers count; rehearsals and follow-ups do not.
    let mut records = Vec::new();
    let mut practice = Practice::new();
    for (i, think) in [4_000u64, 25_000, 12_000, 40_000, 9_000].iter().enumerate() {
        let q = if i % 2 == 0 { "w/a" } else { "w/b" };
        let mut a = answer("s", &format!("2026-11-2{i}T10:00:00Z"), q, *think);
        a.mode = if i == 4 { Mode::Daily } else { Mode::Drill };
        a.fillers = Some(i as u32);
        records.push(Record::Answer(a));
    }
    let mut rehearsed = answer("r", "2026-11-26T10:00:00Z", "w/a", 60_000);
    rehearsed.mode = Mode::Rehearse;
    records.push(Record::Answer(rehearsed));
    let mut followup = answer("s", "2026-11-26T10:00:00Z", "w/b", 60_000);
    followup.followup = Some(1);
    records.push(Record::Answer(followup));
    for r in &records {
        practice.add(r);
    }
    let schedule = practice.schedule(&Fsrs::default());
    let s = build(&records, Filter::all(TimeZone::UTC), date(2026, 11, 30));
    assert_eq!(s.stickiest.len(), 2);
    for sticky in &s.stickiest {
        let memory = &schedule.memories[&sticky.question];
        assert!((sticky.score - memory.score()).abs() < 1e-9, "{sticky:?}");
        assert_eq!(sticky.answers, memory.reviews);
    }
    assert!(s.stickiest[0].score >= s.stickiest[1].score);
}

#[test]
fn the_streak_fed_a_subset_equals_the_streak_fed_everything() {
    // Interleaved sessions, a session without its closing record whose
    // answers arrive out of time order, a skipped-only session, answers
    // after their closing record.
    let mut records = Vec::new();
    let skip = |mut a: AnswerRecord| {
        a.skipped = true;
        a
    };
    records.push(Record::Answer(skip(answer(
        "a",
        "2026-11-27T23:59:00-05:00",
        "w/a",
        1,
    ))));
    records.push(Record::Answer(answer(
        "b",
        "2026-11-28T09:00:00Z",
        "w/a",
        1,
    )));
    records.push(Record::Answer(answer(
        "a",
        "2026-11-28T05:30:00Z",
        "w/a",
        1,
    )));
    records.push(Record::Answer(answer(
        "c",
        "2026-11-29T12:00:00Z",
        "w/a",
        1,
    )));
    records.push(Record::Answer(answer(
        "c",
        "2026-11-29T00:30:00+02:00",
        "w/a",
        1,
    )));
    records.push(Record::Answer(skip(answer(
        "d",
        "2026-11-30T10:00:00Z",
        "w/a",
        1,
    ))));
    records.push(Record::Session(SessionRecord {
        v: VERSION,
        session: "b".into(),
        started: at("2026-11-27T22:00:00-08:00"),
        ended: at("2026-11-28T09:10:00Z"),
        mode: Mode::Drill,
        answered: 1,
        skipped: 0,
        interrupted: false,
        budget_ms: None,
    }));
    records.push(Record::Answer(answer(
        "b",
        "2026-11-26T09:00:00Z",
        "w/a",
        1,
    )));
    let zone = TimeZone::fixed(jiff::tz::Offset::constant(-3));
    let mut all = Practice::new();
    for r in &records {
        all.add(r);
    }
    let want = all.practice_days(&zone);
    let mut b = StatsBuilder::new(Filter::all(zone.clone()));
    for r in &records {
        b.add(r);
    }
    assert_eq!(b.practice.practice_days(&zone), want);
    assert!(want.len() >= 2, "{want:?}");
}

#[test]
fn filters_keep_dates_categories_and_modes() {
    let mut daily = answer("s2", "2026-11-30T01:00:00+09:00", "c/x", 1_000);
    daily.mode = Mode::Daily;
    let records = [
        Record::Answer(answer("s1", "2026-11-28T10:00:00Z", "w/a", 1_000)),
        Record::Answer(daily),
    ];
    let mut f = Filter::all(TimeZone::UTC);
    f.since = Some(date(2026, 11, 30));
    // 01:00 at +09:00 on the 30th is the 29th in UTC, but the record's own
    // offset says the 30th.
    let s = build(&records, f.clone(), date(2026, 11, 30));
    assert_eq!(s.answers, 1);
    assert_eq!(s.days[0].date, date(2026, 11, 30));
    f.since = None;
    f.mode = Some(Mode::Drill);
    assert_eq!(build(&records, f.clone(), date(2026, 11, 30)).answers, 1);
    f.mode = None;
    f.categories = vec!["c".into(), "zzz".into()];
    let s = build(&records, f, date(2026, 11, 30));
    assert_eq!(s.categories.len(), 1);
    assert_eq!(s.categories[0].category, "c");
}

#[test]
fn an_empty_history_gives_zeros() {
    let s = build(&[], Filter::all(TimeZone::UTC), date(2026, 11, 30));
    assert_eq!((s.answers, s.sessions, s.streak_days), (0, 0, 0));
    let json = serde_json::to_value(s.to_json()).unwrap();
    assert_eq!(json["answers"], 0);
    assert_eq!(json["categories"], serde_json::json!([]));
    assert_eq!(json["stickiest"], serde_json::json!([]));
    assert_eq!(json["days"], serde_json::json!([]));
}

/// A history of many batches read the fast way — folded into one part per
/// reading thread (`history::fold_from`), the parts merged — gives the
/// figures of reading every record whole in order, and the longest pauses
/// are the ones an independent sort finds (the place-of-pause floor loses
/// none, even when the longest come late or tie across parts).
#[test]
fn parts_folded_on_the_reading_threads_give_the_same_figures() {
    let mut text = String::new();
    let mut all_pauses: Vec<(u64, String, String)> = Vec::new();
    let mut think = std::collections::BTreeMap::<String, Vec<u64>>::new();
    for s in 0..800u64 {
        let session = format!("s{s:04}");
        for k in 0..5u64 {
            let n = s * 5 + k;
            let category = ["w", "c", "b"][(n % 3) as usize];
            let question = format!("{category}/q{}", n % 7);
            // Days in order, some written with an offset of their own.
            let day = 1 + s / 40;
            let when = if n % 4 == 0 {
                format!(
                    "2026-{:02}-{:02}T23:30:{:02}.000+09:00",
                    1 + day / 28,
                    1 + day % 28,
                    k
                )
            } else {
                format!(
                    "2026-{:02}-{:02}T10:00:{:02}.000Z",
                    1 + day / 28,
                    1 + day % 28,
                    k
                )
            };
            let mut a = answer(&session, &when, &question, 1_000 + (n * 7_919) % 40_000);
            a.skipped = n % 11 == 0;
            a.mode = if n % 5 == 0 {
                Mode::Rehearse
            } else {
                Mode::Daily
            };
            a.text = format!("answer with the number {n}");
            // The longest pauses grow over the file, so the floor moves.
            if n % 3 == 0 {
                let ms = 1_000 + (n * 31) % 5_000 + n;
                a.pauses = vec![Pause {
                    at_word: Some(2),
                    at_char: Some(9),
                    ms,
                    at_ms: None,
                }];
                all_pauses.push((ms, question.clone(), session.clone()));
            }
            think.entry(category.into()).or_default().push(a.think_ms);
            text.push_str(&serde_json::to_string(&Record::Answer(a)).unwrap());
            text.push('\n');
        }
        let session = Record::Session(SessionRecord {
            v: VERSION,
            session,
            started: at("2026-01-01T09:00:00Z"),
            ended: at("2026-01-01T09:10:00Z"),
            mode: Mode::Daily,
            answered: 5,
            skipped: 0,
            interrupted: false,
            budget_ms: None,
        });
        text.push_str(&serde_json::to_string(&session).unwrap());
        text.push('\n');
    }
    assert!(text.len() > 4 * 256 * 1024, "several batches");
    let today = date(2026, 3, 1);
    let zone = TimeZone::fixed(jiff::tz::Offset::constant(-5));

    let (records, _) = crate::history::read_from(text.as_bytes()).unwrap();
    let whole = build(&records, Filter::all(zone.clone()), today);

    let mut b = StatsBuilder::new(Filter::all(zone));
    let (parts, warnings) = crate::history::fold_from(
        text.as_bytes(),
        || b.part(),
        |part, at, r| {
            part.add_at(at, r);
        },
    )
    .unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(parts.len() > 1, "read on several threads");
    for part in parts {
        b.merge(part);
    }
    let fast = b.finish(today);
    // Scores too, to the last bit (summed exactly).
    assert_eq!(fast, whole);

    // Independently: the counts, each category's mean think time, and the
    // five longest pauses (first in the file wins a tie).
    assert_eq!(fast.answers, 4_000);
    assert_eq!(fast.sessions, 800);
    for c in &fast.categories {
        let t = &think[&c.category];
        assert_eq!(
            c.think_ms_mean,
            mean(t.iter().copied().map(u128::from).sum(), t.len() as u64),
            "{}",
            c.category
        );
    }
    all_pauses.sort_by_key(|p| std::cmp::Reverse(p.0));
    let want: Vec<(u64, &str, &str)> = all_pauses
        .iter()
        .take(TOP)
        .map(|(ms, q, s)| (*ms, q.as_str(), s.as_str()))
        .collect();
    let got: Vec<(u64, &str, &str)> = fast
        .longest
        .iter()
        .map(|l| (l.ms, l.question.as_str(), l.session.as_str()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(fast.longest[0].place, "after “with” (word 2)");
}

/// A history of `lines` answers, one per line, every line the same length
/// whatever its figures (so batches cut at the same lines however the
/// figures are set): session `s<line>`, question `w/q<line>`, think time and one pause below
/// 60 s, except the lines in `ties`, whose think time (99,999 ms) and pause
/// (59,999 ms) are the longest of the file and all equal.
fn tied_history(lines: usize, ties: &[usize]) -> String {
    let mut text = String::new();
    for i in 0..lines {
        let tie = ties.contains(&i);
        let mut a = answer(
            &format!("s{i:07}"),
            &format!("2026-02-{:02}T10:00:00.000Z", 1 + (i / 500) % 28),
            &format!("w/q{i:07}"),
            if tie {
                99_999
            } else {
                10_000 + (i as u64 * 7_919) % 80_000
            },
        );
        a.pauses = vec![Pause {
            at_word: Some(2),
            at_char: Some(7),
            ms: if tie {
                59_999
            } else {
                10_000 + (i as u64 * 104_729) % 40_000
            },
            at_ms: None,
        }];
        text.push_str(&serde_json::to_string(&Record::Answer(a)).unwrap());
        text.push('\n');
    }
    text
}

/// The line numbers (from sessions named `s<line>`) each reading thread
/// folds, in its part's order.
fn lines_by_part(text: &str) -> Vec<Vec<usize>> {
    let (parts, _) = crate::history::fold_from(text.as_bytes(), Vec::new, |lines, _, r| {
        if let Record::Answer(a) = r {
            lines.push(a.session[1..].parse().unwrap());
        }
    })
    .unwrap();
    parts
}

/// `text` folded on the reading threads and merged, for `today`; the part
/// that reads line `wait` first waits (up to 20 s) until the shared floor
/// of the longest pauses has reached the tied length.
fn fold_tied(text: &str, wait: Option<usize>, today: Date) -> Stats {
    let b = StatsBuilder::new(Filter::all(TimeZone::UTC));
    let floor = Arc::clone(&b.floor);
    let (parts, _) = crate::history::fold_from(
        text.as_bytes(),
        || b.part(),
        |part, at, r| {
            if let (Some(line), Record::Answer(a)) = (wait, r)
                && a.question == format!("w/q{line:07}")
            {
                for _ in 0..2_000 {
                    if floor.load(Ordering::Relaxed) >= 59_999 {
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                assert_eq!(floor.load(Ordering::Relaxed), 59_999, "the floor was set");
            }
            part.add_at(at, r);
        },
    )
    .unwrap();
    let mut b = b;
    for part in parts {
        b.merge(part);
    }
    b.finish(today)
}

/// Equal think times and equal pause lengths in batches read by different
/// threads: after the merge the first ones in the file win, exactly as one
/// pass in order gives. Twice: the very first tie read by the part merged
/// last, the other part filling its list with later ties; and a tie read
/// by one part only once the other has filled its list with ties, some
/// later in the file (so the shared floor already is the tied length: a
/// pause equal to the floor must still get in).
#[test]
fn ties_across_parts_go_to_the_first_in_the_file() {
    let lines = 6_000;
    let plain = tied_history(lines, &[]);
    assert!(plain.len() > 6 * 256 * 1024, "several batches");
    let parts = lines_by_part(&plain);
    assert_eq!(parts.len(), 2, "two reading threads");
    // The first line of each batch: where a part's lines jump.
    let mut starts: Vec<usize> = parts
        .iter()
        .flat_map(|p| {
            let jumps = p.windows(2).filter(|w| w[1] != w[0] + 1).map(|w| w[1]);
            p.first().copied().into_iter().chain(jumps)
        })
        .collect();
    starts.sort_unstable();
    assert!(starts.len() >= 7, "{starts:?}");
    let part_of = |line: usize| usize::from(!parts[0].contains(&line));
    let b = |n: usize, k: usize| starts[n] + 10 * k;
    let layouts = [
        // The first tie in batch 1 (the second thread's); the first
        // thread's batches hold six, enough to fill its list with ties.
        (
            vec![
                b(1, 1),
                b(2, 1),
                b(2, 2),
                b(3, 1),
                b(4, 1),
                b(4, 2),
                b(5, 1),
                b(6, 1),
                b(6, 2),
            ],
            None,
        ),
        // Five ties in batches 0 and 2 (the first thread's), one in batch
        // 1 read only once the first thread has all five.
        (
            vec![b(0, 1), b(0, 2), b(0, 3), b(1, 1), b(2, 1), b(2, 2)],
            Some(b(1, 1)),
        ),
    ];
    let today = date(2026, 3, 1);
    for (ties, wait) in layouts {
        let text = tied_history(lines, &ties);
        assert!(lines_by_part(&text) == parts, "the same batches");
        assert_eq!(part_of(ties[0]), usize::from(wait.is_none()), "{ties:?}");
        let first_part = ties.iter().filter(|&&t| part_of(t) == 0).count();
        assert!(first_part >= TOP, "{ties:?}");

        let (records, _) = crate::history::read_from(text.as_bytes()).unwrap();
        let whole = build(&records, Filter::all(TimeZone::UTC), today);
        let fast = fold_tied(&text, wait, today);

        let want: Vec<String> = ties[..TOP].iter().map(|t| format!("w/q{t:07}")).collect();
        let slowest: Vec<(&str, u64)> = fast
            .slowest
            .iter()
            .map(|s| (s.question.as_str(), s.think_ms))
            .collect();
        let longest: Vec<(&str, u64)> = fast
            .longest
            .iter()
            .map(|l| (l.question.as_str(), l.ms))
            .collect();
        let want_slowest: Vec<(&str, u64)> = want.iter().map(|q| (q.as_str(), 99_999)).collect();
        let want_longest: Vec<(&str, u64)> = want.iter().map(|q| (q.as_str(), 59_999)).collect();
        assert_eq!(slowest, want_slowest, "{ties:?}");
        assert_eq!(longest, want_longest, "{ties:?}");
        assert_eq!(fast.slowest, whole.slowest);
        assert_eq!(fast.longest, whole.longest);
    }
}

/// Two questions whose answers hesitated the same (0.1, 0.3 and 0.7 s of
/// think time past the target: equal means, so the one first by name comes
/// first), one question's answers all in one batch, the other's in three
/// batches read by both threads: the folded parts rank them as one pass in
/// order does, with the same scores to the last bit. Floating-point sums
/// taken in another grouping differ in their last bits ((0.1 + 0.7) + 0.3
/// is not (0.1 + 0.3) + 0.7), which alone would rank them by rounding noise.
#[test]
fn equal_hesitation_ranks_the_same_however_the_answers_fall_in_parts() {
    let lines = 4_000;
    // Every other answer hesitated not at all: no score, not listed.
    let history = |ties: &[(usize, &str, u64)]| {
        let mut text = String::new();
        for i in 0..lines {
            let (question, think) = match ties.iter().find(|t| t.0 == i) {
                Some(&(_, q, think)) => (q.to_string(), think),
                None => (format!("w/f{i:07}"), 10_000),
            };
            let a = answer(
                &format!("s{i:07}"),
                "2026-02-01T10:00:00.000Z",
                &question,
                think,
            );
            text.push_str(&serde_json::to_string(&Record::Answer(a)).unwrap());
            text.push('\n');
        }
        text
    };
    let parts = lines_by_part(&history(&[]));
    let jump = |p: &[usize]| p.windows(2).find(|w| w[1] != w[0] + 1).unwrap()[1];
    let (batch1, batch2) = (parts[1][0], jump(&parts[0]));
    let ties = [
        (1, "w/a0000000", 10_100),
        (batch1 + 1, "w/a0000000", 10_300),
        (batch2 + 1, "w/a0000000", 10_700),
        (2, "w/b0000000", 10_100),
        (3, "w/b0000000", 10_300),
        (4, "w/b0000000", 10_700),
    ];
    let text = history(&ties);
    assert!(lines_by_part(&text) == parts, "the same batches");
    let today = date(2026, 3, 1);
    let (records, _) = crate::history::read_from(text.as_bytes()).unwrap();
    let whole = build(&records, Filter::all(TimeZone::UTC), today);
    let fast = fold_tied(&text, None, today);
    let ranked = |s: &Stats| -> Vec<(String, u64)> {
        s.stickiest
            .iter()
            .map(|s| (s.question.clone(), s.score.to_bits()))
            .collect()
    };
    assert_eq!(whole.stickiest.len(), 2);
    assert_eq!(whole.stickiest[0].question, "w/a0000000", "by name");
    assert_eq!(ranked(&fast), ranked(&whole));
}

/// The exact sum is the correctly rounded sum of the numbers, whatever
/// order and grouping (parts merged) they are added in — where plain
/// `f64` addition gives 1.1 or 1.0999999999999999 for the same three.
#[test]
fn an_exact_sum_is_the_same_in_any_order_and_grouping() {
    let sum = |values: &[f64]| {
        let mut s = ExactSum::default();
        for &v in values {
            s.add(v);
        }
        s
    };
    assert_ne!((0.1 + 0.3) + 0.7, (0.1 + 0.7) + 0.3);
    // Python's math.fsum gives these.
    let cases: [(&[f64], f64); 5] = [
        (&[], 0.0),
        (&[0.1, 0.3, 0.7], 1.099_999_999_999_999_9),
        (&[1e16, 1.0, -1e16], 1.0),
        // Just over halfway between 1 and the next double: rounds up.
        (
            &[1.0, 2f64.powi(-53), 2f64.powi(-106)],
            1.000_000_000_000_000_2,
        ),
        (
            &[0.5, 2.25, 10.0, 3.0, 0.001, 60.0, 0.3, 17.5, 0.007],
            93.558,
        ),
    ];
    for (values, want) in cases {
        let mut values = values.to_vec();
        for turn in 0..values.len().max(1) {
            values.rotate_left(usize::from(turn > 0));
            assert_eq!(sum(&values).value().to_bits(), want.to_bits(), "{values:?}");
            for split in 0..=values.len() {
                let mut a = sum(&values[..split]);
                a.merge(&sum(&values[split..]));
                assert_eq!(a.value().to_bits(), want.to_bits(), "{values:?} at {split}");
                let mut b = sum(&values[split..]);
                b.merge(&sum(&values[..split]));
                assert_eq!(b.value().to_bits(), want.to_bits(), "{values:?} at {split}");
            }
        }
        values.reverse();
        assert_eq!(sum(&values).value().to_bits(), want.to_bits(), "{values:?}");
    }
}
