//! Measures `hotseat drill` through the same pseudo-terminal harness as the
//! integration tests (`tests/util/`), and prints a Markdown summary:
//!
//! 1. key-timestamp accuracy: keys typed at known gaps (150–400 ms, with
//!    `--pause 100ms` so every gap is recorded as a pause); each recorded
//!    pause `ms` is compared with the gap the sender actually slept;
//! 2. CPU used while a question waits with the countdown moving, over 10 s,
//!    against `sleep` measured the same way;
//! 3. time from start to the first question on screen, against
//!    `hotseat --version` to its output.
//!
//! Run with `benches/drill/run.sh` (which builds the release binary first),
//! or `cargo build --release && cargo run --release --example measure_drill
//! -- [accuracy|cpu|startup|all] [--keys N] [--runs N]`.
//! Set `HOTSEAT_BIN` to measure another build.

#[path = "../tests/util/mod.rs"]
mod util;

use std::io::Write;
use std::time::{Duration, Instant};

use util::pty::{DEADLINE, ENTER, Pty, Spawn, cpu_ms_sched, cpu_ms_stat};
use util::{Home, QUESTIONS, drill_args};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args
        .iter()
        .find(|a| !a.starts_with("--") && a.parse::<u32>().is_err())
        .map_or("all", String::as_str);
    let keys = flag(&args, "--keys").unwrap_or(200);
    let runs = flag(&args, "--runs").unwrap_or(20);
    let bin = util::bin();
    assert!(
        bin.exists(),
        "{} not found: run `cargo build --release` first, or set HOTSEAT_BIN",
        bin.display()
    );
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "binary: {}\n", bin.display());
    if matches!(what, "all" | "accuracy") {
        accuracy(&mut out, keys);
    }
    if matches!(what, "all" | "cpu") {
        cpu(&mut out);
    }
    if matches!(what, "all" | "startup") {
        startup(&mut out, runs);
    }
}

fn flag(args: &[String], name: &str) -> Option<usize> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1)?.parse().ok()
}

fn start_drill(home: &Home, extra: &[&str]) -> Pty {
    Spawn::hotseat(drill_args(home.path(), extra)).start()
}

fn wait_question(pty: &Pty) {
    let texts: Vec<&str> = QUESTIONS.iter().map(|q| q.text).collect();
    pty.expect_any(&texts);
}

/// A small deterministic generator: the gaps are the same every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    // Nearest-rank percentile.
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    percentile(values, 50.0)
}

fn accuracy(out: &mut impl Write, keys: usize) {
    let home = Home::new();
    let mut pty = start_drill(
        &home,
        &["--count", "1", "--pause", "100ms", "--limit", "10m"],
    );
    wait_question(&pty);
    std::thread::sleep(Duration::from_millis(300));
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut sent: Vec<Instant> = Vec::with_capacity(keys);
    // The sender's own delay in write(2): a key is stamped by the program
    // somewhere inside this window, so it bounds the sender's share of an
    // error.
    let mut slowest_write = Duration::ZERO;
    let mut written = Vec::with_capacity(keys);
    let mut buf = [0u8; 4];
    for i in 0..keys {
        if i > 0 {
            let gap = 150 + rng.next() % 251;
            // Sleep, not spin: on a 2-core machine a spinning sender would
            // compete with the program for the CPU it needs to wake up. The
            // gap actually slept is measured, so oversleeping costs nothing.
            let target = sent[i - 1] + Duration::from_millis(gap);
            std::thread::sleep(target.saturating_duration_since(Instant::now()));
        }
        let c = if i % 6 == 5 { ' ' } else { 'a' };
        let at = Instant::now();
        pty.send_bytes(c.encode_utf8(&mut buf).as_bytes());
        let done = Instant::now();
        slowest_write = slowest_write.max(done - at);
        sent.push(at);
        written.push(done);
    }
    std::thread::sleep(Duration::from_millis(50));
    pty.send(ENTER);
    let _ = pty.wait_exit_within(DEADLINE);
    let answers = home.answers();
    let Some(answer) = answers.first() else {
        let _ = writeln!(out, "accuracy: no answer recorded\n{}", pty.screen());
        return;
    };
    let pauses = answer["pauses"].as_array().cloned().unwrap_or_default();
    let gaps: Vec<f64> = sent
        .windows(2)
        .map(|w| (w[1] - w[0]).as_secs_f64() * 1000.0)
        .collect();
    if pauses.len() != gaps.len() {
        let _ = writeln!(
            out,
            "accuracy: {} pauses recorded for {} gaps (every gap should be one)",
            pauses.len(),
            gaps.len()
        );
    }
    let mut errors: Vec<f64> = pauses
        .iter()
        .zip(&gaps)
        .map(|(p, gap)| p["ms"].as_f64().unwrap_or(f64::NAN) - gap)
        .collect();
    // The key reached the terminal somewhere inside its write(2), so the true
    // gap lies between the tightest and the loosest pairing of the two
    // writes' bounds. Distance outside that window is the program's own
    // error (recorded values are truncated to whole ms, hence the 1 ms).
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut program_errors: Vec<f64> = pauses
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let recorded = p["ms"].as_f64().unwrap_or(f64::NAN);
            let low = ms(sent[i + 1].saturating_duration_since(written[i])) - 1.0;
            let high = ms(written[i + 1] - sent[i]);
            if recorded < low {
                low - recorded
            } else if recorded > high {
                recorded - high
            } else {
                0.0
            }
        })
        .collect();
    program_errors.sort_by(f64::total_cmp);
    let mut abs: Vec<f64> = errors.iter().map(|e| e.abs()).collect();
    errors.sort_by(f64::total_cmp);
    abs.sort_by(f64::total_cmp);
    let _ = writeln!(
        out,
        "## Key-timestamp accuracy\n\n\
         {} gaps of 150–400 ms typed into an 80x24 PTY; error = recorded pause ms − gap slept \
         by the sender (recorded values are whole ms, so ±1 ms is quantisation).\n\n\
         | | p50 | p99 | max |\n| --- | --- | --- | --- |\n\
         | abs error (ms) | {:.2} | {:.2} | {:.2} |\n\
         | signed error (ms) | {:.2} | {:.2} (p1 {:.2}) | |\n\
         | outside the sender's write(2) window (ms) | {:.2} | {:.2} | {:.2} |\n\n\
         Errors over 2 ms: {}. Slowest write(2) on the sender side: {:.3} ms (a key \
         delayed in the sender's write shows as +e on one gap and −e on the next; the \
         last row removes that share).\n",
        abs.len(),
        percentile(&abs, 50.0),
        percentile(&abs, 99.0),
        abs.last().copied().unwrap_or(f64::NAN),
        percentile(&errors, 50.0),
        percentile(&errors, 99.0),
        percentile(&errors, 1.0),
        percentile(&program_errors, 50.0),
        percentile(&program_errors, 99.0),
        program_errors.last().copied().unwrap_or(f64::NAN),
        abs.iter().filter(|e| **e > 2.0).count(),
        slowest_write.as_secs_f64() * 1000.0,
    );
}

/// CPU (ms) a process uses over `window`, by schedstat and by stat.
fn cpu_over(pid: i32, window: Duration) -> (f64, f64) {
    let (s0, t0) = (cpu_ms_sched(pid), cpu_ms_stat(pid));
    std::thread::sleep(window);
    let (s1, t1) = (cpu_ms_sched(pid), cpu_ms_stat(pid));
    let diff = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => b - a,
        _ => f64::NAN,
    };
    (diff(s0, s1), diff(t0, t1))
}

fn cpu(out: &mut impl Write) {
    let window = Duration::from_secs(10);
    let home = Home::new();
    let pty = start_drill(&home, &["--count", "1", "--limit", "5m", "--think", "1m"]);
    wait_question(&pty);
    let screen_before = pty.raw().len();
    let (drill_sched, drill_stat) = cpu_over(pty.pid(), window);
    let drawn = pty.raw().len() - screen_before;
    drop(pty);

    let pty = Spawn::program("sleep", &["30"]).start();
    std::thread::sleep(Duration::from_millis(200));
    let (sleep_sched, sleep_stat) = cpu_over(pty.pid(), window);
    drop(pty);

    let _ = writeln!(
        out,
        "## CPU while a question waits (10 s, countdown moving)\n\n\
         | process | CPU ms / 10 s (schedstat) | CPU ms / 10 s (stat utime+stime) |\n\
         | --- | --- | --- |\n\
         | hotseat drill, question waiting | {drill_sched:.2} | {drill_stat:.0} |\n\
         | `sleep 30` (baseline) | {sleep_sched:.2} | {sleep_stat:.0} |\n\n\
         The drill wrote {drawn} bytes of screen updates during the window.\n"
    );
}

fn startup(out: &mut impl Write, runs: usize) {
    let mut first_question = Vec::with_capacity(runs);
    let mut version = Vec::with_capacity(runs);
    let expected_version = format!("hotseat {}", env!("CARGO_PKG_VERSION"));
    for _ in 0..runs {
        let home = Home::new();
        let pty = start_drill(&home, &["--count", "1"]);
        let texts: Vec<&str> = QUESTIONS.iter().map(|q| q.text).collect();
        pty.expect_any(&texts);
        first_question.push(pty.started().elapsed().as_secs_f64() * 1000.0);
        drop(pty);

        let mut pty = Spawn::hotseat(vec!["--version".into()]).start();
        pty.expect(&expected_version);
        version.push(pty.started().elapsed().as_secs_f64() * 1000.0);
        let _ = pty.wait_exit();
    }
    let q = median(&mut first_question);
    let v = median(&mut version);
    let _ = writeln!(
        out,
        "## Start to first question\n\n\
         Spawn (fork) until the text is on the PTY screen, median of {runs} runs each.\n\n\
         | command | median ms | min ms | max ms |\n| --- | --- | --- | --- |\n\
         | `hotseat drill` → first question | {q:.1} | {:.1} | {:.1} |\n\
         | `hotseat --version` → version line | {v:.1} | {:.1} | {:.1} |\n\n\
         Ratio drill / --version: {:.2}\n",
        first_question[0],
        first_question[runs - 1],
        version[0],
        version[runs - 1],
        q / v
    );
}
