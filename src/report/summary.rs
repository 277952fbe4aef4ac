//! The end-of-session summary: one table row per answer (think time,
//! answer time, pauses, words, pace, fillers, flags) under a one-line
//! headline. Plain text, no colour, so it reads the same in a pipe.

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, presets};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use std::io::{self, Write};

use crate::drill::{AnswerRecord, InputMode, SessionRecord, coach};
use crate::term::countdown::wrap;
use crate::term::sanitize::clean;
use crate::term::style::Paint;

/// Widest the question column gets before it is cut with "…".
const QUESTION_COLUMNS: usize = 44;

/// One answered (or skipped) question of the session.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// What was recorded.
    pub record: &'a AnswerRecord,
    /// The question as it was asked (placeholders filled).
    pub question: &'a str,
}

/// "Session 20250101-093000-1a2b: 3 answered, 1 skipped." with
/// " Ended early." when interrupted.
pub fn headline(session: &str, answered: u32, skipped: u32, interrupted: bool) -> String {
    let mut line = format!(
        "Session {}: {answered} answered, {skipped} skipped.",
        clean(session)
    );
    if interrupted {
        line.push_str(" Ended early.");
    }
    line
}

/// The whole end-of-session summary: headline, table and the one next
/// step, fitted to `width` columns when on a terminal (`None` off one).
pub fn write(
    out: &mut dyn Write,
    width: Option<u16>,
    closing: &SessionRecord,
    answers: &[(AnswerRecord, String)],
    records: &[AnswerRecord],
    paint: Paint,
) -> io::Result<()> {
    writeln!(out)?;
    let headline = headline(
        &closing.session,
        closing.answered,
        closing.skipped,
        closing.interrupted,
    );
    writeln!(out, "{}", paint.strong(&headline))?;
    if !answers.is_empty() {
        let rows: Vec<Row<'_>> = answers
            .iter()
            .map(|(record, question)| Row { record, question })
            .collect();
        writeln!(out, "{}", table(&rows, width))?;
    }
    if let Some(step) = coach::next_step(records) {
        // The step may quote a word of an answer, which may hold anything
        // a paste brought in.
        let line = format!("To work on: {}", clean(&step));
        match width {
            Some(w) => {
                let parts = wrap(&line, usize::from(w).saturating_sub(1), "");
                for (i, part) in parts.iter().enumerate() {
                    let part = if i == 0 {
                        paint.label(part)
                    } else {
                        part.clone()
                    };
                    writeln!(out, "{part}")?;
                }
            }
            None => writeln!(out, "{}", paint.label(&line))?,
        }
    }
    out.flush()
}

/// The table, fitted to `width` columns when given (a terminal), else as
/// wide as its content.
pub fn table(rows: &[Row<'_>], width: Option<u16>) -> String {
    let mut t = Table::new();
    // Box drawing on a terminal; off one (a pipe, a file, a screen reader
    // reading line input) a Markdown table, which reads and pastes cleanly.
    let preset = if width.is_some() {
        presets::UTF8_FULL_CONDENSED
    } else {
        presets::ASCII_MARKDOWN
    };
    t.load_style(preset).force_no_tty();
    match width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t.set_header(vec![
        "#", "question", "think", "answer", "pauses", "words", "wpm", "fillers", "flags",
    ]);
    for (i, row) in rows.iter().enumerate() {
        t.add_row(cells(i + 1, row));
    }
    for i in [0, 2, 3, 5, 6, 7] {
        if let Some(col) = t.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    // Only the question wraps on a narrow terminal: figures cut in half are
    // unreadable.
    for i in [0, 2, 3, 4, 5, 6, 7, 8] {
        if let Some(col) = t.column_mut(i) {
            col.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    t.to_string()
}

fn cells(n: usize, row: &Row<'_>) -> Vec<String> {
    let r = row.record;
    let none = || "–".to_string();
    let spoken = r.input == InputMode::Spoken;
    let answered = !r.skipped;
    let mut flags = Vec::new();
    if r.skipped {
        flags.push("skipped");
    }
    if r.overran {
        flags.push("overran");
    }
    if r.hint {
        flags.push("hint");
    }
    vec![
        n.to_string(),
        shorten(&clean(row.question).replace('\n', " "), QUESTION_COLUMNS),
        seconds(r.think_ms),
        if answered {
            seconds(r.answer_ms)
        } else {
            none()
        },
        pauses(r),
        if answered && !spoken {
            r.words.to_string()
        } else {
            none()
        },
        match r.wpm {
            Some(wpm) if answered && !spoken => format!("{wpm:.0}"),
            _ => none(),
        },
        if spoken {
            none()
        } else {
            r.fillers.to_string()
        },
        flags.join(", "),
    ]
}

/// "0", "2 / 4.5s" (how many, the longest), or just the count for
/// spoken stumble marks, which have no length.
fn pauses(r: &AnswerRecord) -> String {
    let longest = r.pauses.iter().map(|p| p.ms).max().unwrap_or(0);
    match (r.pauses.len(), longest) {
        (0, _) => "0".to_string(),
        (n, 0) => n.to_string(),
        (n, ms) => format!("{n} / {}", seconds(ms)),
    }
}

/// "4.2s" under ten seconds, "38s", "1m05s" — rounded to the nearest
/// shown unit, as the feedback lines round, so both say the same number.
pub fn seconds(ms: u64) -> String {
    let tenths = ms.saturating_add(50) / 100;
    if tenths < 100 {
        return format!("{}.{}s", tenths / 10, tenths % 10);
    }
    let s = ms.saturating_add(500) / 1000;
    if s < 60 {
        format!("{s}s")
    } else {
        format!("{}m{:02}s", s / 60, s % 60)
    }
}

/// Cuts `text` to at most `max` display columns, ending in "…" if cut.
fn shorten(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in text.graphemes(true) {
        if w + g.width() + 1 > max {
            break;
        }
        out.push_str(g);
        w += g.width();
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::{Mode, Pause};

    fn record(think_ms: u64) -> AnswerRecord {
        AnswerRecord {
            v: 1,
            session: "s".into(),
            at: crate::drill::Stamp::default(),
            mode: Mode::Drill,
            question: "weaknesses/greatest".into(),
            category: "weaknesses".into(),
            input: InputMode::Typed,
            think_ms,
            answer_ms: 38_400,
            limit_ms: 90_000,
            overran: false,
            skipped: false,
            pauses: vec![
                Pause {
                    at_word: Some(3),
                    at_char: Some(9),
                    ms: 4_500,
                    at_ms: Some(900),
                },
                Pause {
                    at_word: Some(7),
                    at_char: Some(30),
                    ms: 3_200,
                    at_ms: Some(9_000),
                },
            ],
            words: 42,
            wpm: Some(65.6),
            fillers: 2,
            filler_words: vec!["um".into(), "like".into()],
            revisions: 3,
            hint: false,
            rating: None,
            text: "I tend to over prepare".into(),
            ..Default::default()
        }
    }

    #[test]
    fn table_rows_show_each_signal() {
        let answered = record(4_200);
        let skipped = AnswerRecord {
            skipped: true,
            hint: true,
            pauses: Vec::new(),
            wpm: None,
            words: 0,
            fillers: 0,
            ..record(12_000)
        };
        let rows = [
            Row {
                record: &answered,
                question: "What is your greatest weakness?",
            },
            Row {
                record: &skipped,
                question: "Where do you see yourself \x1b[2J in five years at a company like this one?",
            },
        ];
        let got = table(&rows, Some(200));
        let expected = "\
┌───┬──────────────────────────────────────────────┬───────┬────────┬──────────┬───────┬─────┬─────────┬───────────────┐
│ # ┆ question                                     ┆ think ┆ answer ┆ pauses   ┆ words ┆ wpm ┆ fillers ┆ flags         │
╞═══╪══════════════════════════════════════════════╪═══════╪════════╪══════════╪═══════╪═════╪═════════╪═══════════════╡
│ 1 ┆ What is your greatest weakness?              ┆  4.2s ┆    38s ┆ 2 / 4.5s ┆    42 ┆  66 ┆       2 ┆               │
│ 2 ┆ Where do you see yourself \\x1b[2J in five y… ┆   12s ┆      – ┆ 0        ┆     – ┆   – ┆       0 ┆ skipped, hint │
└───┴──────────────────────────────────────────────┴───────┴────────┴──────────┴───────┴─────┴─────────┴───────────────┘";
        assert_eq!(got, expected, "\n{got}");
    }

    #[test]
    fn off_a_terminal_the_table_is_markdown() {
        let answered = record(4_200);
        let rows = [Row {
            record: &answered,
            question: "What is your greatest weakness?",
        }];
        let got = table(&rows, None);
        let expected = "\
| # | question                        | think | answer | pauses   | words | wpm | fillers | flags |
|---|---------------------------------|-------|--------|----------|-------|-----|---------|-------|
| 1 | What is your greatest weakness? |  4.2s |    38s | 2 / 4.5s |    42 |  66 |       2 |       |";
        assert_eq!(got, expected, "\n{got}");
    }

    #[test]
    fn a_narrow_terminal_gets_a_table_no_wider_than_it() {
        let r = record(4_200);
        let rows = [Row {
            record: &r,
            question: "Tell me about a time you disagreed with your manager.",
        }];
        let got = table(&rows, Some(70));
        for line in got.lines() {
            assert!(line.width() <= 70, "{line:?}");
        }
        assert!(got.contains("4.2s"), "{got}");
    }

    #[test]
    fn spoken_answers_show_marks_without_word_counts() {
        let r = AnswerRecord {
            input: InputMode::Spoken,
            pauses: vec![Pause {
                at_word: None,
                at_char: None,
                ms: 0,
                at_ms: Some(700),
            }],
            words: 0,
            wpm: None,
            fillers: 0,
            ..record(1_000)
        };
        let cells = cells(
            1,
            &Row {
                record: &r,
                question: "q",
            },
        );
        assert_eq!(cells[4], "1");
        assert_eq!(cells[5], "–");
        assert_eq!(cells[6], "–");
    }

    #[test]
    fn durations_and_headline() {
        assert_eq!(seconds(4_249), "4.2s");
        assert_eq!(seconds(4_250), "4.3s");
        assert_eq!(seconds(9_949), "9.9s");
        assert_eq!(seconds(9_950), "10s");
        assert_eq!(seconds(38_499), "38s");
        assert_eq!(seconds(38_999), "39s");
        assert_eq!(seconds(59_600), "1m00s");
        assert_eq!(seconds(65_000), "1m05s");
        assert_eq!(
            seconds(u64::MAX),
            format!("{}m{:02}s", u64::MAX / 1000 / 60, u64::MAX / 1000 % 60)
        );
        assert_eq!(
            headline("20250101-093000-1a2b", 3, 1, true),
            "Session 20250101-093000-1a2b: 3 answered, 1 skipped. Ended early."
        );
    }
}
