//! The bank error type: every problem found in a bank file, each located
//! (file, line, column, field) and phrased with what to do about it.

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

/// `s` with every control, DEL, C1 and bidi-control character escaped
/// (`\u{1b}`), so a message quoting a hostile file cannot drive the
/// terminal, whoever prints it. Newlines are escaped too: one problem is
/// one line.
fn inert(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
    };
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if unsafe_char(c) {
                    c.escape_debug().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// One located problem in a bank file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file it is in (`question-banks/NAME.yaml (built-in)` for embedded banks).
    pub file: Option<PathBuf>,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// The offending field as a path, e.g. `questions[3].text`.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub fix: Option<String>,
}

impl Problem {
    /// A problem with only a message; locate it with the builder methods.
    pub fn new(message: impl Into<String>) -> Self {
        Problem {
            file: None,
            line: None,
            column: None,
            field: None,
            message: message.into(),
            fix: None,
        }
    }

    /// Sets the field path.
    #[must_use]
    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Sets the line and column.
    #[must_use]
    pub fn at(mut self, pos: Option<(usize, usize)>) -> Self {
        if let Some((line, column)) = pos {
            self.line = Some(line);
            self.column = Some(column);
        }
        self
    }

    /// Sets the hint saying what to do.
    #[must_use]
    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }

    /// Sets the file.
    #[must_use]
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", inert(&file.display().to_string()))?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(column) = self.column {
                    write!(f, ":{column}")?;
                }
            }
            f.write_str(": ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "{}: ", inert(field))?;
        }
        f.write_str(&inert(&self.message))?;
        if let Some(fix) = &self.fix {
            write!(f, "\n  fix: {}", inert(fix))?;
        }
        Ok(())
    }
}

/// Invalid question banks: one or more [`Problem`]s, in file order.
///
/// Displayed as one problem per line (`file:line:col: field: message`, then
/// an indented `fix:` line where there is advice). `commands` maps this error
/// to exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankError {
    /// Every problem found; never empty.
    pub problems: Vec<Problem>,
}

impl BankError {
    /// An error holding one problem.
    pub fn one(problem: Problem) -> Self {
        BankError {
            problems: vec![problem],
        }
    }

    /// `Ok(value)` when there are no `problems`, else an error holding
    /// them all.
    pub fn unless_any<T>(value: T, problems: Vec<Problem>) -> Result<T, BankError> {
        if problems.is_empty() {
            Ok(value)
        } else {
            Err(BankError { problems })
        }
    }

    /// An error with only a message (no file, no position).
    pub fn msg(message: impl Into<String>) -> Self {
        Self::one(Problem::new(message))
    }
}

impl From<Problem> for BankError {
    fn from(problem: Problem) -> Self {
        Self::one(problem)
    }
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BankError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_puts_file_line_column_field_then_fix() {
        let p = Problem::new("unknown field \"txt\"")
            .in_file("banks/mine.yaml")
            .at(Some((12, 5)))
            .field("questions[3].txt")
            .fix("did you mean `text`?");
        assert_eq!(
            p.to_string(),
            "banks/mine.yaml:12:5: questions[3].txt: unknown field \"txt\"\n  fix: did you mean `text`?"
        );
    }

    #[test]
    fn display_without_position_still_names_the_file() {
        let p = Problem::new("file is empty").in_file("a.yaml");
        assert_eq!(p.to_string(), "a.yaml: file is empty");
    }

    #[test]
    fn display_never_passes_terminal_controls_through() {
        let p = Problem::new("bad \u{1b}[2J \u{9b}31m \u{202e} \r\nnext")
            .in_file("\u{1b}]0;title\u{7}.yaml")
            .field("x\u{7f}");
        let shown = p.to_string();
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert!(!shown.contains('\u{202e}'));
        assert!(shown.contains("\\u{1b}[2J"), "{shown}");
    }

    #[test]
    fn several_problems_print_one_per_line() {
        let e = BankError {
            problems: vec![Problem::new("one"), Problem::new("two")],
        };
        assert_eq!(e.to_string(), "one\ntwo");
    }
}
