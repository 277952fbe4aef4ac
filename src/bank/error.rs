//! The bank error type: every problem found in a bank file, each located
//! (file, line, column, field) and phrased with what to do about it.

use std::fmt;
use std::path::PathBuf;

// Quoted file text is made inert, and one problem stays one line.
use crate::text::plural;
use crate::text::sanitize::one_line;

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
            write!(f, "{}", one_line(&file.display().to_string()))?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(column) = self.column {
                    write!(f, ":{column}")?;
                }
            }
            f.write_str(": ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "{}: ", one_line(field))?;
        }
        f.write_str(&one_line(&self.message))?;
        if let Some(fix) = &self.fix {
            write!(f, "\n  fix: {}", one_line(fix))?;
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
    /// When the problems come from reading a set of bank files: how many
    /// of them had problems and how many were read, shown as a closing
    /// total line (`3 problems in 2 of 3 files`).
    pub files: Option<FileCount>,
}

/// How many bank files an error covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileCount {
    /// Files with at least one problem.
    pub bad: usize,
    /// Files read.
    pub read: usize,
}

impl BankError {
    /// An error holding one problem.
    #[must_use]
    pub fn one(problem: Problem) -> Self {
        Self::many(vec![problem])
    }

    /// An error holding `problems`, which must not be empty.
    #[must_use]
    pub fn many(problems: Vec<Problem>) -> Self {
        BankError {
            problems,
            files: None,
        }
    }

    /// `Ok(value)` when there are no `problems`, else an error holding
    /// them all.
    pub fn unless_any<T>(value: T, problems: Vec<Problem>) -> Result<T, BankError> {
        if problems.is_empty() {
            Ok(value)
        } else {
            Err(Self::many(problems))
        }
    }

    /// [`BankError::unless_any`] for problems found reading `files`: the
    /// error ends with the total, so every command that reads a set of bank
    /// files (`banks check`, and any that loads `--bank` folders) reports
    /// the same lines and the same total.
    pub fn unless_any_in<T>(
        value: T,
        problems: Vec<Problem>,
        files: &[PathBuf],
    ) -> Result<T, BankError> {
        let bad = files
            .iter()
            .filter(|f| problems.iter().any(|p| p.file.as_ref() == Some(*f)))
            .count();
        Self::unless_any(value, problems).map_err(|mut e| {
            e.files = Some(FileCount {
                bad,
                read: files.len(),
            });
            e
        })
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
        // Nothing was read when every problem is about a folder itself.
        if let Some(FileCount { bad, read }) = self.files.filter(|c| c.read > 0) {
            write!(
                f,
                "\n{} in {bad} of {}",
                plural(self.problems.len(), "problem", "problems"),
                plural(read, "file", "files")
            )?;
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
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(!shown.contains('\u{202e}'));
        assert!(shown.contains("\\u{1b}[2J"), "{shown}");
    }

    #[test]
    fn several_problems_print_one_per_line() {
        let e = BankError::many(vec![Problem::new("one"), Problem::new("two")]);
        assert_eq!(e.to_string(), "one\ntwo");
    }

    #[test]
    fn an_error_over_files_ends_with_the_total() {
        let files: Vec<PathBuf> = ["a.yaml", "b.yaml", "c.yaml"].map(PathBuf::from).into();
        let problems = vec![
            Problem::new("one").in_file("a.yaml"),
            Problem::new("two").in_file("a.yaml"),
            Problem::new("three").in_file("c.yaml"),
        ];
        let e = BankError::unless_any_in((), problems, &files).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.yaml: one\na.yaml: two\nc.yaml: three\n3 problems in 2 of 3 files"
        );
        let one = vec![Problem::new("x").in_file("b.yaml")];
        let e = BankError::unless_any_in((), one, &files[1..2]).unwrap_err();
        assert!(e.to_string().ends_with("\n1 problem in 1 of 1 file"), "{e}");
        // A folder with no bank files: nothing was read, no total.
        let folder = vec![Problem::new("no .yaml files").in_file("dir")];
        let e = BankError::unless_any_in((), folder, &[]).unwrap_err();
        assert_eq!(e.to_string(), "dir: no .yaml files");
        assert!(BankError::unless_any_in(1, vec![], &files).is_ok());
    }
}
