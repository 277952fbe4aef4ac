//! Filling `{company}` and `{role}` into a bank's texts.
//!
//! Both placeholders stand for a complete noun phrase, article included,
//! so a text never puts an article or "as" in front of one:
//!
//! - `{company}` is the company's name (`Acme`), or "the company";
//! - `{role}` is "the data engineer role" for `--role "data engineer"`, or
//!   "the role". A leading article and a trailing "role"/"position"/"job"
//!   in the value are dropped first, so `--role "a data engineer"` and
//!   `--role "Data Engineer role"` read the same way.
//!
//! Because the phrase always carries its own article, one text reads
//! naturally with and without a value — "Why should we hire you for
//! {role}?", "your first ninety days in {role}" — and a role starting with
//! a vowel never meets "a". Writing `{role}` where "the role" fits is the
//! one rule for bank authors.

/// What `{company}` becomes when no company is given.
pub const DEFAULT_COMPANY: &str = "the company";
/// What `{role}` becomes when no role is given.
pub const DEFAULT_ROLE: &str = "the role";

/// Leading words of a `--role` value that the filled phrase supplies itself.
const ROLE_ARTICLES: [&str; 3] = ["a ", "an ", "the "];
/// Trailing words of a `--role` value that the filled phrase supplies itself.
const ROLE_NOUNS: [&str; 3] = [" role", " position", " job"];

/// `text` with `{company}` and `{role}` filled in (see the module
/// documentation for what each becomes). A value is inserted as it is and
/// never filled again, even if it contains a placeholder itself.
#[must_use]
pub fn fill_placeholders(text: &str, company: Option<&str>, role: Option<&str>) -> String {
    let company = company_phrase(company);
    let role = role_phrase(role);
    let mut out = String::with_capacity(text.len() + company.len() + role.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        if let Some(after) = from.strip_prefix("{company}") {
            out.push_str(&company);
            rest = after;
        } else if let Some(after) = from.strip_prefix("{role}") {
            out.push_str(&role);
            rest = after;
        } else {
            out.push('{');
            rest = &from[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The company's name as given (trimmed), else "the company".
pub fn company_phrase(company: Option<&str>) -> String {
    match company.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => c.to_string(),
        None => DEFAULT_COMPANY.to_string(),
    }
}

/// "the R role" for a role R (its own article and a trailing "role" dropped),
/// else "the role".
pub fn role_phrase(role: Option<&str>) -> String {
    let mut r = role.map_or("", str::trim);
    // `get` rather than indexing: a value may start or end with any
    // character, and a cut inside one is simply no match.
    for article in ROLE_ARTICLES {
        let head = r.get(..article.len());
        if r.len() > article.len() && head.is_some_and(|h| h.eq_ignore_ascii_case(article)) {
            r = r[article.len()..].trim_start();
            break;
        }
    }
    for noun in ROLE_NOUNS {
        let cut = r.len().saturating_sub(noun.len());
        if r.len() > noun.len() && r.get(cut..).is_some_and(|t| t.eq_ignore_ascii_case(noun)) {
            r = r[..cut].trim_end();
            break;
        }
    }
    let bare = ROLE_NOUNS.iter().any(|n| r.eq_ignore_ascii_case(n.trim()));
    if r.is_empty() || bare {
        DEFAULT_ROLE.to_string()
    } else {
        format!("the {r} role")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Catalog;

    #[test]
    fn placeholders_fill_with_values_or_natural_defaults() {
        let q = "Why do you want to work at {company} in {role}?";
        assert_eq!(
            fill_placeholders(q, Some("Acme"), Some("data engineer")),
            "Why do you want to work at Acme in the data engineer role?"
        );
        assert_eq!(
            fill_placeholders(q, None, Some("  ")),
            "Why do you want to work at the company in the role?"
        );
        assert_eq!(
            fill_placeholders("{company}'s {role}", Some(" Acme "), None),
            "Acme's the role"
        );
    }

    #[test]
    fn a_role_value_loses_its_own_article_and_role_noun() {
        for given in [
            "data engineer",
            "a data engineer",
            "A data engineer",
            "the data engineer role",
            "data engineer position",
            "  data engineer job ",
        ] {
            assert_eq!(
                role_phrase(Some(given)),
                "the data engineer role",
                "{given:?}"
            );
        }
        assert_eq!(
            role_phrase(Some("an engineering manager")),
            "the engineering manager role"
        );
        assert_eq!(role_phrase(Some("Role")), DEFAULT_ROLE);
        assert_eq!(role_phrase(Some("the role")), DEFAULT_ROLE);
        assert_eq!(role_phrase(Some("")), DEFAULT_ROLE);
        // Words that only start like an article are kept whole.
        assert_eq!(role_phrase(Some("analyst")), "the analyst role");
        assert_eq!(
            role_phrase(Some("theatre manager")),
            "the theatre manager role"
        );
        // Non-ASCII at the edges never splits a character.
        assert_eq!(role_phrase(Some("ingénieur·e")), "the ingénieur·e role");
        assert_eq!(role_phrase(Some("é role")), "the é role");
    }

    #[test]
    fn a_value_is_never_filled_again_and_other_braces_stay() {
        assert_eq!(
            fill_placeholders("{company} {role} {x} {", Some("{role}"), Some("{company}")),
            "{role} the {company} role {x} {"
        );
    }

    /// Words that may not stand directly before a placeholder in a bank
    /// text: the phrase brings its own article, and "as the role" or
    /// "as the company" says the candidate *is* the job or the firm.
    /// "that" is refused too, even as a relative pronoun ("a problem that
    /// {company} has"): the check cannot tell it from the determiner, and
    /// the sentence reads as well without it.
    const NOT_BEFORE: [&str; 13] = [
        "a", "an", "the", "this", "that", "these", "those", "our", "your", "their", "my", "its",
        "as",
    ];
    /// Words that may not follow `{role}`: "the role role", "the data
    /// engineer role job description".
    const NOT_AFTER_ROLE: [&str; 4] = ["role", "roles", "position", "job"];
    const ARTICLES: [&str; 5] = ["a", "an", "the", "this", "that"];

    /// The lowercase word just before byte `at` of `text`, if any.
    fn word_before(text: &str, at: usize) -> Option<String> {
        let head = text[..at].trim_end();
        let word: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '\'')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        (!word.is_empty()).then(|| word.to_lowercase())
    }

    /// The lowercase word starting at byte `at` of `text`, if any.
    fn word_after(text: &str, at: usize) -> Option<String> {
        let word: String = text[at..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        (!word.is_empty()).then(|| word.to_lowercase())
    }

    /// Whether a placeholder at byte `at` starts a sentence (it would be
    /// filled in lower case: "the company's …").
    fn starts_sentence(text: &str, at: usize) -> bool {
        let head = text[..at].trim_end();
        head.is_empty() || head.ends_with(['.', '?', '!', '"', '\''])
    }

    /// What is wrong with `text` as written in a bank.
    fn raw_problems(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        for placeholder in ["{company}", "{role}"] {
            for (at, _) in text.match_indices(placeholder) {
                let end = at + placeholder.len();
                if let Some(w) = word_before(text, at)
                    && NOT_BEFORE.contains(&w.as_str())
                {
                    found.push(format!("`{w} {placeholder}`"));
                }
                if placeholder == "{role}"
                    && let Some(w) = word_after(text, end)
                    && NOT_AFTER_ROLE.contains(&w.as_str())
                {
                    found.push(format!("`{{role}} {w}`"));
                }
                if starts_sentence(text, at) {
                    found.push(format!("{placeholder} starts a sentence"));
                }
            }
        }
        found
    }

    /// What reads wrongly where a value meets the text around it: the
    /// word before the value and its first word, its last word and the
    /// word after it.
    fn seam_problems(before: Option<&str>, value: &str, after: Option<&str>) -> Vec<String> {
        let words: Vec<String> = value.split_whitespace().map(str::to_lowercase).collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return vec!["empty value".to_string()];
        };
        let mut found = Vec::new();
        if let Some(b) = before {
            if b == first {
                found.push(format!("doubled word `{b} {first}`"));
            }
            if ARTICLES.contains(&b) && ARTICLES.contains(&first.as_str()) {
                found.push(format!("two articles `{b} {first}`"));
            }
            if NOT_BEFORE.contains(&b) {
                found.push(format!("`{b} {value}`"));
            }
            let vowel = first.starts_with(['a', 'e', 'i', 'o']);
            if (b == "a" && vowel) || (b == "an" && !vowel) {
                found.push(format!("`{b} {first}`"));
            }
            // A bare title after a preposition: "in data engineer".
            let bare = !ARTICLES.contains(&first.as_str()) && value.ends_with(" role");
            if bare && ["in", "for", "of", "at", "to", "from"].contains(&b) {
                found.push(format!("`{b} {value}` without its article"));
            }
        }
        if let Some(a) = after
            && a == last.as_str()
        {
            found.push(format!("doubled word `{last} {a}`"));
        }
        found
    }

    /// `text` filled with `company` and `role`, checked at every seam.
    fn filled_problems(text: &str, company: Option<&str>, role: Option<&str>) -> Vec<String> {
        let company = company_phrase(company);
        let role = role_phrase(role);
        let filled = fill_placeholders(text, Some(&company), Some(&role));
        let mut found = Vec::new();
        for (placeholder, value) in [("{company}", &company), ("{role}", &role)] {
            for (at, _) in text.match_indices(placeholder) {
                let before = word_before(text, at);
                let after = word_after(text, at + placeholder.len());
                for p in seam_problems(before.as_deref(), value, after.as_deref()) {
                    found.push(format!("filled: {filled}\n    {p}"));
                }
            }
        }
        found
    }

    /// Every built-in question, follow-up and tip reads naturally when
    /// filled with the defaults, with a company and a role, and with a
    /// vowel-initial role; and none is written in a way that only reads
    /// right for one of them.
    #[test]
    fn every_builtin_text_reads_naturally_filled() {
        let catalog = Catalog::builtin();
        let values: [(Option<&str>, Option<&str>); 5] = [
            (None, None),
            (Some("Acme"), Some("data engineer")),
            (Some("Acme"), Some("engineering manager")),
            (Some("Initech"), Some("an intern")),
            (Some("the Ministry"), Some("Data Engineer")),
        ];
        let mut bad = Vec::new();
        let mut with_placeholder = 0;
        for bank in &catalog.banks {
            for q in &bank.questions {
                let texts = std::iter::once(("text", &q.text))
                    .chain(q.followups.iter().map(|f| ("follow-up", f)))
                    .chain(q.tips.iter().map(|t| ("tip", t)));
                for (kind, text) in texts {
                    if !(text.contains("{company}") || text.contains("{role}")) {
                        continue;
                    }
                    with_placeholder += 1;
                    let at = format!("{}/{} {kind}: {text}", bank.category, q.id);
                    for p in raw_problems(text) {
                        bad.push(format!("{at}\n    {p}"));
                    }
                    for (company, role) in values {
                        for p in filled_problems(text, company, role) {
                            bad.push(format!("{at}\n    {p}"));
                        }
                    }
                }
            }
        }
        assert!(
            with_placeholder > 100,
            "only {with_placeholder} texts checked"
        );
        assert!(
            bad.is_empty(),
            "{} problems:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }

    /// Where a question or follow-up names the company in the third
    /// person, whether through `{company}` or as "the company", "this
    /// company", "the company's"; `None` when it does not.
    fn names_company_in_third_person(text: &str) -> Option<&'static str> {
        let lower = text.to_lowercase();
        if text.contains("{company}") {
            return Some("{company}");
        }
        ["this company", "the company", "that company"]
            .into_iter()
            .find(|p| lower.contains(p))
    }

    /// Whether the interviewer speaks for the company in `text` ("we",
    /// "us", "our", "ours") outside a quoted reply: in "The interviewer
    /// says: 'We are growing fast.'" the candidate is the one reading.
    fn speaks_for_the_company(text: &str) -> bool {
        let first_person = ["we", "us", "our", "ours"];
        let unquoted = match text.find(": '") {
            Some(at) => &text[..at],
            None => text,
        };
        unquoted
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| first_person.contains(&w.to_lowercase().as_str()))
    }

    /// A question or follow-up in which the interviewer speaks for the
    /// company ("we", "us", "our") calls it that throughout: "Who are
    /// {company}'s customers, and what do they need from us?" reads as two
    /// speakers once {company} is "the company", and so does "our
    /// leadership … where they want to take the company" with no
    /// placeholder at all. Checked as written, filled with the defaults and
    /// filled with a company and a role.
    #[test]
    fn the_interviewer_never_names_their_own_company_in_the_third_person() {
        let catalog = Catalog::builtin();
        let mut bad = Vec::new();
        let mut checked = 0;
        for bank in &catalog.banks {
            for q in &bank.questions {
                for text in std::iter::once(&q.text).chain(&q.followups) {
                    if !speaks_for_the_company(text) {
                        continue;
                    }
                    checked += 1;
                    let filled = [
                        text.clone(),
                        fill_placeholders(text, None, None),
                        fill_placeholders(text, Some("Acme"), Some("data engineer")),
                    ];
                    if let Some(how) = names_company_in_third_person(&filled[0])
                        .or_else(|| names_company_in_third_person(&filled[1]))
                        .or_else(|| filled[2].contains("Acme").then_some("Acme"))
                    {
                        bad.push(format!("{}/{} ({how}): {text}", bank.category, q.id));
                    }
                }
            }
        }
        assert!(
            checked > 30,
            "only {checked} texts in the interviewer's voice"
        );
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn the_third_person_check_rejects_the_known_bad_phrasings() {
        for text in [
            "Who are {company}'s customers, and what do they need from us?",
            "Which trends in our industry matter most for this company?",
            "What do you know about our leadership and where they want to take the company?",
            "What would you bring to this company's culture that we might not already have?",
        ] {
            assert!(speaks_for_the_company(text), "{text}");
            assert!(names_company_in_third_person(text).is_some(), "{text}");
        }
        assert!(!speaks_for_the_company(
            "The interviewer says: 'We are growing fast.' Ask about {company}."
        ));
        assert!(names_company_in_third_person("What do you know about us?").is_none());
    }

    /// The checks above catch the phrasings they are there for.
    #[test]
    fn the_reading_checks_reject_the_known_bad_phrasings() {
        for raw in [
            "Why work here as a {role}?",
            "Why work here as {role}?",
            "What in the {role} job description stood out?",
            "Who are this {company}'s customers?",
            "{company}'s mission?",
            "Tell me. {role} is hard.",
        ] {
            assert!(!raw_problems(raw).is_empty(), "{raw}");
        }
        assert!(raw_problems("Why {role} at {company}, in {role}?").is_empty());
        // The seams of the texts that prompted this (issue 6).
        assert!(!seam_problems(Some("a"), DEFAULT_ROLE, None).is_empty());
        assert!(!seam_problems(Some("a"), "engineering manager", None).is_empty());
        assert!(!seam_problems(Some("the"), DEFAULT_ROLE, Some("job")).is_empty());
        assert!(!seam_problems(Some("in"), "Data Engineer role", None).is_empty());
        assert!(!seam_problems(Some("as"), DEFAULT_COMPANY, None).is_empty());
        assert!(!seam_problems(None, DEFAULT_ROLE, Some("role")).is_empty());
        assert!(seam_problems(Some("in"), DEFAULT_ROLE, Some("here")).is_empty());
        assert!(seam_problems(Some("at"), "Acme", None).is_empty());
        // And the whole path, from a text written the old way.
        assert!(!filled_problems("Why Acme as a {role}?", None, Some("engineer")).is_empty());
        assert!(filled_problems("Why {company}, in {role}?", None, Some("engineer")).is_empty());
    }
}
