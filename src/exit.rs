//! Every exit status hotseat can end with, decided here and nowhere else:
//! 0 done, 1 a runtime failure, 2 bad input or usage, 128 + N ended by
//! signal N (130 for Ctrl-C), as shells report a job killed by a signal.

use std::process::ExitCode;

/// Finished, including a session ended early by the end of its input.
pub const SUCCESS: u8 = 0;
/// A runtime failure: not the user's doing (a disk error, a recorder that
/// died).
pub const RUNTIME: u8 = 1;
/// Bad input or usage: a wrong flag, a broken bank or config, no terminal
/// where one is needed.
pub const USAGE: u8 = 2;
/// Ctrl-C, reported as SIGINT would be.
pub const CTRL_C: u8 = 130;

/// The status of a process ended by signal `sig`: 128 + the number, the
/// number clamped to 0–127 so the status fits in a byte.
#[must_use]
pub fn signal(sig: i32) -> u8 {
    u8::try_from(128 + sig.clamp(0, 127)).unwrap_or(RUNTIME)
}

/// `code` as the process's exit code.
#[must_use]
pub fn code(code: u8) -> ExitCode {
    ExitCode::from(code)
}

/// Ends the process at once with the status of signal `sig`: only for the
/// signal watchers, after they put the terminal back.
pub fn by_signal(sig: i32) -> ! {
    std::process::exit(i32::from(signal(sig)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_map_to_128_plus_their_number() {
        assert_eq!(signal(2), CTRL_C);
        assert_eq!(signal(15), 143);
        assert_eq!(signal(1), 129);
        assert_eq!(signal(-5), 128);
        assert_eq!(signal(500), 255);
    }
}
