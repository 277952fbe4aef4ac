//! Times as the history stores them: an instant, written to the
//! millisecond with the UTC offset the user's clock had when it was written
//! (`2026-11-22T09:15:02.123+01:00`). Readers accept any RFC 3339 offset and
//! `Z`; the offset is kept so that local calendar dates (streaks,
//! calendars) are the dates the user lived, wherever they read later.

use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use jiff::fmt::temporal::{Pieces, PiecesOffset};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, civil};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant with the offset it was written in (`None` for `Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The instant.
    pub instant: Timestamp,
    /// The UTC offset it was written with; `None` when it was written `Z`
    /// (then local dates use the machine's current zone).
    pub offset: Option<Offset>,
}

/// The machine's time zone, looked up once per run.
///
/// Without `TZ`, on Unix, it is read straight from `/etc/localtime` (named
/// after its link into `zoneinfo/` when it is one): jiff's own lookup,
/// [`TimeZone::system`], first lists all of `/usr/share/zoneinfo` to build
/// its name index — some 600 files, half of a drill's start-up. With `TZ`
/// set, or when the file cannot be read, jiff decides as before.
pub fn local_zone() -> TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(|| {
        let tz_unset = std::env::var_os("TZ").is_none();
        let file = (cfg!(unix) && tz_unset)
            .then(|| zone_file(Path::new("/etc/localtime")))
            .flatten();
        file.unwrap_or_else(TimeZone::system)
    })
    .clone()
}

/// The `TZif` file at `path` as a zone, named after the link into
/// `zoneinfo/` that `path` is (`Europe/Paris`), else `Local`.
fn zone_file(path: &Path) -> Option<TimeZone> {
    let data = std::fs::read(path).ok()?;
    let link = std::fs::read_link(path).ok();
    let name = link
        .as_ref()
        .and_then(|target| target.to_str()?.rsplit_once("zoneinfo/"))
        .map_or("Local", |(_, name)| name);
    TimeZone::tzif(name, &data).ok()
}

impl Default for Stamp {
    fn default() -> Self {
        Self::utc(Timestamp::UNIX_EPOCH)
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Stamp {
    /// Ordered by instant alone: two stamps of the same moment written in
    /// different zones are the same time.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.instant
            .cmp(&other.instant)
            .then_with(|| offset_secs(self.offset).cmp(&offset_secs(other.offset)))
    }
}

fn offset_secs(o: Option<Offset>) -> i32 {
    o.map_or(0, Offset::seconds)
}

impl Stamp {
    /// Now, with the machine's current UTC offset, cut to the millisecond.
    #[must_use]
    pub fn now() -> Self {
        Self::local(Timestamp::now())
    }

    /// `instant` with the offset the machine's zone has at that instant.
    #[must_use]
    pub fn local(instant: Timestamp) -> Self {
        Self::with_offset(instant, local_zone().to_offset(instant))
    }

    /// `instant` with a fixed offset, cut to the millisecond.
    #[must_use]
    pub fn with_offset(instant: Timestamp, offset: Offset) -> Self {
        Self {
            instant: to_millis(instant),
            offset: Some(offset),
        }
    }

    /// `instant` written as `Z`, cut to the millisecond.
    #[must_use]
    pub fn utc(instant: Timestamp) -> Self {
        Self {
            instant: to_millis(instant),
            offset: None,
        }
    }

    /// The local calendar date of this stamp: in its own offset, or for a
    /// `Z` stamp in the machine's current zone.
    #[must_use]
    pub fn local_date(&self) -> civil::Date {
        self.local_date_in(&local_zone())
    }

    /// The local calendar date of this stamp, a `Z` stamp read in `zone`
    /// (tests pass a fixed zone instead of the machine's).
    #[must_use]
    pub fn local_date_in(&self, zone: &TimeZone) -> civil::Date {
        match self.offset {
            Some(offset) => offset.to_datetime(self.instant).date(),
            // Asked of the zone by reference: cloning it (an `Arc`) for
            // each answer was a visible share of a long history's report,
            // its count bouncing between the reading threads.
            None => zone
                .to_offset(self.instant)
                .to_datetime(self.instant)
                .date(),
        }
    }

    /// Parses any RFC 3339 time (`Z` or a numeric offset), in one pass:
    /// the history holds one per record, so this is on the hot path of
    /// every read.
    pub fn parse(s: &str) -> Result<Self, BadStamp> {
        let bad = |e: &dyn fmt::Display| BadStamp(e.to_string());
        let pieces = Pieces::parse(s).map_err(|e| bad(&e))?;
        let (utc_offset, offset) = match pieces.offset() {
            Some(PiecesOffset::Numeric(n)) => (n.offset(), Some(n.offset())),
            Some(PiecesOffset::Zulu) => (Offset::UTC, None),
            _ => return Err(bad(&"no UTC offset: end it with Z or +HH:MM")),
        };
        let Some(time) = pieces.time() else {
            return Err(bad(&"no time of day"));
        };
        let instant = utc_offset
            .to_timestamp(pieces.date().to_datetime(time))
            .map_err(|e| bad(&e))?;
        Ok(Self { instant, offset })
    }
}

/// A time that is not RFC 3339 with an offset: why, in jiff's words or
/// ours.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an RFC 3339 time ({0})")]
pub struct BadStamp(String);

/// Cuts sub-millisecond digits (the history stores milliseconds).
fn to_millis(t: Timestamp) -> Timestamp {
    let ms = t.as_millisecond();
    Timestamp::from_millisecond(ms).unwrap_or(t)
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let offset = self.offset.unwrap_or(Offset::UTC);
        let dt = offset.to_datetime(self.instant);
        let base = dt.strftime("%Y-%m-%dT%H:%M:%S%.3f");
        match self.offset {
            None => write!(f, "{base}Z"),
            Some(o) => {
                let secs = o.seconds();
                let sign = if secs < 0 { '-' } else { '+' };
                let abs = secs.unsigned_abs();
                write!(f, "{base}{sign}{:02}:{:02}", abs / 3600, (abs % 3600) / 60)
            }
        }
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offset(hours: i8) -> Offset {
        Offset::constant(hours)
    }

    #[test]
    fn writes_milliseconds_and_the_offset() {
        let t: Timestamp = "2026-11-22T08:15:02.123456Z".parse().unwrap();
        assert_eq!(
            Stamp::with_offset(t, offset(1)).to_string(),
            "2026-11-22T09:15:02.123+01:00"
        );
        assert_eq!(
            Stamp::with_offset(t, offset(-5)).to_string(),
            "2026-11-22T03:15:02.123-05:00"
        );
        assert_eq!(Stamp::utc(t).to_string(), "2026-11-22T08:15:02.123Z");
        let whole: Timestamp = "2026-11-22T08:15:02Z".parse().unwrap();
        assert_eq!(
            Stamp::with_offset(whole, Offset::UTC).to_string(),
            "2026-11-22T08:15:02.000+00:00"
        );
    }

    #[test]
    fn reads_any_offset_and_z_and_round_trips() {
        for s in [
            "2026-11-22T09:15:02.123+01:00",
            "2026-11-22T09:15:02.123-09:30",
            "2026-11-22T09:15:02.123Z",
        ] {
            let stamp = Stamp::parse(s).unwrap();
            assert_eq!(stamp.to_string(), s);
        }
        let plain = Stamp::parse("2026-11-22T09:15:02+05:30").unwrap();
        assert_eq!(plain.offset, Some(Offset::from_seconds(19_800).unwrap()));
        assert!(Stamp::parse("yesterday").is_err());
        assert!(Stamp::parse("2026-11-22T09:15:02").is_err());
    }

    #[test]
    fn local_date_uses_the_records_own_offset() {
        // 23:30 in New York on the 1st is 04:30 UTC on the 2nd.
        let s = Stamp::parse("2026-12-01T23:30:00.000-05:00").unwrap();
        assert_eq!(s.local_date_in(&TimeZone::UTC), civil::date(2026, 12, 1));
        let z = Stamp::parse("2026-12-02T04:30:00.000Z").unwrap();
        assert_eq!(z.local_date_in(&TimeZone::UTC), civil::date(2026, 12, 2));
        let ny = TimeZone::fixed(offset(-5));
        assert_eq!(z.local_date_in(&ny), civil::date(2026, 12, 1));
    }

    #[test]
    fn json_is_a_string() {
        let s = Stamp::parse("2026-11-22T09:15:02.123+01:00").unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, "\"2026-11-22T09:15:02.123+01:00\"");
        let back: Stamp = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }

    /// A zone file read directly is the zone jiff knows by that name (with
    /// its name when the file is a link into `zoneinfo/`), and the run's
    /// local zone is the one jiff finds itself.
    #[test]
    fn zone_files_are_read_as_jiff_reads_them() {
        let zoneinfo = Path::new("/usr/share/zoneinfo/America/New_York");
        if zoneinfo.exists() {
            let dir = tempfile::tempdir().unwrap();
            let link = dir.path().join("localtime");
            std::os::unix::fs::symlink(zoneinfo, &link).unwrap();
            let read = zone_file(&link).unwrap();
            assert_eq!(read.iana_name(), Some("America/New_York"));
            let ny = TimeZone::get("America/New_York").unwrap();
            for secs in [0, 1_700_000_000, 1_720_000_000, 2_000_000_000] {
                let t = Timestamp::from_second(secs).unwrap();
                assert_eq!(read.to_offset(t), ny.to_offset(t), "{t}");
            }
            let copy = dir.path().join("copy");
            std::fs::copy(zoneinfo, &copy).unwrap();
            let unnamed = zone_file(&copy).unwrap();
            assert_eq!(unnamed.iana_name(), Some("Local"));
            assert_ne!(unnamed.to_offset(Timestamp::UNIX_EPOCH), Offset::UTC);
        }
        assert!(zone_file(Path::new("/nonexistent/localtime")).is_none());
        let now = Timestamp::now();
        assert_eq!(
            local_zone().to_offset(now),
            TimeZone::system().to_offset(now)
        );
    }
}
