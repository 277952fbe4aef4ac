//! A line of feedback as it is made: an optional label and its text. The
//! label travels as a value from where the line is made (the session's
//! follow-ups and tips, the summary's next step, the countdown's tips) to
//! where it is painted (`term::style::Paint::lines`), so colour never
//! depends on re-reading the text.

use std::fmt;

/// A label that opens a line and that the terminal may colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// A tip from the bank, shown after the answer or with Tab.
    Tip,
    /// A follow-up question an interviewer would ask next.
    FollowUp,
    /// The one thing to work on next, at the end of a session.
    ToWorkOn,
    /// What an answer was heard to say (content feedback).
    Heard,
    /// A point the answer was not heard to make (content feedback).
    NotHeard,
}

impl Label {
    /// The label as it reads, colon included.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Tip => "Tip:",
            Label::FollowUp => "Follow-up:",
            Label::ToWorkOn => "To work on:",
            Label::Heard => "Heard:",
            Label::NotHeard => "Not heard:",
        }
    }

    /// Spaces as wide as the label and the space after it, for the rows a
    /// wrapped line continues on so they hang under its text.
    #[must_use]
    pub fn hang(self) -> String {
        " ".repeat(self.as_str().len() + 1)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line of feedback. `text` is plain and may quote untrusted words:
/// whoever prints it sanitizes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What opens the line, if anything.
    pub label: Option<Label>,
    /// The rest of the line (without the label).
    pub text: String,
}

impl Line {
    /// A line with no label.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            label: None,
            text: text.into(),
        }
    }

    /// A line opened by `label`.
    pub fn labelled(label: Label, text: impl Into<String>) -> Self {
        Self {
            label: Some(label),
            text: text.into(),
        }
    }
}

/// The line as it reads: `Tip: Breathe.`, or the text alone.
impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.label {
            Some(label) => write!(f, "{label} {}", self.text),
            None => f.write_str(&self.text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_as_label_then_text() {
        assert_eq!(
            Line::labelled(Label::Tip, "Breathe.").to_string(),
            "Tip: Breathe."
        );
        assert_eq!(
            Line::labelled(Label::FollowUp, "Why?").to_string(),
            "Follow-up: Why?"
        );
        assert_eq!(
            Line::labelled(Label::ToWorkOn, "pauses").to_string(),
            "To work on: pauses"
        );
        assert_eq!(Line::plain("No pauses.").to_string(), "No pauses.");
        assert_eq!(Line::plain("Tip: typed by a user").label, None);
        assert_eq!(Label::Tip.hang(), "     ");
    }
}
