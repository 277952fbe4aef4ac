//! Browsing the banks inside the menu: a bank, then its questions (a list
//! that scrolls, fitted to the terminal), then one question's tips and
//! points, wrapped at words to the terminal's width. Esc goes back a level
//! each time. All bank text goes through [`clean`]: banks are untrusted.

use std::io;

use dialoguer::console::{Key, Style};
use unicode_width::UnicodeWidthStr;

use super::ask::{Ask, Step, one_line};
use super::forms::bank_label;
use crate::bank::{Bank, Catalog, Question};
use crate::text::clean;
use crate::text::duration::written;
use crate::text::wrap;

/// The bank list, until Esc goes back to the menu.
pub(super) fn banks(ask: &Ask<'_>, catalog: &Catalog) -> dialoguer::Result<()> {
    let mut at = 0;
    loop {
        let labels: Vec<String> = catalog.banks.iter().map(bank_label).collect();
        let Step::Got(picked) = ask.select_quiet("Which bank? (Esc: back)", &labels, at)? else {
            return Ok(());
        };
        at = picked;
        if let Some(bank) = catalog.banks.get(picked) {
            questions(ask, bank)?;
        }
    }
}

/// One bank's questions, until Esc goes back to the banks.
fn questions(ask: &Ask<'_>, bank: &Bank) -> dialoguer::Result<()> {
    if bank.questions.is_empty() {
        return Ok(());
    }
    let mut at = 0;
    loop {
        let items: Vec<String> = bank
            .questions
            .iter()
            .enumerate()
            .map(|(n, q)| format!("{}. {}", n + 1, q.text))
            .collect();
        let prompt = format!("{} (Esc: back)", bank.title);
        let Step::Got(picked) = ask.select_quiet(&prompt, &items, at)? else {
            return Ok(());
        };
        at = picked;
        if let Some(q) = bank.questions.get(picked) {
            page(ask, &|cols| {
                (
                    one_line(&format!("{}. {}", picked + 1, q.id), cols.max(1)),
                    detail(bank, q, cols.saturating_sub(1).max(20)),
                )
            })?;
        }
    }
}

/// What a question holds, as lines at most `width` columns wide: its text,
/// limit and think time, follow-ups, tips, what is listened for and what
/// to avoid; each wrapped at words, hanging under its label.
pub(super) fn detail(bank: &Bank, q: &Question, width: usize) -> Vec<String> {
    let mut lines = wrap(&clean(&q.text), width, "");
    let mut times = format!(
        "limit {}, think {}",
        written(bank.limit_for(q)),
        written(bank.think_for(q))
    );
    if let Some(s) = &q.situation {
        times.push_str(&format!(" · situation: {}", clean(s)));
    }
    lines.push(String::new());
    lines.extend(wrap(&times, width, ""));
    let mut labelled = |label: &str, text: &str| {
        let hang = " ".repeat(label.width() + 1);
        lines.extend(wrap(&format!("{label} {}", clean(text)), width, &hang));
    };
    for f in &q.followups {
        labelled("follow-up:", f);
    }
    for t in &q.tips {
        labelled("tip:", t);
    }
    let bank_points = bank
        .listen_for
        .iter()
        .filter(|p| !q.skip_points.contains(&p.point));
    for p in q.listen_for.iter().chain(bank_points) {
        match &p.hint {
            Some(hint) => labelled("listen for:", &format!("{} — {hint}", p.point)),
            None => labelled("listen for:", &p.point),
        }
    }
    for a in q.avoid.iter().chain(&bank.avoid) {
        labelled(
            "avoid:",
            &format!("\"{}\" — {}", a.cues.join("\", \""), a.why),
        );
    }
    lines
}

/// A page's title and lines, made for a terminal this many columns wide.
type Content<'a> = dyn Fn(usize) -> (String, Vec<String>) + 'a;

/// Shows the lines `content` makes under its title, as many as fit;
/// arrows, Page Up/Down, Home and End scroll. Esc, Enter, `q` or
/// Backspace go back, and the page is cleared for the list it came from.
/// After the window is resized, the next key draws the page again wrapped
/// to the new width, on a cleared screen (what was drawn at the old width
/// may have been rewrapped by the terminal, so its rows cannot be counted).
fn page(ask: &Ask<'_>, content: &Content<'_>) -> io::Result<()> {
    let term = &ask.term;
    let mut top = 0usize;
    let mut drawn = 0usize;
    let mut made: Option<(usize, String, Vec<String>)> = None;
    loop {
        let (rows, cols) = ask.size();
        if made.as_ref().is_some_and(|m| m.0 != cols) {
            term.clear_screen()?;
            drawn = 0;
            made = None;
        }
        let (_, title, lines) = &*made.get_or_insert_with(|| {
            let (title, lines) = content(cols);
            (cols, title, lines)
        });
        // The title and the key line take two rows.
        let room = rows.saturating_sub(3).max(1);
        let last_top = lines.len().saturating_sub(room);
        top = top.min(last_top);
        term.clear_last_lines(drawn)?;
        term.write_line(&Style::new().bold().apply_to(title).to_string())?;
        let shown = &lines[top..(top + room).min(lines.len())];
        for line in shown {
            term.write_line(line)?;
        }
        let keys = if lines.len() > room {
            format!(
                "lines {}–{} of {} · ↑↓ scroll · Esc back",
                top + 1,
                top + shown.len(),
                lines.len()
            )
        } else {
            "Esc back".to_string()
        };
        term.write_line(
            &Style::new()
                .dim()
                .apply_to(one_line(&keys, cols))
                .to_string(),
        )?;
        drawn = shown.len() + 2;
        match term.read_key()? {
            Key::ArrowUp | Key::Char('k') => top = top.saturating_sub(1),
            Key::ArrowDown | Key::Char('j') => top = (top + 1).min(last_top),
            Key::PageUp => top = top.saturating_sub(room),
            Key::PageDown | Key::Char(' ') => top = (top + room).min(last_top),
            Key::Home => top = 0,
            Key::End => top = last_top,
            Key::Escape | Key::Enter | Key::Backspace | Key::Char('q') => {
                term.clear_last_lines(drawn)?;
                return Ok(());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> Bank {
        let yaml = "category: t\ntitle: T\nlimit: 90s\nthink: 10s\nquestions:\n  - id: q\n    text: \"A question long enough to wrap twice on a narrow screen\"\n    followups: [\"And then what did you do about it?\"]\n    tips: [\"Name\\u001b[31m one concrete habit you kept for a year or more\"]\n";
        crate::bank::parse_bank(
            yaml,
            std::path::Path::new("t.yaml"),
            crate::bank::Source::BuiltIn,
        )
        .unwrap()
    }

    #[test]
    fn a_question_s_detail_wraps_at_words_within_the_width_and_is_cleaned() {
        let b = bank();
        let lines = detail(&b, &b.questions[0], 24);
        for l in &lines {
            assert!(l.width() <= 24, "{l:?} is wider than 24");
            assert!(!l.contains('\x1b'), "{l:?} holds a raw escape");
        }
        assert_eq!(lines[0], "A question long enough");
        assert!(
            lines.contains(&"limit 1m30s, think 10s".to_string()),
            "{lines:?}"
        );
        let tip: Vec<&String> = lines
            .iter()
            .skip_while(|l| !l.starts_with("tip:"))
            .collect();
        assert_eq!(tip[0], "tip: Name\\x1b[31m one", "{tip:?}");
        assert!(
            tip[1].starts_with("     concrete"),
            "hangs under the text: {tip:?}"
        );
    }
}
