//! Where a history read spends its time (a development aid): reading the
//! lines alone, parsing each into a generic JSON value, into a record.
//!
//!     cargo run --release --example parse_cost -- HISTORY.jsonl

use std::io::BufRead;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: parse_cost HISTORY.jsonl")?;
    let text = std::fs::read_to_string(&path)?;
    let lines: Vec<&str> = text.lines().collect();
    let t = Instant::now();
    let mut n = 0usize;
    for l in std::io::BufReader::new(std::fs::File::open(&path)?).split(b'\n') {
        n += l?.len();
    }
    println!("lines only: {:?} ({n} bytes)", t.elapsed());
    let t = Instant::now();
    for l in &lines {
        let _: serde_json::Value = serde_json::from_str(l)?;
    }
    println!("serde_json::Value: {:?}", t.elapsed());
    let t = Instant::now();
    for l in &lines {
        let _: serde::de::IgnoredAny = serde_json::from_str(l)?;
    }
    println!("IgnoredAny (scan only): {:?}", t.elapsed());
    let t = Instant::now();
    for l in &lines {
        let _ = hotseat::drill::Stamp::parse(&l[l.find("\"at\":\"").map_or(0, |i| i + 6)..][..24]);
    }
    println!("Stamp::parse x{}: {:?}", lines.len(), t.elapsed());
    let t = Instant::now();
    let mut k = 0;
    for l in &lines {
        if let Ok(hotseat::drill::Record::Answer(_)) =
            serde_json::from_str::<hotseat::drill::Record>(l)
        {
            k += 1;
        }
    }
    println!("Record (tagged enum): {:?} ({k} answers)", t.elapsed());
    let t = Instant::now();
    let mut k = 0;
    for l in &lines {
        if serde_json::from_str::<hotseat::drill::AnswerRecord>(l).is_ok() {
            k += 1;
        }
    }
    println!("AnswerRecord direct: {:?} ({k})", t.elapsed());
    let t = Instant::now();
    let mut k = 0;
    hotseat::history::scan_from(std::io::BufReader::new(std::fs::File::open(&path)?), |_| {
        k += 1;
    })?;
    println!("scan_from: {:?} ({k})", t.elapsed());
    Ok(())
}
