//! Colour and emphasis, decided once from `--color` / `NO_COLOR` and
//! applied only to text we wrote ourselves (labels, headings), never used
//! to smuggle untrusted text past [`crate::text::clean`].

use crossterm::style::Stylize;

use crate::text::{Label, Line, clean, wrap};

/// Whether and how to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paint {
    on: bool,
}

impl Paint {
    /// Colour when `on`, plain text otherwise.
    #[must_use]
    pub fn new(on: bool) -> Self {
        Self { on }
    }

    /// Whether colour is on.
    #[must_use]
    pub fn is_on(self) -> bool {
        self.on
    }

    /// `text` in bold (a heading or the question itself).
    #[must_use]
    pub fn strong(self, text: &str) -> String {
        if self.on {
            text.bold().to_string()
        } else {
            text.to_string()
        }
    }

    /// `label` in its own colour (plain when colour is off).
    #[must_use]
    pub fn label(self, label: Label) -> String {
        let text = label.as_str();
        if !self.on {
            return text.to_string();
        }
        match label {
            Label::Tip => text.cyan().to_string(),
            Label::FollowUp => text.yellow().to_string(),
            Label::ToWorkOn => text.green().bold().to_string(),
            // Content labels keep the body's colour: the line is the
            // finding, not an aside to it.
            Label::Heard | Label::NotHeard => text.to_string(),
        }
    }

    /// The rows that print `line`: its text sanitized, word-wrapped to
    /// `width` columns when given (continuation rows start with
    /// `indent`), its label coloured on the first row. The one way a line
    /// of feedback reaches the terminal.
    #[must_use]
    pub fn lines(self, line: &Line, width: Option<usize>, indent: &str) -> Vec<String> {
        let shown = match line.label {
            Some(label) => format!("{label} {}", clean(&line.text)),
            None => clean(&line.text).into_owned(),
        };
        let mut rows = match width {
            Some(w) => wrap(&shown, w, indent),
            None => vec![shown],
        };
        // A window too narrow for the label's words leaves it plain rather
        // than colour half of it.
        if let (Some(label), Some(first)) = (line.label, rows.first_mut())
            && let Some(rest) = first.strip_prefix(label.as_str())
        {
            *first = format!("{}{rest}", self.label(label));
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::Paint;
    use crate::text::{Label, Line};

    #[test]
    fn off_leaves_text_alone() {
        let p = Paint::new(false);
        assert_eq!(p.strong("Question 1"), "Question 1");
        let tip = Line::labelled(Label::Tip, "breathe");
        assert_eq!(p.lines(&tip, None, ""), ["Tip: breathe"]);
    }

    #[test]
    fn on_styles_only_labels_carried_with_the_line() {
        let p = Paint::new(true);
        assert_eq!(p.strong("Q"), "\x1b[1mQ\x1b[0m");
        let tip = Line::labelled(Label::Tip, "breathe");
        assert_eq!(
            p.lines(&tip, None, ""),
            ["\x1b[38;5;14mTip:\x1b[39m breathe"]
        );
        assert_eq!(
            p.lines(&Line::plain("48 words, 96 wpm."), None, ""),
            ["48 words, 96 wpm."]
        );
        // Text that merely starts like a label is not coloured: a user's
        // answer quoted in feedback cannot pick its colour.
        assert_eq!(
            p.lines(&Line::plain("Tip: from a user"), None, ""),
            ["Tip: from a user"]
        );
        let step = p.lines(&Line::labelled(Label::ToWorkOn, "pauses"), None, "");
        assert!(step[0].ends_with(" pauses") && step[0].starts_with('\x1b'));
        assert!(p.label(Label::FollowUp).contains("Follow-up:"));
    }

    #[test]
    fn lines_are_sanitized_then_wrapped_with_the_label_on_the_first_row() {
        let p = Paint::new(true);
        let line = Line::labelled(Label::FollowUp, "what \x1b[2J happened next then");
        let rows = p.lines(&line, Some(20), "  ");
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert!(
            rows[0].starts_with("\x1b[38;5;11mFollow-up:\x1b[39m what"),
            "{rows:?}"
        );
        assert_eq!(rows[1], "  \\x1b[2J happened");
        assert_eq!(rows[2], "  next then");
        let off = Paint::new(false).lines(&line, Some(20), "  ");
        assert_eq!(
            off,
            ["Follow-up: what", "  \\x1b[2J happened", "  next then"]
        );
    }
}
