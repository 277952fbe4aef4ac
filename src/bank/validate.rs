//! The small rules a bank's values follow — kebab-case names, the two
//! placeholders — and the suggestions that make a message say what to do.

/// The placeholders a question may contain.
pub const PLACEHOLDERS: [&str; 2] = ["company", "role"];

/// Whether `s` is kebab-case: `^[a-z0-9]+(-[a-z0-9]+)*$`.
#[must_use]
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A kebab-case spelling of `s` (`Greatest Weakness!` → `greatest-weakness`),
/// or `None` when nothing of it survives.
#[must_use]
pub fn to_kebab(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// Every `{word}` in `text` other than the known placeholders, in order,
/// braces included.
#[must_use]
pub fn unknown_placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    let mut base = 0;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find(['}', '{', '\n']);
        match close {
            Some(c) if after.as_bytes()[c] == b'}' && (1..=40).contains(&c) => {
                let inner = &after[..c];
                let whole = &text[base + open..base + open + c + 2];
                if !PLACEHOLDERS.contains(&inner) {
                    found.push(whole);
                }
                base += open + c + 2;
                rest = &text[base..];
            }
            _ => {
                base += open + 1;
                rest = &text[base..];
            }
        }
    }
    found
}

/// The advice for an unknown placeholder like `{compnay}`.
#[must_use]
pub fn placeholder_fix(placeholder: &str) -> String {
    let inner = placeholder.trim_start_matches('{').trim_end_matches('}');
    match closest(&inner.to_lowercase(), &PLACEHOLDERS) {
        Some(p) => format!("did you mean {{{p}}}? Only {{company}} and {{role}} are filled in"),
        None => "only {company} and {role} are filled in; write the words out instead".to_string(),
    }
}

/// The cue that stands for any figure the built-in rule finds.
pub const FIGURE_CUE: &str = "#figure";

/// What is wrong with one cue of a point or an avoid entry, and how to fix
/// it; `None` for a well-formed cue. A cue is words split at spaces; a word
/// holds at least one letter or digit (or is `#figure`), may start or end
/// with `*`, or is a lone `*` (any one word) — but a cue of only `*`s would
/// match every answer. Placeholders other than `{company}`/`{role}` are
/// reported by [`unknown_placeholders`].
pub fn cue_problem(cue: &str) -> Option<(String, String)> {
    let words: Vec<&str> = cue.split_whitespace().collect();
    if words.is_empty() {
        return Some((
            "the cue is empty".into(),
            "write the words you listen for, e.g. \"as a result\", or remove the cue".into(),
        ));
    }
    if words.iter().all(|w| *w == "*") {
        return Some((
            format!("the cue {cue:?} is only `*`, so it would match every answer"),
            "add at least one real word, e.g. \"I * decided\"".into(),
        ));
    }
    for w in &words {
        if *w == "*" || *w == FIGURE_CUE {
            continue;
        }
        if w.starts_with('#') {
            let fix = if w.eq_ignore_ascii_case(FIGURE_CUE) || closest(w, &[FIGURE_CUE]).is_some() {
                format!("did you mean `{FIGURE_CUE}`? It matches any figure")
            } else {
                format!("`{FIGURE_CUE}` is the only `#` word; write the word without `#`")
            };
            return Some((format!("unknown special word {w:?} in cue {cue:?}"), fix));
        }
        if !w.chars().any(char::is_alphanumeric) {
            return Some((
                format!("the cue {cue:?} has a word with no letter or digit: {w:?}"),
                "cues are matched on words: drop punctuation-only words (punctuation in the answer is ignored)".into(),
            ));
        }
        let inner = w.trim_start_matches('*').trim_end_matches('*');
        let stars = w.len() - inner.len();
        if inner.contains('*') || stars > 2 || w.starts_with("**") || w.ends_with("**") {
            return Some((
                format!("`*` inside the word {w:?} of cue {cue:?}"),
                "`*` may only start or end a word (`result*`, `*ed`) or stand alone for any one word"
                    .into(),
            ));
        }
    }
    None
}

/// The candidate closest to `word` by edit distance, if close enough to be
/// a plausible typo (at most a third of the word's letters wrong). The
/// distance is strsim's optimal string alignment: a swap of two
/// neighbouring letters (`titel`) counts as one edit.
#[must_use]
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::osa_distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_is_lowercase_words_joined_by_single_hyphens() {
        for ok in ["weaknesses", "five-year-plan", "q1", "a-1-b"] {
            assert!(is_kebab(ok), "{ok}");
        }
        for bad in [
            "",
            "Weaknesses",
            "five_year",
            "-a",
            "a-",
            "a--b",
            "a b",
            "é",
        ] {
            assert!(!is_kebab(bad), "{bad}");
        }
        assert_eq!(
            to_kebab("Greatest Weakness!").as_deref(),
            Some("greatest-weakness")
        );
        assert_eq!(to_kebab("!!"), None);
    }

    #[test]
    fn unknown_placeholders_are_found_and_corrected() {
        assert_eq!(
            unknown_placeholders("At {compnay} as {role}, {Company} {} { x"),
            vec!["{compnay}", "{Company}"]
        );
        assert!(placeholder_fix("{compnay}").contains("did you mean {company}?"));
        assert!(placeholder_fix("{Role}").contains("did you mean {role}?"));
        assert!(placeholder_fix("{salary}").contains("only {company} and {role}"));
    }

    #[test]
    fn closest_suggests_only_plausible_typos() {
        let fields = ["id", "text", "tips"];
        assert_eq!(closest("txt", &fields), Some("text"));
        assert_eq!(closest("tip", &fields), Some("tips"));
        assert_eq!(closest("titel", &["title", "think"]), Some("title"));
        assert_eq!(closest("banana", &fields), None);
        // A swap is one edit, so a short word's swap is still a typo.
        assert_eq!(closest("tpis", &fields), Some("tips"));
        // The first of equally close candidates wins.
        assert_eq!(closest("tex", &["text", "tax"]), Some("text"));
    }
    #[test]
    fn cues_are_words_with_stars_only_at_their_ends() {
        for ok in [
            "as a result",
            "result*",
            "*ed",
            "I * decided",
            "#figure",
            "in 20*",
            "don't",
            "{company}",
            "*ship*",
        ] {
            assert_eq!(cue_problem(ok), None, "{ok}");
        }
        for (bad, says) in [
            ("", "empty"),
            ("   ", "empty"),
            ("*", "only `*`"),
            ("* *", "only `*`"),
            ("...", "no letter or digit"),
            ("as a - result", "no letter or digit"),
            ("res*ult", "`*` inside"),
            ("result**", "`*` inside"),
            ("#figures", "did you mean `#figure`"),
            ("#money", "only `#` word"),
        ] {
            let (message, fix) = cue_problem(bad).unwrap_or_else(|| panic!("{bad:?} passed"));
            assert!(
                message.contains(says) || fix.contains(says),
                "{bad:?}: {message} / {fix}"
            );
        }
    }
}
