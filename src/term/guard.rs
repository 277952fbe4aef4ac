//! Getting the terminal back on every exit path: a guard object that owns
//! raw mode and bracketed paste, a panic hook that restores the terminal
//! before the panic message prints, and signal flags (SIGINT, SIGTERM,
//! SIGHUP) that the input loop checks at every wake. Every one of those
//! paths flushes the terminal's input queue before giving the terminal
//! back, so keys typed for hotseat never run in the shell.
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

/// The termination signals a session listens for.
#[cfg(unix)]
const SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
];
#[cfg(not(unix))]
const SIGNALS: [i32; 2] = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];

/// The last termination signal received, if any. Cloning shares the flag.
#[derive(Debug, Clone)]
pub struct Signals {
    last: Arc<AtomicUsize>,
}

impl Signals {
    /// Registers handlers for SIGINT, SIGTERM and SIGHUP that record the
    /// signal's number and do nothing else. They stay registered for the
    /// life of the process (the program ends right after the session).
    pub fn register() -> io::Result<Self> {
        let last = Arc::new(AtomicUsize::new(0));
        for sig in SIGNALS {
            let value = usize::try_from(sig).unwrap_or(0);
            signal_hook::flag::register_usize(sig, Arc::clone(&last), value)?;
        }
        Ok(Self { last })
    }

    /// A flag nobody signals: for tests and for callers that handle
    /// signals themselves.
    pub fn none() -> Self {
        Self {
            last: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// The signal received since registration, if any.
    pub fn pending(&self) -> Option<i32> {
        match self.last.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
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

    #[test]
    fn restore_without_raw_mode_is_a_no_op() {
        // ACTIVE is false: nothing is written and no error comes back, so a
        // second restore (or the panic hook after a normal restore) is safe.
        assert!(restore_terminal().is_ok());
        assert!(restore_terminal().is_ok());
    }
}
