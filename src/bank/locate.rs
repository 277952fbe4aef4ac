//! Finds where things are in a bank file's text, so that problems found
//! after parsing (duplicate ids, blank text, bad durations …) can name a
//! line and column. The YAML parser only reports positions for its own
//! errors, so this scans the block-style layout bank files are written in.
//! It is a best effort: when the layout is unusual (flow style, odd
//! indentation) and the items it finds do not match the parsed questions,
//! it knows nothing and problems are reported by field path alone.

use std::collections::HashMap;

/// A position: 1-based line and column, and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pos {
    line: usize,
    column: usize,
    offset: usize,
}

impl Pos {
    fn lc(self) -> (usize, usize) {
        (self.line, self.column)
    }
}

/// One item of the `questions:` sequence.
#[derive(Debug, Default)]
struct Item {
    pos: Option<Pos>,
    end: usize,
    keys: Vec<(String, Pos)>,
    subitems: HashMap<String, Vec<Pos>>,
}

impl Item {
    fn key(&self, name: &str) -> Option<Pos> {
        self.keys.iter().find(|(k, _)| k == name).map(|(_, p)| *p)
    }
}

/// Positions of the top-level keys and of each question, its keys and the
/// items of its lists.
#[derive(Debug, Default)]
pub(crate) struct Locator {
    top: HashMap<String, Pos>,
    items: Vec<Item>,
    items_ok: bool,
    line_starts: Vec<usize>,
    len: usize,
}

/// `key: rest` at the start of `content`, for plain keys.
fn split_key(content: &str) -> Option<(&str, &str)> {
    let colon = content.find(':')?;
    let key = &content[..colon];
    let rest = &content[colon + 1..];
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    (plain && (rest.is_empty() || rest.starts_with([' ', '\t']))).then_some((key, rest.trim()))
}

/// Whether a value starts a block scalar (`|`, `>-`, `|2` …).
fn starts_block_scalar(rest: &str) -> bool {
    let rest = rest.split(" #").next().unwrap_or("").trim();
    rest.starts_with(['|', '>'])
        && rest[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'+' || b == b'-')
}

const LIST_KEYS: [&str; 3] = ["tips", "followups", "tags"];

impl Locator {
    /// Scans `src`. `questions` is how many questions the parser found; the
    /// per-question positions are kept only if the scan found as many.
    pub(crate) fn new(src: &str, questions: usize) -> Locator {
        let mut loc = Locator {
            len: src.len(),
            ..Locator::default()
        };
        let mut in_questions = false;
        let mut item_indent: Option<usize> = None;
        let mut key_indent: Option<usize> = None;
        // (list key, its indent, indent of its first dash)
        let mut list: Option<(String, usize, Option<usize>)> = None;
        let mut block_scalar: Option<usize> = None;
        let mut offset = 0;
        for (n, raw) in src.split('\n').enumerate() {
            let line_start = offset;
            offset += raw.len() + 1;
            loc.line_starts.push(line_start);
            let text = raw.strip_suffix('\r').unwrap_or(raw);
            let indent = text.len() - text.trim_start_matches(' ').len();
            let content = &text[indent..];
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            if let Some(bi) = block_scalar {
                if indent > bi {
                    continue;
                }
                block_scalar = None;
            }
            let pos = |col: usize| Pos {
                line: n + 1,
                column: col + 1,
                offset: line_start + col,
            };
            let is_dash = content == "-" || content.starts_with("- ");
            if indent == 0 && !is_dash {
                if let Some(last) = loc.items.last_mut().filter(|_| in_questions) {
                    last.end = line_start;
                }
                in_questions = false;
                if let Some((key, rest)) = split_key(content) {
                    loc.top.entry(key.to_string()).or_insert(pos(0));
                    in_questions = key == "questions" && rest.is_empty();
                    if starts_block_scalar(rest) {
                        block_scalar = Some(0);
                    }
                }
                continue;
            }
            if !in_questions {
                continue;
            }
            if is_dash && item_indent.is_none_or(|ii| ii == indent) {
                item_indent = Some(indent);
                if let Some(last) = loc.items.last_mut() {
                    last.end = line_start;
                }
                let after = &content[1..];
                let gap = after.len() - after.trim_start().len();
                let col = indent + 1 + gap;
                let mut item = Item {
                    end: src.len(),
                    ..Item::default()
                };
                list = None;
                key_indent = None;
                if !after.trim().is_empty() {
                    item.pos = Some(pos(col));
                    key_indent = Some(col);
                    if let Some((key, rest)) = split_key(after.trim_start()) {
                        item.keys.push((key.to_string(), pos(col)));
                        if rest.is_empty() && LIST_KEYS.contains(&key) {
                            list = Some((key.to_string(), col, None));
                        }
                        if starts_block_scalar(rest) {
                            block_scalar = Some(col);
                        }
                    }
                }
                loc.items.push(item);
                continue;
            }
            let Some(item) = loc.items.last_mut() else {
                continue;
            };
            if is_dash {
                if let Some((key, list_indent, sub)) = &mut list
                    && indent >= *list_indent
                    && sub.is_none_or(|s| s == indent)
                {
                    *sub = Some(indent);
                    let after = &content[1..];
                    let gap = after.len() - after.trim_start().len();
                    item.subitems
                        .entry(key.clone())
                        .or_default()
                        .push(pos(indent + 1 + gap));
                }
                continue;
            }
            let ki = *key_indent.get_or_insert(indent);
            if item.pos.is_none() {
                item.pos = Some(pos(indent));
            }
            if indent != ki {
                continue;
            }
            list = None;
            if let Some((key, rest)) = split_key(content) {
                item.keys.push((key.to_string(), pos(indent)));
                if rest.is_empty() && LIST_KEYS.contains(&key) {
                    list = Some((key.to_string(), indent, None));
                }
                if starts_block_scalar(rest) {
                    block_scalar = Some(indent);
                }
            }
        }
        loc.items_ok = loc.items.len() == questions;
        loc
    }

    fn item(&self, i: usize) -> Option<&Item> {
        if self.items_ok {
            self.items.get(i)
        } else {
            None
        }
    }

    /// Where top-level key `key` is.
    pub(crate) fn top(&self, key: &str) -> Option<(usize, usize)> {
        self.top.get(key).map(|p| p.lc())
    }

    /// Where question `i` starts.
    pub(crate) fn question(&self, i: usize) -> Option<(usize, usize)> {
        self.item(i).and_then(|it| it.pos).map(Pos::lc)
    }

    /// Where key `key` of question `i` is, else where the question starts.
    pub(crate) fn key(&self, i: usize, key: &str) -> Option<(usize, usize)> {
        self.item(i)
            .and_then(|it| it.key(key))
            .map(Pos::lc)
            .or_else(|| self.question(i))
    }

    /// Where item `j` of list `key` of question `i` is, else where the key is.
    pub(crate) fn subitem(&self, i: usize, key: &str, j: usize) -> Option<(usize, usize)> {
        self.item(i)
            .and_then(|it| it.subitems.get(key))
            .and_then(|v| v.get(j))
            .map(|p| p.lc())
            .or_else(|| self.key(i, key))
    }

    /// Where `needle` first occurs in question `i` at or after its key
    /// `key`, else where the key is.
    pub(crate) fn find(
        &self,
        src: &str,
        i: usize,
        key: &str,
        needle: &str,
    ) -> Option<(usize, usize)> {
        let found = self.item(i).and_then(|it| {
            let start = it.key(key)?.offset;
            let end = it.end.min(self.len);
            let at = src.get(start..end)?.find(needle)? + start;
            Some(self.line_col(src, at))
        });
        found.or_else(|| self.key(i, key))
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    pub(crate) fn line_col(&self, src: &str, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let column = src.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "\
# a comment
category: weaknesses
title: Weaknesses
description: |
  questions:
  - id: not-a-question
questions:
  - id: first
    text: What is it?
    tips:
      - one
      - two
  - text: >-
      Why {compnay}?
      - still text
    id: second
    followups:
    - a follow-up
    limit: ninety
  -   id: third
";

    #[test]
    fn finds_top_keys_questions_keys_and_list_items() {
        let loc = Locator::new(SRC, 3);
        assert_eq!(loc.top("category"), Some((2, 1)));
        assert_eq!(loc.top("questions"), Some((7, 1)));
        assert_eq!(loc.question(0), Some((8, 5)));
        assert_eq!(loc.key(0, "text"), Some((9, 5)));
        assert_eq!(loc.subitem(0, "tips", 1), Some((12, 9)));
        assert_eq!(loc.question(1), Some((13, 5)));
        assert_eq!(loc.key(1, "id"), Some((16, 5)));
        assert_eq!(loc.subitem(1, "followups", 0), Some((18, 7)));
        assert_eq!(loc.key(1, "limit"), Some((19, 5)));
        assert_eq!(loc.find(SRC, 1, "text", "{compnay}"), Some((14, 11)));
        assert_eq!(loc.question(2), Some((20, 7)));
        // A key that is not there falls back to the question.
        assert_eq!(loc.key(2, "text"), Some((20, 7)));
    }

    #[test]
    fn knows_nothing_when_the_count_disagrees() {
        let loc = Locator::new("category: a\nquestions: [{id: a, text: b}]\n", 1);
        assert_eq!(loc.top("questions"), Some((2, 1)));
        assert_eq!(loc.question(0), None);
        assert_eq!(loc.key(0, "id"), None);
    }

    #[test]
    fn line_col_counts_characters() {
        let src = "a: é{x}\n";
        let loc = Locator::new(src, 0);
        let at = src.find("{x}").unwrap();
        assert_eq!(loc.line_col(src, at), (1, 5));
    }
}
