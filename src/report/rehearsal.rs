//! The rehearsal report, read after the last question: time against the
//! budget, time per phase, the worst moments, and three concrete things
//! to fix tonight, each tied to a moment. Built from the saved answers
//! alone, so `review` can show it again for a past rehearsal.

use crate::content::Findings;
use crate::drill::coach::place;
use crate::drill::content_signal::{Kind, rehearsal_severity};
use crate::drill::rehearsal::Phase;
use crate::drill::{AnswerRecord, InputMode};
use crate::text::duration::measured as duration;
use crate::text::plural;

/// One asked question of the rehearsal, as the report sees it.
#[derive(Debug, Clone, Copy)]
pub struct Moment<'a> {
    /// The saved answer.
    pub record: &'a AnswerRecord,
    /// The question as asked.
    pub question: &'a str,
    /// Its phase.
    pub phase: Phase,
    /// What the answer said, when it was read for content.
    pub content: Option<&'a Findings>,
}

/// A section of the report: a title and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// "Time", "Worst moments", "Three things to fix tonight"…
    pub title: String,
    /// Its lines, plain text (may quote the user's words: sanitize when
    /// printing).
    pub lines: Vec<String>,
    /// The lines are a numbered list (they carry their numbers).
    pub numbered: bool,
}

/// The one pay-and-perks rule, owned by `content`.
pub use crate::content::pay_only;

/// "“Tell me about yourself…”": a question quoted, cut at 60 characters.
fn quoted(question: &str) -> String {
    let mut q: String = question.chars().take(60).collect();
    if q.len() < question.len() {
        q.push('…');
    }
    format!("“{q}”")
}

fn spent(r: &AnswerRecord) -> u64 {
    r.think_ms.saturating_add(r.answer_ms)
}

/// The report's sections.
#[must_use]
pub fn report(moments: &[Moment<'_>], budget_ms: u64) -> Vec<Section> {
    if moments.is_empty() {
        return vec![Section {
            title: "Rehearsal".into(),
            lines: vec!["No answer was finished: nothing to report yet.".into()],
            numbered: false,
        }];
    }
    vec![time(moments, budget_ms), worst(moments), fixes(moments)]
}

fn time(moments: &[Moment<'_>], budget_ms: u64) -> Section {
    let total: u64 = moments.iter().map(|m| spent(m.record)).sum();
    let mut lines = vec![format!(
        "{} answering, of a {} budget ({}, follow-ups included).",
        duration(total),
        duration(budget_ms),
        plural(moments.len(), "question", "questions")
    )];
    let mut phases: Vec<(Phase, u64, u64, usize)> = Vec::new();
    for m in moments {
        match phases.iter_mut().find(|p| p.0 == m.phase) {
            Some(p) => {
                p.1 += spent(m.record);
                p.2 += m.record.limit_ms;
                p.3 += 1;
            }
            None => phases.push((m.phase, spent(m.record), m.record.limit_ms, 1)),
        }
    }
    for (phase, used, limit, n) in phases {
        lines.push(format!(
            "{}: {} of {} ({})",
            phase.label(),
            duration(used),
            duration(limit),
            plural(n, "question", "questions")
        ));
    }
    Section {
        title: "Time".into(),
        lines,
        numbered: false,
    }
}

/// Whether the answer was begun at all: a blank answer (cut at the limit
/// with nothing typed) has its whole time as think time, which is not a
/// slow start but no start.
fn begun(r: &AnswerRecord) -> bool {
    !r.skipped && r.words != Some(0)
}

fn worst(moments: &[Moment<'_>]) -> Section {
    let mut lines = Vec::new();
    if let Some(m) = moments
        .iter()
        .filter(|m| begun(m.record))
        .max_by_key(|m| m.record.think_ms)
    {
        lines.push(format!(
            "Longest start: {} before you began {} (target {}).",
            duration(m.record.think_ms),
            quoted(m.question),
            duration(m.record.think_target())
        ));
    }
    let longest = moments
        .iter()
        .flat_map(|m| {
            m.record
                .pauses
                .iter()
                .filter(|p| !p.is_mark())
                .map(move |p| (m, p))
        })
        .max_by_key(|(_, p)| p.ms);
    if let Some((m, p)) = longest {
        lines.push(format!(
            "Longest pause: {}, {}, in {}.",
            duration(p.ms),
            place(&m.record.text, p),
            quoted(m.question)
        ));
    }
    let stumbles: usize = moments
        .iter()
        .map(|m| m.record.pauses.iter().filter(|p| p.is_mark()).count())
        .sum();
    if stumbles > 0 {
        lines.push(format!("Stumbles you marked: {stumbles}."));
    }
    for m in moments.iter().filter(|m| m.record.overran) {
        lines.push(format!(
            "Cut at the {} limit: {}.",
            duration(m.record.limit_ms),
            quoted(m.question)
        ));
    }
    if lines.is_empty() {
        lines.push("No slow start, pause or overrun stood out.".into());
    }
    Section {
        title: "Worst moments".into(),
        lines,
        numbered: false,
    }
}

/// A thing to fix, tied to a moment, and how much it matters.
struct Fix {
    severity: f64,
    question: usize,
    line: String,
}

fn fixes(moments: &[Moment<'_>]) -> Section {
    let mut all: Vec<Fix> = Vec::new();
    for (i, m) in moments.iter().enumerate() {
        let r = m.record;
        let q = quoted(m.question);
        let target = r.think_target().max(1);
        // Words where they were counted; spoken and voice answers are
        // judged by their length in time.
        let words = r.words.filter(|_| r.input != InputMode::Spoken);
        // Questions for the interviewer are short by nature.
        let short = match words {
            Some(w) => w < 15,
            None => r.answer_ms < 10_000,
        };
        if r.skipped || (short && m.phase != Phase::Closing) {
            let said = if let Some(w) = words {
                format!("only {}", plural(w, "word", "words"))
            } else {
                format!("only {} of answer", duration(r.answer_ms))
            };
            all.push(Fix {
                severity: 3.0,
                question: i,
                line: format!(
                    "{q} — {said}. Tonight: give it a shape out loud, one sentence each: the \
                     situation, what you did, the result."
                ),
            });
        }
        if r.overran {
            all.push(Fix {
                severity: 2.5,
                question: i,
                line: format!(
                    "{q} — cut at its {} limit before you finished. Tonight: lead with the \
                     point, give one example, stop; time it to finish with a third to spare.",
                    duration(r.limit_ms)
                ),
            });
        }
        if let Some(p) = r
            .pauses
            .iter()
            .filter(|p| !p.is_mark())
            .max_by_key(|p| p.ms)
        {
            all.push(Fix {
                severity: p.ms as f64 / 3_000.0,
                question: i,
                line: format!(
                    "{q} — a {} pause {}. Tonight: tell that story again and, at that point, \
                     go straight on with what you did next.",
                    duration(p.ms),
                    place(&r.text, p)
                ),
            });
        }
        if let Some(fillers) = r.fillers.filter(|n| *n >= 3) {
            all.push(Fix {
                severity: f64::from(fillers) / 3.0,
                question: i,
                line: format!(
                    "{q} — {fillers} filler words. Tonight: answer it again slowly; where a filler \
                     would come, pause silently instead."
                ),
            });
        }
        if m.phase == Phase::Closing && pay_only(&r.text) == Some(true) {
            all.push(Fix {
                severity: 2.0,
                question: i,
                line: format!(
                    "{q} — every question you asked was about pay, perks or time off; those \
                     are fair to ask, and questions about the work, the team and what success \
                     looks like in the first months land better. Tonight: write two of those."
                ),
            });
        }
        // What the answer said, by the one rule of `drill::content_signal`
        // (severity 3 × the kind's weight). Pay-only questions have their
        // own line above.
        if let Some((kind, severity)) = m.content.and_then(rehearsal_severity)
            && kind != Kind::PayOnly
            && let Some(line) = m
                .content
                .and_then(|f| super::content::line(kind, f, r.company.as_deref()))
        {
            all.push(Fix {
                severity,
                question: i,
                line: format!("{q} — {line} Tonight: answer it again out loud with that in mind."),
            });
        }
        if begun(r) {
            // Always a candidate, so there are three things to work on even
            // after a clean rehearsal: the slowest starts come next.
            let past = r.think_ms as f64 / target as f64;
            let line = if r.think_ms > target {
                format!(
                    "{q} — you took {} to start (target {}). Tonight: write its first sentence \
                     and say it out loud three times, so it is there when the question comes.",
                    duration(r.think_ms),
                    duration(target)
                )
            } else {
                format!(
                    "{q} — one of your slower starts ({}, within the {} target). Tonight: say \
                     its first sentence once more, out loud.",
                    duration(r.think_ms),
                    duration(target)
                )
            };
            all.push(Fix {
                severity: past,
                question: i,
                line,
            });
        }
    }
    all.sort_by(|a, b| b.severity.total_cmp(&a.severity));
    let mut chosen: Vec<Fix> = Vec::new();
    // One thing per question while others remain.
    for f in std::mem::take(&mut all) {
        if chosen.len() == 3 {
            break;
        }
        if chosen.iter().any(|c| c.question == f.question) {
            all.push(f);
        } else {
            chosen.push(f);
        }
    }
    for f in all {
        if chosen.len() == 3 {
            break;
        }
        chosen.push(f);
    }
    Section {
        title: "Three things to fix tonight".into(),
        lines: chosen
            .into_iter()
            .enumerate()
            .map(|(i, f)| format!("{}. {}", i + 1, f.line))
            .collect(),
        numbered: true,
    }
}

/// The report as Markdown (line mode, export): `## Title` and bullets.
#[must_use]
pub fn markdown(sections: &[Section]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sections {
        out.push(String::new());
        out.push(format!("## {}", s.title));
        out.push(String::new());
        for l in &s.lines {
            if s.numbered {
                out.push(l.clone());
            } else {
                out.push(format!("- {l}"));
            }
        }
    }
    out
}

/// The report for a terminal: titles, then indented lines.
#[must_use]
pub fn plain(sections: &[Section]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sections {
        out.push(String::new());
        out.push(format!("{}:", s.title));
        out.extend(s.lines.iter().map(|l| format!("  {l}")));
    }
    out
}

#[cfg(test)]
mod tests;
