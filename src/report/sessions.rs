//! The list of sessions in a history, for `hotseat history` and for
//! finding `last` or an unknown id in `review` and `export`: one entry per
//! session id, from its closing record, or — for a session whose closing
//! record never came (a crash) — from its answers, marked interrupted.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::drill::{AnswerRecord, Mode, Record, SessionRecord, Stamp};

/// One session as the history tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// Session id.
    pub session: String,
    /// When it started (its first answer's time without a closing record).
    pub started: Stamp,
    /// Session kind.
    pub mode: Mode,
    /// Answers given.
    pub answered: u32,
    /// Questions skipped.
    pub skipped: u32,
    /// Ended early — or never closed.
    pub interrupted: bool,
    /// Whether its closing record was read.
    pub closed: bool,
    /// A rehearsal's budget, from its closing record.
    pub budget_ms: Option<u64>,
}

/// Gathers [`SessionRow`]s from streamed records.
#[derive(Debug, Default)]
pub struct SessionList {
    rows: Vec<SessionRow>,
    index: HashMap<String, usize>,
}

impl SessionList {
    /// No sessions.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes one record.
    pub fn add(&mut self, record: &Record) {
        match record {
            Record::Session(s) => self.close(s),
            Record::Answer(a) => self.answer(a),
            Record::Rating(_) => {}
        }
    }

    fn slot(&mut self, session: &str, at: Stamp, mode: Mode) -> &mut SessionRow {
        let i = if let Some(&i) = self.index.get(session) {
            i
        } else {
            self.rows.push(SessionRow {
                session: session.to_string(),
                started: at,
                mode,
                answered: 0,
                skipped: 0,
                interrupted: true,
                closed: false,
                budget_ms: None,
            });
            self.index.insert(session.to_string(), self.rows.len() - 1);
            self.rows.len() - 1
        };
        &mut self.rows[i]
    }

    fn close(&mut self, s: &SessionRecord) {
        let row = self.slot(&s.session, s.started, s.mode);
        row.started = s.started;
        row.mode = s.mode;
        row.answered = s.answered;
        row.skipped = s.skipped;
        row.interrupted = s.interrupted;
        row.closed = true;
        row.budget_ms = s.budget_ms;
    }

    fn answer(&mut self, a: &AnswerRecord) {
        let row = self.slot(&a.session, a.at, a.mode);
        if row.closed {
            return;
        }
        row.started = row.started.min(a.at);
        if a.skipped {
            row.skipped += 1;
        } else {
            row.answered += 1;
        }
    }

    /// The sessions, oldest start first (file order for equal starts).
    #[must_use]
    pub fn finish(self) -> Vec<SessionRow> {
        let mut rows = self.rows;
        rows.sort_by_key(|r| r.started.instant);
        rows
    }
}

/// The `history --json` document: `[{ "session", "started", "mode",
/// "answered", "skipped", "interrupted" }]`, plus `closed`.
#[must_use]
pub fn to_json(rows: &[SessionRow]) -> Value {
    Value::Array(
        rows.iter()
            .map(|r| {
                json!({
                    "session": r.session,
                    "started": r.started.to_string(),
                    "mode": r.mode,
                    "answered": r.answered,
                    "skipped": r.skipped,
                    "interrupted": r.interrupted,
                    "closed": r.closed,
                })
            })
            .collect(),
    )
}

/// Which session `wanted` names: `last` (the latest start) or an id.
/// `None` when no session matches.
#[must_use]
pub fn resolve<'a>(rows: &'a [SessionRow], wanted: &str) -> Option<&'a SessionRow> {
    if wanted == "last" {
        rows.last()
    } else {
        rows.iter().find(|r| r.session == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::record::VERSION;

    fn at(s: &str) -> Stamp {
        Stamp::parse(s).unwrap()
    }

    #[test]
    fn closing_records_win_and_unclosed_sessions_count_their_answers() {
        let answer = |session: &str, t: &str, skipped: bool| {
            Record::Answer(AnswerRecord {
                v: VERSION,
                session: session.into(),
                at: at(t),
                skipped,
                ..Default::default()
            })
        };
        let mut list = SessionList::new();
        list.add(&answer("b", "2026-12-01T10:00:05Z", false));
        list.add(&answer("b", "2026-12-01T10:00:09Z", true));
        list.add(&answer("a", "2026-11-30T10:00:05Z", false));
        list.add(&Record::Session(SessionRecord {
            v: VERSION,
            session: "a".into(),
            started: at("2026-11-30T10:00:00Z"),
            ended: at("2026-11-30T10:01:00Z"),
            mode: Mode::Daily,
            answered: 1,
            skipped: 0,
            interrupted: false,
            budget_ms: None,
        }));
        // A stray answer after the closing record changes nothing.
        list.add(&answer("a", "2026-11-30T10:02:00Z", true));
        let rows = list.finish();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].session, "a");
        assert_eq!((rows[0].answered, rows[0].skipped), (1, 0));
        assert!(rows[0].closed && !rows[0].interrupted);
        assert_eq!(rows[0].mode, Mode::Daily);
        assert_eq!(rows[1].session, "b");
        assert_eq!((rows[1].answered, rows[1].skipped), (1, 1));
        assert!(!rows[1].closed && rows[1].interrupted);
        assert_eq!(rows[1].started, at("2026-12-01T10:00:05Z"));
        assert_eq!(resolve(&rows, "last").unwrap().session, "b");
        assert_eq!(resolve(&rows, "a").unwrap().session, "a");
        assert!(resolve(&rows, "zzz").is_none());
    }
}
