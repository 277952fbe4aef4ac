//! Runs the voice-activity detector over raw 16 kHz mono s16le files, as a
//! voice answer would be measured (`--pause` threshold as given), and
//! prints per file: audio length, VAD processing time and its ratio to
//! real time, think time, and each pause (start and length, ms).
//! benches/voice/run.sh compares them with the fixtures' true figures.
//!
//! Usage: `cargo run --release --example voice_vad -- [--pause MS] FILE...`

use std::time::{Duration, Instant};

use hotseat::drill::{AnswerRules, InputMode};
use hotseat::voice::{Listener, ms_of};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut pause_ms = 2_000;
    if args.first().map(String::as_str) == Some("--pause") {
        pause_ms = args.get(1).and_then(|v| v.parse().ok()).unwrap_or_else(|| {
            eprintln!("--pause takes milliseconds");
            std::process::exit(2)
        });
        args.drain(..2);
    }
    for file in &args {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{file}: {e}");
                std::process::exit(1)
            }
        };
        let rules = AnswerRules {
            input: InputMode::Voice,
            limit: Duration::from_secs(3_600),
            think_target: Duration::from_secs(10),
            pause_threshold: Duration::from_millis(pause_ms),
            strict: false,
            skip: true,
        };
        let mut listener = Listener::new(rules);
        let start = Instant::now();
        // In recorder-sized reads, as from a pipe.
        for chunk in bytes.chunks(4_096) {
            listener.feed_bytes(chunk);
        }
        listener.end();
        let took = start.elapsed();
        let audio_ms = ms_of(listener.samples());
        let m = listener.measured().expect("ended");
        let pauses: Vec<String> = m
            .pauses
            .iter()
            .map(|p| format!("{}+{}", p.at_ms.unwrap_or(0) + m.think_ms, p.ms))
            .collect();
        println!(
            "{file} audio_ms={audio_ms} vad_us={} rtf={:.6} think_ms={} pauses={}",
            took.as_micros(),
            took.as_secs_f64() * 1_000.0 / audio_ms.max(1) as f64,
            m.think_ms,
            pauses.join(",")
        );
    }
}
