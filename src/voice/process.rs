//! A helper command (recorder or speaker) run with `sh -c` in a process
//! group of its own, so that stopping it stops everything it started (a
//! `sh -c 'cat x.raw'` has `cat` as a child) and a Ctrl-C at the terminal
//! reaches hotseat alone. Stopped, killed if need be, and reaped on every
//! path: [`Helper::stop`], or its `Drop` (panics unwind through it).

use std::io;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process_group};

/// How long a helper gets to exit after SIGTERM before SIGKILL.
pub const GRACE: Duration = Duration::from_millis(300);

/// A running helper command.
#[derive(Debug)]
pub struct Helper {
    child: Child,
    /// Its exit status, once reaped.
    status: Option<ExitStatus>,
    /// It was stopped by us (its exit status says nothing about it).
    stopped: bool,
    /// Its group has been swept: never signal that id again (once the
    /// group is empty the number may be reused).
    swept: bool,
}

impl Helper {
    /// Runs `command` with `sh -c` in its own process group, with `env`
    /// added to its environment and the given standard streams.
    pub fn spawn(
        command: &str,
        env: &[(&str, String)],
        stdin: Stdio,
        stdout: Stdio,
        stderr: Stdio,
    ) -> io::Result<Self> {
        use std::os::unix::process::CommandExt as _;
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(command)
            .stdin(stdin)
            .stdout(stdout)
            .stderr(stderr)
            .process_group(0);
        for (k, v) in env {
            cmd.env(k, v);
        }
        Ok(Self {
            child: cmd.spawn()?,
            status: None,
            stopped: false,
            swept: false,
        })
    }

    /// The child process (for its pipes).
    pub fn child(&mut self) -> &mut Child {
        &mut self.child
    }

    /// Its exit status if it has exited (reaped), without waiting.
    pub fn try_status(&mut self) -> io::Result<Option<ExitStatus>> {
        if self.status.is_none() {
            self.status = self.child.try_wait()?;
        }
        Ok(self.status)
    }

    /// Waits up to `timeout` for it to exit on its own.
    pub fn wait_for(&mut self, timeout: Duration) -> io::Result<Option<ExitStatus>> {
        let until = Instant::now() + timeout;
        loop {
            if let Some(status) = self.try_status()? {
                return Ok(Some(status));
            }
            if Instant::now() >= until {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Whether it was stopped by [`Helper::stop`] rather than exiting.
    #[must_use]
    pub fn was_stopped(&self) -> bool {
        self.stopped
    }

    /// Stops the whole group: SIGTERM, then SIGKILL after [`GRACE`], and
    /// reaps the shell. Idempotent. Whatever else is left in the group is
    /// killed too, so nothing it started lives on.
    pub fn stop(&mut self) {
        if self.swept {
            return;
        }
        let pid = Pid::from_child(&self.child);
        if self.try_status().ok().flatten().is_none() {
            self.stopped = true;
            let _ = kill_process_group(pid, Signal::TERM);
            if self.wait_for(GRACE).ok().flatten().is_none() {
                let _ = kill_process_group(pid, Signal::KILL);
                self.status = self.child.wait().ok();
            }
        }
        // The shell may be gone with children of its group still running
        // (it exited, they did not): they go too. ESRCH when none is left.
        let _ = kill_process_group(pid, Signal::KILL);
        self.swept = true;
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Most of a helper's error output kept (its last bytes).
pub const STDERR_KEEP: usize = 4_096;

/// The error output of a helper, collected on a thread as it comes (so a
/// chatty helper never blocks on a full pipe); the last [`STDERR_KEEP`]
/// bytes are kept.
#[derive(Debug, Clone, Default)]
pub struct Stderr(std::sync::Arc<(std::sync::Mutex<Vec<u8>>, std::sync::atomic::AtomicBool)>);

impl Stderr {
    /// Starts collecting from `pipe` (when there is one).
    #[must_use]
    pub fn collect(pipe: Option<std::process::ChildStderr>) -> Self {
        let out = Self::default();
        if let Some(mut pipe) = pipe {
            let buf = out.0.clone();
            let _ = std::thread::Builder::new()
                .name("hotseat-helper-stderr".into())
                .spawn(move || {
                    use std::io::Read as _;
                    let mut chunk = [0u8; 1_024];
                    while let Ok(n @ 1..) = pipe.read(&mut chunk) {
                        let mut b = buf
                            .0
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner);
                        b.extend_from_slice(&chunk[..n]);
                        let extra = b.len().saturating_sub(STDERR_KEEP);
                        b.drain(..extra);
                    }
                    buf.1.store(true, std::sync::atomic::Ordering::Release);
                });
        }
        out
    }

    /// What was collected, trimmed (invalid UTF-8 replaced; still
    /// untrusted: sanitize before printing). Waits a moment for the pipe's
    /// end: a helper that just exited may have written its last words.
    #[must_use]
    pub fn text(&self) -> String {
        let until = Instant::now() + Duration::from_millis(200);
        while !self.0.1.load(std::sync::atomic::Ordering::Acquire) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(2));
        }
        let b = self
            .0
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        String::from_utf8_lossy(&b).trim().to_string()
    }

    /// The last line collected, for a one-line reason.
    pub fn last_line(&self) -> Option<String> {
        let text = self.text();
        text.lines()
            .last()
            .map(str::to_string)
            .filter(|l| !l.is_empty())
    }
}

/// Says how a helper's exit went, in words: "exited with status 1",
/// "was killed by signal 9".
#[must_use]
pub fn describe(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt as _;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exited with status {code}"),
        (None, Some(sig)) => format!("was killed by signal {sig}"),
        _ => "exited".to_string(),
    }
}

/// Whether `program` is found: a path that exists, or a name on `$PATH`.
#[must_use]
pub fn installed(program: &str) -> bool {
    if program.contains('/') {
        return std::path::Path::new(program).is_file();
    }
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            let candidate = dir.join(program);
            candidate.is_file() && is_executable(&candidate)
        })
    })
}

fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
}

/// The program a shell command line starts with (its first word), for
/// checking that it is installed; `None` for an empty command.
#[must_use]
pub fn program_of(command: &str) -> Option<&str> {
    command.split_whitespace().find(|word| !word.contains('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_kills_the_whole_group_and_reaps_it() {
        let dir = tempfile::tempdir().unwrap();
        let pidfile = dir.path().join("pid");
        // The shell waits on a child: killing the shell alone would leave
        // the sleep behind.
        let cmd = format!("sleep 30 & echo $! > {}; wait", pidfile.display());
        let mut h = Helper::spawn(&cmd, &[], Stdio::null(), Stdio::null(), Stdio::null()).unwrap();
        let until = Instant::now() + Duration::from_secs(5);
        while std::fs::read_to_string(&pidfile).map_or(true, |s| !s.ends_with('\n')) {
            assert!(Instant::now() < until, "the helper never started");
            std::thread::sleep(Duration::from_millis(10));
        }
        let sleep: i32 = std::fs::read_to_string(&pidfile)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        h.stop();
        assert!(h.was_stopped());
        assert!(h.try_status().unwrap().is_some(), "the shell was reaped");
        // The grandchild is gone too (reaped by init once killed).
        let until = Instant::now() + Duration::from_secs(5);
        while std::path::Path::new(&format!("/proc/{sleep}/stat")).exists()
            && !std::fs::read_to_string(format!("/proc/{sleep}/stat"))
                .unwrap_or_default()
                .contains(") Z")
        {
            assert!(Instant::now() < until, "sleep {sleep} outlived the stop");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn the_program_is_the_first_word_after_assignments() {
        assert_eq!(program_of("LANG=C espeak-ng -v en"), Some("espeak-ng"));
        assert_eq!(program_of("  "), None);
        assert!(installed("sh"));
        assert!(!installed("hotseat-no-such-program"));
    }
}
