//! The menu's questions, each answered or backed out of with Esc: a
//! choice, several choices, or a line of text. dialoguer draws the
//! choices; its text prompt cannot be left with Esc, so the line of text
//! is read here, drawn with the same theme.

use std::io;

use dialoguer::console::{Key, Term};
use dialoguer::theme::Theme;
use dialoguer::{MultiSelect, Select};
use unicode_width::UnicodeWidthStr;

use crate::text::clean;
use crate::text::with_ellipsis;

/// What one question produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::commands) enum Step<T> {
    /// The answer.
    Got(T),
    /// Esc: back to the question before (or the menu).
    Back,
}

impl<T> Step<T> {
    /// Runs `f` on the answer, keeping Back as it is.
    pub(in crate::commands) fn map(self, f: impl FnOnce(T)) -> Step<()> {
        match self {
            Step::Got(v) => {
                f(v);
                Step::Got(())
            }
            Step::Back => Step::Back,
        }
    }
}

/// Asks the menu's questions on standard error, in one theme.
pub(in crate::commands) struct Ask<'a> {
    pub(in crate::commands) theme: &'a dyn Theme,
    pub(in crate::commands) term: Term,
}

impl<'a> Ask<'a> {
    /// Questions drawn with `theme` on standard error (where dialoguer
    /// draws, so standard output stays the commands').
    pub(in crate::commands) fn new(theme: &'a dyn Theme) -> Self {
        Self {
            theme,
            term: Term::stderr(),
        }
    }

    /// The terminal's rows and columns.
    pub(in crate::commands) fn size(&self) -> (usize, usize) {
        let (rows, cols) = self.term.size();
        (usize::from(rows), usize::from(cols))
    }

    /// One of `items` (Esc or `q`: back), starting on `default`, at most
    /// as many rows as the terminal has room for: longer lists scroll.
    /// The choice stays on screen as a line under the prompt.
    pub(in crate::commands) fn select<T: std::fmt::Display>(
        &self,
        prompt: &str,
        items: &[T],
        default: usize,
    ) -> dialoguer::Result<Step<usize>> {
        self.pick(prompt, items, default, true)
    }

    /// [`Ask::select`] leaving nothing on screen once chosen: for lists
    /// that come back after what they open (browsing).
    pub(in crate::commands) fn select_quiet<T: std::fmt::Display>(
        &self,
        prompt: &str,
        items: &[T],
        default: usize,
    ) -> dialoguer::Result<Step<usize>> {
        self.pick(prompt, items, default, false)
    }

    fn pick<T: std::fmt::Display>(
        &self,
        prompt: &str,
        items: &[T],
        default: usize,
        report: bool,
    ) -> dialoguer::Result<Step<usize>> {
        let (prompt, items) = self.fitted(prompt, items);
        let picked = Select::with_theme(self.theme)
            .with_prompt(&prompt)
            .items(&items)
            .default(default.min(items.len().saturating_sub(1)))
            .max_length(self.page())
            .report(false)
            .interact_on_opt(&self.term)?;
        if report && let Some(item) = picked.and_then(|i| items.get(i)) {
            self.report(&prompt, item)?;
        }
        Ok(picked.map_or(Step::Back, Step::Got))
    }

    /// Any of `items`, Space to pick (Esc: back).
    pub(in crate::commands) fn multi<T: std::fmt::Display>(
        &self,
        prompt: &str,
        items: &[T],
        picked: &[usize],
    ) -> dialoguer::Result<Step<Vec<usize>>> {
        let defaults: Vec<bool> = (0..items.len()).map(|i| picked.contains(&i)).collect();
        let (prompt, items) = self.fitted(prompt, items);
        let picked = MultiSelect::with_theme(self.theme)
            .with_prompt(&prompt)
            .items(&items)
            .defaults(&defaults)
            .max_length(self.page())
            .report(false)
            .interact_on_opt(&self.term)?;
        if let Some(picked) = &picked {
            let names: Vec<&str> = picked
                .iter()
                .filter_map(|&i| items.get(i).map(String::as_str))
                .collect();
            self.report(&prompt, &names.join(", "))?;
        }
        Ok(picked.map_or(Step::Back, Step::Got))
    }

    /// The line an answered question leaves: its prompt and the answer,
    /// both cut to fit one row, so that Esc from the next question can
    /// take exactly that row away.
    fn report(&self, prompt: &str, answer: &str) -> io::Result<()> {
        let line = self.answered(prompt, answer);
        self.term.write_line(&line)
    }

    /// [`Ask::report`]'s line, not written.
    fn answered(&self, prompt: &str, answer: &str) -> String {
        // The theme adds a mark and a separator: 5 columns, and one spare.
        let room = self.size().1.saturating_sub(6).max(8);
        // The answer keeps up to half the room; the prompt takes the rest.
        let keep = one_line(answer, room).width().min(room / 2);
        let prompt = one_line(prompt, room - keep);
        let answer = one_line(answer, room.saturating_sub(prompt.width()));
        let mut line = String::new();
        let _ = self
            .theme
            .format_input_prompt_selection(&mut line, &prompt, &answer);
        line
    }

    /// A list's prompt and items, each one line that fits the terminal.
    fn fitted<T: std::fmt::Display>(&self, prompt: &str, items: &[T]) -> (String, Vec<String>) {
        let width = item_width(self.size().1);
        let items = items
            .iter()
            .map(|i| one_line(&i.to_string(), width))
            .collect();
        (one_line(prompt, width), items)
    }

    /// How many items a list shows at once: the terminal's height less
    /// the prompt, the page line and a line of what came before.
    pub(in crate::commands) fn page(&self) -> usize {
        self.size().0.saturating_sub(4).max(3)
    }

    /// A line of text, starting as `initial` (editable: Backspace erases
    /// it). `default` is what an empty line means, shown in brackets.
    /// Enter checks the line with `check`: refused, its message is shown
    /// and the line emptied; taken, it is returned trimmed. Esc: back.
    pub(in crate::commands) fn text(
        &self,
        prompt: &str,
        initial: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> Result<(), String>,
    ) -> io::Result<Step<String>> {
        let mut line = Line {
            term: &self.term,
            drawn: 0,
        };
        let mut value = initial.to_string();
        let mut error: Option<String> = None;
        loop {
            let mut shown = String::new();
            if let Some(e) = &error {
                let _ = self.theme.format_error(&mut shown, e);
                shown.push('\n');
            }
            let _ = self.theme.format_input_prompt(&mut shown, prompt, default);
            shown.push_str(&value);
            line.draw(&shown)?;
            match self.term.read_key()? {
                Key::Escape => {
                    line.draw("")?;
                    return Ok(Step::Back);
                }
                Key::Enter => {
                    let typed = value.trim();
                    let answer = if typed.is_empty() {
                        default.unwrap_or("")
                    } else {
                        typed
                    };
                    match check(answer) {
                        Ok(()) => {
                            line.draw(&self.answered(prompt, answer))?;
                            self.term.write_line("")?;
                            return Ok(Step::Got(answer.to_string()));
                        }
                        Err(e) => {
                            error = Some(e);
                            value.clear();
                        }
                    }
                }
                Key::Backspace => {
                    value.pop();
                }
                // Ctrl-U, as in a shell: the whole line.
                Key::Char('\u{15}') => value.clear(),
                Key::Char(c) if !c.is_control() => value.push(c),
                _ => {}
            }
        }
    }
}

/// The check for a [`Ask::text`] that takes any text (company, role, a
/// line of a list: free text).
#[allow(
    clippy::unnecessary_wraps,
    reason = "a validator: the same signature as the ones that refuse"
)]
pub(in crate::commands) fn anything(_: &str) -> Result<(), String> {
    Ok(())
}

/// Room for a list item or a list's prompt: the theme's marks and a
/// margin take 4 columns.
pub(in crate::commands) fn item_width(cols: usize) -> usize {
    cols.saturating_sub(4).max(8)
}

/// `text` cleaned, on one line, cut with "…" if wider than `width`.
/// dialoguer counts one row per list item and prompt, so each must fit
/// in one.
pub(in crate::commands) fn one_line(text: &str, width: usize) -> String {
    let flat: String = clean(text)
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.width() <= width {
        flat
    } else {
        with_ellipsis(&flat, width)
    }
}

/// The lines a text question takes on screen, redrawn in place on each
/// key (long text wraps, so the height is worked out from the width).
struct Line<'t> {
    term: &'t Term,
    /// Rows above the cursor's that the last drawing took.
    drawn: usize,
}

impl Line<'_> {
    fn draw(&mut self, text: &str) -> io::Result<()> {
        if self.drawn > 0 {
            self.term.move_cursor_up(self.drawn)?;
        }
        self.term.write_str("\r")?;
        self.term.clear_to_end_of_screen()?;
        self.term.write_str(&text.replace('\n', "\r\n"))?;
        self.term.flush()?;
        let cols = usize::from(self.term.size().1).max(1);
        self.drawn = text.split('\n').map(|l| rows_of(l, cols)).sum::<usize>() - 1;
        Ok(())
    }
}

/// How many rows `line` takes on a terminal `cols` wide (at least one;
/// escape codes of a theme's colours take none).
fn rows_of(line: &str, cols: usize) -> usize {
    let width = dialoguer::console::measure_text_width(line);
    width.div_ceil(cols).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_item_is_one_line_that_fits() {
        assert_eq!(one_line("short", 10), "short");
        let cut = one_line("a line\nthat is far too long for it", 12);
        assert!(
            cut.width() <= 12 && cut.ends_with('…') && !cut.contains('\n'),
            "{cut:?}"
        );
    }

    #[test]
    fn a_line_takes_the_rows_its_width_needs() {
        assert_eq!(rows_of("", 40), 1);
        assert_eq!(rows_of(&"x".repeat(40), 40), 1);
        assert_eq!(rows_of(&"x".repeat(41), 40), 2);
        assert_eq!(rows_of("\x1b[1mbold\x1b[0m", 3), 2, "escapes take no room");
    }
}
