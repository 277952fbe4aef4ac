//! Measuring, wrapping and shortening text in terminal columns.
//!
//! Lines are filled by `textwrap`'s first-fit algorithm, but over pieces
//! measured and split here, by grapheme with `unicode-width`:
//! `textwrap::wrap` itself measures and breaks words one `char` at a
//! time, which (measured, see the tests) lets `☺️` (a symbol with an emoji
//! selector, 2 columns) overflow a line by one, and cuts flags (`🇫🇷`)
//! and joined emoji (`👨‍👩‍👧`) in half. On top of it: line breaks in the
//! text kept (each line wrapped on its own), breaks only at spaces (never
//! at hyphens), continuation indents, list items that hang under their
//! own text, and a "…" cut for what must stay on one line.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How many terminal columns `text` takes (wide characters and emoji
/// count 2, combining marks 0).
#[must_use]
pub fn width(text: &str) -> usize {
    text.width()
}

/// A word (or a piece of a word longer than a line) and the spaces after
/// it: what the first-fit algorithm places.
#[derive(Debug)]
struct Piece<'a> {
    word: &'a str,
    space: &'a str,
    columns: usize,
}

// Widths are small whole numbers: exact as f64.
#[allow(clippy::cast_precision_loss)]
impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.columns as f64
    }

    fn whitespace_width(&self) -> f64 {
        // Only ASCII spaces separate words.
        self.space.len() as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The pieces of one line of text: words split at spaces, each keeping
/// the spaces after it (the first word may be empty, to keep a leading
/// indent), words wider than `room` columns split between graphemes.
fn pieces(line: &str, room: usize) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        let (word, after) = rest.split_at(rest.find(' ').unwrap_or(rest.len()));
        let spaces = after.len() - after.trim_start_matches(' ').len();
        let (space, next) = after.split_at(spaces);
        let columns = width(word);
        if columns <= room {
            out.push(Piece {
                word,
                space,
                columns,
            });
        } else {
            let mut start = 0;
            let mut used = 0;
            for (at, g) in word.grapheme_indices(true) {
                let w = width(g);
                if used + w > room && used > 0 {
                    out.push(Piece {
                        word: &word[start..at],
                        space: "",
                        columns: used,
                    });
                    (start, used) = (at, 0);
                }
                used += w;
            }
            out.push(Piece {
                word: &word[start..],
                space,
                columns: used,
            });
        }
        if next.is_empty() {
            return out;
        }
        rest = next;
    }
}

/// What a tab in wrapped text is written as.
const TAB: &str = "    ";

/// `text` with each tab written as [`TAB`]. A terminal moves a tab to its
/// next stop, which depends on where the line is drawn: measured as
/// nothing, a tab could push a line past the edge. Written as spaces, it
/// takes exactly what was measured.
fn untabbed(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\t') {
        std::borrow::Cow::Owned(text.replace('\t', TAB))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Word-wraps `text` to `width` display columns (wide characters and emoji
/// count 2), breaking inside a word only when it is longer than a line,
/// and then only between graphemes. Line breaks in the text are kept,
/// and every line after the first starts with `indent` (the lines of a
/// pasted answer stay under its first); a tab becomes four spaces. A line
/// is never narrower than the indent plus two columns.
#[must_use]
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let width = width.max(self::width(indent) + 2);
    let room = width - self::width(indent);
    #[allow(clippy::cast_precision_loss)]
    let (first, rest) = ([width as f64, room as f64], [room as f64]);
    let mut lines = Vec::new();
    let text = untabbed(text);
    for (p, paragraph) in text.split('\n').enumerate() {
        let pieces = pieces(paragraph, room);
        let widths: &[f64] = if p == 0 { &first } else { &rest };
        for (i, row) in wrap_first_fit(&pieces, widths).iter().enumerate() {
            let mut line = if i == 0 && p == 0 {
                String::new()
            } else {
                indent.to_string()
            };
            for (j, piece) in row.iter().enumerate() {
                line.push_str(piece.word);
                // The spaces a line breaks at are not kept.
                if j + 1 < row.len() {
                    line.push_str(piece.space);
                }
            }
            lines.push(line);
        }
    }
    lines
}

/// Word-wraps a list line to `width` columns so that it hangs under its own
/// text: `  1. Some long text` continues under `Some`, `  - item` under
/// `item`, an indented line under its first word (a tab indents four
/// columns, as [`wrap`] writes it).
#[must_use]
pub fn wrap_hanging(line: &str, width: usize) -> Vec<String> {
    // The hang is measured as the line is drawn: a leading tab is four
    // columns, not one.
    let line = untabbed(line);
    let body = line.trim_start();
    let marker = body
        .split_once(' ')
        .filter(|(m, _)| {
            *m == "-"
                || (m.len() > 1
                    && m.ends_with('.')
                    && m[..m.len() - 1].chars().all(|c| c.is_ascii_digit()))
        })
        .map_or(0, |(m, _)| m.chars().count() + 1);
    let hang = " ".repeat(line.len() - body.len() + marker);
    wrap(&line, width, &hang)
}

/// `text` cut at a word boundary so that it and a closing "…" fit in
/// `width` columns (`text` is assumed to be one line; a tab is written as
/// four spaces, as [`wrap`] writes it). The one place a line is shortened
/// rather than wrapped.
#[must_use]
pub fn with_ellipsis(text: &str, width: usize) -> String {
    let text = untabbed(text);
    if self::width(&text) + 2 <= width {
        return format!("{} …", text.trim_end());
    }
    let keep = wrap(&text, width.saturating_sub(2).max(1), "")
        .into_iter()
        .next()
        .unwrap_or_default();
    let keep = keep.trim_end();
    if keep.is_empty() || self::width(keep) + 2 > width {
        "…".to_string()
    } else {
        format!("{keep} …")
    }
}

/// `text` cut to at most `max` columns, anywhere between two characters
/// as a person sees them, ending in "…" if cut: for a table cell, where a
/// word boundary could waste most of the cell.
#[must_use]
pub fn cut(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in text.graphemes(true) {
        let gw = width(g);
        if w + gw + 1 > max {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tab is written as the spaces it was measured as, so no line with
    /// tabs runs past the width (a terminal would move each tab to its next
    /// stop, up to 8 columns, where it had been counted as nothing).
    #[test]
    fn tabs_become_spaces_that_fit_the_width() {
        assert_eq!(wrap("a\tb", 80, ""), ["a    b"]);
        let text = "one\ttwo\tthree\tfour\tfive\tsix\tseven\teight";
        for width in 6..40 {
            for line in wrap(text, width, "  ") {
                assert!(!line.contains('\t'), "{line:?}");
                assert!(self::width(&line) <= width, "{width}: {line:?}");
            }
        }
    }

    /// A list line indented with a tab (an answer pasted from notes)
    /// hangs under its own text as drawn: the tab is four columns, not one.
    #[test]
    fn a_tab_indented_list_line_hangs_under_its_own_text() {
        assert_eq!(
            wrap_hanging("\t- one two three four", 14),
            ["    - one two", "      three", "      four"]
        );
    }

    /// Text shortened to one line keeps no tab either: a terminal would
    /// move it to its next stop, past what was measured.
    #[test]
    fn a_line_shortened_with_an_ellipsis_has_no_tab() {
        assert_eq!(with_ellipsis("a\tb", 20), "a    b …");
        for width in 3..20 {
            let short = with_ellipsis("one\ttwo\tthree\tfour", width);
            assert!(!short.contains('\t'), "{short:?}");
            assert!(self::width(&short) <= width, "{width}: {short:?}");
        }
    }

    #[test]
    fn list_lines_hang_under_their_own_text() {
        assert_eq!(
            wrap_hanging("  1. one two three four", 12),
            ["  1. one two", "     three", "     four"]
        );
        assert_eq!(wrap_hanging("- a b c d", 5), ["- a b", "  c d"]);
        assert_eq!(
            wrap_hanging("  plain words here", 10),
            ["  plain", "  words", "  here"]
        );
    }

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(wrap("I tend to", 20, "  "), vec!["I tend to"]);
        assert_eq!(wrap("", 20, "  "), vec![""]);
    }

    #[test]
    fn words_wrap_at_spaces_and_continuations_are_indented() {
        let got = wrap("> I tend to over prepare for meetings", 16, "  ");
        assert_eq!(got, vec!["> I tend to over", "  prepare for", "  meetings"]);
        for line in &got {
            assert!(width(line) <= 16, "{line:?}");
        }
    }

    #[test]
    fn hyphenated_words_are_not_split() {
        assert_eq!(
            wrap("a well-known five-year plan", 12, ""),
            vec!["a well-known", "five-year", "plan"]
        );
    }

    /// 40 columns, the narrowest terminal the PTY tests drive.
    #[test]
    fn forty_columns_break_only_between_words() {
        let text = "Tell me about a time you disagreed with your manager and what happened next.";
        let got = wrap(text, 39, "");
        assert_eq!(
            got,
            vec![
                "Tell me about a time you disagreed with",
                "your manager and what happened next."
            ]
        );
        let words: Vec<&str> = got.iter().flat_map(|l| l.split(' ')).collect();
        assert_eq!(words, text.split(' ').collect::<Vec<_>>());
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let got = wrap("日本語日本語", 7, "");
        assert_eq!(got, vec!["日本語", "日本語"]);
        let emoji = wrap("🚀🚀🚀🚀", 5, "");
        assert!(emoji.iter().all(|l| width(l) <= 5), "{emoji:?}");
        assert_eq!(emoji.concat(), "🚀🚀🚀🚀");
        assert_eq!(wrap("日本 語です ok", 8, ""), vec!["日本", "語です", "ok"]);
    }

    /// What `textwrap::wrap` gets wrong and this wrap must not: an emoji
    /// with its selector is 2 columns, flags and joined emoji are one
    /// grapheme each, never cut.
    #[test]
    fn emoji_sequences_are_measured_and_kept_whole() {
        assert_eq!(
            wrap("ok \u{263a}\u{fe0f}\u{263a}\u{fe0f} x", 6, ""),
            vec!["ok", "\u{263a}\u{fe0f}\u{263a}\u{fe0f} x"]
        );
        assert_eq!(wrap("🇫🇷🇫🇷🇫🇷", 5, ""), vec!["🇫🇷🇫🇷", "🇫🇷"]);
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(
            wrap(&family.repeat(3), 5, ""),
            vec![family.repeat(2), family.to_string()]
        );
        assert_eq!(wrap("👍🏽👍🏽👍🏽", 5, ""), vec!["👍🏽👍🏽", "👍🏽"]);
        let accents = "e\u{301}".repeat(6);
        assert_eq!(
            wrap(&accents, 4, ""),
            vec!["e\u{301}".repeat(4), "e\u{301}".repeat(2)]
        );
    }

    #[test]
    fn runs_of_spaces_and_leading_indents() {
        assert_eq!(wrap("a  b   c", 3, ""), vec!["a", "b", "c"]);
        assert_eq!(wrap("a  b   c", 20, ""), vec!["a  b   c"]);
        assert_eq!(wrap("   x y", 4, ""), vec!["   x", "y"]);
    }

    #[test]
    fn overlong_words_break_inside_and_nothing_is_lost() {
        let text = "a supercalifragilisticexpialidocious b";
        let got = wrap(text, 10, "");
        assert!(got.iter().all(|l| width(l) <= 10), "{got:?}");
        let rejoined: String = got.concat();
        assert_eq!(rejoined.replace(' ', ""), text.replace(' ', ""));
        assert_eq!(got[0], "a");
    }

    #[test]
    fn pasted_line_breaks_start_new_lines_under_the_first() {
        assert_eq!(wrap("one\ntwo", 20, "  "), vec!["one", "  two"]);
        assert_eq!(
            wrap("one two\nthree four", 8, "  "),
            vec!["one two", "  three", "  four"]
        );
        assert_eq!(wrap("one\ntwo", 20, ""), vec!["one", "two"]);
    }

    #[test]
    fn a_cell_is_cut_between_characters() {
        assert_eq!(cut("Tell me about a time", 20), "Tell me about a time");
        assert_eq!(cut("Tell me about a time", 9), "Tell me…");
        assert_eq!(cut("Tell me about a time", 10), "Tell me a…");
        assert_eq!(cut("日本語です", 6), "日本…");
        assert_eq!(cut("a👍🏽b", 3), "a…", "a modified emoji is not split");
    }

    #[test]
    fn ellipsis_cuts_at_a_word() {
        assert_eq!(with_ellipsis("short", 20), "short …");
        assert_eq!(with_ellipsis("abc", 3), "…");
        assert_eq!(
            with_ellipsis("session ended: this answer is not saved", 20),
            "session ended: …"
        );
    }
}
