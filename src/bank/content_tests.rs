//! Checks on what the built-in banks say, as an interviewer would read
//! them: no question asked twice, no id in two categories, situational
//! questions named from the documented set, and no tip that contradicts
//! the coaching the rest of hotseat gives.
//!
//! **The similarity measure** is the Jaccard index of the *content words*
//! of two question texts, filled with the neutral defaults: lower-cased,
//! split at anything that is not a letter or digit, with function words
//! and the stock openings of interview questions ("tell me about a time",
//! "ask", "would you") removed. Two questions sharing at least
//! [`NEAR_IDENTICAL`] of their content words are near-identical. The
//! threshold comes from the banks as they were (issue 15): the literal
//! and near-literal twins scored 1.0 and 0.6; at 0.5 the first pairs that
//! only share a frame appear ("What do you know about {company}?" and
//! "…about how {company} got to where it is today?"), so 0.5 is the line,
//! and the pairs at or above it that are deliberate are listed in
//! [`DISTINCT`] with the reason. Reworded twins ("a time you clashed with a
//! colleague" / "a conflict with a colleague") share few words and score
//! low: those were found by reading, and merged.

use std::collections::{BTreeSet, HashMap};

use super::{Catalog, fill_placeholders, situation};

/// Share of content words from which two questions count as near-identical.
const NEAR_IDENTICAL: f64 = 0.5;

/// Pairs at or above the threshold that are different questions on purpose.
const DISTINCT: [(&str, &str, &str); 5] = [
    (
        "strengths/greatest-strength",
        "weaknesses/greatest-weakness",
        "the mirror pair every interviewer asks",
    ),
    (
        "five-year-plan/skills-to-build",
        "five-year-plan/who-to-learn-from",
        "what to learn and from whom share only 'over the next few years'",
    ),
    (
        "culture-fit/colleagues-describe",
        "questions-to-ask/who-you-work-with",
        "how colleagues see you, and a question for them about the team",
    ),
    (
        "company-research/what-do-you-know",
        "company-research/company-history",
        "what you know in general, and the company's history",
    ),
    (
        "tell-me-about-yourself/week-in-current-role",
        "questions-to-ask/typical-week",
        "your week now, and a question for them about the week in the new role",
    ),
];

/// Words that carry no content in a question.
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as",
    "is", "are", "was", "were", "be", "been", "do", "does", "did", "you", "your", "yours", "i",
    "me", "my", "we", "us", "our", "it", "its", "this", "that", "these", "those", "what", "which",
    "who", "how", "why", "when", "where", "would", "will", "could", "can", "should", "tell",
    "describe", "about", "time", "give", "there", "here", "have", "has", "had", "ask", "s", "t",
    "re", "ve", "d", "ll", "m",
];

/// The content words of `text`, filled with the neutral defaults.
fn content_words(text: &str) -> BTreeSet<String> {
    fill_placeholders(text, None, None)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

/// The Jaccard index of two word sets (0 when either is empty).
fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    // Counts of a few dozen words: exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let share = a.intersection(b).count() as f64 / union as f64;
    share
}

/// Every pair of built-in questions at or above [`NEAR_IDENTICAL`], as
/// `(score, key, key)` with the keys in bank order.
fn near_pairs(catalog: &Catalog) -> Vec<(f64, String, String)> {
    let all: Vec<(String, BTreeSet<String>)> = catalog
        .banks
        .iter()
        .flat_map(|b| {
            b.questions
                .iter()
                .map(move |q| (format!("{}/{}", b.category, q.id), content_words(&q.text)))
        })
        .collect();
    let mut pairs = Vec::new();
    for (i, (ka, wa)) in all.iter().enumerate() {
        for (kb, wb) in &all[i + 1..] {
            let score = jaccard(wa, wb);
            if score >= NEAR_IDENTICAL {
                pairs.push((score, ka.clone(), kb.clone()));
            }
        }
    }
    pairs
}

#[test]
fn the_measure_scores_twins_high_and_different_questions_low() {
    let w = content_words;
    let same = jaccard(
        &w("Tell me about a time you missed a deadline."),
        &w("Tell me about a deadline you missed."),
    );
    assert!((same - 1.0).abs() < f64::EPSILON, "{same}");
    let near = jaccard(
        &w("Tell me about a mistake you made at work. What happened?"),
        &w("Describe a mistake you made at work and how you handled it."),
    );
    assert!(near >= NEAR_IDENTICAL, "{near}");
    let far = jaccard(
        &w("Tell me about a time you failed."),
        &w("Tell me about a time you missed a deadline."),
    );
    assert!(far < NEAR_IDENTICAL, "{far}");
    assert_eq!(
        w("Why {role} at {company}?"),
        ["company", "role"]
            .iter()
            .map(std::string::ToString::to_string)
            .collect()
    );
}

/// No two built-in questions are near-identical, except the pairs listed
/// as deliberate — and each of those is still there and still scores high
/// (else the list is stale and should shrink).
#[test]
fn no_two_builtin_questions_are_near_identical() {
    let catalog = Catalog::builtin();
    let pairs = near_pairs(&catalog);
    let allowed = |a: &str, b: &str| {
        DISTINCT
            .iter()
            .any(|(x, y, _)| (*x == a && *y == b) || (*x == b && *y == a))
    };
    let bad: Vec<String> = pairs
        .iter()
        .filter(|(_, a, b)| !allowed(a, b))
        .map(|(s, a, b)| format!("{s:.2}  {a}  ~  {b}"))
        .collect();
    assert!(
        bad.is_empty(),
        "near-identical questions (merge them, or list them in DISTINCT with the reason):\n{}",
        bad.join("\n")
    );
    for (a, b, why) in DISTINCT {
        assert!(
            pairs
                .iter()
                .any(|(_, x, y)| (x == a && y == b) || (x == b && y == a)),
            "{a} ~ {b} ({why}) no longer scores {NEAR_IDENTICAL}: remove it from DISTINCT"
        );
    }
}

/// An id names one question: `daily` and `stats` key answers by
/// `category/id`, and one id in two categories reads as one question twice.
#[test]
fn no_id_is_used_in_two_builtin_categories() {
    let catalog = Catalog::builtin();
    let mut seen: HashMap<&str, Vec<&str>> = HashMap::new();
    for bank in &catalog.banks {
        for q in &bank.questions {
            seen.entry(&q.id).or_default().push(&bank.category);
        }
    }
    let mut twice: Vec<String> = seen
        .into_iter()
        .filter(|(_, cats)| cats.len() > 1)
        .map(|(id, cats)| format!("{id}: {}", cats.join(", ")))
        .collect();
    twice.sort();
    assert!(twice.is_empty(), "{}", twice.join("\n"));
}

/// Each built-in situation has at least two questions, so a rehearsal
/// that asks one can ask a different one the next night; and a category
/// keeps at least 27 questions that fit everyone.
#[test]
fn every_builtin_situation_has_two_questions_and_categories_keep_general_ones() {
    let catalog = Catalog::builtin();
    for name in situation::BUILTIN {
        let n = catalog
            .banks
            .iter()
            .flat_map(|b| &b.questions)
            .filter(|q| q.situation.as_deref() == Some(name))
            .count();
        assert!(n >= 2, "{name}: {n} questions");
    }
    for bank in &catalog.banks {
        let general = bank
            .questions
            .iter()
            .filter(|q| q.situation.is_none())
            .count();
        assert!(
            general >= 27,
            "{}: {general} general questions",
            bank.category
        );
    }
}

/// Tips agree with the coaching notes: saying "we" is not penalised (make
/// your own part clear instead), and an answer about what you cannot see
/// from outside says what you saw and what you would check first rather
/// than hedging.
#[test]
fn no_tip_contradicts_the_coaching() {
    let catalog = Catalog::builtin();
    let banned = [
        "not 'we'",
        "not \"we\"",
        "instead of 'we'",
        "avoid 'we'",
        "never 'we'",
        "not we",
        "tentative",
    ];
    let mut bad = Vec::new();
    for bank in &catalog.banks {
        for q in &bank.questions {
            for tip in &q.tips {
                let lower = tip.to_lowercase();
                if let Some(b) = banned.iter().find(|b| lower.contains(*b)) {
                    bad.push(format!("{}/{} ({b}): {tip}", bank.category, q.id));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// `what-motivates-you` is not a career-story question (issue 15): the
/// motivation question lives in culture fit.
#[test]
fn the_motivation_question_is_asked_once_in_culture_fit() {
    let catalog = Catalog::builtin();
    let motivation: Vec<String> = catalog
        .banks
        .iter()
        .flat_map(|b| b.questions.iter().map(move |q| (b, q)))
        .filter(|(_, q)| {
            let text = q.text.to_lowercase();
            text.contains("motivates you") || text.contains("keeps you motivated")
        })
        .map(|(b, q)| format!("{}/{}", b.category, q.id))
        .collect();
    assert_eq!(motivation, ["culture-fit/what-motivates"]);
}
