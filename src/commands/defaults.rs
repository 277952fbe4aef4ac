//! Applying `config.yaml` to a command's flags: a value from the file is
//! used only where the flag was not given on the command line (clap says
//! where each value came from), so the precedence is flag, then environment
//! variable, then config, then the built-in default.

use clap::ArgMatches;
use clap::parser::ValueSource;

use crate::cli::{
    ColorChoice, Command, ContentFlags, DrillArgs, InputArg, RehearseArgs, VoiceArgs,
};
use crate::config::Config;

/// Which flags were given, so `config.yaml` fills only the others.
pub(crate) enum Given<'a> {
    /// A command line: clap says which flags were typed, in the
    /// subcommand's matches or the global ones.
    Typed(&'a ArgMatches),
    /// The menu: exactly the flags (clap ids) it asked about; the config
    /// fills the rest, as if they had not been typed.
    Asked(&'a [&'a str]),
}

impl Given<'_> {
    /// The flag was given (typed, not a default; or asked by the menu).
    pub(crate) fn flag(&self, id: &str) -> bool {
        match self {
            Self::Typed(top) => {
                let typed = |m: &ArgMatches| {
                    m.try_get_raw(id).is_ok_and(|v| v.is_some())
                        && m.value_source(id) == Some(ValueSource::CommandLine)
                };
                typed(top) || top.subcommand().is_some_and(|(_, sub)| typed(sub))
            }
            Self::Asked(ids) => ids.contains(&id),
        }
    }
}

fn input(name: &str) -> InputArg {
    match name {
        "spoken" => InputArg::Spoken,
        "voice" => InputArg::Voice,
        _ => InputArg::Typed,
    }
}

/// The voice flags: `speak`, and the recorder and speaker commands where
/// neither a flag nor the environment (`HOTSEAT_RECORDER`,
/// `HOTSEAT_SPEAKER`) gave one — and only where they apply (a recorder for
/// voice input, a speaker when speaking), so a config default never turns
/// into a usage error.
fn voice(config: &Config, given: &Given<'_>, input: InputArg, v: &mut VoiceArgs) {
    if !given.flag("speak") && !given.flag("no_speak") && config.speak == Some(true) {
        v.speak = true;
    }
    let unset = |var: &str| std::env::var_os(var).is_none_or(|s| s.is_empty());
    if input == InputArg::Voice && !given.flag("recorder") && unset("HOTSEAT_RECORDER") {
        v.recorder = v.recorder.take().or_else(|| config.recorder.clone());
    }
    if v.speak && !given.flag("speaker") && unset("HOTSEAT_SPEAKER") {
        v.speaker = v.speaker.take().or_else(|| config.speaker.clone());
    }
}

/// The colour choice: `--color` if given, else the config's, else `auto`.
pub(crate) fn color(config: &Config, given: &Given<'_>, flag: ColorChoice) -> ColorChoice {
    // A flag, then the environment (NO_COLOR), then the config.
    if given.flag("color") || std::env::var_os("NO_COLOR").is_some() {
        return flag;
    }
    match config.color.as_deref() {
        Some("always") => ColorChoice::Always,
        Some("never") => ColorChoice::Never,
        _ => flag,
    }
}

/// The drill flags (also `daily`'s) with the config's values where no
/// flag was given.
pub(crate) fn drill(config: &Config, given: &Given<'_>, a: &mut DrillArgs) {
    if !given.flag("count")
        && let Some(n) = config.count
    {
        a.count = n;
    }
    if !given.flag("limit") {
        a.limit = a.limit.or(config.limit);
    }
    if !given.flag("think") {
        a.think = a.think.or(config.think);
    }
    if !given.flag("rate") && !given.flag("no_rate") && config.rate == Some(true) {
        a.rate = true;
    }
    if !given.flag("strict") && !given.flag("no_strict") && config.strict == Some(true) {
        a.strict = true;
    }
    shared(
        config,
        given,
        Shared {
            pause: &mut a.pause,
            input: &mut a.input,
            company: &mut a.company,
            role: &mut a.role,
            situation: &mut a.situation,
            voice: &mut a.voice,
            content: &mut a.content,
        },
    );
}

/// The rehearsal's flags with the config's values where no flag was given
/// (a rehearsal is always strict, whatever the config says).
pub(crate) fn rehearse(config: &Config, given: &Given<'_>, a: &mut RehearseArgs) {
    if !given.flag("minutes")
        && let Some(m) = config.minutes
    {
        a.minutes = m;
    }
    shared(
        config,
        given,
        Shared {
            pause: &mut a.pause,
            input: &mut a.input,
            company: &mut a.company,
            role: &mut a.role,
            situation: &mut a.situation,
            voice: &mut a.voice,
            content: &mut a.content,
        },
    );
}

/// The flags drill, daily and rehearse have in common.
struct Shared<'a> {
    pause: &'a mut std::time::Duration,
    input: &'a mut InputArg,
    company: &'a mut Option<String>,
    role: &'a mut Option<String>,
    situation: &'a mut Vec<String>,
    voice: &'a mut VoiceArgs,
    content: &'a mut ContentFlags,
}

/// The config's values for the flags drill, daily and rehearse share.
#[allow(
    clippy::needless_pass_by_value,
    reason = "Shared is a bundle of borrows made for this one call"
)]
fn shared(config: &Config, given: &Given<'_>, a: Shared<'_>) {
    if !given.flag("pause")
        && let Some(p) = config.pause
    {
        *a.pause = p;
    }
    if !given.flag("input")
        && let Some(i) = &config.input
    {
        *a.input = input(i);
    }
    if !given.flag("company") && a.company.is_none() {
        a.company.clone_from(&config.company);
    }
    if !given.flag("role") && a.role.is_none() {
        a.role.clone_from(&config.role);
    }
    if !given.flag("situation")
        && let Some(s) = &config.situations
    {
        a.situation.clone_from(s);
    }
    voice(config, given, *a.input, a.voice);
    content(config, given, a.content);
}

/// `content: false` turns content feedback off unless a flag was typed.
fn content(config: &Config, given: &Given<'_>, c: &mut ContentFlags) {
    if !given.flag("content") && !given.flag("no_content") && config.content == Some(false) {
        c.no_content = true;
    }
}

/// Applies `config` to `command` where its flags were not given.
pub(crate) fn apply(config: &Config, given: &Given<'_>, command: &mut Command) {
    match command {
        Command::Drill(a) => drill(config, given, a),
        Command::Daily(a) => {
            drill(config, given, &mut a.drill);
            if !given.flag("category")
                && let Some(c) = &config.daily_categories
            {
                a.drill.category.clone_from(c);
            }
        }
        Command::Rehearse(a) => rehearse(config, given, a),
        Command::Review(a) => content(config, given, &mut a.content),
        Command::Stats(a) => content(config, given, &mut a.content),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    use crate::cli::Cli;

    fn with(config: &Config, args: &[&str]) -> Command {
        let matches = Cli::command().try_get_matches_from(args).unwrap();
        let mut cli = Cli::from_arg_matches(&matches).unwrap();
        let mut command = cli.command.take().unwrap();
        apply(config, &Given::Typed(&matches), &mut command);
        command
    }

    fn config() -> Config {
        Config {
            count: Some(2),
            pause: Some(std::time::Duration::from_secs(5)),
            strict: Some(true),
            rate: Some(true),
            company: Some("Acme".into()),
            daily_categories: Some(vec!["weaknesses".into()]),
            minutes: Some(20),
            situations: Some(vec!["layoff".into()]),
            ..Config::default()
        }
    }

    #[test]
    fn the_config_fills_what_no_flag_gave() {
        let Command::Drill(a) = with(&config(), &["hotseat", "drill"]) else {
            panic!()
        };
        assert_eq!(a.count, 2);
        assert_eq!(a.pause, std::time::Duration::from_secs(5));
        assert!(a.strict && a.rate);
        assert_eq!(a.company.as_deref(), Some("Acme"));
        assert_eq!(a.situation, ["layoff"]);
        let Command::Daily(d) = with(&config(), &["hotseat", "daily"]) else {
            panic!()
        };
        assert_eq!(d.drill.category, ["weaknesses"]);
        let Command::Rehearse(r) = with(&config(), &["hotseat", "rehearse"]) else {
            panic!()
        };
        assert_eq!(r.minutes, 20);
        assert_eq!(r.company.as_deref(), Some("Acme"));
    }

    #[test]
    fn a_flag_beats_the_config_and_no_twins_turn_it_off() {
        let args = [
            "hotseat",
            "drill",
            "--count",
            "7",
            "--pause",
            "3s",
            "--no-strict",
            "--no-rate",
            "--company",
            "Initech",
        ];
        let Command::Drill(a) = with(&config(), &args) else {
            panic!()
        };
        assert_eq!(a.count, 7);
        assert_eq!(
            a.pause,
            std::time::Duration::from_secs(3),
            "typed, though it is the default"
        );
        assert!(!a.strict && !a.rate);
        assert_eq!(a.company.as_deref(), Some("Initech"));
        let Command::Daily(d) = with(&config(), &["hotseat", "daily", "--category", "curveballs"])
        else {
            panic!()
        };
        assert_eq!(d.drill.category, ["curveballs"]);
    }

    #[test]
    fn content_false_turns_content_off_unless_a_flag_says_otherwise() {
        let off = Config {
            content: Some(false),
            ..Config::default()
        };
        let Command::Stats(s) = with(&off, &["hotseat", "stats"]) else {
            panic!()
        };
        assert!(s.content.no_content);
        let Command::Drill(d) = with(&off, &["hotseat", "drill", "--content"]) else {
            panic!()
        };
        assert!(!d.content.no_content);
    }

    #[test]
    fn what_the_menu_asked_counts_as_given_and_nothing_else_does() {
        let matches = Cli::command()
            .try_get_matches_from(["hotseat", "drill"])
            .unwrap();
        let mut cli = Cli::from_arg_matches(&matches).unwrap();
        let Some(Command::Drill(mut a)) = cli.command.take() else {
            panic!()
        };
        a.company = None;
        drill(&config(), &Given::Asked(&["count", "company"]), &mut a);
        assert_eq!(a.count, 5, "asked: the config does not replace it");
        assert_eq!(a.company, None, "asked and left empty");
        assert!(a.strict, "not asked: the config's");
        assert!(!Given::Asked(&[]).flag("count"));
    }

    #[test]
    fn without_a_config_the_built_in_defaults_stay() {
        let Command::Drill(a) = with(&Config::default(), &["hotseat", "drill"]) else {
            panic!()
        };
        assert_eq!(a.count, 5);
        assert!(!a.strict && !a.rate);
        assert_eq!(a.company, None);
    }
}
