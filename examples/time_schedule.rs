//! Times each step of choosing a daily set on a history file, in-process
//! (read, gather, replay, choose), to see where the time goes.
//!
//!     cargo run --release --example time_schedule -- HISTORY.jsonl

use std::time::Instant;

use hotseat::drill::schedule::{Candidate, Fsrs, Practice, choose};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: time_schedule HISTORY.jsonl")?;
    let t = Instant::now();
    let mut n = 0usize;
    hotseat::history::scan_from(std::io::BufReader::new(std::fs::File::open(&path)?), |_| {
        n += 1;
    })?;
    let read = t.elapsed();
    let t = Instant::now();
    let mut practice = Practice::new();
    hotseat::history::scan_from(std::io::BufReader::new(std::fs::File::open(&path)?), |r| {
        practice.add(&r);
    })?;
    let gather = t.elapsed();
    let t = Instant::now();
    let model = Fsrs::default();
    let schedule = practice.schedule(&model);
    let replay = t.elapsed();
    let catalog = hotseat::bank::Catalog::builtin();
    let keys: Vec<(String, String)> = catalog
        .banks
        .iter()
        .flat_map(|b| {
            b.questions
                .iter()
                .map(move |q| (format!("{}/{}", b.category, q.id), b.category.clone()))
        })
        .collect();
    let cands: Vec<Candidate<'_>> = keys
        .iter()
        .map(|(k, c)| Candidate {
            key: k,
            category: c,
        })
        .collect();
    let t = Instant::now();
    let now = jiff::Timestamp::now();
    let set = choose(&model, &schedule, &cands, 5, now, now, 1);
    let pick = t.elapsed();
    println!(
        "{n} records: read {read:?}; read+gather {gather:?}; replay {replay:?}; choose {pick:?}; {} picked",
        set.picks.len()
    );
    Ok(())
}
