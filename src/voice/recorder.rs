//! The recorder command: raw 16 kHz mono s16le on its standard output,
//! run with `sh -c`. Which one: `--recorder CMD`, else `$HOTSEAT_RECORDER`,
//! else the first of [`candidates`] that passes the start-up probe.
//!
//! It gets `HOTSEAT_QUESTION` (`category/id`) and `HOTSEAT_ANSWER_NUMBER`
//! (1, 2…; 0 for the probe) in its environment, so a script can feed a
//! different recording to each question.

use std::io;
use std::process::{ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use super::process::{Helper, Stderr, describe, installed, program_of};

/// Environment variable naming the recorder command.
pub const ENV: &str = "HOTSEAT_RECORDER";
/// Audio the probe must read before it counts as working (0.25 s).
pub const PROBE_BYTES: usize = 8_000;
/// How long the probe waits for that audio.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(3);
/// A recorder slower than this to give its first audio is mentioned (once).
pub const SLOW_START: Duration = Duration::from_secs(1);
/// How long an ended stream's process gets to exit before it is stopped.
const EXIT_WAIT: Duration = Duration::from_secs(2);

/// The recorders tried when none is set, in order.
#[must_use]
pub fn candidates() -> Vec<&'static str> {
    let sox = if cfg!(target_os = "macos") {
        "sox -q -d -t raw -r 16000 -c 1 -b 16 -e signed-integer -L -"
    } else {
        "rec -q -t raw -r 16000 -c 1 -b 16 -e signed-integer -L -"
    };
    vec![
        "parec --format=s16le --rate=16000 --channels=1",
        "arecord -q -f S16_LE -r 16000 -c 1 -t raw",
        sox,
        "ffmpeg -loglevel error -f pulse -i default -ac 1 -ar 16000 -f s16le -",
    ]
}

/// Why no recorder could be used.
#[derive(Debug, thiserror::Error)]
pub enum RecorderError {
    /// The chosen command failed the probe.
    #[error(
        "the recorder command `{command}` (from {from}) does not work: {reason}.\n\
         It must write raw 16 kHz mono signed 16-bit little-endian audio to its standard output; \
         fix it or choose another with --recorder CMD"
    )]
    Chosen {
        /// The command.
        command: String,
        /// `--recorder` or `$HOTSEAT_RECORDER`.
        from: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// No candidate passed.
    #[error(
        "no working recorder found for voice input; tried:\n{}\n\
         Install one of them (PulseAudio's parec, ALSA's arecord, sox, ffmpeg), or give a command \
         that writes raw 16 kHz mono signed 16-bit little-endian audio to its standard output: \
         --recorder CMD (or set HOTSEAT_RECORDER)",
        .tried.iter().map(|(c, r)| format!("  {c}: {r}")).collect::<Vec<_>>().join("\n")
    )]
    NoneWorks {
        /// Each command with why it failed.
        tried: Vec<(String, String)>,
    },
}

/// Picks the recorder: `flag`, else `env` (empty = unset), else the first
/// candidate that is installed and passes [`probe`].
pub fn resolve(flag: Option<&str>, env: Option<String>) -> Result<String, RecorderError> {
    let chosen = match (flag.filter(|f| !f.trim().is_empty()), env) {
        (Some(f), _) => Some((f.to_string(), "--recorder")),
        (None, Some(e)) if !e.trim().is_empty() => Some((e, "$HOTSEAT_RECORDER")),
        _ => None,
    };
    if let Some((command, from)) = chosen {
        return match probe(&command) {
            Ok(()) => Ok(command),
            Err(reason) => Err(RecorderError::Chosen {
                command,
                from,
                reason: reason.to_string(),
            }),
        };
    }
    let mut tried = Vec::new();
    for command in candidates() {
        let program = program_of(command).unwrap_or(command);
        let result = if installed(program) {
            probe(command)
        } else {
            Err(ProbeFailure::NotInstalled(program.to_string()))
        };
        match result {
            Ok(()) => return Ok(command.to_string()),
            Err(reason) => tried.push((command.to_string(), reason.to_string())),
        }
    }
    Err(RecorderError::NoneWorks { tried })
}

/// Why a recorder command failed its probe (the reason in
/// [`RecorderError`]'s messages).
#[derive(Debug, thiserror::Error)]
pub enum ProbeFailure {
    /// Its program is not on `PATH`.
    #[error("{0} is not installed")]
    NotInstalled(String),
    /// The shell could not start it.
    #[error("cannot be started: {0}")]
    CannotStart(io::Error),
    /// Running, but silent for the whole probe.
    #[error("no audio within {} s", PROBE_TIMEOUT.as_secs())]
    Silent,
    /// Ended cleanly without a byte of audio.
    #[error("it gave no audio")]
    NoAudio,
    /// Exited with an error: its status and last error line.
    #[error("{0}")]
    Failed(String),
    /// Its output pipe failed.
    #[error("its output could not be read: {0}")]
    Unreadable(io::Error),
}

/// Starts `command` once, reads a fraction of a second of audio, stops
/// it. `Err` says why it does not work.
pub fn probe(command: &str) -> Result<(), ProbeFailure> {
    let mut rec = Recording::start(command, "probe", 0).map_err(ProbeFailure::CannotStart)?;
    let until = Instant::now() + PROBE_TIMEOUT;
    let mut got = 0usize;
    loop {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            rec.stop();
            return Err(ProbeFailure::Silent);
        }
        match rec.next(left) {
            Ok(Chunk::Audio(b)) => {
                got += b.len();
                if got >= PROBE_BYTES {
                    rec.stop();
                    return Ok(());
                }
            }
            Ok(Chunk::Pending) => {}
            Ok(Chunk::Ended) => {
                return match rec.finish() {
                    // A short recording played to its end works.
                    Ended::Clean if got > 0 => Ok(()),
                    Ended::Clean => Err(ProbeFailure::NoAudio),
                    Ended::Failed(why) => Err(ProbeFailure::Failed(why)),
                };
            }
            Err(e) => return Err(ProbeFailure::Unreadable(e)),
        }
    }
}

/// What waiting for audio produced.
#[derive(Debug)]
pub enum Chunk {
    /// Raw bytes.
    Audio(Vec<u8>),
    /// Nothing yet.
    Pending,
    /// The stream ended.
    Ended,
}

/// How a recorder's stream ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    /// Exit status 0, or stopped by us.
    Clean,
    /// Exited with an error: why, with its last error line.
    Failed(String),
}

/// A running recorder, its output read on a helper thread.
#[derive(Debug)]
pub struct Recording {
    helper: Helper,
    rx: Receiver<io::Result<Option<Vec<u8>>>>,
    stderr: Stderr,
    started: Instant,
    /// How long the first audio took to come.
    first_audio: Option<Duration>,
    ended: bool,
}

impl Recording {
    /// Starts `command` for answer `number` (0 = the probe) to `question`.
    pub fn start(command: &str, question: &str, number: usize) -> io::Result<Self> {
        let env = [
            ("HOTSEAT_QUESTION", question.to_string()),
            ("HOTSEAT_ANSWER_NUMBER", number.to_string()),
        ];
        let mut helper =
            Helper::spawn(command, &env, Stdio::null(), Stdio::piped(), Stdio::piped())?;
        let stderr = Stderr::collect(helper.child().stderr.take());
        let stdout = helper
            .child()
            .stdout
            .take()
            .ok_or_else(|| io::Error::other("the recorder has no output pipe"))?;
        // Bounded: a recording piped in is read at most this far ahead.
        let (tx, rx) = sync_channel(16);
        std::thread::Builder::new()
            .name("hotseat-recorder".into())
            .spawn(move || read_audio(stdout, &tx))?;
        Ok(Self {
            helper,
            rx,
            stderr,
            started: Instant::now(),
            first_audio: None,
            ended: false,
        })
    }

    /// Waits up to `timeout` for audio.
    pub fn next(&mut self, timeout: Duration) -> io::Result<Chunk> {
        if self.ended {
            return Ok(Chunk::Ended);
        }
        match self.rx.recv_timeout(timeout) {
            Ok(Ok(Some(bytes))) => {
                self.first_audio
                    .get_or_insert_with(|| self.started.elapsed());
                Ok(Chunk::Audio(bytes))
            }
            Ok(Ok(None)) | Err(RecvTimeoutError::Disconnected) => {
                self.ended = true;
                Ok(Chunk::Ended)
            }
            Ok(Err(e)) => {
                self.ended = true;
                Err(e)
            }
            Err(RecvTimeoutError::Timeout) => Ok(Chunk::Pending),
        }
    }

    /// After the stream ended: waits for the process and says whether it
    /// ended cleanly.
    pub fn finish(&mut self) -> Ended {
        let status = self.helper.wait_for(EXIT_WAIT).ok().flatten();
        match status {
            Some(s) if !s.success() && !self.helper.was_stopped() => Ended::Failed(self.failure(s)),
            Some(_) => Ended::Clean,
            None => {
                // Output closed but still running: stop it; nothing lost.
                self.helper.stop();
                Ended::Clean
            }
        }
    }

    /// Why it failed with `status`, with its last error line.
    fn failure(&self, status: ExitStatus) -> String {
        match self.stderr.last_line() {
            Some(line) => format!("{}: {line}", describe(status)),
            None => describe(status),
        }
    }

    /// Its error output so far (untrusted: sanitize before printing).
    #[must_use]
    pub fn stderr(&self) -> String {
        self.stderr.text()
    }

    /// How long it took to give its first audio, once it has.
    #[must_use]
    pub fn startup_delay(&self) -> Option<Duration> {
        self.first_audio
    }

    /// Stops and reaps it (and everything it started). Idempotent.
    pub fn stop(&mut self) {
        self.helper.stop();
    }
}

/// Sends what `pipe` gives, chunk by chunk, then `None` at its end.
fn read_audio(mut pipe: impl io::Read, tx: &SyncSender<io::Result<Option<Vec<u8>>>>) {
    let mut buf = vec![0u8; 4_096];
    loop {
        let msg = match pipe.read(&mut buf) {
            Ok(0) => Ok(None),
            Ok(n) => Ok(Some(buf[..n].to_vec())),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => Err(e),
        };
        let last = !matches!(msg, Ok(Some(_)));
        if tx.send(msg).is_err() || last {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_that_gives_audio_passes_the_probe() {
        assert!(probe("head -c 20000 /dev/zero").is_ok());
        // A short recording that ends cleanly works too.
        assert!(probe("head -c 100 /dev/zero").is_ok());
    }

    #[test]
    fn the_probe_says_why_a_command_fails() {
        let missing = probe("hotseat-no-such-recorder --rate=16000")
            .unwrap_err()
            .to_string();
        assert!(missing.contains("exited with status 127"), "{missing}");
        assert!(missing.contains("not found"), "{missing}");
        let failing = probe("echo 'no sound server' >&2; exit 3").unwrap_err();
        assert_eq!(failing.to_string(), "exited with status 3: no sound server");
        assert!(matches!(probe("true"), Err(ProbeFailure::NoAudio)));
    }

    #[test]
    fn an_explicit_recorder_that_fails_is_named_with_where_it_came_from() {
        let err = resolve(None, Some("exit 1".into()))
            .unwrap_err()
            .to_string();
        assert!(err.contains("`exit 1` (from $HOTSEAT_RECORDER)"), "{err}");
        assert!(err.contains("--recorder CMD"), "{err}");
        // The flag wins over the environment.
        let ok = resolve(Some("head -c 9000 /dev/zero"), Some("exit 1".into())).unwrap();
        assert_eq!(ok, "head -c 9000 /dev/zero");
    }

    #[test]
    fn the_recorder_gets_the_question_and_answer_number() {
        let mut rec = Recording::start(
            "printf '%s %s' \"$HOTSEAT_QUESTION\" \"$HOTSEAT_ANSWER_NUMBER\"",
            "weaknesses/greatest",
            2,
        )
        .unwrap();
        let mut got = Vec::new();
        loop {
            match rec.next(Duration::from_secs(5)).unwrap() {
                Chunk::Audio(b) => got.extend(b),
                Chunk::Pending => panic!("no output"),
                Chunk::Ended => break,
            }
        }
        assert_eq!(String::from_utf8(got).unwrap(), "weaknesses/greatest 2");
        assert_eq!(rec.finish(), Ended::Clean);
    }
}
