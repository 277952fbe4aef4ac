//! Command-line definitions (clap derive), and nothing else: no command
//! logic lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Mock-interview practice: timed questions, exact hesitation tracking,
/// private history.
#[derive(Debug, Parser)]
#[command(name = "hotseat", version, about, long_about = None)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Folder for your history and your own banks
    /// [default: $HOTSEAT_HOME, else ~/.local/share/hotseat]
    #[arg(long, global = true, value_name = "DIR")]
    pub home: Option<PathBuf>,
    /// Extra question bank: a YAML file or a folder of them (repeatable)
    #[arg(long = "bank", global = true, value_name = "PATH")]
    pub banks: Vec<PathBuf>,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// A custom drill: random questions, timed, hesitations recorded
    #[command(after_help = DRILL_KEYS)]
    Drill(DrillArgs),
    /// Daily practice: the questions that stall you come back until they stop
    #[command(after_help = DAILY_HELP)]
    Daily(DailyArgs),
    /// The question banks in use: list, show, check
    #[command(subcommand)]
    Banks(BanksCommand),
    /// Where you hesitate: totals, streak, charts, categories, stickiest questions
    Stats(StatsArgs),
    /// One line per past session
    History(HistoryArgs),
    /// Replay a session's answers with each pause shown where it happened
    Review(ReviewArgs),
    /// Sessions and answers for a mentor: Markdown, JSON, CSV or HTML
    Export(ExportArgs),
}

/// Where a report starts: `7d` (the last 7 days, today included) or a
/// date (`2026-11-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    /// The last N days, today included.
    Days(u32),
    /// From this local date on.
    Date(jiff::civil::Date),
}

/// Parses `--since`: `7d`, `30d`, `2w` or `YYYY-MM-DD`.
fn parse_since(s: &str) -> Result<Since, String> {
    let t = s.trim();
    let days = |n: &str, k: u32| {
        n.parse::<u32>()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
            .map(|n| Since::Days(n * k))
    };
    if let Some(n) = t.strip_suffix('d') {
        if let Some(s) = days(n, 1) {
            return Ok(s);
        }
    } else if let Some(n) = t.strip_suffix('w') {
        if let Some(s) = days(n, 7) {
            return Ok(s);
        }
    } else if let Ok(d) = t.parse::<jiff::civil::Date>() {
        return Ok(Since::Date(d));
    }
    Err(format!(
        "{s:?} is not a range: write a number of days or weeks (7d, 30d, 2w) or a date (2026-11-01)"
    ))
}

/// Which session kinds a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// `hotseat drill` sessions.
    Drill,
    /// `hotseat daily` sessions.
    Daily,
    /// `hotseat rehearse` sessions.
    Rehearse,
}

/// Options of `hotseat stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Only answers from this range: 7d, 30d, 2w (today included) or a date
    #[arg(long, value_name = "7d|30d|DATE", value_parser = parse_since)]
    pub since: Option<Since>,
    /// Only these categories (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    pub category: Vec<String>,
    /// Only sessions of this kind
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// Options of `hotseat history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// Options of `hotseat review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// A session id (from `hotseat history`) or `last`
    #[arg(default_value = "last", value_name = "SESSION|last")]
    pub session: String,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown tables.
    Md,
    /// The records as stored, as a JSON array.
    Json,
    /// One row per answer, with a header.
    Csv,
    /// One self-contained page with charts.
    Html,
}

/// Options of `hotseat export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Only answers from this range: 7d, 30d, 2w (today included) or a date
    #[arg(long, value_name = "7d|30d|DATE", value_parser = parse_since)]
    pub since: Option<Since>,
    /// Only this session (an id from `hotseat history`, or `last`)
    #[arg(long, value_name = "ID|last")]
    pub session: Option<String>,
    /// Write to this file (private, 0600) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Shown after `hotseat drill --help`.
const DRILL_KEYS: &str = "\
Keys, typed:  Enter submit · Esc skip · Tab tips · Ctrl-W delete a word
              Ctrl-C end the session (finished answers are kept)
Keys, spoken: Space when you start talking, Space at each stumble
              Enter done · Esc skip · Ctrl-C end
Standard input not a terminal: answers are read one per line.

Examples:
  hotseat drill --category weaknesses,curveballs --count 3
  hotseat drill --input spoken --company Acme --role \"data engineer\"
  printf 'first answer\\nsecond answer\\n' | hotseat drill --count 2";

/// Shown after `hotseat daily --help`.
const DAILY_HELP: &str = "\
Each set: the questions due today (the weakest first), up to 2 never asked,
then the weakest of the rest. Skips, slow starts and long pauses bring a
question back tomorrow; smooth answers space it out.
Keys as in `hotseat drill --help`.

Examples:
  hotseat daily
  hotseat daily --category weaknesses,curveballs --count 3
  hotseat daily --due";

/// Options of `hotseat daily`: those of `drill`, plus `--due`.
#[derive(Debug, Args)]
pub struct DailyArgs {
    /// The drill options, with the same meanings (--count: the set's size).
    #[command(flatten)]
    pub drill: DrillArgs,
    /// Show what is due now and tomorrow, without starting a session
    #[arg(long)]
    pub due: bool,
}

/// How answers are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// Type the answer; every key press is timed.
    Typed,
    /// Answer out loud; Space marks the start and each stumble.
    Spoken,
}

/// Options of `hotseat drill`.
#[derive(Debug, Args)]
pub struct DrillArgs {
    /// Only these categories (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    pub category: Vec<String>,
    /// How many questions
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub count: u32,
    /// Time limit per answer, e.g. 90s, 2m, 1m30s [default: the bank's]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub limit: Option<std::time::Duration>,
    /// Target think time before you start, e.g. 10s [default: the bank's]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub think: Option<std::time::Duration>,
    /// A gap between key presses longer than this is a pause
    #[arg(long, value_name = "DURATION", default_value = "3s", value_parser = parse_duration)]
    pub pause: std::time::Duration,
    /// Typed or spoken answers (line input is automatic when stdin is not a terminal)
    #[arg(long, value_enum, default_value_t = InputArg::Typed)]
    pub input: InputArg,
    /// Submit the answer when the limit passes
    #[arg(long)]
    pub strict: bool,
    /// Seed for a reproducible draw
    #[arg(long)]
    pub seed: Option<u64>,
    /// Name filled into {company} in the questions
    #[arg(long)]
    pub company: Option<String>,
    /// Role filled into {role} in the questions
    #[arg(long)]
    pub role: Option<String>,
    /// After each answer, rate how it felt, 1–5 (not in line mode)
    #[arg(long, overrides_with = "no_rate")]
    pub rate: bool,
    /// Do not ask for a rating (turns off --rate)
    #[arg(long = "no-rate", overrides_with = "rate")]
    pub no_rate: bool,
}

/// `hotseat banks …`
#[derive(Debug, Subcommand)]
pub enum BanksCommand {
    /// List the banks in use and where each comes from
    List {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Show one category's questions, follow-ups and tips
    Show {
        /// The category, e.g. weaknesses
        category: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Validate bank files and report every problem with file:line:column
    Check {
        /// Bank files or folders of them
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

/// Parses `45s`, `2m`, `1m30s` for clap.
fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    crate::bank::parse_duration(s).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn since_reads_days_weeks_and_dates() {
        assert_eq!(parse_since("7d"), Ok(Since::Days(7)));
        assert_eq!(parse_since("2w"), Ok(Since::Days(14)));
        assert_eq!(
            parse_since("2026-11-01"),
            Ok(Since::Date(jiff::civil::date(2026, 11, 1)))
        );
        for bad in ["0d", "d", "7", "yesterday", "2026-13-01", "-3d"] {
            assert!(parse_since(bad).is_err(), "{bad}");
        }
    }
}
