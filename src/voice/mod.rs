//! Voice input and spoken questions, without linking an audio library.
//!
//! Audio comes from a **recorder command** (`sh -c`) writing raw 16 kHz
//! mono signed 16-bit little-endian samples to its standard output
//! ([`recorder`]); questions are read aloud by a **speaker command** that
//! gets the text on its standard input ([`speaker`]). Both run in their own
//! process group and are killed and reaped on every path ([`process`]).
//!
//! The measuring is pure and exact: [`vad`] turns samples into timed
//! speech/silence edges (the `earshot` detector, smoothed), [`listen`]
//! feeds those edges to the engine (`drill::Answer`, where the timing rules
//! live) with the time taken from the **sample count**, so a recording fed
//! through the recorder command gives the same figures as a live answer.
//! [`wav`] keeps an answer's audio for `--keep-audio`.

pub mod listen;
pub mod process;
pub mod recorder;
pub mod speaker;
pub mod vad;
pub mod wav;

pub use listen::Listener;
pub use vad::{Edge, Vad};

use std::path::{Path, PathBuf};

use crate::cli::VoiceArgs;
use crate::drill::InputMode;

/// What a session's voice options resolved to, checked before the first
/// question.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// For `--input voice`: the recorder (probed) and where audio is kept.
    pub voice: Option<VoiceSetup>,
    /// For `--speak`: the speaker command.
    pub speaker: Option<String>,
}

/// What a voice session is set up with.
#[derive(Debug, Clone)]
pub struct VoiceSetup {
    /// The recorder command (probed: it gave audio).
    pub recorder: String,
    /// The speaker command, with `--speak`.
    pub speaker: Option<String>,
    /// `<home>`, with `--keep-audio`.
    pub keep_in: Option<PathBuf>,
    /// Standard input is a terminal: raw mode, keys.
    pub terminal: bool,
}

/// Why the voice options cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// A flag that needs another (exit 2).
    #[error("{0}")]
    Usage(String),
    /// No working recorder.
    #[error(transparent)]
    Recorder(#[from] recorder::RecorderError),
    /// No speaker.
    #[error(transparent)]
    Speaker(#[from] speaker::SpeakerError),
}

/// Resolves the voice options: the speaker (`--speak`: `--speaker`, else
/// `$HOTSEAT_SPEAKER`, else auto-detect) and, for voice input, the
/// recorder (`--recorder`, else `$HOTSEAT_RECORDER`, else the first
/// candidate passing the probe). `terminal`: standard input is one.
pub fn setup(
    args: &VoiceArgs,
    input: InputMode,
    home: &Path,
    terminal: bool,
) -> Result<Setup, SetupError> {
    let voice = input == InputMode::Voice;
    if !voice && (args.recorder.is_some() || args.keep_audio) {
        return Err(SetupError::Usage(
            "--recorder and --keep-audio are for voice answers: add --input voice".into(),
        ));
    }
    if args.speaker.is_some() && !args.speak {
        return Err(SetupError::Usage(
            "--speaker says how to read questions aloud: add --speak".into(),
        ));
    }
    let env = |name: &str| std::env::var(name).ok();
    let speaker = if args.speak {
        Some(speaker::resolve(
            args.speaker.as_deref(),
            env(speaker::ENV),
        )?)
    } else {
        None
    };
    let voice = if voice {
        Some(VoiceSetup {
            recorder: recorder::resolve(args.recorder.as_deref(), env(recorder::ENV))?,
            speaker: speaker.clone(),
            keep_in: args.keep_audio.then(|| home.to_path_buf()),
            terminal,
        })
    } else {
        None
    };
    Ok(Setup { voice, speaker })
}

/// Samples per second the recorder must deliver.
pub const SAMPLE_RATE: u32 = 16_000;

/// The audio time of `samples`, in whole milliseconds (truncated): the one
/// conversion from the sample count to the engine's clock.
#[must_use]
pub fn ms_of(samples: u64) -> u64 {
    samples.saturating_mul(1_000) / u64::from(SAMPLE_RATE)
}

/// The audio time of `samples` as a duration, truncated to the millisecond
/// (what the engine keeps anyway).
#[must_use]
pub fn duration_of(samples: u64) -> std::time::Duration {
    std::time::Duration::from_millis(ms_of(samples))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_count_is_the_clock() {
        assert_eq!(ms_of(0), 0);
        assert_eq!(ms_of(15), 0);
        assert_eq!(ms_of(16), 1);
        assert_eq!(ms_of(16_000 * 90), 90_000);
        assert_eq!(ms_of(u64::MAX), u64::MAX / 16_000);
    }
}
