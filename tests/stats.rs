//! `hotseat stats` end to end on the fixture history: figures checked
//! against values computed here from the raw JSON, unreadable lines,
//! streak and calendar edge cases across time zones, filters, snapshots.

mod report_util;
mod util;

use std::collections::{BTreeMap, BTreeSet};

use hotseat::drill::AnswerRecord;
use hotseat::drill::coach::hesitation_score;
use report_util::{ReportHome, TODAY, fixture, fixture_values, ok, stderr};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

fn stats_json(home: &ReportHome, args: &[&str]) -> Value {
    let mut all = vec!["stats", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(&home.run(&all))).expect("stats --json is JSON")
}

fn answers() -> Vec<Value> {
    fixture_values()
        .into_iter()
        .filter(|v| v["kind"] == "answer")
        .collect()
}

/// The median as documented: the mean of the middle two, rounded up.
fn median(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]).div_ceil(2)
    }
}

#[test]
fn figures_match_an_independent_count_of_the_fixture() {
    let home = ReportHome::with(&fixture());
    let got = stats_json(&home, &[]);
    let answers = answers();
    assert_eq!(got["answers"], answers.len());
    let sessions: BTreeSet<&str> = answers
        .iter()
        .map(|a| a["session"].as_str().unwrap())
        .collect();
    assert_eq!(got["sessions"], sessions.len());

    let mut by_cat: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for a in &answers {
        by_cat
            .entry(a["category"].as_str().unwrap())
            .or_default()
            .push(a);
    }
    let cats = got["categories"].as_array().unwrap();
    assert_eq!(cats.len(), by_cat.len());
    for (c, (name, list)) in cats.iter().zip(&by_cat) {
        let think: Vec<u64> = list
            .iter()
            .map(|a| a["think_ms"].as_u64().unwrap())
            .collect();
        let n = think.len() as u64;
        let count = |key: &str| list.iter().filter(|a| a[key] == true).count();
        assert_eq!(c["category"], *name);
        assert_eq!(c["answers"], n, "{name}");
        assert_eq!(
            c["think_ms_mean"],
            (think.iter().sum::<u64>() + n / 2) / n,
            "{name}"
        );
        assert_eq!(c["think_ms_median"], median(think), "{name}");
        let pauses: usize = list
            .iter()
            .map(|a| a["pauses"].as_array().unwrap().len())
            .sum();
        assert_eq!(c["pauses"], pauses, "{name}");
        assert_eq!(c["skipped"], count("skipped"), "{name}");
        assert_eq!(c["overran"], count("overran"), "{name}");
    }

    // Days by each record's own local date: the date written in `at`
    // (the fixture's `Z` times are read in UTC here).
    let mut days: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
    for a in &answers {
        days.entry(&a["at"].as_str().unwrap()[..10])
            .or_default()
            .push(a["think_ms"].as_u64().unwrap());
    }
    let got_days = got["days"].as_array().unwrap();
    assert_eq!(got_days.len(), days.len());
    for (d, (date, think)) in got_days.iter().zip(days) {
        assert_eq!(d["date"], date);
        assert_eq!(d["answers"], think.len());
        assert_eq!(d["think_ms_median"], median(think));
    }

    // The stickiest: daily's score over drill and daily answers, no
    // follow-ups, worst first, only questions that hesitated.
    let mut by_q: BTreeMap<String, Vec<AnswerRecord>> = BTreeMap::new();
    for a in &answers {
        let rec: AnswerRecord = serde_json::from_value(a.clone()).unwrap();
        if rec.moves_schedule() {
            by_q.entry(rec.question.clone()).or_default().push(rec);
        }
    }
    let mut want: Vec<(String, f64, usize)> = by_q
        .iter()
        .map(|(q, list)| (q.clone(), hesitation_score(list), list.len()))
        .filter(|w| w.1 > 0.0)
        .collect();
    want.sort_by(|a, b| b.1.total_cmp(&a.1));
    let sticky = got["stickiest"].as_array().unwrap();
    assert_eq!(sticky.len(), want.len());
    assert!(!want.is_empty());
    for (s, (q, score, n)) in sticky.iter().zip(&want) {
        assert_eq!(s["question"], q.as_str());
        assert_eq!(s["answers"], *n);
        assert!(
            (s["score"].as_f64().unwrap() - score).abs() < 0.006,
            "{s} vs {score}"
        );
    }

    // The slowest start and the longest pause, found by hand.
    let slowest = answers
        .iter()
        .max_by_key(|a| a["think_ms"].as_u64())
        .unwrap();
    assert_eq!(got["slowest_starts"][0]["think_ms"], slowest["think_ms"]);
    assert_eq!(got["slowest_starts"][0]["question"], slowest["question"]);
    let longest = answers
        .iter()
        .flat_map(|a| a["pauses"].as_array().unwrap().iter().map(move |p| (p, a)))
        .max_by_key(|(p, _)| p["ms"].as_u64())
        .unwrap();
    assert_eq!(got["longest_pauses"][0]["ms"], longest.0["ms"]);
    assert_eq!(got["longest_pauses"][0]["question"], longest.1["question"]);
}

/// `stats --json` over a history of `text`: the report, what it warned on
/// standard error, and the history's path (warnings name it).
fn stats_json_and_warnings(text: &str) -> (Value, String, std::path::PathBuf) {
    let home = ReportHome::with(text);
    let out = home.run(&["stats", "--json"]);
    let got: Value = serde_json::from_str(&ok(&out)).unwrap();
    (got, stderr(&out), home.path().join("history.jsonl"))
}

#[test]
fn a_corrupt_middle_line_and_a_torn_last_line_warn_and_change_nothing() {
    let clean = stats_json(&ReportHome::with(&fixture()), &[]);
    let mut lines: Vec<String> = fixture().lines().map(str::to_string).collect();
    let total = lines.len();
    lines.insert(5, "{\"v\":1,\"kind\":\"answer\",\"think_ms\":".to_string());
    let mut text = lines.join("\n");
    text.push_str("\n{\"v\":1,\"kind\":\"answer\",\"session\":\"torn\",\"at\":\"2026-");
    let (got, err, path) = stats_json_and_warnings(&text);
    assert_eq!(got, clean);
    assert!(
        err.contains(&format!("hotseat: {}:6: ", path.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:{}: ", path.display(), total + 2)),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    // The text report reads the same way.
    let out = ReportHome::with(&text).run(&["stats"]);
    assert!(ok(&out).contains("10 answers in 5 sessions"));
    assert_eq!(stderr(&out).lines().count(), 2);
}

#[test]
fn the_streak_counts_local_days_up_to_today_or_yesterday() {
    let home = ReportHome::with(&fixture());
    let streak = |tz: &str, today: &str| -> Value {
        let out = home.run_in(tz, today, &["stats", "--json"]);
        serde_json::from_str::<Value>(&ok(&out)).unwrap()["streak_days"].clone()
    };
    // Practice on the 29th (at -08:00) and the 30th (23:30 at -05:00,
    // already the 1st in UTC); the 28th had only a skip.
    assert_eq!(streak("UTC", "2026-11-30"), 2, "today included");
    assert_eq!(streak("UTC", TODAY), 2, "today without practice yet");
    assert_eq!(streak("UTC", "2026-12-02"), 0, "a day missed");
    assert_eq!(
        streak("UTC", "2026-11-29"),
        1,
        "a skipped-only day breaks it"
    );
    // Records carry their own offset: the machine's zone does not move them.
    assert_eq!(streak("Asia/Tokyo", "2026-11-30"), 2);
    let text = ok(&home.run(&["stats"]));
    assert!(text.contains("Streak: 2 days up to yesterday"), "{text}");
    let text = ok(&home.run_in("UTC", "2026-11-30", &["stats"]));
    assert!(text.contains("Streak: 2 days, today included."), "{text}");
}

#[test]
fn z_times_are_dated_in_the_machines_zone_offsets_in_their_own() {
    let home = ReportHome::with(&fixture());
    let dates = |tz: &str| -> Vec<String> {
        let v: Value =
            serde_json::from_str(&ok(&home.run_in(tz, TODAY, &["stats", "--json"]))).unwrap();
        v["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["date"].as_str().unwrap().to_string())
            .collect()
    };
    // The 02:00Z session of the 23rd is the 22nd in Los Angeles; the
    // 23:30-05:00 rehearsal stays on the 30th everywhere.
    let utc = dates("UTC");
    let la = dates("America/Los_Angeles");
    assert!(utc.contains(&"2026-11-23".to_string()), "{utc:?}");
    assert!(
        la.contains(&"2026-11-22".to_string()) && !la.contains(&"2026-11-23".to_string()),
        "{la:?}"
    );
    assert!(utc.contains(&"2026-11-30".to_string()) && la.contains(&"2026-11-30".to_string()));
    assert!(!utc.contains(&"2026-12-01".to_string()));
}

#[test]
fn filters_narrow_everything_but_the_streak() {
    let home = ReportHome::with(&fixture());
    let week = stats_json(&home, &["--since", "7d"]);
    assert_eq!(week["since"], "2026-11-25");
    assert_eq!(week["answers"], 5);
    assert_eq!(week["streak_days"], 2);
    let dated = stats_json(&home, &["--since", "2026-11-29"]);
    assert_eq!(dated["answers"], 4);
    let rehearse = stats_json(&home, &["--mode", "rehearse"]);
    assert_eq!(rehearse["answers"], 2);
    assert_eq!(
        rehearse["stickiest"],
        serde_json::json!([]),
        "rehearsals never move the schedule"
    );
    let cats = stats_json(&home, &["--category", "strengths,curveballs"]);
    assert_eq!(cats["answers"], 5);
    assert_eq!(cats["categories"].as_array().unwrap().len(), 2);
    let out = home.run(&["stats", "--since", "yesterday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("7d, 30d, 2w"), "{}", stderr(&out));
}

#[test]
fn an_empty_or_missing_history_is_a_friendly_line_and_zeros() {
    for home in [ReportHome::empty(), ReportHome::with("")] {
        let text = ok(&home.run(&["stats"]));
        assert!(text.contains("No answers here yet"), "{text}");
        let v = stats_json(&home, &[]);
        assert_eq!(
            (v["answers"].as_u64(), v["sessions"].as_u64()),
            (Some(0), Some(0))
        );
        assert_eq!(v["categories"], serde_json::json!([]));
        assert_eq!(v["days"], serde_json::json!([]));
    }
    // Reading created nothing.
    let home = ReportHome::empty();
    let _ = home.run(&["stats"]);
    assert!(!home.path().join("history.jsonl").exists());
}

#[test]
fn every_line_fits_from_40_columns_up() {
    let (records, _) = hotseat::history::read_from(fixture().as_bytes()).unwrap();
    let zone = jiff::tz::TimeZone::UTC;
    let mut b =
        hotseat::report::stats::StatsBuilder::new(hotseat::report::stats::Filter::all(zone));
    for r in &records {
        b.add(r);
    }
    let stats = b.finish(TODAY.parse().unwrap());
    for width in [40usize, 55, 80, 120] {
        let lines = hotseat::report::stats_view::render(
            &stats,
            width,
            hotseat::term::style::Paint::new(false),
        );
        for l in &lines {
            assert!(l.width() <= width, "{width}: {l:?} is {} wide", l.width());
        }
        let text = lines.join("\n");
        assert!(text.contains("curveballs"), "{text}");
        assert!(text.contains("▓") || text.contains("█"), "{text}");
    }
    let narrow =
        hotseat::report::stats_view::render(&stats, 40, hotseat::term::style::Paint::new(false));
    assert!(
        !narrow.iter().any(|l| l.contains("────")),
        "stacked below the table width"
    );
}

#[test]
fn snapshot_stats_text() {
    let home = ReportHome::with(&fixture());
    insta::assert_snapshot!("stats_text", ok(&home.run(&["stats"])));
}

#[test]
fn snapshot_stats_json() {
    let home = ReportHome::with(&fixture());
    insta::assert_json_snapshot!("stats_json", stats_json(&home, &[]));
}

/// Runs `hotseat stats` in a pseudo-terminal `cols` wide; its output lines.
fn stats_in_terminal(home: &ReportHome, cols: u16) -> Vec<String> {
    use util::pty::{Exit, Spawn};
    let mut pty = Spawn::in_home(home.path(), &["--color", "never", "stats"])
        .env("HOTSEAT_TODAY", TODAY)
        .env("TZ", "UTC")
        .size(60, cols)
        .start();
    // The last line's words (it may wrap), then the end of the output.
    pty.expect("2026-11-23");
    assert!(pty.wait_eof(util::pty::DEADLINE), "output ends");
    assert_eq!(pty.wait_exit(), Exit::Code(0));
    let raw = String::from_utf8(pty.raw()).expect("UTF-8");
    raw.split('\n')
        .map(|l| l.trim_end_matches('\r').to_string())
        .collect()
}

#[test]
fn on_a_terminal_the_report_fits_its_width() {
    let home = ReportHome::with(&fixture());
    let narrow = stats_in_terminal(&home, 40);
    assert!(
        narrow.iter().any(|l| l.starts_with("Stats, all time")),
        "{narrow:?}"
    );
    for l in &narrow {
        assert!(l.width() <= 40, "{l:?} is {} wide", l.width());
    }
    assert!(
        !narrow.iter().any(|l| l.contains("────")),
        "stacked at 40 columns"
    );
    let wide = stats_in_terminal(&home, 100);
    assert!(
        wide.iter().any(|l| l.contains("────")),
        "a table at 100 columns: {wide:?}"
    );
    assert!(wide.iter().any(|l| l.width() > 80), "uses the room it has");
    assert!(wide.iter().all(|l| l.width() <= 100));
}

#[test]
fn content_covers_ninety_days_or_the_since_range_and_is_null_when_off() {
    let home = ReportHome::with(&fixture());
    let on = stats_json(&home, &[]);
    let c = &on["content"];
    // Today is 2026-12-01: the 90 days are 2026-09-03 … today.
    assert_eq!(c["since"], "2026-09-03", "{c}");
    for key in ["hedges_per_100_words", "categories", "points", "avoid"] {
        assert!(c.get(key).is_some(), "{key}: {c}");
    }
    // Every typed answer with text is read once: the fixture's, counted
    // independently (not skipped, with text).
    let read = answers()
        .iter()
        .filter(|a| a["skipped"] != true && a["text"].as_str().is_some_and(|t| !t.is_empty()))
        .count() as u64;
    let counted: u64 = c["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["answers"].as_u64().unwrap())
        .sum();
    assert_eq!(counted, read, "{c}");
    let week = stats_json(&home, &["--since", "7d"]);
    assert_eq!(week["content"]["since"], "2026-11-25");
    let off = stats_json(&home, &["--no-content"]);
    assert!(off["content"].is_null(), "{off}");
    // The rest of the document does not depend on content.
    let mut a = on.clone();
    a["content"] = Value::Null;
    assert_eq!(a, off);
    let text = ok(&home.run(&["stats", "--no-content"]));
    assert!(!text.contains("What your answers said"), "{text}");
    assert!(ok(&home.run(&["stats"])).contains("What your answers said, since 2026-09-03"));
}

/// The fixture spread over a history of many batches — each record more
/// than a batch (256 KiB) after the one before, lines of a kind this
/// version does not know in between (silently skipped), a broken line
/// half way — so its records are read and folded on both reading threads
/// and the parts merged: the report is the fixture's own, content
/// included, and the one warning names its exact line.
#[test]
fn a_history_of_many_batches_folds_into_the_same_report() {
    let clean = stats_json(&ReportHome::with(&fixture()), &[]);
    assert!(clean["content"].is_object(), "content on");
    let pad = format!(
        "{{\"v\":1,\"kind\":\"from-the-future\",\"note\":\"{}\"}}\n",
        "x".repeat(1_000)
    );
    let fixture = fixture();
    let records: Vec<&str> = fixture.lines().collect();
    let mut text = String::new();
    let mut broken = 0;
    for (i, record) in records.iter().enumerate() {
        text.push_str(record);
        text.push('\n');
        text.push_str(&pad.repeat(300));
        if i == records.len() / 2 {
            text.push_str("{\"v\":1,\"kind\":\"answer\",\"think_ms\":\n");
            broken = text.lines().count();
        }
    }
    assert!(
        text.len() > records.len() * 256 * 1024,
        "a batch per record"
    );
    let (got, err, path) = stats_json_and_warnings(&text);
    assert_eq!(got, clean);
    assert!(
        err.contains(&format!("hotseat: {}:{broken}: ", path.display())),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// Think times and pauses as long as the file's numbers can say (a
/// corrupted or hostile history): `stats` reports them, as text and as
/// JSON, and never crashes on the arithmetic.
#[test]
fn the_largest_numbers_a_history_can_hold_are_reported_not_crashed_on() {
    let max = u64::MAX.to_string();
    let first = fixture().lines().next().unwrap().to_string();
    let huge = first
        .replace("\"think_ms\":4000", &format!("\"think_ms\":{max}"))
        .replace("\"ms\":4500", &format!("\"ms\":{max}"));
    assert_ne!(huge, first);
    let home = ReportHome::with(&format!("{huge}\n{huge}\n"));
    let got = stats_json(&home, &[]);
    assert_eq!(got["categories"][0]["think_ms_mean"].to_string(), max);
    assert_eq!(got["categories"][0]["think_ms_median"].to_string(), max);
    assert_eq!(got["slowest_starts"][0]["think_ms"].to_string(), max);
    assert_eq!(got["longest_pauses"][0]["ms"].to_string(), max);
    let text = ok(&home.run(&["stats"]));
    assert!(text.contains("2 answers"), "{text}");
    // The largest value is the longest bar and the tallest spark, not
    // shrunk by a saturated product.
    let lines: Vec<&str> = text.lines().collect();
    let chart = lines
        .iter()
        .position(|l| l.starts_with("Median think time by category"))
        .expect(&text);
    assert!(lines[chart + 1].contains("█████"), "{text}");
    let trend = lines
        .iter()
        .position(|l| l.starts_with("Median think time per day"))
        .expect(&text);
    assert!(lines[trend + 1].contains('█'), "{text}");
}
