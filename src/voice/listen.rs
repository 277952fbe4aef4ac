//! One voice answer, measured: raw recorder bytes in, the engine's
//! [`Measured`] out. The detector's edges ([`super::vad`]) go to the engine
//! ([`Answer`], where every timing rule lives) as `Speech` and `Silence`
//! events dated by the sample count; keys (Enter, Esc, Tab) are dated at
//! the sample count reached when they came. Pure: no clock, no process, no
//! terminal — the tests feed synthetic sample streams.

use std::time::Duration;

use super::vad::{Earshot, Edge, Scorer, Vad};
use super::{duration_of, ms_of};
use crate::drill::{Answer, AnswerRules, Event, Measured, Phase};

/// A voice answer in progress.
#[derive(Debug)]
pub struct Listener<S: Scorer = Earshot> {
    vad: Vad<S>,
    answer: Answer,
    /// The first byte of a sample split across two reads.
    odd: Option<u8>,
    /// Samples decoded by the last [`Listener::feed_bytes`].
    decoded: Vec<i16>,
    edges: Vec<(u64, Edge)>,
    /// Where the current silence began, once speech has started.
    quiet_from: Option<u64>,
}

impl Listener<Earshot> {
    /// Listens with the `earshot` detector.
    #[must_use]
    pub fn new(rules: AnswerRules) -> Self {
        Self::with_scorer(rules, Earshot::default())
    }
}

impl<S: Scorer> Listener<S> {
    /// Listens with `scorer` deciding which frames are voiced.
    pub fn with_scorer(rules: AnswerRules, scorer: S) -> Self {
        Self {
            vad: Vad::new(scorer),
            answer: Answer::new(rules),
            odd: None,
            decoded: Vec::new(),
            edges: Vec::new(),
            quiet_from: None,
        }
    }

    /// Takes raw signed 16-bit little-endian bytes (a sample may be split
    /// across calls) and returns the samples they made, for keeping.
    pub fn feed_bytes(&mut self, mut bytes: &[u8]) -> &[i16] {
        let mut decoded = std::mem::take(&mut self.decoded);
        decoded.clear();
        if let (Some(lo), Some((&hi, rest))) = (self.odd, bytes.split_first()) {
            decoded.push(i16::from_le_bytes([lo, hi]));
            self.odd = None;
            bytes = rest;
        }
        let mut pairs = bytes.chunks_exact(2);
        decoded.extend(pairs.by_ref().map(|p| i16::from_le_bytes([p[0], p[1]])));
        if let [b] = pairs.remainder() {
            self.odd = Some(*b);
        }
        self.feed(&decoded);
        self.decoded = decoded;
        &self.decoded
    }

    /// Takes samples; returns the answer's phase (`Done` once a strict
    /// limit was reached in the audio).
    pub fn feed(&mut self, samples: &[i16]) -> Phase {
        self.vad.push(samples, &mut self.edges);
        self.deliver();
        // Only up to where every edge is known: the engine never goes back.
        self.answer.tick(duration_of(self.vad.settled()))
    }

    /// A key's event (Enter = `Submit`, Esc = `Skip`, Tab = `Hint`) at the
    /// sample count reached. `Submit` and `Skip` first settle the detector
    /// (a silence under way is dated where it began).
    pub fn key(&mut self, event: Event) -> Phase {
        let ends = match event {
            Event::Submit => true,
            Event::Skip => self.answer.rules().skip,
            _ => false,
        };
        if ends {
            self.vad.finish(&mut self.edges);
            self.deliver();
        }
        self.answer.feed(self.elapsed(), event)
    }

    /// The recorder's stream ended: the answer ends at its last sample.
    pub fn end(&mut self) -> Phase {
        self.key(Event::Submit)
    }

    /// Audio time so far: the sample count.
    pub fn elapsed(&self) -> Duration {
        duration_of(self.vad.samples())
    }

    /// Samples taken so far.
    pub fn samples(&self) -> u64 {
        self.vad.samples()
    }

    /// The silence going on since speech last stopped, once the answer has
    /// started (for the bar).
    pub fn silence(&self) -> Option<Duration> {
        let from = self.quiet_from?;
        Some(Duration::from_millis(
            ms_of(self.vad.samples()).saturating_sub(ms_of(from)),
        ))
    }

    /// Loudness of the latest frame, 0–1.
    pub fn level(&self) -> f32 {
        self.vad.level()
    }

    /// The answer's phase.
    pub fn phase(&self) -> Phase {
        self.answer.phase()
    }

    /// The measurements once done.
    pub fn measured(&self) -> Option<Measured> {
        self.answer.measured()
    }

    fn deliver(&mut self) {
        for (at, edge) in self.edges.drain(..) {
            let event = match edge {
                Edge::Speech => {
                    self.quiet_from = None;
                    Event::Speech
                }
                Edge::Silence => {
                    self.quiet_from = Some(at);
                    Event::Silence
                }
            };
            self.answer.feed(duration_of(at), event);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::vad::tests::{Loud, stream};
    use super::*;
    use crate::drill::{InputMode, Pause};

    fn rules() -> AnswerRules {
        AnswerRules {
            input: InputMode::Voice,
            limit: Duration::from_secs(90),
            think_target: Duration::from_secs(10),
            pause_threshold: Duration::from_secs(3),
            strict: false,
            skip: true,
        }
    }

    /// Frames of 16 ms: 125 frames = 2 s.
    const S: usize = 125;

    fn bytes(samples: &[i16]) -> Vec<u8> {
        samples.iter().flat_map(|s| s.to_le_bytes()).collect()
    }

    #[test]
    fn a_recording_gives_think_time_pauses_and_length_from_its_samples() {
        // 1.5 s of silence (93.75 frames: use 94 = 1 504 ms), speech 2 s,
        // silence 4 s, speech 2 s, silence 1 s, speech 2 s, silence 0.5 s.
        let s = stream(&[
            (false, 94),
            (true, S),
            (false, 2 * S),
            (true, S),
            (false, S / 2),
            (true, S),
            (false, 31),
        ]);
        let raw = bytes(&s);
        let mut l = Listener::with_scorer(rules(), Loud);
        // Odd-sized reads split samples across calls.
        let mut kept = 0;
        for part in raw.chunks(777) {
            kept += l.feed_bytes(part).len();
        }
        assert_eq!(kept, s.len());
        assert_eq!(l.end(), Phase::Done);
        let m = l.measured().unwrap();
        let frame_ms = |f: u64| f * 256 * 1_000 / 16_000;
        assert_eq!(m.think_ms, frame_ms(94));
        assert_eq!(
            m.pauses,
            vec![Pause {
                at_word: None,
                at_char: None,
                ms: frame_ms(2 * 125),
                at_ms: Some(frame_ms(125)),
            }]
        );
        assert_eq!(m.think_ms + m.answer_ms, ms_of(s.len() as u64));
    }

    #[test]
    fn enter_ends_at_the_sample_count_and_the_open_silence_is_not_a_pause() {
        let mut l = Listener::with_scorer(rules(), Loud);
        l.feed(&stream(&[(false, 20), (true, S), (false, 3 * S)]));
        assert_eq!(l.silence(), Some(Duration::from_secs(6)));
        assert_eq!(l.key(Event::Submit), Phase::Done);
        let m = l.measured().unwrap();
        assert!(m.pauses.is_empty());
        assert_eq!(m.think_ms, 320);
        assert_eq!(m.think_ms + m.answer_ms, ms_of(((20 + 4 * S) * 256) as u64));
    }

    #[test]
    fn a_strict_limit_is_reached_in_the_audio_not_the_wall_clock() {
        let mut l = Listener::with_scorer(
            AnswerRules {
                strict: true,
                limit: Duration::from_secs(2),
                ..rules()
            },
            Loud,
        );
        assert_eq!(l.feed(&stream(&[(true, S - 1)])), Phase::Answering);
        assert_eq!(l.feed(&stream(&[(true, 2)])), Phase::Done);
        let m = l.measured().unwrap();
        assert!(m.overran);
        assert_eq!(m.think_ms + m.answer_ms, 2_000);
        // Audio after the cut changes nothing.
        l.feed(&stream(&[(false, S)]));
        assert_eq!(l.measured().unwrap(), m);
    }

    #[test]
    fn esc_skips_and_silence_only_is_a_blank_answer() {
        let mut l = Listener::with_scorer(rules(), Loud);
        l.feed(&stream(&[(false, S)]));
        assert_eq!(l.silence(), None);
        assert_eq!(l.end(), Phase::Done);
        let m = l.measured().unwrap();
        assert_eq!((m.think_ms, m.answer_ms), (2_000, 0));
        let mut s = Listener::with_scorer(rules(), Loud);
        s.feed(&stream(&[(true, S)]));
        assert_eq!(s.key(Event::Skip), Phase::Done);
        assert!(s.measured().unwrap().skipped);
    }
}
