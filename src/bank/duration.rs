//! Durations as bank files and flags write them: `45s`, `2m`, `1m30s`.

use std::time::Duration;

/// The longest duration accepted anywhere: an hour-long answer is a typo.
pub const MAX_DURATION: Duration = Duration::from_secs(60 * 60);

/// Why a text is not a duration hotseat accepts. Each message quotes the
/// text and says how to write it instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// Digits only, e.g. `90`.
    #[error("{text:?} has no unit: write {}s for seconds (or e.g. 2m, 1m30s)", text.trim())]
    NoUnit {
        /// The text as given.
        text: String,
    },
    /// Not humantime syntax at all.
    #[error("{0:?} is not a duration: write it like 45s, 2m or 1m30s")]
    NotADuration(String),
    /// `0s`.
    #[error("{0:?} is zero: give a time above zero, like 45s")]
    Zero(String),
    /// `44µs`: hotseat's clocks count whole milliseconds.
    #[error(
        "{0:?} is finer than a millisecond: hotseat times in whole milliseconds; write e.g. 500ms or 2s"
    )]
    FinerThanMillisecond(String),
    /// Over [`MAX_DURATION`].
    #[error("{0:?} is longer than an hour: write a limit of at most 1h, e.g. 2m")]
    OverAnHour(String),
}

/// Parses a duration written `45s`, `2m` or `1m30s` (humantime syntax, so
/// `1m 30s` and `500ms` work too). Zero, anything over an hour and
/// fractions of a millisecond are rejected: no interview question is
/// answered in no time or in an hour, and hotseat's clocks count whole
/// milliseconds.
pub fn parse_duration(s: &str) -> Result<Duration, DurationError> {
    let trimmed = s.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DurationError::NoUnit {
            text: s.to_string(),
        });
    }
    let d = humantime::parse_duration(trimmed)
        .map_err(|_| DurationError::NotADuration(s.to_string()))?;
    if d.is_zero() {
        return Err(DurationError::Zero(s.to_string()));
    }
    // Every clock in hotseat counts whole milliseconds: `44µs` would be a
    // limit of 0 ms, shown as `0s`.
    if d.subsec_nanos() % 1_000_000 != 0 {
        return Err(DurationError::FinerThanMillisecond(s.to_string()));
    }
    if d > MAX_DURATION {
        return Err(DurationError::OverAnHour(s.to_string()));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::duration::written as format_duration;

    /// Found by the `duration` fuzz target: `44µs` parsed, then showed as
    /// `0s`, which does not parse back.
    #[test]
    fn fractions_of_a_millisecond_are_refused_and_what_parses_formats_back() {
        for s in ["44µs", "1ns", "1ms500us", "2s1ns"] {
            let e = parse_duration(s).unwrap_err();
            assert_eq!(e, DurationError::FinerThanMillisecond(s.to_string()));
            assert!(
                e.to_string().contains("finer than a millisecond"),
                "{s}: {e}"
            );
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
        let e = parse_duration("ninety").unwrap_err().to_string();
        assert!(e.contains("\"ninety\"") && e.contains("1m30s"), "{e}");
        let e = parse_duration(" 90 ").unwrap_err();
        assert_eq!(
            e.to_string(),
            "\" 90 \" has no unit: write 90s for seconds (or e.g. 2m, 1m30s)"
        );
        assert!(parse_duration("").is_err());
    }

    #[test]
    fn zero_and_absurd_values_are_rejected() {
        let zero = parse_duration("0s").unwrap_err();
        assert!(zero.to_string().contains("zero"), "{zero}");
        let long = parse_duration("61m").unwrap_err();
        assert_eq!(long, DurationError::OverAnHour("61m".into()));
        assert!(long.to_string().contains("longer than an hour"), "{long}");
        assert!(parse_duration("100000000000000h").is_err());
    }

    #[test]
    fn format_round_trips_the_short_style() {
        for s in ["45s", "2m", "1m30s", "1h", "59m59s", "1s500ms"] {
            let d = parse_duration(s).unwrap();
            assert_eq!(format_duration(d), s);
        }
    }
}
