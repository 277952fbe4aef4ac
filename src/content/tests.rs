//! The analyzer as a whole: points, dodges, precedence, company, pay.

use super::*;

fn point(label: &str, cues: &[&str], hint: Option<&str>) -> Point {
    Point {
        point: label.into(),
        cues: cues.iter().map(|c| (*c).to_string()).collect(),
        hint: hint.map(str::to_string),
    }
}

fn dodge(cues: &[&str], why: &str) -> Avoid {
    Avoid {
        cues: cues.iter().map(|c| (*c).to_string()).collect(),
        why: why.into(),
    }
}

fn ctx() -> Context<'static> {
    Context {
        category: "behavioral",
        question: "Tell me about a time you failed.",
        ..Context::default()
    }
}

#[test]
fn a_story_without_its_result() {
    let situation = point("the situation", &["at my last", "when I was"], None);
    let result = point(
        "the result",
        &["as a result", "in the end", "result*", "#figure"],
        Some("close with what changed, ideally one number"),
    );
    let text =
        "At my last job I led the migration of our billing system and I picked the wrong queue.";
    let f = analyze(text, &[&situation, &result], &[], &ctx()).unwrap();
    assert_eq!(f.points.len(), 2);
    assert!(f.points[0].heard);
    assert_eq!(
        f.points[0].evidence.as_deref(),
        Some("At my last job I led")
    );
    assert!(!f.points[1].heard);
    assert_eq!(f.points[1].evidence, None);
    assert_eq!(
        f.points[1].hint,
        "close with what changed, ideally one number"
    );
    let with_result = format!("{text} In the end we cut failures by 40%.");
    let f = analyze(&with_result, &[&situation, &result], &[], &ctx()).unwrap();
    assert!(f.points[1].heard);
    assert_eq!(f.specifics[0].text, "40%");
}

#[test]
fn a_point_without_a_hint_says_add() {
    let p = point("what you changed", &["since then"], None);
    let f = analyze("I missed it.", &[&p], &[], &ctx()).unwrap();
    assert_eq!(f.points[0].hint, "Add: what you changed");
}

#[test]
fn a_dodge_wins_over_overselling_and_overselling_over_a_hedge() {
    let d = dodge(&["i dont have any weaknesses"], "name a real one");
    let text = "Honestly I don't have any weaknesses. I'm the best at this, I think.";
    let f = analyze(text, &[], &[&d], &ctx()).unwrap();
    assert_eq!(f.avoid.len(), 1);
    assert_eq!(f.avoid[0].text, "I don't have any weaknesses");
    assert_eq!(f.avoid[0].why, "name a real one");
    assert_eq!(f.avoid[0].at_word, 1);
    let oversold: Vec<&str> = f.oversell.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(oversold, ["I'm the best"]);
    let hedged: Vec<&str> = f.hedges.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(hedged, ["I think"]);
    // Without the dodge the claim is overselling.
    let f = analyze(text, &[], &[], &ctx()).unwrap();
    assert_eq!(f.oversell.len(), 2);
}

#[test]
fn the_company_is_named_or_not() {
    let ask = Context {
        names_company: true,
        company: Some("Acme Corp"),
        ..ctx()
    };
    let read = |t: &str, c: &Context<'_>| analyze(t, &[], &[], c).unwrap().company_named;
    assert_eq!(read("I admire acme corp's search team", &ask), Some(true));
    assert_eq!(read("I admire your search team", &ask), Some(false));
    assert_eq!(read("I admire Acme Corp", &ctx()), None);
    let no_company = Context {
        names_company: true,
        ..ctx()
    };
    assert_eq!(read("I admire Acme Corp", &no_company), None);
}

#[test]
fn placeholders_in_cues_are_filled_or_skipped() {
    let p = point("the company", &["at {company}", "your team"], None);
    let named = Context {
        company: Some("Acme"),
        ..ctx()
    };
    let f = analyze("I want to work at Acme", &[&p], &[], &named).unwrap();
    assert!(f.points[0].heard);
    let f = analyze("I want to work at the company", &[&p], &[], &ctx()).unwrap();
    assert!(
        !f.points[0].heard,
        "never matched against the neutral default"
    );
}

#[test]
fn pay_only_in_questions_to_ask() {
    let q = Context {
        category: "questions-to-ask",
        ..ctx()
    };
    let f = analyze("What is the salary? How many vacation days?", &[], &[], &q).unwrap();
    assert_eq!(f.pay_only, Some(true));
    let f = analyze(
        "What is the salary? How many vacation days?",
        &[],
        &[],
        &ctx(),
    )
    .unwrap();
    assert_eq!(f.pay_only, None);
}

#[test]
fn other_languages_get_no_findings() {
    let p = point("the result", &["resultado", "#figure"], None);
    let text = "Creo que quizás mi mayor debilidad es que me cuesta delegar, en 2020 fue peor.";
    let f = analyze(text, &[&p], &[], &ctx()).unwrap();
    assert_eq!(f.language, Language::Other);
    assert!(f.points.is_empty() && f.specifics.is_empty() && f.hedges.is_empty());
    assert_eq!(f.words, 15);
}

#[test]
fn no_text_no_findings() {
    assert_eq!(analyze("", &[], &[], &ctx()), None);
    assert_eq!(analyze("  — … ", &[], &[], &ctx()), None);
}

#[test]
fn own_points_are_marked() {
    let question = Question {
        id: "failed".into(),
        text: "Tell me about a time you failed.".into(),
        followups: Vec::new(),
        tips: Vec::new(),
        limit: None,
        think: None,
        tags: Vec::new(),
        situation: None,
        listen_for: vec![point("what you changed", &["since then"], None)],
        skip_points: vec!["the situation".into()],
        avoid: vec![dodge(&["not my fault"], "own it")],
    };
    let bank = Bank {
        category: "behavioral".into(),
        title: "Behavioral".into(),
        description: None,
        limit: None,
        think: None,
        questions: vec![question],
        source: crate::bank::Source::BuiltIn,
        listen_for: vec![
            point("the situation", &["at my last"], None),
            point("the result", &["in the end"], None),
        ],
        avoid: vec![dodge(&["never missed"], "own one")],
    };
    let q = &bank.questions[0];
    let text = "At my last job it was not my fault. In the end it worked. Since then I plan.";
    let f = analyze_question(text, &bank, q, &ctx()).unwrap();
    let got: Vec<(&str, bool, bool)> = f
        .points
        .iter()
        .map(|p| (p.point.as_str(), p.heard, p.own))
        .collect();
    assert_eq!(
        got,
        [
            ("the result", true, false),
            ("what you changed", true, true)
        ]
    );
    assert_eq!(f.avoid.len(), 1);
    assert_eq!(f.avoid[0].why, "own it");
}
