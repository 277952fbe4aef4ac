//! `<home>/config.yaml`: defaults for flags. Precedence, highest first: a
//! flag given on the command line, then an environment variable
//! (`HOTSEAT_RECORDER`, `HOTSEAT_SPEAKER`, `NO_COLOR`), then this file,
//! then the built-in default. A broken file is refused with the file, the
//! line and a fix, like a broken bank (exit 2).
//!
//! Not here: the YAML parsing itself (`bank::load::parse_yaml`, so the
//! config gets the banks' nesting pre-scan and error positions), and
//! applying the values to a command's flags (`commands::defaults`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_yaml::Value;

use crate::bank::locate::Locator;
use crate::bank::validate::closest;
use crate::bank::{BankError, Problem, parse_duration};

/// The config's file name inside the home folder.
pub const FILE_NAME: &str = "config.yaml";

/// Larger than any real config; bounds what a hostile file can cost.
const MAX_BYTES: u64 = 64 * 1024;

/// Every key, what it holds, and which commands read it.
pub const KEYS: [(&str, &str, &str); 17] = [
    (
        "count",
        "questions per drill, or the daily set's size (1–1000)",
        "drill, daily",
    ),
    (
        "limit",
        "answer limit, e.g. 90s (else the bank's)",
        "drill, daily",
    ),
    (
        "think",
        "target think time, e.g. 10s (else the bank's)",
        "drill, daily",
    ),
    (
        "pause",
        "a gap longer than this is a pause, e.g. 3s",
        "drill, daily, rehearse",
    ),
    ("input", "typed, spoken or voice", "drill, daily, rehearse"),
    (
        "rate",
        "ask for a 1–5 rating after each answer (true/false)",
        "drill, daily",
    ),
    (
        "strict",
        "submit at the limit (true/false); a rehearsal is always strict",
        "drill, daily",
    ),
    ("color", "auto, always or never", "every command"),
    (
        "daily_categories",
        "the categories of the daily set (a list)",
        "daily",
    ),
    ("company", "filled into {company}", "drill, daily, rehearse"),
    ("role", "filled into {role}", "drill, daily, rehearse"),
    ("minutes", "the rehearsal's budget (1–600)", "rehearse"),
    (
        "situations",
        "situations that apply to you (a list, or [all])",
        "drill, daily, rehearse",
    ),
    (
        "recorder",
        "the command that records your voice",
        "voice input",
    ),
    (
        "speak",
        "read each question aloud (true/false)",
        "drill, daily, rehearse",
    ),
    (
        "content",
        "read answers for what they said (true/false)",
        "drill, daily, rehearse, review, stats",
    ),
    (
        "speaker",
        "the command that reads questions aloud",
        "--speak",
    ),
];

/// The defaults the file sets; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `count`.
    pub count: Option<u32>,
    /// `limit`.
    pub limit: Option<Duration>,
    /// `think`.
    pub think: Option<Duration>,
    /// `pause`.
    pub pause: Option<Duration>,
    /// `input`: `typed` or `spoken`.
    pub input: Option<String>,
    /// `rate`.
    pub rate: Option<bool>,
    /// `strict`.
    pub strict: Option<bool>,
    /// `color`: `auto`, `always` or `never`.
    pub color: Option<String>,
    /// `daily_categories`.
    pub daily_categories: Option<Vec<String>>,
    /// `company`.
    pub company: Option<String>,
    /// `role`.
    pub role: Option<String>,
    /// `minutes`.
    pub minutes: Option<u16>,
    /// `situations`.
    pub situations: Option<Vec<String>>,
    /// `recorder`.
    pub recorder: Option<String>,
    /// `speak`.
    pub speak: Option<bool>,
    /// `content`.
    pub content: Option<bool>,
    /// `speaker`.
    pub speaker: Option<String>,
}

/// A config file that cannot be used: every problem, located. Exit 2.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ConfigError(#[from] pub BankError);

/// The config file of `home`.
#[must_use]
pub fn path(home: &Path) -> PathBuf {
    home.join(FILE_NAME)
}

/// A config file that exists but cannot be read (permissions, I/O): a
/// runtime failure, exit 1.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}: {error}; check its permissions", path.display())]
pub struct Unreadable {
    /// The file.
    pub path: PathBuf,
    /// What the OS said.
    pub error: std::io::Error,
}

/// Reads `<home>/config.yaml`: `Ok(None)` when there is none (or no home
/// folder yet).
pub fn load(home: &Path) -> anyhow::Result<Option<Config>> {
    let file = path(home);
    let problem = |message: String, fix: &str| {
        ConfigError(BankError::one(
            Problem::new(message).in_file(&file).fix(fix),
        ))
    };
    let unreadable = |error| Unreadable {
        path: file.clone(),
        error,
    };
    let meta = match std::fs::metadata(&file) {
        Ok(meta) => meta,
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(unreadable(e).into()),
    };
    if meta.len() > MAX_BYTES {
        return Err(problem(
            format!("{} bytes is too large for a config file", meta.len()),
            "a config holds a few lines: `count: 3`, `strict: true`…",
        )
        .into());
    }
    let bytes = std::fs::read(&file).map_err(unreadable)?;
    let src = String::from_utf8(bytes)
        .map_err(|_| problem("not UTF-8 text".into(), "save it as UTF-8"))?;
    Ok(Some(parse(&src, &file)?))
}

/// Parses a config's text; `file` names it in errors.
pub fn parse(src: &str, file: &Path) -> Result<Config, ConfigError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let value = crate::bank::load::parse_yaml(src, file)?;
    let mut config = Config::default();
    let map = match value {
        Value::Null => return Ok(config),
        Value::Mapping(map) => map,
        _ => {
            return Err(BankError::one(
                Problem::new("a config is a mapping of keys to values")
                    .in_file(file)
                    .fix("write one `key: value` per line, e.g. `count: 3`"),
            )
            .into());
        }
    };
    let loc = Locator::new(src, 0);
    let mut problems = Vec::new();
    let names: Vec<&str> = KEYS.iter().map(|k| k.0).collect();
    for (key, value) in &map {
        let Some(key) = key.as_str() else {
            problems.push(
                Problem::new("a key must be a word")
                    .in_file(file)
                    .fix(format!("known keys: {}", names.join(", "))),
            );
            continue;
        };
        let at = loc.top(key);
        let bad = |message: String, fix: String| {
            Problem::new(message)
                .in_file(file)
                .at(at)
                .field(key)
                .fix(fix)
        };
        let result = set(&mut config, key, value);
        match result {
            Ok(()) => {}
            Err(Wrong::Unknown) => {
                let hint = closest(key, &names)
                    .map(|c| format!("did you mean `{c}`? "))
                    .unwrap_or_default();
                problems.push(bad(
                    "unknown key".into(),
                    format!("{hint}known keys: {}", names.join(", ")),
                ));
            }
            Err(Wrong::Value(message, fix)) => problems.push(bad(message, fix)),
        }
    }
    Ok(BankError::unless_any(config, problems)?)
}

/// Why a key's value was refused.
enum Wrong {
    /// No such key.
    Unknown,
    /// A bad value: what is wrong, and what to write.
    Value(String, String),
}

fn set(c: &mut Config, key: &str, v: &Value) -> Result<(), Wrong> {
    match key {
        "count" => c.count = Some(whole(v, 1, 1000)? as u32),
        "minutes" => c.minutes = Some(whole(v, 1, 600)? as u16),
        "limit" => c.limit = Some(duration(v)?),
        "think" => c.think = Some(duration(v)?),
        "pause" => c.pause = Some(duration(v)?),
        "input" => c.input = Some(choice(v, &["typed", "spoken", "voice"])?),
        "color" => c.color = Some(choice(v, &["auto", "always", "never"])?),
        "rate" => c.rate = Some(boolean(v)?),
        "strict" => c.strict = Some(boolean(v)?),
        "daily_categories" => c.daily_categories = Some(list(v)?),
        "situations" => c.situations = Some(list(v)?),
        "company" => c.company = Some(text(v)?),
        "role" => c.role = Some(text(v)?),
        "recorder" => c.recorder = Some(text(v)?),
        "speak" => c.speak = Some(boolean(v)?),
        "content" => c.content = Some(boolean(v)?),
        "speaker" => c.speaker = Some(text(v)?),
        _ => return Err(Wrong::Unknown),
    }
    Ok(())
}

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s:?}"),
        other => serde_yaml::to_string(other)
            .map(|s| s.trim().to_string())
            .unwrap_or_default(),
    }
}

fn whole(v: &Value, low: u64, high: u64) -> Result<u64, Wrong> {
    v.as_u64()
        .filter(|n| (low..=high).contains(n))
        .ok_or_else(|| {
            Wrong::Value(
                format!("{} is not a whole number from {low} to {high}", shown(v)),
                format!("write a number from {low} to {high}"),
            )
        })
}

fn duration(v: &Value) -> Result<Duration, Wrong> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    parse_duration(&s).map_err(|e| {
        Wrong::Value(
            format!("{} is not a duration: {e}", shown(v)),
            "write it like 45s, 2m or 1m30s".into(),
        )
    })
}

fn choice(v: &Value, allowed: &[&str]) -> Result<String, Wrong> {
    v.as_str()
        .filter(|s| allowed.contains(s))
        .map(str::to_string)
        .ok_or_else(|| {
            let hint = v
                .as_str()
                .and_then(|s| closest(s, allowed))
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            Wrong::Value(
                format!("{} is not one of {}", shown(v), allowed.join(", ")),
                format!("{hint}write one of {}", allowed.join(", ")),
            )
        })
}

fn boolean(v: &Value) -> Result<bool, Wrong> {
    v.as_bool().ok_or_else(|| {
        Wrong::Value(
            format!("{} is not true or false", shown(v)),
            "write true or false".into(),
        )
    })
}

fn text(v: &Value) -> Result<String, Wrong> {
    v.as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .ok_or_else(|| {
            Wrong::Value(
                format!("{} is not text", shown(v)),
                "write the text, quoted if it has a colon: `company: \"Acme: EMEA\"`".into(),
            )
        })
}

fn list(v: &Value) -> Result<Vec<String>, Wrong> {
    let wrong = || {
        Wrong::Value(
            format!("{} is not a list of names", shown(v)),
            "write a list: `[weaknesses, curveballs]`".into(),
        )
    };
    match v {
        Value::Sequence(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_string).ok_or_else(wrong))
            .collect(),
        Value::String(s) => Ok(s.split(',').map(|p| p.trim().to_string()).collect()),
        _ => Err(wrong()),
    }
}

/// Each key's effective value as the file alone sets it, for
/// `config show`: (key, value shown, "config" or "default").
#[must_use]
pub fn show(config: &Config) -> Vec<(&'static str, String, &'static str)> {
    let d = |o: Option<String>, default: &str| match o {
        Some(v) => (v, "config"),
        None => (default.to_string(), "default"),
    };
    let dur = |o: Option<Duration>| o.map(crate::text::duration::written);
    let joined = |o: &Option<Vec<String>>| o.as_ref().map(|v| v.join(","));
    KEYS.iter()
        .map(|&(key, _, _)| {
            let (value, from) = match key {
                "count" => d(config.count.map(|n| n.to_string()), "5"),
                "limit" => d(dur(config.limit), "the bank's"),
                "think" => d(dur(config.think), "the bank's"),
                "pause" => d(dur(config.pause), "3s"),
                "input" => d(config.input.clone(), "typed"),
                "rate" => d(config.rate.map(|b| b.to_string()), "false"),
                "strict" => d(config.strict.map(|b| b.to_string()), "false"),
                "color" => d(config.color.clone(), "auto"),
                "daily_categories" => d(joined(&config.daily_categories), "all"),
                "company" => d(config.company.clone(), "none"),
                "role" => d(config.role.clone(), "none"),
                "minutes" => d(config.minutes.map(|n| n.to_string()), "30"),
                "situations" => d(joined(&config.situations), "none"),
                "recorder" => d(config.recorder.clone(), "found on the machine"),
                "speak" => d(config.speak.map(|b| b.to_string()), "false"),
                "content" => d(config.content.map(|b| b.to_string()), "true"),
                _ => d(config.speaker.clone(), "found on the machine"),
            };
            (key, value, from)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(src: &str) -> Result<Config, String> {
        parse(src, Path::new("/h/config.yaml")).map_err(|e| e.to_string())
    }

    #[test]
    fn every_key_reads_its_value() {
        let c = parse_str(
            "count: 3\nlimit: 1m30s\nthink: 15s\npause: 4s\ninput: spoken\nrate: true\n\
             strict: true\ncolor: never\ndaily_categories: [weaknesses, curveballs]\n\
             company: Acme\nrole: data engineer\nminutes: 20\nsituations: layoff\n\
             recorder: arecord -q\nspeaker: espeak-ng\n",
        )
        .unwrap();
        assert_eq!(c.count, Some(3));
        assert_eq!(c.limit, Some(Duration::from_secs(90)));
        assert_eq!(c.pause, Some(Duration::from_secs(4)));
        assert_eq!(c.input.as_deref(), Some("spoken"));
        assert_eq!(c.rate, Some(true));
        assert_eq!(c.strict, Some(true));
        assert_eq!(c.color.as_deref(), Some("never"));
        assert_eq!(
            c.daily_categories,
            Some(vec!["weaknesses".to_string(), "curveballs".to_string()])
        );
        assert_eq!(c.situations, Some(vec!["layoff".to_string()]));
        assert_eq!(c.minutes, Some(20));
        assert_eq!(c.company.as_deref(), Some("Acme"));
        assert_eq!(c.recorder.as_deref(), Some("arecord -q"));
        assert_eq!(parse_str("").unwrap(), Config::default());
        assert_eq!(parse_str("# nothing set\n").unwrap(), Config::default());
    }

    #[test]
    fn errors_name_the_file_the_line_and_what_to_write() {
        let err = parse_str("count: 3\ncuont: 4\n").unwrap_err();
        assert!(err.contains("/h/config.yaml:2:1"), "{err}");
        assert!(err.contains("unknown key"), "{err}");
        assert!(err.contains("did you mean `count`?"), "{err}");
        let err = parse_str("count: 0\nstrict: yes please\ninput: typd\n").unwrap_err();
        assert!(
            err.contains(":1:1: count: 0 is not a whole number from 1 to 1000"),
            "{err}"
        );
        assert!(err.contains(":2:1: strict:"), "{err}");
        assert!(err.contains("did you mean `typed`?"), "{err}");
        let err = parse_str("pause: ninety\n").unwrap_err();
        assert!(err.contains("write it like 45s"), "{err}");
        let err = parse_str("- a\n- b\n").unwrap_err();
        assert!(err.contains("a config is a mapping"), "{err}");
        let err = parse_str("count: [").unwrap_err();
        assert!(err.contains("/h/config.yaml:"), "{err}");
        // The banks' nesting guard runs first.
        let deep = format!("count: {}", "[".repeat(100));
        assert!(parse_str(&deep).unwrap_err().contains("nested more than"));
    }

    #[test]
    fn show_says_where_each_value_came_from() {
        let c = parse_str("count: 3\n").unwrap();
        let rows = show(&c);
        assert_eq!(rows.len(), KEYS.len());
        assert_eq!(rows[0], ("count", "3".to_string(), "config"));
        assert_eq!(rows[3], ("pause", "3s".to_string(), "default"));
    }
}
