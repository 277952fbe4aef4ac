//! `hotseat export`: sessions and answers for a mentor, as CSV (one row
//! per answer, with a header), Markdown (readable tables) or JSON (the
//! records as stored). HTML is in [`super::html`]. Everything from the
//! history is sanitized (`clean`); Markdown and CSV also neutralize what
//! their viewers would interpret (table pipes, raw HTML, spreadsheet
//! formulas).

use std::io::{self, Write};

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::review::{inline_pauses, local_time};
use super::sessions::SessionRow;
use super::stats::Stats;
use crate::drill::{AnswerRecord, InputMode, Mode};
use crate::text::clean;
use crate::text::duration::measured as duration;

/// What an export covers.
#[derive(Debug)]
pub struct Export {
    /// The day it was made.
    pub today: Date,
    /// First date covered, if limited.
    pub since: Option<Date>,
    /// Only this session, if asked.
    pub session: Option<String>,
    /// The sessions covered, oldest first.
    pub sessions: Vec<SessionRow>,
    /// The answers covered, in file order, ratings attached.
    pub answers: Vec<AnswerRecord>,
    /// The figures over the same answers (for the HTML charts).
    pub stats: Stats,
    /// The zone `Z` stamps are read in.
    pub zone: TimeZone,
}

impl Export {
    /// "all time" / "since 2026-11-01" / "session X".
    #[must_use]
    pub fn range(&self) -> String {
        match (&self.session, self.since) {
            (Some(s), _) => format!("session {}", clean(s)),
            (None, Some(d)) => format!("since {d}"),
            (None, None) => "all time".to_string(),
        }
    }
}

/// The CSV header, in column order.
pub const CSV_HEADER: [&str; 20] = [
    "session",
    "at",
    "mode",
    "question",
    "category",
    "input",
    "think_ms",
    "answer_ms",
    "limit_ms",
    "overran",
    "skipped",
    "pauses",
    "longest_pause_ms",
    "words",
    "fillers",
    "filler_words",
    "revisions",
    "hint",
    "rating",
    "text",
];

/// One CSV field: sanitized; quoted when it holds a comma, quote or line
/// break; a leading `=`, `+`, `-`, `@` (which a spreadsheet would run as
/// a formula) gets a `'` before it.
#[must_use]
pub fn csv_field(raw: &str) -> String {
    let s = clean(raw);
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.into_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Drill => "drill",
        Mode::Daily => "daily",
        Mode::Rehearse => "rehearse",
    }
}

fn input_name(input: InputMode) -> &'static str {
    match input {
        InputMode::Typed => "typed",
        InputMode::Spoken => "spoken",
        InputMode::Line => "line",
        InputMode::Voice => "voice",
    }
}

/// One answer's CSV row without its line end, and the byte offset where
/// its rating goes (the `rating` column is filled in at the end: a rating
/// given later may still arrive while the history streams).
#[must_use]
pub fn csv_row(a: &AnswerRecord) -> (String, usize) {
    let longest = a.pauses.iter().map(|p| p.ms).max().unwrap_or(0);
    let fields = [
        csv_field(&a.session),
        a.at.to_string(),
        mode_name(a.mode).to_string(),
        csv_field(&a.question),
        csv_field(&a.category),
        input_name(a.input).to_string(),
        a.think_ms.to_string(),
        a.answer_ms.to_string(),
        a.limit_ms.to_string(),
        a.overran.to_string(),
        a.skipped.to_string(),
        a.pauses.len().to_string(),
        longest.to_string(),
        // Empty: not measured (voice).
        a.words.map(|n| n.to_string()).unwrap_or_default(),
        a.fillers.map(|n| n.to_string()).unwrap_or_default(),
        csv_field(&a.filler_words.join("; ")),
        a.revisions.to_string(),
        a.hint.to_string(),
    ];
    let mut row = fields.join(",");
    row.push(',');
    let at = row.len();
    row.push(',');
    row.push_str(&csv_field(&a.text));
    (row, at)
}

/// CSV rows gathered while the history streams, kept as finished text
/// (far smaller than the records), their ratings settled at the end.
#[derive(Debug, Default)]
pub struct CsvRows {
    rows: Vec<(String, usize, Option<u8>, u64)>,
}

/// One answer's CSV row, without its rating yet (ratings may come later
/// in the history): the text, where the rating goes, the answer's own
/// rating and its key for later ones.
#[derive(Debug)]
pub struct CsvRow((String, usize, Option<u8>, u64));

impl CsvRows {
    /// None yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one answer's row.
    pub fn add(&mut self, a: &AnswerRecord) {
        self.push(Self::row(a));
    }

    /// One answer's row, ready to [`push`](Self::push): pure, so a reader
    /// makes it on the thread that parsed the answer.
    #[must_use]
    pub fn row(a: &AnswerRecord) -> CsvRow {
        let (row, at) = csv_row(a);
        let key = super::ratings::answer_key(&a.session, &a.question, &a.at);
        CsvRow((row, at, a.rating, key))
    }

    /// Adds a row made by [`row`](Self::row).
    pub fn push(&mut self, row: CsvRow) {
        self.rows.push(row.0);
    }

    /// Writes the header, then every row with the last rating given to its
    /// answer (later `rating` records win over the answer's own).
    pub fn write(&self, out: &mut dyn Write, ratings: &super::ratings::Ratings) -> io::Result<()> {
        writeln!(out, "{}", CSV_HEADER.join(","))?;
        let later = ratings.by_key();
        for (row, at, own, key) in &self.rows {
            let rating = later.get(key).copied().or(*own);
            out.write_all(&row.as_bytes()[..*at])?;
            if let Some(r) = rating {
                write!(out, "{r}")?;
            }
            out.write_all(&row.as_bytes()[*at..])?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// Text for a Markdown table cell: sanitized, on one line, with pipes,
/// backslashes and the characters of raw HTML escaped (a Markdown viewer
/// would otherwise render an answer's `<script>` as markup).
#[must_use]
pub fn md_cell(raw: &str) -> String {
    let s = clean(raw);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '`' => out.push_str("\\`"),
            '*' => out.push_str("\\*"),
            '_' => out.push_str("\\_"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The flags of an answer, in words: `skipped`, `over`, `tips`.
#[must_use]
pub fn flags(a: &AnswerRecord) -> String {
    let mut f = Vec::new();
    if a.skipped {
        f.push("skipped");
    }
    if a.overran {
        f.push("over");
    }
    if a.hint {
        f.push("tips");
    }
    f.join(", ")
}

/// Writes the Markdown report: a heading, the totals, the sessions and the
/// answers (each answer's text with its pauses inline).
pub fn write_markdown(out: &mut dyn Write, e: &Export) -> io::Result<()> {
    writeln!(out, "# hotseat practice report")?;
    writeln!(out)?;
    writeln!(
        out,
        "{}: {} answers in {} sessions (made {}). Streak: {} days.",
        md_cell(&e.range()),
        e.stats.answers,
        e.sessions.len(),
        e.today,
        e.stats.streak_days
    )?;
    if !e.stats.categories.is_empty() {
        writeln!(out)?;
        writeln!(out, "## By category")?;
        writeln!(out)?;
        writeln!(
            out,
            "| category | answers | think median | think mean | pauses/answer | skipped | over | fillers/100 words |"
        )?;
        writeln!(
            out,
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        )?;
        for c in &e.stats.categories {
            writeln!(
                out,
                "| {} | {} | {} | {} | {:.1} | {:.0}% | {:.0}% | {:.1} |",
                md_cell(&c.category),
                c.answers,
                duration(c.think_ms_median),
                duration(c.think_ms_mean),
                c.pauses_per_answer(),
                c.skip_rate() * 100.0,
                c.overrun_rate() * 100.0,
                c.fillers_per_100_words()
            )?;
        }
    }
    writeln!(out)?;
    writeln!(out, "## Sessions")?;
    writeln!(out)?;
    writeln!(
        out,
        "| started | session | mode | answered | skipped | ended early |"
    )?;
    writeln!(out, "| --- | --- | --- | ---: | ---: | --- |")?;
    for s in &e.sessions {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            local_time(&s.started, &e.zone),
            md_cell(&s.session),
            mode_name(s.mode),
            s.answered,
            s.skipped,
            if s.interrupted { "yes" } else { "no" }
        )?;
    }
    writeln!(out)?;
    writeln!(out, "## Answers")?;
    writeln!(out)?;
    writeln!(
        out,
        "| at | question | think | answer | pauses | words | fillers | flags | rating | answer (⏸ = pause) |"
    )?;
    writeln!(
        out,
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |"
    )?;
    for a in &e.answers {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            local_time(&a.at, &e.zone),
            md_cell(&a.question),
            duration(a.think_ms),
            duration(a.answer_ms),
            a.pauses.len(),
            a.words.map_or_else(|| "–".to_string(), |n| n.to_string()),
            a.fillers.map_or_else(|| "–".to_string(), |n| n.to_string()),
            flags(a),
            a.rating.map(|r| r.to_string()).unwrap_or_default(),
            md_cell(&inline_pauses(&a.text, &a.pauses))
        )?;
    }
    Ok(())
}

/// Writes one record as stored (one JSON object), with the characters
/// that could drive a terminal (DEL, C1 controls, bidi marks) escaped as
/// `\uXXXX` like every `--json` output; `serde_json` already escapes C0.
pub fn write_json_value(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    let text = serde_json::to_string(value).map_err(io::Error::other)?;
    out.write_all(crate::text::sanitize::json_safe(&text).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("a\x1b[2J"), "a\\x1b[2J");
    }

    #[test]
    fn markdown_cells_cannot_break_the_table_or_inject_html() {
        assert_eq!(md_cell("a|b"), "a\\|b");
        assert_eq!(
            md_cell("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(md_cell("one\ntwo"), "one two");
        assert_eq!(md_cell("[link](http://x)"), "\\[link\\](http://x)");
    }

    #[test]
    fn json_escapes_what_could_drive_a_terminal() {
        let mut out = Vec::new();
        write_json_value(&mut out, &"a\u{202e}b\u{7f}\u{1b}").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), r#""a\u202eb\u007f\u001b""#);
    }
}
