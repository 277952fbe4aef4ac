//! Voice activity → timed edges. The `earshot` detector scores each
//! 256-sample frame (16 ms at 16 kHz) from 0 (no voice) to 1 (voice); the
//! scores are smoothed here into speech and silence stretches:
//!
//! - a frame is *voiced* when its score is at least [`THRESHOLD`];
//! - speech **begins** after [`ONSET_FRAMES`] voiced frames in a row (a
//!   click or a single noisy frame is not speech), dated at the first of
//!   them;
//! - speech **stops** after [`HANGOVER_FRAMES`] unvoiced frames in a row
//!   (one quiet frame between syllables is not a pause), dated at the
//!   first of them.
//!
//! - the first [`WARMUP_FRAMES`] frames are scored (the detector needs
//!   them to settle) but never count as voiced: measured here, a
//!   detector started on steady background noise reports ~100 ms of
//!   "voice" before it settles, which would end the think time at once.
//!   Speech begun within them is dated at their end (≤ 256 ms late).
//!
//! Edges are dated back to where their run began, so the lengths of
//! silences are not biased by the smoothing; the price is that an edge is
//! only known a few frames after it happened. [`Vad::settled`] says up to
//! which sample every edge is known; the caller must not tell the engine
//! that time has passed beyond it (the engine never moves backwards).
//! Time is the sample count, never the wall clock.

/// Samples per frame the detector takes (16 ms at 16 kHz).
pub const FRAME: usize = 256;
/// Score at or above which a frame counts as voiced (earshot's suggested
/// default).
pub const THRESHOLD: f32 = 0.5;
/// Voiced frames in a row before speech counts as begun (48 ms).
pub const ONSET_FRAMES: u32 = 3;
/// Unvoiced frames in a row before speech counts as stopped (192 ms).
pub const HANGOVER_FRAMES: u32 = 12;
/// Frames at the start of a stream that never count as voiced (256 ms).
pub const WARMUP_FRAMES: u64 = 16;

/// A change between speech and silence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Speech began.
    Speech,
    /// Speech stopped.
    Silence,
}

/// Scores one frame of [`FRAME`] samples: 0 = no voice, 1 = voice.
pub trait Scorer {
    /// The frame's voice score.
    fn score(&mut self, frame: &[i16]) -> f32;
}

/// The `earshot` neural detector (pure Rust, ~8 KiB of state).
pub struct Earshot(Box<earshot::Detector>);

impl std::fmt::Debug for Earshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Earshot")
    }
}

impl Default for Earshot {
    fn default() -> Self {
        Self(earshot::Detector::default_boxed())
    }
}

impl Scorer for Earshot {
    fn score(&mut self, frame: &[i16]) -> f32 {
        self.0.predict_i16(frame)
    }
}

/// The smoothed detector: samples in, `(sample index, Edge)` out.
#[derive(Debug)]
pub struct Vad<S: Scorer = Earshot> {
    scorer: S,
    /// Samples of a frame not yet complete.
    partial: Vec<i16>,
    /// Samples in complete frames so far.
    framed: u64,
    speaking: bool,
    /// Frames in a row that disagree with `speaking`.
    run: u32,
    /// Where that run began (a sample index).
    run_start: u64,
    /// Root mean square of the last frame, 0–1 of full scale.
    level: f32,
}

impl Default for Vad<Earshot> {
    fn default() -> Self {
        Self::new(Earshot::default())
    }
}

impl<S: Scorer> Vad<S> {
    /// A detector starting in silence at sample 0.
    pub fn new(scorer: S) -> Self {
        Self {
            scorer,
            partial: Vec::with_capacity(FRAME),
            framed: 0,
            speaking: false,
            run: 0,
            run_start: 0,
            level: 0.0,
        }
    }

    /// Takes `samples` and appends the edges they settled to `out`, each
    /// with the sample index where it happened, in order.
    pub fn push(&mut self, mut samples: &[i16], out: &mut Vec<(u64, Edge)>) {
        while !samples.is_empty() {
            let take = (FRAME - self.partial.len()).min(samples.len());
            self.partial.extend_from_slice(&samples[..take]);
            samples = &samples[take..];
            if self.partial.len() == FRAME {
                let frame = std::mem::take(&mut self.partial);
                self.frame(&frame, out);
                self.partial = frame;
                self.partial.clear();
            }
        }
    }

    /// The stream ended: speech still going stops where its trailing
    /// silence began (if it had begun to fall silent); voiced frames too
    /// few to count as speech are dropped.
    pub fn finish(&mut self, out: &mut Vec<(u64, Edge)>) {
        if self.speaking && self.run > 0 {
            out.push((self.run_start, Edge::Silence));
            self.speaking = false;
        }
        self.run = 0;
    }

    /// Every edge before this sample index has been given out.
    pub fn settled(&self) -> u64 {
        if self.run > 0 {
            self.run_start
        } else {
            self.framed
        }
    }

    /// Samples taken so far, a partial frame included: the audio's clock.
    pub fn samples(&self) -> u64 {
        self.framed + self.partial.len() as u64
    }

    /// Whether speech is going on (as far as settled).
    pub fn speaking(&self) -> bool {
        self.speaking
    }

    /// Loudness of the last frame, 0–1 of full scale (for a level meter).
    pub fn level(&self) -> f32 {
        self.level
    }

    fn frame(&mut self, frame: &[i16], out: &mut Vec<(u64, Edge)>) {
        let start = self.framed;
        self.framed += FRAME as u64;
        let sum: f64 = frame.iter().map(|s| f64::from(*s).powi(2)).sum();
        self.level = ((sum / FRAME as f64).sqrt() / 32_768.0) as f32;
        let score = self.scorer.score(frame);
        let voiced = score >= THRESHOLD && start >= WARMUP_FRAMES * FRAME as u64;
        if voiced == self.speaking {
            self.run = 0;
            return;
        }
        if self.run == 0 {
            self.run_start = start;
        }
        self.run += 1;
        let needed = if self.speaking {
            HANGOVER_FRAMES
        } else {
            ONSET_FRAMES
        };
        if self.run >= needed {
            self.speaking = voiced;
            self.run = 0;
            let edge = if voiced { Edge::Speech } else { Edge::Silence };
            out.push((self.run_start, edge));
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Scores a frame 1 when it is loud (any sample over 1 000), else 0:
    /// synthetic streams of "speech" (loud) and "silence" (zeros).
    #[derive(Debug, Default)]
    pub(crate) struct Loud;

    impl Scorer for Loud {
        fn score(&mut self, frame: &[i16]) -> f32 {
            if frame.iter().any(|s| s.unsigned_abs() > 1_000) {
                1.0
            } else {
                0.0
            }
        }
    }

    /// `frames` frames of speech (`true`) or silence.
    pub(crate) fn stream(parts: &[(bool, usize)]) -> Vec<i16> {
        parts
            .iter()
            .flat_map(|&(loud, frames)| {
                std::iter::repeat_n(if loud { 8_000 } else { 0 }, frames * FRAME)
            })
            .collect()
    }

    fn edges(samples: &[i16], chunk: usize) -> Vec<(u64, Edge)> {
        let mut vad = Vad::new(Loud);
        let mut out = Vec::new();
        for part in samples.chunks(chunk) {
            vad.push(part, &mut out);
            assert!(out.iter().all(|(at, _)| *at <= vad.settled()));
        }
        vad.finish(&mut out);
        out
    }

    #[test]
    fn edges_are_dated_at_the_start_of_their_run_whatever_the_chunking() {
        let s = stream(&[(false, 20), (true, 20), (false, 50), (true, 5), (false, 3)]);
        let want = vec![
            (20 * 256, Edge::Speech),
            (40 * 256, Edge::Silence),
            (90 * 256, Edge::Speech),
            (95 * 256, Edge::Silence),
        ];
        for chunk in [1, 100, 256, 1_000, 100_000] {
            assert_eq!(edges(&s, chunk), want, "chunk {chunk}");
        }
    }

    #[test]
    fn short_blips_and_short_gaps_are_smoothed_away() {
        // Two voiced frames are a click; eleven quiet ones a breath.
        let s = stream(&[
            (false, 20),
            (true, 2),
            (false, 10),
            (true, 10),
            (false, 11),
            (true, 10),
        ]);
        assert_eq!(
            edges(&s, 512),
            vec![(32 * 256, Edge::Speech)],
            "speech still going at the end has no silence edge"
        );
    }

    #[test]
    fn nothing_is_voiced_during_the_warm_up() {
        // Voice from the first sample is dated at the warm-up's end.
        let s = stream(&[(true, 30)]);
        assert_eq!(edges(&s, 256), vec![(WARMUP_FRAMES * 256, Edge::Speech)]);
        // A start-up blip inside the warm-up is nothing at all.
        let s = stream(&[(true, 8), (false, 30)]);
        assert!(edges(&s, 256).is_empty());
    }

    #[test]
    fn settled_holds_back_while_a_run_is_undecided() {
        let mut vad = Vad::new(Loud);
        let mut out = Vec::new();
        vad.push(&stream(&[(false, 20), (true, 2)]), &mut out);
        assert!(out.is_empty());
        assert_eq!(vad.settled(), 20 * 256);
        assert_eq!(vad.samples(), 22 * 256);
        vad.push(&[8_000; 10], &mut out);
        assert_eq!(vad.samples(), 22 * 256 + 10);
        vad.push(&[8_000; 246], &mut out);
        assert_eq!(out, vec![(20 * 256, Edge::Speech)]);
        assert_eq!(vad.settled(), 23 * 256);
        assert!(vad.speaking());
        assert!(vad.level() > 0.2);
    }

    #[test]
    fn earshot_hears_no_speech_in_soft_noise_or_silence() {
        let mut vad = Vad::default();
        let mut out = Vec::new();
        // White noise at about 1.5% of full scale (the fixtures' level) (a fixed generator), as a
        // microphone's hiss from its first sample.
        let mut x: u32 = 12_345;
        let noise: Vec<i16> = (0..32_000)
            .map(|_| {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                ((x >> 16) as i16) / 64
            })
            .collect();
        vad.push(&noise, &mut out);
        vad.finish(&mut out);
        assert!(out.is_empty(), "{out:?}");
        let mut vad = Vad::default();
        vad.push(&vec![0; 32_000], &mut out);
        vad.finish(&mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}
