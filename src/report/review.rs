//! `hotseat review`: one session's answers replayed, each pause shown in
//! the text where it happened (`I tend to ⏸4.5s over prepare`), with think
//! time, overrun, skip, fillers and tips marked. Pauses without a place in
//! the text (spoken stumbles, voice pauses) are listed by time.

use jiff::tz::TimeZone;
use serde_json::{Value, json};

use super::sessions::SessionRow;
use crate::content::Findings;
use crate::drill::answer::count_words;
use crate::drill::{AnswerRecord, Mode, Pause, Stamp};
use crate::term::style::Paint;
use crate::text::clean;
use crate::text::duration::measured as duration;
use crate::text::{wrap, wrap_hanging};

/// The mark put in the text where a pause happened.
pub const PAUSE_MARK: char = '⏸';

/// One answer to review, with its question's text when a bank still has it.
#[derive(Debug, Clone)]
pub struct ReviewAnswer {
    /// The stored answer (ratings given afterwards attached).
    pub record: AnswerRecord,
    /// The question as the banks word it now (placeholders filled from the
    /// record), if one still has it.
    pub question_text: Option<String>,
    /// What the answer said, read from its text and the banks in use;
    /// `None` with `--no-content`, for a skip or a voice answer.
    pub content: Option<Findings>,
}

/// The legend for the content marks, shown once when any answer has one.
pub const MARKS_LEGEND: &str = "«…» in an answer: words read as a hedge, overselling or a \
     dodge; the lines under it say which.";

/// The runs of words to set in `«…»`: hedges, overselling, dodges.
fn marked_runs(f: &Findings) -> Vec<(u32, u32)> {
    let run = |text: &str, at: u32| (at, count_words(text).max(1));
    f.hedges
        .iter()
        .chain(&f.oversell)
        .map(|s| run(&s.text, s.at_word))
        .chain(f.avoid.iter().map(|a| run(&a.text, a.at_word)))
        .collect()
}

/// The content lines under an answer: not read (not English), or what
/// was heard, then every finding (no cap here, unlike after the answer).
#[must_use]
pub fn content_lines(f: &Findings, company: Option<&str>) -> Vec<String> {
    use crate::content::Language;
    use crate::drill::content_signal::Kind;
    use crate::report::content::{heard_line, line};
    if f.language == Language::Other {
        return vec!["Content: not read (content feedback is English-only).".into()];
    }
    let mut out: Vec<String> = heard_line(f).into_iter().collect();
    out.extend(Kind::ALL.into_iter().filter_map(|k| line(k, f, company)));
    if f.hedges.len() == 1 {
        out.push(format!(
            "Hedge: “{}” (one is ordinary speech).",
            f.hedges[0].text
        ));
    }
    out
}

/// `text` (sanitized) with a `⏸<length>` mark at each typed pause's
/// character position (positions past the end are put at the end; the text
/// may have been edited after the pause). A space separates the mark from
/// the words on each side. Pauses without a position are left out: see
/// [`timed_pauses`].
#[must_use]
pub fn inline_pauses(text: &str, pauses: &[Pause]) -> String {
    inline_marks(text, pauses, &[])
}

/// Opens a run of words the content reading found (a hedge, overselling,
/// a dodge), readable without colour: `«I think maybe»`.
pub const OPEN_MARK: char = '«';
/// Closes it.
pub const CLOSE_MARK: char = '»';

/// What goes into the text at a character position; at one position a
/// closing mark comes first, then a pause, then an opening mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Insert {
    Close,
    Pause(u64),
    Open,
}

/// [`inline_pauses`], with each of `marked` — (first word, how many
/// words), by the engine's word rule — set in `«…»`. Overlapping runs
/// keep the first.
#[must_use]
pub fn inline_marks(text: &str, pauses: &[Pause], marked: &[(u32, u32)]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut placed: Vec<(usize, Insert)> = pauses
        .iter()
        .filter_map(|p| {
            p.at_char
                .map(|c| (usize::try_from(c).unwrap_or(usize::MAX), p.ms))
        })
        .map(|(c, ms)| (c.min(chars.len()), Insert::Pause(ms)))
        .collect();
    placed.extend(
        word_runs(text, marked)
            .into_iter()
            .flat_map(|(from, to)| [(from, Insert::Open), (to, Insert::Close)]),
    );
    placed.sort();
    let mut out = String::with_capacity(text.len() + 8 * placed.len());
    let mut from = 0;
    for (at, what) in placed {
        let piece: String = chars[from..at].iter().collect();
        out.push_str(&clean(&piece));
        from = at;
        match what {
            Insert::Open => out.push(OPEN_MARK),
            Insert::Close => out.push(CLOSE_MARK),
            Insert::Pause(ms) => {
                if out.chars().last().is_some_and(|c| !c.is_whitespace()) {
                    out.push(' ');
                }
                out.push(PAUSE_MARK);
                out.push_str(&duration(ms));
                if chars.get(at).is_some_and(|c| !c.is_whitespace()) {
                    out.push(' ');
                }
            }
        }
    }
    let rest: String = chars[from..].iter().collect();
    out.push_str(&clean(&rest));
    out
}

/// The character range (start, end) of each run of words in `marked`,
/// in order, overlapping runs dropped, touching runs joined; runs past
/// the text are dropped.
fn word_runs(text: &str, marked: &[(u32, u32)]) -> Vec<(usize, usize)> {
    if marked.is_empty() {
        return Vec::new();
    }
    let base = text.as_ptr() as usize;
    // Each word's (first char, char after its end).
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut byte_to_char = text.char_indices().map(|(b, _)| b).enumerate().peekable();
    let mut char_at = |byte: usize| {
        while let Some(&(_, b)) = byte_to_char.peek() {
            if b >= byte {
                break;
            }
            byte_to_char.next();
        }
        byte_to_char.peek().map_or(usize::MAX, |&(c, _)| c)
    };
    for w in crate::drill::answer::words(text) {
        let start = w.as_ptr() as usize - base;
        let first = char_at(start);
        let end = char_at(start + w.len());
        words.push((first, end));
    }
    let total = text.chars().count();
    let mut runs: Vec<(u32, u32)> = marked.to_vec();
    runs.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut next_free = 0u32;
    for (at, n) in runs {
        let last = at.saturating_add(n.max(1)) - 1;
        let (Some(a), Some(b)) = (
            words.get(usize::try_from(at).unwrap_or(usize::MAX)),
            words.get(usize::try_from(last).unwrap_or(usize::MAX)),
        ) else {
            continue;
        };
        if at < next_free {
            continue;
        }
        let end = b.1.min(total);
        // Runs that touch are one: «I think maybe», not «I think» «maybe».
        if at == next_free
            && let Some(prev) = out.last_mut()
        {
            prev.1 = end;
        } else {
            out.push((a.0.min(total), end));
        }
        next_free = last + 1;
    }
    out
}

/// Pauses with no place in the text, by time: "stumble at 3.2s", "pause
/// 2.1s at 10.0s" (after the first key), or in order when no time was kept.
#[must_use]
pub fn timed_pauses(pauses: &[Pause]) -> Vec<String> {
    let mut unplaced: Vec<&Pause> = pauses.iter().filter(|p| p.at_char.is_none()).collect();
    unplaced.sort_by_key(|p| p.at_ms.unwrap_or(u64::MAX));
    unplaced
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let when = match p.at_ms {
                Some(ms) => format!("at {}", duration(ms)),
                None => format!("#{} (time not recorded)", i + 1),
            };
            if p.ms == 0 {
                format!("stumble {when}")
            } else {
                format!("pause {} {when}", duration(p.ms))
            }
        })
        .collect()
}

/// The local date and time of a stamp, minutes only: in its own offset, a
/// `Z` stamp in `zone`.
#[must_use]
pub fn local_time(stamp: &Stamp, zone: &TimeZone) -> String {
    let dt = match stamp.offset {
        Some(offset) => offset.to_datetime(stamp.instant),
        None => stamp.instant.to_zoned(zone.clone()).datetime(),
    };
    dt.strftime("%Y-%m-%d %H:%M").to_string()
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Drill => "drill",
        Mode::Daily => "daily",
        Mode::Rehearse => "rehearse",
    }
}

/// The marks of one answer: think time against its target, the answer
/// time against the limit, words, pauses, fillers, tips, rating.
#[must_use]
pub fn answer_marks(a: &AnswerRecord) -> Vec<String> {
    let mut marks = Vec::new();
    let target = a.think_target();
    if a.think_ms > target {
        marks.push(format!(
            "think {} (past the {} target)",
            duration(a.think_ms),
            duration(target)
        ));
    } else {
        marks.push(format!("think {}", duration(a.think_ms)));
    }
    if a.skipped {
        marks.push("SKIPPED".to_string());
    } else {
        marks.push(format!("answer {}", duration(a.answer_ms)));
        // A spoken or voice answer has no transcript: no words to count.
        match (a.input, a.words) {
            (crate::drill::InputMode::Spoken, _) => marks.push("spoken".to_string()),
            (crate::drill::InputMode::Voice, _) | (_, None) => marks.push("voice".to_string()),
            (_, Some(n)) => marks.push(format!("{n} words")),
        }
    }
    if a.overran {
        marks.push(format!("OVER the {} limit", duration(a.limit_ms)));
    }
    let placed = a.pauses.iter().filter(|p| p.at_char.is_some()).count();
    if placed > 0 {
        marks.push(if placed == 1 {
            "1 pause".to_string()
        } else {
            format!("{placed} pauses")
        });
    }
    if let Some(n) = a.fillers.filter(|&n| n > 0) {
        let words = if a.filler_words.is_empty() {
            String::new()
        } else {
            format!(" ({})", clean(&a.filler_words.join(", ")))
        };
        marks.push(format!("fillers {n}{words}"));
    }
    if a.hint {
        marks.push("tips opened".to_string());
    }
    if let Some(r) = a.rating {
        marks.push(format!("rated {r}/5"));
    }
    marks
}

/// Extra lines for a rehearsal session: its rehearsal report, shown again,
/// built from the saved answers by the same code as at the end of the
/// rehearsal (phases from the answers' categories; the budget from the
/// closing record, or the answers' limits if it is missing).
#[must_use]
pub fn rehearsal_report(session: &SessionRow, answers: &[ReviewAnswer]) -> Vec<String> {
    use crate::drill::rehearsal::Phase;
    use crate::report::rehearsal::{Moment, plain, report};
    let moments: Vec<Moment<'_>> = answers
        .iter()
        .map(|a| Moment {
            record: &a.record,
            question: a.question_text.as_deref().unwrap_or(&a.record.question),
            phase: Phase::of_category(&a.record.category).unwrap_or(Phase::Curveball),
            content: a.content.as_ref(),
        })
        .collect();
    let budget = session
        .budget_ms
        .unwrap_or_else(|| answers.iter().map(|a| a.record.limit_ms).sum());
    plain(&report(&moments, budget))
}

/// The review as lines, at most `width` columns (the text is wrapped).
pub fn render(
    session: &SessionRow,
    answers: &[ReviewAnswer],
    zone: &TimeZone,
    width: usize,
    paint: Paint,
) -> Vec<String> {
    let width = width.max(20);
    let mut out = Vec::new();
    let mut head = format!(
        "Session {} · {} · {} · {} answered, {} skipped",
        clean(&session.session),
        mode_name(session.mode),
        local_time(&session.started, zone),
        session.answered,
        session.skipped
    );
    if session.interrupted {
        head.push_str(" · ended early");
    }
    out.extend(wrap(&head, width, "  ").iter().map(|l| paint.strong(l)));
    if answers.is_empty() {
        out.push("No answers were saved in this session.".to_string());
    }
    if answers.iter().any(|a| {
        a.content
            .as_ref()
            .is_some_and(|f| !marked_runs(f).is_empty())
    }) {
        out.extend(wrap(MARKS_LEGEND, width, "  "));
    }
    for (i, ra) in answers.iter().enumerate() {
        let a = &ra.record;
        out.push(String::new());
        let title = match &ra.question_text {
            Some(text) => format!("{}. {}", i + 1, clean(text)),
            None => format!("{}. {}", i + 1, clean(&a.question)),
        };
        out.extend(wrap(&title, width, "   ").iter().map(|l| paint.strong(l)));
        let mut about = vec![clean(&a.question).into_owned(), local_time(&a.at, zone)];
        if a.mode != session.mode {
            about.push(mode_name(a.mode).to_string());
        }
        if let Some(k) = a.followup {
            about.push(format!("follow-up {k}"));
        }
        out.extend(wrap(&format!("   {}", about.join(" · ")), width, "   "));
        out.extend(wrap(
            &format!("   {}", answer_marks(a).join(" · ")),
            width,
            "   ",
        ));
        if !a.text.is_empty() {
            let runs = ra.content.as_ref().map(marked_runs).unwrap_or_default();
            let text = inline_marks(&a.text, &a.pauses, &runs);
            for line in wrap(&format!("   {text}"), width, "   ") {
                out.push(paint_marks(&line, paint));
            }
        }
        if let Some(f) = &ra.content {
            for line in content_lines(f, a.company.as_deref()) {
                out.extend(wrap(&format!("   {}", clean(&line)), width, "     "));
            }
        }
        let timed = timed_pauses(&a.pauses);
        if !timed.is_empty() {
            out.extend(wrap(&format!("   {}", timed.join(", ")), width, "   "));
        }
    }
    if session.mode == Mode::Rehearse {
        for line in rehearsal_report(session, answers) {
            out.extend(wrap_hanging(&clean(&line), width));
        }
    }
    out
}

/// Bold pause marks (the mark and its length), when colour is on.
fn paint_marks(line: &str, paint: Paint) -> String {
    if !paint.is_on() {
        return line.to_string();
    }
    line.split(' ')
        .map(|w| {
            if w.starts_with(PAUSE_MARK) {
                paint.strong(w)
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `review --json` document. `content` is what the answer said
/// (`content::Findings`, DESIGN's shape), `null` for an answer with no
/// text or with `--no-content`.
#[must_use]
pub fn to_json(session: &SessionRow, answers: &[ReviewAnswer]) -> Value {
    json!({
        "session": session.session,
        "mode": session.mode,
        "started": session.started.to_string(),
        "interrupted": session.interrupted,
        "answers": answers.iter().map(|ra| {
            let a = &ra.record;
            json!({
                "question": a.question,
                "question_text": ra.question_text,
                "at": a.at.to_string(),
                "text": a.text,
                "think_ms": a.think_ms,
                "think_target_ms": a.think_target(),
                "answer_ms": a.answer_ms,
                "limit_ms": a.limit_ms,
                "overran": a.overran,
                "skipped": a.skipped,
                "pauses": a.pauses,
                "words": a.words,
                "fillers": a.fillers,
                "filler_words": a.filler_words,
                "hint": a.hint,
                "rating": a.rating,
                "input": a.input,
                "followup": a.followup,
                "content": ra.content,
            })
        }).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(at_char: u32, ms: u64) -> Pause {
        Pause {
            at_word: Some(0),
            at_char: Some(at_char),
            ms,
            at_ms: None,
        }
    }

    #[test]
    fn pauses_sit_where_they_happened() {
        let text = "I tend to over prepare";
        assert_eq!(
            inline_pauses(text, &[typed(9, 4500)]),
            "I tend to ⏸4.5s over prepare"
        );
        // After the space, before the next word: the same reading.
        assert_eq!(
            inline_pauses(text, &[typed(10, 4500)]),
            "I tend to ⏸4.5s over prepare"
        );
        // Before the first word, mid-word, and two in order.
        assert_eq!(inline_pauses("Well", &[typed(0, 3100)]), "⏸3.1s Well");
        assert_eq!(
            inline_pauses("prepare", &[typed(4, 3000)]),
            "prep ⏸3.0s are"
        );
        assert_eq!(
            inline_pauses(text, &[typed(22, 5000), typed(1, 3200)]),
            "I ⏸3.2s tend to over prepare ⏸5.0s"
        );
    }

    #[test]
    fn out_of_range_positions_are_clamped_and_text_is_sanitized() {
        assert_eq!(inline_pauses("short", &[typed(99, 4000)]), "short ⏸4.0s");
        // Multi-byte characters are counted as characters.
        assert_eq!(inline_pauses("café au", &[typed(4, 3000)]), "café ⏸3.0s au");
        assert_eq!(
            inline_pauses("a\x1b[2Jb", &[typed(1, 3000)]),
            "a ⏸3.0s \\x1b[2Jb"
        );
    }

    #[test]
    fn unplaced_pauses_are_listed_by_time() {
        let mark = |at_ms: Option<u64>, ms: u64| Pause {
            at_word: None,
            at_char: None,
            ms,
            at_ms,
        };
        let got = timed_pauses(&[mark(Some(9000), 0), mark(Some(1500), 2100), typed(3, 4000)]);
        assert_eq!(got, vec!["pause 2.1s at 1.5s", "stumble at 9.0s"]);
        assert_eq!(
            timed_pauses(&[mark(None, 0)]),
            vec!["stumble #1 (time not recorded)"]
        );
    }

    #[test]
    fn content_marks_wrap_their_words_beside_the_pauses() {
        let text = "I think maybe I led it, and it was flawless.";
        // "I think maybe" = words 0..3, "flawless." = word 9.
        assert_eq!(
            inline_marks(text, &[], &[(0, 3), (9, 1)]),
            "«I think maybe» I led it, and it was «flawless.»"
        );
        // A pause inside a marked run and one right before it.
        assert_eq!(
            inline_marks(text, &[typed(8, 3000), typed(0, 4000)], &[(0, 3)]),
            "⏸4.0s «I think ⏸3.0s maybe» I led it, and it was flawless."
        );
        // Touching runs read as one.
        assert_eq!(
            inline_marks(text, &[], &[(0, 2), (2, 1)]),
            "«I think maybe» I led it, and it was flawless."
        );
        // Overlaps keep the first; runs past the end are dropped;
        // multi-byte text counts characters.
        assert_eq!(
            inline_marks("café très bien", &[], &[(1, 2), (2, 1), (7, 1)]),
            "café «très bien»"
        );
        // Marked text is still sanitized.
        assert_eq!(inline_marks("a\x1b[2J b", &[], &[(0, 1)]), "«a\\x1b[2J» b");
    }

    #[test]
    fn content_lines_list_every_finding_and_say_when_not_read() {
        use crate::content::{Language, PointFinding, Span};
        let mut f = Findings {
            language: Language::English,
            words: 10,
            hedges: vec![Span {
                text: "I think".into(),
                at_word: 0,
            }],
            oversell: Vec::new(),
            specifics: Vec::new(),
            long_sentences: Vec::new(),
            repeated: Vec::new(),
            points: vec![
                PointFinding {
                    point: "the situation".into(),
                    heard: true,
                    evidence: Some("at my last job".into()),
                    hint: String::new(),
                    own: false,
                },
                PointFinding {
                    point: "the result".into(),
                    heard: false,
                    evidence: None,
                    hint: "close with what changed".into(),
                    own: false,
                },
            ],
            avoid: Vec::new(),
            company_named: None,
            pay_only: None,
        };
        assert_eq!(
            content_lines(&f, None),
            vec![
                "Heard: the situation (“at my last job”).",
                "Not heard: the result — close with what changed.",
                "Hedge: “I think” (one is ordinary speech).",
            ]
        );
        assert_eq!(marked_runs(&f), vec![(0, 2)]);
        f.language = Language::Other;
        assert_eq!(
            content_lines(&f, None),
            vec!["Content: not read (content feedback is English-only)."]
        );
    }

    /// A story without its result, hedged and with a dodge: what review
    /// shows and what `review --json` carries, from findings made by hand
    /// (the analyzer's own output is tested with the analyzer).
    #[test]
    fn snapshot_review_with_content() {
        use crate::content::{AvoidFinding, Language, PointFinding, Span};
        let text = "I think maybe the deadline slipped at my last job, it wasn't my fault \
                    really, and I decided to rewrite the plan with the team.";
        let record = AnswerRecord {
            session: "s1".into(),
            at: Stamp::parse("2026-11-30T10:00:00.000Z").unwrap(),
            mode: Mode::Drill,
            question: "behavioral/missed-deadline".into(),
            category: "behavioral".into(),
            think_ms: 4_000,
            answer_ms: 50_000,
            limit_ms: 90_000,
            words: Some(count_words(text)),
            pauses: vec![typed(27, 3_400)],
            text: text.into(),
            ..Default::default()
        };
        let findings = Findings {
            language: Language::English,
            words: count_words(text),
            hedges: vec![
                Span {
                    text: "I think".into(),
                    at_word: 0,
                },
                Span {
                    text: "maybe".into(),
                    at_word: 2,
                },
            ],
            oversell: Vec::new(),
            specifics: Vec::new(),
            long_sentences: Vec::new(),
            repeated: Vec::new(),
            points: vec![
                PointFinding {
                    point: "the situation".into(),
                    heard: true,
                    evidence: Some("slipped at my last job, it".into()),
                    hint: "Add: the situation".into(),
                    own: false,
                },
                PointFinding {
                    point: "what you did yourself".into(),
                    heard: true,
                    evidence: Some("and I decided to rewrite the".into()),
                    hint: "Add: what you did yourself".into(),
                    own: false,
                },
                PointFinding {
                    point: "the result".into(),
                    heard: false,
                    evidence: None,
                    hint: "close with what changed, ideally one number".into(),
                    own: false,
                },
            ],
            avoid: vec![AvoidFinding {
                text: "wasn't my fault".into(),
                why: "every interviewer has missed one; own yours".into(),
                at_word: 11,
            }],
            company_named: None,
            pay_only: None,
        };
        let session = SessionRow {
            session: "s1".into(),
            started: record.at,
            mode: Mode::Drill,
            answered: 1,
            skipped: 0,
            interrupted: false,
            closed: true,
            budget_ms: None,
        };
        let answers = vec![ReviewAnswer {
            record,
            question_text: Some("Tell me about a time you missed a deadline.".into()),
            content: Some(findings),
        }];
        let lines = render(&session, &answers, &TimeZone::UTC, 72, Paint::new(false));
        for l in &lines {
            assert!(l.chars().count() <= 72, "{l}");
        }
        insta::assert_snapshot!("review_with_content", lines.join("\n"));
        let json = to_json(&session, &answers);
        insta::assert_json_snapshot!("review_with_content_json", json["answers"][0]["content"]);
    }
}
