//! The content fields of a bank: `listen_for` (points with cues, at bank
//! and question level), `avoid` (dodges with a `why`) and a question's
//! `skip_points`. Read as written, then checked: every problem located at
//! its entry, key or cue, with a fix.

use std::collections::HashMap;

use serde::Deserialize;
use serde_yaml::{Mapping, Value};

use super::{At, Check, RawQuestion, kind, path};
use crate::bank::builtin;
use crate::bank::validate::{closest, cue_problem, placeholder_fix, unknown_placeholders};
use crate::bank::{Avoid, Point, Source};

/// The keys a `listen_for` entry may have.
pub const POINT_FIELDS: [&str; 3] = ["point", "cues", "hint"];
/// The keys an `avoid` entry may have.
pub const AVOID_FIELDS: [&str; 2] = ["cues", "why"];

/// A `listen_for` entry as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPoint {
    point: Option<String>,
    cues: Option<Vec<String>>,
    hint: Option<String>,
    /// Fields present with the wrong type (already reported).
    #[serde(skip)]
    invalid: Vec<&'static str>,
}

/// An `avoid` entry as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAvoid {
    cues: Option<Vec<String>>,
    why: Option<String>,
    /// Fields present with the wrong type (already reported).
    #[serde(skip)]
    invalid: Vec<&'static str>,
}

/// `listen_for[2].cues`, or `questions[0].listen_for[2]` for `key` "".
fn entry_path(q: Option<usize>, list: &str, j: usize, key: &str) -> String {
    let entry = path(q, &format!("{list}[{j}]"));
    if key.is_empty() {
        entry
    } else {
        format!("{entry}.{key}")
    }
}

/// The scalar forms serde reads as text.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl Check<'_> {
    // ----- the structural walk, only when serde could not read the file -----

    /// The mappings of list `list`, each checked for unknown keys; `None`
    /// for an item that is not a mapping (reported).
    fn entry_maps<'v>(
        &mut self,
        map: &'v Mapping,
        q: Option<usize>,
        list: &'static str,
        fields: &[&str],
    ) -> Option<Vec<Option<&'v Mapping>>> {
        let items = match map.get(list) {
            None | Some(Value::Null) => return None,
            Some(Value::Sequence(items)) => items,
            Some(other) => {
                self.report(
                    Self::at(q, list),
                    path(q, list),
                    format!("must be a list of entries, not {}", kind(other)),
                    Some(format!(
                        "write each entry on its own line under `{list}:`, starting with `- {}:`",
                        fields[0]
                    )),
                );
                return None;
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (j, item) in items.iter().enumerate() {
            let Value::Mapping(m) = item else {
                self.report(
                    At::Entry(q, list, j),
                    entry_path(q, list, j, ""),
                    format!(
                        "an entry is a mapping with {}, not {}",
                        fields
                            .iter()
                            .map(|f| format!("`{f}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        kind(item)
                    ),
                    Some(format!(
                        "write it as `- {}: …` with its keys below",
                        fields[0]
                    )),
                );
                out.push(None);
                continue;
            };
            for key in m.keys() {
                let name = key.as_str().unwrap_or("?");
                if fields.contains(&name) {
                    continue;
                }
                let fix = closest(name, fields).map(|c| format!("did you mean `{c}`?"));
                self.report(
                    At::EntryKey(q, list, j, name),
                    entry_path(q, list, j, name),
                    format!(
                        "unknown field {name:?} (expected one of {})",
                        fields.join(", ")
                    ),
                    fix.or_else(|| Some(format!("use only {}", fields.join(", ")))),
                );
            }
            out.push(Some(m));
        }
        Some(out)
    }

    /// A text key of an entry; a wrong type is reported and marked.
    fn entry_text(
        &mut self,
        m: &Mapping,
        (q, list, j): (Option<usize>, &'static str, usize),
        key: &'static str,
        invalid: &mut Vec<&'static str>,
    ) -> Option<String> {
        let v = m.get(key)?;
        if v.is_null() {
            return None;
        }
        let text = scalar(v);
        if text.is_none() {
            invalid.push(key);
            self.report(
                At::EntryKey(q, list, j, key),
                entry_path(q, list, j, key),
                format!("must be text, not {}", kind(v)),
                Some("write it on one line after the colon, in quotes if need be".into()),
            );
        }
        text
    }

    /// An entry's `cues`: a list of text.
    fn entry_cues(
        &mut self,
        m: &Mapping,
        (q, list, j): (Option<usize>, &'static str, usize),
        invalid: &mut Vec<&'static str>,
    ) -> Option<Vec<String>> {
        let items = match m.get("cues")? {
            Value::Null => return None,
            Value::Sequence(items) => items,
            other => {
                invalid.push("cues");
                let fix = match other {
                    Value::String(s) => format!("write a list, even for one cue: `cues: [{s:?}]`"),
                    _ => "write `cues: [\"…\", \"…\"]`, the words that show the point".into(),
                };
                self.report(
                    At::EntryKey(q, list, j, "cues"),
                    entry_path(q, list, j, "cues"),
                    format!("must be a list of text, not {}", kind(other)),
                    Some(fix),
                );
                return None;
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (k, item) in items.iter().enumerate() {
            if let Some(s) = scalar(item) {
                out.push(s);
            } else {
                invalid.push("cues");
                self.report(
                    At::Cue(q, list, j, k),
                    format!("{}[{k}]", entry_path(q, list, j, "cues")),
                    format!("a cue must be text, not {}", kind(item)),
                    Some("put the cue in quotes".into()),
                );
            }
        }
        Some(out)
    }

    /// `listen_for` of the top level or question `q`, rebuilt from YAML.
    pub(super) fn raw_points(&mut self, map: &Mapping, q: Option<usize>) -> Option<Vec<RawPoint>> {
        let list = "listen_for";
        let maps = self.entry_maps(map, q, list, &POINT_FIELDS)?;
        let mut out = Vec::with_capacity(maps.len());
        for (j, m) in maps.into_iter().enumerate() {
            let mut raw = RawPoint::default();
            let Some(m) = m else {
                raw.invalid = vec!["point", "cues"];
                out.push(raw);
                continue;
            };
            let at = (q, list, j);
            let mut invalid = Vec::new();
            raw.point = self.entry_text(m, at, "point", &mut invalid);
            raw.hint = self.entry_text(m, at, "hint", &mut invalid);
            raw.cues = self.entry_cues(m, at, &mut invalid);
            raw.invalid = invalid;
            out.push(raw);
        }
        Some(out)
    }

    /// `avoid` of the top level or question `q`, rebuilt from YAML.
    pub(super) fn raw_avoids(&mut self, map: &Mapping, q: Option<usize>) -> Option<Vec<RawAvoid>> {
        let list = "avoid";
        let maps = self.entry_maps(map, q, list, &AVOID_FIELDS)?;
        let mut out = Vec::with_capacity(maps.len());
        for (j, m) in maps.into_iter().enumerate() {
            let mut raw = RawAvoid::default();
            let Some(m) = m else {
                raw.invalid = vec!["why", "cues"];
                out.push(raw);
                continue;
            };
            let at = (q, list, j);
            let mut invalid = Vec::new();
            raw.why = self.entry_text(m, at, "why", &mut invalid);
            raw.cues = self.entry_cues(m, at, &mut invalid);
            raw.invalid = invalid;
            out.push(raw);
        }
        Some(out)
    }

    // ----- the checks every file goes through -----

    /// Checks an entry's cues: present, not empty, each well-formed.
    fn cues(
        &mut self,
        cues: Option<Vec<String>>,
        (q, list, j): (Option<usize>, &'static str, usize),
        invalid: &[&str],
    ) -> Vec<String> {
        let Some(cues) = cues else {
            if !invalid.contains(&"cues") {
                self.report(
                    At::Entry(q, list, j),
                    entry_path(q, list, j, "cues"),
                    "missing field `cues`".into(),
                    Some(
                        "add `cues: [\"…\", \"…\"]`: short phrases people really say, e.g. \
                         [\"as a result\", \"in the end\"]"
                            .into(),
                    ),
                );
            }
            return Vec::new();
        };
        if cues.is_empty() {
            self.report(
                At::EntryKey(q, list, j, "cues"),
                entry_path(q, list, j, "cues"),
                "the cue list is empty".into(),
                Some("add at least one cue, or remove the entry".into()),
            );
        }
        for (k, cue) in cues.iter().enumerate() {
            let field = || format!("{}[{k}]", entry_path(q, list, j, "cues"));
            if let Some((message, fix)) = cue_problem(cue) {
                self.report(At::Cue(q, list, j, k), field(), message, Some(fix));
            }
            for p in unknown_placeholders(cue) {
                self.report(
                    At::Cue(q, list, j, k),
                    field(),
                    format!("unknown placeholder {p:?} in cue {cue:?}"),
                    Some(placeholder_fix(p)),
                );
            }
        }
        cues
    }

    /// Checks the points of the top level (`q` = `None`) or of question
    /// `q`: label and cues present, labels unique, none the same as a
    /// bank-level point in `bank_labels` (those the question does not skip).
    pub(super) fn points(
        &mut self,
        raw: Option<Vec<RawPoint>>,
        q: Option<usize>,
        bank_labels: &[&str],
    ) -> Vec<Point> {
        let list = "listen_for";
        let mut out = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (j, p) in raw.unwrap_or_default().into_iter().enumerate() {
            let at = (q, list, j);
            let label = match p.point {
                None if p.invalid.contains(&"point") => None,
                None => {
                    self.report(
                        At::Entry(q, list, j),
                        entry_path(q, list, j, "point"),
                        "missing field `point`".into(),
                        Some(
                            "add `point: LABEL`, a few words naming what the answer should \
                             hold, e.g. `point: the result`"
                                .into(),
                        ),
                    );
                    None
                }
                Some(l) if l.trim().is_empty() => {
                    self.report(
                        At::EntryKey(q, list, j, "point"),
                        entry_path(q, list, j, "point"),
                        "the point label is blank".into(),
                        Some("name the point, e.g. `point: the result`".into()),
                    );
                    None
                }
                Some(l) => Some(l.trim().to_string()),
            };
            if p.hint.as_deref().is_some_and(|h| h.trim().is_empty()) {
                self.report(
                    At::EntryKey(q, list, j, "hint"),
                    entry_path(q, list, j, "hint"),
                    "the hint is blank".into(),
                    Some("write the next step to show when the point is not heard, or remove the line".into()),
                );
            }
            let cues = self.cues(p.cues, at, &p.invalid);
            let Some(label) = label else { continue };
            if let Some(&first) = seen.get(&label) {
                let line = match self.loc_entry_line(q, list, first) {
                    Some(line) => format!("line {line}"),
                    None => entry_path(q, list, first, ""),
                };
                self.report(
                    At::EntryKey(q, list, j, "point"),
                    entry_path(q, list, j, "point"),
                    format!("duplicate point {label:?}: first written at {line}"),
                    Some("give each point its own label, or merge their cues into one".into()),
                );
                continue;
            }
            if bank_labels.contains(&label.as_str()) {
                self.report(
                    At::EntryKey(q, list, j, "point"),
                    entry_path(q, list, j, "point"),
                    format!("point {label:?} is already a bank-level point"),
                    Some(format!(
                        "give it its own label, or add `skip_points: [{label:?}]` to replace \
                         the bank's point for this question"
                    )),
                );
                continue;
            }
            seen.insert(label.clone(), j);
            out.push(Point {
                point: label,
                cues,
                hint: p.hint.map(|h| h.trim().to_string()),
            });
        }
        out
    }

    /// The line entry `j` of `list` starts on, for "first written at".
    fn loc_entry_line(&mut self, q: Option<usize>, list: &str, j: usize) -> Option<usize> {
        let loc = self
            .loc
            .get_or_init(|| super::Locator::new(self.src, self.count));
        loc.entry(self.src, q, list, j).map(|(line, _)| line)
    }

    /// Checks the `avoid` entries of the top level or question `q`.
    pub(super) fn avoids(&mut self, raw: Option<Vec<RawAvoid>>, q: Option<usize>) -> Vec<Avoid> {
        let list = "avoid";
        let mut out = Vec::new();
        for (j, a) in raw.unwrap_or_default().into_iter().enumerate() {
            let why = match a.why {
                None if a.invalid.contains(&"why") => None,
                None => {
                    self.report(
                        At::Entry(q, list, j),
                        entry_path(q, list, j, "why"),
                        "missing field `why`".into(),
                        Some(
                            "add `why: …`, one kind sentence on how it lands and what to say \
                             instead; it is shown with the match"
                                .into(),
                        ),
                    );
                    None
                }
                Some(w) if w.trim().is_empty() => {
                    self.report(
                        At::EntryKey(q, list, j, "why"),
                        entry_path(q, list, j, "why"),
                        "`why` is blank".into(),
                        Some("say in one sentence how it lands and what to say instead".into()),
                    );
                    None
                }
                Some(w) => Some(w.trim().to_string()),
            };
            let cues = self.cues(a.cues, (q, list, j), &a.invalid);
            if let Some(why) = why {
                out.push(Avoid { cues, why });
            }
        }
        out
    }

    /// The labels a question's `skip_points` may name: the file's own
    /// bank-level points and, for a user file adding to a built-in
    /// category, the built-in bank's (looked up only when a question names
    /// one the file does not define).
    pub(super) fn known_labels(
        own: &[Point],
        category: Option<&str>,
        source: &Source,
        questions: Option<&[RawQuestion]>,
    ) -> Vec<String> {
        let mut labels: Vec<String> = own.iter().map(|p| p.point.clone()).collect();
        let needs_more = questions
            .unwrap_or_default()
            .iter()
            .any(|q| q.skip_points.iter().any(|s| !labels.iter().any(|l| l == s)));
        if !needs_more || matches!(source, Source::BuiltIn) {
            return labels;
        }
        if let Some(category) = category {
            labels.extend(builtin::point_labels(category));
        }
        labels
    }

    /// Checks that each label of question `i`'s `skip_points` names a
    /// bank-level point.
    pub(super) fn skip_points(&mut self, skips: &[String], i: usize, labels: &[String]) {
        for (k, label) in skips.iter().enumerate() {
            if labels.iter().any(|l| l == label) {
                continue;
            }
            let names: Vec<&str> = labels.iter().map(String::as_str).collect();
            let fix = match closest(label, &names) {
                Some(c) => format!("did you mean {c:?}?"),
                None if names.is_empty() => {
                    "this category has no bank-level points to skip: remove the label".into()
                }
                None => format!(
                    "skip_points names bank-level points of the category: {}",
                    names
                        .iter()
                        .map(|n| format!("{n:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            self.report(
                At::Sub(i, "skip_points", k),
                format!("{}[{k}]", path(Some(i), "skip_points")),
                format!("unknown point {label:?}: no bank-level point has this label"),
                Some(fix),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::bank::{Bank, Source, parse_bank};

    fn parse(src: &str) -> Result<Bank, Vec<String>> {
        parse_bank(src, Path::new("t.yaml"), Source::BuiltIn)
            .map_err(|e| e.problems.iter().map(ToString::to_string).collect())
    }

    /// The one problem of `src`.
    fn one(src: &str) -> String {
        let p = parse(src).expect_err("expected a problem");
        assert_eq!(p.len(), 1, "{p:#?}");
        p[0].clone()
    }

    const GOOD: &str = "\
category: behavioral
listen_for:
  - point: the situation
    cues: [\"at my last\", \"when I was\"]
  - point: the result
    cues:
      - as a result
      - \"#figure\"
    hint: close with what changed
avoid:
  - cues: [\"wasn't my fault\"]
    why: own it
questions:
  - id: missed-deadline
    text: Tell me about a time you missed a deadline.
    listen_for:
      - point: what you changed
        cues: [since then, now I]
    skip_points: [the situation]
    avoid:
      - cues: [never missed]
        why: everyone has
";

    #[test]
    fn points_avoid_and_skips_load_at_both_levels() {
        let bank = parse(GOOD).unwrap();
        assert_eq!(bank.listen_for.len(), 2);
        assert_eq!(bank.listen_for[1].point, "the result");
        assert_eq!(bank.listen_for[1].cues, ["as a result", "#figure"]);
        assert_eq!(
            bank.listen_for[1].hint.as_deref(),
            Some("close with what changed")
        );
        assert_eq!(bank.avoid[0].why, "own it");
        let q = &bank.questions[0];
        assert_eq!(q.skip_points, ["the situation"]);
        assert_eq!(q.listen_for[0].cues, ["since then", "now I"]);
        assert_eq!(q.avoid[0].cues, ["never missed"]);
        let labels: Vec<_> = bank.points_for(q).iter().map(|p| p.point.clone()).collect();
        assert_eq!(labels, ["the result", "what you changed"]);
        assert_eq!(bank.avoid_for(q).len(), 2);
    }

    #[test]
    fn a_bad_cue_is_located_at_its_column_in_a_flow_list() {
        let e = one(&GOOD.replace("\"when I was\"", "\"res*ult\""));
        assert!(
            e.starts_with("t.yaml:4:26: listen_for[0].cues[1]: `*` inside the word"),
            "{e}"
        );
        assert!(e.contains("fix: `*` may only start or end a word"), "{e}");
        let e = one(&GOOD.replace("\"when I was\"", "\"\""));
        assert!(
            e.starts_with("t.yaml:4:26: listen_for[0].cues[1]: the cue is empty"),
            "{e}"
        );
        let e = one(&GOOD.replace("- as a result", "- \"?!\""));
        assert!(
            e.starts_with(
                "t.yaml:7:9: listen_for[1].cues[0]: the cue \"?!\" has a word with no letter"
            ),
            "{e}"
        );
        let e = one(&GOOD.replace("now I]", "\"at {compnay}\"]"));
        assert!(
            e.starts_with("t.yaml:18:28: questions[0].listen_for[0].cues[1]: unknown placeholder \"{compnay}\""),
            "{e}"
        );
        assert!(e.contains("did you mean {company}?"), "{e}");
    }

    #[test]
    fn missing_point_cues_and_why_name_the_entry() {
        let e = one(&GOOD
            .replace("  - point: the result\n", "  - hint: x\n")
            .replace("    hint: close with what changed\n", ""));
        assert!(
            e.starts_with("t.yaml:5:5: listen_for[1].point: missing field `point`"),
            "{e}"
        );
        assert!(e.contains("fix: add `point: LABEL`"), "{e}");
        let e = one(&GOOD.replace("    cues: [\"at my last\", \"when I was\"]\n", ""));
        assert!(
            e.starts_with("t.yaml:3:5: listen_for[0].cues: missing field `cues`"),
            "{e}"
        );
        let e = one(&GOOD.replace("    why: own it\n", ""));
        assert!(
            e.starts_with("t.yaml:11:5: avoid[0].why: missing field `why`"),
            "{e}"
        );
        assert!(e.contains("fix: add `why: …`"), "{e}");
        let e = one(&GOOD.replace("cues: [never missed]", "cues: []"));
        assert!(
            e.starts_with("t.yaml:21:9: questions[0].avoid[0].cues: the cue list is empty"),
            "{e}"
        );
    }

    #[test]
    fn typos_in_entry_keys_get_a_suggestion() {
        let p = parse(&GOOD.replace("    cues: [\"at my last\"", "    cue: [\"at my last\""))
            .unwrap_err();
        assert!(
            p.iter().any(
                |e| e.starts_with("t.yaml:4:5: listen_for[0].cue: unknown field \"cue\"")
                    && e.contains("did you mean `cues`?")
            ),
            "{p:#?}"
        );
        let p = parse(&GOOD.replace("    skip_points:", "    skip_point:")).unwrap_err();
        assert!(
            p.iter().any(
                |e| e.starts_with("t.yaml:19:5: questions[0].skip_point: unknown field")
                    && e.contains("did you mean `skip_points`?")
            ),
            "{p:#?}"
        );
        let p = parse(&GOOD.replace(
            "listen_for:\n  - point: the situation",
            "listen-for:\n  - point: the situation",
        ))
        .unwrap_err();
        assert!(
            p.iter().any(|e| e.contains("did you mean `listen_for`?")),
            "{p:#?}"
        );
    }

    #[test]
    fn duplicate_labels_and_unknown_skips_are_rejected() {
        let e = one(&GOOD.replace("point: the result", "point: the situation"));
        assert!(
            e.starts_with("t.yaml:5:5: listen_for[1].point: duplicate point \"the situation\": first written at line 3"),
            "{e}"
        );
        let e = one(&GOOD.replace(
            "skip_points: [the situation]",
            "skip_points: [the situaton]",
        ));
        assert!(
            e.starts_with(
                "t.yaml:19:19: questions[0].skip_points[0]: unknown point \"the situaton\""
            ),
            "{e}"
        );
        assert!(e.contains("did you mean \"the situation\"?"), "{e}");
        let e = one(&GOOD.replace("point: what you changed", "point: the result"));
        assert!(e.contains("questions[0].listen_for[0].point: point \"the result\" is already a bank-level point"), "{e}");
        // Skipped and written again: the question's own replaces it.
        let src = GOOD.replace("point: what you changed", "point: the situation");
        assert!(parse(&src).is_ok());
    }

    #[test]
    fn wrong_types_in_the_new_fields_are_reported() {
        for (from, to, says) in [
            (
                "    cues: [\"at my last\", \"when I was\"]",
                "    cues: at my last",
                "must be a list of text",
            ),
            (
                "    why: own it",
                "    why: [a]",
                "avoid[0].why: must be text",
            ),
            (
                "listen_for:\n  - point: the situation\n    cues: [\"at my last\", \"when I was\"]",
                "listen_for:\n  - just text",
                "an entry is a mapping",
            ),
            (
                "    skip_points: [the situation]",
                "    skip_points: the situation",
                "must be a list of text",
            ),
            (
                "      - as a result",
                "      - [as a result]",
                "a cue must be text",
            ),
        ] {
            let src = GOOD.replace(from, to);
            assert_ne!(src, GOOD, "{from}");
            let p = parse(&src).unwrap_err();
            assert!(p.iter().any(|e| e.contains(says)), "{says}: {p:#?}");
            assert!(p.iter().all(|e| e.contains("t.yaml:")), "{p:#?}");
        }
    }

    #[test]
    fn a_file_of_thousands_of_bad_cues_is_reported_quickly() {
        let mut src = String::from("category: a\nlisten_for:\n  - point: p\n    cues: [");
        for _ in 0..20_000 {
            src.push_str("\"x*y\", ");
        }
        src.push_str("]\nquestions:\n  - id: a\n    text: b\n");
        let started = std::time::Instant::now();
        let p = parse(&src).unwrap_err();
        assert_eq!(p.len(), 20_000);
        assert!(p[19_999].starts_with("t.yaml:4:140005: "), "{}", p[19_999]);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
