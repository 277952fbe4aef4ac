//! One module per subcommand: each wires the library's pieces together.
//! Exit codes are decided here and nowhere else: 0 ok, 1 runtime failure,
//! 2 usage or invalid input.

pub mod banks;
pub mod config;
pub mod daily;
pub(crate) mod defaults;
pub mod drill;
pub mod export;
pub mod forget;
pub mod history;
pub mod menu;
pub mod reflect;
pub mod rehearse;
pub mod review;
pub mod shell;
pub mod stats;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{Cli, ColorChoice, Command};

/// A mistake in what the user asked for or gave us (bad flag value, unknown
/// category, invalid bank): exit code 2. Wrap any such error in this, or
/// return a [`crate::bank::BankError`], which counts the same.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Usage(pub String);

/// What every command needs to know about where it runs.
#[derive(Debug, Clone)]
pub struct Context {
    /// The user's hotseat home folder (may not exist yet).
    pub home: PathBuf,
    /// Extra banks from `--bank`, in the order given.
    pub extra_banks: Vec<PathBuf>,
    /// Whether to colour standard output.
    pub color: bool,
}

/// Runs the program and returns its exit code.
#[must_use]
pub fn main() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    // Parsed in two steps to keep the matches: they say which flags were
    // typed, so `config.yaml` fills only the others.
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m).map(|cli| (cli, m)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                crate::exit::code(crate::exit::USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli, &matches) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            print_error(&err);
            exit_code_for(&err)
        }
    }
}

fn run(mut cli: Cli, matches: &clap::ArgMatches) -> anyhow::Result<ExitCode> {
    let home = crate::home::resolve(cli.global.home.clone(), std::env::var_os("HOTSEAT_HOME"))?;
    let given = defaults::Given::Typed(matches);
    // The config is read by every command but those that must always work
    // (`config`, `completions`, `man`); a broken one stops the others.
    let uses_config = !matches!(
        cli.command,
        Some(Command::Config(_) | Command::Completions { .. } | Command::Man)
    );
    let config = if uses_config {
        crate::config::load(&home)?.unwrap_or_default()
    } else {
        crate::config::Config::default()
    };
    if let Some(command) = &mut cli.command {
        defaults::apply(&config, &given, command);
    }
    let color_choice = defaults::color(&config, &given, cli.global.color);
    let color = match color_choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        // A dumb terminal shows escape codes as text: no colour there either.
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    };
    let ctx = Context {
        home,
        extra_banks: cli.global.banks.clone(),
        color,
    };
    match cli.command {
        Some(command) => dispatch(&ctx, command),
        None => menu::run(&ctx, &config),
    }
}

/// Prints `err` as `hotseat: <error>: <cause>…` on standard error.
fn print_error(err: &anyhow::Error) {
    // Errors may quote untrusted text (a bank file, a path).
    let message = format!("hotseat: {err:#}");
    // Nothing more can be done if standard error is gone too.
    let _ = writeln!(std::io::stderr(), "{}", crate::text::clean(&message));
}

/// Runs one subcommand (from the command line or the menu).
fn dispatch(ctx: &Context, command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Banks(cmd) => banks::run(ctx, cmd),
        Command::Drill(args) => drill::run(ctx, &args),
        Command::Daily(args) => daily::run(ctx, &args),
        Command::Rehearse(args) => rehearse::run(ctx, &args),
        Command::Completions { shell } => shell::completions(shell),
        Command::Man => shell::man(),
        Command::Config(cmd) => config::run(ctx, &cmd),
        Command::Forget(args) => forget::run(ctx, &args),
        Command::Reflect(args) => reflect::run(ctx, &args),
        Command::Stats(args) => stats::run(ctx, &args),
        Command::History(args) => history::run(ctx, &args),
        Command::Review(args) => review::run(ctx, &args),
        Command::Export(args) => export::run(ctx, &args),
    }
}

/// Streams the whole history to `each`, printing each skipped line's
/// warning to standard error as `hotseat: <path>:<line>: …`, sanitized.
pub(crate) fn scan_history(
    history: &crate::history::History,
    each: impl FnMut(crate::drill::Record),
) -> anyhow::Result<()> {
    reported(history, history.scan(each).map(|w| ((), w)))
}

/// [`scan_history`] through `History::scan_with`: each record, borrowed,
/// digested by `map` on the reading threads with that thread's `state`.
pub(crate) fn scan_history_with<S: Send, U: Send>(
    history: &crate::history::History,
    state: impl Fn() -> S + Sync,
    map: impl Fn(&mut S, &crate::drill::Record) -> U + Sync,
    each: impl FnMut(U),
) -> anyhow::Result<()> {
    reported(
        history,
        history.scan_with(state, map, each).map(|w| ((), w)),
    )
}

/// [`scan_history`] through `History::fold`: each record, borrowed, folded
/// into the state of the reading thread that parsed it; the states come
/// back for the caller to merge.
pub(crate) fn fold_history<S: Send>(
    history: &crate::history::History,
    state: impl Fn() -> S + Sync,
    fold: impl Fn(&mut S, crate::history::Position, &crate::drill::Record) + Sync,
) -> anyhow::Result<Vec<S>> {
    reported(history, history.fold(state, fold))
}

/// What a read of the history gave, its skipped lines' warnings printed;
/// or why it could not be read.
fn reported<T>(
    history: &crate::history::History,
    read: Result<(T, Vec<crate::history::Warning>), crate::history::HistoryError>,
) -> anyhow::Result<T> {
    use anyhow::Context as _;
    let (read, warnings) = read.context("your history could not be read")?;
    print_warnings(history, &warnings);
    Ok(read)
}

/// Prints the skipped lines' warnings of a scan to standard error.
fn print_warnings(history: &crate::history::History, warnings: &[crate::history::Warning]) {
    let mut err = std::io::stderr().lock();
    for w in warnings {
        // Nothing more can be done if standard error is gone.
        let _ = writeln!(
            err,
            "hotseat: {}",
            crate::text::clean(&crate::history::format_warning(history.path(), w))
        );
    }
}

/// The error for a category no bank has: names it, suggests the closest
/// known one, and lists them all.
pub(crate) fn unknown_category(catalog: &crate::bank::Catalog, category: &str) -> Usage {
    let known = catalog.categories();
    let hint = crate::bank::validate::closest(category, &known)
        .map(|c| format!(" Did you mean {c}?"))
        .unwrap_or_default();
    Usage(format!(
        "no bank has category {:?}.{hint} Known categories: {}",
        category,
        known.join(", ")
    ))
}

/// 2 when the error is the user's input, else 1.
fn exit_code_for(err: &anyhow::Error) -> ExitCode {
    let invalid = err.chain().any(|cause| {
        cause.is::<Usage>()
            || cause.is::<crate::bank::BankError>()
            || cause.is::<crate::config::ConfigError>()
    });
    crate::exit::code(if invalid {
        crate::exit::USAGE
    } else {
        crate::exit::RUNTIME
    })
}

/// A closed pipe (`hotseat banks list | head -1`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
