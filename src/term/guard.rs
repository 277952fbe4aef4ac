//! Getting the terminal back on every exit path: a guard object that owns
//! raw mode and bracketed paste, a panic hook that restores the terminal
//! before the panic message prints, signal flags (SIGINT, SIGTERM, SIGHUP,
//! SIGQUIT) that the input loop checks at every wake, and a watch that
//! turns a hang-up into plain "no input" so no read can spin on it. Every
//! one of those paths flushes the terminal's input queue before giving the
//! terminal back, so keys typed for hotseat never run in the shell.
//!
//! No signal handler here does any I/O: the handlers only store the signal
//! number in an atomic; the loop that notices it ends the session and lets
//! the guard restore the terminal on the normal path.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crossterm::{cursor, event, execute, terminal};

/// Whether this process currently has the terminal in raw mode; read by
/// the panic hook so that a panic outside a drill prints nothing extra.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into raw mode with bracketed paste for as long as it
/// lives; dropping it (or [`TerminalGuard::restore`]) puts it back.
#[derive(Debug)]
pub struct TerminalGuard {
    restored: bool,
}

impl TerminalGuard {
    /// Enables raw mode and bracketed paste. If enabling fails half-way the
    /// part already done is undone before the error is returned.
    pub fn new() -> io::Result<Self> {
        watch_for_hangup();
        terminal::enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let guard = Self { restored: false };
        if escapes_understood() {
            execute!(io::stdout(), event::EnableBracketedPaste)?;
        }
        Ok(guard)
    }

    /// Restores the terminal now (bracketed paste off, cursor shown, raw
    /// mode off). Calling it again, or dropping the guard afterwards, does
    /// nothing.
    pub fn restore(&mut self) -> io::Result<()> {
        if self.restored {
            return Ok(());
        }
        self.restored = true;
        restore_terminal()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        // Nothing useful can be done with an error while dropping; the
        // explicit `restore` reports it on the normal path.
        let _ = self.restore();
    }
}

/// Undoes everything [`TerminalGuard::new`] and the countdown may have done.
/// Every step runs even if an earlier one fails, so a closed stdout cannot
/// leave raw mode on.
fn restore_terminal() -> io::Result<()> {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    // Keys typed ahead (after a strict cut, after Ctrl-C, while the last
    // feedback printed) were meant for hotseat: thrown away while raw mode
    // still holds them, so the shell never runs them. A terminal that is
    // gone cannot be flushed, and that must not stop the rest.
    let _ = super::input::discard_typeahead();
    let escapes = if escapes_understood() {
        let mut out = io::stdout();
        execute!(out, event::DisableBracketedPaste, cursor::Show).and_then(|()| out.flush())
    } else {
        Ok(())
    };
    let raw = terminal::disable_raw_mode();
    escapes.and(raw)
}

/// Whether standard output is a terminal that understands escape
/// sequences: a dumb terminal would print them as text, so bracketed paste
/// is neither asked of it nor undone.
fn escapes_understood() -> bool {
    io::stdout().is_terminal() && !super::countdown::dumb_terminal()
}

/// Installs (once) a panic hook that restores the terminal and only then
/// runs the previous hook, so the panic message lands on a sane terminal.
pub fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = restore_terminal();
            previous(info);
        }));
    });
}

/// Starts (once) a thread that waits for standard input to hang up
/// (window closed, ssh dropped) and then puts an empty pipe in its place.
///
/// Why: crossterm's reader loops forever on the zero-byte (or `EIO`)
/// reads of a hung-up terminal. The input loop asks it for events only
/// after its own `poll(2)` said a key is waiting, but a hang-up can land
/// between that poll and crossterm's read. With the pipe in place, every
/// read of standard input says "nothing yet" instead: crossterm returns,
/// and the input loop's next wait sees that standard input is no longer a
/// terminal and ends the session as for SIGHUP. The pipe's write end is
/// kept open, so its reads never report end-of-file either.
#[cfg(unix)]
fn watch_for_hangup() {
    use rustix::event::{PollFd, PollFlags, poll};
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let watch = move || {
            let stdin = io::stdin();
            loop {
                // No events asked for: poll still reports a hang-up, an
                // error or a closed descriptor, and nothing else, so keys
                // waiting to be read never wake this thread.
                let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
                match poll(&mut fds, None) {
                    Ok(_) if !fds[0].revents().is_empty() => break,
                    Ok(_) | Err(rustix::io::Errno::INTR) => {}
                    Err(_) => return,
                }
            }
            let flags = rustix::pipe::PipeFlags::NONBLOCK | rustix::pipe::PipeFlags::CLOEXEC;
            if let Ok((read, write)) = rustix::pipe::pipe_with(flags)
                && rustix::stdio::dup2_stdin(&read).is_ok()
            {
                // Held for the life of the process (see above).
                std::mem::forget(write);
            }
        };
        // Without the thread the old behaviour remains: not worth failing for.
        let _ = std::thread::Builder::new()
            .name("hotseat-hangup".into())
            .spawn(watch);
    });
}

#[cfg(not(unix))]
fn watch_for_hangup() {}

/// The termination signals a session listens for. SIGQUIT (Ctrl-\\ in a
/// cooked terminal) would otherwise dump core with the terminal raw.
#[cfg(unix)]
const SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGQUIT,
];
#[cfg(not(unix))]
const SIGNALS: [i32; 2] = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];

/// The last termination signal received, if any. Cloning shares the flag.
#[derive(Debug, Clone)]
pub struct Signals {
    last: Arc<AtomicUsize>,
}

/// The one flag the handlers store into, once they are registered: they
/// stay for the life of the process, so they are registered only once
/// (the menu runs session after session in one process).
static REGISTERED: std::sync::Mutex<Option<Arc<AtomicUsize>>> = std::sync::Mutex::new(None);

/// The signal a flag's value records (0: none).
fn signal_of(n: usize) -> Option<i32> {
    match n {
        0 => None,
        n => i32::try_from(n).ok(),
    }
}

impl Signals {
    /// Listens for SIGINT, SIGTERM, SIGHUP and SIGQUIT from now on: the
    /// handlers (registered the first time, then kept) record the signal's
    /// number and do nothing else. A signal already recorded is kept, not
    /// forgotten: once the handlers stay, one that came while a later
    /// command got ready (the menu's daily practice reading the history)
    /// is the only word of it, and its session must end at once. What an
    /// earlier session left is for the caller to clear before the next
    /// command ([`take_left_over`](Self::take_left_over)).
    pub fn register() -> io::Result<Self> {
        let mut slot = REGISTERED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let last = if let Some(last) = &*slot {
            Arc::clone(last)
        } else {
            let last = Arc::new(AtomicUsize::new(0));
            for sig in SIGNALS {
                let value = usize::try_from(sig).unwrap_or(0);
                signal_hook::flag::register_usize(sig, Arc::clone(&last), value)?;
            }
            *slot = Some(Arc::clone(&last));
            last
        };
        Ok(Self { last })
    }

    /// Once a session has registered the handlers, a termination signal no
    /// longer ends the process by itself: it is only recorded. This takes
    /// what was recorded since the last call (or registration), so that a
    /// caller running other work in the same process (the menu) can end
    /// with it instead of losing it. `None` if nothing came or nothing was
    /// ever registered (then signals keep their default action).
    #[must_use]
    pub fn take_left_over() -> Option<i32> {
        let slot = REGISTERED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        signal_of(slot.as_ref()?.swap(0, Ordering::SeqCst))
    }

    /// A flag nobody signals: for tests and for callers that handle
    /// signals themselves.
    #[must_use]
    pub fn none() -> Self {
        Self {
            last: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// The signal received since registration, if any.
    #[must_use]
    pub fn pending(&self) -> Option<i32> {
        signal_of(self.last.load(Ordering::SeqCst))
    }

    /// Records `sig` as if it had arrived (tests, and a Ctrl-C read as a
    /// key in raw mode is reported the same way by callers that want to).
    pub fn raise(&self, sig: i32) {
        self.last
            .store(usize::try_from(sig).unwrap_or(0), Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsignalled_flag_reports_nothing_until_raised() {
        let s = Signals::none();
        assert_eq!(s.pending(), None);
        let shared = s.clone();
        shared.raise(15);
        assert_eq!(s.pending(), Some(15));
    }

    /// The handlers are registered once per process and share one flag;
    /// a signal that came before a later session registers is still
    /// pending for it, and what is left over is taken once.
    #[test]
    fn a_signal_before_a_later_session_is_kept_and_what_is_left_over_is_taken_once() {
        let first = Signals::register().expect("register");
        first.raise(15);
        assert_eq!(Signals::take_left_over(), Some(15));
        assert_eq!(Signals::take_left_over(), None);
        first.raise(1);
        let second = Signals::register().expect("register again");
        assert_eq!(second.pending(), Some(1), "a signal meanwhile is not lost");
        assert_eq!(Signals::take_left_over(), Some(1));
        assert_eq!(
            second.pending(),
            None,
            "taken: the next session starts clean"
        );
        second.raise(3);
        assert_eq!(first.pending(), Some(3), "one flag for the process");
        assert_eq!(Signals::take_left_over(), Some(3));
    }

    #[test]
    fn restore_without_raw_mode_is_a_no_op() {
        // ACTIVE is false: nothing is written and no error comes back, so a
        // second restore (or the panic hook after a normal restore) is safe.
        assert!(restore_terminal().is_ok());
        assert!(restore_terminal().is_ok());
    }
}
