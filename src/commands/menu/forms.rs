//! What the menu's entries ask, and the subcommand each one builds: the
//! args structs themselves, starting from clap's defaults, with
//! `config.yaml` applied to everything the menu did not ask.

use clap::{Args, FromArgMatches, ValueEnum};

use super::ask::{Ask, Step, anything};
use crate::bank::{Catalog, parse_duration};
use crate::cli::{
    Command, DailyArgs, DrillArgs, InputArg, ReflectArgs, RehearseArgs, ReviewArgs, StatsArgs,
    parse_count, parse_minutes,
};
use crate::commands::defaults::{self, Given, apply};
use crate::config::Config;
use crate::text::clean;
use crate::text::duration::written;

/// The options of a subcommand as clap's defaults set them (what the
/// subcommand typed with no flags gets), so the defaults are written in
/// one place, `cli.rs`.
pub(super) fn clap_defaults<A: Args + FromArgMatches>() -> anyhow::Result<A> {
    let matches =
        A::augment_args(clap::Command::new("hotseat")).try_get_matches_from(["hotseat"])?;
    Ok(A::from_arg_matches(&matches)?)
}

/// `command` with the config applied to every flag but `asked`.
fn configured(config: &Config, asked: &[&str], mut command: Command) -> Command {
    apply(config, &Given::Asked(asked), &mut command);
    command
}

/// `hotseat daily`, as typed bare: the config's defaults.
pub(super) fn daily(config: &Config) -> anyhow::Result<Command> {
    Ok(configured(
        config,
        &[],
        Command::Daily(clap_defaults::<DailyArgs>()?),
    ))
}

/// `hotseat stats`, with the config's defaults.
pub(super) fn stats(config: &Config) -> anyhow::Result<Command> {
    Ok(configured(
        config,
        &[],
        Command::Stats(clap_defaults::<StatsArgs>()?),
    ))
}

/// `hotseat review` (the last session), with the config's defaults.
pub(super) fn review(config: &Config) -> anyhow::Result<Command> {
    Ok(configured(
        config,
        &[],
        Command::Review(clap_defaults::<ReviewArgs>()?),
    ))
}

/// `hotseat reflect`: its own form asks the rest.
pub(super) fn reflect(config: &Config) -> anyhow::Result<Command> {
    Ok(configured(
        config,
        &[],
        Command::Reflect(clap_defaults::<ReflectArgs>()?),
    ))
}

/// One question of a form, reading and writing the form's state `S`.
type Question<S> = fn(&Ask<'_>, &mut S) -> dialoguer::Result<Step<()>>;

/// Asks `questions` in order: Esc at one goes back to the one before
/// (whose answer line is cleared to make room), Esc at the first leaves
/// the form.
fn form<S>(ask: &Ask<'_>, state: &mut S, questions: &[Question<S>]) -> dialoguer::Result<Step<()>> {
    let mut at = 0;
    while let Some(question) = questions.get(at) {
        match question(ask, state)? {
            Step::Got(()) => at += 1,
            Step::Back if at == 0 => return Ok(Step::Back),
            Step::Back => {
                ask.term.clear_last_lines(1)?;
                at -= 1;
            }
        }
    }
    Ok(Step::Got(()))
}

/// The input modes as the menu offers them: clap's names and help.
fn input_labels() -> Vec<String> {
    InputArg::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .map(|v| match v.get_help() {
            Some(help) => format!("{} — {help}", v.get_name()),
            None => v.get_name().to_string(),
        })
        .collect()
}

/// The input mode at `i` of [`input_labels`].
fn input_of(i: usize) -> InputArg {
    InputArg::value_variants()
        .get(i)
        .copied()
        .unwrap_or(InputArg::Typed)
}

/// Where `input` is in [`input_labels`].
fn input_at(input: InputArg) -> usize {
    InputArg::value_variants()
        .iter()
        .position(|i| *i == input)
        .unwrap_or(0)
}

/// Text a question starts with (`None`: empty).
fn shown(value: Option<&str>) -> String {
    value.map(|v| clean(v).into_owned()).unwrap_or_default()
}

/// `None` for an empty answer ("Enter for none").
fn some(value: &str) -> Option<String> {
    Some(value.trim().to_string()).filter(|v| !v.is_empty())
}

/// A rehearsal's answers, starting from the effective defaults.
struct Rehearsal {
    company: String,
    role: String,
    minutes: String,
    input: usize,
}

/// The flags the rehearsal form asks (clap ids).
const REHEARSE_ASKS: [&str; 4] = ["company", "role", "minutes", "input"];

/// Company, role, minutes and input mode, then `hotseat rehearse`.
pub(super) fn rehearse(ask: &Ask<'_>, config: &Config) -> anyhow::Result<Step<Command>> {
    let mut start: RehearseArgs = clap_defaults()?;
    defaults::rehearse(config, &Given::Asked(&[]), &mut start);
    let mut state = Rehearsal {
        company: shown(start.company.as_deref()),
        role: shown(start.role.as_deref()),
        minutes: start.minutes.to_string(),
        input: input_at(start.input),
    };
    let questions: [Question<Rehearsal>; 4] = [
        |ask, s| {
            Ok(ask
                .text("Company (empty: none)", &s.company, None, &anything)?
                .map(|v| s.company = v))
        },
        |ask, s| {
            Ok(ask
                .text("Role (empty: none)", &s.role, None, &anything)?
                .map(|v| s.role = v))
        },
        |ask, s| {
            let check = |v: &str| parse_minutes(v).map(drop);
            Ok(ask
                .text("Minutes of answer time", "", Some(&s.minutes), &check)?
                .map(|v| s.minutes = v))
        },
        |ask, s| {
            Ok(ask
                .select("Answers", &input_labels(), s.input)?
                .map(|i| s.input = i))
        },
    ];
    if form(ask, &mut state, &questions)? == Step::Back {
        return Ok(Step::Back);
    }
    let mut args: RehearseArgs = clap_defaults()?;
    args.company = some(&state.company);
    args.role = some(&state.role);
    args.minutes = parse_minutes(&state.minutes).map_err(anyhow::Error::msg)?;
    args.input = input_of(state.input);
    Ok(Step::Got(configured(
        config,
        &REHEARSE_ASKS,
        Command::Rehearse(args),
    )))
}

/// A custom drill's answers.
struct Drill {
    /// The banks offered, as "Title (N questions)".
    labels: Vec<String>,
    /// Their categories, in the same order.
    categories: Vec<String>,
    picked: Vec<usize>,
    count: String,
    input: usize,
    limit: String,
    company: String,
    role: String,
}

/// The flags the drill form asks (clap ids).
const DRILL_ASKS: [&str; 6] = ["category", "count", "input", "limit", "company", "role"];

/// Categories (none picked: all), count, input mode, limit, company and
/// role, then `hotseat drill`.
pub(super) fn drill(
    ask: &Ask<'_>,
    config: &Config,
    catalog: &Catalog,
) -> anyhow::Result<Step<Command>> {
    let mut start: DrillArgs = clap_defaults()?;
    defaults::drill(config, &Given::Asked(&[]), &mut start);
    let mut state = Drill {
        labels: catalog.banks.iter().map(bank_label).collect(),
        categories: catalog.banks.iter().map(|b| b.category.clone()).collect(),
        picked: Vec::new(),
        count: start.count.to_string(),
        input: input_at(start.input),
        limit: start.limit.map(written).unwrap_or_default(),
        company: shown(start.company.as_deref()),
        role: shown(start.role.as_deref()),
    };
    let questions: [Question<Drill>; 6] = [
        |ask, s| {
            let prompt = "Categories (Space picks; none = all)";
            Ok(ask
                .multi(prompt, &s.labels, &s.picked)?
                .map(|p| s.picked = p))
        },
        |ask, s| {
            // The same check as `--count`, so the menu takes what it takes.
            let check = |v: &str| parse_count(v).map(drop);
            Ok(ask
                .text("How many questions?", "", Some(&s.count), &check)?
                .map(|v| s.count = v))
        },
        |ask, s| {
            Ok(ask
                .select("Answers", &input_labels(), s.input)?
                .map(|i| s.input = i))
        },
        |ask, s| {
            let check = |v: &str| {
                if v.is_empty() {
                    Ok(())
                } else {
                    parse_duration(v).map(drop).map_err(|e| e.to_string())
                }
            };
            let prompt = "Time limit per answer, e.g. 90s (Enter for the bank's)";
            Ok(ask
                .text(prompt, &s.limit, None, &check)?
                .map(|v| s.limit = v))
        },
        |ask, s| {
            Ok(ask
                .text("Company (empty: none)", &s.company, None, &anything)?
                .map(|v| s.company = v))
        },
        |ask, s| {
            Ok(ask
                .text("Role (empty: none)", &s.role, None, &anything)?
                .map(|v| s.role = v))
        },
    ];
    if form(ask, &mut state, &questions)? == Step::Back {
        return Ok(Step::Back);
    }
    let mut args: DrillArgs = clap_defaults()?;
    args.category = state
        .picked
        .iter()
        .filter_map(|&i| state.categories.get(i).cloned())
        .collect();
    args.count = parse_count(&state.count).map_err(anyhow::Error::msg)?;
    args.input = input_of(state.input);
    args.limit = match some(&state.limit) {
        Some(l) => Some(parse_duration(&l).map_err(anyhow::Error::msg)?),
        None => None,
    };
    args.company = some(&state.company);
    args.role = some(&state.role);
    Ok(Step::Got(configured(
        config,
        &DRILL_ASKS,
        Command::Drill(args),
    )))
}

/// A bank as the menu lists it.
pub(super) fn bank_label(bank: &crate::bank::Bank) -> String {
    format!(
        "{} ({})",
        clean(&bank.title),
        crate::text::plural(bank.questions.len(), "question", "questions")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bank_label_counts_its_questions_in_the_right_number() {
        let mut bank = crate::bank::Catalog::builtin().banks.remove(0);
        bank.title = "T".into();
        bank.questions.truncate(1);
        assert_eq!(bank_label(&bank), "T (1 question)");
        bank.questions.clear();
        assert_eq!(bank_label(&bank), "T (0 questions)");
    }

    #[test]
    fn the_defaults_are_clap_s_and_the_config_fills_only_what_was_not_asked() {
        let config = Config {
            count: Some(2),
            company: Some("Acme".into()),
            pause: Some(std::time::Duration::from_secs(7)),
            ..Config::default()
        };
        let mut args: DrillArgs = clap_defaults().unwrap();
        assert_eq!(args.count, 5, "clap's default");
        args.count = 9;
        args.company = None;
        let Command::Drill(d) = configured(&config, &DRILL_ASKS, Command::Drill(args)) else {
            panic!()
        };
        assert_eq!(d.count, 9, "asked: the answer stands");
        assert_eq!(d.company, None, "asked and left empty: no company");
        assert_eq!(
            d.pause,
            std::time::Duration::from_secs(7),
            "not asked: the config's"
        );
        let Command::Drill(d) = configured(&config, &[], Command::Drill(clap_defaults().unwrap()))
        else {
            panic!()
        };
        assert_eq!((d.count, d.company.as_deref()), (2, Some("Acme")));
    }

    #[test]
    fn the_input_modes_are_offered_in_clap_s_order_with_their_help() {
        let labels = input_labels();
        assert_eq!(labels.len(), InputArg::value_variants().len());
        assert!(labels[0].starts_with("typed — "), "{labels:?}");
        assert_eq!(input_at(InputArg::Voice), 2);
        assert_eq!(input_of(input_at(InputArg::Spoken)), InputArg::Spoken);
    }

    #[test]
    fn bare_entries_get_the_config_too() {
        let off = Config {
            content: Some(false),
            ..Config::default()
        };
        let Command::Stats(s) = stats(&off).unwrap() else {
            panic!()
        };
        assert!(s.content.no_content);
        let Command::Review(r) = review(&off).unwrap() else {
            panic!()
        };
        assert_eq!(r.session, "last");
    }
}
