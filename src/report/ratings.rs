//! Self-ratings given after the fact (`rating` records) attached to the
//! answers they rate: same session, question and answer time; the last
//! rating in file order wins over the answer's own and earlier ones.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::drill::{AnswerRecord, Rating, Stamp};

/// A 64-bit digest of the answer a rating names (session, question, time
/// to the millisecond), for matching many answers without keeping their
/// strings. `DefaultHasher::new()` has fixed keys: the same every run.
#[must_use]
pub fn answer_key(session: &str, question: &str, at: &Stamp) -> u64 {
    let mut h = DefaultHasher::new();
    session.hash(&mut h);
    question.hash(&mut h);
    at.instant.as_millisecond().hash(&mut h);
    h.finish()
}

/// Ratings by the answer they rate, the last one of each kept.
#[derive(Debug, Default)]
pub struct Ratings {
    by_answer: HashMap<(String, String, i64), u8>,
}

impl Ratings {
    /// None yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes one rating record (later ones replace earlier ones).
    pub fn add(&mut self, r: &Rating) {
        self.by_answer.insert(
            (
                r.session.clone(),
                r.question.clone(),
                r.answer_at.instant.as_millisecond(),
            ),
            r.rating,
        );
    }

    /// Whether there are none (then attaching is free).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_answer.is_empty()
    }

    /// The rating given to `a` afterwards, if any.
    #[must_use]
    pub fn for_answer(&self, a: &AnswerRecord) -> Option<u8> {
        if self.by_answer.is_empty() {
            return None;
        }
        self.by_answer
            .get(&(
                a.session.clone(),
                a.question.clone(),
                a.at.instant.as_millisecond(),
            ))
            .copied()
    }

    /// The ratings by [`answer_key`] of the answer they rate.
    #[must_use]
    pub fn by_key(&self) -> HashMap<u64, u8> {
        self.by_answer
            .iter()
            .map(|((session, question, ms), r)| {
                let mut h = DefaultHasher::new();
                session.hash(&mut h);
                question.hash(&mut h);
                ms.hash(&mut h);
                (h.finish(), *r)
            })
            .collect()
    }

    /// Sets each answer's `rating` to the one given afterwards, if any.
    pub fn attach(&self, answers: &mut [AnswerRecord]) {
        for a in answers {
            if let Some(r) = self.for_answer(a) {
                a.rating = Some(r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::Stamp;
    use crate::drill::record::VERSION;

    #[test]
    fn the_last_rating_of_the_same_answer_wins() {
        let at = Stamp::parse("2026-12-01T10:00:00.000+01:00").unwrap();
        let answer = |session: &str| AnswerRecord {
            v: VERSION,
            session: session.into(),
            question: "w/q".into(),
            at,
            rating: Some(5),
            ..Default::default()
        };
        let rating = |session: &str, rating: u8, when: &str| Rating {
            v: VERSION,
            session: session.into(),
            question: "w/q".into(),
            answer_at: Stamp::parse(when).unwrap(),
            rating,
        };
        let mut ratings = Ratings::new();
        ratings.add(&rating("s1", 2, "2026-12-01T09:00:00.000Z"));
        ratings.add(&rating("s1", 3, "2026-12-01T09:00:00.000Z"));
        // Another session's answer of the same moment is not this one.
        ratings.add(&rating("s2", 1, "2026-12-01T09:00:00.000Z"));
        // Another moment of the same session is not this one either.
        ratings.add(&rating("s3", 1, "2026-12-01T09:00:01.000Z"));
        let mut answers = vec![answer("s1"), answer("s3")];
        ratings.attach(&mut answers);
        assert_eq!(answers[0].rating, Some(3));
        assert_eq!(answers[1].rating, Some(5));
    }
}
