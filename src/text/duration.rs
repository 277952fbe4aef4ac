//! The three ways hotseat writes a duration, one function each, so that
//! the same kind of number reads the same everywhere:
//!
//! - [`measured`]: a time that was measured or is compared with one —
//!   think time, pauses, targets, thresholds — in the feedback, the
//!   summary, stats and reports: `4.2s`, `10.0s`, `1m05s`.
//! - [`clock`]: the running clock beside the countdown bar, in whole
//!   seconds: `45s`, `1m05s`.
//! - [`written`]: a setting as a bank file or a flag writes it, and
//!   `bank::parse_duration` reads back: `45s`, `2m`, `1m30s`, `1s500ms`.

use std::time::Duration;

/// Milliseconds as tenths of a second under a minute (`4.2s`, `10.0s`,
/// `59.9s`, rounded to the nearest), whole seconds from a minute on
/// (`1m05s`, `1h02m05s`).
#[must_use]
pub fn measured(ms: u64) -> String {
    let tenths = ms.saturating_add(50) / 100;
    if tenths < 600 {
        return format!("{}.{}s", tenths / 10, tenths % 10);
    }
    let s = ms / 1000 + u64::from(ms % 1000 >= 500);
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}h{m:02}m{s:02}s")
    } else {
        format!("{m}m{s:02}s")
    }
}

/// Whole seconds (cut, not rounded) as `45s` or `1m05s`.
#[must_use]
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s < 60 {
        format!("{s}s")
    } else {
        format!("{}m{:02}s", s / 60, s % 60)
    }
}

/// The short style a bank file is written in, which
/// `bank::parse_duration` reads back: `45s`, `2m`, `1m30s`, `1h`,
/// `1s500ms`, `0s`.
#[must_use]
pub fn written(d: Duration) -> String {
    let total = d.as_secs();
    let parts = [
        (total / 3600, "h"),
        ((total / 60) % 60, "m"),
        (total % 60, "s"),
        (u64::from(d.subsec_millis()), "ms"),
    ];
    let out: String = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    if out.is_empty() {
        "0s".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measured_is_tenths_then_whole_seconds() {
        assert_eq!(measured(14_200), "14.2s");
        assert_eq!(measured(14_249), "14.2s");
        assert_eq!(measured(14_250), "14.3s");
        assert_eq!(measured(4_000), "4.0s");
        assert_eq!(measured(0), "0.0s");
        assert_eq!(measured(2_500), "2.5s");
        assert_eq!(measured(59_949), "59.9s");
        assert_eq!(measured(59_950), "1m00s");
        assert_eq!(measured(65_000), "1m05s");
        assert_eq!(measured(90_000), "1m30s");
        assert_eq!(measured(120_000), "2m00s");
        assert_eq!(measured(3_725_499), "1h02m05s");
        // No overflow at the top: u64::MAX ms ends in …551 ms, rounded up.
        let s = u64::MAX / 1000 + 1;
        assert_eq!(
            measured(u64::MAX),
            format!("{}h{:02}m{:02}s", s / 3600, s / 60 % 60, s % 60)
        );
    }

    #[test]
    fn clock_is_whole_seconds_cut() {
        assert_eq!(clock(Duration::from_millis(4_900)), "4s");
        assert_eq!(clock(Duration::from_secs(59)), "59s");
        assert_eq!(clock(Duration::from_secs(60)), "1m00s");
        assert_eq!(clock(Duration::from_secs(145)), "2m25s");
        assert_eq!(clock(Duration::from_secs(3_725)), "62m05s");
    }

    #[test]
    fn written_is_the_bank_file_style() {
        let ms = Duration::from_millis;
        assert_eq!(written(Duration::ZERO), "0s");
        assert_eq!(written(ms(45_000)), "45s");
        assert_eq!(written(ms(120_000)), "2m");
        assert_eq!(written(ms(90_000)), "1m30s");
        assert_eq!(written(ms(1_500)), "1s500ms");
        assert_eq!(written(ms(3_600_000)), "1h");
        assert_eq!(written(ms(3_900_000)), "1h5m");
        assert_eq!(written(ms(3_599_000)), "59m59s");
    }
}
