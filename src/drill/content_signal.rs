//! Which content findings an answer shows, in their order of usefulness,
//! and the one rule that weighs them against the timing signals: for the
//! session's next step (`coach::next_step_with_content`) and the
//! rehearsal's "three things to fix tonight" (`report::rehearsal`).
//!
//! The rule, with its weights: each kind of finding has a weight (below).
//! - Next step: a kind's severity is `weight × share ÷ 0.5`, where `share`
//!   is the part of the session's answers read for content that show it;
//!   like every timing signal it competes from 1 up, so a weight-1 finding
//!   competes once it is in half the answers, a hedge (0.5) only when it is
//!   in every one.
//! - Rehearsal: an answer's most useful finding is a fix of severity
//!   `3 × weight` (a point of the question not heard = 3, as a too-short
//!   answer; hedges 1.5, as a 4.5-second pause).
//!
//! Here, not in `report`, so that `drill` (the next step) can use it:
//! `drill` may use `content`, never `report`.

use crate::content::{Findings, Language, PointFinding};

/// A kind of content finding, in the order of usefulness the feedback
/// shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A point written on the question itself was not heard.
    QuestionPointMissing,
    /// A dodge the bank lists was heard.
    Avoid,
    /// A superlative claim about oneself.
    Oversell,
    /// A point of the whole category was not heard.
    BankPointMissing,
    /// The question names the company and the answer did not.
    CompanyNotNamed,
    /// Every question for the interviewer was about pay, perks or time off.
    PayOnly,
    /// At least [`hedges::SHOWN_FROM`](crate::content::hedges::SHOWN_FROM) hedges.
    Hedges,
    /// A sentence over the length threshold.
    LongSentence,
    /// A content word used too often.
    Repeated,
}

impl Kind {
    /// Every kind, most useful first.
    pub const ALL: [Kind; 9] = [
        Kind::QuestionPointMissing,
        Kind::Avoid,
        Kind::Oversell,
        Kind::BankPointMissing,
        Kind::CompanyNotNamed,
        Kind::PayOnly,
        Kind::Hedges,
        Kind::LongSentence,
        Kind::Repeated,
    ];

    /// How much it matters beside the timing signals (see the module doc).
    /// What the interviewer would write down first weighs most: a missing
    /// point or a dodge; style (length, repetition) least.
    #[must_use]
    pub fn weight(self) -> f64 {
        match self {
            Kind::QuestionPointMissing | Kind::Avoid => 1.0,
            Kind::Oversell => 0.9,
            Kind::BankPointMissing => 0.8,
            Kind::CompanyNotNamed | Kind::PayOnly => 0.7,
            Kind::Hedges => 0.5,
            Kind::LongSentence => 0.4,
            Kind::Repeated => 0.3,
        }
    }

    /// Whether `f` shows this kind.
    #[must_use]
    pub fn in_findings(self, f: &Findings) -> bool {
        if f.language == Language::Other {
            return false;
        }
        match self {
            Kind::QuestionPointMissing => f.points.iter().any(|p| p.own && !p.heard),
            Kind::Avoid => !f.avoid.is_empty(),
            Kind::Oversell => !f.oversell.is_empty(),
            Kind::BankPointMissing => f.points.iter().any(|p| !p.own && !p.heard),
            Kind::CompanyNotNamed => f.company_named == Some(false),
            Kind::PayOnly => f.pay_only == Some(true),
            Kind::Hedges => f.hedges.len() >= crate::content::hedges::SHOWN_FROM,
            Kind::LongSentence => !f.long_sentences.is_empty(),
            Kind::Repeated => !f.repeated.is_empty(),
        }
    }
}

/// The kinds `f` shows, most useful first.
#[must_use]
pub fn kinds(f: &Findings) -> Vec<Kind> {
    Kind::ALL.into_iter().filter(|k| k.in_findings(f)).collect()
}

/// An answer's most useful finding and its rehearsal severity
/// (`3 × weight`).
#[must_use]
pub fn rehearsal_severity(f: &Findings) -> Option<(Kind, f64)> {
    kinds(f).first().map(|&k| (k, 3.0 * k.weight()))
}

/// For the next step: the kind with the highest severity over a session's
/// findings (`weight × share ÷ 0.5`, competing from 1), with how many of
/// the `read` answers show it. Ties go to the more useful kind.
#[must_use]
pub fn session_worst(findings: &[&Findings]) -> Option<(Kind, f64, usize, usize)> {
    let read: Vec<&&Findings> = findings
        .iter()
        .filter(|f| f.language == Language::English)
        .collect();
    if read.is_empty() {
        return None;
    }
    let mut best: Option<(Kind, f64, usize, usize)> = None;
    for kind in Kind::ALL {
        let n = read.iter().filter(|f| kind.in_findings(f)).count();
        let severity = kind.weight() * (n as f64 / read.len() as f64) / 0.5;
        if severity >= 1.0 && best.is_none_or(|b| severity > b.1) {
            best = Some((kind, severity, n, read.len()));
        }
    }
    best
}

/// The next step's content candidate: the session's worst kind (see
/// [`session_worst`]) with its severity and line, quoting the words most
/// often behind it.
pub fn session_signal(findings: &[&Findings]) -> Option<(f64, String)> {
    let (kind, severity, n, of) = session_worst(findings)?;
    let showing: Vec<&Findings> = findings
        .iter()
        .copied()
        .filter(|f| kind.in_findings(f))
        .collect();
    let in_n = format!("in {n} of {of} answers");
    let line = match kind {
        Kind::QuestionPointMissing | Kind::BankPointMissing => {
            let own = kind == Kind::QuestionPointMissing;
            let missing: Vec<&PointFinding> = showing
                .iter()
                .flat_map(|f| f.points.iter().filter(|p| p.own == own && !p.heard))
                .collect();
            let labels: Vec<&str> = missing.iter().map(|p| p.point.as_str()).collect();
            let top = most_often(&labels);
            let hint = missing
                .iter()
                .find(|p| p.point == top)
                .map_or(String::new(), |p| p.hint.clone());
            format!("“{top}” was not heard {in_n} — next time: {}", hint.trim())
        }
        Kind::Avoid => {
            let texts: Vec<&str> = showing
                .iter()
                .flat_map(|f| f.avoid.iter().map(|a| a.text.as_str()))
                .collect();
            let top = most_often(&texts);
            let why = showing
                .iter()
                .flat_map(|f| f.avoid.iter())
                .find(|a| a.text == top)
                .map_or("", |a| a.why.as_str());
            format!("“{top}” {in_n} lands as a dodge — {}", why.trim())
        }
        Kind::Oversell => {
            let texts: Vec<&str> = showing
                .iter()
                .flat_map(|f| f.oversell.iter().map(|s| s.text.as_str()))
                .collect();
            format!(
                "Overselling {in_n}, e.g. “{}” — next time, let one result show it instead.",
                most_often(&texts)
            )
        }
        Kind::CompanyNotNamed => format!(
            "The company went unnamed {in_n} — next time, name it, with one thing you know \
             about it."
        ),
        Kind::PayOnly => "Your questions for the interviewer were all about pay, perks or time \
             off — next time, add ones about the work, the team and what success looks like."
            .to_string(),
        Kind::Hedges => {
            let texts: Vec<String> = showing
                .iter()
                .flat_map(|f| f.hedges.iter().map(|s| s.text.to_lowercase()))
                .collect();
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            format!(
                "Hedges {in_n}, most often “{}” — next time, say the claims you are sure of \
                 plainly.",
                most_often(&texts)
            )
        }
        Kind::LongSentence => {
            format!("Long sentences {in_n} — next time, split them where the idea turns.")
        }
        Kind::Repeated => {
            let words: Vec<&str> = showing
                .iter()
                .flat_map(|f| f.repeated.iter().map(|r| r.word.as_str()))
                .collect();
            format!(
                "“{}” repeated {in_n} — next time, say it once, then name the thing itself.",
                most_often(&words)
            )
        }
    };
    Some((severity, line))
}

/// The most frequent of `items` (the first seen on a tie); "" for none.
fn most_often<'a>(items: &[&'a str]) -> &'a str {
    let mut best = ("", 0usize);
    for (i, item) in items.iter().enumerate() {
        // Counted once, at its first appearance.
        if items[..i].contains(item) {
            continue;
        }
        let n = items.iter().filter(|x| *x == item).count();
        if n > best.1 {
            best = (item, n);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Span;

    fn empty() -> Findings {
        Findings {
            language: Language::English,
            words: 50,
            hedges: Vec::new(),
            oversell: Vec::new(),
            specifics: Vec::new(),
            long_sentences: Vec::new(),
            repeated: Vec::new(),
            points: Vec::new(),
            avoid: Vec::new(),
            company_named: None,
            pay_only: None,
        }
    }

    fn span(t: &str) -> Span {
        Span {
            text: t.into(),
            at_word: 0,
        }
    }

    fn point(own: bool, heard: bool) -> PointFinding {
        PointFinding {
            point: "the result".into(),
            heard,
            evidence: heard.then(|| "in the end".into()),
            hint: "close with what changed".into(),
            own,
        }
    }

    #[test]
    fn kinds_come_in_order_of_usefulness_and_one_hedge_is_not_one() {
        let mut f = empty();
        f.hedges = vec![span("I think")];
        f.points = vec![point(false, false), point(true, true)];
        f.oversell = vec![span("flawless")];
        assert_eq!(kinds(&f), vec![Kind::Oversell, Kind::BankPointMissing]);
        f.hedges.push(span("maybe"));
        f.points.push(point(true, false));
        assert_eq!(
            kinds(&f),
            vec![
                Kind::QuestionPointMissing,
                Kind::Oversell,
                Kind::BankPointMissing,
                Kind::Hedges
            ]
        );
        f.language = Language::Other;
        assert!(kinds(&f).is_empty());
    }

    #[test]
    fn session_severity_is_weight_times_share_over_a_half() {
        let mut hedgy = empty();
        hedgy.hedges = vec![span("I think"), span("maybe")];
        let clean = empty();
        // Hedges (0.5) in one answer of two: 0.5, below 1.
        assert_eq!(session_worst(&[&hedgy, &clean]), None);
        // In every answer: exactly 1.
        let got = session_worst(&[&hedgy, &hedgy]).unwrap();
        assert_eq!((got.0, got.1, got.2, got.3), (Kind::Hedges, 1.0, 2, 2));
        // A missing question point (1.0) in one of two wins over them.
        let mut missing = hedgy.clone();
        missing.points = vec![point(true, false)];
        let got = session_worst(&[&missing, &hedgy]).unwrap();
        assert_eq!(got.0, Kind::QuestionPointMissing);
        assert_eq!(got.1, 1.0);
        // Other-language answers are not read.
        let mut other = missing.clone();
        other.language = Language::Other;
        assert_eq!(session_worst(&[&other]), None);
        assert_eq!(
            rehearsal_severity(&missing),
            Some((Kind::QuestionPointMissing, 3.0))
        );
        assert_eq!(rehearsal_severity(&clean), None);
    }

    #[test]
    fn the_session_line_names_the_point_missed_most_often_and_its_hint() {
        let mut a = empty();
        a.points = vec![point(false, false)];
        let b = a.clone();
        let (severity, line) = session_signal(&[&a, &b]).unwrap();
        assert!((severity - 1.6).abs() < 1e-9, "{severity}");
        assert_eq!(
            line,
            "“the result” was not heard in 2 of 2 answers — next time: close with what changed"
        );
        assert_eq!(session_signal(&[&empty()]), None);
    }

    #[test]
    fn the_next_step_picks_a_content_finding_only_when_it_outweighs_timing() {
        use crate::drill::{AnswerRecord, InputMode, coach};
        let calm = AnswerRecord {
            input: InputMode::Typed,
            think_ms: 2_000,
            answer_ms: 60_000,
            limit_ms: 90_000,
            words: Some(60),
            text: "word ".repeat(60),
            ..Default::default()
        };
        let records = vec![calm.clone(), calm.clone()];
        let mut missing = empty();
        missing.points = vec![point(true, false)];
        let step = coach::next_step_with_content(&records, &[&missing, &missing]).unwrap();
        assert!(
            step.starts_with("“the result” was not heard in 2 of 2"),
            "{step}"
        );
        // Without content the calm line; with a finding below 1 as well.
        let calm_line = coach::next_step(&records).unwrap();
        assert_eq!(
            coach::next_step_with_content(&records, &[&empty(), &empty()]).unwrap(),
            calm_line
        );
        // Every answer skipped: the skip signal (severity 2+) beats a
        // missing own point (1 × 1 ÷ 0.5 = 2) on the tie, and more.
        let skipped = vec![
            AnswerRecord {
                skipped: true,
                ..calm.clone()
            };
            2
        ];
        let step = coach::next_step_with_content(&skipped, &[&missing, &missing]).unwrap();
        assert!(!step.contains("was not heard"), "{step}");
    }
}
