//! Questions for the interviewer that are only about pay, perks or time
//! off (the `questions-to-ask` category): asked alone, they suggest the
//! work itself matters less. One rule, used by the answer feedback and the
//! rehearsal report alike.

/// Words that make a question about pay, perks or time off.
const PAY_WORDS: [&str; 26] = [
    "salary",
    "salaries",
    "pay",
    "paid",
    "bonus",
    "bonuses",
    "compensation",
    "equity",
    "stock",
    "raise",
    "raises",
    "vacation",
    "vacations",
    "holiday",
    "holidays",
    "pto",
    "leave",
    "benefit",
    "benefits",
    "perk",
    "perks",
    "pension",
    "401k",
    "insurance",
    "overtime",
    "allowance",
];

/// Whether every question in `text` (split at `?`, `;` and line breaks)
/// is about pay, perks or time off. `None` when there is no question.
#[must_use]
pub fn pay_only(text: &str) -> Option<bool> {
    let parts: Vec<&str> = text
        .split(['?', ';', '\n'])
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(parts.iter().all(|p| {
        let lower = p.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().any(|w| PAY_WORDS.contains(w))
            || words
                .windows(2)
                .any(|w| w == ["time", "off"] || w == ["days", "off"])
    }))
}

#[cfg(test)]
mod tests {
    use super::pay_only;

    #[test]
    fn only_when_every_question_is_about_pay_perks_or_time_off() {
        assert_eq!(
            pay_only("What is the salary? How many vacation days do I get?"),
            Some(true)
        );
        assert_eq!(pay_only("How much time off is there?"), Some(true));
        assert_eq!(
            pay_only("What is the salary? What does success look like in six months?"),
            Some(false)
        );
        assert_eq!(pay_only("   "), None);
    }
}
