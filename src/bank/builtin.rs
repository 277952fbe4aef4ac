//! The built-in banks, compiled into the binary so a fresh install works
//! from any directory with no files around — and starts as fast as
//! `hotseat --version`.
//!
//! `question-banks/*.yaml` is read and checked at build time (`build.rs`
//! runs [`codegen`] on it, the same loader `banks check` uses, so a broken
//! built-in bank fails the build with its file and line). What it writes is
//! the plain data below, as statics: at run time a built-in bank costs a
//! copy into a [`Bank`], no YAML parse. The order of the categories is
//! [`codegen::CATEGORIES`].

use std::time::Duration;

use super::{Avoid, Bank, Point, Question, Source};

#[cfg(test)]
pub(crate) mod codegen;

// `static BANKS: [BuiltinBank; 10]`, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/builtin_banks.rs"));

/// A built-in [`Bank`] as static data.
struct BuiltinBank {
    category: &'static str,
    title: &'static str,
    description: Option<&'static str>,
    limit: Option<Duration>,
    think: Option<Duration>,
    questions: &'static [BuiltinQuestion],
    listen_for: &'static [BuiltinPoint],
    avoid: &'static [BuiltinAvoid],
}

/// A built-in [`Question`] as static data.
struct BuiltinQuestion {
    id: &'static str,
    text: &'static str,
    followups: &'static [&'static str],
    tips: &'static [&'static str],
    limit: Option<Duration>,
    think: Option<Duration>,
    tags: &'static [&'static str],
    situation: Option<&'static str>,
    listen_for: &'static [BuiltinPoint],
    skip_points: &'static [&'static str],
    avoid: &'static [BuiltinAvoid],
}

/// A built-in [`Point`] as static data.
struct BuiltinPoint {
    point: &'static str,
    cues: &'static [&'static str],
    hint: Option<&'static str>,
}

/// A built-in [`Avoid`] as static data.
struct BuiltinAvoid {
    cues: &'static [&'static str],
    why: &'static str,
}

/// The built-in banks, in their listed order.
pub fn banks() -> Vec<Bank> {
    BANKS.iter().map(BuiltinBank::to_bank).collect()
}

/// The labels of the bank-level points of built-in `category` (none for a
/// category that is not built in): what a user file adding to it may skip.
#[must_use]
pub fn point_labels(category: &str) -> Vec<String> {
    BANKS
        .iter()
        .filter(|b| b.category == category)
        .flat_map(|b| b.listen_for.iter().map(|p| p.point.to_string()))
        .collect()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_string()).collect()
}

impl BuiltinBank {
    fn to_bank(&self) -> Bank {
        Bank {
            category: self.category.into(),
            title: self.title.into(),
            description: self.description.map(Into::into),
            limit: self.limit,
            think: self.think,
            questions: self
                .questions
                .iter()
                .map(BuiltinQuestion::to_question)
                .collect(),
            source: Source::BuiltIn,
            listen_for: self.listen_for.iter().map(BuiltinPoint::to_point).collect(),
            avoid: self.avoid.iter().map(BuiltinAvoid::to_avoid).collect(),
        }
    }
}

impl BuiltinQuestion {
    fn to_question(&self) -> Question {
        Question {
            id: self.id.into(),
            text: self.text.into(),
            followups: strings(self.followups),
            tips: strings(self.tips),
            limit: self.limit,
            think: self.think,
            tags: strings(self.tags),
            situation: self.situation.map(Into::into),
            listen_for: self.listen_for.iter().map(BuiltinPoint::to_point).collect(),
            skip_points: strings(self.skip_points),
            avoid: self.avoid.iter().map(BuiltinAvoid::to_avoid).collect(),
        }
    }
}

impl BuiltinPoint {
    fn to_point(&self) -> Point {
        Point {
            point: self.point.into(),
            cues: strings(self.cues),
            hint: self.hint.map(Into::into),
        }
    }
}

impl BuiltinAvoid {
    fn to_avoid(&self) -> Avoid {
        Avoid {
            cues: strings(self.cues),
            why: self.why.into(),
        }
    }
}

/// The YAML text of each built-in bank, read from `question-banks/` for
/// the tests that compare it with what the build made of it.
#[cfg(test)]
pub(crate) fn yaml_files() -> Vec<(&'static str, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    codegen::CATEGORIES
        .iter()
        .map(|c| {
            let path = dir.join(codegen::file_name(c));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (*c, text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::parse_bank;

    /// What the build wrote is exactly what the loader makes of the YAML
    /// today: same banks, same order, every field.
    #[test]
    fn the_compiled_banks_equal_the_yaml_parsed_at_run_time() {
        let parsed: Vec<Bank> = yaml_files()
            .iter()
            .map(|(c, yaml)| {
                parse_bank(yaml, &codegen::file_name(c), Source::BuiltIn)
                    .unwrap_or_else(|e| panic!("{e}"))
            })
            .collect();
        let compiled = banks();
        assert_eq!(compiled.len(), codegen::CATEGORIES.len());
        for (want, got) in parsed.iter().zip(&compiled) {
            assert_eq!(got, want, "{}", want.category);
        }
    }

    #[test]
    fn point_labels_are_those_of_the_builtin_bank_only() {
        let want: Vec<String> = banks()
            .into_iter()
            .find(|b| b.category == "behavioral")
            .map(|b| b.listen_for.into_iter().map(|p| p.point).collect())
            .unwrap_or_default();
        assert_eq!(want.len(), 3);
        assert_eq!(point_labels("behavioral"), want);
        assert!(point_labels("no-such-category").is_empty());
    }
}
