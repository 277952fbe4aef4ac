//! The bare read of a history, as a baseline for benchmarks: hotseat's own
//! streaming reader over every line (every reading rule, each record read
//! in full on the reading threads, as `stats` reads it), counting records,
//! nothing more.
//!
//!     cargo run --release --example read_history -- HISTORY.jsonl

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: read_history HISTORY.jsonl")?;
    let file = std::fs::File::open(path)?;
    let mut n = 0usize;
    let warnings = hotseat::history::scan_from_with(file, || (), |(), _| (), |()| n += 1)?;
    println!("{n} records, {} warnings", warnings.len());
    Ok(())
}
