//! What an answer said, as the feedback lines shown right after it: at most
//! [`MAX_LINES`], one `Heard:` line whenever anything was heard (what
//! counted is part of the feedback), then the most useful findings in the
//! order of [`Kind::ALL`]. Each line quotes the words it rests on and gives
//! one next step; none is a verdict on the person. Plain text: the UI wraps
//! and sanitizes.

use std::collections::HashMap;

use crate::bank::{Avoid, Catalog, Point, fill_placeholders};
use crate::content::{self, Findings, Language, PointFinding};
use crate::drill::AnswerRecord;
use crate::drill::content_signal::{Kind, kinds};
use crate::text::{Label, Line};

/// At most this many content lines after an answer.
pub const MAX_LINES: usize = 3;

/// Said once per session, after the first answer not read as English.
pub const ENGLISH_ONLY: &str =
    "Content: feedback on what an answer says is English-only; this answer was timed, not read.";

/// At most this many words of a quote (evidence, a sentence's opening).
const QUOTE_WORDS: usize = 8;

/// At most this many hedges quoted on the `Hedges:` line.
const HEDGES_QUOTED: usize = 3;

/// The content lines after an answer: `Heard:` first when anything was
/// heard, then the most useful findings, [`MAX_LINES`] in all. Nothing for
/// an answer not read as English (the session says so once instead).
#[must_use]
pub fn answer_lines(f: &Findings, company: Option<&str>) -> Vec<Line> {
    if f.language == Language::Other {
        return Vec::new();
    }
    let mut lines = Vec::new();
    if let Some(heard) = heard(f) {
        lines.push(heard);
    }
    for kind in kinds(f) {
        if lines.len() == MAX_LINES {
            break;
        }
        if let Some(line) = finding(kind, f, company) {
            lines.push(line);
        }
    }
    lines
}

/// [`answer_lines`] as a session shows them: the first answer not read
/// as English says [`ENGLISH_ONLY`] instead, once per session
/// (`said_english_only` is the session's memory of it).
pub fn session_lines(
    f: &Findings,
    company: Option<&str>,
    said_english_only: &mut bool,
) -> Vec<Line> {
    if f.language == Language::Other {
        if *said_english_only {
            return Vec::new();
        }
        *said_english_only = true;
        return vec![Line::plain(ENGLISH_ONLY)];
    }
    answer_lines(f, company)
}

/// `Heard: the situation (“at my last job we”); the result (“led to 20%”).`
#[must_use]
pub fn heard_line(f: &Findings) -> Option<String> {
    heard(f).map(|l| l.to_string())
}

/// [`heard_line`] as a labelled line.
fn heard(f: &Findings) -> Option<Line> {
    let heard: Vec<String> = f
        .points
        .iter()
        .filter(|p| p.heard)
        .map(|p| match &p.evidence {
            Some(e) => format!("{} ({})", p.point, quote(e)),
            None => p.point.clone(),
        })
        .collect();
    (!heard.is_empty()).then(|| Line::labelled(Label::Heard, format!("{}.", heard.join("; "))))
}

/// The line for one kind of finding, or `None` when `f` does not show it.
#[must_use]
pub fn line(kind: Kind, f: &Findings, company: Option<&str>) -> Option<String> {
    finding(kind, f, company).map(|l| l.to_string())
}

/// [`line`] as a line of feedback: a missing point is labelled
/// [`Label::NotHeard`], the rest are plain.
fn finding(kind: Kind, f: &Findings, company: Option<&str>) -> Option<Line> {
    if !kind.in_findings(f) {
        return None;
    }
    let text = match kind {
        Kind::QuestionPointMissing => {
            return Some(missing(f.points.iter().filter(|p| p.own && !p.heard)));
        }
        Kind::BankPointMissing => {
            return Some(missing(f.points.iter().filter(|p| !p.own && !p.heard)));
        }
        Kind::Avoid => {
            let a = &f.avoid[0];
            format!("Avoid: {} — {}", quote(&a.text), sentence(&a.why))
        }
        Kind::Oversell => format!(
            "Overselling: {} — let one result show it instead: what you did and what changed.",
            quotes(f.oversell.iter().map(|s| s.text.as_str()), 2)
        ),
        Kind::CompanyNotNamed => {
            let name = company.unwrap_or("the company");
            format!("Company: {name} was not named — say it, with one thing you know about {name}.")
        }
        Kind::PayOnly => "Questions: every one was about pay, perks or time off — fair to ask; \
             questions about the work, the team and what success looks like land better."
            .to_string(),
        Kind::Hedges => format!(
            "Hedges: {} ({} in this answer) — say the claims you are sure of plainly.",
            quotes(f.hedges.iter().map(|s| s.text.as_str()), HEDGES_QUOTED),
            f.hedges.len()
        ),
        Kind::LongSentence => {
            let s = &f.long_sentences[0];
            // An opening, so it always trails off.
            let mut opening = first_words(&s.opening);
            if !opening.ends_with('…') {
                opening.push('…');
            }
            format!(
                "Long sentence: {} words from “{opening}” — split it where the idea turns.",
                s.words,
            )
        }
        Kind::Repeated => {
            let r = &f.repeated[0];
            format!(
                "Repeated: {} {} times — say it once, then name the thing itself.",
                quote(&r.word),
                r.count
            )
        }
    };
    Some(Line::plain(text))
}

/// Reads stored answers for content against the banks in use, as the
/// drill did: the question's points and dodges, its text filled with the
/// record's own `company`/`role`. Content is never stored, so improved
/// cues apply to old answers. Each question is looked up once.
pub struct Reader<'c> {
    catalog: Option<&'c Catalog>,
    questions: HashMap<String, Option<Known<'c>>>,
    /// Compiled cue matchers, by question, follow-up or not, company and
    /// role: compiling costs more than reading, and a history asks the same
    /// questions again and again.
    compiled: HashMap<(String, bool, Option<String>, Option<String>), content::Reader<'c>>,
}

/// A question the banks still have, as the reader needs it.
struct Known<'c> {
    text: &'c str,
    points: Vec<&'c Point>,
    /// Where the question's own points start in `points`.
    own_from: usize,
    avoid: Vec<&'c Avoid>,
}

impl<'c> Reader<'c> {
    /// A reader over `catalog`; without one (a broken bank of the user's)
    /// answers get the built-in signals alone.
    #[must_use]
    pub fn new(catalog: Option<&'c Catalog>) -> Self {
        Self {
            catalog,
            questions: HashMap::new(),
            compiled: HashMap::new(),
        }
    }

    /// A reader over the same banks with caches of its own (for another
    /// thread).
    #[must_use]
    pub fn fresh(&self) -> Self {
        Self::new(self.catalog)
    }

    /// What `record` said: one `content::analyze` call. `None` for a skip
    /// or an answer with no text (a voice answer).
    pub fn read(&mut self, record: &AnswerRecord) -> Option<Findings> {
        if record.skipped || record.text.trim().is_empty() {
            return None;
        }
        let catalog = self.catalog;
        // Looked up before inserting: no key is cloned for a question
        // already seen (stats reads a whole history through here).
        if !self.questions.contains_key(&record.question) {
            let known = (|| {
                let (cat, id) = record.question.split_once('/')?;
                let bank = catalog?.bank(cat)?;
                let q = bank.questions.iter().find(|q| q.id == id)?;
                let points = bank.points_for(q);
                Some(Known {
                    text: &q.text,
                    own_from: points.len().saturating_sub(q.listen_for.len()),
                    points,
                    avoid: bank.avoid_for(q),
                })
            })();
            self.questions.insert(record.question.clone(), known);
        }
        let known = self.questions.get(&record.question)?;
        let key = (
            record.question.clone(),
            record.followup.is_some(),
            record.company.clone(),
            record.role.clone(),
        );
        if !self.compiled.contains_key(&key) {
            // A follow-up is its own question: the points are not its.
            let (points, own_from, avoid, raw): (&[&Point], usize, &[&Avoid], &str) = match known {
                Some(k) if record.followup.is_none() => (&k.points, k.own_from, &k.avoid, k.text),
                _ => (&[], 0, &[], ""),
            };
            // Most questions have no placeholder: no copy for them.
            let question: std::borrow::Cow<'_, str> = if raw.contains('{') {
                fill_placeholders(raw, record.company.as_deref(), record.role.as_deref()).into()
            } else {
                raw.into()
            };
            let reader = content::Reader::with_own(
                points,
                own_from,
                avoid,
                &content::Context {
                    category: &record.category,
                    question: &question,
                    names_company: raw.contains("{company}"),
                    company: record.company.as_deref(),
                    role: record.role.as_deref(),
                },
            );
            self.compiled.insert(key.clone(), reader);
        }
        self.compiled.get(&key)?.read(&record.text)
    }
}

/// `Not heard: the result — close with what changed.` The first point's
/// next step; further points are named after it.
fn missing<'a>(mut points: impl Iterator<Item = &'a PointFinding>) -> Line {
    let Some(first) = points.next() else {
        return Line::plain("");
    };
    let also: Vec<&str> = points.map(|p| p.point.as_str()).collect();
    let also = if also.is_empty() {
        String::new()
    } else {
        format!(" (also: {})", also.join(", "))
    };
    Line::labelled(
        Label::NotHeard,
        format!("{} — {}{also}", first.point, sentence(&first.hint)),
    )
}

/// `“text”`, cut to [`QUOTE_WORDS`] words.
fn quote(text: &str) -> String {
    format!("“{}”", first_words(text))
}

/// The first `n` quotes of `texts`, joined, with "…" when there were more.
fn quotes<'a>(texts: impl Iterator<Item = &'a str>, n: usize) -> String {
    let all: Vec<String> = texts.map(quote).collect();
    let mut s = all.iter().take(n).cloned().collect::<Vec<_>>().join(", ");
    if all.len() > n {
        s.push_str(", …");
    }
    s
}

/// `text`'s first [`QUOTE_WORDS`] words, "…" when it had more.
fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut s = words
        .iter()
        .take(QUOTE_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > QUOTE_WORDS {
        s.push('…');
    }
    s
}

/// `text` ending in a full stop (a hint written without one).
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['.', '!', '?', '…']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines as they read.
    fn shown(lines: &[Line]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }
    use crate::content::{AvoidFinding, LongSentence, Repeated, Span};

    pub(crate) fn empty() -> Findings {
        Findings {
            language: Language::English,
            words: 60,
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

    fn span(t: &str, at: u32) -> Span {
        Span {
            text: t.into(),
            at_word: at,
        }
    }

    fn point(label: &str, own: bool, evidence: Option<&str>, hint: &str) -> PointFinding {
        PointFinding {
            point: label.into(),
            heard: evidence.is_some(),
            evidence: evidence.map(String::from),
            hint: hint.into(),
            own,
        }
    }

    /// The "done when" answer: a failure story with no outcome.
    #[test]
    fn a_story_without_its_result_says_what_counted_then_what_was_missing() {
        let mut f = empty();
        f.points = vec![
            point(
                "the situation",
                false,
                Some("at my last job we"),
                "Add: the situation",
            ),
            point(
                "what you did yourself",
                false,
                Some("I decided to rewrite"),
                "x",
            ),
            point(
                "the result",
                false,
                None,
                "close with what changed, ideally one number",
            ),
        ];
        let lines = answer_lines(&f, None);
        let labels: Vec<_> = lines.iter().map(|l| l.label).collect();
        assert_eq!(labels, [Some(Label::Heard), Some(Label::NotHeard)]);
        assert_eq!(
            shown(&lines),
            vec![
                "Heard: the situation (“at my last job we”); what you did yourself \
                 (“I decided to rewrite”)."
                    .to_string(),
                "Not heard: the result — close with what changed, ideally one number.".into(),
            ]
        );
    }

    #[test]
    fn at_most_three_lines_most_useful_first() {
        let mut f = empty();
        f.points = vec![
            point("the situation", false, Some("when I was at"), ""),
            point("the result", false, None, "close with what changed"),
            point(
                "what you changed afterwards",
                true,
                None,
                "Add: what you changed afterwards",
            ),
        ];
        f.avoid = vec![AvoidFinding {
            text: "wasn't my fault".into(),
            why: "every interviewer has missed one; own yours".into(),
            at_word: 12,
        }];
        f.hedges = vec![span("I think", 0), span("maybe", 3)];
        let lines = answer_lines(&f, None);
        // An avoided phrase is a plain line: only the points are labelled.
        assert_eq!(lines[2].label, None);
        assert_eq!(
            shown(&lines),
            vec![
                "Heard: the situation (“when I was at”).".to_string(),
                "Not heard: what you changed afterwards — Add: what you changed afterwards.".into(),
                "Avoid: “wasn't my fault” — every interviewer has missed one; own yours.".into(),
            ]
        );
        // Without anything heard, three findings.
        f.points.remove(0);
        let lines = shown(&answer_lines(&f, None));
        assert_eq!(lines.len(), 3);
        assert!(
            lines[0].starts_with("Not heard: what you changed"),
            "{lines:?}"
        );
        assert!(lines[2].starts_with("Not heard: the result"), "{lines:?}");
    }

    #[test]
    fn every_kind_names_its_words_and_a_next_step() {
        let mut f = empty();
        f.oversell = vec![span("I never make mistakes", 4)];
        f.company_named = Some(false);
        f.pay_only = Some(true);
        f.hedges = vec![
            span("I think", 0),
            span("maybe", 2),
            span("sort of", 9),
            span("probably", 20),
        ];
        f.long_sentences = vec![LongSentence {
            words: 42,
            at_word: 5,
            opening: "So when I joined the team we had no tests at all".into(),
        }];
        f.repeated = vec![Repeated {
            word: "team".into(),
            count: 6,
        }];
        let all: Vec<String> = Kind::ALL
            .into_iter()
            .filter_map(|k| line(k, &f, Some("Acme")))
            .collect();
        assert_eq!(
            all,
            vec![
                "Overselling: “I never make mistakes” — let one result show it instead: what \
                 you did and what changed."
                    .to_string(),
                "Company: Acme was not named — say it, with one thing you know about Acme.".into(),
                "Questions: every one was about pay, perks or time off — fair to ask; questions \
                 about the work, the team and what success looks like land better."
                    .into(),
                "Hedges: “I think”, “maybe”, “sort of”, … (4 in this answer) — say the claims \
                 you are sure of plainly."
                    .into(),
                "Long sentence: 42 words from “So when I joined the team we had…” — split it \
                 where the idea turns."
                    .into(),
                "Repeated: “team” 6 times — say it once, then name the thing itself.".into(),
            ]
        );
        // No judgement of the person, in any line.
        for l in &all {
            for word in ["you are a", "bad", "poor", "weak", "wrong"] {
                assert!(!l.to_lowercase().contains(word), "{l}");
            }
        }
    }

    #[test]
    fn one_hedge_company_named_and_other_languages_say_nothing() {
        let mut f = empty();
        f.hedges = vec![span("I think", 0)];
        f.company_named = Some(true);
        f.pay_only = Some(false);
        assert!(answer_lines(&f, Some("Acme")).is_empty());
        f.hedges.push(span("maybe", 4));
        assert_eq!(answer_lines(&f, None).len(), 1);
        f.language = Language::Other;
        assert!(answer_lines(&f, None).is_empty());
    }

    #[test]
    fn english_only_is_said_once_per_session() {
        let mut said = false;
        let mut other = empty();
        other.language = Language::Other;
        assert_eq!(
            session_lines(&other, None, &mut said),
            vec![Line::plain(ENGLISH_ONLY)]
        );
        assert!(session_lines(&other, None, &mut said).is_empty());
        let mut english = empty();
        english.hedges = vec![span("I think", 0), span("maybe", 1)];
        assert_eq!(session_lines(&english, None, &mut said).len(), 1);
        assert!(said);
    }

    #[test]
    fn quotes_are_cut_and_the_company_defaults_neutrally() {
        let mut f = empty();
        f.points = vec![point(
            "the result",
            true,
            Some("in the end we shipped it two weeks early and the client renewed"),
            "",
        )];
        assert_eq!(
            heard_line(&f).unwrap(),
            "Heard: the result (“in the end we shipped it two weeks…”)."
        );
        f.company_named = Some(false);
        assert_eq!(
            line(Kind::CompanyNotNamed, &f, None).unwrap(),
            "Company: the company was not named — say it, with one thing you know about the \
             company."
        );
    }
}
