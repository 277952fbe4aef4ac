//! Reading and validating one bank file: size and encoding first, then the
//! linear nesting pre-scan ([`super::prescan`]), then the YAML parse (which
//! bounds alias expansion and nesting), then checks that collect every
//! problem, each located by line and column where possible.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use serde::Deserialize;
use serde_yaml::{Mapping, Value};

use super::error::{BankError, Problem};
use super::locate::Locator;
use super::prescan::{MAX_FLOW_DEPTH, check_nesting};
use super::validate::{closest, is_kebab, placeholder_fix, to_kebab, unknown_placeholders};
use super::{Bank, Question, Source, parse_duration};
pub use points::{AVOID_FIELDS, POINT_FIELDS};
use points::{RawAvoid, RawPoint};

mod points;

/// The largest bank file read: checked before reading, so a huge file costs
/// nothing. Ten thousand questions with a tip each fit.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The keys a bank file may have at the top.
pub const BANK_FIELDS: [&str; 8] = [
    "category",
    "title",
    "description",
    "limit",
    "think",
    "listen_for",
    "avoid",
    "questions",
];
/// The keys a question may have.
pub const QUESTION_FIELDS: [&str; 11] = [
    "id",
    "text",
    "followups",
    "tips",
    "limit",
    "think",
    "tags",
    "situation",
    "listen_for",
    "skip_points",
    "avoid",
];

/// The advice for a bank path that does not exist (a mistyped `--bank`).
pub const MISSING_FIX: &str = "check the path; `hotseat banks list` shows the banks in use";

/// Reads, parses and validates the bank file at `path`, reporting every
/// problem found in it.
pub fn check_file(path: &Path) -> Result<Bank, BankError> {
    let src = read_bank_file(path)?;
    parse_bank(&src, path, Source::File(path.to_path_buf()))
}

/// Reads `path` as UTF-8 text, refusing files over [`MAX_FILE_BYTES`]
/// before reading them.
pub fn read_bank_file(path: &Path) -> Result<String, BankError> {
    let problem = |msg: String| Problem::new(msg).in_file(path);
    let meta = std::fs::metadata(path).map_err(|e| {
        let fix = if e.kind() == std::io::ErrorKind::NotFound {
            MISSING_FIX
        } else {
            "check the path and that you may read it"
        };
        problem(format!("cannot read: {e}")).fix(fix)
    })?;
    if !meta.is_file() {
        return Err(problem("not a file".into())
            .fix("give a .yaml file or a folder of them")
            .into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(path, meta.len()).into());
    }
    let file = std::fs::File::open(path).map_err(|e| problem(format!("cannot read: {e}")))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may have grown since the size check: never read past the cap.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| problem(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(path, bytes.len() as u64).into());
    }
    // Editors on Windows save "UTF-8 with BOM"; the YAML parser would read
    // the mark as the start of a second document.
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let bad = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&bytes[..bad]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        problem(format!(
            "not UTF-8: byte 0x{:02x} at offset {bad}",
            bytes[bad]
        ))
        .at(Some((line, column)))
        .fix("save the file as UTF-8")
        .into()
    })
}

fn too_big(path: &Path, len: u64) -> Problem {
    Problem::new(format!(
        "file is {len} bytes; a bank file may be at most {MAX_FILE_BYTES} bytes (1 MiB)"
    ))
    .in_file(path)
    .fix("split it into several files with the same category")
}

/// Parses and validates bank text; `file` names it in messages.
///
/// The common case — a well-typed file — is read straight into plain
/// structs and then checked. Only when that fails is the file read again
/// as a generic YAML value and walked, so that every structural problem
/// (unknown field, wrong type) is reported, not just serde's first.
pub fn parse_bank(src: &str, file: &Path, source: Source) -> Result<Bank, BankError> {
    check_yaml_shape(src, file)?;
    let mut check = Check {
        src,
        file,
        count: 0,
        loc: OnceCell::new(),
        problems: Vec::new(),
    };
    let raw = match serde_yaml::from_str::<RawBank>(src) {
        Ok(raw) if raw.is_empty() => {
            check.report(
                At::Nowhere,
                String::new(),
                "the file is empty".into(),
                Some("start it with `category: NAME` and a `questions:` list".into()),
            );
            None
        }
        Ok(raw) => {
            check.count = raw.questions.as_ref().map_or(0, Vec::len);
            Some(raw)
        }
        Err(first) => {
            let value: Value = serde_yaml::from_str(src).map_err(|e| yaml_error(&e, src, file))?;
            let raw = check.raw_bank(&value);
            if check.problems.is_empty() && raw.is_some() {
                // The walk is more lenient than serde somewhere: say what serde said.
                return Err(yaml_error(&first, src, file));
            }
            raw
        }
    };
    let bank = raw.and_then(|raw| check.bank(raw, source));
    match bank {
        Some(bank) if check.problems.is_empty() => Ok(bank),
        _ => Err(BankError::many(check.problems)),
    }
}

/// Refuses, in one linear pass, YAML the parser would take quadratic time
/// over (flow collections nested past [`MAX_FLOW_DEPTH`]). Every YAML text
/// hotseat reads goes through this before the parser sees it.
pub fn check_yaml_shape(src: &str, file: &Path) -> Result<(), BankError> {
    check_nesting(src).map_err(|at| {
        Problem::new(format!(
            "`[` or `{{` nested more than {MAX_FLOW_DEPTH} deep"
        ))
        .in_file(file)
        .at(Some((at.line, at.column)))
        .fix("a bank is a mapping with a list of questions: write lists as `- item` lines")
        .into()
    })
}

/// Parses any other YAML text hotseat reads (the config) into a generic
/// value, the same way banks are: the nesting pre-scan first, then the
/// parser, its errors located and explained.
pub fn parse_yaml(src: &str, file: &Path) -> Result<Value, BankError> {
    check_yaml_shape(src, file)?;
    serde_yaml::from_str(src).map_err(|e| yaml_error(&e, src, file))
}

/// Turns a parser error into a located problem with advice.
fn yaml_error(e: &serde_yaml::Error, src: &str, file: &Path) -> BankError {
    let mut msg = e.to_string();
    let pos = e.location().map(|l| (l.line(), l.column()));
    if let Some((line, column)) = pos {
        let suffix = format!(" at line {line} column {column}");
        if let Some(i) = msg.find(&suffix) {
            msg.replace_range(i..i + suffix.len(), "");
        }
    }
    // The parser also ends a line at a lone `\r`, NEL, LS and PS, which
    // editors (and the rest of this module) do not: one stray `\r` would
    // push every later position down a line. Place it by its byte offset.
    let pos = e.location().map(|l| line_col_at(src, l.index()));
    if let Some(key) = duplicate_key(&msg) {
        // The parser points at the mapping; point at the second key instead.
        let from = pos.map_or(0, |(line, _)| line.saturating_sub(1));
        let second = second_key_line(src, from, key);
        return Problem::new(format!("duplicate key `{key}`"))
            .in_file(file)
            .at(second.or(pos))
            .fix(format!("keep one `{key}:` in this mapping"))
            .into();
    }
    let fix = if msg.contains("recursion limit") {
        "nesting is far too deep: a bank is a mapping with a list of questions"
    } else if msg.contains("repetition limit") {
        "aliases (*name) expand too much: write the text out instead of using anchors"
    } else if msg.contains("more than one document") {
        "keep one bank per file: remove the extra `---`"
    } else {
        "check the indentation and quoting here; put text containing `: ` or `#` in quotes"
    };
    Problem::new(format!("invalid YAML: {msg}"))
        .in_file(file)
        .at(pos)
        .fix(fix)
        .into()
}

/// The 1-based line (counting `\n` only) and column (in characters) of the
/// parser's byte `index`.
fn line_col_at(src: &str, index: usize) -> (usize, usize) {
    let mut end = index.min(src.len());
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    let before = &src[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The key named in the parser's "duplicate entry" message.
fn duplicate_key(msg: &str) -> Option<&str> {
    let rest = &msg[msg.find("duplicate entry with key \"")? + 26..];
    rest.get(..rest.find('"')?)
}

/// Where `key:` occurs for the second time at one indentation, looking from
/// line index `from`.
fn second_key_line(src: &str, from: usize, key: &str) -> Option<(usize, usize)> {
    let mut first_indent = None;
    for (n, line) in src.lines().enumerate().skip(from) {
        let body = line.trim_start_matches([' ', '-']);
        let indent = line.len() - body.len();
        let is_key = body
            .strip_prefix(key)
            .is_some_and(|r| r.starts_with(':') || r.starts_with("\":"));
        if is_key {
            match first_indent {
                None => first_indent = Some(indent),
                Some(i) if i == indent => return Some((n + 1, indent + 1)),
                Some(_) => {}
            }
        }
    }
    None
}

/// A bank as written, before validation: what serde reads when the types
/// are right, or what [`Check::raw_bank`] rebuilds when they are not.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBank {
    category: Option<String>,
    title: Option<String>,
    description: Option<String>,
    limit: Option<String>,
    think: Option<String>,
    questions: Option<Vec<RawQuestion>>,
    listen_for: Option<Vec<RawPoint>>,
    avoid: Option<Vec<RawAvoid>>,
    /// Fields present with the wrong type (already reported, so not "missing").
    #[serde(skip)]
    invalid: Vec<&'static str>,
}

impl RawBank {
    /// Whether nothing at all was written (an empty file, only comments, `{}`).
    fn is_empty(&self) -> bool {
        self.category.is_none()
            && self.title.is_none()
            && self.description.is_none()
            && self.limit.is_none()
            && self.think.is_none()
            && self.questions.is_none()
            && self.listen_for.is_none()
            && self.avoid.is_none()
    }
}

/// A question as written, before validation.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Option<String>,
    text: Option<String>,
    #[serde(default)]
    followups: Vec<String>,
    #[serde(default)]
    tips: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    limit: Option<String>,
    think: Option<String>,
    situation: Option<String>,
    listen_for: Option<Vec<RawPoint>>,
    #[serde(default)]
    skip_points: Vec<String>,
    avoid: Option<Vec<RawAvoid>>,
    /// Fields present with the wrong type (already reported).
    #[serde(skip)]
    invalid: Vec<&'static str>,
}

/// Where a problem is, resolved to a line and column only when reported.
#[derive(Debug, Clone, Copy)]
enum At<'k> {
    Nowhere,
    Line1,
    Top(&'k str),
    Question(usize),
    Key(usize, &'k str),
    Sub(usize, &'k str, usize),
    Find(usize, &'k str, &'k str),
    /// Entry `.2` of list `.1` (`listen_for`/`avoid`) of the top level or a question.
    Entry(Option<usize>, &'k str, usize),
    /// Key `.3` of that entry.
    EntryKey(Option<usize>, &'k str, usize, &'k str),
    /// Cue `.3` of that entry.
    Cue(Option<usize>, &'k str, usize, usize),
}

/// The checks over one file, collecting problems.
struct Check<'a> {
    src: &'a str,
    file: &'a Path,
    /// How many questions the file has, for the locator.
    count: usize,
    /// Built on the first problem: a valid file never pays for positions.
    loc: OnceCell<Locator>,
    problems: Vec<Problem>,
}

/// What a YAML value is, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

/// `questions[3].text`, or `category` at the top.
fn path(q: Option<usize>, key: &str) -> String {
    match q {
        Some(i) if key.is_empty() => format!("questions[{i}]"),
        Some(i) => format!("questions[{i}].{key}"),
        None => key.to_string(),
    }
}

impl Check<'_> {
    fn report(&mut self, at: At<'_>, field: String, message: String, fix: Option<String>) {
        let loc = self.loc.get_or_init(|| Locator::new(self.src, self.count));
        let pos = match at {
            At::Nowhere => None,
            At::Line1 => Some((1, 1)),
            At::Top(key) => loc.top(key),
            At::Question(i) => loc.question(i),
            At::Key(i, key) => loc.key(i, key),
            At::Sub(i, key, j) => loc.subitem(i, key, j),
            At::Find(i, key, needle) => loc.find(self.src, i, key, needle),
            At::Entry(q, list, j) => loc.entry(self.src, q, list, j),
            At::EntryKey(q, list, j, key) => loc.entry_key(self.src, q, list, j, key),
            At::Cue(q, list, j, k) => loc.cue(self.src, q, list, j, k),
        };
        let mut p = Problem::new(message).in_file(self.file).at(pos);
        if !field.is_empty() {
            p = p.field(field);
        }
        if let Some(fix) = fix {
            p = p.fix(fix);
        }
        self.problems.push(p);
    }

    fn at(q: Option<usize>, key: &str) -> At<'_> {
        match q {
            Some(i) => At::Key(i, key),
            None => At::Top(key),
        }
    }

    // ----- the structural walk, only when serde could not read the file -----

    fn raw_bank(&mut self, value: &Value) -> Option<RawBank> {
        let map = match value {
            Value::Mapping(m) => m,
            Value::Null => {
                self.report(
                    At::Nowhere,
                    String::new(),
                    "the file is empty".into(),
                    Some("start it with `category: NAME` and a `questions:` list".into()),
                );
                return None;
            }
            other => {
                self.report(
                    At::Line1,
                    String::new(),
                    format!(
                        "a bank is a mapping (category, title, questions …), not {}",
                        kind(other)
                    ),
                    None,
                );
                return None;
            }
        };
        if let Some(Value::Sequence(qs)) = map.get("questions") {
            self.count = qs.len();
        }
        self.unknown_keys(map, &BANK_FIELDS, None);
        let mut raw = RawBank::default();
        let mut invalid = Vec::new();
        raw.category = self.string(map, None, "category", &mut invalid);
        raw.title = self.string(map, None, "title", &mut invalid);
        raw.description = self.string(map, None, "description", &mut invalid);
        raw.limit = self.string(map, None, "limit", &mut invalid);
        raw.think = self.string(map, None, "think", &mut invalid);
        raw.listen_for = self.raw_points(map, None);
        raw.avoid = self.raw_avoids(map, None);
        raw.questions = match map.get("questions") {
            None | Some(Value::Null) => None,
            Some(Value::Sequence(qs)) => Some(
                qs.iter()
                    .enumerate()
                    .map(|(i, q)| self.raw_question(i, q))
                    .collect(),
            ),
            Some(other) => {
                self.report(
                    At::Top("questions"),
                    "questions".into(),
                    format!("must be a list of questions, not {}", kind(other)),
                    None,
                );
                invalid.push("questions");
                None
            }
        };
        raw.invalid = invalid;
        Some(raw)
    }

    fn raw_question(&mut self, i: usize, value: &Value) -> RawQuestion {
        let mut raw = RawQuestion::default();
        let Value::Mapping(map) = value else {
            self.report(
                At::Question(i),
                path(Some(i), ""),
                format!(
                    "a question is a mapping with `id` and `text`, not {}",
                    kind(value)
                ),
                None,
            );
            raw.invalid = vec!["id", "text"];
            return raw;
        };
        self.unknown_keys(map, &QUESTION_FIELDS, Some(i));
        let mut invalid = Vec::new();
        raw.id = self.string(map, Some(i), "id", &mut invalid);
        raw.text = self.string(map, Some(i), "text", &mut invalid);
        raw.limit = self.string(map, Some(i), "limit", &mut invalid);
        raw.think = self.string(map, Some(i), "think", &mut invalid);
        raw.situation = self.string(map, Some(i), "situation", &mut invalid);
        raw.followups = self.strings(map, i, "followups");
        raw.tips = self.strings(map, i, "tips");
        raw.tags = self.strings(map, i, "tags");
        raw.skip_points = self.strings(map, i, "skip_points");
        raw.listen_for = self.raw_points(map, Some(i));
        raw.avoid = self.raw_avoids(map, Some(i));
        raw.invalid = invalid;
        raw
    }

    fn unknown_keys(&mut self, map: &Mapping, allowed: &[&str], q: Option<usize>) {
        for key in map.keys() {
            let Some(name) = key.as_str() else {
                let at = q.map_or(At::Nowhere, At::Question);
                self.report(
                    at,
                    path(q, ""),
                    format!("a key is {}, not a name", kind(key)),
                    None,
                );
                continue;
            };
            if allowed.contains(&name) {
                continue;
            }
            let fix = closest(name, allowed).map(|c| format!("did you mean `{c}`?"));
            self.report(
                Self::at(q, name),
                path(q, name),
                format!(
                    "unknown field {name:?} (expected one of {})",
                    allowed.join(", ")
                ),
                fix,
            );
        }
    }

    /// A scalar read as text, as serde would (numbers and true/false too).
    fn string(
        &mut self,
        map: &Mapping,
        q: Option<usize>,
        key: &'static str,
        invalid: &mut Vec<&'static str>,
    ) -> Option<String> {
        match map.get(key)? {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                invalid.push(key);
                self.report(
                    Self::at(q, key),
                    path(q, key),
                    format!("must be text, not {}", kind(other)),
                    Some("write it on one line after the colon, in quotes if need be".into()),
                );
                None
            }
        }
    }

    /// A list of text (`followups`, `tips`, `tags`).
    fn strings(&mut self, map: &Mapping, i: usize, key: &'static str) -> Vec<String> {
        let items = match map.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Sequence(items)) => items,
            Some(other) => {
                let fix = matches!(other, Value::String(_)).then(|| {
                    format!("write each entry on its own line under `{key}:`, starting with `- `")
                });
                self.report(
                    At::Key(i, key),
                    path(Some(i), key),
                    format!("must be a list of text, not {}", kind(other)),
                    fix,
                );
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (j, item) in items.iter().enumerate() {
            match item {
                Value::String(s) => out.push(s.clone()),
                Value::Number(n) => out.push(n.to_string()),
                Value::Bool(b) => out.push(b.to_string()),
                other => self.report(
                    At::Sub(i, key, j),
                    format!("{}[{j}]", path(Some(i), key)),
                    format!("must be text, not {}", kind(other)),
                    Some("put the entry in quotes".into()),
                ),
            }
        }
        out
    }

    // ----- the checks every file goes through -----

    fn duration(
        &mut self,
        s: Option<String>,
        q: Option<usize>,
        key: &'static str,
    ) -> Option<Duration> {
        let s = s?;
        match parse_duration(&s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.report(
                    Self::at(q, key),
                    path(q, key),
                    format!("bad duration: {e}"),
                    None,
                );
                None
            }
        }
    }

    fn kebab(
        &mut self,
        name: Option<String>,
        q: Option<usize>,
        key: &'static str,
        invalid: &[&str],
    ) -> Option<String> {
        let what = if q.is_some() { "id " } else { "" };
        match name {
            None if invalid.contains(&key) => None,
            None => {
                let fix = if q.is_some() {
                    "add `id: NAME`, kebab-case and unique in the category, e.g. `id: greatest-weakness`"
                } else {
                    "add `category: NAME` at the top, in kebab-case, e.g. `category: weaknesses`"
                };
                let at = q.map_or(At::Nowhere, At::Question);
                self.report(
                    at,
                    path(q, key),
                    format!("missing field `{key}`"),
                    Some(fix.into()),
                );
                None
            }
            Some(n) if !is_kebab(&n) => {
                let fix = match to_kebab(&n) {
                    Some(k) => format!("write it in kebab-case: `{k}`"),
                    None => "use lowercase letters, digits and single hyphens".into(),
                };
                self.report(
                    Self::at(q, key),
                    path(q, key),
                    format!("{what}{n:?} is not kebab-case"),
                    Some(fix),
                );
                None
            }
            Some(n) => Some(n),
        }
    }

    fn bank(&mut self, raw: RawBank, source: Source) -> Option<Bank> {
        let category = self.kebab(raw.category, None, "category", &raw.invalid);
        if raw.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            self.report(
                At::Top("title"),
                "title".into(),
                "is blank".into(),
                Some("give the bank a title or remove the line".into()),
            );
        }
        let limit = self.duration(raw.limit, None, "limit");
        let think = self.duration(raw.think, None, "think");
        let listen_for = self.points(raw.listen_for, None, &[]);
        let avoid = self.avoids(raw.avoid, None);
        let labels = Self::known_labels(
            &listen_for,
            category.as_deref(),
            &source,
            raw.questions.as_deref(),
        );
        let questions = match raw.questions {
            None => {
                if !raw.invalid.contains(&"questions") {
                    self.report(
                        At::Nowhere,
                        "questions".into(),
                        "missing field `questions`".into(),
                        Some(
                            "add a `questions:` list with at least one `- id: … text: …` item"
                                .into(),
                        ),
                    );
                }
                Vec::new()
            }
            Some(qs) if qs.is_empty() => {
                self.report(
                    At::Top("questions"),
                    "questions".into(),
                    "the question list is empty".into(),
                    Some("add at least one question".into()),
                );
                Vec::new()
            }
            Some(qs) => self.questions(qs, &listen_for, &labels),
        };
        let category = category?;
        let title = raw.title.unwrap_or_else(|| default_title(&category));
        Some(Bank {
            category,
            title,
            description: raw.description,
            limit,
            think,
            questions,
            source,
            listen_for,
            avoid,
        })
    }

    /// The questions, each checked; `bank_points` are the file's bank-level
    /// points and `labels` every bank-level label a `skip_points` may name.
    fn questions(
        &mut self,
        qs: Vec<RawQuestion>,
        bank_points: &[super::Point],
        labels: &[String],
    ) -> Vec<Question> {
        let mut duplicates = Vec::new();
        {
            let mut seen: HashMap<&str, usize> = HashMap::with_capacity(qs.len());
            for (i, q) in qs.iter().enumerate() {
                if let Some(id) = q.id.as_deref() {
                    if let Some(&first) = seen.get(id) {
                        duplicates.push((i, first, id.to_string()));
                    } else {
                        seen.insert(id, i);
                    }
                }
            }
        }
        let mut out = Vec::with_capacity(qs.len());
        for (i, q) in qs.into_iter().enumerate() {
            let id = self.kebab(q.id, Some(i), "id", &q.invalid);
            let text = match q.text {
                None if q.invalid.contains(&"text") => None,
                None => {
                    self.report(
                        At::Question(i),
                        path(Some(i), "text"),
                        "missing field `text`".into(),
                        Some("add `text: ` with the question as the interviewer asks it".into()),
                    );
                    None
                }
                Some(t) if t.trim().is_empty() => {
                    self.report(
                        At::Key(i, "text"),
                        path(Some(i), "text"),
                        "the question text is blank".into(),
                        Some("write the question, or remove it".into()),
                    );
                    None
                }
                Some(t) => {
                    self.placeholders(&t, i, "text", None);
                    Some(t)
                }
            };
            for (key, list) in [
                ("followups", &q.followups),
                ("tips", &q.tips),
                ("tags", &q.tags),
            ] {
                for (j, item) in list.iter().enumerate() {
                    if item.trim().is_empty() {
                        self.report(
                            At::Sub(i, key, j),
                            format!("{}[{j}]", path(Some(i), key)),
                            "is blank".into(),
                            Some("write it, or remove the line".into()),
                        );
                    } else if key != "tags" {
                        self.placeholders(item, i, key, Some(j));
                    }
                }
            }
            let limit = self.duration(q.limit, Some(i), "limit");
            let think = self.duration(q.think, Some(i), "think");
            let situation = self.situation(q.situation, i);
            self.skip_points(&q.skip_points, i, labels);
            let bank_labels: Vec<&str> = bank_points
                .iter()
                .map(|p| p.point.as_str())
                .filter(|l| !q.skip_points.iter().any(|s| s == l))
                .collect();
            let listen_for = self.points(q.listen_for, Some(i), &bank_labels);
            let avoid = self.avoids(q.avoid, Some(i));
            if let (Some(id), Some(text)) = (id, text) {
                out.push(Question {
                    id,
                    text,
                    followups: q.followups,
                    tips: q.tips,
                    limit,
                    think,
                    tags: q.tags,
                    situation,
                    listen_for,
                    skip_points: q.skip_points,
                    avoid,
                });
            }
        }
        for (i, first, id) in duplicates {
            let loc = self.loc.get_or_init(|| Locator::new(self.src, self.count));
            let line_of = |n: usize| match loc.key(n, "id") {
                Some((line, _)) => format!("line {line}"),
                None => format!("questions[{n}]"),
            };
            let message = format!(
                "duplicate id {id:?}: first used at {}, again at {}",
                line_of(first),
                line_of(i)
            );
            self.report(
                At::Key(i, "id"),
                path(Some(i), "id"),
                message,
                Some("give each question in a category its own id".into()),
            );
        }
        out
    }

    /// A question's `situation:` — any kebab-case name (the set is open, so
    /// a user's bank may name its own; the built-in names are documented in
    /// [`super::situation::BUILTIN`]).
    fn situation(&mut self, name: Option<String>, i: usize) -> Option<String> {
        let name = name?;
        if is_kebab(&name) {
            return Some(name);
        }
        let fix = match to_kebab(&name) {
            Some(k) => format!("write it in kebab-case: `{k}`"),
            None => format!(
                "name the situation in kebab-case, e.g. one of {}",
                super::situation::BUILTIN.join(", ")
            ),
        };
        self.report(
            At::Key(i, "situation"),
            path(Some(i), "situation"),
            format!("situation {name:?} is not kebab-case"),
            Some(fix),
        );
        None
    }

    /// Reports each unknown placeholder in `text` (field `key`, item `j`).
    fn placeholders(&mut self, text: &str, i: usize, key: &'static str, j: Option<usize>) {
        for p in unknown_placeholders(text) {
            let field = match j {
                Some(j) => format!("{}[{j}]", path(Some(i), key)),
                None => path(Some(i), key),
            };
            self.report(
                At::Find(i, key, p),
                field,
                format!("unknown placeholder {p:?}"),
                Some(placeholder_fix(p)),
            );
        }
    }
}

/// `caught-off-guard` → `Caught off guard`.
#[must_use]
pub fn default_title(category: &str) -> String {
    let words = category.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Result<Bank, BankError> {
        parse_bank(src, Path::new("t.yaml"), Source::BuiltIn)
    }

    /// The problems of `src`, each displayed.
    fn problems(src: &str) -> Vec<String> {
        match parse(src) {
            Ok(_) => panic!("expected problems in:\n{src}"),
            Err(e) => e.problems.iter().map(ToString::to_string).collect(),
        }
    }

    fn one(src: &str) -> String {
        let p = problems(src);
        assert_eq!(p.len(), 1, "{p:#?}");
        p.into_iter().next().unwrap_or_default()
    }

    const GOOD: &str = "\
category: weaknesses
title: Weaknesses
description: Owning a real weakness.
limit: 1m30s
think: 10s
questions:
  - id: greatest-weakness
    text: What is your greatest weakness at {company}?
    followups:
      - What are you doing about it?
    tips:
      - Name a real one.
    limit: 2m
    think: 15s
    tags: [classic]
  - id: second
    text: |
      A block
      question for {role}?
";

    #[test]
    fn a_good_bank_loads_with_every_field() {
        let bank = parse(GOOD).unwrap();
        assert_eq!(bank.category, "weaknesses");
        assert_eq!(bank.title, "Weaknesses");
        assert_eq!(bank.description.as_deref(), Some("Owning a real weakness."));
        assert_eq!(bank.limit, Some(Duration::from_secs(90)));
        assert_eq!(bank.think, Some(Duration::from_secs(10)));
        let q = &bank.questions[0];
        assert_eq!(q.id, "greatest-weakness");
        assert_eq!(q.followups, ["What are you doing about it?"]);
        assert_eq!(q.tips, ["Name a real one."]);
        assert_eq!(q.limit, Some(Duration::from_secs(120)));
        assert_eq!(q.think, Some(Duration::from_secs(15)));
        assert_eq!(q.tags, ["classic"]);
        assert_eq!(bank.questions[1].text, "A block\nquestion for {role}?\n");
        assert_eq!(bank.limit_for(&bank.questions[1]), Duration::from_secs(90));
    }

    #[test]
    fn title_defaults_from_the_category() {
        let bank =
            parse("category: caught-off-guard\nquestions:\n  - id: a\n    text: Why?\n").unwrap();
        assert_eq!(bank.title, "Caught off guard");
    }

    #[test]
    fn yaml_errors_count_lines_by_newline_only() {
        // A stray CR (or LS) ends a line for the parser, not for an editor.
        let e = one("category: a\rquestions:\n  - id: x\n   text: [unclosed\n");
        assert!(e.starts_with("t.yaml:3:"), "{e}");
        let e = one("\u{301}:\u{2028}\u{202e}");
        assert!(e.starts_with("t.yaml:1:"), "{e}");
    }

    #[test]
    fn invalid_yaml_is_located_by_the_parser() {
        let e = one("category: a\nquestions:\n  - id: x\n   text: [unclosed\n");
        assert!(e.starts_with("t.yaml:4:"), "{e}");
        assert!(e.contains("invalid YAML"), "{e}");
        assert!(e.contains("fix:"), "{e}");
    }

    #[test]
    fn missing_category_and_questions_are_named() {
        let e = one("title: X\nquestions:\n  - id: a\n    text: b\n");
        assert!(e.contains("category: missing field `category`"), "{e}");
        let e = one("category: a\n");
        assert!(
            e.starts_with("t.yaml: questions: missing field `questions`"),
            "{e}"
        );
    }

    #[test]
    fn missing_id_and_text_point_at_the_question() {
        let p = problems("category: a\nquestions:\n  - text: b\n  - id: c\n");
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(
            p[0].starts_with("t.yaml:3:5: questions[0].id: missing field `id`"),
            "{}",
            p[0]
        );
        assert!(
            p[1].starts_with("t.yaml:4:5: questions[1].text: missing field `text`"),
            "{}",
            p[1]
        );
    }

    #[test]
    fn unknown_fields_are_named_located_and_corrected() {
        let p = problems("category: a\ntitel: A\nquestions:\n  - id: a\n    txt: b\n");
        assert_eq!(p.len(), 3, "{p:#?}");
        assert!(
            p[0].starts_with("t.yaml:2:1: titel: unknown field \"titel\""),
            "{}",
            p[0]
        );
        assert!(p[0].contains("did you mean `title`?"), "{}", p[0]);
        assert_eq!(
            p[1],
            "t.yaml:5:5: questions[0].txt: unknown field \"txt\" (expected one of id, text, \
             followups, tips, limit, think, tags, situation, listen_for, skip_points, avoid)\n  \
             fix: did you mean `text`?"
        );
        assert!(p[2].contains("missing field `text`"), "{}", p[2]);
    }

    #[test]
    fn duplicate_ids_name_both_lines() {
        let e = one(
            "category: a\nquestions:\n  - id: same\n    text: one\n  - id: same\n    text: two\n",
        );
        assert!(
            e.starts_with("t.yaml:5:5: questions[1].id: duplicate id \"same\""),
            "{e}"
        );
        assert!(e.contains("first used at line 3, again at line 5"), "{e}");
    }

    #[test]
    fn blank_text_and_blank_tips_are_rejected() {
        let p = problems(
            "category: a\nquestions:\n  - id: a\n    text: \"  \"\n    tips:\n      - ok\n      - ''\n",
        );
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(
            p[0].starts_with("t.yaml:4:5: questions[0].text: the question text is blank"),
            "{}",
            p[0]
        );
        assert!(
            p[1].starts_with("t.yaml:7:9: questions[0].tips[1]: is blank"),
            "{}",
            p[1]
        );
    }

    #[test]
    fn an_empty_question_list_is_rejected() {
        let e = one("category: a\nquestions: []\n");
        assert!(
            e.starts_with("t.yaml:2:1: questions: the question list is empty"),
            "{e}"
        );
    }

    #[test]
    fn bad_durations_are_located() {
        let p = problems(
            "category: a\nlimit: ninety\nquestions:\n  - id: a\n    text: b\n    think: 0s\n",
        );
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(
            p[0].starts_with("t.yaml:2:1: limit: bad duration: \"ninety\" is not a duration"),
            "{}",
            p[0]
        );
        assert!(
            p[1].starts_with("t.yaml:6:5: questions[0].think: bad duration"),
            "{}",
            p[1]
        );
        let e = one("category: a\nlimit: 90\nquestions:\n  - id: a\n    text: b\n");
        assert!(e.contains("write 90s"), "{e}");
    }

    #[test]
    fn unknown_placeholders_are_named_with_a_suggestion() {
        let e = one("category: a\nquestions:\n  - id: a\n    text: Why  {compnay}?\n");
        assert!(
            e.starts_with("t.yaml:4:16: questions[0].text: unknown placeholder \"{compnay}\""),
            "{e}"
        );
        assert!(e.contains("did you mean {company}?"), "{e}");
        let e = one(
            "category: a\nquestions:\n  - id: a\n    text: b\n    followups:\n      - And {Role}?\n",
        );
        assert!(
            e.contains("questions[0].followups[0]: unknown placeholder \"{Role}\""),
            "{e}"
        );
    }

    #[test]
    fn category_and_id_must_be_kebab_case() {
        let p =
            problems("category: Five_Year\nquestions:\n  - id: Greatest Weakness\n    text: b\n");
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(
            p[0].starts_with("t.yaml:1:1: category: \"Five_Year\" is not kebab-case"),
            "{}",
            p[0]
        );
        assert!(p[0].contains("`five-year`"), "{}", p[0]);
        assert!(
            p[1].contains("questions[0].id: id \"Greatest Weakness\" is not kebab-case"),
            "{}",
            p[1]
        );
        assert!(p[1].contains("`greatest-weakness`"), "{}", p[1]);
    }

    #[test]
    fn wrong_types_are_reported_not_panicked_on() {
        for src in [
            "- a\n- b\n",
            "just text\n",
            "category: [a]\nquestions: 3\n",
            "category: a\nquestions:\n  - plain\n",
            "category: a\nquestions:\n  - id: 7\n    text: {a: b}\n    tips: one\n    tags: [[x]]\n",
            "category: a\nquestions:\n  - id: a\n    text: b\n    limit: [1]\n",
            "category: a\n1: x\nquestions:\n  - id: a\n    text: b\n",
        ] {
            assert!(!problems(src).is_empty(), "{src}");
        }
    }

    #[test]
    fn every_problem_in_a_file_is_reported() {
        let src = "category: a\nquestions:\n  - id: x\n    txt: one\n  - id: x\n    text: ''\n    limit: ninety\n";
        assert_eq!(problems(src).len(), 5, "{:#?}", problems(src));
    }

    #[test]
    fn an_empty_file_and_duplicate_keys_are_rejected() {
        assert!(one("").contains("the file is empty"));
        assert!(one("# only a comment\n").contains("the file is empty"));
        let e = one("category: a\ncategory: b\nquestions:\n  - id: a\n    text: b\n");
        assert!(e.starts_with("t.yaml:2:1: duplicate key `category`"), "{e}");
        let e = one("category: a\nquestions:\n  - id: a\n    text: b\n    tips: []\n    text: c\n");
        assert!(e.starts_with("t.yaml:6:5: duplicate key `text`"), "{e}");
    }

    #[test]
    fn billion_laughs_fails_fast() {
        let mut src = String::from(
            "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for i in 1..10 {
            let p = i - 1;
            src.push_str(&format!(
                "a{i}: &a{i} [*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p}]\n"
            ));
        }
        src.push_str("category: lol\nquestions:\n  - id: a\n    text: b\n    tags: *a9\n");
        let e = one(&src);
        assert!(e.contains("repetition limit"), "{e}");
        assert!(e.contains("aliases"), "{e}");
    }

    #[test]
    fn deep_nesting_fails_fast() {
        let src = format!(
            "category: a\nquestions: {}{}\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        let e = one(&src);
        assert!(
            e.starts_with("t.yaml:2:76: `[` or `{` nested more than 64 deep"),
            "{e}"
        );
        assert!(e.contains("fix: a bank is a mapping"), "{e}");
        // Within the pre-scan's bound the parser's own limit still speaks.
        let src = format!(
            "category: a\nquestions: {}{}\n",
            "[".repeat(64),
            "]".repeat(64)
        );
        assert!(parse(&src).is_err());
        let src = format!("category: a\nquestions: {}", "- ".repeat(10_000));
        assert!(one(&src).contains("invalid YAML"));
    }

    #[test]
    fn files_over_a_mebibyte_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.yaml");
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        let e = check_file(&path).unwrap_err().to_string();
        assert!(e.contains("big.yaml: file is 1048577 bytes"), "{e}");
        assert!(e.contains("fix: split it"), "{e}");
    }

    #[test]
    fn non_utf8_bytes_are_located() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.yaml");
        std::fs::write(
            &path,
            b"category: a\nquestions:\n  - id: a\n    text: caf\xe9\n",
        )
        .unwrap();
        let e = check_file(&path).unwrap_err().to_string();
        assert!(e.contains("latin1.yaml:4:14: not UTF-8: byte 0xe9"), "{e}");
    }

    #[test]
    fn a_utf8_byte_order_mark_is_accepted_and_lines_still_count() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.yaml");
        std::fs::write(
            &path,
            "\u{feff}category: a\nquestions:\n  - id: a\n    text: Why?\n",
        )
        .unwrap();
        let bank = check_file(&path).unwrap();
        assert_eq!(bank.category, "a");
        assert_eq!(bank.questions[0].text, "Why?");
        std::fs::write(
            &path,
            "\u{feff}category: a\nquestions:\n  - id: B\n    text: x\n",
        )
        .unwrap();
        let e = check_file(&path).unwrap_err().to_string();
        assert!(e.contains("bom.yaml:3:5: questions[0].id"), "{e}");
    }

    #[test]
    fn check_file_names_a_missing_file_and_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let e = check_file(&dir.path().join("nope.yaml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("nope.yaml: cannot read"), "{e}");
        assert!(e.contains(&format!("\n  fix: {MISSING_FIX}")), "{e}");
        let e = check_file(dir.path()).unwrap_err().to_string();
        assert!(e.contains("not a file"), "{e}");
    }
}
