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
use crate::cli::{BanksCommand, Cli, Command};
use crate::term::sanitize::clean;

/// The menu's entries, in order.
const ENTRIES: [&str; 3] = [
    "Custom drill — choose categories and how many questions",
    "Browse the question banks",
    "Quit",
];

/// Shows the menu and runs the chosen entry.
pub fn run(ctx: &Context) -> anyhow::Result<ExitCode> {
    if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
        Cli::command().print_help()?;
        return Ok(ExitCode::from(2));
    }
    let colorful = ColorfulTheme::default();
    let theme: &dyn Theme = if ctx.color { &colorful } else { &SimpleTheme };
    let watch = Watch::start().context("cannot listen for Ctrl-C and other signals")?;
    let result = choose(ctx, theme);
    if let Err(dialoguer::Error::IO(e)) = &result
        && e.kind() == io::ErrorKind::Interrupted
    {
        // A signal broke into the key read, and console raises SIGINT
        // after it: the watch thread is handling it and ends the process.
        watch.join();
        return Ok(ExitCode::from(130));
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
/// handles signals its own way.
struct Watch {
    handle: signal_hook::iterator::Handle,
    thread: std::thread::JoinHandle<()>,
}

impl Watch {
    fn start() -> io::Result<Self> {
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
                std::process::exit(128 + sig);
            }
        });
        Ok(Self { handle, thread })
    }

    /// Stops watching: the command about to run handles signals itself.
    fn stop(self) {
        self.handle.close();
        self.join();
    }

    /// Waits for the thread (which exits the process once a signal came).
    fn join(self) {
        let _ = self.thread.join();
    }
}

/// Asks until a command is known; `None` means quit.
fn choose(ctx: &Context, theme: &dyn Theme) -> dialoguer::Result<Option<Command>> {
    let Some(entry) = Select::with_theme(theme)
        .with_prompt("What would you like to do?")
        .items(ENTRIES)
        .default(0)
        .interact_opt()?
    else {
        return Ok(None);
    };
    // A broken user bank is reported by the command itself, with its
    // file and line; the menu then offers only what it could load.
    let catalog = Catalog::load_for_home(&ctx.home, &ctx.extra_banks).ok();
    let banks = catalog.as_ref().map_or(&[][..], |c| &c.banks[..]);
    let labels: Vec<String> = banks
        .iter()
        .map(|b| format!("{} ({} questions)", clean(&b.title), b.questions.len()))
        .collect();
    match entry {
        0 => {
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
            let count: u32 = Input::with_theme(theme)
                .with_prompt("How many questions?")
                .default(5)
                .validate_with(|n: &u32| {
                    if (1..=100).contains(n) {
                        Ok(())
                    } else {
                        Err("between 1 and 100")
                    }
                })
                .interact_text()?;
            let mut args = vec!["hotseat".to_string(), "drill".to_string()];
            args.extend(["--count".to_string(), count.to_string()]);
            let categories: Vec<&str> = picked
                .iter()
                .filter_map(|&i| banks.get(i))
                .map(|b| b.category.as_str())
                .collect();
            if !categories.is_empty() {
                args.extend(["--category".to_string(), categories.join(",")]);
            }
            // Parsed by clap so the menu's drill has exactly the defaults
            // of `hotseat drill`.
            let cli = Cli::try_parse_from(args)
                .map_err(|e| dialoguer::Error::IO(io::Error::other(e.to_string())))?;
            Ok(cli.command)
        }
        1 if !labels.is_empty() => {
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
                })
            }))
        }
        // Browsing with no loadable banks: let `banks list` report why.
        1 => Ok(Some(Command::Banks(BanksCommand::List { json: false }))),
        _ => Ok(None),
    }
}
