//! Writes a synthetic history in the documented record shape only (no
//! optional fields), for benchmarks: `N` answers (default 100,000) over
//! the built-in questions, about ten words each, one session record per
//! five answers, one day per session going back from now.
//!
//!     cargo run --release --example gen_history -- OUT.jsonl [N] [WORDS]
//!
//! `WORDS` (e.g. 60) makes each answer a realistic typed story of about
//! that many words instead of the ten-word line (the content benchmark).

use std::io::{BufWriter, Write};

use hotseat::bank::Catalog;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: gen_history OUT.jsonl [N]")?;
    let n: usize = args.next().map_or(Ok(100_000), |s| s.parse())?;
    let words: Option<usize> = args.next().map(|s| s.parse()).transpose()?;
    let text = match words {
        None => "I tend to over prepare, um, so I plan less now".to_string(),
        Some(w) => story(w),
    };
    let word_count = words.map_or(10, |_| text.split_whitespace().count());
    let catalog = Catalog::builtin();
    let questions: Vec<(String, String)> = catalog
        .banks
        .iter()
        .flat_map(|b| {
            b.questions
                .iter()
                .map(move |q| (b.category.clone(), format!("{}/{}", b.category, q.id)))
        })
        .collect();
    let mut w = BufWriter::new(std::fs::File::create(&out)?);
    let now = jiff::Timestamp::now();
    // A small deterministic generator: the same file every run.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let sessions = n.div_ceil(5);
    for s in 0..sessions {
        let day = i64::try_from(sessions - s).unwrap_or(0);
        let start = now - jiff::SignedDuration::from_hours(24 * day);
        let id = format!("s{s:06}");
        let fmt = |t: jiff::Timestamp| t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        for k in 0..5.min(n - s * 5) {
            let (category, question) = &questions[(next() % questions.len() as u64) as usize];
            let at = start + jiff::SignedDuration::from_secs(60 * (k as i64 + 1));
            let think = 2_000 + next() % 30_000;
            let pauses = if next() % 3 == 0 {
                r#"[{"at_word":4,"at_char":19,"ms":4500}]"#
            } else {
                "[]"
            };
            writeln!(
                w,
                r#"{{"v":1,"kind":"answer","session":"{id}","at":"{}","mode":"daily","question":"{question}","category":"{category}","input":"typed","think_ms":{think},"answer_ms":41000,"limit_ms":90000,"overran":false,"skipped":{},"pauses":{pauses},"words":{word_count},"fillers":1,"revisions":3,"hint":false,"rating":null,"text":"{text}"}}"#,
                fmt(at),
                next() % 20 == 0
            )?;
        }
        writeln!(
            w,
            r#"{{"v":1,"kind":"session","session":"{id}","started":"{}","ended":"{}","mode":"daily","answered":5,"skipped":0,"interrupted":false}}"#,
            fmt(start),
            fmt(start + jiff::SignedDuration::from_secs(400))
        )?;
    }
    w.flush()?;
    Ok(())
}

/// About `words` words of a typed interview story, sentences of varied
/// length, a hedge or two, a figure: what the content reader meets.
fn story(words: usize) -> String {
    const SENTENCES: [&str; 6] = [
        "At my last job we had a release that slipped by three weeks because the data model kept changing.",
        "I think I should have raised it earlier, so I set up a short weekly review with the product lead.",
        "I built a small migration tool and wrote down what each team owned",
        "In the end we shipped it and support tickets dropped by about 20%.",
        "Since then I flag a risk as soon as I see it, maybe too early sometimes, but it works for us.",
        "what I learned is to keep the scope small and say no more often",
    ];
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while out.len() < words {
        out.extend(SENTENCES[i % SENTENCES.len()].split_whitespace());
        i += 1;
    }
    out.truncate(words);
    out.join(" ")
}
