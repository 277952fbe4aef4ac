//! Durations as bank files and flags write them: `45s`, `2m`, `1m30s`.

use std::time::Duration;

/// The longest duration accepted anywhere: an hour-long answer is a typo.
pub const MAX_DURATION: Duration = Duration::from_secs(60 * 60);

/// Parses a duration written `45s`, `2m` or `1m30s` (humantime syntax, so
/// `1m 30s` and `500ms` work too). Zero, anything over an hour and
/// fractions of a millisecond are rejected: no interview question is
/// answered in no time or in an hour, and hotseat's clocks count whole
/// milliseconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let trimmed = s.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{s:?} has no unit: write {trimmed}s for seconds (or e.g. 2m, 1m30s)"
        ));
    }
    let d = humantime::parse_duration(trimmed)
        .map_err(|_| format!("{s:?} is not a duration: write it like 45s, 2m or 1m30s"))?;
    if d.is_zero() {
        return Err(format!("{s:?} is zero: give a time above zero, like 45s"));
    }
    // Every clock in hotseat counts whole milliseconds: `44µs` would be a
    // limit of 0 ms, shown as `0s`.
    if d.subsec_nanos() % 1_000_000 != 0 {
        return Err(format!(
            "{s:?} is finer than a millisecond: hotseat times in whole milliseconds; write e.g. 500ms or 2s"
        ));
    }
    if d > MAX_DURATION {
        return Err(format!(
            "{s:?} is longer than an hour: write a limit of at most 1h, e.g. 2m"
        ));
    }
    Ok(d)
}

/// Formats a duration in the short style [`parse_duration`] reads:
/// `45s`, `2m`, `1m30s`, `1h`, `1s500ms`, `0s`.
pub fn format_duration(d: Duration) -> String {
    let total = d.as_secs();
    let (h, m, s) = (total / 3600, (total / 60) % 60, total % 60);
    let ms = d.subsec_millis();
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 {
        out.push_str(&format!("{s}s"));
    }
    if ms > 0 {
        out.push_str(&format!("{ms}ms"));
    }
    if out.is_empty() {
        out.push_str("0s");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `duration` fuzz target: `44µs` parsed, then showed as
    /// `0s`, which does not parse back.
    #[test]
    fn fractions_of_a_millisecond_are_refused_and_what_parses_formats_back() {
        for s in ["44µs", "1ns", "1ms500us", "2s1ns"] {
            let e = parse_duration(s).unwrap_err();
            assert!(e.contains("finer than a millisecond"), "{s}: {e}");
        }
        for s in ["1ms", "500ms", "1s500ms", "45s", "1m30s", "1h"] {
            let d = parse_duration(s).unwrap();
            assert_eq!(parse_duration(&format_duration(d)), Ok(d), "{s}");
        }
    }

    #[test]
    fn short_forms_parse() {
        assert_eq!(parse_duration("45s"), Ok(Duration::from_secs(45)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration(" 1m 30s "), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1h"), Ok(MAX_DURATION));
    }

    #[test]
    fn words_and_bare_numbers_are_rejected_with_advice() {
        let e = parse_duration("ninety").unwrap_err();
        assert!(e.contains("\"ninety\"") && e.contains("1m30s"), "{e}");
        let e = parse_duration("90").unwrap_err();
        assert!(e.contains("90s"), "{e}");
        assert!(parse_duration("").is_err());
    }

    #[test]
    fn zero_and_absurd_values_are_rejected() {
        assert!(parse_duration("0s").unwrap_err().contains("zero"));
        assert!(
            parse_duration("61m")
                .unwrap_err()
                .contains("longer than an hour")
        );
        assert!(parse_duration("100000000000000h").is_err());
    }

    #[test]
    fn format_round_trips_the_short_style() {
        for s in ["45s", "2m", "1m30s", "1h", "59m59s", "1s500ms"] {
            let d = parse_duration(s).unwrap();
            assert_eq!(format_duration(d), s);
        }
        assert_eq!(format_duration(Duration::ZERO), "0s");
        assert_eq!(format_duration(Duration::from_secs(90)), "1m30s");
        assert_eq!(format_duration(Duration::from_secs(3900)), "1h5m");
    }
}
