//! A linear pass over YAML text, run before the parser sees it, that
//! refuses flow collections (`[`, `{`) nested deeper than [`MAX_FLOW_DEPTH`].
//!
//! Why: the YAML scanner hotseat uses does O(depth) work per token inside
//! nested flow collections, so a file of nothing but `[` takes quadratic
//! time to refuse (a 1 MiB one would take about an hour) — and its
//! recursion limit only applies after the scanner has run. This pass costs
//! one look at each byte, so any file up to the size cap is accepted or
//! refused in milliseconds.
//!
//! It follows the scanner's rules just far enough to know which brackets
//! open collections: brackets inside quoted scalars, comments, plain
//! scalars in block context and block scalars (`|`, `>`) are text. Where
//! it cannot be sure (the indentation of a multi-line plain scalar), it
//! counts, so it may refuse a file with dozens of stray brackets in odd
//! places — no real bank comes close — but it never hangs.

/// The deepest flow nesting accepted. A bank needs two or three levels
/// (`tags: [a, b]`); 64 leaves room for any hand-written file.
pub const MAX_FLOW_DEPTH: usize = 64;

/// Where nesting first went too deep: 1-based line and column (in
/// characters) of the bracket that opened the level past the bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// What the scanner is inside at the current byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum In {
    /// Between tokens: a quote or bracket here starts a token.
    Gap,
    /// A plain (unquoted) scalar.
    Plain,
    /// `'…'`.
    Single,
    /// `"…"`.
    Double,
    /// From `#` to the end of the line.
    Comment,
    /// The header line of a block scalar (`|`, `>`, `|-` …).
    BlockHeader,
    /// The content lines of a block scalar.
    Block,
}

/// Checks the flow nesting of `src` in one pass. `Ok(())` when it never
/// goes past [`MAX_FLOW_DEPTH`], else where it first did.
pub fn check_nesting(src: &str) -> Result<(), TooDeep> {
    let bytes = src.as_bytes();
    let mut state = In::Gap;
    let mut depth = 0usize;
    let (mut line, mut column) = (1usize, 0usize);
    // Indentation of this line, and the column of its first node after any
    // `- ` entries (what a block scalar or plain scalar is nested under).
    let mut indent = 0usize;
    let mut key_col = 0usize;
    let mut at_line_start = true;
    // A block plain scalar ran to the end of its line: lines indented
    // deeper than this continue it.
    let mut plain_under: Option<usize> = None;
    // A block scalar's parent column, and its content indentation once known.
    let mut block_parent = 0usize;
    let mut block_indent: Option<usize> = None;
    let mut prev = b'\n';
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Columns count characters: skip UTF-8 continuation bytes.
        if b & 0xc0 != 0x80 {
            column += 1;
        }
        if b == b'\n' {
            match state {
                In::BlockHeader => {
                    state = In::Block;
                    block_indent = None;
                }
                In::Comment => state = In::Gap,
                In::Plain if depth == 0 => {
                    plain_under = Some(indent);
                    state = In::Gap;
                }
                _ => {}
            }
            line += 1;
            column = 0;
            indent = 0;
            at_line_start = true;
            prev = b;
            i += 1;
            continue;
        }
        if at_line_start {
            if b == b' ' {
                indent += 1;
                prev = b;
                i += 1;
                continue;
            }
            at_line_start = false;
            key_col = indent;
            // Blank (or whitespace-only) lines change nothing.
            let blank = matches!(b, b'\r' | b'\t');
            if state == In::Block && !blank {
                match block_indent {
                    None if indent > block_parent => block_indent = Some(indent),
                    Some(n) if indent >= n => {}
                    _ => state = In::Gap,
                }
            }
            if state == In::Gap && depth == 0 && !blank {
                if plain_under.take().is_some_and(|under| indent > under) && b != b'#' {
                    state = In::Plain;
                }
                // `---` / `...` at column 1 end a document: a token follows.
                if indent == 0 && (bytes[i..].starts_with(b"---") || bytes[i..].starts_with(b"..."))
                {
                    let next = bytes.get(i + 3).copied().unwrap_or(b' ');
                    if matches!(next, b' ' | b'\t' | b'\r' | b'\n') {
                        column += 2;
                        prev = b' ';
                        i += 3;
                        continue;
                    }
                }
            }
        }
        let space_before = matches!(prev, b' ' | b'\t' | b'\n' | b'\r');
        let next = bytes.get(i + 1).copied().unwrap_or(b'\n');
        let space_after = matches!(next, b' ' | b'\t' | b'\n' | b'\r');
        match state {
            // Text to the end of the line, or block scalar content.
            In::Comment | In::BlockHeader | In::Block => {}
            In::Single => {
                if b == b'\'' {
                    if next == b'\'' {
                        // `''` is a quote inside the text, not the end.
                        column += 1;
                        i += 1;
                    } else {
                        state = In::Gap;
                        prev = b'\'';
                        i += 1;
                        continue;
                    }
                }
            }
            In::Double => {
                if b == b'\\' && next != b'\n' {
                    // The escaped byte is text, and a column if it starts a char.
                    if next & 0xc0 != 0x80 {
                        column += 1;
                    }
                    i += 1;
                } else if b == b'"' {
                    state = In::Gap;
                    prev = b'"';
                    i += 1;
                    continue;
                }
            }
            In::Plain => {
                let flow_ends = depth > 0 && matches!(b, b',' | b'[' | b']' | b'{' | b'}');
                if b == b'#' && space_before {
                    state = In::Comment;
                } else if b == b':' && (space_after || (depth > 0 && b",[]{}".contains(&next))) {
                    state = In::Gap;
                } else if flow_ends {
                    state = In::Gap;
                    continue; // the indicator is handled as a token below
                }
            }
            In::Gap => match b {
                b' ' | b'\t' | b'\r' => {}
                b'#' if space_before => state = In::Comment,
                b'\'' => state = In::Single,
                b'"' => state = In::Double,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Err(TooDeep { line, column });
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                b',' => {}
                b'|' | b'>' if depth == 0 => {
                    state = In::BlockHeader;
                    block_parent = key_col;
                }
                // Indicators followed by a space leave us between tokens.
                b'-' | b'?' | b':' if space_after => {
                    if b == b'-' && depth == 0 {
                        key_col = column + 1; // the entry's node starts after `- `
                    }
                }
                // After a quoted key (JSON style) `:` needs no space.
                b':' if matches!(prev, b'"' | b'\'' | b']' | b'}') => {}
                // Anchors and tags: skipped to the next space; a token follows.
                b'&' | b'!' => {
                    while i + 1 < bytes.len()
                        && !matches!(bytes[i + 1], b' ' | b'\t' | b'\n' | b'\r')
                        && !(depth > 0 && b",[]{}".contains(&bytes[i + 1]))
                    {
                        i += 1;
                        if bytes[i] & 0xc0 != 0x80 {
                            column += 1;
                        }
                    }
                }
                _ => state = In::Plain,
            },
        }
        prev = b;
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deep(n: usize) -> String {
        format!("{}{}", "[".repeat(n), "]".repeat(n))
    }

    #[test]
    fn real_banks_pass() {
        for (category, yaml) in crate::bank::builtin::yaml_files() {
            assert_eq!(check_nesting(&yaml), Ok(()), "{category}");
        }
        let src = "category: a\nquestions:\n  - id: a\n    text: b\n    tags: [x, {y: [z]}]\n";
        assert_eq!(check_nesting(src), Ok(()));
    }

    #[test]
    fn nesting_past_the_bound_is_located_at_the_bracket() {
        assert_eq!(
            check_nesting(&format!("a: {}\n", deep(MAX_FLOW_DEPTH))),
            Ok(())
        );
        let src = format!("category: a\nquestions: {}\n", deep(MAX_FLOW_DEPTH + 1));
        assert_eq!(
            check_nesting(&src),
            Err(TooDeep {
                line: 2,
                column: 12 + MAX_FLOW_DEPTH
            })
        );
        // Braces count the same, mixed with brackets, across lines.
        let src = "x: {a: [\n".repeat(40);
        assert_eq!(
            check_nesting(&src),
            Err(TooDeep {
                line: 33,
                column: 4
            })
        );
        // Columns count characters, escapes and `''` included.
        let src = format!("a: ['it''s', \"é\\\"\", {}", "[".repeat(64));
        assert_eq!(
            check_nesting(&src),
            Err(TooDeep {
                line: 1,
                column: 84
            })
        );
    }

    #[test]
    fn brackets_in_text_quotes_and_comments_do_not_count() {
        let many = "[".repeat(200);
        for src in [
            format!("text: '{many}'\n"),
            format!("text: \"{many}\"\n"),
            format!("text: \"a\\\"{many}\"\n"),
            format!("text: 'it''s {many}'\n"),
            format!("# {many}\ntext: a\n"),
            format!("text: a # {many}\n"),
            format!("text: it is {many}\n"),
            format!("text: |\n  {many}\n  more {many}\nnext: b\n"),
            format!("- text: >-\n    {many}\n\n    {many}\n- b\n"),
            format!("text: [\"{many}\", '{many}']\n"),
            format!("text: plain\n  continued {many}\n"),
        ] {
            assert_eq!(check_nesting(&src), Ok(()), "{src}");
        }
    }

    #[test]
    fn quotes_that_are_text_do_not_hide_later_brackets() {
        let deep = deep(100);
        for src in [
            // A quote inside a plain scalar or a block scalar is text.
            format!("a: x 'y\nb: {deep}\n"),
            format!("a: it's\nb: {deep}\n"),
            format!("a: |\n  '\nb: {deep}\n"),
            format!("- a: |\n  b: {deep}\n"),
            format!("a: b\n  'c\nd: {deep}\n"),
            // `#` without a space before it is no comment.
            format!("a: b#{deep}\nc: {deep}\n"),
            format!("--- {deep}\n"),
            format!("a: &x {deep}\n"),
            format!("a: !!seq {deep}\n"),
            format!("{{\"a\":{deep}}}\n"),
        ] {
            assert!(check_nesting(&src).is_err(), "{src}");
        }
    }

    #[test]
    fn a_mebibyte_of_brackets_is_refused_at_the_first_bracket_past_the_bound() {
        let src = "[".repeat(1 << 20);
        let e = check_nesting(&src).unwrap_err();
        assert_eq!((e.line, e.column), (1, MAX_FLOW_DEPTH + 1));
        // Unclosed but shallow: fine however long.
        let src = "[a], ".repeat(200_000);
        assert_eq!(check_nesting(&src), Ok(()));
    }
}
