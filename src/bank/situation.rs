//! Situational questions: the ones that assume a history only some people
//! have (a gap on the CV, a role lost in a restructuring, …). A question
//! with `situation: NAME` is drawn only when the user has said that the
//! situation applies (`--situation NAME,…` or `--situation all`); drawn at
//! random for someone without that history it wastes a practice slot.
//!
//! The set of names is open: a user's bank may declare its own kebab-case
//! situation (`military-service`), and `--situation` accepts any name that
//! some bank in use declares. The built-in banks use only [`BUILTIN`].

use super::{Catalog, Question};
use crate::bank::validate::closest;

/// The situations the built-in banks use, in the order they are documented.
pub const BUILTIN: [&str; 6] = [
    "employment-gap",
    "layoff",
    "overqualified",
    "career-change",
    "first-job",
    "return-to-work",
];

/// Which situational questions a session may draw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Situations {
    /// None: only questions that fit everyone (the default).
    #[default]
    None,
    /// These situations apply.
    Only(Vec<String>),
    /// Every situation applies (`--situation all`).
    All,
}

impl Situations {
    /// From the `--situation` values: `all` anywhere means every situation;
    /// blanks are ignored; nothing means none.
    #[must_use]
    pub fn from_names(names: &[String]) -> Situations {
        let names: Vec<String> = names
            .iter()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        if names.iter().any(|n| n == "all") {
            Situations::All
        } else if names.is_empty() {
            Situations::None
        } else {
            Situations::Only(names)
        }
    }

    /// Whether `q` may be drawn: a question with no situation always, a
    /// situational one only when its situation applies.
    #[must_use]
    pub fn admits(&self, q: &Question) -> bool {
        match (&q.situation, self) {
            (None, _) => true,
            (Some(_), Situations::All) => true,
            (Some(s), Situations::Only(names)) => names.contains(s),
            (Some(_), Situations::None) => false,
        }
    }

    /// Whether `q` is situational and its situation applies (a rehearsal
    /// makes sure to ask one such question).
    #[must_use]
    pub fn selects(&self, q: &Question) -> bool {
        q.situation.is_some() && self.admits(q)
    }

    /// Each named situation must be declared by some question of the
    /// catalog, so a typo (`lay-off`) is told, not silently matching
    /// nothing. The message names the closest and the known ones.
    pub fn check(&self, catalog: &Catalog) -> Result<(), UnknownSituation> {
        let Situations::Only(names) = self else {
            return Ok(());
        };
        let known = declared(catalog);
        for name in names {
            if known.iter().any(|k| k == name) {
                continue;
            }
            let refs: Vec<&str> = known.iter().map(String::as_str).collect();
            return Err(UnknownSituation {
                name: name.clone(),
                closest: closest(name, &refs).map(str::to_string),
                known,
            });
        }
        Ok(())
    }
}

/// `--situation` named one no question of the banks in use declares.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown situation {name:?}.{} Situations in the banks in use: {}, or all",
    closest.as_ref().map(|c| format!(" Did you mean {c}?")).unwrap_or_default(),
    known.join(", ")
)]
pub struct UnknownSituation {
    /// The name as given.
    pub name: String,
    /// The nearest declared name, for "did you mean".
    pub closest: Option<String>,
    /// Every declared situation, in [`declared`]'s order.
    pub known: Vec<String>,
}

/// Every situation the catalog's questions declare: the built-in ones first
/// in their documented order, then the others alphabetically.
#[must_use]
pub fn declared(catalog: &Catalog) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for q in catalog.banks.iter().flat_map(|b| &b.questions) {
        if let Some(s) = &q.situation
            && !names.contains(s)
        {
            names.push(s.clone());
        }
    }
    names.sort_by_key(|n| {
        (
            BUILTIN.iter().position(|b| b == n).unwrap_or(BUILTIN.len()),
            n.clone(),
        )
    });
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(situation: Option<&str>) -> Question {
        Question {
            id: "q".into(),
            text: "Q?".into(),
            followups: vec![],
            tips: vec![],
            limit: None,
            think: None,
            tags: vec![],
            situation: situation.map(str::to_string),
            listen_for: Vec::new(),
            skip_points: Vec::new(),
            avoid: Vec::new(),
        }
    }

    #[test]
    fn a_situational_question_is_admitted_only_when_its_situation_applies() {
        let gap = q(Some("employment-gap"));
        let plain = q(None);
        let none = Situations::from_names(&[]);
        let layoff = Situations::from_names(&["layoff".into()]);
        let both = Situations::from_names(&[" layoff".into(), "employment-gap".into()]);
        let all = Situations::from_names(&["layoff".into(), "all".into()]);
        assert_eq!(none, Situations::None);
        assert_eq!(all, Situations::All);
        for s in [&none, &layoff, &both, &all] {
            assert!(s.admits(&plain), "{s:?}");
            assert!(!s.selects(&plain), "{s:?}");
        }
        assert!(!none.admits(&gap));
        assert!(!layoff.admits(&gap));
        assert!(both.admits(&gap) && both.selects(&gap));
        assert!(all.admits(&gap) && all.selects(&gap));
    }

    #[test]
    fn every_builtin_situation_is_used_and_no_other() {
        let catalog = Catalog::builtin();
        assert_eq!(declared(&catalog), BUILTIN);
    }

    #[test]
    fn an_unknown_situation_is_refused_with_the_closest_and_the_known_ones() {
        let catalog = Catalog::builtin();
        let e = Situations::from_names(&["lay-off".into()])
            .check(&catalog)
            .unwrap_err();
        assert_eq!(e.closest.as_deref(), Some("layoff"));
        let e = e.to_string();
        assert!(
            e.contains("\"lay-off\"") && e.contains("Did you mean layoff?"),
            "{e}"
        );
        for name in BUILTIN {
            assert!(e.contains(name), "{e}");
        }
        assert!(
            Situations::from_names(&["layoff".into(), "first-job".into()])
                .check(&catalog)
                .is_ok()
        );
        assert!(Situations::All.check(&catalog).is_ok());
    }
}
