//! `hotseat` with no arguments on a terminal: a menu (dialoguer) of what
//! there is to do, each entry running the same code as its subcommand.
//! Without a terminal there is nobody to choose, so the help is printed
//! and the exit code is 2, as for any incomplete command line.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{CommandFactory, Parser};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Input, MultiSelect, Select};

use super::Context;
use crate::bank::Catalog;
use crate::cli::{BanksCommand, Cli, Command, parse_count};
use crate::config::Config;
use crate::text::clean;

/// The menu's entries, in order: the two ways hotseat is used first.
const ENTRIES: [&str; 8] = [
    "Daily practice — today's set: what stalls you comes back",
    "Rehearse — a full, timed mock interview for the night before",
    "Custom drill — choose categories and how many questions",
    "Stats — where you hesitate, over days and categories",
    "Review the last session — each answer with its pauses",
    "Reflect — after a real interview, keep what caught you off guard",
    "Browse the question banks",
    "Quit",
];

/// What each entry of [`ENTRIES`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Daily,
    Rehearse,
    Drill,
    Stats,
    Review,
    Reflect,
    Browse,
    Quit,
}

impl Entry {
    fn at(i: usize) -> Self {
        match i {
            0 => Self::Daily,
            1 => Self::Rehearse,
            2 => Self::Drill,
            3 => Self::Stats,
            4 => Self::Review,
            5 => Self::Reflect,
            6 => Self::Browse,
            _ => Self::Quit,
        }
    }
}

/// Parses a command line built by the menu, so each entry runs with
/// exactly the defaults of its subcommand, `config.yaml` applied where the
/// menu did not ask.
fn parsed(args: Vec<String>, config: &Config) -> dialoguer::Result<Option<Command>> {
    use clap::{CommandFactory, FromArgMatches};
    let fail = |e: clap::Error| dialoguer::Error::IO(io::Error::other(e.to_string()));
    let matches = Cli::command().try_get_matches_from(args).map_err(fail)?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(fail)?;
    if let Some(command) = &mut cli.command {
        super::defaults::apply(config, &super::defaults::Given { top: &matches }, command);
    }
    Ok(cli.command)
}

/// Shows the menu and runs the chosen entry.
pub fn run(ctx: &Context, config: &Config) -> anyhow::Result<ExitCode> {
    if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
        Cli::command().print_help()?;
        return Ok(crate::exit::code(crate::exit::USAGE));
    }
    let colorful = ColorfulTheme::default();
    let theme: &dyn Theme = if ctx.color { &colorful } else { &SimpleTheme };
    let watch = Watch::start().context("cannot listen for Ctrl-C and other signals")?;
    // Keys typed before the menu was on screen are not a choice.
    let _ = crate::term::input::discard_typeahead();
    let result = choose(ctx, theme, config);
    if let Err(dialoguer::Error::IO(e)) = &result
        && e.kind() == io::ErrorKind::Interrupted
    {
        // A signal broke into the key read, and console raises SIGINT
        // after it: the watch thread is handling it and ends the process.
        watch.join();
        return Ok(crate::exit::code(crate::exit::CTRL_C));
    }
    watch.stop();
    // dialoguer hides the cursor while it asks; show it before whatever
    // runs next.
    let _ = crossterm::execute!(io::stderr(), crossterm::cursor::Show);
    match result {
        Ok(Some(command)) => super::dispatch(ctx, command),
        Ok(None) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("the menu could not be shown"),
    }
}

/// While the menu asks: a signal (Ctrl-C, SIGTERM, a closed terminal)
/// would otherwise kill the process with the terminal in dialoguer's
/// half-raw mode and the cursor hidden. A thread puts both back and exits
/// with 128 + the signal. Stopped before the chosen command runs, which
/// handles signals its own way. `reflect`'s form uses it too.
pub(super) struct Watch {
    handle: signal_hook::iterator::Handle,
    thread: std::thread::JoinHandle<()>,
}

impl Watch {
    pub(super) fn start() -> io::Result<Self> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let saved = rustix::termios::tcgetattr(io::stdin()).ok();
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT])?;
        let handle = signals.handle();
        let thread = std::thread::spawn(move || {
            // Several may be pending at once: console answers the EINTR a
            // SIGTERM or SIGHUP causes by raising SIGINT, so SIGINT is
            // reported only when it came alone.
            let pending: Vec<i32> = signals.wait().collect();
            let first_other = pending.iter().copied().find(|&s| s != SIGINT);
            if let Some(sig) = first_other.or(pending.first().copied()) {
                if let Some(termios) = &saved {
                    let now = rustix::termios::OptionalActions::Now;
                    let _ = rustix::termios::tcsetattr(io::stdin(), now, termios);
                }
                let _ = crossterm::execute!(io::stderr(), crossterm::cursor::Show);
                crate::exit::by_signal(sig);
            }
        });
        Ok(Self { handle, thread })
    }

    /// Stops watching: the command about to run handles signals itself.
    pub(super) fn stop(self) {
        self.handle.close();
        self.join();
    }

    /// Waits for the thread (which exits the process once a signal came).
    pub(super) fn join(self) {
        let _ = self.thread.join();
    }
}

/// Asks until a command is known; `None` means quit.
fn choose(ctx: &Context, theme: &dyn Theme, config: &Config) -> dialoguer::Result<Option<Command>> {
    let Some(entry) = Select::with_theme(theme)
        .with_prompt("What would you like to do?")
        .items(ENTRIES)
        .default(0)
        .interact_opt()?
    else {
        return Ok(None);
    };
    let entry = Entry::at(entry);
    match entry {
        Entry::Daily => return parsed(vec!["hotseat".into(), "daily".into()], config),
        Entry::Rehearse => return rehearse(theme, config),
        Entry::Reflect => return parsed(vec!["hotseat".into(), "reflect".into()], config),
        Entry::Stats => return parsed(vec!["hotseat".into(), "stats".into()], config),
        Entry::Review => return parsed(vec!["hotseat".into(), "review".into()], config),
        Entry::Quit => return Ok(None),
        Entry::Drill | Entry::Browse => {}
    }
    // A broken user bank is reported by the command itself, with its
    // file and line; the menu then offers only what it could load.
    let catalog = Catalog::load_for_home(&ctx.home, &ctx.extra_banks).ok();
    let banks = catalog.as_ref().map_or(&[][..], |c| &c.banks[..]);
    let labels: Vec<String> = banks
        .iter()
        .map(|b| format!("{} ({} questions)", clean(&b.title), b.questions.len()))
        .collect();
    match entry {
        Entry::Drill => {
            let picked = if labels.is_empty() {
                Vec::new()
            } else {
                let Some(picked) = MultiSelect::with_theme(theme)
                    .with_prompt("Categories (Space to pick, Enter to go; none picked = all)")
                    .items(&labels)
                    .interact_opt()?
                else {
                    return Ok(None);
                };
                picked
            };
            // Read as text and checked by the same function as `--count`,
            // so the menu accepts exactly what the command line does.
            let count: String = Input::with_theme(theme)
                .with_prompt("How many questions?")
                .default("5".to_string())
                .validate_with(|s: &String| parse_count(s).map(drop))
                .interact_text()?;
            let mut args = vec!["hotseat".to_string(), "drill".to_string()];
            args.extend(["--count".to_string(), count.trim().to_string()]);
            let categories: Vec<&str> = picked
                .iter()
                .filter_map(|&i| banks.get(i))
                .map(|b| b.category.as_str())
                .collect();
            if !categories.is_empty() {
                args.extend(["--category".to_string(), categories.join(",")]);
            }
            parsed(args, config)
        }
        Entry::Browse if !labels.is_empty() => {
            let Some(i) = Select::with_theme(theme)
                .with_prompt("Which bank?")
                .items(&labels)
                .default(0)
                .interact_opt()?
            else {
                return Ok(None);
            };
            Ok(banks.get(i).map(|b| {
                Command::Banks(BanksCommand::Show {
                    category: b.category.clone(),
                    json: false,
                    company: None,
                    role: None,
                })
            }))
        }
        // Browsing with no loadable banks: let `banks list` report why.
        Entry::Browse => Ok(Some(Command::Banks(BanksCommand::List { json: false }))),
        _ => Ok(None),
    }
}

/// The rehearsal's questions: company and role (Enter for none) and the
/// budget, checked as `--minutes` checks it.
fn rehearse(theme: &dyn Theme, config: &Config) -> dialoguer::Result<Option<Command>> {
    let company: String = Input::with_theme(theme)
        .with_prompt("Company (Enter for none)")
        .allow_empty(true)
        .interact_text()?;
    let role: String = Input::with_theme(theme)
        .with_prompt("Role (Enter for none)")
        .allow_empty(true)
        .interact_text()?;
    let minutes: String = Input::with_theme(theme)
        .with_prompt("Minutes of answer time")
        .default("30".to_string())
        .validate_with(|s: &String| {
            Cli::try_parse_from(["hotseat", "rehearse", "--minutes", s.trim()])
                .map(drop)
                .map_err(|_| "a whole number of minutes from 1 to 600".to_string())
        })
        .interact_text()?;
    let mut args = vec![
        "hotseat".to_string(),
        "rehearse".to_string(),
        "--minutes".to_string(),
        minutes.trim().to_string(),
    ];
    for (flag, value) in [("--company", company), ("--role", role)] {
        // `--flag=value`: a value starting with '-' is still a value.
        if !value.trim().is_empty() {
            args.push(format!("{flag}={}", value.trim()));
        }
    }
    parsed(args, config)
}
