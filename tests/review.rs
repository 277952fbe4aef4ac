//! `hotseat review` and `hotseat history` end to end on the fixture
//! history: pauses inline, later ratings attached, stumbles by time,
//! hostile text neutralized, unknown ids refused, snapshots.

mod report_util;

use report_util::{ReportHome, fixture, ok, stderr};
use serde_json::Value;

#[test]
fn history_lists_every_session_oldest_first() {
    let home = ReportHome::with(&fixture());
    let v: Value = serde_json::from_str(&ok(&home.run(&["history", "--json"]))).unwrap();
    let rows = v.as_array().unwrap();
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r["session"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "20261120-090000-aaaa",
            "20261123-020000-bbbb",
            "20261128-100000-eeee",
            "20261129-080000-cccc",
            "20261130-233000-dddd"
        ]
    );
    for key in [
        "session",
        "started",
        "mode",
        "answered",
        "skipped",
        "interrupted",
    ] {
        assert!(rows.iter().all(|r| r.get(key).is_some()), "{key}");
    }
    // The session whose closing record never came: counted from its
    // answers, and ended early.
    assert_eq!(rows[2]["answered"], 0);
    assert_eq!(rows[2]["skipped"], 1);
    assert_eq!(rows[2]["interrupted"], true);
    assert_eq!(rows[4]["mode"], "rehearse");
    let text = ok(&home.run(&["history"]));
    assert_eq!(text.matches("answered").count(), 5, "{text}");
    let empty = ReportHome::empty();
    assert!(ok(&empty.run(&["history"])).contains("No sessions yet"));
    assert_eq!(ok(&empty.run(&["history", "--json"])).trim(), "[]");
}

#[test]
fn review_shows_pauses_in_place_and_later_ratings() {
    let home = ReportHome::with(&fixture());
    let text = ok(&home.run(&["review", "20261123-020000-bbbb"]));
    assert!(text.contains("I ⏸3.5s like to know"), "{text}");
    assert!(text.contains("A plain ⏸7.0s answer"), "{text}");
    assert!(text.contains("OVER the"), "{text}");
    assert!(
        text.contains("rated 2/5"),
        "the later rating is attached: {text}"
    );
    assert!(text.contains("fillers 1 (basically)"), "{text}");
    let spoken = ok(&home.run(&["review", "20261129-080000-cccc"]));
    assert!(
        spoken.contains("stumble at 3.0s, stumble at 12.5s"),
        "{spoken}"
    );
    let first = ok(&home.run(&["review", "20261120-090000-aaaa"]));
    assert!(first.contains("I tend to ⏸4.5s over prepare"), "{first}");
    assert!(first.contains("SKIPPED"), "{first}");
    assert!(first.contains("tips opened"), "{first}");
}

#[test]
fn review_last_is_the_latest_session_and_text_is_neutralized() {
    let home = ReportHome::with(&fixture());
    let last = ok(&home.run(&["review"]));
    assert_eq!(last, ok(&home.run(&["review", "last"])));
    assert!(last.contains("20261130-233000-dddd"), "{last}");
    assert!(!last.contains('\x1b'), "no raw escape reaches the terminal");
    assert!(last.contains("\\x1b[2J"), "{last}");
    assert!(last.contains("follow-up 1"), "{last}");
}

#[test]
fn review_json_has_the_documented_shape() {
    let home = ReportHome::with(&fixture());
    let v: Value = serde_json::from_str(&ok(&home.run(&[
        "review",
        "20261123-020000-bbbb",
        "--json",
    ])))
    .unwrap();
    assert_eq!(v["session"], "20261123-020000-bbbb");
    assert_eq!(v["mode"], "daily");
    let answers = v["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 3);
    for a in answers {
        for key in ["question", "at", "text", "think_ms", "pauses"] {
            assert!(a.get(key).is_some(), "{key}");
        }
        // Every answer here has text: it is read for content, in
        // DESIGN's shape.
        let c = &a["content"];
        assert_eq!(c["language"], "english", "{c}");
        // Counted from the stored text (the fixture's `words` are made up).
        let words = a["text"].as_str().unwrap().split_whitespace().count();
        assert_eq!(c["words"], words, "{c}");
        for key in [
            "hedges",
            "oversell",
            "specifics",
            "long_sentences",
            "repeated",
            "points",
            "avoid",
        ] {
            assert!(c[key].is_array(), "{key}: {c}");
        }
        for key in ["company_named", "pay_only"] {
            assert!(c.get(key).is_some(), "{key}: {c}");
        }
    }
    assert_eq!(answers[1]["rating"], 2);
    assert_eq!(answers[0]["pauses"][1]["at_char"], 60);
}

#[test]
fn review_json_content_is_null_without_text_or_with_no_content() {
    let home = ReportHome::with(&fixture());
    let json = |args: &[&str]| -> Value { serde_json::from_str(&ok(&home.run(args))).unwrap() };
    // The spoken answer has no text: nothing to read.
    let v = json(&["review", "20261129-080000-cccc", "--json"]);
    let answers = v["answers"].as_array().unwrap();
    assert!(answers[0]["content"].is_object(), "{}", answers[0]);
    assert_eq!(answers[1]["input"], "spoken");
    assert!(answers[1]["content"].is_null(), "{}", answers[1]);
    // --no-content: null everywhere; --content after it turns it back on.
    let off = json(&["review", "20261123-020000-bbbb", "--json", "--no-content"]);
    let answers = off["answers"].as_array().unwrap();
    assert!(!answers.is_empty());
    assert!(answers.iter().all(|a| a["content"].is_null()), "{off}");
    let on = json(&[
        "review",
        "20261123-020000-bbbb",
        "--json",
        "--no-content",
        "--content",
    ]);
    assert!(on["answers"][0]["content"].is_object(), "{on}");
}

#[test]
fn an_unknown_session_is_refused_naming_it() {
    let home = ReportHome::with(&fixture());
    let out = home.run(&["review", "20990101-000000-zzzz"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("\"20990101-000000-zzzz\""), "{err}");
    assert!(err.contains("hotseat history"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn an_empty_history_has_nothing_to_review() {
    let home = ReportHome::empty();
    let out = home.run(&["review"]);
    assert!(ok(&out).contains("No sessions to review yet"));
    let v: Value = serde_json::from_str(&ok(&home.run(&["review", "--json"]))).unwrap();
    assert!(v["session"].is_null());
    assert_eq!(v["answers"], serde_json::json!([]));
}

#[test]
fn snapshot_review() {
    let home = ReportHome::with(&fixture());
    let mut all = String::new();
    for id in ["20261123-020000-bbbb", "20261129-080000-cccc", "last"] {
        all.push_str(&ok(&home.run(&["review", id])));
        all.push_str("----\n");
    }
    insta::assert_snapshot!("review_text", all);
}
