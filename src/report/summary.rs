//! The end-of-session summary: a one-line headline, then one entry per
//! answer (think time, answer time, pauses or stumbles, words, pace,
//! fillers, flags), the one next step, and where the answers were saved.
//!
//! On a terminal the entries are a table fitted to its width; below the
//! width where the table fits without cutting a word of a question they
//! are stacked, one block per answer. Off a terminal they are a Markdown
//! table. Durations are [`measured`](crate::text::duration::measured), as in the feedback.

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use unicode_width::UnicodeWidthStr;

use std::io::{self, Write};
use std::path::Path;

use crate::drill::coach;
use crate::drill::{AnswerRecord, InputMode, SessionRecord};
use crate::term::style::Paint;
use crate::text::duration::measured;
use crate::text::{Label, Line, clean, cut, plural, wrap, wrap_hanging};

/// Widest the question column gets before it is cut with "…".
const QUESTION_COLUMNS: usize = 44;

/// The narrowest question column worth a table (unless every question is
/// shorter): narrower, the stacked layout reads better.
const QUESTION_MIN: usize = 16;

/// The table's column headers.
const HEADERS: [&str; 9] = [
    "#", "question", "think", "answer", "pauses", "words", "wpm", "fillers", "flags",
];

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
#[must_use]
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

/// What a mode puts at the end of its summary, before `Saved to`.
#[derive(Debug, Clone, Default)]
pub struct Tail<'a> {
    /// The one thing to work on next ([`coach::next_step`]), if shown.
    pub next_step: Option<String>,
    /// The mode's own closing lines (streak, what is due, the rehearsal
    /// report), each wrapped to the width.
    pub lines: &'a [String],
}

impl Tail<'_> {
    /// The usual tail: the next step judged from `records`, nothing more.
    #[must_use]
    pub fn next_step_of(records: &[AnswerRecord]) -> Self {
        Self {
            next_step: coach::next_step(records),
            lines: &[],
        }
    }
}

/// The whole end-of-session summary: headline, the answers (see
/// [`table`]), a legend for the pause cells, the tail (the one next step,
/// a mode's own lines), and `Saved to <path>` when `saved_to` is given and
/// an answer was saved. Fitted to `width` columns when on a terminal
/// (`None` off one).
pub fn write(
    out: &mut dyn Write,
    width: Option<u16>,
    closing: &SessionRecord,
    answers: &[(AnswerRecord, String)],
    tail: &Tail<'_>,
    paint: Paint,
    saved_to: Option<&Path>,
) -> io::Result<()> {
    // Text lines stop one column short of the edge, as all feedback does.
    let columns = width.map(|w| usize::from(w).saturating_sub(1));
    let text = |out: &mut dyn Write, line: &Line| {
        for row in paint.lines(line, columns, "") {
            writeln!(out, "{row}")?;
        }
        io::Result::Ok(())
    };
    writeln!(out)?;
    let headline = headline(
        &closing.session,
        closing.answered,
        closing.skipped,
        closing.interrupted,
    );
    // Every part of a wrapped headline is the heading.
    for part in columns.map_or_else(|| vec![headline.clone()], |c| wrap(&headline, c, "")) {
        writeln!(out, "{}", paint.strong(&part))?;
    }
    if !answers.is_empty() {
        let rows: Vec<Row<'_>> = answers
            .iter()
            .map(|(record, question)| Row { record, question })
            .collect();
        writeln!(out, "{}", table(&rows, width))?;
        if is_grid(&rows, width)
            && let Some(l) = legend(&rows)
        {
            if width.is_none() {
                // A Markdown table runs on into the next line otherwise.
                writeln!(out)?;
            }
            text(out, &Line::plain(l))?;
        }
        if width.is_none() {
            writeln!(out)?;
        }
    }
    if let Some(step) = &tail.next_step {
        // The step may quote a word of an answer, which may hold anything
        // a paste brought in: painting sanitizes it.
        text(out, &Line::labelled(Label::ToWorkOn, step.as_str()))?;
    }
    for line in tail.lines {
        let line = clean(line);
        match columns {
            // A list item wraps under its own text.
            Some(c) => {
                for part in wrap_hanging(&line, c) {
                    writeln!(out, "{part}")?;
                }
            }
            None => writeln!(out, "{line}")?,
        }
    }
    if let Some(path) = saved_to.filter(|_| !answers.is_empty()) {
        text(out, &Line::plain(format!("Saved to {}", path.display())))?;
    }
    out.flush()
}

/// The answers: a Markdown table off a terminal (`width` `None`); on one,
/// a table no wider than `width` when it fits without cutting a word of a
/// question, else one block per answer ([`stacked`]).
#[must_use]
pub fn table(rows: &[Row<'_>], width: Option<u16>) -> String {
    match width {
        None => grid(rows, None),
        Some(w) => match question_width(rows, usize::from(w)) {
            Some(q) => grid(rows, Some(q)),
            None => stacked(rows, usize::from(w)),
        },
    }
}

/// Whether [`table`] draws a table (not stacked blocks) for `width`.
fn is_grid(rows: &[Row<'_>], width: Option<u16>) -> bool {
    width.is_none_or(|w| question_width(rows, usize::from(w)).is_some())
}

/// The question as a Markdown table cell: sanitized, on one line, at most
/// [`QUESTION_COLUMNS`] wide.
fn question_cell(row: &Row<'_>) -> String {
    cut(&one_line(row.question), QUESTION_COLUMNS)
}

/// The question sanitized and on one line.
fn one_line(question: &str) -> String {
    clean(question).replace(['\n', '\r'], " ")
}

/// How wide the question column can be in a `width`-column table, if the
/// table fits at all: every other column as wide as its content, and the
/// question column at least as wide as the longest word of a question (and
/// [`QUESTION_MIN`], unless every question is narrower), at most
/// [`QUESTION_COLUMNS`].
fn question_width(rows: &[Row<'_>], width: usize) -> Option<usize> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| cells(i + 1, r))
        .collect();
    let column = |j: usize| {
        cells
            .iter()
            .map(|c| c[j].width())
            .chain([HEADERS[j].width()])
            .max()
            .unwrap_or(0)
    };
    // "│ a ┆ b │": one border per column and one more, one space each side.
    let frame = 3 * HEADERS.len() + 1;
    let others: usize = (0..HEADERS.len()).filter(|&j| j != 1).map(column).sum();
    let available = width.checked_sub(frame + others)?;
    let questions: Vec<String> = rows.iter().map(|r| one_line(r.question)).collect();
    let natural = questions
        .iter()
        .map(|q| q.width())
        .chain([HEADERS[1].width()])
        .max()
        .unwrap_or(0)
        .min(QUESTION_COLUMNS);
    let longest_word = questions
        .iter()
        .flat_map(|q| q.split(' ').map(crate::text::width).collect::<Vec<_>>())
        .max()
        .unwrap_or(0);
    let needed = natural.min(longest_word.max(QUESTION_MIN));
    (available >= needed).then(|| natural.min(available))
}

/// The table; with `question` (a terminal) box-drawn, questions wrapped to
/// that many columns; without, Markdown, each row on one line.
fn grid(rows: &[Row<'_>], question: Option<usize>) -> String {
    let mut t = Table::new();
    // Box drawing on a terminal; off one (a pipe, a file, a screen reader
    // reading line input) a Markdown table, which reads and pastes cleanly.
    let preset = if question.is_some() {
        presets::UTF8_FULL_CONDENSED
    } else {
        presets::ASCII_MARKDOWN
    };
    // The widths were worked out in `question_width`, and questions are
    // wrapped at spaces here: comfy-table must not re-wrap anything.
    t.load_style(preset)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(HEADERS.to_vec());
    for (i, row) in rows.iter().enumerate() {
        let mut c = cells(i + 1, row);
        if let Some(q) = question {
            // The whole question, wrapped: a terminal table loses no word.
            c[1] = wrap(&one_line(row.question), q, "").join("\n");
        }
        t.add_row(c);
    }
    for i in [0, 2, 3, 5, 6, 7] {
        if let Some(col) = t.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    t.to_string()
}

/// One block per answer, for terminals too narrow for the table: "1. " and
/// the question wrapped under itself, then its figures, `think 4.2s ·
/// answer 1m05s · 2 pauses, longest 5.1s · …`, packed into lines no wider
/// than `width`. A figure moves to the next line whole; words are never
/// split (only a word wider than the whole line is).
#[must_use]
pub fn stacked(rows: &[Row<'_>], width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let number = format!("{}. ", i + 1);
        let indent = " ".repeat(number.width());
        let question = format!("{number}{}", one_line(row.question));
        lines.extend(wrap(&question, width, &indent));
        let mut line = indent.clone();
        for part in figures(row.record) {
            let joined = if line.trim().is_empty() {
                format!("{line}{part}")
            } else {
                format!("{line} · {part}")
            };
            if joined.width() <= width {
                line = joined;
                continue;
            }
            if !line.trim().is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut parts = wrap(&format!("{indent}{part}"), width, &indent);
            line = parts.pop().unwrap_or_default();
            lines.extend(parts);
        }
        if !line.trim().is_empty() {
            lines.push(line);
        }
    }
    lines.join("\n")
}

/// The figures of one answer in words, for [`stacked`].
fn figures(r: &AnswerRecord) -> Vec<String> {
    let spoken = r.input == InputMode::Spoken;
    let mut out = vec![format!("think {}", measured(r.think_ms))];
    if r.skipped {
        out.push("skipped".to_owned());
    } else {
        out.push(format!("answer {}", measured(r.answer_ms)));
        let (typed, marked, longest) = pause_counts(r);
        if typed > 0 {
            out.push(if typed == 1 {
                format!("1 pause of {}", measured(longest))
            } else {
                format!("{typed} pauses, longest {}", measured(longest))
            });
        }
        if marked > 0 {
            out.push(plural(marked, "stumble", "stumbles"));
        }
        if typed == 0 && marked == 0 {
            out.push(if spoken { "no stumbles" } else { "no pauses" }.to_owned());
        }
        // Not measured (voice: null) is left out, never shown as zero.
        if let Some(words) = r.words.filter(|_| !spoken) {
            out.push(plural(words as usize, "word", "words"));
            if let Some(wpm) = r.wpm {
                out.push(format!("{wpm:.0} wpm"));
            }
        }
        if let Some(fillers) = r.fillers.filter(|_| !spoken) {
            out.push(plural(fillers as usize, "filler", "fillers"));
        }
    }
    if r.overran {
        out.push("overran".to_owned());
    }
    if r.hint {
        out.push("hint".to_owned());
    }
    out
}

/// `1 word` / `2 words`.
/// Measured pauses (typed or voice), spoken stumble marks, and the
/// longest measured pause (ms).
fn pause_counts(r: &AnswerRecord) -> (usize, usize, u64) {
    let typed = r.pauses.iter().filter(|p| !p.is_mark());
    let longest = typed.clone().map(|p| p.ms).max().unwrap_or(0);
    let n = typed.count();
    (n, r.pauses.len() - n, longest)
}

/// What a `2 / 4.5s` pause cell means, spelled out with the first such
/// cell of the table; `None` when there is none.
#[must_use]
pub fn legend(rows: &[Row<'_>]) -> Option<String> {
    rows.iter().find_map(|row| {
        let (typed, _, longest) = pause_counts(row.record);
        (typed > 0).then(|| {
            format!(
                "pauses “{typed} / {}”: {}, the longest {}.",
                measured(longest),
                plural(typed, "pause", "pauses"),
                measured(longest)
            )
        })
    })
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
        question_cell(row),
        measured(r.think_ms),
        if answered {
            measured(r.answer_ms)
        } else {
            none()
        },
        pauses(r),
        match r.words {
            Some(words) if answered && !spoken => words.to_string(),
            _ => none(),
        },
        match r.wpm {
            Some(wpm) if answered && !spoken => format!("{wpm:.0}"),
            _ => none(),
        },
        match r.fillers {
            Some(fillers) if !spoken => fillers.to_string(),
            _ => none(),
        },
        flags.join(", "),
    ]
}

/// "0", "2 / 4.5s" (how many pauses, the longest), "1 stumble" for
/// spoken marks (which have no length), or both.
fn pauses(r: &AnswerRecord) -> String {
    let (typed, marked, longest) = pause_counts(r);
    let mut parts = Vec::new();
    if typed > 0 {
        parts.push(format!("{typed} / {}", measured(longest)));
    }
    if marked > 0 {
        parts.push(plural(marked, "stumble", "stumbles"));
    }
    if parts.is_empty() {
        "0".to_string()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::{Mode, Pause};

    fn record(think_ms: u64) -> AnswerRecord {
        AnswerRecord::builder("weaknesses/greatest")
            .session("s")
            .think_ms(think_ms)
            .answer_ms(38_400)
            .limit_ms(90_000)
            .pauses(vec![
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
            ])
            .words(42)
            .wpm(65.6)
            .fillers(&["um", "like"])
            .revisions(3)
            .text("I tend to over prepare")
            .build()
    }

    fn rows_of<'a>(records: &'a [AnswerRecord], questions: &[&'a str]) -> Vec<Row<'a>> {
        records
            .iter()
            .zip(questions)
            .map(|(record, question)| Row { record, question })
            .collect()
    }

    #[test]
    fn table_rows_show_each_signal() {
        let answered = record(4_200);
        let skipped = AnswerRecord {
            skipped: true,
            hint: true,
            pauses: Vec::new(),
            wpm: None,
            words: Some(0),
            fillers: Some(0),
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
┌───┬───────────────────────────────────────────┬───────┬────────┬──────────┬───────┬─────┬─────────┬───────────────┐
│ # ┆ question                                  ┆ think ┆ answer ┆ pauses   ┆ words ┆ wpm ┆ fillers ┆ flags         │
╞═══╪═══════════════════════════════════════════╪═══════╪════════╪══════════╪═══════╪═════╪═════════╪═══════════════╡
│ 1 ┆ What is your greatest weakness?           ┆  4.2s ┆  38.4s ┆ 2 / 4.5s ┆    42 ┆  66 ┆       2 ┆               │
│ 2 ┆ Where do you see yourself \\x1b[2J in five ┆ 12.0s ┆      – ┆ 0        ┆     – ┆   – ┆       0 ┆ skipped, hint │
│   ┆ years at a company like this one?         ┆       ┆        ┆          ┆       ┆     ┆         ┆               │
└───┴───────────────────────────────────────────┴───────┴────────┴──────────┴───────┴─────┴─────────┴───────────────┘";
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
| 1 | What is your greatest weakness? |  4.2s |  38.4s | 2 / 4.5s |    42 |  66 |       2 |       |";
        assert_eq!(got, expected, "\n{got}");
    }

    /// The reported bug: at 70 columns "ques"/"tion", at 60 and 40 one
    /// letter per line and the table wider than the screen.
    #[test]
    fn no_line_is_wider_than_the_terminal_and_no_word_is_split() {
        let long = record(4_200);
        let overran = AnswerRecord {
            overran: true,
            hint: true,
            answer_ms: 65_000,
            ..record(12_000)
        };
        let spoken = AnswerRecord {
            input: InputMode::Spoken,
            pauses: vec![mark(700), mark(9_000)],
            words: Some(0),
            wpm: None,
            fillers: Some(0),
            ..record(1_000)
        };
        let records = [long, overran, spoken];
        let questions = [
            "Tell me about a time you disagreed with your manager and what you did next.",
            "What question would you ask your interviewer?",
            "Why this particular position, of all of them?",
        ];
        let rows = rows_of(&records, &questions);
        for width in [100u16, 70, 60, 40, 30] {
            let got = table(&rows, Some(width));
            for line in got.lines() {
                assert!(
                    line.width() <= usize::from(width),
                    "{width}: {line:?} is {} wide\n{got}",
                    line.width()
                );
            }
            let tokens: Vec<&str> = got.split_whitespace().collect();
            let grid = is_grid(&rows, Some(width));
            for row in &rows {
                for word in row.question.split_whitespace() {
                    assert!(
                        tokens.contains(&word),
                        "{width}: {word:?} was split or lost\n{got}"
                    );
                }
            }
            // Wide enough: a table; the widths of the report: stacked.
            assert_eq!(grid, width >= 100, "{width}:\n{got}");
            assert_eq!(got.contains('┆'), grid, "{width}:\n{got}");
        }
    }

    #[test]
    fn stacked_blocks_spell_out_the_figures() {
        let typed = record(4_200);
        let overran = AnswerRecord {
            overran: true,
            hint: true,
            answer_ms: 65_000,
            pauses: vec![typed.pauses[0].clone()],
            ..record(12_000)
        };
        let spoken = AnswerRecord {
            input: InputMode::Spoken,
            pauses: vec![mark(700)],
            words: Some(0),
            wpm: None,
            fillers: Some(0),
            ..record(1_000)
        };
        let skipped = AnswerRecord {
            skipped: true,
            ..record(8_000)
        };
        let records = [typed, overran, spoken, skipped];
        let q = "What is your greatest weakness?";
        let rows = rows_of(&records, &[q, q, q, q]);
        let got = stacked(&rows, 40);
        let expected = "\
1. What is your greatest weakness?
   think 4.2s · answer 38.4s
   2 pauses, longest 4.5s · 42 words
   66 wpm · 2 fillers
2. What is your greatest weakness?
   think 12.0s · answer 1m05s
   1 pause of 4.5s · 42 words · 66 wpm
   2 fillers · overran · hint
3. What is your greatest weakness?
   think 1.0s · answer 38.4s · 1 stumble
4. What is your greatest weakness?
   think 8.0s · skipped";
        assert_eq!(got, expected, "\n{got}");
    }

    fn mark(at_ms: u64) -> Pause {
        Pause {
            at_word: None,
            at_char: None,
            ms: 0,
            at_ms: Some(at_ms),
        }
    }

    #[test]
    fn spoken_answers_show_stumbles_without_word_counts() {
        let r = AnswerRecord {
            input: InputMode::Spoken,
            pauses: vec![mark(700)],
            words: Some(0),
            wpm: None,
            fillers: Some(0),
            ..record(1_000)
        };
        let row = Row {
            record: &r,
            question: "q",
        };
        let cells = cells(1, &row);
        assert_eq!(cells[4], "1 stumble");
        assert_eq!(cells[5], "–");
        assert_eq!(cells[6], "–");
        // Only a table with a "2 / 4.5s" cell needs the legend.
        assert_eq!(legend(&[row]), None);
        let typed = record(1_000);
        assert_eq!(
            legend(&[
                row,
                Row {
                    record: &typed,
                    question: "q"
                }
            ])
            .as_deref(),
            Some("pauses “2 / 4.5s”: 2 pauses, the longest 4.5s.")
        );
    }

    #[test]
    fn headline_says_when_the_session_ended_early() {
        assert_eq!(
            headline("20250101-093000-1a2b", 3, 1, true),
            "Session 20250101-093000-1a2b: 3 answered, 1 skipped. Ended early."
        );
    }

    fn closing(answered: u32) -> SessionRecord {
        SessionRecord {
            v: 1,
            session: "20250101-093000-1a2b".into(),
            started: crate::drill::Stamp::default(),
            ended: crate::drill::Stamp::default(),
            mode: Mode::Drill,
            answered,
            skipped: 0,
            interrupted: false,
            budget_ms: None,
        }
    }

    fn written(
        width: Option<u16>,
        answers: &[(AnswerRecord, String)],
        paint: bool,
        saved_to: Option<&Path>,
    ) -> String {
        let records: Vec<AnswerRecord> = answers.iter().map(|(r, _)| r.clone()).collect();
        let mut out = Vec::new();
        let n = u32::try_from(answers.len()).unwrap_or(0);
        write(
            &mut out,
            width,
            &closing(n),
            answers,
            &Tail::next_step_of(&records),
            Paint::new(paint),
            saved_to,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_summary_ends_with_where_the_answers_were_saved() {
        let answers = vec![(record(4_200), "What is your greatest weakness?".to_owned())];
        let path = Path::new("/home/u/.local/share/hotseat/history.jsonl");
        for width in [None, Some(100), Some(40)] {
            let got = written(width, &answers, false, Some(path));
            let last = match width {
                Some(40) => "Saved to\n/home/u/.local/share/hotseat/history.js\nonl\n",
                _ => "\nSaved to /home/u/.local/share/hotseat/history.jsonl\n",
            };
            assert!(got.ends_with(last), "{width:?}\n{got}");
            assert!(!written(width, &answers, false, None).contains("Saved to"));
        }
        // Nothing saved, nothing said.
        assert!(!written(Some(100), &[], false, Some(path)).contains("Saved to"));
        // The path is shown safely.
        let evil = Path::new("/tmp/\x1b[2Jhome/history.jsonl");
        let got = written(None, &answers, false, Some(evil));
        assert!(
            got.contains("Saved to /tmp/\\x1b[2Jhome/history.jsonl"),
            "{got}"
        );
        assert!(!got.contains('\x1b'), "{got:?}");
    }

    #[test]
    fn the_legend_explains_pause_cells_in_a_table_only() {
        let answers = vec![(record(4_200), "What is your greatest weakness?".to_owned())];
        let legend = "pauses “2 / 4.5s”: 2 pauses, the longest 4.5s.";
        assert!(written(Some(120), &answers, false, None).contains(legend));
        // Markdown: a blank line keeps the legend out of the table.
        let md = written(None, &answers, false, None);
        assert!(
            md.contains(&format!("|\n\n{legend}\n\nTo work on:")),
            "{md}"
        );
        // Stacked blocks spell it out instead.
        let narrow = written(Some(40), &answers, false, None);
        assert!(!narrow.contains("pauses “"), "{narrow}");
        assert!(narrow.contains("2 pauses, longest 4.5s"), "{narrow}");
    }

    #[test]
    fn every_summary_line_fits_narrow_terminals() {
        let answers = vec![(record(25_000), "What is your greatest weakness?".to_owned())];
        let path = Path::new("/home/u/.local/share/hotseat/history.jsonl");
        for width in [100u16, 70, 60, 40, 30] {
            let got = written(Some(width), &answers, false, Some(path));
            assert!(got.contains("To work on:"), "{got}");
            for line in got.lines() {
                assert!(line.width() <= usize::from(width), "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn colour_marks_the_headline_and_to_work_on_only_when_on() {
        let answers = vec![(record(25_000), "What is your greatest weakness?".to_owned())];
        for width in [None, Some(100), Some(40)] {
            let on = written(width, &answers, true, None);
            assert!(
                on.contains("\x1b[1mSession 20250101-093000-1a2b"),
                "{width:?} {on:?}"
            );
            assert!(on.contains("To work on:\x1b["), "{width:?} {on:?}");
            let off = written(width, &answers, false, None);
            assert!(!off.contains('\x1b'), "{width:?} {off:?}");
        }
    }

    #[test]
    fn voice_rows_show_not_measured_as_a_dash_never_zero() {
        let voice = AnswerRecord {
            input: InputMode::Voice,
            words: None,
            wpm: None,
            fillers: None,
            filler_words: vec![],
            revisions: 0,
            pauses: vec![Pause {
                at_word: None,
                at_char: None,
                ms: 4_500,
                at_ms: Some(2_000),
            }],
            ..record(1_500)
        };
        let row = Row {
            record: &voice,
            question: "Q?",
        };
        let c = cells(1, &row);
        // # question think answer pauses words wpm fillers flags
        assert_eq!(c[4], "1 / 4.5s");
        assert_eq!(
            (c[5].as_str(), c[6].as_str(), c[7].as_str()),
            ("–", "–", "–")
        );
        let f = figures(&voice);
        assert!(f.contains(&"1 pause of 4.5s".to_string()), "{f:?}");
        assert!(
            !f.iter().any(|x| x.contains("word") || x.contains("filler")),
            "{f:?}"
        );
    }
}
