//! Colour and emphasis, decided once from `--color` / `NO_COLOR` and
//! applied only to text we wrote ourselves (labels, headings), never used
//! to smuggle untrusted text past [`crate::text::clean`].

use crossterm::style::Stylize;

/// Labels that open a feedback line and get their own colour.
const LABELS: [&str; 3] = ["Follow-up:", "Tip:", "To work on:"];

/// Whether and how to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paint {
    on: bool,
}

impl Paint {
    /// Colour when `on`, plain text otherwise.
    pub fn new(on: bool) -> Self {
        Self { on }
    }

    /// Whether colour is on.
    pub fn is_on(self) -> bool {
        self.on
    }

    /// `text` in bold (a heading or the question itself).
    pub fn strong(self, text: &str) -> String {
        if self.on {
            text.bold().to_string()
        } else {
            text.to_string()
        }
    }

    /// `line` with a known leading label ("Tip:", "Follow-up:",
    /// "To work on:") coloured; any other line unchanged.
    pub fn label(self, line: &str) -> String {
        let Some(label) = LABELS.iter().find(|l| line.starts_with(**l)) else {
            return line.to_string();
        };
        if !self.on {
            return line.to_string();
        }
        let rest = &line[label.len()..];
        let styled = match *label {
            "Tip:" => label.cyan(),
            "Follow-up:" => label.yellow(),
            _ => label.green().bold(),
        };
        format!("{styled}{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::Paint;

    #[test]
    fn off_leaves_text_alone() {
        let p = Paint::new(false);
        assert_eq!(p.strong("Question 1"), "Question 1");
        assert_eq!(p.label("Tip: breathe"), "Tip: breathe");
    }

    #[test]
    fn on_styles_only_known_labels() {
        let p = Paint::new(true);
        assert_eq!(p.strong("Q"), "\x1b[1mQ\x1b[0m");
        assert_eq!(p.label("Tip: breathe"), "\x1b[38;5;14mTip:\x1b[39m breathe");
        assert_eq!(p.label("48 words, 96 wpm."), "48 words, 96 wpm.");
        assert!(p.label("To work on: pauses").ends_with(" pauses"));
        assert!(p.label("To work on: pauses").starts_with('\x1b'));
    }
}
