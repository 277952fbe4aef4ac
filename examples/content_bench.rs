//! How fast the content analyzer reads an answer (a development aid; the
//! figures are in the README):
//!
//!     cargo run --release --example content_bench   # or benches/content/run.sh
//!
//! Targets (issue 14): the whole analyzer on a 300-word answer ≤ 50 µs,
//! ≥ 20 MB/s, linear in the text and in the cues; the last line says which
//! are met in this run.
//!
//! - a 300-word answer against 10 points (≈ 6 cues each) and 2 dodges,
//!   the whole analyzer (compiling the cues included), and reading alone;
//! - throughput in MB of answer text per second;
//! - 10× the text, 10× the cues: the time should grow about 10× at most;
//! - hostile: 500 cues (wildcards, lone `*`, `#figure`) and an answer at
//!   the 20,000-character cap.

use std::hint::black_box;
use std::time::{Duration, Instant};

use hotseat::bank::{Avoid, Point};
use hotseat::content::{Context, Reader, analyze};
use hotseat::drill::answer::MAX_ANSWER_CHARS;

/// A behavioural answer, about 100 words, typed the way people type.
const PARAGRAPH: &str = "At my last job we had a billing service that failed every \
Monday, and I think the team had kind of given up on it. I decided to dig in myself: \
I wrote a small load test, found that the queue retried forever, and I set up a \
dead-letter queue with alerts. It took about three weeks, maybe a bit more, because I \
also had to convince two other teams. As a result the Monday failures stopped, support \
tickets dropped by 40% and we saved roughly $20k a year. Since then I start every \
incident with a written timeline. ";

fn points(n: usize) -> Vec<Point> {
    const CUES: [&[&str]; 5] = [
        &[
            "at my last",
            "when I was",
            "last year",
            "in 20*",
            "we had a",
            "there was a",
        ],
        &[
            "I decided",
            "I built",
            "I wrote",
            "I led",
            "I took",
            "I set up",
            "my part was",
        ],
        &[
            "as a result",
            "in the end",
            "which meant",
            "led to",
            "result*",
            "#figure",
        ],
        &[
            "since then",
            "now I",
            "I started",
            "next time",
            "I learned",
            "*ed * lesson",
        ],
        &[
            "the team",
            "my manager",
            "two other",
            "convince*",
            "stakeholder*",
            "we agreed",
        ],
    ];
    (0..n)
        .map(|i| Point {
            point: format!("point {i}"),
            // Vary the words so the trie cannot merge the copies away.
            cues: CUES[i % CUES.len()]
                .iter()
                .map(|c| {
                    if i < CUES.len() {
                        (*c).to_string()
                    } else {
                        format!("{c} v{i}")
                    }
                })
                .collect(),
            hint: None,
        })
        .collect()
}

fn dodges() -> Vec<Avoid> {
    vec![
        Avoid {
            cues: vec![
                "never missed".into(),
                "wasnt my fault".into(),
                "not my fault".into(),
            ],
            why: "own it".into(),
        },
        Avoid {
            cues: vec!["perfectionist".into(), "work too hard".into()],
            why: "a disguised strength".into(),
        },
    ]
}

fn ctx() -> Context<'static> {
    Context {
        category: "behavioral",
        question: "Tell me about a time you failed.",
        names_company: false,
        company: Some("Acme"),
        role: None,
    }
}

/// The fastest run of `f` over enough runs to take about `budget`: on a
/// shared machine the minimum is the time the code needs, the rest is
/// other processes (the median is printed beside it where it matters).
fn time(budget: Duration, mut f: impl FnMut()) -> Duration {
    let t = Instant::now();
    f();
    let one = t.elapsed().max(Duration::from_nanos(50));
    let runs = (budget.as_nanos() / one.as_nanos()).clamp(5, 200_000) as usize;
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    samples.sort();
    MEDIANS.with(|m| m.borrow_mut().push(samples[runs / 2]));
    samples[0]
}

thread_local! {
    /// The median of each [`time`] call, in order.
    static MEDIANS: std::cell::RefCell<Vec<Duration>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The median of the last [`time`] call.
fn last_median() -> Duration {
    MEDIANS.with(|m| *m.borrow().last().unwrap())
}

fn words(n: usize) -> String {
    let many = PARAGRAPH.repeat(n / 90 + 1);
    let v: Vec<&str> = many.split_whitespace().take(n).collect();
    v.join(" ")
}

fn main() {
    let budget = Duration::from_millis(400);
    let ten = points(10);
    let hundred = points(100);
    let avoid = dodges();
    let avoid_refs: Vec<&Avoid> = avoid.iter().collect();
    let p10: Vec<&Point> = ten.iter().collect();
    let p100: Vec<&Point> = hundred.iter().collect();
    let c = ctx();
    let answer = words(300);
    let long = words(3000);

    let whole = time(budget, || {
        black_box(analyze(black_box(&answer), &p10, &avoid_refs, &c));
    });
    let whole_median = last_median();
    let reader = Reader::new(&p10, &avoid_refs, &c);
    let read = time(budget, || {
        black_box(reader.read(black_box(&answer)));
    });
    println!(
        "300 words ({} bytes), 10 points, 2 dodges: analyze {:.1} µs (median {:.1}), read alone {:.1} µs (median {:.1})",
        answer.len(),
        whole.as_secs_f64() * 1e6,
        whole_median.as_secs_f64() * 1e6,
        read.as_secs_f64() * 1e6,
        last_median().as_secs_f64() * 1e6
    );
    let mb_s = answer.len() as f64 / whole.as_secs_f64() / 1e6;
    println!("throughput (analyze, 300 words): {mb_s:.1} MB/s");
    let read_long = time(budget, || {
        black_box(reader.read(black_box(&long)));
    });
    println!(
        "10x text (3000 words): {:.1} µs = {:.1}x; throughput {:.1} MB/s",
        read_long.as_secs_f64() * 1e6,
        read_long.as_secs_f64() / read.as_secs_f64(),
        long.len() as f64 / read_long.as_secs_f64() / 1e6
    );
    let whole100 = time(budget, || {
        black_box(analyze(black_box(&answer), &p100, &avoid_refs, &c));
    });
    let reader100 = Reader::new(&p100, &avoid_refs, &c);
    let read100 = time(budget, || {
        black_box(reader100.read(black_box(&answer)));
    });
    println!(
        "10x cues (100 points): analyze {:.1} µs = {:.1}x, read alone {:.1} µs = {:.1}x",
        whole100.as_secs_f64() * 1e6,
        whole100.as_secs_f64() / whole.as_secs_f64(),
        read100.as_secs_f64() * 1e6,
        read100.as_secs_f64() / read.as_secs_f64()
    );

    // Where the time goes, part by part (300 words).
    use hotseat::content::{cues, figures, fillers, hedges, language, normalize, oversell};
    use hotseat::content::{repetition, sentences};
    let w = normalize::words(&answer);
    let figs = figures::lengths(&w);
    let stems = repetition::question_stems("Tell me about a time you failed.");
    let mut m = cues::Matcher::new();
    for p in &ten {
        m.add(&p.cues, Some("Acme"), None);
    }
    let parts: [(&str, &dyn Fn()); 8] = [
        ("words", &|| {
            drop(black_box(normalize::words(black_box(&answer))));
        }),
        ("language", &|| {
            black_box(language::detect(&w));
        }),
        ("figures", &|| drop(black_box(figures::lengths(&w)))),
        ("cues", &|| drop(black_box(m.find(&w, &figs)))),
        ("hedges", &|| drop(black_box(hedges::find(&w, &figs)))),
        ("oversell", &|| drop(black_box(oversell::find(&w)))),
        ("repetition", &|| {
            drop(black_box(repetition::find(&w, &stems)));
        }),
        ("sentences", &|| {
            drop(black_box(sentences::long(&w, &answer)));
        }),
    ];
    let mut line = String::from("parts:");
    for (name, f) in parts {
        let d = time(budget / 4, f);
        line.push_str(&format!(" {name} {:.1} µs;", d.as_secs_f64() * 1e6));
    }
    let d = time(budget / 4, || drop(black_box(fillers::spans(&w))));
    line.push_str(&format!(" fillers {:.1} µs;", d.as_secs_f64() * 1e6));
    let d = time(budget / 4, || {
        drop(black_box(Reader::new(&p10, &avoid_refs, &c)));
    });
    let stems = time(budget / 4, || {
        drop(black_box(repetition::question_stems(black_box(c.question))));
    });
    println!(
        "{line} compiling 10 points and 2 dodges {:.1} µs (the question's stems {:.1} µs of it)",
        d.as_secs_f64() * 1e6,
        stems.as_secs_f64() * 1e6
    );

    // Hostile: 500 cues, many with wildcards, and an answer at the cap.
    let hostile_cues: Vec<String> = (0..500)
        .map(|i| match i % 5 {
            0 => format!("* * * word{i} *"),
            1 => format!("w* {i}* #figure *"),
            2 => format!("*e *a *i{i}"),
            3 => format!("the * * * * * * * * x{i}"),
            _ => format!("I * {i}"),
        })
        .collect();
    let hostile = Point {
        point: "hostile".into(),
        cues: hostile_cues,
        hint: None,
    };
    let mut capped: String = PARAGRAPH.repeat(MAX_ANSWER_CHARS / PARAGRAPH.len() + 1);
    capped.truncate(
        capped
            .char_indices()
            .nth(MAX_ANSWER_CHARS)
            .map_or(capped.len(), |(i, _)| i),
    );
    let t = Instant::now();
    let f = analyze(&capped, &[&hostile], &avoid_refs, &c);
    let hostile_time = t.elapsed();
    println!(
        "hostile: 500 cues, {} chars ({} words): {:.2} ms (heard: {})",
        capped.chars().count(),
        f.as_ref().map_or(0, |f| f.words),
        hostile_time.as_secs_f64() * 1e3,
        f.is_some_and(|f| f.points[0].heard)
    );

    // The targets, against the figures above.
    let mark = |ok: bool| if ok { "met" } else { "NOT met" };
    let length_ratio = read_long.as_secs_f64() / read.as_secs_f64();
    let cue_ratio = whole100.as_secs_f64() / whole.as_secs_f64();
    println!(
        "targets: <= 50 µs per 300-word answer {} ({:.1} µs with compiling); >= 20 MB/s {} ({mb_s:.1}); \
10x text <= ~10x {} ({length_ratio:.1}x); 10x cues <= ~10x {} ({cue_ratio:.1}x); hostile < 1 s {}",
        mark(whole.as_secs_f64() <= 50e-6),
        whole.as_secs_f64() * 1e6,
        mark(mb_s >= 20.0),
        mark(length_ratio <= 11.0),
        mark(cue_ratio <= 11.0),
        mark(hostile_time.as_secs_f64() < 1.0),
    );
}
