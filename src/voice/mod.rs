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

/// Samples per second the recorder must deliver.
pub const SAMPLE_RATE: u32 = 16_000;

/// The audio time of `samples`, in whole milliseconds (truncated): the one
/// conversion from the sample count to the engine's clock.
pub fn ms_of(samples: u64) -> u64 {
    samples.saturating_mul(1_000) / u64::from(SAMPLE_RATE)
}

/// The audio time of `samples` as a duration, truncated to the millisecond
/// (what the engine keeps anyway).
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
