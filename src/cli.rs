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
    /// [default: $`HOTSEAT_HOME`, else ~/.local/share/hotseat]
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
    /// Colour when standard output is a terminal and `NO_COLOR` is unset.
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
    /// The night before: a full, timed mock interview for one company and role
    #[command(after_help = REHEARSE_HELP)]
    Rehearse(RehearseArgs),
    /// Delete one session's records from the history, after confirming
    Forget(ForgetArgs),
    /// The defaults in config.yaml: path, show, check
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print a shell completion script (see the README for where it goes)
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff): `hotseat man | man -l -`
    Man,
    /// The question banks in use: list, show, check
    #[command(subcommand)]
    Banks(BanksCommand),
    /// After a real interview: what went well, what went badly, and the
    /// questions that caught you off guard (they become drill questions)
    #[command(after_help = REFLECT_HELP)]
    Reflect(ReflectArgs),
    /// Where you hesitate: totals, streak, charts, categories, stickiest questions
    Stats(StatsArgs),
    /// One line per past session
    History(HistoryArgs),
    /// Replay a session's answers with each pause shown where it happened
    Review(ReviewArgs),
    /// Sessions and answers for a mentor: Markdown, JSON, CSV or HTML
    Export(ExportArgs),
}

/// Shown after `hotseat reflect --help`.
const REFLECT_HELP: &str = "\
On a terminal with no flags, a form asks for everything. Off a terminal,
--company and --outcome are required. Each --caught-off-guard question is
added to <home>/banks/caught-off-guard.yaml (category caught-off-guard).

Examples:
  hotseat reflect
  hotseat reflect --company Acme --role \"data engineer\" --outcome waiting \\
      --went-well \"the system design round\" \\
      --caught-off-guard \"Why should we not hire you?\"
  hotseat reflect --list";

/// How a real interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutcomeArg {
    /// They made an offer.
    Offer,
    /// They said no.
    Rejected,
    /// No answer yet.
    Waiting,
    /// You withdrew.
    Withdrew,
}

/// Options of `hotseat reflect`.
#[derive(Debug, Args)]
pub struct ReflectArgs {
    /// The company you interviewed with
    #[arg(long)]
    pub company: Option<String>,
    /// The role you interviewed for
    #[arg(long)]
    pub role: Option<String>,
    /// The day of the interview, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// How it ended
    #[arg(long, value_enum)]
    pub outcome: Option<OutcomeArg>,
    /// Something that went well (repeatable)
    #[arg(long = "went-well", value_name = "TEXT")]
    pub went_well: Vec<String>,
    /// Something that went badly (repeatable)
    #[arg(long = "went-badly", value_name = "TEXT")]
    pub went_badly: Vec<String>,
    /// A question that caught you off guard (repeatable); added to your
    /// caught-off-guard bank
    #[arg(long = "caught-off-guard", value_name = "TEXT")]
    pub caught_off_guard: Vec<String>,
    /// Something that felt off about the place (repeatable)
    #[arg(long = "felt-off", value_name = "TEXT")]
    pub felt_off: Vec<String>,
    /// What you would prefer instead (repeatable)
    #[arg(long = "would-prefer", value_name = "TEXT")]
    pub would_prefer: Vec<String>,
    /// Show past reflections, newest first, instead of writing one
    #[arg(long, conflicts_with_all = [
        "company", "role", "date", "outcome", "went_well", "went_badly",
        "caught_off_guard", "felt_off", "would_prefer",
    ])]
    pub list: bool,
    /// With --list: print JSON
    #[arg(long, requires = "list")]
    pub json: bool,
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
    /// Content feedback (--content / --no-content)
    #[command(flatten)]
    pub content: ContentFlags,
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
    /// Content feedback (--content / --no-content)
    #[command(flatten)]
    pub content: ContentFlags,
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
Keys, typed:  Enter submit · Esc skip · Tab tips
              Left/Right, Home/End (Ctrl-A/Ctrl-E) move in the answer
              Backspace/Delete a character · Ctrl-W a word · Ctrl-U to the start
              Ctrl-C end the session (finished answers are kept)
Keys, spoken: Space when you start talking, Space at each stumble
              Enter done · Esc skip · Ctrl-C end
Keys, voice:  speak; Enter done · Esc skip · Tab tips · Ctrl-C end
Standard input not a terminal: answers are read one per line (voice: each
answer ends when the recorder's stream ends).

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

/// Shown after `hotseat rehearse --help`.
const REHEARSE_HELP: &str = "\
In the order a real interview runs: tell me about yourself, strengths and
weaknesses, behavioural questions, company research or culture fit, the
five-year plan, a curveball (questions that caught you off guard come
first), and last the questions you will ask them. Each answer is submitted
at its limit; Esc does not skip. Follow-ups are asked while the budget
allows. The report at the end names three things to fix tonight.

Examples:
  hotseat rehearse --company Acme --role \"data engineer\"
  hotseat rehearse --minutes 20 --input spoken";

/// Options of `hotseat rehearse`.
#[derive(Debug, Args)]
pub struct RehearseArgs {
    /// The time budget: the answer limits, follow-ups included, add up to
    /// no more than this
    #[arg(long, default_value_t = 30, value_name = "N", value_parser = parse_minutes)]
    pub minutes: u16,
    /// The company, filled into {company}; one question will name it
    #[arg(long)]
    pub company: Option<String>,
    /// The role, filled into {role}
    #[arg(long)]
    pub role: Option<String>,
    /// Situations that apply to you (e.g. layoff,career-change, or all): one such question is asked
    #[arg(long, value_delimiter = ',', value_name = "A,B|all")]
    pub situation: Vec<String>,
    /// Typed, spoken or voice answers (line input is automatic when stdin is not
    /// a terminal, except for voice)
    #[arg(long, value_enum, default_value_t = InputArg::Typed)]
    pub input: InputArg,
    /// A gap between key presses (voice: a silence) longer than this is a pause
    #[arg(long, value_name = "DURATION", default_value = "3s", value_parser = parse_duration)]
    pub pause: std::time::Duration,
    /// Seed for a reproducible choice of questions
    #[arg(long, value_parser = parse_seed)]
    pub seed: Option<u64>,
    /// Voice input and spoken questions.
    #[command(flatten)]
    pub voice: VoiceArgs,
    /// Content feedback (--content / --no-content)
    #[command(flatten)]
    pub content: ContentFlags,
}

/// `hotseat config …`
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print where the config file is (it may not exist yet)
    Path,
    /// Every key's value and where it came from
    Show,
    /// Validate the config file and report every problem with <file:line>
    Check,
}

/// Options of `hotseat forget`.
#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// The session id (as `hotseat history` lists it), or `last`
    #[arg(value_name = "SESSION|last")]
    pub session: String,
    /// Do not ask (needed off a terminal)
    #[arg(long)]
    pub yes: bool,
}

/// Shells with a completion script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
    /// Elvish.
    Elvish,
}

/// How answers are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// Type the answer; every key press is timed.
    Typed,
    /// Answer out loud; Space marks the start and each stumble.
    Spoken,
    /// Answer out loud into the microphone; start and pauses are heard.
    Voice,
}

/// Voice input and spoken questions (drill, daily, rehearse).
#[derive(Debug, Clone, Default, Args)]
pub struct VoiceArgs {
    /// Voice input: the command writing raw 16 kHz mono s16le audio to its
    /// standard output, run with sh -c [default: $`HOTSEAT_RECORDER`, else the
    /// first that works of parec, arecord, rec (sox), ffmpeg]
    #[arg(long, value_name = "CMD")]
    pub recorder: Option<String>,
    /// Voice input: keep each answer's audio as a WAV file under <home>/audio/
    #[arg(long)]
    pub keep_audio: bool,
    /// Read each question aloud before the think clock starts (any key cuts it short)
    #[arg(long, overrides_with = "no_speak")]
    pub speak: bool,
    /// Do not read the questions aloud (turns off --speak or `speak: true`)
    #[arg(long = "no-speak", overrides_with = "speak")]
    pub no_speak: bool,
    /// With --speak: the command reading the question from its standard input,
    /// run with sh -c [default: $`HOTSEAT_SPEAKER`, else espeak-ng, espeak or say]
    #[arg(long, value_name = "CMD")]
    pub speaker: Option<String>,
}

/// Options of `hotseat drill`.
#[derive(Debug, Args)]
pub struct DrillArgs {
    /// Only these categories (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    pub category: Vec<String>,
    /// Also draw the questions for these situations, e.g. layoff,career-change (or all)
    #[arg(long, value_delimiter = ',', value_name = "A,B|all")]
    pub situation: Vec<String>,
    /// How many questions (1 to 1000)
    // Negative numbers reach the parser, so `--count -1` is told the
    // range instead of being taken for an unknown flag.
    #[arg(long, value_name = "N", default_value_t = 5, allow_negative_numbers = true, value_parser = parse_count)]
    pub count: u32,
    /// Time limit per answer, e.g. 90s, 2m, 1m30s [default: the bank's]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub limit: Option<std::time::Duration>,
    /// Target think time before you start, e.g. 10s [default: the bank's]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub think: Option<std::time::Duration>,
    /// A gap between key presses (voice: a silence) longer than this is a pause
    #[arg(long, value_name = "DURATION", default_value = "3s", value_parser = parse_duration)]
    pub pause: std::time::Duration,
    /// Typed, spoken or voice answers (line input is automatic when stdin is not
    /// a terminal, except for voice)
    #[arg(long, value_enum, default_value_t = InputArg::Typed)]
    pub input: InputArg,
    /// Submit the answer when the limit passes
    #[arg(long, overrides_with = "no_strict")]
    pub strict: bool,
    /// Do not submit at the limit (turns off --strict or `strict: true`)
    #[arg(long = "no-strict", overrides_with = "strict")]
    pub no_strict: bool,
    /// Seed for a reproducible draw (a whole number)
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = parse_seed)]
    pub seed: Option<u64>,
    /// Company name filled into {company} in the questions [default: "the company"]
    #[arg(long)]
    pub company: Option<String>,
    /// Role filled into {role} as "the ROLE role" [default: "the role"]
    #[arg(long)]
    pub role: Option<String>,
    /// After each answer, rate how it felt, 1–5 (not in line mode)
    #[arg(long, overrides_with = "no_rate")]
    pub rate: bool,
    /// Do not ask for a rating (turns off --rate)
    #[arg(long = "no-rate", overrides_with = "rate")]
    pub no_rate: bool,
    /// Voice input and spoken questions.
    #[command(flatten)]
    pub voice: VoiceArgs,
    /// Content feedback (--content / --no-content)
    #[command(flatten)]
    pub content: ContentFlags,
}

/// `--content` / `--no-content`: whether answers are read for what they
/// said (points heard, hedges, dodges…). On unless turned off; the last
/// of the two given wins.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct ContentFlags {
    /// Read answers for what they said: points heard, hedges, dodges (the default)
    #[arg(long, overrides_with = "no_content")]
    pub content: bool,
    /// Do not read answers for content (timing feedback only)
    #[arg(long = "no-content", overrides_with = "content")]
    pub no_content: bool,
}

impl ContentFlags {
    /// Whether content feedback is on.
    #[must_use]
    pub fn on(&self) -> bool {
        !self.no_content
    }
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
        /// Fill {company} in the shown texts (as `drill` would)
        #[arg(long)]
        company: Option<String>,
        /// Fill {role} in the shown texts (as `drill` would)
        #[arg(long)]
        role: Option<String>,
    },
    /// Validate bank files and report every problem with <file:line:column>
    Check {
        /// Bank files or folders of them
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

/// The most questions one drill may ask.
pub const MAX_COUNT: u32 = 1000;

/// Parses a question count: a whole number from 1 to [`MAX_COUNT`]. The
/// one check for a count, wherever it is typed (`--count`, the menu), so
/// both accept the same and say the same.
pub fn parse_count(s: &str) -> Result<u32, String> {
    s.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_COUNT).contains(n))
        .ok_or_else(|| format!("a number from 1 to {MAX_COUNT}"))
}

/// The longest rehearsal budget, in minutes.
pub const MAX_MINUTES: u16 = 600;

/// Parses a rehearsal budget: whole minutes from 1 to [`MAX_MINUTES`]. The
/// one check, wherever it is typed (`--minutes`, the menu).
pub fn parse_minutes(s: &str) -> Result<u16, String> {
    s.trim()
        .parse::<u16>()
        .ok()
        .filter(|n| (1..=MAX_MINUTES).contains(n))
        .ok_or_else(|| format!("a whole number of minutes from 1 to {MAX_MINUTES}"))
}

/// Parses a `--seed`: any whole number a `u64` holds.
pub fn parse_seed(s: &str) -> Result<u64, String> {
    s.trim()
        .parse::<u64>()
        .map_err(|_| format!("a seed is a whole number (0 to {})", u64::MAX))
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
    fn a_count_is_a_whole_number_from_one_to_a_thousand() {
        assert_eq!(parse_count("1"), Ok(1));
        assert_eq!(parse_count(" 1000 "), Ok(1000));
        for bad in ["0", "-1", "1001", "abc", "", "2.5", "99999999999"] {
            assert_eq!(
                parse_count(bad),
                Err("a number from 1 to 1000".to_string()),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn minutes_are_a_whole_number_from_one_to_six_hundred() {
        assert_eq!(parse_minutes("1"), Ok(1));
        assert_eq!(parse_minutes(" 600 "), Ok(600));
        for bad in ["0", "-1", "601", "abc", "", "2.5", "70000"] {
            assert_eq!(
                parse_minutes(bad),
                Err("a whole number of minutes from 1 to 600".to_string()),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_seed_is_any_u64() {
        assert_eq!(parse_seed("0"), Ok(0));
        assert_eq!(parse_seed("18446744073709551615"), Ok(u64::MAX));
        for bad in ["-1", "abc", "18446744073709551616", "1e3"] {
            assert_eq!(
                parse_seed(bad),
                Err("a seed is a whole number (0 to 18446744073709551615)".to_string()),
                "{bad:?}"
            );
        }
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
