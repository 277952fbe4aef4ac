//! The speaker command for `--speak`: gets the question's text on its
//! standard input and reads it aloud, run with `sh -c`. Which one:
//! `--speaker CMD`, else `$HOTSEAT_SPEAKER`, else the first installed of
//! [`CANDIDATES`]. The think clock starts when it has finished (or was
//! interrupted by a key).

use std::io::{self, Write as _};
use std::process::Stdio;

use super::process::{Helper, Stderr, describe, installed, program_of};

/// Environment variable naming the speaker command.
pub const ENV: &str = "HOTSEAT_SPEAKER";
/// Speakers tried when none is set, in order (each reads standard input).
pub const CANDIDATES: [&str; 3] = ["espeak-ng", "espeak", "say"];

/// Why no speaker could be used.
#[derive(Debug, thiserror::Error)]
pub enum SpeakerError {
    /// The chosen command's program is not installed.
    #[error(
        "the speaker command `{command}` (from {from}) cannot run: {program} is not installed; \
         fix it or choose another with --speaker CMD (it gets the question on its standard input)"
    )]
    Missing {
        /// The command.
        command: String,
        /// `--speaker` or `$HOTSEAT_SPEAKER`.
        from: &'static str,
        /// Its program.
        program: String,
    },
    /// None of the candidates is installed.
    #[error(
        "--speak needs a speaker command, and none of {} is installed: install espeak-ng, or \
         give one that reads the question from its standard input with --speaker CMD (or set \
         HOTSEAT_SPEAKER)",
        CANDIDATES.join(", ")
    )]
    NoneFound,
}

/// Picks the speaker: `flag`, else `env` (empty = unset), else the first
/// installed candidate. An explicit command's program must be installed.
pub fn resolve(flag: Option<&str>, env: Option<String>) -> Result<String, SpeakerError> {
    let chosen = match (flag.filter(|f| !f.trim().is_empty()), env) {
        (Some(f), _) => Some((f.to_string(), "--speaker")),
        (None, Some(e)) if !e.trim().is_empty() => Some((e, "$HOTSEAT_SPEAKER")),
        _ => None,
    };
    match chosen {
        Some((command, from)) => {
            let program = program_of(&command).unwrap_or_default().to_string();
            // Shell builtins (`cat > x`'s cat is not one, `:` is) and paths
            // are checked as the shell would find them.
            if installed(&program) || is_builtin(&program) {
                Ok(command)
            } else {
                Err(SpeakerError::Missing {
                    command,
                    from,
                    program,
                })
            }
        }
        None => CANDIDATES
            .iter()
            .find(|c| installed(c))
            .map(std::string::ToString::to_string)
            .ok_or(SpeakerError::NoneFound),
    }
}

/// A few shell builtins a stand-in speaker may start with.
fn is_builtin(program: &str) -> bool {
    matches!(
        program,
        ":" | "true" | "false" | "read" | "exec" | "{" | "("
    )
}

/// A question being read aloud.
#[derive(Debug)]
pub struct Speaking {
    helper: Helper,
    stderr: Stderr,
}

impl Speaking {
    /// Starts `command` with `text` (and a newline) on its standard input.
    pub fn start(command: &str, text: &str) -> io::Result<Self> {
        let mut helper =
            Helper::spawn(command, &[], Stdio::piped(), Stdio::null(), Stdio::piped())?;
        let stderr = Stderr::collect(helper.child().stderr.take());
        if let Some(mut stdin) = helper.child().stdin.take() {
            let text = format!("{text}\n");
            // On a thread: a speaker that does not read must not block us.
            // Closing stdin (dropping it) is the end of the text.
            let _ = std::thread::Builder::new()
                .name("hotseat-speaker-stdin".into())
                .spawn(move || {
                    let _ = stdin.write_all(text.as_bytes());
                });
        }
        Ok(Self { helper, stderr })
    }

    /// `Some` once it has finished: `Ok` or why it failed.
    pub fn done(&mut self) -> io::Result<Option<Result<(), SpeakerFailed>>> {
        Ok(self.helper.try_status()?.map(|s| {
            if s.success() || self.helper.was_stopped() {
                Ok(())
            } else {
                Err(SpeakerFailed(match self.stderr.last_line() {
                    Some(line) => format!("{}: {line}", describe(s)),
                    None => describe(s),
                }))
            }
        }))
    }

    /// Stops it (a key interrupted the reading). Idempotent.
    pub fn stop(&mut self) {
        self.helper.stop();
    }
}

/// The speaker command exited with an error: its status and last error
/// line. A runtime failure: the user asked to hear the questions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the speaker command failed: {0}")]
pub struct SpeakerFailed(pub String);

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn an_explicit_speaker_must_be_installed() {
        let err = resolve(Some("hotseat-no-such-speaker -v en"), None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("hotseat-no-such-speaker is not installed"),
            "{err}"
        );
        assert!(err.contains("(from --speaker)"), "{err}");
        assert_eq!(
            resolve(None, Some("cat > /dev/null".into())).unwrap(),
            "cat > /dev/null"
        );
    }

    #[test]
    fn the_speaker_gets_the_question_on_its_standard_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("said");
        let mut s = Speaking::start(&format!("cat > {}", out.display()), "Why us?").unwrap();
        let until = Instant::now() + Duration::from_secs(5);
        let result = loop {
            if let Some(r) = s.done().unwrap() {
                break r;
            }
            assert!(Instant::now() < until);
            std::thread::sleep(Duration::from_millis(5));
        };
        assert_eq!(result, Ok(()));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "Why us?\n");
    }
}
