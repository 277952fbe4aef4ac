//! `hotseat` with no arguments on a terminal: a menu (dialoguer) of what
//! there is to do, each entry building its subcommand's options and
//! running the same code as the subcommand. After the command the menu
//! comes back, until Quit or Esc at the top. Without a terminal there is
//! nobody to choose, so the help is printed and the exit code is 2, as for
//! any incomplete command line.
//!
//! Signals: at a menu question Ctrl-C, SIGTERM or SIGHUP end the process
//! with the terminal restored ([`Watch`]). While a command runs it handles
//! them itself: a drill ended by Ctrl-C (its finished answers kept) brings
//! the menu back; one ended by any other signal ends hotseat with it. A
//! command that does not listen for signals, run after a drill (whose
//! handlers stay), ends first and then hotseat ends with the signal.

pub(super) mod ask;
mod browse;
mod entry;
mod forms;

use std::io::{self, IsTerminal, Write as _};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::CommandFactory;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use self::ask::{Ask, Step};
use self::entry::Entry;
use super::Context;
use crate::bank::Catalog;
use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::exit;
use crate::term::guard::Signals;

const SIGINT: i32 = signal_hook::consts::SIGINT;

/// Shows the menu, runs each chosen entry and comes back, until Quit.
pub fn run(ctx: &Context, config: &Config) -> anyhow::Result<ExitCode> {
    if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
        Cli::command().print_help()?;
        return Ok(exit::code(exit::USAGE));
    }
    let colorful = ColorfulTheme::default();
    let theme: &dyn Theme = if ctx.color { &colorful } else { &SimpleTheme };
    let ask = Ask::new(theme);
    loop {
        let Some(command) = choose(ctx, &ask, config)? else {
            return Ok(ExitCode::SUCCESS);
        };
        // Each command starts clean: whatever was recorded before it (a
        // Ctrl-C the menu's key read raised) is not for it. A signal from
        // here on stays recorded until the command's session listens
        // (`Signals::register` keeps it), so it ends that session at once.
        let _ = Signals::take_left_over();
        match super::dispatch(ctx, command) {
            Ok(code) if ended_by_signal(code) => return Ok(code),
            Ok(_) => {}
            // Shown as `hotseat` alone would show it; the menu comes back.
            Err(err) => super::print_error(&err),
        }
        // Once a drill has run, a SIGTERM or a hang-up during a command
        // that does not listen for them (stats, export…) is only recorded:
        // end with it now rather than lose it.
        if let Some(sig) = Signals::take_left_over().filter(|&s| s != SIGINT) {
            return Ok(exit::code(exit::signal(sig)));
        }
        // A line between what the command printed and the menu.
        let _ = writeln!(io::stderr());
    }
}

/// Whether a command's exit `code` says a signal other than Ctrl-C ended
/// it (SIGTERM, SIGHUP, SIGQUIT): then hotseat ends with it. Ctrl-C ends
/// only the drill it was pressed in.
fn ended_by_signal(code: ExitCode) -> bool {
    ![exit::SUCCESS, exit::RUNTIME, exit::USAGE, exit::CTRL_C]
        .into_iter()
        .any(|c| exit::code(c) == code)
}

/// Shows the menu, with signals watched, until an entry gives a command
/// to run (`None`: quit).
fn choose(ctx: &Context, ask: &Ask<'_>, config: &Config) -> anyhow::Result<Option<Command>> {
    let watch = Watch::start().context("cannot listen for Ctrl-C and other signals")?;
    // Keys typed before the menu was on screen (during the command just
    // run, say) are not a choice.
    let _ = crate::term::input::discard_typeahead();
    let result = entries(ctx, ask, config);
    if result.as_ref().is_err_and(interrupted) {
        // A signal broke into the key read, and console raises SIGINT
        // after it: the watch thread is handling it and ends the process.
        watch.join();
        return Ok(None);
    }
    watch.stop();
    // dialoguer hides the cursor while it asks; show it before whatever
    // runs next.
    let _ = crossterm::execute!(io::stderr(), crossterm::cursor::Show);
    result.context("the menu could not be shown")
}

/// Whether `err` is a key read cut short by a signal (or Ctrl-C).
fn interrupted(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io = match cause.downcast_ref::<dialoguer::Error>() {
            Some(dialoguer::Error::IO(e)) => Some(e),
            None => cause.downcast_ref::<io::Error>(),
        };
        io.is_some_and(|e| e.kind() == io::ErrorKind::Interrupted)
    })
}

/// The top of the menu and what each entry asks; Esc in an entry's first
/// question comes back here, Esc here quits.
fn entries(ctx: &Context, ask: &Ask<'_>, config: &Config) -> anyhow::Result<Option<Command>> {
    let labels: Vec<&str> = Entry::ALL.iter().map(|e| e.label()).collect();
    loop {
        let Step::Got(at) = ask.select("What would you like to do?", &labels, 0)? else {
            return Ok(None);
        };
        let step = match Entry::ALL.get(at).copied().unwrap_or(Entry::Quit) {
            Entry::Quit => return Ok(None),
            Entry::Daily => Step::Got(forms::daily(config)?),
            Entry::Stats => Step::Got(forms::stats(config)?),
            Entry::Review => Step::Got(forms::review(config)?),
            Entry::Reflect => Step::Got(forms::reflect(config)?),
            Entry::Rehearse => forms::rehearse(ask, config)?,
            Entry::Drill => match catalog(ctx) {
                Some(catalog) => forms::drill(ask, config, &catalog)?,
                None => Step::Back,
            },
            Entry::Browse => {
                if let Some(catalog) = catalog(ctx) {
                    browse::banks(ask, &catalog)?;
                }
                Step::Back
            }
        };
        match step {
            Step::Got(command) => return Ok(Some(command)),
            // Back from an entry: its answered prompt line goes too.
            Step::Back => ask.term.clear_last_lines(1)?,
        }
    }
}

/// The banks, or `None` after showing why they could not be loaded (a
/// broken user bank: its file and line), so the menu can come back.
fn catalog(ctx: &Context) -> Option<Catalog> {
    match Catalog::load_for_home(&ctx.home, &ctx.extra_banks) {
        Ok(catalog) => Some(catalog),
        Err(err) => {
            super::print_error(&err);
            None
        }
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
    /// This thread's signal mask before SIGWINCH was blocked.
    mask: Option<nix::sys::signal::SigSet>,
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
            // `wait` may also come back empty without a signal; only a
            // closed handle (`stop`) ends the watch.
            let pending: Vec<i32> = loop {
                let pending: Vec<i32> = signals.wait().collect();
                if !pending.is_empty() || signals.is_closed() {
                    break pending;
                }
            };
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
        // Once a drill has run, crossterm's SIGWINCH handler stays: a resize
        // would then cut short the key wait (poll is never restarted), and
        // console answers that by raising SIGINT, ending hotseat with 130.
        // Blocked on this thread, the resize goes to the watch thread
        // (spawned above, so not blocking it) and the wait goes on.
        Ok(Self {
            handle,
            thread,
            mask: block_resizes(),
        })
    }

    /// Stops watching: the command about to run handles signals itself
    /// (a resize meanwhile reaches it as soon as it is unblocked).
    pub(super) fn stop(self) {
        self.handle.close();
        self.join();
    }

    /// Waits for the thread (which exits the process once a signal came).
    pub(super) fn join(self) {
        if let Some(mask) = self.mask {
            let how = nix::sys::signal::SigmaskHow::SIG_SETMASK;
            let _ = nix::sys::signal::pthread_sigmask(how, Some(&mask), None);
        }
        let _ = self.thread.join();
    }
}

/// Blocks SIGWINCH on this thread: the mask before, if that worked.
fn block_resizes() -> Option<nix::sys::signal::SigSet> {
    use nix::sys::signal::{SigSet, SigmaskHow, Signal, pthread_sigmask};
    let mut resize = SigSet::empty();
    resize.add(Signal::SIGWINCH);
    let mut old = SigSet::empty();
    pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&resize), Some(&mut old)).ok()?;
    Some(old)
}
