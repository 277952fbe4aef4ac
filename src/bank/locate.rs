//! Finds where things are in a bank file's text, so that problems found
//! after parsing (duplicate ids, blank text, bad durations …) can name a
//! line and column. The YAML parser only reports positions for its own
//! errors, so this scans the block-style layout bank files are written in.
//! It is a best effort: when the layout is unusual (a whole question in
//! flow style, odd indentation) and the items it finds do not match the
//! parsed questions, it knows nothing and problems are reported by field
//! path alone. Flow sequences of scalars (`cues: ["a", "b"]`, `tags: [x]`)
//! are located item by item.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

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
    /// The entries of each `listen_for`/`avoid` list asked about, scanned
    /// once: a file with thousands of bad cues in one list costs one scan
    /// of it, not one per problem.
    entries: RefCell<EntryCache>,
}

/// Entries by owner (`None` = top level, else the question) and list name.
type EntryCache = HashMap<(Option<usize>, String), Rc<Vec<Entry>>>;

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

const LIST_KEYS: [&str; 4] = ["tips", "followups", "tags", "skip_points"];

/// The byte offsets where the items of the flow sequence opened at byte
/// `open` (a `[`) start, up to its closing `]` (or `end`). Quoted items are
/// skipped whole, so a `,` or `]` inside quotes does not end them. One pass.
fn flow_items(src: &str, open: usize, end: usize) -> Vec<usize> {
    let bytes = src.as_bytes();
    let end = end.min(bytes.len());
    let mut out = Vec::new();
    let mut i = open + 1;
    while i < end {
        match bytes[i] {
            b' ' | b'\t' | b'\r' | b'\n' | b',' => {
                i += 1;
                continue;
            }
            // A stray `}` ends the list too: an item cannot start with it,
            // and the item loop below would not move past it (found by
            // fuzzing: the same offset pushed until memory ran out).
            b']' | b'}' => break,
            _ => {}
        }
        out.push(i);
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < end {
                    match bytes[i] {
                        b'\\' => i += 2,
                        b'"' => {
                            i += 1;
                            break;
                        }
                        _ => i += 1,
                    }
                }
            }
            b'\'' => {
                i += 1;
                while i < end {
                    if bytes[i] == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        i += 1;
                        break;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        let mut depth = 0usize;
        while i < end {
            match bytes[i] {
                b'[' | b'{' => depth += 1,
                b']' | b'}' if depth == 0 => break,
                b']' | b'}' => depth -= 1,
                b',' if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
    }
    out
}

/// The offset of the first `[` on the line from byte `from` on (the value
/// of a key already known to start with `[`; key names hold no `[`).
fn bracket_at(src: &str, from: usize) -> Option<usize> {
    let line_end = src[from..].find('\n').map_or(src.len(), |n| from + n);
    src[from..line_end].find('[').map(|n| from + n)
}

/// Records the items of the flow sequence that is the value of `key` on
/// line `line` (1-based, starting at byte `line_start`) as subitems of `item`.
fn flow_subitems(src: &str, item: &mut Item, key: &str, line: usize, line_start: usize) {
    let Some(open) = bracket_at(src, line_start) else {
        return;
    };
    let mut pos = Pos {
        line,
        column: 1,
        offset: line_start,
    };
    let mut start = line_start;
    let found = flow_items(src, open, src.len())
        .into_iter()
        .map(|at| {
            // Advance line by line: items are in order, so this is one pass.
            for (i, b) in src.as_bytes()[pos.offset..at].iter().enumerate() {
                if *b == b'\n' {
                    pos.line += 1;
                    start = pos.offset + i + 1;
                }
            }
            pos.offset = at;
            pos.column = src[start..at].chars().count() + 1;
            pos
        })
        .collect();
    item.subitems.insert(key.to_string(), found);
}

/// One entry of a `listen_for` or `avoid` list: where it starts, its keys,
/// and the items of its `cues`.
#[derive(Debug, Default)]
struct Entry {
    pos: usize,
    keys: Vec<(String, usize)>,
    cues: Vec<usize>,
}

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
                        if rest.starts_with('[') && LIST_KEYS.contains(&key) {
                            flow_subitems(src, &mut item, key, n + 1, line_start);
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
                if rest.starts_with('[') && LIST_KEYS.contains(&key) {
                    flow_subitems(src, item, key, n + 1, line_start);
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

    /// Where the value of key `key` starts and ends (bytes): of the top
    /// level (`q` = `None`) or of question `q`. It ends where the next key
    /// of the same mapping starts.
    fn region(&self, q: Option<usize>, key: &str) -> Option<(usize, usize)> {
        match q {
            None => {
                let start = self.top.get(key)?.offset;
                let end = self
                    .top
                    .values()
                    .map(|p| p.offset)
                    .filter(|&o| o > start)
                    .min()
                    .unwrap_or(self.len);
                Some((start, end))
            }
            Some(i) => {
                let item = self.item(i)?;
                let start = item.key(key)?.offset;
                let end = item
                    .keys
                    .iter()
                    .map(|(_, p)| p.offset)
                    .filter(|&o| o > start)
                    .min()
                    .unwrap_or(item.end);
                Some((start, end.min(item.end.max(start))))
            }
        }
    }

    /// The entries of the block sequence under `list` (`listen_for` or
    /// `avoid`) of the top level or of question `q`, each with its keys and
    /// the items of its `cues` (block or flow). Scanned on demand: only a
    /// file with a problem pays for it.
    fn entries(&self, src: &str, q: Option<usize>, list: &str) -> Rc<Vec<Entry>> {
        let key = (q, list.to_string());
        if let Some(found) = self.entries.borrow().get(&key) {
            return Rc::clone(found);
        }
        let found = Rc::new(self.scan_entries(src, q, list));
        self.entries.borrow_mut().insert(key, Rc::clone(&found));
        found
    }

    /// [`Locator::entries`], uncached.
    fn scan_entries(&self, src: &str, q: Option<usize>, list: &str) -> Vec<Entry> {
        let Some((start, end)) = self.region(q, list) else {
            return Vec::new();
        };
        let Some(body) = src.get(start..end) else {
            return Vec::new();
        };
        let mut out: Vec<Entry> = Vec::new();
        let mut dash_indent = None;
        let mut key_indent = None;
        // The indent of a `cues:` key whose block items may follow.
        let mut cues_at: Option<usize> = None;
        let mut offset = start;
        for (n, raw) in body.split('\n').enumerate() {
            let line_start = offset;
            offset += raw.len() + 1;
            if n == 0 {
                continue;
            }
            let text = raw.strip_suffix('\r').unwrap_or(raw);
            let indent = text.len() - text.trim_start_matches(' ').len();
            let content = &text[indent..];
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let is_dash = content == "-" || content.starts_with("- ");
            let mut key_here = None;
            if is_dash && dash_indent.is_none_or(|d| d == indent) {
                dash_indent = Some(indent);
                let after = &content[1..];
                let col = indent + 1 + (after.len() - after.trim_start().len());
                out.push(Entry {
                    pos: line_start + col,
                    ..Entry::default()
                });
                key_indent = Some(col);
                cues_at = None;
                key_here = split_key(after.trim_start()).map(|k| (k, col));
            } else if is_dash {
                if let (Some(e), Some(ci)) = (out.last_mut(), cues_at)
                    && indent >= ci
                {
                    let after = &content[1..];
                    let col = indent + 1 + (after.len() - after.trim_start().len());
                    e.cues.push(line_start + col);
                }
                continue;
            } else if Some(indent) == key_indent {
                cues_at = None;
                key_here = split_key(content).map(|k| (k, indent));
            }
            let (Some(((key, rest), col)), Some(e)) = (key_here, out.last_mut()) else {
                continue;
            };
            e.keys.push((key.to_string(), line_start + col));
            if key == "cues" {
                if rest.starts_with('[') {
                    if let Some(open) = bracket_at(src, line_start + col) {
                        e.cues = flow_items(src, open, end);
                    }
                } else if rest.is_empty() {
                    cues_at = Some(col);
                }
            }
        }
        out
    }

    /// Where the list `list` itself is (a top-level key, or a key of `q`).
    fn list_key(&self, q: Option<usize>, list: &str) -> Option<(usize, usize)> {
        match q {
            None => self.top(list),
            Some(i) => self.key(i, list),
        }
    }

    /// Where entry `j` of `list` (`listen_for`/`avoid`) starts, else where
    /// the list is.
    pub(crate) fn entry(
        &self,
        src: &str,
        q: Option<usize>,
        list: &str,
        j: usize,
    ) -> Option<(usize, usize)> {
        self.entries(src, q, list)
            .get(j)
            .map(|e| self.line_col(src, e.pos))
            .or_else(|| self.list_key(q, list))
    }

    /// Where key `key` of entry `j` of `list` is, else where the entry is.
    pub(crate) fn entry_key(
        &self,
        src: &str,
        q: Option<usize>,
        list: &str,
        j: usize,
        key: &str,
    ) -> Option<(usize, usize)> {
        let entries = self.entries(src, q, list);
        let found = entries.get(j).and_then(|e| {
            let at = e.keys.iter().find(|(k, _)| k == key).map(|(_, o)| *o)?;
            Some(self.line_col(src, at))
        });
        found.or_else(|| self.entry(src, q, list, j))
    }

    /// Where cue `k` of entry `j` of `list` is, else where its `cues` key is.
    pub(crate) fn cue(
        &self,
        src: &str,
        q: Option<usize>,
        list: &str,
        j: usize,
        k: usize,
    ) -> Option<(usize, usize)> {
        let entries = self.entries(src, q, list);
        entries
            .get(j)
            .and_then(|e| e.cues.get(k))
            .map(|&o| self.line_col(src, o))
            .or_else(|| self.entry_key(src, q, list, j, "cues"))
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

    /// Found by the `bank_loader` fuzz target: a flow list item starting
    /// with `}` made the item loop push the same offset forever.
    #[test]
    fn a_stray_closing_brace_ends_a_flow_list() {
        assert_eq!(flow_items("[a, }b]", 0, 7), vec![1]);
        assert!(flow_items("[}", 0, 2).is_empty());
        let src = include_str!("../../tests/fixtures/fuzz/bank_loader_oom.yaml");
        let result = crate::bank::parse_bank(
            src,
            std::path::Path::new("oom.yaml"),
            crate::bank::Source::BuiltIn,
        );
        assert!(result.is_err());
    }

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
    fn thousands_of_cues_in_one_list_are_located_in_one_scan() {
        let mut src = String::from("category: a\nlisten_for:\n  - point: p\n    cues: [");
        for _ in 0..20_000 {
            src.push_str("\"x*y\", ");
        }
        src.push_str("]\nquestions:\n  - id: a\n    text: b\n");
        let loc = Locator::new(&src, 1);
        let started = std::time::Instant::now();
        for k in 0..20_000 {
            assert_eq!(
                loc.cue(&src, None, "listen_for", 0, k),
                Some((4, 12 + 7 * k))
            );
        }
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn line_col_counts_characters() {
        let src = "a: é{x}\n";
        let loc = Locator::new(src, 0);
        let at = src.find("{x}").unwrap();
        assert_eq!(loc.line_col(src, at), (1, 5));
    }
    const POINTS: &str = "\
category: behavioral
listen_for:
  - point: the situation
    cues: [\"at my last\", 'when I was', in 20*]
  - point: the result
    hint: close with a number
    cues:
      - as a result
      - \"#figure\"
avoid:
- cues: [\"never, ever\", wasn't my fault]
  why: own it
questions:
  - id: a
    text: Why?
    skip_points: [\"the situation\", other]
    tags: [x,
      y]
    listen_for:
      - point: what changed
        cues: [since then]
  - id: b
    text: How?
";

    #[test]
    fn finds_entries_their_keys_and_each_cue_block_or_flow() {
        let loc = Locator::new(POINTS, 2);
        assert_eq!(loc.entry(POINTS, None, "listen_for", 0), Some((3, 5)));
        assert_eq!(loc.entry(POINTS, None, "listen_for", 1), Some((5, 5)));
        assert_eq!(
            loc.entry_key(POINTS, None, "listen_for", 1, "hint"),
            Some((6, 5))
        );
        assert_eq!(loc.cue(POINTS, None, "listen_for", 0, 0), Some((4, 12)));
        assert_eq!(loc.cue(POINTS, None, "listen_for", 0, 1), Some((4, 26)));
        assert_eq!(loc.cue(POINTS, None, "listen_for", 0, 2), Some((4, 40)));
        assert_eq!(loc.cue(POINTS, None, "listen_for", 1, 1), Some((9, 9)));
        // A cue past the end falls back to the `cues:` key.
        assert_eq!(loc.cue(POINTS, None, "listen_for", 1, 5), Some((7, 5)));
        // Entries at the list's own indent; a comma inside quotes is no end.
        assert_eq!(loc.cue(POINTS, None, "avoid", 0, 1), Some((11, 25)));
        assert_eq!(
            loc.entry_key(POINTS, None, "avoid", 0, "why"),
            Some((12, 3))
        );
        assert_eq!(loc.subitem(0, "skip_points", 1), Some((16, 36)));
        assert_eq!(loc.subitem(0, "tags", 1), Some((18, 7)));
        assert_eq!(loc.cue(POINTS, Some(0), "listen_for", 0, 0), Some((21, 16)));
        // Question b has no list: its question position stands in.
        assert_eq!(loc.entry(POINTS, Some(1), "listen_for", 0), Some((22, 5)));
    }
}
